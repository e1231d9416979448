"""A table whose body rows mostly hold a filled cell over two columns: a grid whose columns the body does not have.

The table finder takes its columns from every rule and gap of the table; when a header row is cut at other places
than the rows under it (two dates under one heading, set off the body's rules), or a rule is drawn through one
column only, the grid gains a column the body never fills on its own, and every body row then holds a value spread
over two columns. Read cell by cell, such a table pairs values with the wrong headers. A sound table's body fills
its columns one by one: a cell over several columns is a group's title alone in its row (``1 - Biscuits``, a
subtotal's label), or a rare merged value.

:func:`spanning_body` says whether more than half of a table's body rows (the rows with two filled cells or more,
at least :data:`MIN_ROWS` of them) hold a filled cell over two columns or more. Only the rows' cell counts and
spans are read, and a cell's text only for its being empty.
"""

from __future__ import annotations

from typing import Any

MIN_ROWS = 3  # body rows a table must have for its spans to tell anything
SHARE = 0.5  # more than this share of the body rows holding a filled cell over two columns


def _filled(cell: Any) -> bool:
    return any(s.text.strip() for s in cell.sentences)


def spanning_body(table: Any) -> bool:
    """Do most rows of the table's body (rows with two filled cells or more) hold a filled cell spanning columns?"""
    body = spanning = 0
    for row in table.rows:
        filled = [c for c in row if _filled(c)]
        if len(filled) < 2:
            continue
        body += 1
        spanning += any(c.colspan > 1 for c in filled)
    return body >= MIN_ROWS and spanning > SHARE * body
