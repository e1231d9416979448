"""Loudness is measured by ffmpeg's ebur128 (checked on signals of known loudness); the gain reaches the
target with limited peaks; both espeak backends agree."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from transform._exec.ffmpeg import file_loudness
from transform.audio.engines.base import Voice
from transform.audio.engines.espeak import EspeakEngine
from transform.audio.loudness import apply_gain, measure_loudness
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
    return file_loudness(wav)


@pytest.fixture(scope="module")
def speech() -> np.ndarray:
    engine = EspeakEngine(AudioOptions())
    try:
        return engine.synthesize(TEXT, Voice("espeak", "fr", "fr", "fr")).samples.copy()
    finally:
        engine.close()


def test_meter_reads_known_loudness(speech: np.ndarray, tmp_path: Path) -> None:
    # BS.1770: a 997 Hz sine with peak amplitude A reads 20*log10(A) - 3.01 LUFS (K-weighting is ~0 dB there)
    t = np.arange(22050 * 5) / 22050
    for peak_db in (-20.0, -6.0):
        sine = (10 ** (peak_db / 20) * 32767 * np.sin(2 * np.pi * 997 * t)).astype(np.int16)
        assert abs(measure_loudness(sine, 22050) - (peak_db - 3.01)) <= 0.1, peak_db
    assert measure_loudness(np.zeros(22050 * 3, dtype=np.int16), 22050) == float("-inf")
    # the same reading through a WAV file, and a louder copy reads louder by the gain (the meter is not fooled)
    level = measure_loudness(speech, 22050)
    assert abs(ffmpeg_lufs(speech, tmp_path) - level) <= 0.05 and -40 < level < -5
    louder = np.clip(speech.astype(np.int32) * 2, -32768, 32767).astype(np.int16)
    assert abs(measure_loudness(louder, 22050) - level - 6.02) <= 0.3


def test_gain_reaches_target_with_limited_peaks(speech: np.ndarray, tmp_path: Path) -> None:
    before = measure_loudness(speech, 22050)
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


def test_a_long_narration_is_measured_on_sentences_spread_over_it() -> None:
    from transform.audio.loudness import WHOLE_S, excerpt

    sr, rng = 22050, np.random.default_rng(7)
    t = np.arange(sr * 3) / sr
    parts, spans, pos = [], [], 0
    for n in range(300):  # 300 "sentences" of 3 s at varying levels, each followed by 0.6 s of digital silence
        level = 10 ** ((-26 + 8 * rng.random()) / 20)
        sentence = (level * 32767 * np.sin(2 * np.pi * (300 + 3 * n) * t)).astype(np.int16)
        parts += [sentence, np.zeros(int(sr * 0.6), dtype=np.int16)]
        spans.append((pos, pos + len(sentence) + int(sr * 0.6)))
        pos = spans[-1][1]
    pcm = np.concatenate(parts)
    cut = excerpt(pcm, sr, spans)
    assert len(pcm) > 4 * WHOLE_S * sr and abs(len(cut) / sr - WHOLE_S) < 0.25 * WHOLE_S
    assert abs(measure_loudness(pcm, sr, spans) - measure_loudness(pcm, sr)) <= 0.2  # the excerpt's estimate
    short = pcm[: spans[40][1]]
    assert excerpt(short, sr, spans[:41]) is short  # a narration up to WHOLE_S is measured whole
