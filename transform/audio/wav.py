"""PCM clips: read WAV bytes (also the streamed kind espeak-ng writes), resample with ffmpeg, write WAV."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from math import gcd
from pathlib import Path
from typing import TYPE_CHECKING

from .._exec import FFMPEG, ffmpeg, run
from ..errors import EngineError

if TYPE_CHECKING:  # numpy is imported where samples are made: `import transform` stays light
    import numpy as np


@dataclass
class Clip:
    """Mono 16-bit audio of one sentence."""

    samples: np.ndarray  # int16, mono
    sample_rate: int

    @property
    def duration_ms(self) -> float:
        return len(self.samples) * 1000.0 / self.sample_rate


def parse_wav(data: bytes, *, source: str = "audio") -> Clip:
    """Read a RIFF/WAVE file held in memory (PCM 16-bit, any channel count; channels are averaged).

    espeak-ng's ``--stdout`` writes placeholder sizes (0x7ffff000); the data chunk
    then runs to the end of the bytes.
    """
    import numpy as np

    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise EngineError(f"{source} did not produce a WAV file.")
    pos, fmt = 12, None
    while pos + 8 <= len(data):
        cid, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        body = pos + 8
        if cid == b"fmt ":
            fmt = struct.unpack("<HHIIHH", data[body : body + 16])
        elif cid == b"data":
            if fmt is None:
                break
            tag, channels, rate, _, _, bits = fmt
            if tag not in (1, 0xFFFE) or bits != 16:
                raise EngineError(f"{source} produced WAV that is not 16-bit PCM (format {tag}, {bits} bits).")
            end = min(body + size, len(data))
            end -= (end - body) % (2 * channels)
            pcm = np.frombuffer(data[body:end], dtype="<i2")
            if channels > 1:
                pcm = pcm.reshape(-1, channels).mean(axis=1).astype(np.int16)
            return Clip(pcm.astype(np.int16, copy=False), rate)
        pos = body + size + (size & 1)
    raise EngineError(f"{source} produced a WAV file without audio data.")


def wav_bytes(clip: Clip) -> bytes:
    """A standard WAV file (sizes filled in) for ``clip``."""
    pcm = clip.samples.astype("<i2").tobytes()
    header = b"RIFF" + struct.pack("<I", 36 + len(pcm)) + b"WAVE"
    header += b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, clip.sample_rate, clip.sample_rate * 2, 2, 16)
    return header + b"data" + struct.pack("<I", len(pcm)) + pcm


def decode(path_or_bytes: Path | bytes, sample_rate: int, *, timeout: float, source: str = "audio") -> Clip:
    """Any audio ffmpeg reads (MP3 from gTTS, WAV at another rate) -> mono 16-bit at ``sample_rate``."""
    import numpy as np

    FFMPEG.require()
    src = "pipe:0" if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else None
    proc = run(ffmpeg.decode_command(src, sample_rate), tool="ffmpeg", timeout=timeout, input=data)
    return Clip(np.frombuffer(proc.stdout, dtype="<i2").copy(), sample_rate)


def conform(clip: Clip, sample_rate: int, *, timeout: float) -> Clip:
    """The clip at ``sample_rate`` (resampled by ffmpeg only when needed)."""
    if clip.sample_rate == sample_rate:
        return clip
    return decode(wav_bytes(clip), sample_rate, timeout=timeout)


def grid_samples(sample_rate: int) -> int:
    """Smallest number of samples that lasts a whole number of milliseconds (441 at 22050 Hz = 20 ms)."""
    return sample_rate // gcd(sample_rate, 1000)


def trim(samples: np.ndarray, sample_rate: int, *, threshold: int = 300, margin_ms: int = 30) -> np.ndarray:
    """Cut leading/trailing near-silence, keeping ``margin_ms`` of it on each side."""
    import numpy as np

    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > threshold)
    if loud.size == 0:
        return samples[:0]
    margin = sample_rate * margin_ms // 1000
    return samples[max(0, loud[0] - margin) : min(len(samples), loud[-1] + 1 + margin)]


def pad_to_grid(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Pad with silence so the clip lasts a whole number of milliseconds (exact integer timeline)."""
    import numpy as np

    g = grid_samples(sample_rate)
    extra = (-len(samples)) % g
    return np.concatenate([samples, np.zeros(extra, dtype=np.int16)]) if extra else samples
