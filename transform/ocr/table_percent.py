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

A sign the readings lost altogether (``3 (على الأكثر)`` among ``3 % (على الأكثر)``) is put back only
where the page's ink shows an unread glyph in its place (:func:`lost_percents`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

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


GAP_GLYPH = (0.4, 1.6)  # an unread sign's ink is this wide, in the number's height...
GAP_TALL = 0.6  # ...and at least this high
DARK = 128  # the number's darkest pixel must be darker than this (the ink is measured by it)
_SIGNED = re.compile(rf"({_NUM}) ?[%٪] (.+)")
_BARE = re.compile(rf"({_NUM}) (.+)")


def lost_percents(pimg: PageImage, cells: list[_Cell], lines: list[TextLine],
                  rtl_words: dict[int, tuple[str, list[tuple[str, float, float, float, float]]]]) -> int:
    """``3 (على الأكثر)`` -> ``3 % (على الأكثر)`` where the column's other cells read ``N % (على
    الأكثر)`` (at least ``MIN_PERCENTS``, the same words after the sign) and the page reading's every
    line holding that number before those words shows a glyph of the number's height, unread, in the
    gap between them (the joint order 1096.26 p. 9: the sign printed, the page reading and the cell
    readings both lost it). Returns how many cells changed."""
    signed = Counter((c.col, m.group(2)) for c in cells if (m := _SIGNED.fullmatch(c.text.strip())))
    asked = [(c, m) for c in cells if (m := _BARE.fullmatch(c.text.strip())) and not _SIGNED.fullmatch(c.text.strip())
             and signed[(c.col, m.group(2))] >= MIN_PERCENTS]
    changed = 0
    for c, m in asked:
        if _gaps_inked(pimg, lines, rtl_words, m.group(1), m.group(2).split()[0]):
            c.text = f"{m.group(1)} % {m.group(2)}"
            changed += 1
    return changed


def _gaps_inked(pimg: PageImage, lines: list[TextLine],
                rtl_words: dict[int, tuple[str, list[tuple[str, float, float, float, float]]]], number: str, after: str) -> bool:
    """Whether ``number`` then ``after`` stand in at least one of ``lines`` as listed right to left,
    and in every such line a glyph of the number's height stands unread between them."""
    import numpy as np

    from .raised_calls import columns

    grey = None
    k = pimg.dpi / 72.0
    seen = 0
    for ln in lines:
        listed = rtl_words.get(id(ln))
        if not listed:
            continue
        boxes = listed[1]
        for n in range(len(boxes) - 1):
            if boxes[n][0] != number or boxes[n + 1][0] != after:
                continue
            seen += 1
            _w, x0, top, _x1, bottom = boxes[n]
            left = boxes[n + 1][3]
            tall = (bottom - top) * k
            if grey is None:
                grey = np.asarray(pimg.image.convert("L"))
            crop = grey[int(top * k):int(bottom * k) + 1, int(left * k) + 1:max(int(left * k) + 1, int(x0 * k) - 1)]
            if crop.size == 0:
                return False
            digit = grey[int(top * k):int(bottom * k) + 1, int(x0 * k):int(boxes[n][3] * k) + 1]
            if digit.size == 0 or digit.min() >= DARK:
                return False  # no dark digit in the number's box to measure the ink by
            ink = crop < (float(np.percentile(digit, 95)) + float(digit.min())) / 2
            groups = [g for g in columns(ink) if g[3] - g[2] >= 0.25 * tall]
            if not groups:
                return False
            width = groups[-1][1] - groups[0][0]
            high = max(g[3] - g[2] for g in groups)
            if not (GAP_GLYPH[0] * tall <= width <= GAP_GLYPH[1] * tall and high >= GAP_TALL * tall):
                return False
    return seen > 0
