"""Real narration: espeak-ng + tashkeel + ffmpeg + mutagen, checked on the files produced."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from transform import TransformOptions
from transform.audio.captions import build_captions, check_cues
from transform.audio.narrate import synthesize_track
from transform.audio.options import AudioOptions
from transform.audio.render import AudioRenderer, CaptionsRenderer
from transform.context import RunContext
from transform.lang.tashkeel import is_diacritised
from transform.model import CaptionCue, Timeline
from transform.model.tracks import split_tracks

from .conftest import RecordingEspeak, decoded_ms, doc, loudness_lufs, needs_tools, probe_codec, silences

pytestmark = needs_tools
FRAME_MS = 576 * 1000 / 22050  # one MPEG-2 layer III frame at 22 050 Hz

BILINGUAL = doc(
    "ar",
    [
        (
            "الميزانية الجهوية",
            [
                [("صادق المجلس على الميزانية بمبلغ 1 250 000 000 درهم.", None), ("بلغت نسبة الإنجاز 78% سنة 2026.", None)],
                [("يهدف القانون التنظيمي رقم 111.14 إلى تنظيم الجهات خلال الفترة 2022-2027.", None)],
            ],
            "ar",
        ),
        (
            "Le budget",
            [[("Le conseil a voté 2,8 milliards de dirhams le 15/03/2026.", None), ("La loi n° 111.14 s'applique.", None)]],
            "fr",
        ),
        ("Les routes", [[("M. le président a présenté 320 000 000 DH pour les routes.", None)]], "fr"),
    ],
)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[RunContext, Path]:
    """The audio and captions renderers on a bilingual document (two tracks: ar, fr)."""
    out = tmp_path_factory.mktemp("narration") / "budget"
    out.mkdir()
    RecordingEspeak.sent.clear()
    options = TransformOptions(
        outputs=["audio", "captions"], audio=AudioOptions(engine="espeak-recording", formats=["mp3", "m4a"])
    )
    ctx = RunContext(options=options, out_dir=out, stem="budget", document=BILINGUAL, tracks=split_tracks(BILINGUAL))
    AudioRenderer().render(ctx)
    CaptionsRenderer().render(ctx)
    return ctx, out


def _timeline(folder: Path, lang: str) -> Timeline:
    return Timeline.model_validate_json((folder / f"budget.{lang}.timeline.json").read_text(encoding="utf-8"))


def test_outputs_and_shared_products(converted: tuple[RunContext, Path]) -> None:
    ctx, folder = converted
    assert ctx.errors == []
    for lang in ("ar", "fr"):
        assert isinstance(ctx.products.timelines[lang], Timeline)
        assert ctx.products.narrations[lang] == folder / f"budget.{lang}.mp3"
        assert ctx.products.cues[lang] and all(isinstance(c, CaptionCue) for c in ctx.products.cues[lang])
    names = sorted(p.name for p in folder.iterdir())
    for lang in ("ar", "fr"):
        for ext in ("mp3", "m4a", "timeline.json", "srt", "vtt"):
            assert f"budget.{lang}.{ext}" in names


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_mp3_decodes_and_lasts_exactly_the_timeline(converted: tuple[RunContext, Path], lang: str) -> None:
    _, folder = converted
    mp3 = folder / f"budget.{lang}.mp3"
    tl = _timeline(folder, lang)
    assert probe_codec(mp3) == "mp3"
    assert tl.duration_ms == tl.cues[-1].end_ms and not tl.missing and not tl.estimated
    assert abs(decoded_ms(mp3) - tl.duration_ms) <= FRAME_MS
    assert abs(decoded_ms(folder / f"budget.{lang}.m4a") - tl.duration_ms) <= 1024 * 1000 / 22050 + 1


def test_timeline_is_exact_and_ordered(converted: tuple[RunContext, Path]) -> None:
    _, folder = converted
    tl = _timeline(folder, "ar")
    assert [c.sentence_id for c in tl.cues] == ["s1-h-1", "s1-p1-1", "s1-p1-2", "s1-p2-1"]
    for a, b in zip(tl.cues, tl.cues[1:], strict=False):
        assert a.begin_ms < a.end_ms < b.begin_ms
        assert a.end_ms % 20 == 0 and b.begin_ms % 20 == 0  # clips and pauses sit on the 20 ms grid (441 samples)
    pauses = [b.begin_ms - a.end_ms for a, b in zip(tl.cues, tl.cues[1:], strict=False)]
    assert pauses == [900, 240, 600]  # after a heading, between sentences, between paragraphs


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_chapters_at_headings(converted: tuple[RunContext, Path], lang: str) -> None:
    _, folder = converted
    tl = _timeline(folder, lang)
    tags = ID3(folder / f"budget.{lang}.mp3")
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    headings = [c for c in tl.cues if c.kind == "heading"]
    assert [c.start_time for c in chaps] == [h.begin_ms for h in headings] == [ch.begin_ms for ch in tl.chapters]
    assert [c.sub_frames["TIT2"].text[0] for c in chaps] == [h.text for h in headings]
    assert chaps[-1].end_time == tl.duration_ms
    toc = tags.getall("CTOC")[0]
    assert list(toc.child_element_ids) == [c.element_id for c in chaps]
    assert tags["TLAN"].text[0] == {"ar": "ara", "fr": "fra"}[lang]
    assert tags["TIT2"].text[0] == "Test"


def test_m4a_has_the_chapters(converted: tuple[RunContext, Path]) -> None:
    import subprocess

    _, folder = converted
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(folder / "budget.fr.m4a")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    chapters = json.loads(out.stdout)["chapters"]
    assert [c["tags"]["title"] for c in chapters] == ["Le budget", "Les routes"]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_no_long_silence_and_loudness_on_target(converted: tuple[RunContext, Path], lang: str) -> None:
    _, folder = converted
    mp3 = folder / f"budget.{lang}.mp3"
    assert silences(mp3, 2.0) == []
    assert abs(loudness_lufs(mp3) - (-16.0)) <= 1.5


def test_arabic_sent_to_espeak_is_diacritised_without_digits(converted: tuple[RunContext, Path]) -> None:
    arabic = [t for t, v in RecordingEspeak.sent if v == "ar"]
    assert len(arabic) == 4
    for text in arabic:
        assert not re.search(r"[0-9\u0660-\u0669]", text), text
        assert is_diacritised(text, 0.5), text
    joined = " ".join(arabic)
    assert "مِلْيَار" in joined or "مِلْيَارٌ" in joined or "مَلْيَار" in joined  # 1 250 000 000 read as words
    french = [t for t, v in RecordingEspeak.sent if v == "fr"]
    assert any("deux milliards huit cents millions de dirhams" in t for t in french)
    assert any("cent onze point quatorze" in t for t in french)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_captions_follow_the_timeline(converted: tuple[RunContext, Path], lang: str) -> None:
    _, folder = converted
    tl = _timeline(folder, lang)
    srt = (folder / f"budget.{lang}.srt").read_text(encoding="utf-8")
    stamps = re.findall(r"(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d):(\d\d):(\d\d),(\d{3})", srt)
    to_ms = lambda h, m, s, ms: ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(ms)  # noqa: E731
    times = [(to_ms(*t[:4]), to_ms(*t[4:])) for t in stamps]
    begins = {c.begin_ms for c in tl.cues}
    spans = [(c.begin_ms, c.end_ms) for c in tl.cues]
    assert times[0][0] == tl.cues[0].begin_ms
    for b, e in times:
        inside = [s for s in spans if s[0] <= b < s[1]]
        assert len(inside) == 1  # a cue starts inside exactly one sentence ...
        s0, s1 = inside[0]
        nxt = min((x for x in begins if x > s0), default=s1 + 500)
        assert e <= max(s1, nxt)  # ... and ends before the next sentence starts
        assert e <= s1 + 500 or e - b <= 833  # lingering beyond 500 ms only for the minimum duration
    assert {b for b, _ in times} >= begins  # every sentence starts a cue
    # every cue obeys the limits or is reported (the report file exists exactly when something is broken)
    vtt = (folder / f"budget.{lang}.vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT") and f"Language: {lang}" in vtt
    report = folder / f"budget.{lang}.captions-report.json"
    cues = [
        CaptionCue(index=i, begin_ms=b, end_ms=e, lines=blk.split("\n")[2:], lang=lang, sentence_id="?")
        for i, ((b, e), blk) in enumerate(zip(times, srt.strip().split("\n\n"), strict=True), 1)
    ]
    issues = check_cues(cues)
    assert bool(issues) == report.exists()


def test_bilingual_paragraph_switches_voice_per_sentence() -> None:
    mixed = doc("ar", [("عنوان", [[("مرحبا بكم في الجهة.", None), ("Bienvenue dans la région.", "fr"), ("شكرا.", None)]])])
    RecordingEspeak.sent.clear()
    track = synthesize_track(mixed, "ar", AudioOptions(engine="espeak-recording"))
    voices = {re.sub("[\u064b-\u0652]", "", t): v for t, v in RecordingEspeak.sent}  # a sentence may be spoken twice (slower)
    assert sorted(voices.values()) == ["ar", "ar", "ar", "fr"]  # heading + 2 Arabic, 1 French
    assert [c.lang for c in track.timeline.cues] == ["ar", "ar", "fr", "ar"]
    assert "Bienvenue dans la région." in [t for t, _ in RecordingEspeak.sent]


def test_speakable_note_wins_and_darija_is_read_with_the_arabic_voice() -> None:
    d = doc("ary", [("الميزانية", [[("الجهة عندها 1 250 MDH.", None)]])])
    d.sections[0].blocks[0].sentences[0].notes["speakable"] = "الجهة عندها مليار و ميتين و خمسين مليون درهم."  # type: ignore[union-attr]
    RecordingEspeak.sent.clear()
    track = synthesize_track(d, "ary", AudioOptions(engine="espeak-recording"))
    assert {v for _, v in RecordingEspeak.sent} == {"ar"}
    assert any("Darija" in n for n in track.notes)
    said = [t for t, _ in RecordingEspeak.sent if "ج" in t and "ل" in t]
    assert any(re.sub("[\u064b-\u0652]", "", t).startswith("الجهة عندها مليار") for t in said)
    assert track.timeline.cues[1].text == "الجهة عندها 1 250 MDH."  # captions keep the written text


def test_fast_speech_is_slowed_to_caption_reading_speed() -> None:
    long = "Le conseil régional a adopté le budget de l'exercice lors de sa session ordinaire, après un long débat public."
    d = doc("fr", [("Titre", [[(long, None), ("Les associations peuvent déposer une pétition signée par les citoyens.", None)]])])
    fast = synthesize_track(d, "fr", AudioOptions(rate=200, max_caption_cps=None))
    slowed = synthesize_track(d, "fr", AudioOptions(rate=200))  # max_caption_cps 17 by default
    cps = lambda tl: [len(c.text) * 1000 / (c.end_ms - c.begin_ms) for c in tl.cues if c.kind == "sentence"]  # noqa: E731
    assert max(cps(fast.timeline)) > 18  # espeak at 200 wpm is too fast to read along
    assert max(cps(slowed.timeline)) <= 17
    assert [i.rule for i in build_captions(slowed.timeline).issues] == []
    # the heading is short: its pause is stretched so the caption can stay 5/6 s
    h, first = slowed.timeline.cues[0], slowed.timeline.cues[1]
    assert first.begin_ms - h.begin_ms >= 860
