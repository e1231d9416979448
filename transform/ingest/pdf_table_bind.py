"""Rows of a table without ruling lines: the visual rows bound into table rows.

A budget row whose label wraps over two lines is one row, its amounts bound to the whole
label, wherever the word processor put them (on the first line, in the middle, on the
last line). Three ways to tell, in this order:

1. **Horizontal rules** between the rows: each band between two rules is a row.
2. **Spacing**: the lines of the column filled in most rows (the labels) are evenly
   spaced inside a cell and further apart between rows (cell padding, paragraph spacing).
   Each block of label lines is a row; a line holding only values (amounts set in the
   middle of the cell's height) joins the block it sits in or nearest to.
3. **Values** when the lines are evenly spaced (a table laid out with tabs): a line that
   holds values starts a row (values are on a cell's first line: word processors align
   cells to the top); a line without values joins the row above when its text continues
   it (lower-case start, or the text above ends on a connecting word such as ``et``,
   ``de``, ``و``), else it is a row of its own (a section title, a row without amounts).

Lines above the first line with values are the header (one row, or one per line when a
line spans columns).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .pdf_table_cells import Glyphs, GridCell, is_number

CONNECTOR = re.compile(r"(?:^|\s)(?:et|ou|de|des|du|la|le|les|à|au|aux|en|pour|par|sur|avec|d'|l'|و|في|من|على|إلى|عن)$|[,\-–]$", re.I)
STARTS_LOWER = re.compile(r"^[a-zàâçéèêëîïôûùüÿœæ(]")


@dataclass
class PRow:
    """A visual row placed on the columns: column -> character positions, spans, extent."""

    top: float
    bottom: float
    size: float
    cells: dict[int, list[int]] = field(default_factory=dict)
    spans: dict[int, int] = field(default_factory=dict)  # start column -> colspan, for spanning phrases
    band: int = -1  # between which horizontal rules the row sits

    def text(self, glyphs: Glyphs, col: int) -> str:
        return glyphs.plain(self.cells.get(col, []))

    def baseline(self, glyphs: Glyphs, col: int) -> float:
        """Baseline of the line that holds the column's text (the row's own lines may differ:
        an amount set in the middle of a cell's height)."""
        ln = glyphs.lines[glyphs.line[self.cells[col][0]]] if col in self.cells else glyphs.lines[0]
        return ln.baseline or ln.bottom


def bind(prows: list[PRow], glyphs: Glyphs, ncols: int, h_rules: list[float]) -> tuple[list[GridCell], int, int, int | None]:
    """Cells (visual column order) of the bound rows, their number, the number of columns and
    how many rows are header rows (None: for the content to decide)."""
    header_rows: int | None = None
    bands = _bands(prows, h_rules)
    if bands >= 3 and bands >= 0.6 * len(prows):  # rules between the rows: each band is a row
        groups: list[list[PRow]] = []
        for pr in prows:
            if groups and groups[-1][0].band == pr.band:
                groups[-1].append(pr)
            else:
                groups.append([pr])
    else:
        groups = _bind_by_layout(prows, glyphs, _numeric_cols(prows, glyphs, ncols))
        if bands == 2:  # one rule under the header (or above the total)
            first = prows[0].band
            head = [g for g in groups if all(pr.band == first for pr in g)]
            if 0 < len(head) <= 2 and len(head) < len(groups) - 1:
                header_rows = len(head)
    cells: list[GridCell] = []
    for r, group in enumerate(groups):
        merged: dict[int, list[int]] = {}
        spans: dict[int, int] = {}
        for pr in group:
            for k, m in pr.cells.items():
                merged.setdefault(k, []).extend(m)
            for k, s in pr.spans.items():
                spans[k] = max(spans.get(k, 1), s)
        k = 0
        while k < ncols:
            span = min(spans.get(k, 1), ncols - k)
            members = [j for extra in range(k, k + span) for j in merged.get(extra, [])]
            cells.append(GridCell(r, k, members, colspan=span))
            k += span
    return cells, len(groups), ncols, header_rows


def _bands(prows: list[PRow], h_rules: list[float]) -> int:
    if not h_rules:
        return 0
    ys = sorted(h_rules)
    for pr in prows:
        pr.band = bisect.bisect_left(ys, (pr.top + pr.bottom) / 2)
    return len({pr.band for pr in prows})


def _numeric_cols(prows: list[PRow], glyphs: Glyphs, ncols: int) -> set[int]:
    out = set()
    for k in range(ncols):
        texts = [pr.text(glyphs, k) for pr in prows[1:] if k in pr.cells]
        if len(texts) >= 2 and sum(1 for t in texts if is_number(t)) >= 0.6 * len(texts):
            out.add(k)
    return out


def _blocks(prows: list[PRow], key: int, glyphs: Glyphs) -> list[list[int]] | None:
    """Rows of the key column cut where its baselines step clearly further than inside a
    cell; the other rows join the block they sit in or nearest to. None when the key
    column's lines are evenly spaced (nothing to tell from the spacing)."""
    keyed = [k for k, pr in enumerate(prows) if key in pr.cells]
    bases = [pr.baseline(glyphs, key) for pr in prows]
    steps = [bases[b] - bases[a] for a, b in zip(keyed, keyed[1:], strict=False)]
    if len(steps) < 2:
        return None
    size = sorted(pr.size for pr in prows)[len(prows) // 2]
    limit = min(steps) + max(1.5, 0.15 * size)
    if all(s <= limit for s in steps):
        return None
    blocks = [[keyed[0]]]
    for k, s in zip(keyed[1:], steps, strict=True):
        if s > limit:
            blocks.append([k])
        else:
            blocks[-1].append(k)
    spans = [(prows[b[0]].top, prows[b[-1]].bottom) for b in blocks]
    for k, pr in enumerate(prows):
        if key in pr.cells:
            continue
        mid = (pr.top + pr.bottom) / 2
        near = min(range(len(blocks)), key=lambda i: 0.0 if spans[i][0] <= mid <= spans[i][1] else min(abs(mid - spans[i][0]), abs(mid - spans[i][1])))
        blocks[near].append(k)
    return sorted((sorted(b) for b in blocks), key=lambda b: b[0])


def _bind_by_layout(prows: list[PRow], glyphs: Glyphs, nums: set[int]) -> list[list[PRow]]:
    filled = sorted(len(pr.cells) for pr in prows)
    usual = filled[len(filled) // 2]

    def has_values(pr: PRow) -> bool:
        if nums:
            return any(k in nums and is_number(pr.text(glyphs, k)) for k in pr.cells)
        return len(pr.cells) >= usual

    flags = [has_values(pr) for pr in prows]
    if not any(flags):
        return [[pr] for pr in prows]
    first = flags.index(True)
    counts = {k: sum(1 for pr in prows if k in pr.cells) for k in range(max(max(pr.cells) for pr in prows) + 1)}
    key = max(counts, key=lambda k: (counts[k], -k))
    groups: list[list[PRow]] = []
    head = prows[:first]
    blocks = _blocks(prows, key, glyphs)
    if blocks is not None:
        for block in blocks:
            if sum(flags[k] for k in block) <= 1:
                groups.append([prows[k] for k in block])
            else:  # two rows of values with nothing between them: spacing did not tell, values do
                groups.extend(_by_values([prows[k] for k in block], [flags[k] for k in block], glyphs))
        return groups
    # a last header line holding only the label column, under header lines that leave it
    # empty, is the first section title of the body
    section = []
    while len(head) >= 2 and set(head[-1].cells) == {key} and all(key not in pr.cells for pr in head[:-1]):
        section.insert(0, head.pop())
    if head:
        if any(pr.spans for pr in head[:-1]):
            groups.extend([pr] for pr in head)
        else:
            groups.append(head)
    groups.extend([pr] for pr in section)
    return groups + _by_values(prows[first:], flags[first:], glyphs)


def _by_values(prows: list[PRow], flags: list[bool], glyphs: Glyphs) -> list[list[PRow]]:
    """A line with values starts a row; a line without joins the row above when its text
    continues it, else starts a row of its own."""
    groups: list[list[PRow]] = []
    for pr, values in zip(prows, flags, strict=True):
        if groups and not values and _continues(groups[-1], pr, glyphs):
            groups[-1].append(pr)
        else:
            groups.append([pr])
    return groups


def _continues(prev: list[PRow], pr: PRow, glyphs: Glyphs) -> bool:
    """The row's text reads as the rest of the row above: in the same column, it starts in
    lower case or the text above ends on a connecting word."""
    for k in pr.cells:
        mine = pr.text(glyphs, k)
        above = next((p.text(glyphs, k) for p in reversed(prev) if k in p.cells), "")
        if above and (STARTS_LOWER.match(mine) or CONNECTOR.search(above)):
            return True
    return False
