"""A one-column ruled list: a frame whose full-width rules part its rows, one item a row.

A council's minutes close on the list of the meeting's deliberations set in a ruled box, one deliberation a row
(``2020-038 Subvention exceptionnelle ...``), no column rule inside. The table test looks for rows side by side
inside a grid of two columns or more (:func:`pdf_tables.candidate`), so such a box was read as paragraphs, two
rows at times glued into one. A frame is such a list when only its two sides stand upright, at least
:data:`LEAST_RULES` rules cross it from side to side (three rows or more), and the page's visual rows inside it
each hold one run of text, no more than :data:`ROWS_PER_BAND` of them between two rules (an item may wrap once).
Its table is kept when at least :data:`LEAST_ITEMS` rows hold text and no cell holds a paragraph
(:data:`MAX_WORDS` words): a boxed panel of prose under a rule or two is no list. Its empty rows (a blank line
left at the foot of the box) carry nothing and are left out. It has a header row only when its first row is set
apart (bold over plain rows, :func:`pdf_table_cells.mark_headers`).

The frame is looked for only on pages the table test reads the paths of (a page with a row side by side
somewhere outside its margins): a page whose only table is such a list is not found (the paths of every page
would cost the text path its speed).
"""

from __future__ import annotations

from typing import Any

from .pdf_table_cells import GridCell

LEAST_RULES = 4  # rules from side to side: three rows at least
LEAST_ITEMS = 3  # rows with text
ROWS_PER_BAND = 2  # visual rows between two rules: an item wrapped once
MAX_WORDS = 30  # words in one cell: more is a paragraph in a box
SIDE = 0.9  # a rule from side to side spans this share of the frame's width


def list_frame(g: Any, rows: list[Any]) -> bool:
    """Is the grid ``g`` (:class:`pdf_table_grid.Grid`) a one-column ruled list of the page's visual ``rows``?"""
    if g.xs != 2 or g.ys < LEAST_RULES:
        return False
    width = g.x1 - g.x0
    across = sorted(e["top"] for e in g.edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= SIDE * width)
    bands = _bands(across)
    if len(bands) < LEAST_RULES:
        return False
    inside = [r for r in rows if g.top < (r.top + r.bottom) / 2 < g.bottom]
    if len(inside) < LEAST_ITEMS or any(len(r.segments) != 1 for r in inside):
        return False
    per: dict[int, int] = {}
    for r in inside:
        k = sum(1 for y in bands if y < (r.top + r.bottom) / 2)
        per[k] = per.get(k, 0) + 1
    return len(per) >= LEAST_ITEMS and max(per.values()) <= ROWS_PER_BAND


def _bands(tops: list[float], tol: float = 3.0) -> list[float]:
    """Rules closer than ``tol`` points (a double rule) are one."""
    out: list[float] = []
    for y in tops:
        if not out or y - out[-1] > tol:
            out.append(y)
    return out


def ruled_list(cells: list[GridCell], ncols: int) -> list[GridCell] | None:
    """The list's cells without its empty rows (renumbered), or None when the one-column table is no list."""
    if ncols != 1 or any(c.colspan != 1 for c in cells):
        return None
    filled = sorted((c for c in cells if c.text.strip()), key=lambda c: c.row)
    if len(filled) < LEAST_ITEMS or any(len(c.text.split()) > MAX_WORDS for c in filled):
        return None
    for k, c in enumerate(filled):
        c.row, c.rowspan = k, 1
    return filled
