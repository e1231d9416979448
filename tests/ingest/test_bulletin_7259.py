"""Letters an /ActualText span swapped, and numbers written against a word (issue 17).

The Arabic Bulletin officiel 7259 (tests/realdocs, InDesign, Sakkal Majalla) wraps a few glyphs
of some words in /ActualText spans written in visual order; pdfium cuts each span's width in
equal parts handed out from the right, so their letters came back swapped (``الجرمكية``,
``ظهي رشريف``, ``منمج ادى``), a run after a span in visual order (``غي رةشابلمار``), and
``رقم55.23`` had no space though the glyphs leave one."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ingest.pdf import PdfIngester
from transform.ingest.pdf_letter_order import digit_spaces, reorder

BULLETIN = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "bo-ar-7259-2023-lf2024.pdf"


def _rtl(widths: list[float], gaps: dict[int, float] | None = None) -> list[tuple[float, float]]:
    """Boxes drawn right to left: character i is ``widths[i]`` wide, ``gaps[i]`` left of the one before."""
    out, right = [], 300.0
    for i, w in enumerate(widths):
        right -= (gaps or {}).get(i, 0.0)
        out.append((right - w, right))
        right -= w
    return out


def test_a_span_split_in_equal_parts_gets_its_letters_back_in_order() -> None:
    text = "الجرمكية"  # pdfium's reading: the span's ر and م swapped
    boxes = _rtl([3.2, 5.0, 7.5, 5.85, 5.85, 6.1, 4.5, 5.6])  # ر and م: one width cut in two
    fixed = reorder(text, lambda i: boxes[i], 14.0)
    assert fixed is not None and fixed[0] == "الجمركية"
    assert fixed[1](3) == boxes[3] and fixed[1](4) == boxes[4]  # the letters swap, the positions stay


def test_a_run_in_visual_order_after_a_span_is_read_right_to_left() -> None:
    # boxes as pdfium gives them for the end of a heading of page 2: ``غي`` then a span " ر"
    # (space and ر share 6.67 pt), then ``المباشرة`` emitted left to right with a span "رة"
    text = "غي رةشابلمار"
    boxes = [(113.82, 120.76), (110.08, 114.35), (107.71, 111.05), (71.16, 76.02), (76.02, 80.88), (80.34, 89.22),
             (89.22, 92.62), (91.99, 96.44), (95.87, 101.18), (95.87, 101.18), (101.18, 104.38), (104.38, 107.71)]
    fixed = reorder(text, lambda i: boxes[i], 14.0)
    assert fixed is not None and fixed[0] == "غير المباشرة"


def test_letters_of_equal_width_that_make_a_word_stay_as_they_are() -> None:
    text = "المادة الأولى"  # د and ة of the same width and touching: the word is right as it is
    boxes = _rtl([3.2, 4.0, 6.0, 3.3, 5.0, 5.0, 2.5, 3.2, 4.0, 7.0, 4.0, 3.0, 6.0], {6: 0.0})
    assert reorder(text, lambda i: boxes[i], 14.0) is None


def test_a_number_written_against_a_word_gets_the_space_its_glyphs_leave() -> None:
    text = "رقم55.23 للسنة"
    boxes = _rtl([5.9, 6.3, 7.0], {}) + [(272.36, 278.29), (278.29, 284.23), (284.89, 288.01), (288.52, 294.43),
                                         (294.43, 300.34), (265.89, 265.89)] + _rtl([4.5, 4.4, 10.4, 5.1, 6.3], {0: 36.0})
    boxes[:3] = [(314.05, 319.93), (309.79, 316.12), (303.40, 310.40)]  # م ends 3 pt right of the number
    spaced, _ = digit_spaces(text, lambda i: boxes[i], 14.0)
    assert spaced == "رقم 55.23 للسنة"
    close = [(314.05, 319.93), (309.79, 316.12), (300.35, 307.35)] + boxes[3:]  # drawn against it: no space
    assert digit_spaces(text, lambda i: close[i], 14.0)[0] == text


@pytest.fixture(scope="module")
def pages() -> list[str]:
    pdf = pdfium.PdfDocument(str(BULLETIN))
    try:
        return [ln.text for p in (0, 1) for ln in PdfIngester()._read_page(pdf, p, BULLETIN.name)[0]]
    finally:
        pdf.close()


@pytest.mark.parametrize("words", [
    "ظهير شريف رقم 1.23.91",
    "30 من جمادى الأولى 1445 (14 ديسمبر 2023)",
    "بتنفيذ قانون المالية رقم 55.23 للسنة المالية 2024",
    "الأحكام المتعلقة بالموارد العمومية",
    "الضرائب والموارد المأذون في استيفائها",
    "الرسوم الجمركية والضرائب غير المباشرة",
])
def test_the_bulletin_reads_its_words_spaced_and_in_order(pages: list[str], words: str) -> None:
    assert any(words in line for line in pages), [ln for ln in pages if words.split()[-1] in ln.replace(" ", "")]


def test_no_swapped_span_is_left_on_the_two_pages(pages: list[str]) -> None:
    text = "\n".join(pages)
    for broken in ("رةشابلمار", "الجرمكية", "ظهي رشريف", "منمج", "ربمس", "رقم55", "الموار د"):
        assert broken not in text
