"""The ASS script, subtitle sidecars, teleprompter track and cue sheet HTML (no rendering)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transform.model import CaptionCue, Cue, Timeline
from transform.subtitles import srt_text, vtt_text
from transform.video.ass import AssBuilder, TitleEvent, ass_colour, ass_time, escape
from transform.video.cuesheet import clock, cue_sheet_html
from transform.video.fonts import resolve_font, text_width
from transform.video.layout import compute_layout
from transform.video.options import VideoOptions
from transform.video.scaffold import FontBook, title_events
from transform.video.static import render_static
from transform.video.subtitles import iso639_2, teleprompter_vtt, write_sidecars

AR_TL = Timeline(
    lang="ar",
    duration_ms=9000,
    cues=[
        Cue(sentence_id="s1", text="الميزانية 2024", lang="ar", begin_ms=0, end_ms=1200, kind="heading"),
        Cue(sentence_id="s2", text="صادق المجلس على الميزانية (78 في المائة).", lang="ar", begin_ms=1200, end_ms=5000),
        Cue(sentence_id="s3", text="ستحصل المدارس على حواسيب.", lang="ar", begin_ms=5000, end_ms=9000),
    ],
)


def _builder(**kw: object) -> AssBuilder:
    opts = VideoOptions(**kw)  # type: ignore[arg-type]
    return AssBuilder(compute_layout(opts), opts, FontBook(opts))


def test_ass_script_sets_rtl_detection_fonts_and_regions() -> None:
    b = _builder()
    cue = CaptionCue(
        index=1, begin_ms=1200, end_ms=5000, lines=["صادق المجلس على الميزانية", "(78 في المائة)."], lang="ar", sentence_id="s2"
    )
    b.add_all([cue], [TitleEvent(0, 1500, "الميزانية 2024", "ar")], [])
    text = b.script("budget")
    styles = [ln for ln in text.splitlines() if ln.startswith("Style:")]
    assert styles and all(ln.endswith(",-1") for ln in styles)  # Encoding=-1: libass finds each line's direction
    assert "PlayResX: 1280" in text and "WrapStyle: 2" in text
    assert "\\fnNoto Naskh Arabic" in text  # Arabic events name the Arabic family
    assert "صادق المجلس على الميزانية\\N(78 في المائة)." in text  # logical order kept, our line break
    assert "Dialogue: 2,0:00:01.20,0:00:05.00,Caption" in text


def test_a_caption_too_wide_for_its_area_is_shrunk_and_reported() -> None:
    b = _builder()
    long = "Anticonstitutionnellement-extraordinairement-interminablement-long"
    b.caption(CaptionCue(index=7, begin_ms=0, end_ms=3000, lines=[long], lang="fr", sentence_id="s1"))
    m = re.search(r"\\fs(\d+)", b.events[-1])
    assert m is not None
    size = int(m.group(1))
    assert size < b.layout.caption_size
    font = resolve_font("Noto Sans", "latin")
    assert text_width(font, long, size, False) <= b.layout.captions.w  # now fits inside the band
    assert any("caption 7" in n for n in b.notes)


def test_three_line_caption_shrinks_to_the_band() -> None:
    b = _builder()
    b.caption(CaptionCue(index=1, begin_ms=0, end_ms=3000, lines=["une", "deux", "trois"], lang="fr", sentence_id="s1"))
    size = int(re.search(r"\\fs(\d+)", b.events[-1]).group(1))  # type: ignore[union-attr]
    assert 3 * size * 1.3 <= b.layout.captions.h - 2 * b.layout.caption_pad


def test_escape_and_times_and_colours() -> None:
    assert escape("a {\\b1} b\nc") == "a (\u2216b1) b c"
    assert ass_time(3_723_456) == "1:02:03.46"
    assert ass_colour("#102030") == "&H00302010"
    assert ass_colour("#000000", 0.5) == "&H80000000"


def test_missing_font_falls_back_and_says_so() -> None:
    f = resolve_font("No Such Font Family 123", "arabic")
    assert f.substituted and f.family == "Noto Naskh Arabic"
    assert "not installed" in (f.note() or "")


def test_title_cards_and_running_header() -> None:
    titles, headers = title_events(AR_TL, 9000)
    assert [(t.begin_ms, t.end_ms, t.text) for t in titles] == [(0, 1500, "الميزانية 2024")]  # at least 1.5 s on screen
    assert [(h.begin_ms, h.end_ms) for h in headers] == [(1500, 9000)]


def test_srt_vtt_and_language_tags() -> None:
    cues = [CaptionCue(index=1, begin_ms=1200, end_ms=5000, lines=["صادق المجلس", "على الميزانية."], lang="ar", sentence_id="s2")]
    srt = srt_text(cues)
    assert srt.startswith("1\n00:00:01,200 --> 00:00:05,000\n\u200fصادق المجلس\n")
    vtt = vtt_text(cues, "ar")
    assert vtt.startswith("WEBVTT") and "00:00:01.200 --> 00:00:05.000" in vtt
    assert (iso639_2("ar"), iso639_2("fr"), iso639_2("ary"), iso639_2("en-GB")) == ("ara", "fra", "ara", "eng")


def test_teleprompter_has_whole_sentences_without_gaps() -> None:
    vtt = teleprompter_vtt(AR_TL, lead_ms=200)
    assert vtt.startswith("WEBVTT") and "STYLE" in vtt and "font-size: 180%" in vtt
    assert "\u200fصادق المجلس على الميزانية (78 في المائة)." in vtt  # the whole sentence in one cue
    assert "00:00:01.000 --> 00:00:04.800" in vtt  # shown 200 ms early, until the next sentence
    assert "<b>\u200fالميزانية 2024</b>" in vtt  # headings stand out
    assert "00:00:04.800 --> 00:00:09.000" in vtt


def test_cue_sheet_html_has_lang_dir_and_every_sentence_with_its_time() -> None:
    page = cue_sheet_html(AR_TL)
    assert '<html lang="ar" dir="rtl">' in page
    for c in AR_TL.cues:
        assert c.text.replace("(", "(") in page
    assert '<time datetime="PT1.2S">00:01.2</time>' in page
    assert 'class="heading"' in page
    assert clock(3_723_456) == "1:02:03.4"


def test_video_sidecars_are_written_by_the_one_caption_writer(tmp_path: Path) -> None:
    """The video's SRT/WebVTT sidecars and the captions output's files come from the same writer:
    right-to-left marks, escaped markup, and no line that could end a cue or fake a timing line."""
    cues = [
        CaptionCue(index=1, begin_ms=0, end_ms=2000, lines=["المبلغ > 5 مليون", "و 3 < 4 & 5"], lang="ar", sentence_id="s1"),
        CaptionCue(index=2, begin_ms=2000, end_ms=4000, lines=["a --> b", "   "], lang="ar", sentence_id="s2"),
    ]
    srt_path, vtt_path = write_sidecars(cues, "ar", tmp_path / "v.ar")
    srt, vtt = srt_path.read_text(encoding="utf-8"), vtt_path.read_text(encoding="utf-8")
    assert srt == srt_text(cues) and vtt == vtt_text(cues, "ar")
    assert "\u200fالمبلغ > 5 مليون" in srt and "\u200fالمبلغ &gt; 5 مليون" in vtt and "و 3 &lt; 4 &amp; 5" in vtt
    assert "a -> b" in srt and srt.count("-->") == 2 and "\n\n\n" not in srt  # no blank line inside a cue
    assert vtt.startswith("WEBVTT\nKind: captions\nLanguage: ar\n")
    none = write_sidecars(cues, "ar", tmp_path / "n.ar", ("srt",), rtl_mark="none")
    assert "\u200f" not in none[0].read_text(encoding="utf-8")


def test_static_layer_has_the_placeholder_label_and_logo(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGBA", (100, 100), (230, 57, 70, 255)).save(logo)
    opts = VideoOptions(logo=str(logo))
    lay = compute_layout(opts, (100, 100))
    png = render_static(lay, opts, "ar", FontBook(opts), tmp_path / "static.png")
    img = Image.open(png).convert("RGB")
    assert img.size == (1280, 720)
    s = lay.signer
    assert img.getpixel((s.x + 1, s.y + 1)) == (0xA8, 0xDA, 0xDC)  # outline
    inner = [img.getpixel((x, y)) for x in range(s.x + 10, s.right - 10, 2) for y in range(s.y + 10, s.bottom - 10, 2)]
    fill = (0x14, 0x21, 0x3D)
    assert sum(p == fill for p in inner) > 0.9 * len(inner)
    assert sum(p != fill for p in inner) > 50  # the label is drawn
    assert lay.logo is not None
    assert img.getpixel((lay.logo.x + lay.logo.w // 2, lay.logo.y + lay.logo.h // 2)) == (230, 57, 70)
    assert img.getpixel((10, 10)) == (0x1D, 0x35, 0x57)  # background


def test_mp4_text_track_flag_is_cleared_in_place(tmp_path: Path) -> None:
    import struct

    from transform.video.mp4flags import disable_text_tracks

    def box(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I4s", 8 + len(payload), kind) + payload

    def trak(handler: bytes) -> bytes:
        tkhd = box(b"tkhd", b"\x00\x00\x00\x03" + bytes(80))  # version 0, flags enabled|in movie
        hdlr = box(b"hdlr", bytes(8) + handler + bytes(12))
        return box(b"trak", tkhd + box(b"mdia", hdlr))

    data = box(b"ftyp", b"isom") + box(b"moov", trak(b"vide") + trak(b"sbtl")) + box(b"mdat", b"x" * 10)
    mp4 = tmp_path / "t.mp4"
    mp4.write_bytes(data)
    assert disable_text_tracks(mp4) == 1
    out = mp4.read_bytes()
    assert len(out) == len(data)
    flags = [out[i + 8 + 3] for i in range(len(out) - 4) if out[i + 4 : i + 8] == b"tkhd"]
    assert flags == [0x03, 0x02]  # the video track untouched, the subtitle track no longer enabled
    assert disable_text_tracks(mp4) == 0


def test_fonts_are_found_without_fontconfig_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    import transform.video.fonts as fonts

    real_which = fonts.shutil.which
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None if name == "fc-match" else real_which(name))
    f = fonts.resolve_font("Noto Naskh Arabic", "arabic")
    assert f.path.endswith("NotoNaskhArabic-Regular.ttf") and not f.substituted
    with pytest.raises(fonts.MissingDependencyError, match="fonts-noto-core"):
        monkeypatch.setattr(fonts, "FONT_DIRS", ())
        fonts._find_file.cache_clear()
        fonts.resolve_font("Noto Naskh Arabic", "arabic")
    fonts._find_file.cache_clear()
