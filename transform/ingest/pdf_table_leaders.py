"""Rows of dot leaders that a ruled grid parts into cells are a table's rows.

A row whose text runs out in dot leaders (``وزارة الداخلية ........ 7.944``) is not counted as cells side by
side (:attr:`pdf_table_rows.Row.split`): a table of contents, a form's dotted field or a list of amounts set with
leaders is prose. Printed inside a ruled grid, with one of the grid's own upright rules standing in the gap
between two of the row's runs, the leaders only fill a cell up to its rule: the label is in one cell, the number
in the next. A budget law's list of posts by ministry, set as a ruled two-column table in one column of a
two-column page, has only such rows on the page where it starts (every label is followed by leaders), so the
table test, which wants one row side by side inside a grid, left the grid and read its rows as paragraphs, the
label of one row glued to the number of another.

:func:`leader_row_in_grid` is the test a grid's row passes instead of :attr:`Row.split`: a leader row with two
runs or more inside the grid and an upright rule of the grid (a rule, not a shading side, crossing the row's
middle, away from the frame's two sides) lying between two of its runs. A dotted field in a box drawn around a
form, or a table of contents in a frame, has no rule between its runs and stays as it was.

It is asked only of the grids the cheap table test already drew (pages with a row side by side somewhere outside
their margins): a page whose only rows side by side are leader rows in a grid is not looked at (the paths of
every page would cost the text path its speed).
"""

from __future__ import annotations

from typing import Any

INSIDE = 4.0  # points: a run inside the grid may stand this far over its frame
SIDE = 2.0  # points: an upright rule this close to the frame's side is the side, not a column rule


def _column_rules(g: Any, y: float) -> list[float]:
    """The x of the grid's upright rules (not shading sides) crossing height ``y``, the frame's sides aside."""
    return [e["x0"] for e in g.edges
            if e["orientation"] == "v" and e["object_type"] == "line" and e["top"] - 1 <= y <= e["bottom"] + 1
            and g.x0 + SIDE < e["x0"] < g.x1 - SIDE]


def leader_row_in_grid(row: Any, g: Any) -> bool:
    """A row of dot leaders whose runs inside the grid stand on both sides of one of the grid's column rules."""
    if len(row.segments) < 2:
        return False
    y = (row.top + row.bottom) / 2
    if not g.top - 2 <= y <= g.bottom + 2:
        return False
    runs = sorted((a, b) for a, b in row.segments if a >= g.x0 - INSIDE and b <= g.x1 + INSIDE)
    if len(runs) < 2:
        return False
    rules = _column_rules(g, y)
    parted = any(prev_end - 1 <= x <= start + 1 for (_, prev_end), (start, _) in zip(runs, runs[1:], strict=False) for x in rules)
    return parted and row.leader  # the leader search (the row's text) last: the cheap tests turn most rows away
