"""A table that runs from the foot of one column to the top of the next is one table.

A page set in two columns (a gazette's tariff tables) lets a ruled table fill its column and go
on at the top of the next one, without its header row. Read region by region, the two parts are
two tables, and the second, whose top lies high on the page, is placed before the text of the
first column. Two tables of one page are joined when:

* the second lies wholly in the next column: to the left of the first on a right-to-left page,
  to its right on a left-to-right one, and starts higher than the first ends;
* both have as many columns and about the same width (``SAME_WIDTH``);
* nothing but page furniture lies under the first in its column (no line below it in the
  page's body, the outer ``MARGIN`` of the page height holding running headers and folios),
  and nothing but furniture lies over the second in its column;
* the second's header rows, if it has any, say what the first's say (then they are dropped);
  a second part opening on header rows of its own is a table of its own.

The joined table keeps the first part's place and extent; it took the lines of both (parts that
do not know the lines they took are left apart).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..model import Table

SAME_WIDTH = 0.1  # share of the wider part: the two parts' widths differ by no more than this
MARGIN = 0.08  # share of the page height at its top and bottom: running headers, folios
SLACK = 2.0  # points


def _ncols(t: Table) -> int:
    return max((sum(c.colspan for c in row) for row in t.rows), default=0)


def _texts(row: list[Any]) -> list[str]:
    return [" ".join(s.text for s in c.sentences).strip() for c in row]


def _overlaps(ln: Any, x0: float, x1: float) -> bool:
    return min(ln.x1, x1) - max(ln.x0, x0) > 0.25 * min(ln.x1 - ln.x0, x1 - x0)


def _body(ln: Any, height: float) -> bool:
    return bool(ln.text.strip()) and ln.top > MARGIN * height and ln.bottom < (1 - MARGIN) * height


def _rtl(lines: list[Any]) -> bool:
    return sum(1 for ln in lines if getattr(ln, "rtl", False)) * 2 > len(lines)


def _next_column(a: Any, b: Any, rtl: bool) -> bool:
    beside = b.x1 <= a.x0 + SLACK if rtl else b.x0 >= a.x1 - SLACK
    return beside and b.top < a.bottom


def _header_rows(t: Table) -> int:
    n = 0
    for row in t.rows:
        if row and all(c.header for c in row):
            n += 1
        else:
            break
    return n


def _joinable(a: Any, b: Any, lines: list[Any], height: float, rtl: bool) -> bool:
    if not (a.lines and b.lines) or not _next_column(a, b, rtl) or _ncols(a.table) != _ncols(b.table) or _ncols(a.table) < 2:
        return False
    wa, wb = a.x1 - a.x0, b.x1 - b.x0
    if abs(wa - wb) > SAME_WIDTH * max(wa, wb):
        return False
    for ln in lines:
        if not _body(ln, height) or a.took(ln) or b.took(ln):
            continue
        if ln.top >= a.bottom - SLACK and _overlaps(ln, a.x0, a.x1):
            return False  # text under the first part in its column
        if ln.bottom <= b.top + SLACK and _overlaps(ln, b.x0, b.x1):
            return False  # text over the second part in its column
    heads = _header_rows(b.table)
    if heads:
        first = [_texts(r) for r in a.table.rows[:heads]]
        if [_texts(r) for r in b.table.rows[:heads]] != first:
            return False
    return True


def join_column_parts(found: list[Any], lines: list[Any], height: float) -> list[Any]:
    """The page's tables (:class:`pdf_tables.FoundTable`) with the parts of a table continued in
    the next column joined (module note)."""
    if len(found) < 2:
        return found
    rtl = _rtl(lines)
    out = sorted(found, key=lambda t: (t.top, -t.x1 if rtl else t.x0))
    joined = True
    while joined:
        joined = False
        for a in out:
            b = next((b for b in out if b is not a and _joinable(a, b, lines, height, rtl)), None)
            if b is None:
                continue
            heads = _header_rows(b.table)
            rows = a.table.rows + b.table.rows[heads:]
            table = a.table.model_copy(update={"rows": rows})
            merged = replace(a, table=table, lines=a.lines | b.lines)
            out = [merged if t is a else t for t in out if t is not b]
            joined = True
            break
    return out
