"""Loudness normalisation of a narration: EBU R128 measurement by ffmpeg, then a gain with a soft limiter.

The integrated loudness (ITU-R BS.1770-4: K-weighting, 400 ms blocks, gates at -70 LUFS and
10 LU below the ungated mean) is measured by ffmpeg's ``ebur128`` filter
(:func:`transform._exec.ffmpeg.integrated_loudness`), the maintained implementation. A narration
up to ``WHOLE_S`` long is measured whole; a longer one on whole sentences spread evenly over it
(every k-th sentence with the pause after it, about ``WHOLE_S`` in all), which keeps the cost
fixed: the excerpts start and end in the digital silence of the pauses, so ffmpeg sees no joins.
:func:`apply_gain` then scales the samples to the target with a soft limiter that keeps the
peaks under -1 dBFS without losing loudness.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from .._exec import ffmpeg

WHOLE_S = 240  # narrations up to 4 minutes are measured whole


def measure_loudness(pcm: np.ndarray, sample_rate: int, spans: Sequence[tuple[int, int]] = ()) -> float:
    """Integrated loudness of mono int16 PCM in LUFS (``-inf`` when silent), measured by ffmpeg.

    ``spans`` are the sentences' (first sample, end sample) in order, each running until the next
    sentence starts; when the track is longer than ``WHOLE_S`` every k-th one is measured.
    """
    return measure_excerpt(excerpt(pcm, sample_rate, spans), sample_rate)


def excerpt(pcm: np.ndarray, sample_rate: int, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """The whole track, or every k-th sentence span (about ``WHOLE_S`` seconds) when it is longer."""
    if _stride(len(pcm), sample_rate, spans) <= 1:
        return pcm
    return excerpt_of(len(pcm), lambda a, b: pcm[a:b], sample_rate, spans)


def _stride(n: int, sample_rate: int, spans: Sequence[tuple[int, int]]) -> int:
    """k: every k-th sentence is measured; 1 = the whole track."""
    k = math.ceil(n / (WHOLE_S * sample_rate))
    return 1 if k <= 1 or len(spans) < 2 * k else k


def excerpt_of(
    n: int, read: Callable[[int, int], np.ndarray], sample_rate: int, spans: Sequence[tuple[int, int]]
) -> np.ndarray:
    """:func:`excerpt` of a track of ``n`` samples read by ``read(start, stop)`` (from a file on disk)."""
    k = _stride(n, sample_rate, spans)
    if k <= 1:
        return read(0, n)
    return np.concatenate([read(a, b) for a, b in spans[k // 2 :: k]])


def measure_excerpt(data: np.ndarray, sample_rate: int) -> float:
    """Integrated loudness (LUFS, ``-inf`` when silent) of mono int16 samples, measured by ffmpeg."""
    data = np.ascontiguousarray(data, dtype="<i2")
    view = memoryview(data).cast("B")  # type: ignore[arg-type]  # no copy
    return ffmpeg.integrated_loudness(view, sample_rate, timeout=max(60.0, len(data) / sample_rate / 20))


def _limit(y: np.ndarray, ceiling: float) -> np.ndarray:
    """Soft-limit float samples in place: above 80 % of ``ceiling`` a tanh knee keeps peaks below it."""
    knee = 0.8 * ceiling
    over = np.abs(y) > knee
    if over.any():
        v = y[over]
        span = ceiling - knee
        y[over] = np.sign(v) * (knee + span * np.tanh((np.abs(v) - knee) / span))
    return y


def apply_gain(samples: np.ndarray, gain_db: float, ceiling: float = 0.89, chunk: int = 1 << 20) -> np.ndarray:
    """Scale int16 samples IN PLACE by ``gain_db``, peaks kept under ``ceiling`` (-1 dBFS); returns them.

    The limiter takes a little energy from the peaks; the gain is raised until
    the energy after limiting equals the energy the plain gain would give
    (fixed-point iteration on the few samples that can reach the knee), so the
    loudness still reaches the target. Works in chunks: no full-size float copy.
    """
    g = limited_gain((samples[a : a + chunk] for a in range(0, len(samples), chunk)), gain_db, ceiling)
    for a in range(0, len(samples), chunk):
        samples[a : a + chunk] = scale(samples[a : a + chunk], g, ceiling)
    return samples


def limited_gain(chunks: Iterable[np.ndarray], gain_db: float, ceiling: float = 0.89) -> float:
    """The linear gain that, after the soft limiter, gives the energy of a plain ``gain_db``.

    One pass over the int16 ``chunks`` builds a histogram of sample magnitudes (32 769
    counts, exact for 16-bit samples), so memory does not grow with the narration; the
    fixed-point iteration then works on the magnitudes that can reach the limiter's knee.
    """
    g0 = 10 ** (gain_db / 20)
    knee = 0.8 * ceiling
    counts = np.zeros(32769, dtype=np.int64)
    for part in chunks:
        counts += np.bincount(np.abs(part.astype(np.int32)), minlength=32769)
    mags = np.arange(32769, dtype=np.float64) / 32768.0
    energy = counts * mags * mags
    total = float(energy.sum())
    hot = mags * (2 * g0) > knee
    hot_mags, hot_counts = mags[hot], counts[hot]
    hot_energy = float(energy[hot].sum())
    want, g = total * g0 * g0, g0
    for _ in range(6):
        y = _limit(hot_mags * g, ceiling)
        got = (total - hot_energy) * g * g + float(np.dot(hot_counts, y * y))
        if want <= 0 or got <= 0 or abs(10 * math.log10(want / got)) < 0.02:
            break
        g = min(g * math.sqrt(want / got), 2 * g0)
    return g


def scale(part: np.ndarray, g: float, ceiling: float = 0.89) -> np.ndarray:
    """``part`` (int16) times the linear gain ``g`` through the soft limiter, as new int16 samples."""
    y = _limit(part.astype(np.float32) * np.float32(g / 32768.0), ceiling)
    np.multiply(y, 32767.0, out=y)
    np.clip(np.rint(y, out=y), -32768, 32767, out=y)
    return y.astype(np.int16)
