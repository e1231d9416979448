"""A table whose body rows mostly hold a value over two columns that no body row cuts: a column the body lacks.

The table finder takes its columns from every rule and gap of the table; when a header row is cut at other places
than the rows under it (two dates under one heading, set off the body's rules), the grid gains a column the body
never fills on its own, and every body row then holds a value spread over two columns. Read cell by cell, such a
table pairs values with the wrong headers (BO 7259 p. 18's sugar-tax table). A sound table's body fills its columns
one by one: a cell over several columns is a group's title alone in its row (``1 - Biscuits``), a rare merged value,
or a label over a column that other body rows do cut (a statement's ``TICPE`` rows with their ``SP`` / ``Gazole``
sub-labels, the other labels spread over both).

:func:`spanning_body` says whether more than half of a table's body rows (rows with two filled cells or more, one of
them no header cell; at least :data:`MIN_ROWS`) hold a filled cell over two columns or more, while no body row has
a cell edge inside those cells. Only the rows' spans are read, and a cell's text only for its being empty.
"""

from __future__ import annotations

from typing import Any

MIN_ROWS = 3  # body rows a table must have for its spans to tell anything
SHARE = 0.5  # more than this share of the body rows holding a filled cell over two columns


def _filled(cell: Any) -> bool:
    return any(s.text.strip() for s in cell.sentences)


def _placed(rows: list[list[Any]]) -> list[list[tuple[int, int, Any]]]:
    """Each row's cells as (first column, last column + 1, cell), the columns a cell above fills by its rowspan skipped."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        col, placed = 0, []
        for cell in row:
            while (r, col) in taken:
                col += 1
            span = max(1, cell.colspan)
            for dr in range(1, max(1, cell.rowspan)):
                taken.update((r + dr, col + dc) for dc in range(span))
            placed.append((col, col + span, cell))
            col += span
        out.append(placed)
    return out


def spanning_body(table: Any) -> bool:
    """Do most body rows hold a filled cell over columns that no body row cuts (module docstring)?"""
    body = [row for row in _placed(table.rows)
            if sum(1 for _a, _b, c in row if _filled(c)) >= 2 and any(not c.header for _a, _b, c in row)]  # fmt: skip
    if len(body) < MIN_ROWS:
        return False
    inside: set[int] = set()  # column edges inside a filled cell spread over columns
    spanning = 0
    for row in body:
        wide = [(a, b) for a, b, c in row if b - a > 1 and _filled(c)]
        spanning += bool(wide)
        inside.update(k for a, b in wide for k in range(a + 1, b))
    if spanning <= SHARE * len(body):
        return False
    edges = {a for row in body for a, _b, _c in row}
    return not inside & edges
