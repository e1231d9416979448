"""Helpers for the narration tests: small documents, a recording espeak engine, ffmpeg probes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from transform._exec import ESPEAK, FFMPEG
from transform.audio.engines import TTS_ENGINES
from transform.audio.engines.base import Voice
from transform.audio.engines.espeak import EspeakEngine
from transform.audio.wav import Clip
from transform.model import Document, DocumentMeta, Heading, Paragraph, Section, Sentence

needs_tools = pytest.mark.skipif(not (ESPEAK.available() and FFMPEG.available()), reason="espeak-ng and ffmpeg are needed")


class RecordingEspeak(EspeakEngine):
    """The real espeak engine, remembering every (text, voice) it was asked to speak."""

    name: ClassVar[str] = "espeak-recording"
    sent: ClassVar[list[tuple[str, str]]] = []

    def synthesize(self, text: str, voice: Voice, rate: int | None = None) -> Clip:
        type(self).sent.append((text, voice.name))
        return super().synthesize(text, voice, rate)


TTS_ENGINES.register("espeak-recording", RecordingEspeak, replace=True)


def sentence(sid: str, text: str, lang: str | None = None) -> Sentence:
    return Sentence(id=sid, text=text, lang=lang)


Para = list[tuple[str, str | None]]  # [(sentence text, own language or None)]


def doc(lang: str, sections: list[tuple[str, list[Para]]] | list[tuple[str, list[Para], str]]) -> Document:
    """A document from (heading, [paragraph...], section language?) tuples, with stable ids ``s1-p1-1``."""
    out = []
    for k, sec in enumerate(sections, 1):
        title, paras = sec[0], sec[1]
        slang = sec[2] if len(sec) > 2 else None  # type: ignore[misc]
        blocks = [
            Paragraph(id=f"s{k}-p{p}", sentences=[sentence(f"s{k}-p{p}-{n}", t, sl) for n, (t, sl) in enumerate(para, 1)])
            for p, para in enumerate(paras, 1)
        ]
        heading = Heading(id=f"s{k}-h", level=1, sentences=[sentence(f"s{k}-h-1", title)])
        out.append(Section(id=f"s{k}", heading=heading, blocks=blocks, lang=slang))
    return Document(meta=DocumentMeta(title="Test", source_name="test.md", lang=lang), sections=out)


def decoded_ms(path: Path, sample_rate: int = 22050) -> float:
    """Length of the decoded audio (ffmpeg applies the MP3 encoder delay/padding from the LAME tag)."""
    pcm = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-ar", str(sample_rate), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    return len(pcm) / 2 * 1000 / sample_rate


def probe_codec(path: Path) -> str:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=codec_name", "-of", "csv=p=0", str(path)],
        capture_output=True, text=True, check=True, timeout=30,
    )  # fmt: skip
    return out.stdout.strip()


def loudness_lufs(path: Path) -> float:
    err = subprocess.run(
        ["ffmpeg", "-nostats", "-i", str(path), "-af", "ebur128", "-f", "null", "-"], capture_output=True, text=True, timeout=60
    ).stderr
    return float(re.findall(r"I:\s+(-?[\d.]+) LUFS", err)[-1])


def silences(path: Path, min_s: float = 2.0, noise_db: int = -50) -> list[float]:
    err = subprocess.run(
        ["ffmpeg", "-nostats", "-i", str(path), "-af", f"silencedetect=noise={noise_db}dB:d={min_s}", "-f", "null", "-"],
        capture_output=True, text=True, timeout=60,
    ).stderr  # fmt: skip
    return [float(x) for x in re.findall(r"silence_duration: ([\d.]+)", err)]


def pcm_rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))
