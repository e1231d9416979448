"""A kept earlier OCR's table found again once our OCR read what its layer lost.

The tables of a text layer are built from its characters while the page is first read (pdf_tables), before
the OCR hook judges the layer. On a scan under an earlier OCR's layer the hook may read ink the layer left
unread (ocr/foreign_gaps.py: a shaded group row, an amount standing alone, two rows the layer glued into
one line); the table built before knows nothing of it, and the rows read would stand apart from it. Such a
page's tables are looked for again on its lines as they now are (the read words carry glyphs of their own,
pdf_table_glyphs.Glyphs.with_read_words), and a table that holds a line read so is in doubt: one engine read
that row where the other read nothing. Pages whose report does not say so are not touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..ocr.confidence import TEXT_UNSURE
from . import pdf_tables

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from .base import TextLine
    from .pdf_tables import FoundTable


def _read_into(t: FoundTable, touched: list[TextLine]) -> list[TextLine]:
    return [ln for ln in touched if t.took(ln) or (
        t.top <= (ln.top + ln.bottom) / 2 <= t.bottom and ln.x1 > t.x0 and ln.x0 < t.x1)]


def tables_again(pdf: pdfium.PdfDocument, i: int, lines: list[Any], found: list[FoundTable], width: float,
                 height: float) -> list[FoundTable]:
    """The page's tables, found again when a line our OCR read into lies in one (see the module docstring)."""
    touched = [ln for ln in lines if getattr(ln, "lost_ink", False)]
    if not touched or not any(_read_into(t, touched) for t in found):
        return found
    page = pdf[i]
    textpage = page.get_textpage()
    try:
        cand = pdf_tables.candidate(page, lines, height, textpage)
        again = pdf_tables.find_tables(textpage, lines, cand, width, height) if cand else []
    finally:
        textpage.close()
        page.close()
    if len(again) < len(found):  # a table lost on the way: the first reading stands, in doubt
        again = found
    for t in again:
        if _read_into(t, touched):
            t.table.doubt = TEXT_UNSURE
    return again
