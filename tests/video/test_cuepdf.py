"""The cue sheet PDF made without a browser (fpdf2 + HarfBuzz): content, reading order, shaping, layout."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from transform.model import Cue, Timeline
from transform.video import cuepdf
from transform.video.cuesheet import clock, cue_sheet_to_pdf, write_cue_sheet

pytestmark = pytest.mark.skipif(
    not cuepdf.available() or shutil.which("pdftotext") is None, reason="fpdf2/uharfbuzz or poppler-utils missing"
)

SENTENCE = "صادق المجلس على الميزانية لسنة 2024 بعد نقاش طويل حول المدارس"
AR_TL = Timeline(
    lang="ar",
    duration_ms=14_000,
    cues=[
        Cue(sentence_id="s1", text="الميزانية 2024", lang="ar", begin_ms=0, end_ms=1200, kind="heading"),
        Cue(sentence_id="s2", text=SENTENCE, lang="ar", begin_ms=1200, end_ms=6000),
        Cue(sentence_id="s3", text="ستحصل المدارس على حواسيب جديدة، والطرق القروية أيضا.", lang="ar", begin_ms=6000, end_ms=9000),
        Cue(sentence_id="s4", text="الإشارة", lang="ar", begin_ms=9000, end_ms=14_000),
    ],
)
FR_TL = Timeline(
    lang="fr",
    duration_ms=8000,
    cues=[
        Cue(sentence_id="s1", text="Budget citoyen 2024", lang="fr", begin_ms=0, end_ms=1500, kind="heading"),
        Cue(sentence_id="s2", text="Le conseil a voté le budget « الميزانية » à 78 %.", lang="fr", begin_ms=1500, end_ms=8000),
    ],
)
MARKS = re.compile(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _flat(text: str) -> str:
    """Text without spaces and bidi controls (pdftotext adds both around runs of the other direction)."""
    return MARKS.sub("", text)


def _text(pdf: Path, *extra: str) -> str:
    return subprocess.run(["pdftotext", *extra, str(pdf), "-"], capture_output=True, check=True, timeout=60, text=True).stdout


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, timeout=60, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert m is not None
    return int(m.group(1))


def _tag(i: int) -> str:
    """A number written with Arabic letters (pdftotext moves digits and colons around inside Arabic)."""
    return "".join("ابجدهوزحطي"[int(d)] for d in str(i))


def _long_timeline(n: int, lang: str = "ar") -> Timeline:
    cues, t = [], 0
    for i in range(n):
        heading = i % 12 == 0
        text = f"القسم {_tag(i // 12 + 1)} انتهى" if heading else f"{SENTENCE} رقم {_tag(i)} انتهى"
        cues.append(Cue(sentence_id=f"s{i}", text=text, lang=lang, begin_ms=t, end_ms=t + 3700, kind="heading" if heading else "sentence"))
        t += 3700
    return Timeline(lang=lang, duration_ms=t, cues=cues)


def test_arabic_text_layer_reads_in_logical_order_with_every_time(tmp_path: Path) -> None:
    pdf = cuepdf.cue_sheet_pdf(AR_TL, tmp_path / "s.pdf", title="ورقة التوقيت: الميزانية")
    text = _text(pdf)
    flat = _flat(text)
    for c in AR_TL.cues:
        assert _flat(c.text) in flat, c.text
        assert clock(c.begin_ms) in text and clock(c.end_ms) in text
    assert _flat("ورقة التوقيت: الميزانية") in flat and _flat("عدد الجمل") in flat and "00:14.0" in text
    assert _flat("ابدأ كل جملة عند الوقت المكتوب أمامها") in flat
    # the measure fails on a sheet drawn left to right without shaping (characters in logical order on the page)
    bad = _unshaped(tmp_path / "bad.pdf", SENTENCE)
    assert _flat(SENTENCE) not in _flat(_text(bad))


def _unshaped(path: Path, text: str) -> Path:
    from fpdf import FPDF

    from transform.video.fonts import resolve_font

    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.add_font("a", "", resolve_font("Noto Naskh Arabic", "arabic").path)
    pdf.set_font("a", size=15)
    pdf.cell(500, 30, text, align="R")
    pdf.output(str(path))
    return path


def _ocr_arabic(pdf: Path, tmp_path: Path) -> str:
    png = tmp_path / f"{pdf.stem}-page"
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png)], check=True, timeout=60)
    out = subprocess.run(
        ["tesseract", f"{png}.png", "-", "-l", "ara", "--psm", "6"], capture_output=True, check=True, timeout=120, text=True
    )
    return out.stdout


@pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("pdftoppm") is None, reason="tesseract/poppler missing")
def test_rendered_arabic_is_shaped_and_right_to_left(tmp_path: Path) -> None:
    """What a person sees: the page rendered and read back by tesseract gives the sentence in reading
    order; the same sentence drawn unshaped (isolated letters, left to right) does not."""
    one = Timeline(lang="ar", duration_ms=5000, cues=[Cue(sentence_id="s1", text=SENTENCE, lang="ar", begin_ms=0, end_ms=5000)])
    read = _ocr_arabic(cuepdf.cue_sheet_pdf(one, tmp_path / "good.pdf"), tmp_path)
    words = SENTENCE.split()
    hits = [w for w in words if w in read.split()]
    assert len(hits) >= len(words) - 2, read
    assert "المجلس على الميزانية" in read, read
    bad = _ocr_arabic(_unshaped(tmp_path / "bad.pdf", SENTENCE), tmp_path)
    assert "المجلس على الميزانية" not in bad and sum(w in bad.split() for w in words) <= 2, bad


def _x_of(pdf: Path, word: str) -> float:
    """Left edge (pt) of the first word box containing ``word`` on page 1."""
    html = _text(pdf, "-bbox", "-f", "1", "-l", "1")
    for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', html):
        if word in m.group(2):
            return float(m.group(1))
    raise AssertionError(f"{word!r} not on page 1")


MIXED = [
    "الميزانية 2024",
    "صادق المجلس على الميزانية (78 في المائة).",
    "برنامج « Maroc Digital » للمدارس.",
    "ستحصل المدارس على حواسيب (برنامج « Maroc Digital »).",
    "Le budget 2024 de la région",
]
CLOCK = re.compile(r"\d+:\d\d\.\d")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium missing")
def test_same_lines_as_the_sheet_chromium_prints(tmp_path: Path) -> None:
    """Mixed Arabic, Latin, digits and mirrored brackets: every line of text reads back the same as
    from the PDF Chromium prints of the HTML sheet (times aside: the two tools group them differently)."""
    from transform.video.cuesheet import html_to_pdf

    tl = Timeline(
        lang="ar",
        duration_ms=6000 * len(MIXED),
        cues=[
            Cue(sentence_id=f"s{i}", text=t, lang="ar", begin_ms=i * 6000, end_ms=i * 6000 + 6000, kind="heading" if i == 0 else "sentence")
            for i, t in enumerate(MIXED)
        ],
    )

    def lines(pdf: Path) -> list[str]:
        return sorted(x for x in (MARKS.sub(" ", CLOCK.sub("", ln)).split() for ln in _text(pdf).splitlines()) if x)  # type: ignore[misc]

    ours = cuepdf.cue_sheet_pdf(tl, tmp_path / "ours.pdf")
    write_cue_sheet(tl, tmp_path / "c.html", None)
    theirs = html_to_pdf(tmp_path / "c.html", tmp_path / "chromium.pdf", timeout=120)
    assert lines(ours) == lines(theirs)
    assert _pages(ours) == _pages(theirs) == 1


def test_columns_mirror_with_the_direction(tmp_path: Path) -> None:
    ar = cuepdf.cue_sheet_pdf(AR_TL, tmp_path / "ar.pdf")
    assert _x_of(ar, "00:00.0") > _x_of(ar, "00:01.2") > _x_of(ar, "2024")  # start | end | text, from the right
    fr = cuepdf.cue_sheet_pdf(FR_TL, tmp_path / "fr.pdf")
    assert _x_of(fr, "00:00.0") < _x_of(fr, "00:01.5") < _x_of(fr, "conseil")
    flat = _flat(_text(fr))
    assert _flat("Le conseil a voté le budget") in flat and "الميزانية" in flat and _flat("Feuille de repères") in flat


def test_long_sheet_repeats_the_column_titles_and_keeps_every_row_whole_and_in_order(tmp_path: Path) -> None:
    tl = _long_timeline(150)
    pdf = cuepdf.cue_sheet_pdf(tl, tmp_path / "long.pdf")
    pages = _pages(pdf)
    assert pages >= 5
    texts = [_text(pdf, "-layout", "-f", str(p), "-l", str(p)) for p in range(1, pages + 1)]
    assert all(_flat("البداية") in _flat(t) and _flat("النص") in _flat(t) for t in texts)  # titles on every page
    flat = [_flat(CLOCK.sub("", t)) for t in texts]  # -layout: the lines of a row stay together
    seen = []
    for i, c in enumerate(tl.cues):
        where = [p for p, t in enumerate(flat) if _flat(c.text) in t]
        assert len(where) == 1, (i, where)  # whole on exactly one page
        seen.append(where[0])
    assert seen == sorted(seen)  # in order
    assert all(clock(c.begin_ms) in texts[p] for c, p in zip(tl.cues, seen, strict=True))  # each start on its row's page


def test_a_word_wider_than_the_column_is_cut_not_lost(tmp_path: Path) -> None:
    word = "Anticonstitutionnellement" * 6
    tl = Timeline(lang="fr", duration_ms=2000, cues=[Cue(sentence_id="s1", text=f"Un {word} mot", lang="fr", begin_ms=0, end_ms=2000)])
    pdf = cuepdf.cue_sheet_pdf(tl, tmp_path / "w.pdf")
    assert word in _flat(_text(pdf))
    assert _x_of(pdf, "Anticonstitutionnellement") < 560  # inside the page


def test_cue_sheet_to_pdf_needs_no_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from transform._exec import chromium

    def no_browser(*a: object, **k: object) -> None:
        raise AssertionError("Chromium was launched")

    monkeypatch.setattr(chromium, "print_to_pdf", no_browser)
    html, pdf = tmp_path / "s.ar.cuesheet.html", tmp_path / "s.ar.cuesheet.pdf"
    out = write_cue_sheet(AR_TL, html, pdf, title="الميزانية")
    assert out == [html, pdf] and pdf.read_bytes().startswith(b"%PDF")
    again = cue_sheet_to_pdf(FR_TL, html, tmp_path / "fr.pdf")
    assert _flat("Budget citoyen 2024") in _flat(_text(again))


def test_missing_font_is_a_typed_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from transform.errors import MissingDependencyError
    from transform.video import fonts

    def none(family: str) -> None:
        return None

    monkeypatch.setattr(fonts, "_fc_match", none)
    monkeypatch.setattr(fonts, "_find_file", none)
    with pytest.raises(MissingDependencyError):
        cuepdf.cue_sheet_pdf(AR_TL, tmp_path / "x.pdf", font_arabic="No Such Font")


def test_a_line_after_a_latin_ending_keeps_its_font(tmp_path: Path) -> None:
    """fpdf2 2.8 alone draws the full stop after ``Digital »)`` (a line that starts in the Latin
    fallback font) with the wrong font: an empty box, and poppler says "No font in show"."""
    text = "ستحصل المدارس على حواسيب (برنامج « Maroc Digital »)."
    tl = Timeline(lang="ar", duration_ms=3000, cues=[Cue(sentence_id="s1", text=text, lang="ar", begin_ms=0, end_ms=3000)])
    pdf = cuepdf.cue_sheet_pdf(tl, tmp_path / "m.pdf")
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, timeout=60, text=True)
    assert "No font" not in out.stderr and "Syntax Error" not in out.stderr, out.stderr
    lines = [MARKS.sub(" ", ln).split() for ln in out.stdout.splitlines()]
    assert [".)»", "Digital"] in lines  # the second line, as poppler reads an RTL line that starts in Latin
