"""Tables in PDF pages: a cheap test picks the pages, pdfplumber's table finder draws the cells.

Running pdfplumber on a page costs about 60 times bare pypdfium2 text extraction, almost
all of it in pdfminer's parse of the page. We do not need that parse: the table finder
(``pdfplumber.table.TableFinder``) only needs ruling edges and, for tables without ruling
lines, word boxes. Both come from pypdfium2 here (path objects for the edges, line runs
for the words), so the finder runs in milliseconds and only on candidate pages:

* a page with at least :data:`MIN_PATHS` path objects may hold a ruled table
  (``lines`` strategy on the path edges);
* a page with :data:`MIN_GAPPED_ROWS` or more consecutive lines cut by wide gaps
  (column-aligned runs such as label / amount / share) may hold a table without ruling
  lines (``text`` strategy on the runs of those lines only).

Cell text is read from pdfium's characters inside each cell box, in logical order
(:mod:`pdf_bidi`). The first row is marked as header cells; a right-to-left table's
columns are listed right to left (its logical order).
"""

from __future__ import annotations

import ctypes
import logging
import struct
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

from ..model import Cell, Sentence, Table
from .pdf_bidi import Box, clean_text, is_rtl_line, logical_line
from .pdf_blocks import join_lines
from .pdf_text import PdfLine, _unchecked

log = logging.getLogger("transform.ingest.pdf")
MIN_PATHS = 4
MIN_GAPPED_ROWS = 3
MAX_OBJECTS = 20_000  # pages with more objects are not searched for tables (bounded work)
PATH = 2  # FPDF_PAGEOBJ_PATH
THIN = 2.0  # a path thinner than this (points) is a rule


@dataclass
class FoundTable:
    table: Table
    top: float
    bottom: float
    x0: float
    x1: float


class _Geometry:
    """The slice of a pdfplumber Page that TableFinder reads, filled from pypdfium2."""

    def __init__(self, width: float, height: float, edges: list[dict[str, Any]], words: list[dict[str, Any]]) -> None:
        self.bbox = (0.0, 0.0, width, height)
        self.edges = edges
        self._words = words

    def extract_words(self, **_: Any) -> list[dict[str, Any]]:
        return self._words


class _Handle(ctypes.c_void_p):
    """A page-object handle kept as a ctypes object (a ``c_void_p`` subclass is not turned into an int)."""


_COUNT_OBJECTS = _unchecked(pdfium_c.FPDFPage_CountObjects, ctypes.c_int)
_GET_OBJECT = _unchecked(pdfium_c.FPDFPage_GetObject, _Handle)
_OBJ_TYPE = _unchecked(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
_OBJ_BOUNDS = _unchecked(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int)
_FOUR_FLOATS = struct.Struct("4f").unpack_from
FAST_OBJECTS = all(f is not None for f in (_COUNT_OBJECTS, _GET_OBJECT, _OBJ_TYPE, _OBJ_BOUNDS))


def _path_bounds(page: Any) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of every path object of the page, PDF coordinates.

    One page holds tens to hundreds of objects (mostly text): they are walked through
    unchecked prototypes (see :func:`pdf_text._unchecked`: ctypes objects only), several
    times cheaper than pypdfium2's checked bindings."""
    raw = page.raw
    box = (ctypes.c_float * 4)()
    step = ctypes.sizeof(ctypes.c_float)
    out: list[tuple[float, float, float, float]] = []
    if FAST_OBJECTS:
        h: Any = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
        count, get, kind, bounds = _COUNT_OBJECTS, _GET_OBJECT, _OBJ_TYPE, _OBJ_BOUNDS
        refs: tuple[Any, ...] = tuple(ctypes.byref(box, k * step) for k in range(4))
    else:
        h = raw
        count, get, kind, bounds = (pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject,
                                    pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds)
        refs = tuple(ctypes.byref(ctypes.c_float.from_buffer(box, k * step)) for k in range(4))
    n = count(h)  # type: ignore[operator]
    if n > MAX_OBJECTS:
        return out
    for i in range(n):
        obj = get(h, i)  # type: ignore[operator]
        if obj and kind(obj) == PATH and bounds(obj, *refs):  # type: ignore[operator]
            out.append(_FOUR_FLOATS(box))  # one C call (iterating a ctypes array reads item by item)
    return out


def path_edges(page: Any, height: float) -> list[dict[str, Any]]:
    """Ruling edges (in pdfplumber's top-left coordinates) from the page's path objects."""
    edges: list[dict[str, Any]] = []
    for left, bottom_, right, top_ in _path_bounds(page):
        x0, x1, top, bottom = left, right, height - top_, height - bottom_
        w, h = x1 - x0, bottom - top
        if h <= THIN and w > THIN:
            y = (top + bottom) / 2
            edges.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": w, "height": 0.0, "orientation": "h", "object_type": "line"})
        elif w <= THIN and h > THIN:
            x = (x0 + x1) / 2
            edges.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": h, "orientation": "v", "object_type": "line"})
        elif w > THIN and h > THIN:  # a rectangle: its four sides
            for y in (top, bottom):
                edges.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": w, "height": 0.0, "orientation": "h", "object_type": "rect_edge"})
            for x in (x0, x1):
                edges.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": h, "orientation": "v", "object_type": "rect_edge"})
    return edges


def gapped_runs(lines: list[PdfLine]) -> list[list[PdfLine]]:
    """Runs of consecutive lines cut by wide gaps (at least 2.5 x the font size)."""
    runs: list[list[PdfLine]] = []
    cur: list[PdfLine] = []
    for ln in lines:
        wide = [g for g in getattr(ln, "gaps", []) if g >= 2.5 * (ln.size or 10.0)]
        if wide:
            cur.append(ln)
        elif cur and ln.top < cur[-1].bottom + 2.5 * (ln.size or 10.0) and len(ln.text) < 60:
            cur.append(ln)  # a wrapped cell line between two rows
        else:
            if len([x for x in cur if getattr(x, "gaps", None)]) >= MIN_GAPPED_ROWS:
                runs.append(cur)
            cur = []
    if len([x for x in cur if getattr(x, "gaps", None)]) >= MIN_GAPPED_ROWS:
        runs.append(cur)
    return runs


def candidate(page: Any, lines: list[PdfLine], height: float) -> tuple[list[dict[str, Any]], list[list[PdfLine]]]:
    """Cheap test: ruling edges if there are enough path objects, and runs of gapped lines."""
    edges = path_edges(page, height)
    if len(edges) < MIN_PATHS:
        edges = []
    return edges, gapped_runs(lines)


def _words(run: list[PdfLine]) -> list[dict[str, Any]]:
    words = []
    for ln in run:
        for a, b in ln.segments or [(ln.x0, ln.x1)]:
            words.append({"x0": a, "x1": b, "top": ln.top, "bottom": ln.bottom, "text": "x", "upright": True, "direction": "ltr"})
    return words


def find_tables(
    page: Any, textpage: Any, lines: list[PdfLine], width: float, height: float,
    found: tuple[list[dict[str, Any]], list[list[PdfLine]]] | None = None,
) -> list[FoundTable]:
    """Tables of one candidate page (call only when :func:`candidate` found something; ``found``
    is what it found, computed again when not given)."""
    try:
        from pdfplumber.table import TableFinder
    except ImportError:  # pdfplumber is optional at run time: text is still read, tables come out as paragraphs
        log.warning("pdfplumber is not installed: tables in PDFs are read as paragraphs (pip install pdfplumber)")
        return []

    edges, runs = found if found is not None else candidate(page, lines, height)
    cell_groups: list[list[tuple[float, float, float, float]]] = []
    if edges:
        finder = TableFinder(_Geometry(width, height, edges, []), {"vertical_strategy": "lines", "horizontal_strategy": "lines"})  # type: ignore[arg-type]
        cell_groups += [t.cells for t in finder.tables if len(t.cells) >= 2]
    for run in runs:
        top, bottom = min(ln.top for ln in run), max(ln.bottom for ln in run)
        if any(_overlap(top, bottom, g) for g in cell_groups):
            continue  # already found through its ruling lines
        settings = {"vertical_strategy": "text", "horizontal_strategy": "text", "min_words_vertical": 2, "min_words_horizontal": 1, "snap_tolerance": 3}
        geo = _Geometry(width, height, [e for e in edges if top - 4 <= e["top"] <= bottom + 4], _words(run))
        finder = TableFinder(geo, settings)  # type: ignore[arg-type]
        cell_groups += [t.cells for t in finder.tables if len(t.cells) >= 4]
    if not cell_groups:
        return []
    chars = _PageChars(textpage, height)
    out = []
    for cells in cell_groups:
        table = _build(cells, chars)
        if table is not None:
            xs = [c[0] for c in cells] + [c[2] for c in cells]
            ys = [c[1] for c in cells] + [c[3] for c in cells]
            out.append(FoundTable(table, min(ys), max(ys), min(xs), max(xs)))
    return out


def _overlap(top: float, bottom: float, cells: list[tuple[float, float, float, float]]) -> bool:
    return min(c[1] for c in cells) <= bottom and max(c[3] for c in cells) >= top


class _PageChars:
    """Every character of a table page with its box (top-left coordinates) and line number."""

    def __init__(self, textpage: Any, height: float) -> None:
        from .pdf_text import _LOOSE, FAST, page_text

        raw = textpage.raw
        self.text, n = page_text(textpage)
        rect = pdfium_c.FS_RECTF()
        ref = ctypes.byref(rect)
        loose, h = (_LOOSE, ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)) if FAST else (pdfium_c.FPDFText_GetLooseCharBox, raw)
        self.boxes: list[tuple[float, float, float, float]] = []
        self.line_of: list[int] = []
        line = 0
        for i in range(n):
            ch = self.text[i]
            if ch == "\n":
                line += 1
            loose(h, i, ref)
            left, top, right, bottom = _FOUR_FLOATS(rect)  # FS_RECTF: left, top, right, bottom
            self.boxes.append((left, height - top, right, height - bottom))
            self.line_of.append(line)
        self.raw = raw

    def centres(self, x0: float, top: float, x1: float, bottom: float) -> list[tuple[int, float, float]]:
        """(index, x centre, y centre) of the characters inside a box."""
        out = []
        for i, (a, t, b, btm) in enumerate(self.boxes):
            cx, cy = (a + b) / 2, (t + btm) / 2
            if x0 <= cx <= x1 and top <= cy <= bottom and self.text[i] not in "\r\n":
                out.append((i, cx, cy))
        return out


def _in_box(chars: list[tuple[int, float, float]], box: tuple[float, float, float, float]) -> list[int]:
    x0, top, x1, bottom = box
    return [i for i, cx, cy in chars if x0 <= cx <= x1 and top <= cy <= bottom]


def _cell_box(chars: _PageChars, ids: list[int]) -> Box:
    def box(j: int) -> tuple[float, float]:
        b = chars.boxes[ids[j]]
        return b[0], b[2]

    return box


def _cell_text(chars: _PageChars, idx: list[int], rtl: bool) -> str:
    by_line: dict[int, list[int]] = {}
    for i in idx:
        by_line.setdefault(chars.line_of[i], []).append(i)
    parts = []
    for ids in sorted(by_line.values(), key=lambda v: min(chars.boxes[i][1] for i in v)):
        s = "".join(chars.text[i] for i in ids)
        if not s.strip():
            continue
        first = next((i for i in ids if not chars.text[i].isspace()), ids[0])
        size = pdfium_c.FPDFText_GetFontSize(chars.raw, first) or 10.0
        text = logical_line(s, _cell_box(chars, ids), size, rtl)
        parts.append(" ".join(clean_text(text).split()))
    return join_lines(parts)


def _build(cells: list[tuple[float, float, float, float]], chars: _PageChars) -> Table | None:
    """Rows of cells (pdfplumber cell boxes) with their text; None when the grid holds no text."""
    xs = sorted({round(c[0], 1) for c in cells} | {round(c[2], 1) for c in cells})
    tops = sorted({round(c[1], 1) for c in cells})
    inside = chars.centres(min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))
    rtl = is_rtl_line("".join(chars.text[i] for i, _, _ in inside))
    grid: list[list[Cell]] = []
    for top in tops:
        row_cells = sorted((c for c in cells if round(c[1], 1) == top), key=lambda c: c[0])
        row: list[Cell] = []
        for c in row_cells:
            text = _cell_text(chars, _in_box(inside, c), rtl)
            span = max(1, sum(1 for x in xs if c[0] - 0.5 < x < c[2] + 0.5) - 1)
            row.append(Cell(sentences=[Sentence(id="", text=text, notes={})] if text else [], colspan=span))
        if any(cell.sentences for cell in row):  # rows between text rows (text strategy) are dropped
            grid.append(row)
    filled = sum(1 for row in grid for cell in row if cell.sentences)
    if len(grid) < 2 or filled < 2:
        return None
    if rtl:
        for row in grid:
            row.reverse()
    for cell in grid[0]:
        cell.header = True
    return Table(rows=grid, caption=[])
