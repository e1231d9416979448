"""Engines and bad input: no network, no model, no voice, timeouts, empty text; the null engine's control flow."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import ClassVar

import pytest

from transform import TransformOptions
from transform._exec import run
from transform.audio.engines import TTS_ENGINES
from transform.audio.engines.base import Voice
from transform.audio.engines.gtts_engine import GttsEngine
from transform.audio.engines.null import BASE_MS, MS_PER_CHAR
from transform.audio.narrate import synthesize_track
from transform.audio.options import AudioOptions
from transform.audio.render import AudioRenderer
from transform.audio.wav import Clip
from transform.context import RunContext
from transform.errors import EngineError, InputError, LanguageNotSupportedError, MissingDependencyError, OptionsError, ToolError
from transform.model import Document, DocumentMeta, Section
from transform.model.tracks import split_tracks

from .conftest import RecordingEspeak, decoded_ms, doc, needs_tools

FR = doc("fr", [("Titre", [[("Première phrase.", None), ("Deuxième phrase LENTEMENT.", None), ("Troisième phrase.", None)]])])


def closed_port() -> int:
    """A local TCP port nobody listens on: connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_registry_lists_the_engines() -> None:
    assert {"espeak", "gtts", "piper", "null"} <= set(TTS_ENGINES.names())
    assert TTS_ENGINES.available()["null"] is True
    with pytest.raises(OptionsError, match="Choose one of"):
        TTS_ENGINES.create("nonsense", options=AudioOptions())


def test_gtts_without_network_fails_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(GttsEngine, "host_override", "127.0.0.1")
    monkeypatch.setattr(GttsEngine, "port", closed_port())
    engine = GttsEngine(AudioOptions(engine="gtts", network_timeout_s=2.0))
    t0 = time.perf_counter()
    with pytest.raises(EngineError, match="gTTS needs internet access") as info:
        engine.check()
    assert time.perf_counter() - t0 < 1.5
    assert info.value.code == "engine_failed" and "espeak" in (info.value.hint or "")


def test_gtts_unreachable_host_times_out_quickly(monkeypatch: pytest.MonkeyPatch) -> None:
    # 192.0.2.1 (TEST-NET-1, RFC 5737) is never routed: the connect timeout must bound the wait
    monkeypatch.setattr(GttsEngine, "host_override", "192.0.2.1")
    engine = GttsEngine(AudioOptions(engine="gtts", network_timeout_s=0.5))
    t0 = time.perf_counter()
    with pytest.raises(EngineError, match="gTTS needs internet access"):
        engine.check()
    assert time.perf_counter() - t0 < 2.0


def test_gtts_renderer_error_is_typed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(GttsEngine, "host_override", "127.0.0.1")
    monkeypatch.setattr(GttsEngine, "port", closed_port())
    ctx = RunContext(
        options=TransformOptions(audio=AudioOptions(engine="gtts")),
        out_dir=tmp_path,
        stem="x",
        document=FR,
        tracks=split_tracks(FR),
    )
    with pytest.raises(EngineError):
        AudioRenderer().render(ctx)
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_piper_needs_a_local_model(tmp_path: Path) -> None:
    with pytest.raises(MissingDependencyError, match="needs a local voice model"):
        TTS_ENGINES.create("piper", options=AudioOptions(engine="piper")).check()
    with pytest.raises(MissingDependencyError, match="does not exist"):
        TTS_ENGINES.create("piper", options=AudioOptions(engine="piper", piper_model=str(tmp_path / "none.onnx"))).check()


@needs_tools
def test_language_without_voice_is_a_clear_error() -> None:
    tamazight = doc("zgh", [("ⵜⴰⵎⴰⵡⴰⵙⵜ", [[("ⴰⵣⵓⵍ.", None)]])])
    with pytest.raises(LanguageNotSupportedError, match="no voice for 'zgh'"):
        synthesize_track(tamazight, "zgh", AudioOptions())


@needs_tools
def test_sentence_in_a_language_without_voice_is_listed_missing() -> None:
    d = doc("fr", [("Titre", [[("Bonjour.", None), ("ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ.", "zgh"), ("Merci.", None)]])])
    track = synthesize_track(d, "fr", AudioOptions())
    assert track.timeline.missing == ["s1-p1-2"]
    assert [c.sentence_id for c in track.timeline.cues] == ["s1-h-1", "s1-p1-1", "s1-p1-3"]
    assert "zgh" in track.failures[0][1]


def test_empty_document_is_an_input_error() -> None:
    empty = Document(meta=DocumentMeta(lang="fr"), sections=[Section(id="s1")])
    with pytest.raises(InputError, match="no text to read aloud"):
        synthesize_track(empty, "fr", AudioOptions(engine="null"))
    only_dashes = doc("fr", [("—", [[("…", None)]])])
    with pytest.raises(InputError):
        synthesize_track(only_dashes, "fr", AudioOptions(engine="null"))


class SlowEspeak(RecordingEspeak):
    """Real espeak, except that a sentence containing LENTEMENT hangs (a real process killed by its timeout)."""

    name: ClassVar[str] = "espeak-slow"

    def synthesize(self, text: str, voice: Voice, rate: int | None = None) -> Clip:
        if "LENTEMENT" in text:
            run(["sleep", "30"], tool="espeak-ng", timeout=0.5)
        return super().synthesize(text, voice, rate)


TTS_ENGINES.register("espeak-slow", SlowEspeak, replace=True)


@needs_tools
def test_timeout_gives_a_partial_result_that_says_what_is_missing(tmp_path: Path) -> None:
    opts = TransformOptions(audio=AudioOptions(engine="espeak-slow"))
    ctx = RunContext(options=opts, out_dir=tmp_path, stem="x", document=FR, tracks=split_tracks(FR))
    t0 = time.perf_counter()
    AudioRenderer().render(ctx)
    assert time.perf_counter() - t0 < 20
    timeline = ctx.products.timelines["fr"]
    assert timeline.missing == ["s1-p1-2"]
    assert "s1-p1-2" not in [c.sentence_id for c in timeline.cues]
    [item] = [e for e in ctx.errors if e.code == "partial_audio"]
    assert item.severity == "error" and "1 of 4 sentences" in item.message and "s1-p1-2" in item.message
    assert "did not finish" in (item.hint or "")
    assert abs(decoded_ms(tmp_path / "x.fr.mp3") - timeline.duration_ms) <= 27  # no silent gap where it was


def test_every_sentence_failing_is_an_error_not_silence() -> None:
    with pytest.raises(ToolError, match="No sentence of the fr track could be spoken"):
        synthesize_track(FR, "fr", AudioOptions(engine="espeak", timeout_s=0.001))


def test_null_engine_timeline_is_deterministic() -> None:
    d = doc("fr", [("Titre", [[("Une phrase.", None), ("Une autre phrase.", None)]]), ("Suite", [[("Fin.", None)]])])
    opts = AudioOptions(engine="null")
    track = synthesize_track(d, "fr", opts)
    durations = [c.end_ms - c.begin_ms for c in track.timeline.cues]
    expected = [
        -(-(BASE_MS + MS_PER_CHAR * len(t)) // 20) * 20 for t in ("Titre", "Une phrase.", "Une autre phrase.", "Suite", "Fin.")
    ]
    assert durations == expected
    assert [ch.title for ch in track.timeline.chapters] == ["Titre", "Suite"]
    assert track.timeline.chapters[1].begin_ms == track.timeline.cues[3].begin_ms
    assert track.timeline.duration_ms == track.timeline.cues[-1].end_ms == len(track.pcm) * 1000 // opts.sample_rate
    assert synthesize_track(d, "fr", opts).timeline == track.timeline


@needs_tools
def test_espeak_worker_timeout_kills_the_worker_and_recovers() -> None:
    from transform.audio.engines.espeak_pool import WorkerPool

    pool = WorkerPool(1)
    try:
        with pytest.raises(ToolError, match="did not finish"):
            pool.synthesize("fr", 150, "Une phrase assez longue pour prendre du temps. " * 20, timeout=0.001)
        assert pool.started == 0  # the stuck worker was killed and forgotten
        wav = pool.synthesize("fr", 150, "Bonjour.", timeout=10)
        assert wav[:4] == b"RIFF" and len(wav) > 10_000
        with pytest.raises(EngineError, match="no voice"):
            pool.synthesize("xx-nothing", 150, "Bonjour.", timeout=10)
        assert pool.synthesize("fr", 150, "Encore.", timeout=10)[:4] == b"RIFF"  # the worker is still usable
    finally:
        pool.close()
