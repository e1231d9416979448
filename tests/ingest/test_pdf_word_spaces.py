"""Word spaces in Arabic lines whose producer wrote none, or narrow ones.

The Arabic Bulletin officiel 7259 (tests/realdocs, set in Sakkal Majalla) draws some words apart
without a space character (`المعطياتالعامةللتوازن` as pdfium reads it) and its written spaces are
about 0.15 of the type size, narrower than the gap the line repair used to ask for, so repaired
lines lost every space (`2-باستيفاءالضرائبوالحاصلات...`). Spaces now come from the glyphs' gaps
measured on the loose boxes (the letters of one word touch) and from the spaces pdfium placed."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ingest.pdf import PdfIngester
from transform.ingest.pdf_bidi import WordOrderProbe, read_line, respace

BULLETIN = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "bo-ar-7259-2023-lf2024.pdf"


def _boxes(widths: list[float], gaps: dict[int, float]) -> list[tuple[float, float]]:
    """Right-to-left boxes: character i is ``widths[i]`` wide and ``gaps[i]`` left of the one before."""
    out, right = [], 500.0
    for i, w in enumerate(widths):
        right -= gaps.get(i, 0.0)
        out.append((right - w, right))
        right -= w
    return out


def test_a_gap_as_wide_as_a_space_between_touching_letters_becomes_a_space() -> None:
    text = "المعطياتالعامة"  # two words, no space written
    boxes = _boxes([4.0] * len(text), {8: 2.2})  # size 15: 0.15 of it between ت and ا
    fixed, box = respace(text, lambda i: boxes[i], 15.0)
    assert fixed == "المعطيات العامة"
    assert box(9)[1] == boxes[8][1] and box(8) == (boxes[8][1], boxes[7][0])  # the space spans its gap


def test_letters_that_touch_or_a_kashida_stay_one_word() -> None:
    text = "المعطيات"
    boxes = _boxes([4.0] * len(text), {4: 0.3})  # a non-joining letter's small gap: 0.02 of the size
    assert respace(text, lambda i: boxes[i], 15.0)[0] == text
    stretched = "الاســتدامة"  # kashidas: the letter after them joins them, not the letter before
    sboxes = _boxes([4.0, 4.0, 4.0, 4.0, 3.0, 3.0, 4.0, 4.0, 4.0, 4.0, 4.0], {})
    assert respace(stretched, lambda i: sboxes[i], 15.0)[0] == stretched


def test_narrow_written_spaces_survive_the_line_repair() -> None:
    text = "2 - باستيفاء الضرائب"  # a digit makes the line go through the geometric repair
    widths = [4.0, 2.0, 3.0, 2.0] + [4.0] * 8 + [2.0] + [4.0] * 7
    gaps = {1: 0.1, 3: 0.1, 12: 0.1}  # the written spaces are 2 pt wide, 0.14 of the size
    boxes = _boxes(widths, gaps)
    logical, rtl = read_line(text, lambda i: boxes[i], 14.0, True, WordOrderProbe())
    assert rtl and logical.split() == ["2", "-", "باستيفاء", "الضرائب"]


@pytest.fixture(scope="module")
def page2() -> list[str]:
    pdf = pdfium.PdfDocument(str(BULLETIN))
    try:
        return [ln.text for ln in PdfIngester()._read_page(pdf, 1, BULLETIN.name)[0]]
    finally:
        pdf.close()


@pytest.mark.parametrize("words", [
    "المعطيات العامة للتوازن المالي",  # no space written
    "قانون المالية رقم",
    "تستمر الجهات المختصة، وفقا للنصوص التشريعية والتنظيمية",  # narrow spaces through the repair
    "باستيفاء الضرائب والحاصلات والرسوم والدخول المخصصة",
])
def test_the_bulletin_page_keeps_its_word_spaces(page2: list[str], words: str) -> None:
    assert any(words in line for line in page2), [ln for ln in page2 if words.split()[0] in ln.replace(" ", "")]
