"""Numbers that open a line are text (``pdf_series_next``, ``pdf_row_jumps``).

Order 1033.21 numbers its model report's parts ``1-`` to ``6-`` in bold and its last part ``7- ملاحظات حول الزيارة:``
(p. 10) in plain type: read alone it opened a one-item list, its number a list marker. It is the series' next heading.
On its p. 8 pdfium gave the ``6`` of ``4-6`` and the ``7`` of the row under it as one line ``67``: the ``4`` was lost."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from transform.ingest.base import TextLine
from transform.ingest.ligatures import LigatureProbe
from transform.ingest.pdf_block_group import _Group
from transform.ingest.pdf_series_next import series_next
from transform.ingest.pdf_text import page_lines

ROOT = Path(__file__).resolve().parents[2]
ORDER = ROOT / "tests/realdocs/files/adala-ar-order-1033-21.pdf"


def _g(kind: str, text: str, size: float = 16.0, level: int = 0, rtl: bool = True) -> _Group:
    return _Group(kind=kind, lines=[TextLine(text, 300.0, 100.0, 500.0, 112.0, size, kind == "heading", 1)], size=size, rtl=rtl,
                  level=level, ordered=kind == "item")


def test_next_number_of_a_heading_series_is_a_heading() -> None:
    groups = [_g("heading", "6- جدول بشأن محاور المراقبة:", level=5), _g("paragraph", "نص", size=14.0),
              _g("item", "7- ملاحظات حول الزيارة:"), _g("paragraph", "......................")]
    assert series_next(groups) == 1
    assert (groups[2].kind, groups[2].level, groups[2].text) == ("heading", 5, "7- ملاحظات حول الزيارة:")


def test_a_list_numbered_on_is_left_a_list() -> None:
    groups = [_g("heading", "1. Objet", level=2), _g("item", "2. premier point"), _g("item", "3. second point")]
    assert series_next(groups) == 0 and groups[1].kind == "item"


def test_other_sign_size_or_a_sentence_is_no_heading() -> None:
    for cand in (_g("item", "7) ملاحظات:"), _g("item", "7- ملاحظات:", size=11.0),
                 _g("paragraph", "7- يجب على المشغل أن يقدم السجلات.")):
        groups = [_g("heading", "6- جدول:", level=5), cand]
        assert series_next(groups) == 0 and cand.kind != "heading"


def test_a_higher_heading_without_number_ends_the_series() -> None:
    groups = [_g("heading", "6- جدول:", level=5), _g("heading", "ملحق", level=2), _g("item", "7- ملاحظات:")]
    assert series_next(groups) == 0


def _lines(page_no: int) -> list[str]:
    pdf = pdfium.PdfDocument(str(ORDER))
    try:
        page = pdf[page_no - 1]
        tp = page.get_textpage()
        try:
            return [ln.text for ln in page_lines(page, tp, page_no, LigatureProbe())]
        finally:
            tp.close()
            page.close()
    finally:
        pdf.close()


def test_digits_of_two_rows_read_apart() -> None:
    lines = _lines(8)
    assert "6-4" in lines and "7" in lines  # not "67- الهيئات", the 4 lost
    assert not any(t.startswith("67") or t.startswith("89") for t in lines)
