"""Raised note numbers at the start of an Arabic scan's footnotes (``note_calls.py``): found on the page,
read six ways, written when the readings agree; a mark read as two numbers is left in doubt."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest
from ocr_testkit import CORPUS_FILES, band_lines

from transform.ingest.base import TextLine
from transform.ocr.note_calls import _without_lead_junk, find_mark, restore_calls, settle
from transform.ocr.render import preprocess, render_page
from transform.ocr.tesseract import OcrResult


def _line(mark: tuple[int, int, int, int] | None) -> np.ndarray:
    """A drawn line crop: a word's ink in the letters' band, and ``mark`` (x0, y0, x1, y1) right of it."""
    ink = np.zeros((40, 120), dtype=bool)
    ink[14:34, 5:80] = True
    if mark:
        x0, y0, x1, y1 = mark
        ink[y0 : y1 + 1, x0 : x1 + 1] = True
    return ink


def test_a_raised_mark_is_found_and_letters_dashes_dots_are_not() -> None:
    assert find_mark(_line((88, 6, 95, 18))) == (88, 6, 95, 18)  # small, raised, apart: a note's number
    assert find_mark(_line(None)) is None  # the line's own first letter
    assert find_mark(_line((88, 10, 100, 30))) is None  # as tall as the letters, foot on the line
    assert find_mark(_line((88, 12, 104, 15))) is None  # a dash: wider than high
    assert find_mark(_line((88, 10, 90, 12))) is None  # a dot


def test_the_readings_settle_a_number_or_leave_it_in_doubt() -> None:
    assert settle([("1", 94.0), ("", 0.0), ("1", 84.0), ("1", 20.0), ("", 0.0), ("", 0.0)]) == ("1", False)
    # one reading alone, or readings under the confidence floor, write nothing
    assert settle([("5", 89.0), ("", 0.0), ("4", 23.0), ("", 0.0), ("", 0.0), ("", 0.0)]) == (None, False)
    # a number changed in one reading: never written, the line in doubt
    assert settle([("6", 96.0), ("6", 97.0), ("8", 91.0), ("", 0.0), ("", 0.0), ("", 0.0)]) == (None, True)
    # a letter or three digits is no note number
    assert settle([("123", 96.0), ("123", 97.0)]) == (None, False)


def test_what_the_reading_made_of_the_mark_goes() -> None:
    assert _without_lead_junk("(G) | > وضع علامة") == "وضع علامة"
    assert _without_lead_junk("• يتعين إرفاق") == "يتعين إرفاق"
    assert _without_lead_junk(":أو الدفتر") == "أو الدفتر"
    assert _without_lead_junk("“يجب ألا") == "يجب ألا"


@pytest.mark.slow
def test_the_contracts_footnotes_keep_their_numbers() -> None:
    """Decree 2.17.355 p. 3 (a 220 ppi scan): its notes' raised numbers 1, 3 and 5 were read as ``•``,
    ``:`` and ``>`` or nothing; each note now starts with its number, and no other number is invented."""
    lines = band_lines("adala-ar-decree-2-17-355", 3, 0.63, 0.73)
    starts = {ln.split()[0] for ln in lines if ln.split()}
    for number, words in (("1", "يتعين إرفاق"), ("3", "الدفتر العائلي"), ("5", "علامة أمام")):
        note = [ln for ln in lines if words in ln]
        assert note and note[0].split()[0] == number, lines
    assert starts <= {"1", "2", "3", "4", "5"}, lines


def test_a_lone_note_number_read_as_a_bracket() -> None:
    """Joint order 1096.26 p. 2 (a 126 ppi scan): read whole, its footnote ``1 - الجريدة الرسمية عدد 7521``
    came out ``] - الجريدة``; the glyph at the line's start, read again alone as a word, is a 1. (The
    line read alone in a band of the page is read right: the page's own line and box are given here.)"""
    path = CORPUS_FILES / "adala-ar-joint-order-1096-26.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(path))
    try:
        pimg = preprocess(render_page(pdf, 1), scanned=True)
    finally:
        pdf.close()
    line = TextLine("] - الجريدة الرسمية عدد 7521 بتاريخ 13 محرم 1448 (29 يونيو 2026(\" ص 3770.", 162.1, 758.3, 523.3, 771.3)
    body = TextLine("لا يطرأ أي تغيير على ثمن البيع للعموم", 300.0, 700.0, 523.0, 713.0)  # no mark: untouched
    before = body.text
    assert restore_calls(pimg, OcrResult([line, body], 90.0, 20), 60) == 1
    assert line.text.startswith("1 - الجريدة الرسمية عدد 7521"), line.text
    assert body.text == before
