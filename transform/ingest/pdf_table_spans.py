"""Ruled tables whose sides are ruled differently: rows taken from the printed lines.

A two-sided statement (a balance sheet: assets on the left, equity and liabilities on the
right) rules every line of one side and only the groups of the other. pdfplumber then
gives the left side tall cells, a list of labels beside a list of amounts, spanning the
rows of the right side. The printed lines are the table's rows: where a band of grid rows
is spanned by such cells, holds more lines that line up across columns than it has rows,
and one of its cells is a list of amounts, every cell is cut at those lines.

A form ruled by its columns only (a header row, then one tall row: a list of labels beside
columns of blank fields ``.......`` to fill in) is cut the same way: a single grid row whose
cells hold more lines that line up across columns than one, one of them a list of blank
fields, and every printed line of the band on one of those rows (a wrapped label is no form).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .pdf_table_cells import Glyphs, GridCell, is_number

SAME_LINE = 2.0  # points between two baselines of one printed line
PER_UNIT = re.compile(r"\s*/\s*[^\W\d]{1,6}\.?$")  # "€/hab.", "€/m²": an amount per unit
BLANK_FIELD = re.compile(r"^\s*(?:(?:\.\s?){4,}|…{2,}|_{4,})\s*$")  # a field to fill in, nothing else


def is_amount(text: str) -> bool:
    """A number, with its unit (``257€/hab.``)."""
    return is_number(text) or (PER_UNIT.search(text) is not None and is_number(PER_UNIT.sub("", text)))


def _list_of(inside: list[tuple[GridCell, list[tuple[float, list[int]]]]], glyphs: Glyphs, kind: Callable[[str], bool]) -> bool:
    """Whether a cell of the band is a list (two lines or more) of lines of that kind."""
    return any(len(ls) >= 2 and all(kind(glyphs.plain(m)) for _, m in ls) for _, ls in inside)


def lines_of(cell: GridCell, glyphs: Glyphs) -> list[tuple[float, list[int]]]:
    """The cell's characters by printed line: (baseline, members), top to bottom.

    The members sorted by baseline (stable) and cut where two baselines are more than SAME_LINE apart: each
    member's baseline read once (its line's), the members gathered per baseline in their order, the baselines sorted.
    Made once per list of members (``Glyphs.lines_memo``: the split of spanned rows and of stacked rows ask again
    for the same cells); the answer is shared, never changed by its callers."""
    out: list[tuple[float, list[int]]] = []
    by_base: dict[float, list[int]] = {}
    members = cell.members
    memo = None
    if type(glyphs) is Glyphs and "baseline" not in vars(glyphs):  # Glyphs.baseline is its line's
        memo = glyphs.lines_memo  # the answer for this very list of members, as long as it holds as many
        got = memo.get(id(members))
        if got is not None and got[0] is members and got[1] == len(members):
            return got[2]
        bases, line = glyphs.line_bases(), glyphs.line
        at = [bases[line[j]] for j in members]
    else:  # another baseline (the tests' stand-ins)
        at = [glyphs.baseline(j) for j in members]
    for j, b in zip(members, at, strict=True):
        got = by_base.get(b)
        if got is None:
            by_base[b] = [j]
        else:
            got.append(j)
    for b in sorted(by_base):
        js = by_base[b]
        if out and b - out[-1][0] <= SAME_LINE:
            out[-1][1].extend(js)
        else:
            out.append((b, js))
    if memo is not None:
        memo[id(members)] = (members, len(members), out)
    return out


def _bands(cells: list[GridCell], nrows: int, single: bool = False) -> list[tuple[int, int]]:
    """Bands of grid rows that no cell crosses (first row, last row), spanned ones only
    (single rows too when ``single``)."""
    reach = list(range(nrows))
    for c in cells:
        reach[c.row] = max(reach[c.row], c.row + c.rowspan - 1)
    out, r = [], 0
    while r < nrows:
        end, k = reach[r], r
        while k <= end:
            end = max(end, reach[k])
            k += 1
        if end > r or single:
            out.append((r, end))
        r = end + 1
    return out


def _row_lines(inside: list[tuple[GridCell, list[tuple[float, list[int]]]]]) -> list[float]:
    """Baselines printed in two columns or more of the band (the lines that make rows)."""
    marks = sorted((b, c.col) for c, ls in inside for b, _ in ls)
    groups: list[tuple[float, set[int]]] = []
    for b, col in marks:
        if groups and b - groups[-1][0] <= SAME_LINE:
            groups[-1][1].add(col)
        else:
            groups.append((b, {col}))
    return [b for b, cols in groups if len(cols) >= 2]


def split_spanned(cells: list[GridCell], nrows: int, ncols: int, glyphs: Glyphs) -> tuple[list[GridCell], int]:
    """Cells cut at the printed lines in the bands where the rules of one side stop (see the
    module note); other bands unchanged."""
    # first row of a band -> (last row, row lines, tolerance, baseline above which a line is in the first row or None)
    plan: dict[int, tuple[int, list[float], float, float | None]] = {}
    for r0, r1 in _bands(cells, nrows, single=True):
        inside = [(c, lines_of(c, glyphs)) for c in cells if r0 <= c.row <= r1 and c.members]
        amounts = r0 < r1 and any(c.rowspan > 1 and len(ls) >= 2 for c, ls in inside) and _list_of(inside, glyphs, is_amount)
        if not amounts and not _list_of(inside, glyphs, lambda t: BLANK_FIELD.match(t) is not None):
            continue  # no list of amounts or blank fields: a merged label over ruled rows stays merged
        bases = _row_lines(inside)
        if len(bases) <= r1 - r0 + 1:
            continue  # the rules already part the lines
        tol = 0.45 * min(b - a for a, b in zip(bases, bases[1:], strict=False))
        cut = None
        if not amounts and any(min(abs(x - b) for x in bases) > tol for _, ls in inside for b, _ in ls):
            # a form's every printed line is a row: a wrapped label or a paragraph is not one, unless it all
            # stands above the band's blank fields (a wrapped item over its sub-items' fields: one row of its own)
            found = _head_over_fields(inside, bases, tol, glyphs)
            if found is None:
                continue
            bases, cut = found
            if len(bases) <= r1 - r0 + 1:
                continue
        plan[r0] = (r1, bases, tol, cut)
    if not plan:
        return cells, nrows
    starts = sorted(plan)
    new_row: dict[int, int] = {}  # old row -> new first row
    k, r = 0, 0
    while r < nrows:
        new_row[r] = k
        if r in plan:
            k += len(plan[r][1])
            r = plan[r][0] + 1
        else:
            k += 1
            r += 1
    out: list[GridCell] = []
    for c in cells:
        band = next((s for s in starts if s <= c.row <= plan[s][0]), None)
        if band is None:
            span_end = c.row + c.rowspan
            out.append(GridCell(new_row[c.row], c.col, c.members, colspan=c.colspan,
                                rowspan=(new_row[span_end] if span_end in new_row else k) - new_row[c.row]))
            continue
        _, bases, tol, cut = plan[band]
        ls = lines_of(c, glyphs)
        placed = [_row_of(b, bases, tol, cut) for b, _ in ls]
        near = [i for i in placed if i is not None]
        if ls and len(near) == len(placed):
            for i in sorted(set(near)):
                members = [j for n, (_, m) in zip(near, ls, strict=True) if n == i for j in m]
                out.append(GridCell(new_row[band] + i, c.col, members, colspan=c.colspan))
        elif c.members:  # a paragraph beside the lines: it spans them
            out.append(GridCell(new_row[band], c.col, c.members, colspan=c.colspan, rowspan=len(bases)))
    covered = {(c.row + dr, c.col + dc) for c in out for dr in range(c.rowspan) for dc in range(c.colspan)}
    for s in starts:  # empty slots of the cut bands: empty cells, so that the columns stay in place
        for i in range(len(plan[s][1])):
            for col in range(ncols):
                if (new_row[s] + i, col) not in covered:
                    out.append(GridCell(new_row[s] + i, col, []))
    return out, k


def _row_of(b: float, bases: list[float], tol: float, cut: float | None) -> int | None:
    """The row (index in ``bases``) of a printed line at baseline ``b``: the first one above ``cut``, else the
    nearest row line within ``tol``; None when there is none."""
    if cut is not None and b < cut:
        return 0
    i = min(range(len(bases)), key=lambda i: abs(bases[i] - b))
    return i if abs(bases[i] - b) <= tol else None


def _head_over_fields(inside: list[tuple[GridCell, list[tuple[float, list[int]]]]], bases: list[float], tol: float,
                      glyphs: Glyphs) -> tuple[list[float], float] | None:
    """(row lines, cut) of a band whose printed lines line up across columns from its first line of blank fields
    on, and whose lines above that one (a label and its unit, each wrapped: ``4) - الكحول الإيتيل ...`` beside
    ``4 - هيكتولتر من / الكحول الصافي / ...``) hold a row line of their own: the lines above are one row, each
    row line from the blank fields on a row. None when the band is not so."""
    fields = [b for _, ls in inside for b, m in ls if BLANK_FIELD.match(glyphs.plain(m))]
    first = min((x for x in bases if any(abs(x - b) <= tol for b in fields)), default=None)
    if first is None:
        return None
    cut = first - tol
    rows = [x for x in bases if x >= cut]
    if len(rows) == len(bases):
        return None  # no row line above the fields: a wrapped label there stands alone
    for _, ls in inside:
        for b, _ in ls:
            if b >= cut and min(abs(x - b) for x in rows) > tol:
                return None
    return [bases[0], *rows], cut
