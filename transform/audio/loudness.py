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
from collections.abc import Sequence

import numpy as np

from .._exec import ffmpeg

WHOLE_S = 240  # narrations up to 4 minutes are measured whole


def measure_loudness(pcm: np.ndarray, sample_rate: int, spans: Sequence[tuple[int, int]] = ()) -> float:
    """Integrated loudness of mono int16 PCM in LUFS (``-inf`` when silent), measured by ffmpeg.

    ``spans`` are the sentences' (first sample, end sample) in order, each running until the next
    sentence starts; when the track is longer than ``WHOLE_S`` every k-th one is measured.
    """
    data = np.ascontiguousarray(excerpt(pcm, sample_rate, spans), dtype="<i2")
    view = memoryview(data).cast("B")  # type: ignore[arg-type]  # no copy
    return ffmpeg.integrated_loudness(view, sample_rate, timeout=max(60.0, len(data) / sample_rate / 20))


def excerpt(pcm: np.ndarray, sample_rate: int, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """The whole track, or every k-th sentence span (about ``WHOLE_S`` seconds) when it is longer."""
    k = math.ceil(len(pcm) / (WHOLE_S * sample_rate))
    if k <= 1 or len(spans) < 2 * k:
        return pcm
    return np.concatenate([pcm[a:b] for a, b in spans[k // 2 :: k]])


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
    g0 = 10 ** (gain_db / 20)
    knee = 0.8 * ceiling
    total, hot_parts = 0.0, []
    for a in range(0, len(samples), chunk):
        x = samples[a : a + chunk].astype(np.float32) * np.float32(1 / 32768.0)
        total += float(np.dot(x, x))
        hot_parts.append(x[np.abs(x) * (2 * g0) > knee])
    hot = np.concatenate(hot_parts) if hot_parts else np.zeros(0, dtype=np.float32)
    hot_energy = float(np.dot(hot, hot))
    want, g = total * g0 * g0, g0
    for _ in range(6):
        y = _limit(hot * np.float32(g), ceiling)
        got = (total - hot_energy) * g * g + float(np.dot(y, y))
        if want <= 0 or got <= 0 or abs(10 * math.log10(want / got)) < 0.02:
            break
        g = min(g * math.sqrt(want / got), 2 * g0)
    scale = np.float32(g / 32768.0)
    for a in range(0, len(samples), chunk):
        y = _limit(samples[a : a + chunk].astype(np.float32) * scale, ceiling)
        np.multiply(y, 32767.0, out=y)
        np.clip(np.rint(y, out=y), -32768, 32767, out=y)
        samples[a : a + chunk] = y
    return samples
