"""Header rows drawn with partial rules.

A rate table's header may part its sub-columns below a brace: ``AU MAROC`` is set over two
columns, a brace under it, and the rule between ``6 mois`` and ``1 an`` starts only at the brace,
inside the band two horizontal rules draw. The table finder closes a cell only between rules
that meet, so the band was one cell spanning both columns (``AU MAROC { 6 mois 1 an``), and the
header lost a row. Two steps, both on the grid's own rules:

* :func:`partial_rule_edges`: a column rule whose top ends inside a band (more than ``TOUCH``
  from every horizontal rule it could meet), with a text line wholly above its end and one wholly
  below it inside that band, parts the band there: a horizontal edge is added at its top, from
  the column rule on its left to the one on its right (those that cross that height). The band's
  other cells, which no rule cuts, span both rows.
* :func:`merge_open_slots`: slots the finder closed no cell around (a frame whose sides are not
  drawn) were a cell each, so a header label set once, centred over the whole header band
  (``EDITIONS``), fell in whichever row its middle touched. Consecutive open slots of one column
  that no horizontal rule parts are one cell when exactly one of them holds text: the label then
  heads the band from its first row. Two labels in such a column stay in their own rows.
"""

from __future__ import annotations

from typing import Any

TOUCH = 3.0  # points: a rule's end this close to another rule meets it
MIN_BAND = 4.0  # points: a rule's end at least this far inside a band parts it


def _h(e: dict[str, Any]) -> bool:
    return e.get("orientation") == "h"


def _v(e: dict[str, Any]) -> bool:
    return e.get("orientation") == "v"


def partial_rule_edges(edges: list[dict[str, Any]], lines: list[tuple[float, float, float, float]]) -> list[dict[str, Any]]:
    """Horizontal edges to add where a column rule starts inside a band (module note).
    ``lines``: the grid's text lines as (x0, top, x1, bottom)."""
    hs = [e for e in edges if _h(e)]
    vs = [e for e in edges if _v(e)]
    out: list[dict[str, Any]] = []
    for v in vs:
        x, t = v["x0"], v["top"]
        crossing = [h["top"] for h in hs if h["x0"] - TOUCH <= x <= h["x1"] + TOUCH]
        if not crossing or any(abs(y - t) <= TOUCH for y in crossing):
            continue
        above = [y for y in crossing if y < t - MIN_BAND]
        if not above or v["bottom"] - t < MIN_BAND:
            continue
        band_top = max(above)
        left = [w["x0"] for w in vs if w["x0"] < x - TOUCH and w["top"] - TOUCH <= t <= w["bottom"] + TOUCH]
        right = [w["x0"] for w in vs if w["x0"] > x + TOUCH and w["top"] - TOUCH <= t <= w["bottom"] + TOUCH]
        if not left or not right:
            continue
        x0, x1 = max(left), min(right)
        inside = [ln for ln in lines if ln[0] >= x0 - TOUCH and ln[2] <= x1 + TOUCH]
        if not any(ln[1] >= band_top and ln[3] <= t for ln in inside) or not any(t <= ln[1] <= v["bottom"] for ln in inside):
            continue
        out.append({"x0": x0, "x1": x1, "top": t, "bottom": t, "width": x1 - x0, "height": 0.0,
                    "orientation": "h", "object_type": "line"})
    return out


def merge_open_slots(grid: list[list[int]], members: list[list[int]], first_open: int, xs: list[float], ys: list[float],
                     edges: list[dict[str, Any]]) -> None:
    """Open slots (cell numbers from ``first_open`` on) of one column, in consecutive rows that no horizontal
    rule parts there, become one cell when exactly one of them holds text (module note). In place."""
    hs = [e for e in edges if _h(e)]
    for c in range(len(xs) - 1):
        mid = (xs[c] + xs[c + 1]) / 2
        r = 0
        while r < len(grid):
            if grid[r][c] < first_open:
                r += 1
                continue
            end = r + 1
            while end < len(grid) and grid[end][c] >= first_open and not any(
                    abs(h["top"] - ys[end]) <= TOUCH and h["x0"] - TOUCH <= mid <= h["x1"] + TOUCH for h in hs):
                end += 1
            run = [grid[k][c] for k in range(r, end)]
            filled = [v for v in run if members[v]]
            if end - r >= 2 and len(set(filled)) == 1:
                keep = filled[0]
                for k in range(r, end):
                    grid[k][c] = keep
            r = end


STRETCHED = 4.0  # a brace glyph this many times wider than its line is tall is drawn, not typed


def drop_drawn_braces(cells: list[Any], glyphs: Any) -> None:
    """A brace stretched over two sub-columns (``AU MAROC`` over ``6 mois`` | ``1 an``) is a drawing: the cell
    it fell in keeps its characters (the table still takes its line) but its text loses the lone brace."""
    for c in cells:
        if not c.text or not any(glyphs.ch[j] in "{}" for j in c.members):
            continue
        lines = glyphs.lines
        drawn = {glyphs.ch[j] for j in c.members if glyphs.ch[j] in "{}" and glyphs.x1[j] - glyphs.x0[j]
                 > STRETCHED * max(1.0, lines[glyphs.line[j]].bottom - lines[glyphs.line[j]].top)}
        if drawn:
            c.text = " ".join(w for w in c.text.split(" ") if w not in drawn)


def open_empty_columns(grid: list[list[int]], members: list[list[int]], first_open: int) -> list[int]:
    """Empty columns most of whose slots are open: the strip of a panel whose text was left out of the grid (a
    blank form column is drawn, its slots closed by the finder). Not kept as a column of blank cells."""
    return [c for c in range(len(grid[0]) if grid else 0)
            if all(row[c] < 0 or not members[row[c]] for row in grid)
            and 2 * sum(1 for row in grid if row[c] >= first_open) > len(grid)]
