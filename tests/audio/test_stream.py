"""Streaming narration: batches of sentences go to a file, the timeline stays exact."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from transform.audio import stream as stream_mod
from transform.audio.encode import encode_track
from transform.audio.narrate import synthesize_track
from transform.audio.options import AudioOptions
from transform.audio.speech import SpeechItem
from transform.audio.stream import PcmSpool, batches, pause_ms
from transform.errors import OutputError
from transform.model import Timeline

from .conftest import decoded_ms, doc, needs_tools

SENTENCES = [
    "Le conseil régional a adopté le budget.",
    "Les écoles recevront des ordinateurs.",
    "Les routes seront goudronnées.",
    "Chaque commune pourra demander une aide.",
]


def chapters_doc(n: int, per: int = 3):  # type: ignore[no-untyped-def]
    """``n`` chapters, each a heading and ``per`` sentences in two paragraphs."""
    sections = []
    for k in range(n):
        s = [(SENTENCES[(k + j) % len(SENTENCES)], None) for j in range(per)]
        sections.append((f"Chapitre {k + 1}", [s[:1], s[1:]]))
    return doc("fr", sections)


def _item(i: int, kind: str = "sentence", depth: int = 1) -> SpeechItem:
    return SpeechItem(i, f"x{i}", "t", "t", "fr", kind, depth, None, f"b{i}")


def test_batches_cut_at_chapters_and_at_the_maximum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream_mod, "BATCH_MIN", 3)
    monkeypatch.setattr(stream_mod, "BATCH_MAX", 5)
    kinds = ["heading", "sentence", "heading", "sentence", "sentence", "heading", *["sentence"] * 7, "heading"]
    items = [_item(i, k) for i, k in enumerate(kinds)]
    got = [[it.index for it in b] for b in batches(items, AudioOptions())]
    assert got == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11, 12], [13]]
    assert [it.index for b in got for it in [items[i] for i in b]] == list(range(len(items)))
    deep = [_item(0, "heading"), *[_item(i) for i in range(1, 4)], _item(4, "heading", depth=3), _item(5)]
    assert [len(b) for b in batches(deep, AudioOptions(chapter_depth=2))] == [5, 1]  # a sub-heading is no chapter


def test_spool_round_trip_and_cleanup() -> None:
    sp = PcmSpool()
    a = (np.arange(5000) % 300 - 150).astype(np.int16)
    sp.append(a)
    sp.zeros(7)
    sp.append(a[:10])
    assert sp.samples == 5017
    assert np.array_equal(sp.read(0, 5000), a) and not sp.read(5000, 5007).any()
    sp.write_at(5007, -a[:10])
    assert np.array_equal(sp.read(5007, 6000), -a[:10])
    assert [s for s, _ in sp.chunks(2000)] == [0, 2000, 4000]
    folder = sp.dir
    sp.close()
    assert not folder.exists()


def _check_exact(tl: Timeline, pcm: np.ndarray, opts: AudioOptions) -> None:
    """Every cue starts where the previous one ended plus its pause; chapters start at their heading."""
    sr = opts.sample_rate
    assert tl.duration_ms == len(pcm) * 1000 // sr == tl.cues[-1].end_ms
    total = 0
    for prev, cue in zip(tl.cues, tl.cues[1:], strict=False):
        gap = cue.begin_ms - prev.end_ms
        want = opts.pause_heading_ms if "heading" in (prev.kind, cue.kind) else None
        if want is not None:
            assert gap >= want - 20, (prev, cue)
        assert gap >= 0
        total += (prev.end_ms - prev.begin_ms) + gap
        assert cue.begin_ms == total  # the start is the sum of the clips and pauses before it
    heads = {c.sentence_id: c.begin_ms for c in tl.cues if c.kind == "heading"}
    assert [ch.begin_ms for ch in tl.chapters] == list(heads.values())


def test_small_batches_give_the_same_narration_as_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    d = chapters_doc(7)
    opts = AudioOptions(engine="null")
    whole = synthesize_track(d, "fr", opts)
    monkeypatch.setattr(stream_mod, "BATCH_MIN", 2)
    monkeypatch.setattr(stream_mod, "BATCH_MAX", 3)
    small = synthesize_track(d, "fr", opts)
    try:
        assert small.timeline == whole.timeline
        assert np.array_equal(small.pcm, whole.pcm)
        assert len(small.timeline.chapters) == 7
        _check_exact(small.timeline, small.pcm, opts)
    finally:
        whole.discard()
        small.discard()


@needs_tools
def test_real_narration_in_batches_is_exact_at_every_chapter(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(stream_mod, "BATCH_MIN", 4)
    monkeypatch.setattr(stream_mod, "BATCH_MAX", 6)
    opts = AudioOptions(engine="espeak")
    track = synthesize_track(chapters_doc(5, per=4), "fr", opts, title="Test")
    try:
        pcm, tl, sr = track.pcm, track.timeline, opts.sample_rate
        _check_exact(tl, pcm, opts)
        assert len(tl.chapters) == 5
        for ch in tl.chapters[1:]:
            at = ch.begin_ms * sr // 1000
            assert not pcm[at - sr * 8 // 10 : at].any()  # the heading pause before it is digital silence
            assert np.abs(pcm[at : at + sr // 10]).max() > 1000  # and the heading is heard from its start (trim margin 30 ms)
        assert track.spool is not None and track.spool.path.stat().st_size == 2 * len(pcm)
    finally:
        folder = track.spool.dir if track.spool else None
        track.discard()
    assert folder is not None and not folder.exists()


@needs_tools
def test_narrate_encodes_from_the_file_and_removes_it(tmp_path: Path) -> None:
    before = set(Path(tmp_path.anchor, "tmp").glob("taysir-pcm-*"))
    opts = AudioOptions(engine="espeak")
    track = synthesize_track(chapters_doc(3), "fr", opts, title="Test")
    try:
        files = encode_track(track, tmp_path / "x.fr", opts, title="Test")
    finally:
        track.discard()
    assert abs(decoded_ms(files["mp3"]) - track.timeline.duration_ms) <= 27  # MP3 framing, as the other tests
    with pytest.raises(OutputError):  # the samples are gone: encoding again is a clear error
        encode_track(track, tmp_path / "y.fr", opts)
    assert set(Path(tmp_path.anchor, "tmp").glob("taysir-pcm-*")) <= before


def test_pause_rules() -> None:
    opts = AudioOptions()
    h, s1, s2 = _item(0, "heading"), _item(1), SpeechItem(2, "x2", "t", "t", "fr", "sentence", 1, None, "b1")
    assert pause_ms(h, s1, opts) == opts.pause_heading_ms
    assert pause_ms(s1, s2, opts) == opts.pause_sentence_ms
    assert pause_ms(s1, _item(3), opts) == opts.pause_paragraph_ms
