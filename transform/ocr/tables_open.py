"""A ruled grid whose outer column has no side rule: the table runs on to where its row rules end.

Many printed tables draw their frame's top and bottom rules and the rules between columns, but
no rule down the outer sides (a journal cover's rate box: `EDITIONS | 6 mois | 1 an | A
L'ETRANGER`, the labels' column open on the left). The grid search (:mod:`tables_grid`) wants
a frame drawn all round, so it finds the columns between the inner rules only, and the labels
beside them are left out of the table, or glued into its cells by a line read across.

Here a grid found is widened across an outer side when

- its top and bottom rules both run on past the side's column rule by OPEN_MIN_IN or more, and
- at least one of its inner row rules (a header's rule, a row's) runs on as far, to within
  ROW_END_IN of where the frame's rules end: the rows go on, so the columns do.

The new column's edge is where the shorter of the two frame rules ends; the grid is then made
again (:func:`tables_grid._grid`) with that edge as a drawn side, so its slots merge where the
inner rules do not reach (a label spanning the header rows is one cell). Text beside a box that
only its frame rules pass (a side panel: an address, telephone numbers, an account) shares no
row rule with the grid: it is not widened over, and stays out of the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tables_grid import MIN_SLOT_IN, ROW_END_IN, TOUCH_IN, Rule

if TYPE_CHECKING:
    from .tables_grid import Grid

OPEN_MIN_IN = 0.5  # the frame's rules run on this far (inches) past the side's column rule at least


def _reach(rules: list[Rule], at: float, start: float, step: int, tol: float, near: float) -> float:
    """How far (pixels) the rules lying at ``at`` (within ``near``) run on from ``start`` going
    left (``step`` -1) or right (+1), bridging gaps up to ``tol``; ``start`` when none covers it."""
    spans = sorted((r.lo, r.hi) for r in rules if abs(r.at - at) <= near)
    end = start
    changed = True
    while changed:
        changed = False
        for lo, hi in spans:
            if lo - tol <= end <= hi + tol:
                far = lo if step < 0 else hi
                if (far - end) * step > 0:
                    end = far
                    changed = True
    return end


def open_sides(grid: Grid, horiz: list[Rule], vert: list[Rule], all_h: list[Rule], all_v: list[Rule], page_h: list[Rule],
               dpi: float) -> Grid:
    """``grid`` widened over each outer side its frame and an inner row rule run on past (the
    module's docstring); ``grid`` itself when neither does. ``horiz``/``vert``, ``all_h``/``all_v``: the
    rules :func:`tables_grid._grid` made it from; ``page_h``: every horizontal rule of the page."""
    from .tables_grid import _grid

    if grid.nrows < 2:
        return grid
    tol = max(2.0, TOUCH_IN * dpi)
    near = max(tol, MIN_SLOT_IN * dpi)  # a double rule is one boundary
    least = OPEN_MIN_IN * dpi
    end = ROW_END_IN * dpi
    xs, ys = list(grid.xs), list(grid.ys)
    edges = []
    panels: list[tuple[float, float]] = []
    for step, edge in ((-1, xs[0]), (1, xs[-1])):
        top = _reach(page_h, ys[0], edge, step, tol, near)
        bottom = _reach(page_h, ys[-1], edge, step, tol, near)
        far = max(top, bottom) if step < 0 else min(top, bottom)
        if (far - edge) * step < least:
            continue
        if not any((_reach(page_h, y, edge, step, tol, near) - far) * step >= -end for y in ys[1:-1]):
            panels.append((edge, far))  # only the frame runs on: a panel beside the table, not its column
            continue
        edges.append((step, far))
    if not edges:
        grid.panels = panels
        return grid
    side = list(vert)
    for step, far in edges:
        xs = [far, *xs] if step < 0 else [*xs, far]
        side.append(Rule(far, int(ys[0]), int(ys[-1]) + 1))  # the open side, drawn for the frame test
    wide = _grid(list(horiz) + [h for h in page_h if h not in horiz], side, all_h, all_v + side[len(vert):], dpi, ys, xs)
    out = wide if wide is not None and wide.nrows == grid.nrows else grid
    out.panels = panels
    return out
