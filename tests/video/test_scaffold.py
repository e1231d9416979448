"""Rendered scaffolds read back with ffprobe, tesseract and pixel checks (real ffmpeg + libass)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from transform.errors import InputError
from transform.video import VideoOptions, make_scaffold
from transform.video.scaffold import ScaffoldResult

from ._media import fmt_tags, frame_at, hex_rgb, near, ocr, streams
from ._narration import Narration, require_tools

pytestmark = pytest.mark.slow

PLAIN = VideoOptions(signer_label=False)  # a flat placeholder, so any stray caption pixel shows


@pytest.fixture(scope="module")
def fr_video(fr_narration: Narration, tmp_path_factory: pytest.TempPathFactory) -> ScaffoldResult:
    out = tmp_path_factory.mktemp("frv") / "budget.fr.mp4"
    return make_scaffold(fr_narration.timeline, fr_narration.audio, fr_narration.cues, PLAIN, out, title="Budget citoyen")


@pytest.fixture(scope="module")
def ar_video(ar_narration: Narration, tmp_path_factory: pytest.TempPathFactory) -> ScaffoldResult:
    out = tmp_path_factory.mktemp("arv") / "budget.ar.mp4"
    return make_scaffold(ar_narration.timeline, ar_narration.audio, ar_narration.cues, VideoOptions(), out)


@pytest.mark.parametrize(("which", "tag"), [("fr", "fra"), ("ar", "ara")])
def test_streams_codecs_and_language_tags(which: str, tag: str, fr_video: ScaffoldResult, ar_video: ScaffoldResult) -> None:
    res = fr_video if which == "fr" else ar_video
    st = streams(res.video)
    kinds = {s["codec_type"]: s for s in st}
    assert kinds["video"]["codec_name"] == "h264"
    assert (kinds["video"]["width"], kinds["video"]["height"]) == (1280, 720)
    assert kinds["audio"]["codec_name"] == "aac"
    assert kinds["subtitle"]["codec_name"] == "mov_text"
    assert kinds["subtitle"]["tags"]["language"] == tag
    assert kinds["subtitle"]["disposition"]["default"] == 0  # not shown twice over the burned-in captions
    assert kinds["audio"]["tags"]["language"] == tag


@pytest.mark.parametrize("which", ["fr", "ar"])
def test_duration_equals_the_narration_within_one_frame(
    which: str, fr_video: ScaffoldResult, ar_video: ScaffoldResult, fr_narration: Narration, ar_narration: Narration
) -> None:
    res, nar = (fr_video, fr_narration) if which == "fr" else (ar_video, ar_narration)
    frame = 1 / PLAIN.fps
    st = {s["codec_type"]: s for s in streams(res.video)}
    narration_s = nar.wav_ms / 1000
    assert abs(float(st["video"]["duration"]) - narration_s) <= frame
    assert abs(float(st["audio"]["duration"]) - narration_s) <= frame


def test_chapters_at_headings(ar_video: ScaffoldResult) -> None:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_chapters", str(ar_video.video)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    chapters = json.loads(out.stdout)["chapters"]
    assert [c["tags"]["title"] for c in chapters] == ["الميزانية المواطنة"]
    assert float(chapters[0]["start_time"]) == 0.0


def test_region_metadata_is_in_the_mp4_and_the_sidecar(fr_video: ScaffoldResult) -> None:
    meta = json.loads(fmt_tags(fr_video.video)["comment"])
    side = json.loads(fr_video.meta_path.read_text(encoding="utf-8"))
    assert meta["signer"] == side["signer"] == {"x": 960, "y": 240, "w": 320, "h": 480}
    assert meta["kind"] == "taysir-video" and meta["lang"] == "fr"
    srt, vtt = (p.read_text(encoding="utf-8") for p in fr_video.sidecars)
    assert "Le conseil régional a adopté le budget." in srt and vtt.startswith("WEBVTT")


def test_french_captions_read_back_with_ocr(fr_video: ScaffoldResult, fr_narration: Narration, tmp_path: Path) -> None:
    require_tools("tesseract")
    cap = fr_video.layout.captions
    for cue in fr_narration.cues[1:]:
        img = frame_at(fr_video.video, (cue.begin_ms + cue.end_ms) / 2000, tmp_path)
        text = ocr(img.crop((cap.x, cap.y, cap.right, cap.bottom)), "fra", tmp_path)
        words = [w.strip(".,") for w in " ".join(cue.lines).split() if len(w) > 3]
        found = [w for w in words if w in text]
        assert len(found) >= len(words) - 1, (text, words)


def test_arabic_captions_read_back_with_ocr(ar_video: ScaffoldResult, ar_narration: Narration, tmp_path: Path) -> None:
    require_tools("tesseract")
    cap = ar_video.layout.captions
    cue = ar_narration.cues[1]  # صادق المجلس الجهوي على الميزانية.
    img = frame_at(ar_video.video, (cue.begin_ms + cue.end_ms) / 2000, tmp_path)
    text = ocr(img.crop((cap.x, cap.y, cap.right, cap.bottom)), "ara", tmp_path)
    # Words read back in logical order prove shaping and right-to-left layout (a reversed or
    # unshaped line is not recognised as these words).
    assert "المجلس" in text and "الميزانية" in text, text
    assert text.index("المجلس") < text.index("الميزانية")
    # Encoding=-1 (base direction from the text) puts the full stop at the left end, after the last
    # word in reading order; with a left-to-right base it lands on the right and is read elsewhere.
    assert text.strip().endswith("الميزانية."), text


def test_title_card_at_the_heading(fr_video: ScaffoldResult, fr_narration: Narration, tmp_path: Path) -> None:
    require_tools("tesseract")
    head = fr_narration.cues[0]
    t = fr_video.layout.titles
    img = frame_at(fr_video.video, (head.begin_ms + head.end_ms) / 2000, tmp_path)
    text = ocr(img.crop((t.x, t.y, t.right, t.bottom)), "fra", tmp_path)
    assert "Budget" in text and "citoyen" in text


def test_no_caption_pixel_inside_the_signer_region(fr_video: ScaffoldResult, fr_narration: Narration, tmp_path: Path) -> None:
    s = fr_video.layout.signer
    fill = hex_rgb(PLAIN.signer_fill)
    inset = 8  # the outline and codec ringing at its edge
    cap = fr_video.layout.captions
    for cue in fr_narration.cues:
        img = frame_at(fr_video.video, (cue.begin_ms + cue.end_ms) / 2000, tmp_path)
        # the check can fail: the caption area does hold caption pixels at this moment
        bright = sum(
            1 for x in range(cap.x, cap.right, 2) for y in range(cap.y, cap.bottom, 2) if min(img.getpixel((x, y))) > 200
        )
        assert bright > 50
        bad = [
            (x, y)
            for x in range(s.x + inset, s.right - inset, 2)
            for y in range(s.y + inset, s.bottom - inset, 2)
            if not near(img.getpixel((x, y)), fill, 12)
        ]
        assert not bad, f"{len(bad)} non-placeholder pixels in the signer region, e.g. {bad[:3]}"


def test_vertical_left_side_with_logo(fr_narration: Narration, tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 100), (230, 57, 70)).save(logo)
    opts = VideoOptions(size="1080x1920", signer_side="left", signer_label=False, logo=str(logo), font_latin="No Such Font 42")
    res = make_scaffold(fr_narration.timeline, fr_narration.audio, fr_narration.cues, opts, tmp_path / "v.fr.mp4", sidecars=False)
    assert any("not installed" in n for n in res.notes)  # the missing font was replaced and reported
    lay = res.layout
    assert lay.signer.x == 0 and lay.signer.w == 360 and lay.logo is not None
    cue = fr_narration.cues[1]
    img = frame_at(res.video, (cue.begin_ms + cue.end_ms) / 2000, tmp_path)
    assert img.size == (1080, 1920)
    lg = lay.logo
    assert near(img.getpixel((lg.x + lg.w // 2, lg.y + lg.h // 2)), (230, 57, 70), 20)
    fill = hex_rgb(opts.signer_fill)
    s = lay.signer
    assert all(
        near(img.getpixel((x, y)), fill, 12) for x in range(s.x + 8, s.right - 8, 6) for y in range(s.y + 8, s.bottom - 8, 6)
    )
    assert res.sidecars == []


def test_bad_inputs_are_clear_errors(fr_narration: Narration, tmp_path: Path) -> None:
    txt = tmp_path / "not_audio.mp3"
    txt.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable"):
        make_scaffold(fr_narration.timeline, txt, fr_narration.cues, PLAIN, tmp_path / "x.mp4")
    with pytest.raises(InputError, match="logo"):
        make_scaffold(
            fr_narration.timeline,
            fr_narration.audio,
            fr_narration.cues,
            VideoOptions(logo=str(tmp_path / "none.png")),
            tmp_path / "y.mp4",
        )
    empty = fr_narration.timeline.model_copy(update={"cues": [], "duration_ms": 0})
    with pytest.raises(InputError, match="empty"):
        make_scaffold(empty, None, [], PLAIN, tmp_path / "z.mp4")


def test_silent_scaffold_without_audio(fr_narration: Narration, tmp_path: Path) -> None:
    if shutil.which("ffprobe") is None:
        pytest.skip("ffprobe missing")
    res = make_scaffold(fr_narration.timeline, None, fr_narration.cues, PLAIN, tmp_path / "silent.fr.mp4", sidecars=False)
    st = {s["codec_type"]: s for s in streams(res.video)}
    assert st["audio"]["codec_name"] == "aac"
    assert abs(float(st["video"]["duration"]) - fr_narration.timeline.duration_ms / 1000) <= 1 / PLAIN.fps
