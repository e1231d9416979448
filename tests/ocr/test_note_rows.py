"""A raised note number whose line box reaches over two printed rows (``note_calls._first_row_mark``).

Decree 2.17.355's contract, p. 4: tesseract's box for the note ``⁸ تحدد في 48 ساعة...`` is 20 points high where
the page's lines are 12: it takes in the next printed row, so the letters' band measured over the box is two
rows high and the mark (read ``•``) looked too small beside it. The window is cut at the blank rows and the
mark looked for in the line's first row."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest
from ocr_testkit import CORPUS_FILES

from transform.ingest.base import TextLine
from transform.ocr.note_calls import _first_row_mark, restore_calls
from transform.ocr.render import preprocess, render_page
from transform.ocr.tesseract import OcrResult

# the page's reading of p. 4 (boxes in points): the note lines as read, their marks read as signs
P4 = [("• وضع علامة أمام المهمة أو المهام المحددة", (147, 622, 490, 633)),
      ("• تحدد في 48 ساعة في الأسبوع كحد أقصى", (85, 639, 490, 660)),
      ("“يجب الايقل المبلغ النقدي عن 60 % من الحد", (94, 673, 490, 685))]


@pytest.mark.slow
def test_the_contracts_note_over_two_rows_keeps_its_number() -> None:
    path = CORPUS_FILES / "adala-ar-decree-2-17-355.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(path))
    try:
        pimg = preprocess(render_page(pdf, 3), scanned=True)
    finally:
        pdf.close()
    lines = [TextLine(text, *box) for text, box in P4]
    restore_calls(pimg, OcrResult(lines, 88.0, 30), 60)
    assert [ln.text.split()[0] for ln in lines] == ["6", "8", "9"]
    assert lines[1].text.startswith("8 تحدد في 48")


def _rows(*spans: tuple[int, int]) -> np.ndarray:
    """A drawn window: each (top, bottom) a printed row of letters, a raised mark at the first row's right."""
    ink = np.zeros((60, 120), dtype=bool)
    for top, bottom in spans:
        ink[top:bottom, 5:80] = True
    return ink


def test_the_mark_is_looked_for_in_the_first_full_row() -> None:
    ink = _rows((4, 20), (30, 46))
    ink[2:9, 88:94] = True  # raised beside the first row
    y, mark = _first_row_mark(ink, True, 16.0, 100)
    assert y == 102 and mark == (88, 0, 93, 6)
    # a short row on top (the line above's descenders) is passed over; the mark is the first full row's
    ink = _rows((0, 3), (10, 26), (36, 52))
    ink[8:15, 88:94] = True
    assert _first_row_mark(ink, True, 16.0, 0)[1] == (88, 0, 93, 6)
    # no mark beside the first row: none, even if the second row has one (the line's text starts in the first)
    ink = _rows((4, 20), (30, 46))
    ink[28:35, 88:94] = True
    assert _first_row_mark(ink, True, 16.0, 0)[1] is None
