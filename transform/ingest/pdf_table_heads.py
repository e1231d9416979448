"""Two header forms of text-layer tables that the first-row test (:func:`pdf_table_cells._header_rows`) missed.

* A year heading a column of amounts: ``SECTEUR | 2025`` over ``Domaine national |
  25 425 500 594`` (a finance law's state of revenue). The year is a number, so the row was
  taken for a body row. A first-row cell that is a year (1900-2099, alone) counts as a label
  when the row has a word cell too and no body cell of the year's column is a year: the
  column holds amounts, not a list of years.
* A header printed in two languages, one row each: ``Nom du Médicament | Prix Public de Vente
  en Dirham`` over ``اسم الدواء | سعر البيع للعموم بالدرهم`` (the Bulletin officiel's price
  lists). The second row is a header row too when it is the first one's translation: two
  filled cells or more, none with a digit, each under a filled cell of the row above written
  in the other script (Arabic under Latin, or Latin under Arabic), and a body row under it.

Dots to fill in are no label either: a form's first row ``Nom du navire | …`` (the red coral
landing form) holds one label, so it is no header row.
"""

from __future__ import annotations

import re
from typing import Protocol

from .pdf_bidi import is_rtl_line

YEAR = re.compile(r"^\s*(?:19|20)\d\d\s*$")
DOTS = re.compile(r"[\s.…_]+")  # a blank to fill in (a form's ``Nom du navire | …``), no label


class _Cell(Protocol):
    row: int
    col: int
    colspan: int
    rowspan: int
    text: str


def year_heads(cells: list[_Cell]) -> bool:
    """Are the first row's numbers all years heading a column of amounts, beside a word cell (see the module docstring)?"""
    first = [c for c in cells if c.row == 0 and c.text]
    years = [c for c in first if YEAR.match(c.text)]
    if not years or not any(not YEAR.match(c.text) and any(ch.isalpha() for ch in c.text) for c in first):
        return False
    if any(not YEAR.match(c.text) and not any(ch.isalpha() for ch in c.text) for c in first):
        return False  # another number than a year: a body row
    for c in years:
        below = [b.text for b in cells if b.row > 0 and b.text and b.col == c.col and b.colspan == 1]
        if not below or any(YEAR.match(t) for t in below):
            return False
    return True


def translation_row(cells: list[_Cell], n: int) -> bool:
    """Is row ``n`` the translation of row ``n - 1`` (see the module docstring)?"""
    if not any(c.row > n for c in cells):
        return False
    under = [c for c in cells if c.row == n and c.text]
    if len(under) < 2 or any(any(ch.isdigit() for ch in c.text) for c in under):
        return False
    for c in under:
        above = [a for a in cells if a.row + a.rowspan == n and a.text and a.col <= c.col < a.col + a.colspan]
        if len(above) != 1 or is_rtl_line(above[0].text) == is_rtl_line(c.text):
            return False
    return True
