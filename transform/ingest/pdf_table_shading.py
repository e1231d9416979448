"""Rules drawn as shading objects.

A gazette's form (BO 7262 p. 21, the verso of a delivery form for explosives) draws its column rules as thin
paths, one piece a row, and its row rules as shading objects (``sh`` painted through a clip one rule thick).
The table finder reads path objects only, so the grid had its columns and frame but no rows: its labels were read
as 38 headings. A shading object one rule thick (:data:`pdf_tables.THIN` points or less one way) is a rule.

Shading objects are looked for only where the rules show the mark of rules left unread: column rules are
drawn in pieces that meet end to end, at two heights at least, where no row rule stands (a rule drawn per cell
ends where the row rule crosses it). Other pages do not walk their objects again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Any

SHADING = 4  # FPDF_PAGEOBJ_SHADING
MEET = 3.0  # points: two pieces of a column rule this close end to end meet (pdf_table_grid.TOUCH)
LEAST_BREAKS = 2  # heights where column rules meet with no row rule: rows left unread


def rows_unread(edges: list[dict[str, Any]]) -> bool:
    """Do the column rules meet end to end at two heights or more where no row rule stands?"""
    hs = sorted(e["top"] for e in edges if e["orientation"] == "h")
    by_x: dict[int, list[tuple[float, float]]] = {}
    for e in edges:
        if e["orientation"] == "v":
            by_x.setdefault(round(e["x0"]), []).append((e["top"], e["bottom"]))
    breaks: set[int] = set()
    for spans in by_x.values():
        if len(spans) < 3:
            continue
        spans.sort()
        for (_, b0), (a1, _) in zip(spans, spans[1:], strict=False):
            if abs(a1 - b0) <= MEET:  # end to end (overlapping by a stroke, or a rule thick apart)
                y = (a1 + b0) / 2
                k = bisect_left(hs, y - MEET)
                if not (k < len(hs) and hs[k] <= y + MEET):
                    breaks.add(round(y))
            if len(breaks) >= LEAST_BREAKS:
                return True
    return False


def shading_rules(page: Any, height: float, walk: Callable[[Any], tuple[Any, ...]], thin: float) -> list[dict[str, Any]]:
    """Edges (top-left coordinates, ``object_type`` "line") of the page's shading objects one rule thick
    (``walk``: :func:`pdf_tables.object_walk`)."""
    box, h, count, get, kind, bounds, refs = walk(page)
    out: list[dict[str, Any]] = []
    for i in range(count(h)):
        obj = get(h, i)
        if not obj or kind(obj) != SHADING or not bounds(obj, *refs):
            continue
        left, bottom_, right, top_ = box[0], box[1], box[2], box[3]
        x0, x1, top, bottom = left, right, height - top_, height - bottom_
        w, hh = x1 - x0, bottom - top
        if hh <= thin < w:
            y = (top + bottom) / 2
            out.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": w, "height": 0.0, "orientation": "h", "object_type": "line"})
        elif w <= thin < hh:
            x = (x0 + x1) / 2
            out.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": hh, "orientation": "v", "object_type": "line"})
    return out
