"""Percent signs of an OCR'd table read as ``#`` or ``"`` (issue 17).

The joint order 1096.26's rate tables print ``1 %``, ``2 %`` in a column: ``ara`` reads some of
those signs right and others as ``#`` (``1 #``, ``#1``) or a double quote (``2"``). Neither sign
is a number's unit in a table: where the same column of the same table holds at least
``MIN_PERCENTS`` cells that are a number with ``%`` read right, a cell that is one number and one
of those signs beside it (nothing else) gets the ``%`` back. The digits are never touched; a
table without percents read right in that column keeps its cells as read.

A French column of rates writes its decimals with a comma (``41,25%``, ``22,39%``); tesseract
reads one comma as a point (``11.97%``). Where a column holds at least ``MIN_PERCENTS`` rates
with a decimal comma and none other with a decimal point, a rate read with a point gets its comma
back (:func:`decimal_commas`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Protocol

MIN_PERCENTS = 2  # cells of a column read as a number with % that make the column's misreads percents
_NUM = r"\d+(?:[.,]\d+)?"
_PERCENT = re.compile(rf"{_NUM} ?[%٪]|[%٪] ?{_NUM}")
_COMMA_RATE = re.compile(r"\d+,\d+ ?%")
_POINT_RATE = re.compile(r"(\d+)\.(\d+ ?%)")
_MISREAD = re.compile(rf"({_NUM}) ?[#\"”“]|[#\"”“] ?({_NUM})")


class _Cell(Protocol):
    col: int
    text: str


def percent_cells(cells: list[_Cell]) -> int:
    """Put back the ``%`` of cells read ``N #``, ``#N`` or ``N"`` in a column whose other cells
    read ``N %``; returns how many cells changed."""
    right = Counter(c.col for c in cells if _PERCENT.fullmatch(c.text.strip()))
    changed = 0
    for c in cells:
        if right[c.col] < MIN_PERCENTS:
            continue
        if m := _MISREAD.fullmatch(c.text.strip()):
            c.text = f"{m.group(1) or m.group(2)} %"
            changed += 1
    return changed


def decimal_commas(cells: list[_Cell]) -> int:
    """``11.97%`` -> ``11,97%`` in a column of rates written with a decimal comma (see the
    module's docstring); returns how many cells changed."""
    commas = Counter(c.col for c in cells if _COMMA_RATE.fullmatch(c.text.strip()))
    points = Counter(c.col for c in cells if _POINT_RATE.fullmatch(c.text.strip()))
    changed = 0
    for c in cells:
        if commas[c.col] >= MIN_PERCENTS and points[c.col] == 1 and (m := _POINT_RATE.fullmatch(c.text.strip())):
            c.text = f"{m.group(1)},{m.group(2)}"
            changed += 1
    return changed
