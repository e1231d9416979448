"""How many of an OCR'd ruled table's top rows are its header.

A scan gives no bold and no tagged header: the rows say it by what they hold.

* The first row is the header when it holds two labels or more (short, no number) over the
  body, or when it is one label set across every column: the table's title inside its frame
  (the annexes of a joint order, ``مميزات القمح اللين النموذجي ...`` across both columns; a
  budget's ``RECETTES`` across the four columns of its section).
* A header row that spans columns heads a second one set under it: ``DEPENSES`` over
  ``Report | Propositions``, a title over ``المميزات | الحدود المسموح بها``. The row below is a
  header row too when every one of its filled cells is a short label with no digit at all (a
  body row of the same tables pairs a label with a figure: ``الوزن الخاص | 77 كيلوغرام ...``), at
  least one is filled under every spanning cell. Two header rows may be all that a table holds
  on its page (Putanges' investment section: its body is printed on the next page); a third
  level leaves a body row under it.

A form's row of labels beside dots to fill in (``Nom du navire | …``) is no header row either.
A first cell spanning rows down from the first row (a label column merged over the rows of a
section) means the first row is no header: the table has none.
"""

from __future__ import annotations

from typing import Protocol

from ..ingest.pdf_table_cells import is_number
from ..ingest.pdf_table_heads import DOTS as _DOTS

MAX_HEADER_WORDS = 10  # words of a header cell at most (a title across the table: MAX_TITLE_WORDS)
MAX_TITLE_WORDS = 16


class _Slot(Protocol):
    row: int
    col: int
    colspan: int
    rowspan: int
    text: str


def header_rows(cells: list[_Slot]) -> int:
    """The number of the table's top rows that are its header (0: none)."""
    if not cells:
        return 0
    nrows = max(c.row + c.rowspan for c in cells)
    ncols = max(c.col + c.colspan for c in cells)
    first = [c for c in cells if c.row == 0]
    if nrows < 2 or any(c.rowspan > 1 for c in first) or not _labels_row(first, ncols):
        return 0
    n = 1
    while n < nrows and not (n >= 2 and n >= nrows - 1):  # a third level leaves a body row under it
        spans = [c for c in cells if c.row == n - 1 and c.colspan > 1]
        under = [c for c in cells if c.row == n]
        filled = [c for c in under if c.text]
        if not spans or not filled or any(c.rowspan > 1 for c in under):
            break
        if any(_digit(c.text) or len(c.text.split()) > MAX_HEADER_WORDS for c in filled):
            break
        if not all(any(s.col <= c.col < s.col + s.colspan for c in filled) for s in spans):
            break
        n += 1
    return n


def _labels_row(first: list[_Slot], ncols: int) -> bool:
    """Two labels or more, or one across the whole width (a title): words, no number. Dots to
    fill in (a form's ``Nom du navire | …``) are no label."""
    filled = [c for c in first if c.text and not _DOTS.fullmatch(c.text)]
    if not filled or any(is_number(c.text) for c in filled):
        return False
    if len(filled) >= 2:
        return all(len(c.text.split()) <= MAX_HEADER_WORDS for c in filled)
    title = filled[0]
    return ncols >= 2 and title.colspan >= ncols and len(title.text.split()) <= MAX_TITLE_WORDS and not _digit(title.text)


def _digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)
