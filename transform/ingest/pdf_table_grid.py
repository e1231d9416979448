"""Ruled tables: ruling edges grouped into grids, pdfplumber's table finder on one grid at a
time, merged cells as colspan/rowspan.

A page's path objects are also underlines, frames, chart bars and map strokes. Edges that
touch are grouped (:func:`grids`); only a group that crosses itself into at least two
columns and two rows, and holds table-like text rows, is handed to
``pdfplumber.table.TableFinder`` (``lines`` strategy) with its own edges only: the finder's
work grows with the square of the edges it is given, so a page full of drawings no longer
costs anything when no grid holds text.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass
from typing import Any

from .pdf_table_cells import Glyphs, GridCell

log = logging.getLogger("transform.ingest.pdf")
TOUCH = 3.0  # points: edges closer than this touch
MAX_GRID_EDGES = 2_000  # a larger group is a drawing, not a table
Box = tuple[float, float, float, float]  # x0, top, x1, bottom (top-left coordinates)


@dataclass
class Grid:
    edges: list[dict[str, Any]]
    x0: float
    top: float
    x1: float
    bottom: float
    xs: int  # distinct vertical rule positions
    ys: int  # distinct horizontal rule positions

    @property
    def ruled(self) -> bool:
        """Rules in both directions that draw at least two columns and two rows."""
        return self.xs >= 3 and self.ys >= 3


def _distinct(values: list[float], tol: float = TOUCH) -> int:
    n, last = 0, None
    for v in sorted(values):
        if last is None or v - last > tol:
            n += 1
        last = v
    return n


def grids(edges: list[dict[str, Any]]) -> list[Grid]:
    """Groups of touching edges (a bucket grid keeps this near linear in the number of edges)."""
    n = len(edges)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cell = 48.0
    buckets: dict[tuple[int, int], list[int]] = {}
    boxes = [(e["x0"] - TOUCH, e["top"] - TOUCH, e["x1"] + TOUCH, e["bottom"] + TOUCH) for e in edges]
    for i, (x0, t, x1, b) in enumerate(boxes):
        for gx in range(int(x0 // cell), int(x1 // cell) + 1):
            for gy in range(int(t // cell), int(b // cell) + 1):
                for j in buckets.setdefault((gx, gy), []):
                    bx0, bt, bx1, bb = boxes[j]
                    if x0 <= bx1 and bx0 <= x1 and t <= bb and bt <= b:
                        ri, rj = find(i), find(j)
                        if ri != rj:
                            parent[ri] = rj
                buckets[(gx, gy)].append(i)
    groups: dict[int, list[dict[str, Any]]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(edges[i])
    out = []
    for es in groups.values():
        xs = _distinct([e["x0"] for e in es if e["orientation"] == "v"])
        ys = _distinct([e["top"] for e in es if e["orientation"] == "h"])
        out.append(Grid(es, min(e["x0"] for e in es), min(e["top"] for e in es), max(e["x1"] for e in es), max(e["bottom"] for e in es), xs, ys))
    return out


class _Geometry:
    """The slice of a pdfplumber Page that TableFinder reads, filled from pypdfium2."""

    def __init__(self, width: float, height: float, edges: list[dict[str, Any]]) -> None:
        self.bbox = (0.0, 0.0, width, height)
        self.edges = edges

    def extract_words(self, **_: Any) -> list[dict[str, Any]]:
        return []


def grid_cells(grid: Grid, width: float, height: float) -> list[list[Box]]:
    """pdfplumber's cells of the tables drawn by one grid's edges."""
    try:
        from pdfplumber.table import TableFinder
    except ImportError:  # pdfplumber is optional at run time: ruled tables are then read from their text alignment
        log.warning("pdfplumber is not installed: ruled tables in PDFs are read from their text alignment (pip install pdfplumber)")
        return []
    if len(grid.edges) > MAX_GRID_EDGES:
        return []
    finder = TableFinder(_Geometry(width, height, grid.edges), {"vertical_strategy": "lines", "horizontal_strategy": "lines"})  # type: ignore[arg-type]
    return [list(t.cells) for t in finder.tables if len(t.cells) >= 2]


def _clusters(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(coords: list[float], v: float) -> int:
    k = bisect.bisect_left(coords, v - 2.0)
    return min(k, len(coords) - 1)


def build(boxes: list[Box], glyphs: Glyphs) -> tuple[list[GridCell], int, int] | None:
    """Cells with their characters (those whose centre lies inside), spans from the grid lines
    each cell covers; rows and columns holding no text are dropped."""
    xs = _clusters([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _clusters([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(xs) < 3 or len(ys) < 3:
        return None
    cells = []
    slot: dict[tuple[int, int], GridCell] = {}
    for x0, top, x1, bottom in boxes:
        c0, c1, r0, r1 = _index(xs, x0), _index(xs, x1), _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        cell = GridCell(r0, c0, [], colspan=c1 - c0, rowspan=r1 - r0)
        cells.append(cell)
        for r in range(r0, r1):
            for c in range(c0, c1):
                slot[(r, c)] = cell
    for j in range(len(glyphs.idx)):
        if not glyphs.ink(j):
            continue
        cx, cy = (glyphs.x0[j] + glyphs.x1[j]) / 2, glyphs.centre_y(j)
        if not (xs[0] <= cx <= xs[-1] and ys[0] <= cy <= ys[-1]):
            continue
        c = min(bisect.bisect_right(xs, cx) - 1, len(xs) - 2)
        r = min(bisect.bisect_right(ys, cy) - 1, len(ys) - 2)
        owner = slot.get((r, c))
        if owner is not None:
            owner.members.append(j)
    # add back the spaces of each line between a cell's characters (Glyphs.text does it) and drop empty rows/columns
    rows_used = {c.row for c in cells if c.members}
    cols_used = {c.col for c in cells if c.members}
    keep_rows = [r for r in range(len(ys) - 1) if r in rows_used]
    keep_cols = [c for c in range(len(xs) - 1) if c in cols_used]
    if len(keep_rows) < 2 or len(keep_cols) < 2:
        return None
    rmap = {r: k for k, r in enumerate(keep_rows)}
    cmap = {c: k for k, c in enumerate(keep_cols)}
    out = []
    for c in cells:
        if c.row not in rmap or c.col not in cmap:
            if c.members:  # text in a dropped slot cannot happen (its row and column are used)
                log.debug("table cell dropped with text")
            continue
        c.rowspan = max(1, sum(1 for r in range(c.row, c.row + c.rowspan) if r in rmap))
        c.colspan = max(1, sum(1 for k in range(c.col, c.col + c.colspan) if k in cmap))
        c.row, c.col = rmap[c.row], cmap[c.col]
        out.append(c)
    return out, len(keep_rows), len(keep_cols)
