"""Our BS.1770 meter agrees with ffmpeg's ebur128; the gain reaches the target; both espeak backends agree."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from transform.audio.engines.base import Voice
from transform.audio.engines.espeak import EspeakEngine
from transform.audio.loudness import apply_gain, integrated_loudness
from transform.audio.options import AudioOptions
from transform.audio.wav import trim, wav_bytes

from .conftest import needs_tools

pytestmark = needs_tools
TEXT = (
    "Le conseil régional a adopté le budget de l'exercice deux mille vingt-six lors de sa session ordinaire. "
    "Les recettes prévues atteignent deux milliards huit cents millions de dirhams, soit une hausse sensible. "
    "Chaque citoyen peut consulter les documents budgétaires au siège de la région."
)


def ffmpeg_lufs(pcm: np.ndarray, tmp: Path) -> float:
    from transform.audio.wav import Clip

    wav = tmp / "x.wav"
    wav.write_bytes(wav_bytes(Clip(pcm, 22050)))
    err = subprocess.run(
        ["ffmpeg", "-nostats", "-i", str(wav), "-af", "ebur128", "-f", "null", "-"], capture_output=True, text=True, timeout=60
    ).stderr
    return float(re.findall(r"I:\s+(-?[\d.]+) LUFS", err)[-1])


@pytest.fixture(scope="module")
def speech() -> np.ndarray:
    engine = EspeakEngine(AudioOptions())
    try:
        return engine.synthesize(TEXT, Voice("espeak", "fr", "fr", "fr")).samples.copy()
    finally:
        engine.close()


def test_meter_matches_ffmpeg(speech: np.ndarray, tmp_path: Path) -> None:
    ref = ffmpeg_lufs(speech, tmp_path)
    assert abs(integrated_loudness(speech, 22050, max_blocks=None) - ref) <= 0.2
    assert abs(integrated_loudness(speech, 22050, max_blocks=40) - ref) <= 0.5  # the sampled estimate


def test_gain_reaches_target_with_limited_peaks(speech: np.ndarray, tmp_path: Path) -> None:
    before = integrated_loudness(speech, 22050)
    out = apply_gain(speech.copy(), -16.0 - before)
    assert abs(ffmpeg_lufs(out, tmp_path) - (-16.0)) <= 0.3
    assert np.abs(out.astype(np.int32)).max() <= 0.89 * 32768 + 1


def test_worker_and_cli_backends_give_the_same_clip() -> None:
    voice = Voice("espeak", "fr", "fr", "fr")
    worker = EspeakEngine(AudioOptions(espeak_backend="worker"))
    try:
        a = trim(worker.synthesize("Bonjour à toutes et à tous.", voice).samples, 22050)
    finally:
        worker.close()
    b = trim(EspeakEngine(AudioOptions(espeak_backend="cli")).synthesize("Bonjour à toutes et à tous.", voice).samples, 22050)
    assert abs(len(a) - len(b)) <= 22050 // 50  # within 20 ms
    assert len(a) > 22050  # more than a second of speech
