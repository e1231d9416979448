"""Integrated loudness (ITU-R BS.1770-4 / EBU R128) computed in numpy, and the gain to reach a target.

The K-weighting filter (high shelf + high pass, coefficients designed for any
sample rate as libebur128 does) is applied in the frequency domain, one clip at
a time. Narration clips are separated by silence, so filtering each clip with
zero padding gives the same signal as filtering the whole track, and the
work splits across threads. Blocks of 400 ms with 75 % overlap are gated at
-70 LUFS and then 10 LU below the ungated mean, as the standard says.
"""

from __future__ import annotations

import math

import numpy as np

ABS_GATE = -70.0
REL_GATE = -10.0


def _biquads(sr: int) -> list[tuple[tuple[float, float, float], tuple[float, float, float]]]:
    f0, gain, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / sr)
    vh = 10 ** (gain / 20)
    vb = vh**0.4996667741545416
    a0 = 1 + k / q + k * k
    shelf = (
        ((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0),
        (
            1.0,
            2 * (k * k - 1) / a0,
            (1 - k / q + k * k) / a0,
        ),
    )
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / sr)
    d = 1 + k / q + k * k
    highpass = (1.0, -2.0, 1.0), (1.0, 2 * (k * k - 1) / d, (1 - k / q + k * k) / d)
    return [shelf, highpass]


def _response(n_fft: int, sr: int) -> np.ndarray:
    w = np.exp(-2j * np.pi * np.fft.rfftfreq(n_fft))  # z^-1 on the rfft bins
    h = np.ones_like(w)
    for b, a in _biquads(sr):
        h *= (b[0] + b[1] * w + b[2] * w * w) / (a[0] + a[1] * w + a[2] * w * w)
    return h


_CACHE: dict[tuple[int, int], np.ndarray] = {}


def k_weighted_power(samples: np.ndarray, sr: int, pad_ms: int = 200) -> np.ndarray:
    """Squared K-weighted signal of one clip (float32, same length), samples scaled to [-1, 1]."""
    if samples.size == 0:
        return np.zeros(0, dtype=np.float32)
    x = samples.astype(np.float32) / 32768.0
    n = len(x) + sr * pad_ms // 1000
    n_fft = 1 << (n - 1).bit_length()
    key = (n_fft, sr)
    if key not in _CACHE:
        if len(_CACHE) > 32:
            _CACHE.clear()
        _CACHE[key] = _response(n_fft, sr)
    y = np.fft.irfft(np.fft.rfft(x, n_fft) * _CACHE[key], n_fft)[: len(x)]
    return (y * y).astype(np.float32)


def integrated_loudness(power: np.ndarray, sr: int) -> float:
    """Gated integrated loudness (LUFS) of a mono track from its K-weighted power; -inf when silent."""
    hop = sr // 10
    n_hops = len(power) // hop
    if n_hops < 4:
        return float("-inf")
    seg = power[: n_hops * hop].reshape(n_hops, hop).sum(axis=1, dtype=np.float64)
    csum = np.concatenate([[0.0], np.cumsum(seg)])
    z = (csum[4:] - csum[:-4]) / (4 * hop)  # mean square of each 400 ms block, 100 ms apart
    with np.errstate(divide="ignore"):
        lk = -0.691 + 10 * np.log10(z)
    z = z[lk > ABS_GATE]
    if z.size == 0:
        return float("-inf")
    rel = -0.691 + 10 * math.log10(float(z.mean())) + REL_GATE
    z = z[-0.691 + 10 * np.log10(z) > rel]
    return -0.691 + 10 * math.log10(float(z.mean()))


def _limit(y: np.ndarray, ceiling: float) -> np.ndarray:
    """Soft-limit float samples in place: above 80 % of ``ceiling`` a tanh knee keeps peaks below it."""
    knee = 0.8 * ceiling
    over = np.abs(y) > knee
    if over.any():
        v = y[over]
        span = ceiling - knee
        y[over] = np.sign(v) * (knee + span * np.tanh((np.abs(v) - knee) / span))
    return y


def apply_gain(samples: np.ndarray, gain_db: float, ceiling: float = 0.89) -> np.ndarray:
    """Scale int16 samples by ``gain_db`` keeping peaks under ``ceiling`` (-1 dBFS).

    The limiter takes a little energy from the peaks; the gain is raised until
    the energy after limiting equals the energy the plain gain would give
    (fixed-point iteration), so the loudness still reaches the target. Only the
    samples that can reach the limiter's knee are looked at in the iterations.
    """
    x = samples.astype(np.float32) * np.float32(1 / 32768.0)
    g = 10 ** (gain_db / 20)
    total = float(np.dot(x, x))
    knee = 0.8 * ceiling
    hot = x[np.abs(x) * (2 * g) > knee]  # samples the limiter may touch even if the gain doubles
    hot_energy = float(np.dot(hot, hot))
    want = total * g * g
    for _ in range(6):
        y = _limit(hot * np.float32(g), ceiling)
        got = (total - hot_energy) * g * g + float(np.dot(y, y))
        if want <= 0 or got <= 0 or abs(10 * math.log10(want / got)) < 0.02:
            break
        g = min(g * math.sqrt(want / got), 2 * 10 ** (gain_db / 20))
    y = _limit(x * np.float32(g), ceiling)
    return np.clip(np.round(y * 32767.0), -32768, 32767).astype(np.int16)
