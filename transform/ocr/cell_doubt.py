"""A table cell whose number no amount is written like carries its own doubt (issue 17).

In a ruled table of French amounts (``21 928,38€``: groups of three digits after the first, a decimal
comma and two digits), every amount cell the page's reading and its repairs (:mod:`amount_cells`,
:mod:`latin_numbers`, :mod:`table_percent`) left in a shape no amount has is a misreading the reader
could not settle: Putanges' sewerage budget prints ``21 928,38€`` under a pen stroke, read
``27 928/382``. Nothing writes such a cell (its text is left as read); it is marked
``amount_malformed``, and the table holding it is doubtful too (:func:`table_doubt`), so the review
page, the quality report and the Darija gates send it to a person with the cell named.

A cell counts only in a table with at least MIN_AMOUNTS well-formed amounts, when it holds nothing
but digits, spaces and the marks of an amount (``, . / €``), at least MIN_DIGITS digits, a mark or
space (a bare run of digits is a code or a year), and is written as no number is: neither digits
grouped by three (``1 669``, ``26 292 000``) nor plain (``1550,00``), with or without a decimal part,
nor a date, a range of years or a dotted code (``1.2.1.1.0.01.000``). Every cell of the hand-checked
truth of the corpus passes (none is marked).
No tesseract call: the text and the table's other cells decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

MALFORMED = "amount_malformed"
MIN_AMOUNTS = 3  # well-formed amounts that make a table one of amounts
MIN_DIGITS = 4  # digits a cell holds at least to be read as an amount (``0,00`` and ``20,00`` are well formed anyway)
_WELL = re.compile(r"-?\d{1,3}(?: \d{3})*,\d\d ?€?")  # a French amount of a table of amounts
# any number written as numbers are: grouped by three (space or point) or not, a decimal part or not
_NUMBER = re.compile(r"-?(?:\d{1,3}(?:[ .]\d{3})+|\d+)(?:[.,]\d+)? ?€?")
_AMOUNT_LIKE = re.compile(r"[\d .,/€]*\d[\d .,/€]*")
_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4} ?/ ?\d{2,4}|\d{1,2}/\d{4}")
_CODE = re.compile(r"\d+(?:\.\d+){2,}")  # a budget line's code, 1.2.1.1.0.01.000


class _Cell(Protocol):
    text: str
    doubt: str | None


def malformed_amount(text: str) -> bool:
    """``text`` looks like an amount (only digits, spaces and ``, . / €``; MIN_DIGITS digits or more; a
    mark or a space) and is written as no number is (``27 928/382``, ``100 00,00€``), nor a date or a code."""
    text = text.strip()
    if not _AMOUNT_LIKE.fullmatch(text) or any(p.fullmatch(text) for p in (_NUMBER, _DATE, _CODE)):
        return False
    return sum(ch.isdigit() for ch in text) >= MIN_DIGITS and not text.isdigit()


def mark_amounts(cells: Sequence[_Cell]) -> int:
    """Mark ``amount_malformed`` the cells of a table of amounts that are amounts no one writes
    (see the module's docstring); the text is left as it is. Returns how many cells were marked."""
    if sum(1 for c in cells if _WELL.fullmatch(c.text.strip())) < MIN_AMOUNTS:
        return 0
    marked = 0
    for c in cells:
        if c.doubt is None and malformed_amount(c.text):
            c.doubt = MALFORMED
            marked += 1
    return marked


def table_doubt(rows: Iterable[Iterable[object]]) -> str | None:
    """The doubt a table takes from its cells: the first doubtful cell's code, None when all are sound."""
    for row in rows:
        for cell in row:
            if doubt := getattr(cell, "doubt", None):
                return str(doubt)
    return None


def doubtful_cells(rows: Sequence[Sequence[object]]) -> list[tuple[int, int, str, str]]:
    """(row, column, text, doubt) of every doubtful cell of a table's rows, 1-based; the column counts
    the grid columns the cells before it span (a merged header cell is one cell but several columns)."""
    out = []
    for r, row in enumerate(rows, 1):
        col = 1
        for cell in row:
            if doubt := getattr(cell, "doubt", None):
                text = " ".join(s.text for s in getattr(cell, "sentences", []))
                out.append((r, col, text, str(doubt)))
            col += int(getattr(cell, "colspan", 1) or 1)
    return out


def cells_note(rows: Sequence[Sequence[object]]) -> str:
    """The doubtful cells in words for logs, the CLI and the quality report:
    ``row 4, column 2: 27 928/382``; '' when there are none."""
    return "; ".join(f"row {r}, column {c}: {text}" for r, c, text, _d in doubtful_cells(rows))
