"""A boxed panel inside a table's frame is not a column of the table.

A gazette's cover frames its subscription rates and, in the same frame on the right, a panel of
its own (``ABONNEMENT``, the printer's address, phone numbers, an account number) parted from the
rates by one vertical rule. The grid search takes the whole frame for one grid, so the panel
became a fifth column whose lines were cut at the rates' row rules and read in the rates' rows.

An edge strip of a ruled grid is a panel when:

* a vertical rule runs down (almost) the whole frame between it and the rest (``WALL``);
* no inner horizontal rule enters it, while the rest of the frame has inner rules at two heights
  at least that stop at that wall (rows drawn on one side only; a single group rule under a header
  is not enough; the frame's own rules, top and bottom, are not inner rules);
* it holds two text lines at least, and one line at most crosses the wall (pdfium may join a
  panel's title to the table's title at the same height: that line stays with the table).

Its lines are left out of the grid's region: they stay text, read in their place after the table
as a box of their own, in their printed order.

The line that crosses the wall (``TARIFS D'ABONNEMENT`` and the panel's ``ABONNEMENT``, joined by
pdfium at one height) is cut at the wall when the wall falls in a gap between its words
(:func:`cut_at_walls`, left-to-right lines): the panel's title then heads the panel's text instead
of a column of the table's header.
"""

from __future__ import annotations

from typing import Any

from .pdf_calls import TextPageCalls, page_text
from .pdf_line_cuts import _cut_at
from .pdf_table_grid import _distinct

WALL = 0.8  # share of the frame's height a vertical rule covers to part a panel from the table
TOUCH = 3.0  # points: a rule ends at a wall, or enters a strip, by more than this
SAME_HEIGHT = 5.0  # points: two horizontal rules this close draw one band (a double rule)
FRAME = 6.0  # points: a horizontal rule this close to the grid's top or bottom is the frame's
MIN_LINES = 2


def _horizontal(e: dict[str, Any]) -> bool:
    return e.get("orientation") == "h" or abs(e["bottom"] - e["top"]) < 1.0 < abs(e["x1"] - e["x0"])


def _vertical(e: dict[str, Any]) -> bool:
    return e.get("orientation") == "v" or abs(e["x1"] - e["x0"]) < 1.0 < abs(e["bottom"] - e["top"])


def _strips(grid: Any) -> list[tuple[float, float, float]]:
    """(x0, x1, wall x) of the edge strips a full-height vertical rule parts from the frame."""
    tall = sorted(e["x0"] for e in grid.edges if _vertical(e)
                  and e["bottom"] - e["top"] >= WALL * (grid.bottom - grid.top)
                  and grid.x0 + TOUCH < e["x0"] < grid.x1 - TOUCH)
    if not tall:
        return []
    return [(grid.x0, tall[0], tall[0]), (tall[-1], grid.x1, tall[-1])]


def _panel(grid: Any, x0: float, x1: float, wall: float) -> bool:
    inner = [e for e in grid.edges if _horizontal(e)  # the frame's top and bottom (double) rules aside
             and grid.top + FRAME < e["top"] < grid.bottom - FRAME]
    if any(min(e["x1"], x1) - max(e["x0"], x0) > TOUCH for e in inner):
        return False  # a row rule enters the strip: it is a column of the table
    at_wall = [e["top"] for e in inner if abs(e["x0"] - wall) <= TOUCH or abs(e["x1"] - wall) <= TOUCH]
    return _distinct(at_wall, SAME_HEIGHT) >= 2


def _panels(grid: Any, region: list[Any]) -> list[tuple[float, list[int]]]:
    """(wall x, indexes into ``region``) of each panel of the grid and the lines set in it (module note)."""
    out: list[tuple[float, list[int]]] = []
    for x0, x1, wall in _strips(grid):
        inside = [k for k, ln in enumerate(region) if ln.text.strip() and ln.x0 >= x0 - TOUCH and ln.x1 <= x1 + TOUCH]
        crossing = sum(1 for ln in region if ln.x0 < wall - TOUCH < wall + TOUCH < ln.x1)
        if len(inside) < MIN_LINES or crossing > 1 or not _panel(grid, x0, x1, wall):
            continue
        if len(inside) == sum(1 for ln in region if ln.text.strip()):
            continue  # the whole grid's text: nothing would be left for a table
        out.append((wall, inside))
    return out


def panel_lines(grid: Any, region: list[Any]) -> set[int]:
    """Indexes into ``region`` (the grid's lines) of the lines set in a panel (module note)."""
    return {k for _, inside in _panels(grid, region) for k in inside}


def cut_at_walls(grid: Any, region: list[Any], lines: list[Any], textpage: Any) -> list[Any]:
    """``region`` with each left-to-right line that crosses a panel's wall in a gap between its words cut there
    into its two sides; the page's ``lines`` are cut alike, in place (module note)."""
    cut: dict[int, list[Any]] = {}
    calls = text = None
    for wall, _ in _panels(grid, region):
        for ln in region:
            if ln.rtl or not ln.segments or not ln.x0 < wall - TOUCH < wall + TOUCH < ln.x1 or id(ln) in cut:
                continue
            if any(a < wall < b for a, b in ln.segments):
                continue  # the wall falls on a word: one line printed across it
            if calls is None:
                calls, text = TextPageCalls(textpage), page_text(textpage)[0]
            parts = _cut_at(ln, calls, text, wall)
            if len(parts) == 2:
                cut[id(ln)] = parts
    if not cut:
        return region
    lines[:] = [p for ln in lines for p in cut.get(id(ln), [ln])]
    return [p for ln in region for p in cut.get(id(ln), [ln])]


def without_panels(grid: Any, region: list[Any]) -> list[Any]:
    """The grid's lines without those of its panels."""
    if not region:
        return region
    drop = panel_lines(grid, region)
    return [ln for k, ln in enumerate(region) if k not in drop] if drop else region
