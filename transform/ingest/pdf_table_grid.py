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

from .pdf_calls import _NATIVE
from .pdf_table_cells import Glyphs, GridCell
from .pdf_table_partial import merge_open_slots, open_empty_columns, partial_rule_edges
from .pdf_table_spans import split_spanned
from .pdf_table_stacks import stacked_rows

log = logging.getLogger("transform.ingest.pdf")
TOUCH = 3.0  # points: edges closer than this touch
MAX_GRID_EDGES = 2_000  # a larger group is a drawing, not a table
_PLACE = getattr(_NATIVE, "place", None)  # _chars.place (the characters placed in one call), or None: _place
EMPTY_COLUMN = 15.0  # points: an empty grid column at least this wide is kept (a blank form column)
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


def merge_edges(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Edges on one line (within a point) that touch or overlap, joined into one, per kind
    (rules and shading sides apart): a ruled table drawn cell by cell, or with a shading box
    per cell, has hundreds of pieces but only one edge per rule."""
    out: list[dict[str, Any]] = []
    for kind in ("h", "v"):
        along, across = ("x0", "x1"), "top"
        if kind == "v":
            along, across = ("top", "bottom"), "x0"
        same = sorted((e for e in edges if e["orientation"] == kind), key=lambda e: (e["object_type"], e[across]))
        groups: list[list[dict[str, Any]]] = []
        for e in same:
            if groups and groups[-1][-1]["object_type"] == e["object_type"] and e[across] - groups[-1][-1][across] <= 1.0:
                groups[-1].append(e)
            else:
                groups.append([e])
        for g in groups:
            pos = sum(e[across] for e in g) / len(g)
            spans: list[list[float]] = []
            for a, b in sorted((e[along[0]], e[along[1]]) for e in g):
                if spans and a <= spans[-1][1] + TOUCH:
                    spans[-1][1] = max(spans[-1][1], b)
                else:
                    spans.append([a, b])
            for a, b in spans:
                if kind == "h":
                    out.append({"x0": a, "x1": b, "top": pos, "bottom": pos, "width": b - a, "height": 0.0, "orientation": "h", "object_type": g[0]["object_type"]})
                else:
                    out.append({"x0": pos, "x1": pos, "top": a, "bottom": b, "width": 0.0, "height": b - a, "orientation": "v", "object_type": g[0]["object_type"]})
    return out


def grids(edges: list[dict[str, Any]]) -> list[Grid]:
    """Groups of edges that cross or touch, six edges or more (merged first; each horizontal
    edge is tested only against the vertical edges that reach its height band)."""
    edges = merge_edges(edges)
    n = len(edges)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    band = 32.0
    bands: dict[int, list[int]] = {}  # vertical edges by the horizontal bands they cross
    for j, v in enumerate(edges):
        if v["orientation"] == "v":
            for b in range(int((v["top"] - TOUCH) // band), int((v["bottom"] + TOUCH) // band) + 1):
                bands.setdefault(b, []).append(j)
    for i, h in enumerate(edges):
        if h["orientation"] != "h":
            continue
        y, x0, x1 = h["top"], h["x0"] - TOUCH, h["x1"] + TOUCH
        for j in bands.get(int(y // band), ()):
            v = edges[j]
            if x0 <= v["x0"] <= x1 and v["top"] - TOUCH <= y <= v["bottom"] + TOUCH:
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[ri] = rj
    groups: dict[int, list[dict[str, Any]]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(edges[i])
    out = []
    for es in groups.values():
        if len(es) < 6:  # fewer than three rules each way: no grid of two columns and two rows
            continue
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


def grid_cells(grid: Grid, width: float, height: float, shading: bool = False, lines: list[Box] | None = None) -> list[list[Box]]:
    """pdfplumber's cells of the tables drawn by one grid's edges (``shading``: every edge,
    the sides of shading boxes too, even where the rules alone draw a grid; ``lines``: the grid's
    text lines, for a band parted by a column rule that starts inside it, pdf_table_partial)."""
    try:
        from pdfplumber.table import TableFinder
    except ImportError:  # pdfplumber is optional at run time: ruled tables are then read from their text alignment
        log.warning("pdfplumber is not installed: ruled tables in PDFs are read from their text alignment (pip install pdfplumber)")
        return []
    if len(grid.edges) > MAX_GRID_EDGES:
        return []
    edges = grid.edges if shading else _rules(grid.edges)
    if lines:
        edges = edges + partial_rule_edges(edges, lines)
    finder = TableFinder(_Geometry(width, height, edges + _open_ends(edges)), {"vertical_strategy": "lines", "horizontal_strategy": "lines"})  # type: ignore[arg-type]
    return [list(t.cells) for t in finder.tables if len(t.cells) >= 2]


def shaded(grid: Grid) -> bool:
    """Whether the grid has shading sides that :func:`_rules` leaves out."""
    return _rules(grid.edges) is not grid.edges


def _rules(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules of a grid: its thin lines when they draw a grid by themselves (the sides of
    shading boxes then only colour cells, or a paragraph inside one), else every edge (a
    table drawn with shading only)."""
    lines = [e for e in edges if e["object_type"] == "line"]
    xs = _distinct([e["x0"] for e in lines if e["orientation"] == "v"])
    ys = _distinct([e["top"] for e in lines if e["orientation"] == "h"])
    return lines if xs >= 3 and ys >= 3 else edges


def _open_ends(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A table cut by a page break has no rule above its first row (or below its last):
    the column rules run on past the last horizontal rule. Close it there."""
    hs = [e["top"] for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    if not hs or len(vs) < 3:
        return []
    x0, x1 = min(e["x0"] for e in vs), max(e["x1"] for e in vs)
    out = []
    for y, beyond in ((min(e["top"] for e in vs), [e for e in vs if e["top"] < min(hs) - TOUCH]),
                      (max(e["bottom"] for e in vs), [e for e in vs if e["bottom"] > max(hs) + TOUCH])):
        if len(beyond) >= 3:
            out.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0, "orientation": "h", "object_type": "line"})
    return out


def _clusters(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(coords: list[float], v: float) -> int:
    k = bisect.bisect_left(coords, v - 2.0)
    return min(k, len(coords) - 1)


def build(boxes: list[Box], glyphs: Glyphs, edges: list[dict[str, Any]] | None = None,
          least: tuple[int, int] = (2, 2)) -> tuple[list[GridCell], int, int] | None:
    """Cells with their characters (those whose centre lies inside) and spans, from
    pdfplumber's cell boxes. The grid is tidied: a line that only an empty cell keeps apart
    from its neighbour is dropped (an extra line drawn in the header, a shading box a
    little off), and so are rows and columns that hold no text. ``edges``: the grid's rules, for
    open slots that no rule parts (pdf_table_partial); ``least``: the fewest columns and rows a grid keeps (one
    column for a one-column ruled list, pdf_table_lists; one row for a band carrying a table's last row over a page
    break, pdf_table_carried)."""
    xs = _clusters([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _clusters([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(xs) < least[0] + 1 or len(ys) < least[1] + 1:
        return None
    nr, nc = len(ys) - 1, len(xs) - 1
    grid: list[list[int]] = [[-1] * nc for _ in range(nr)]  # slot -> cell number
    members: list[list[int]] = []
    for x0, top, x1, bottom in boxes:
        c0, c1, r0, r1 = _index(xs, x0), _index(xs, x1), _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        for r in range(r0, r1):
            for c in range(c0, c1):
                grid[r][c] = len(members)
        members.append([])
    first_open = len(members)
    for row in grid:  # slots the finder closed no cell around (a side open on the page frame): cells of their own
        for c, v in enumerate(row):
            if v < 0:
                row[c] = len(members)
                members.append([])
    if _PLACE is None or _PLACE(glyphs.ch, glyphs.x0, glyphs.x1, glyphs.cy, xs, ys, grid, members) is None:
        _place(glyphs, xs, ys, grid, members)
    widths = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    if edges is not None and first_open < len(members):
        merge_open_slots(grid, members, first_open, xs, ys, edges)
        for c in open_empty_columns(grid, members, first_open):
            widths[c] = 0.0
    grid = _tidy(grid, members, widths, [b - a for a, b in zip(ys, ys[1:], strict=False)], least)
    if grid is None:
        return None
    cells, nrows, ncols = _cells(grid, members)
    cells, nrows = split_spanned(cells, nrows, ncols, glyphs)
    cells, nrows = stacked_rows(cells, nrows, glyphs)
    return cells, nrows, ncols


def _place(glyphs: Glyphs, xs: list[float], ys: list[float], grid: list[list[int]], members: list[list[int]]) -> None:
    """Each character with ink into the cell of the slot its middle falls in (the reference of ``_chars.place``)."""
    nr, nc = len(ys) - 1, len(xs) - 1
    left, right, top, bottom, after = xs[0], xs[-1], ys[0], ys[-1], bisect.bisect_right
    for j, (ch, a, b, cy) in enumerate(zip(glyphs.ch, glyphs.x0, glyphs.x1, glyphs.cy, strict=True)):
        if ch.isspace():  # Glyphs.ink
            continue
        cx = (a + b) / 2
        if not (left <= cx <= right and top <= cy <= bottom):
            continue
        c = min(after(xs, cx) - 1, nc - 1)
        r = min(after(ys, cy) - 1, nr - 1)
        v = grid[r][c]
        if v >= 0:
            members[v].append(j)


def _merge_lines(grid: list[list[int]], members: list[list[int]], widths: list[float]) -> list[list[int]]:
    """Drop the vertical lines that only an empty cell keeps: crossed by a cell in at least
    a quarter of the rows, and where not crossed one side is empty. (Rows: use on the transpose.)"""
    k = 1
    while grid and k < len(grid[0]):
        pairs = [(row[k - 1], row[k]) for row in grid]
        crossed = sum(1 for a, b in pairs if a == b)
        apart = [(a, b) for a, b in pairs if a != b]
        if crossed >= 0.25 * len(pairs) and all(a < 0 or b < 0 or not members[a] or not members[b] for a, b in apart):
            for a, b in apart:
                keep, gone = (a, b) if a >= 0 and members[a] else (b, a)
                if keep < 0:
                    continue
                if gone >= 0:
                    members[keep].extend(members[gone])
                    members[gone] = []
                for row in grid:
                    for c, v in enumerate(row):
                        if v == gone and gone >= 0:
                            row[c] = keep
            for row in grid:
                row[k - 1] = row[k] if row[k - 1] < 0 else row[k - 1]
                del row[k]
            widths[k - 1] += widths.pop(k)
            continue
        k += 1
    return grid


def _transpose(grid: list[list[int]]) -> list[list[int]]:
    return [list(col) for col in zip(*grid, strict=True)]


def _tidy(grid: list[list[int]], members: list[list[int]], widths: list[float], heights: list[float],
          least: tuple[int, int] = (2, 2)) -> list[list[int]] | None:
    grid = _merge_lines(grid, members, widths)
    grid = _transpose(_merge_lines(_transpose(grid), members, heights))

    def starts_text_row(r: int) -> bool:
        return any(v >= 0 and members[v] and (r == 0 or grid[r - 1][c] != v) for c, v in enumerate(grid[r]))

    rows = [r for r in range(len(grid)) if starts_text_row(r)]
    grid = [grid[r] for r in rows]
    if not grid:
        return None
    t = _transpose(grid)
    # columns: those where a cell with text starts, and wide empty ones (the blank columns of a
    # form to fill in); thin empty ones are gaps between double rules or shading off by a bit
    cols = [c for c in range(len(t)) if widths[c] >= EMPTY_COLUMN
            or any(v >= 0 and members[v] and (c == 0 or t[c - 1][r] != v) for r, v in enumerate(t[c]))]
    grid = _transpose([t[c] for c in cols]) if cols else []
    if len(grid) < least[1] or not grid or len(grid[0]) < least[0]:
        return None
    return grid


def _cells(grid: list[list[int]], members: list[list[int]]) -> tuple[list[GridCell], int, int]:
    spots: dict[int, list[tuple[int, int]]] = {}
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v >= 0:
                spots.setdefault(v, []).append((r, c))
    cells = [GridCell(r, c, []) for r, row in enumerate(grid) for c, v in enumerate(row) if v < 0]  # slots no cell covers
    for v, rc in spots.items():
        r0, c0 = min(r for r, _ in rc), min(c for _, c in rc)
        r1, c1 = max(r for r, _ in rc), max(c for _, c in rc)
        cells.append(GridCell(r0, c0, members[v], colspan=c1 - c0 + 1, rowspan=r1 - r0 + 1))
    return cells, len(grid), len(grid[0])
