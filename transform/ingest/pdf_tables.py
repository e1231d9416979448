"""Tables in PDF pages: found only where the page shows one, read with rows kept whole.

A table is text laid out in a grid: cells ruled by lines, or text aligned in more than one
column over several rows. Prose, text in two or three columns, contents lists with dot
leaders, signatures side by side and justified paragraphs are not tables.

1. **Cheap test** (:mod:`pdf_table_rows`, from what every line already carries, no pdfium
   call): lines on one baseline form visual rows; a row is table-like when it has several
   runs and is not prose (long runs of words). A page with fewer than two rows of runs side
   by side (within a column of text, on a page set in columns) has no table and costs
   nothing more.
2. **Candidates**: runs of at least three table-like rows whose gaps line up (tables
   without ruling lines) and groups of touching ruling edges that draw a grid of at least
   two columns and two rows around table-like rows (:mod:`pdf_table_grid`). The page's
   path objects are only walked for pages that passed step 1.
3. **Reading a candidate**, on its region only: the characters of the lines inside it
   (:class:`pdf_table_glyphs.Glyphs`); ruled grids through pdfplumber's ``TableFinder`` fed
   with that grid's edges (merged cells become ``colspan``/``rowspan``); aligned text
   through column gutters and rows bound to their values (:mod:`pdf_table_text`).
4. **Content test** (:func:`pdf_table_cells.plausible`): two columns and two rows with
   text at least; without ruling lines also short cells, a number column (or at least
   three columns and four rows) and not a contents list; a ruled form (a header over
   every column, a label in every row) with empty value cells. Header cells: the first row
   when it differs from the body (words over numbers, bold over plain), the first column
   when it labels rows of numbers. Right-to-left tables list their columns right to left.
   Never a table (:mod:`pdf_table_checks`): cells that cut words (frames over text), a box of
   two bold lines without a digit (a framed title).
"""

from __future__ import annotations

import ctypes
import logging
import struct
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

from ..model import Table
from . import (
    pdf_table_carried,
    pdf_table_forms,
    pdf_table_gaps,
    pdf_table_grid,
    pdf_table_lists,
    pdf_table_shading,
    pdf_table_text,
)
from .pdf_calls import _NATIVE, _OBJECT_ADDRESSES
from .pdf_panels import cut_at_walls, without_panels
from .pdf_table_cells import Glyphs, GridCell, fill_text, mark_headers, plausible, table_direction, to_table
from .pdf_table_checks import cuts_words, join_wrapped_labels, sentence_rows, spanning_title, title_frame
from .pdf_table_columns import join_column_parts
from .pdf_table_leaders import leader_row_in_grid
from .pdf_table_partial import drop_drawn_braces
from .pdf_table_rows import Row, by_columns, merged_rows, table_runs, text_columns, visual_rows
from .pdf_text import PdfLine, _unchecked

log = logging.getLogger("transform.ingest.pdf")
MAX_OBJECTS = 20_000  # pages with more objects are not searched for tables (bounded work)
PATH = 2  # FPDF_PAGEOBJ_PATH
FORM = 5  # FPDF_PAGEOBJ_FORM: a form XObject (a table pasted from a spreadsheet into slides)
THIN = 2.0  # a path thinner than this (points) is a rule


@dataclass
class FoundTable:
    table: Table
    top: float
    bottom: float
    x0: float
    x1: float
    lines: frozenset[int] = frozenset()  # text-page index of the first character of each line the table took

    def took(self, line: Any) -> bool:
        """Whether a text line went into the table (a line it did not take stays in the text)."""
        start = getattr(line, "start", None)
        if self.lines and start is not None:
            return start in self.lines
        cy = (line.top + line.bottom) / 2
        return self.top - 2 <= cy <= self.bottom + 2 and line.x1 > self.x0 and line.x0 < self.x1


class _Handle(ctypes.c_void_p):
    """A page-object handle kept as a ctypes object (a ``c_void_p`` subclass is not turned into an int)."""


_COUNT_OBJECTS = _unchecked(pdfium_c.FPDFPage_CountObjects, ctypes.c_int)
_GET_OBJECT = _unchecked(pdfium_c.FPDFPage_GetObject, _Handle)
_OBJ_TYPE = _unchecked(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
_OBJ_BOUNDS = _unchecked(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int)
_FOUR_FLOATS = struct.Struct("4f").unpack_from
FAST_OBJECTS = all(f is not None for f in (_COUNT_OBJECTS, _GET_OBJECT, _OBJ_TYPE, _OBJ_BOUNDS))


_DRAW_MODE = _unchecked(pdfium_c.FPDFPath_GetDrawMode, ctypes.c_int)
_FILL_COLOR = _unchecked(pdfium_c.FPDFPageObj_GetFillColor, ctypes.c_int)
_STROKE_COLOR = _unchecked(pdfium_c.FPDFPageObj_GetStrokeColor, ctypes.c_int)
FAST_OBJECTS = FAST_OBJECTS and all(f is not None for f in (_DRAW_MODE, _FILL_COLOR, _STROKE_COLOR))
INVISIBLE, LIGHT, DARK = 0, 1, 2
DARK_LUMA = 215  # 0-255: a rule is darker than this; lighter strokes and fills only shade cells
# _chars.path_boxes (the page's path objects in one call), or None: the walk through ctypes (_path_bounds_py)
_PATHS = _NATIVE if FAST_OBJECTS and hasattr(_NATIVE, "path_boxes") and all(_OBJECT_ADDRESSES) else None


class _Ink:
    """How a path object shows on a white page: invisible, light (shading) or dark (a rule)."""

    def __init__(self) -> None:
        self.fill, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.rgba = (ctypes.c_uint * 4)()
        step = ctypes.sizeof(ctypes.c_uint)
        if FAST_OBJECTS:
            self.modes: tuple[Any, ...] = (ctypes.byref(self.fill), ctypes.byref(self.stroke))
            self.refs: tuple[Any, ...] = tuple(ctypes.byref(self.rgba, k * step) for k in range(4))
            self.draw_mode, self.fill_color, self.stroke_color = _DRAW_MODE, _FILL_COLOR, _STROKE_COLOR
        else:
            self.modes = (ctypes.byref(self.fill), ctypes.byref(self.stroke))
            self.refs = tuple(ctypes.byref(ctypes.c_uint.from_buffer(self.rgba, k * step)) for k in range(4))
            self.draw_mode, self.fill_color, self.stroke_color = (
                pdfium_c.FPDFPath_GetDrawMode, pdfium_c.FPDFPageObj_GetFillColor, pdfium_c.FPDFPageObj_GetStrokeColor)

    def _shade(self) -> int:
        r, g, b, a = self.rgba
        if not a or min(r, g, b) >= 245:
            return INVISIBLE
        return DARK if 0.299 * r + 0.587 * g + 0.114 * b < DARK_LUMA else LIGHT

    def __call__(self, obj: Any) -> tuple[int, bool]:
        """(ink, stroked) of a path object."""
        if not self.draw_mode(obj, *self.modes):  # type: ignore[operator]
            return DARK, False
        ink, stroked = INVISIBLE, False
        if self.stroke.value and self.stroke_color(obj, *self.refs):  # type: ignore[operator]
            ink = self._shade()
            stroked = ink != INVISIBLE
        if ink != DARK and self.fill.value and self.fill_color(obj, *self.refs):  # type: ignore[operator]
            ink = max(ink, self._shade())
        return ink, stroked


def object_walk(page: Any) -> tuple[Any, ...]:
    """What walking a page's objects takes: ``(box, handle, count, get, kind, bounds, refs)``, the four functions
    unchecked where the native prototypes load (see :func:`_path_bounds`), ``bounds(obj, *refs)`` writing the
    object's (left, bottom, right, top) into ``box`` (four floats; keep it alive as long as ``refs``)."""
    box = (ctypes.c_float * 4)()
    step = ctypes.sizeof(ctypes.c_float)
    if FAST_OBJECTS:
        h: Any = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
        count, get, kind, bounds = _COUNT_OBJECTS, _GET_OBJECT, _OBJ_TYPE, _OBJ_BOUNDS
        refs: tuple[Any, ...] = tuple(ctypes.byref(box, k * step) for k in range(4))
    else:
        h = page.raw
        count, get, kind, bounds = (pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject,
                                    pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds)
        refs = tuple(ctypes.byref(ctypes.c_float.from_buffer(box, k * step)) for k in range(4))
    return box, h, count, get, kind, bounds, refs


def _path_bounds(page: Any) -> list[tuple[float, float, float, float, int, bool]]:
    """(left, bottom, right, top) in PDF coordinates, ink and stroke of every path object of the page: the page's
    objects walked in one native call (``_chars.path_boxes``) when the extension is built, else by
    :func:`_path_bounds_py`; the objects inside form XObjects by :func:`pdf_table_forms.form_paths`."""
    if _PATHS is None:
        return _path_bounds_py(page)
    n, out, at = _PATHS.path_boxes(_OBJECT_ADDRESSES, ctypes.cast(page.raw, ctypes.c_void_p).value, THIN, float(DARK_LUMA), MAX_OBJECTS)
    if n > MAX_OBJECTS:
        return []
    if at:
        _, h, _, get, _, _, _ = object_walk(page)
        out.extend(pdf_table_forms.form_paths([get(h, i) for i in at], _Ink(), THIN, MAX_OBJECTS - n))  # type: ignore[operator]
    return out


def _path_bounds_py(page: Any) -> list[tuple[float, float, float, float, int, bool]]:
    """:func:`_path_bounds` one pdfium call at a time (the fallback, and the reference of ``_chars.path_boxes``).

    One page holds tens to hundreds of objects (mostly text): they are walked through
    unchecked prototypes (see :func:`pdf_text._unchecked`: ctypes objects only), several
    times cheaper than pypdfium2's checked bindings."""
    box, h, count, get, kind, bounds, refs = object_walk(page)
    out: list[tuple[float, float, float, float, int, bool]] = []
    n = count(h)  # type: ignore[operator]
    if n > MAX_OBJECTS:
        return out
    ink_of = _Ink()
    forms = []
    for i in range(n):
        obj = get(h, i)  # type: ignore[operator]
        if not obj:
            continue
        t = kind(obj)  # type: ignore[operator]
        if t == PATH and bounds(obj, *refs):  # type: ignore[operator]
            left, bottom, right, top = _FOUR_FLOATS(box)  # one C call (iterating a ctypes array reads item by item)
            ink, stroked = ink_of(obj)
            if ink == INVISIBLE and right - left > THIN and top - bottom > THIN:
                continue  # a white, unstroked box is a text frame, not a rule
            out.append((left, bottom, right, top, max(ink, LIGHT), stroked))  # a white line on shading parts rows
        elif t == FORM:
            forms.append(obj)
    if forms:
        out.extend(pdf_table_forms.form_paths(forms, ink_of, THIN, MAX_OBJECTS - n))
    return out


def path_edges(page: Any, height: float) -> list[dict[str, Any]]:
    """Edges (in pdfplumber's top-left coordinates) from the page's path objects: dark thin
    paths and the sides of dark stroked boxes are rules (``object_type`` "line"), the sides
    of filled boxes and light thin paths only shade cells ("rect_edge")."""
    edges: list[dict[str, Any]] = []
    for left, bottom_, right, top_, ink, stroked in _path_bounds(page):
        x0, x1, top, bottom = left, right, height - top_, height - bottom_
        w, h = x1 - x0, bottom - top
        rule = "line" if ink == DARK else "rect_edge"
        if h <= THIN and w > THIN:
            y = (top + bottom) / 2
            edges.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": w, "height": 0.0, "orientation": "h", "object_type": rule})
        elif w <= THIN and h > THIN:
            x = (x0 + x1) / 2
            edges.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": h, "orientation": "v", "object_type": rule})
        elif w > THIN and h > THIN:  # a box: its four sides
            side = "line" if ink == DARK and stroked else "rect_edge"
            for y in (top, bottom):
                edges.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": w, "height": 0.0, "orientation": "h", "object_type": side})
            for x in (x0, x1):
                edges.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": h, "orientation": "v", "object_type": side})
    return edges


@dataclass
class Candidates:
    """What the cheap test found on one page: ruled grids holding table-like rows, runs of
    aligned rows, and the page's horizontal rules (row hints for the runs)."""

    grids: list[pdf_table_grid.Grid]
    runs: list[list[Row]]
    h_rules: list[dict[str, Any]]
    carried: pdf_table_grid.Grid | None = None  # a band carrying the last row of the table above (pdf_table_carried)

    def __bool__(self) -> bool:
        return bool(self.grids or self.runs)


def _runs_inside(row: Row, g: pdf_table_grid.Grid) -> int:
    """How many of the row's runs lie inside the grid (a row of a two-column page may also
    hold text of the other column)."""
    cy = (row.top + row.bottom) / 2
    if not g.top - 2 <= cy <= g.bottom + 2:
        return 0
    return sum(1 for a, b in row.segments if a >= g.x0 - 4 and b <= g.x1 + 4)


MARGIN = 0.08  # the share of the page's height, at its top and at its bottom, where running lines are printed


def candidate(page: Any, lines: list[PdfLine], height: float, textpage: Any = None,
              above: list[FoundTable] | None = None) -> Candidates | None:
    """Cheap test: None for a page that holds no table (most pages), else where to look. With the
    ``textpage``, lines drawn as one text object across columns get their runs from their characters
    (:mod:`pdf_table_gaps`) for the test and for the ruled grids; runs of rows without rules are still
    looked for in the lines as pdfium gives them (a running header's gap would join such a run). ``above``: the
    tables of the page before, for a band carrying the last row of one (:mod:`pdf_table_carried`)."""
    measured = pdf_table_gaps.measured(lines, textpage, height)
    rows = _page_rows(measured, least=1, height=height)
    if rows is None:
        return None  # nothing side by side: no table; most pages stop here
    split = [r for r in rows if r.split]
    if not split:
        return None
    if len(split) == 1 and _in_margin(split[0], height):
        return None  # one row side by side, in the page's top or bottom margin: a running line, not a grid's head
    edges = path_edges(page, height)
    grids = []
    drawn = pdf_table_grid.grids(edges) if edges else []
    if edges and pdf_table_shading.rows_unread(edges):  # row rules drawn as shading objects?
        more = pdf_table_shading.shading_rules(page, height, object_walk, THIN)
        if more:
            edges = edges + more
            drawn = pdf_table_grid.grids(edges)
    for g in drawn:
        if g.ruled and (any(_runs_inside(r, g) >= 2 for r in split) or any(leader_row_in_grid(r, g) for r in rows)) \
                and sum(1 for r in rows if _runs_inside(r, g)) >= 2:  # leader rows a column rule parts (pdf_table_leaders)
            grids.append(g)
        elif pdf_table_lists.list_frame(g, rows):  # a one-column ruled list: one item a row
            grids.append(g)
    carried = pdf_table_carried.carried_band(drawn, lines, above, height) if above else None
    if carried is not None:
        grids.insert(0, carried)
    if len(split) < 2:  # one row side by side (a running header, or a form's header row over blank cells):
        seen = [g for g in grids if g.top >= -2 and g.bottom <= height + 2]  # only a ruled grid drawn on the page
        if carried is not None and carried not in seen:
            seen.insert(0, carried)
        return Candidates(seen, [], [e for e in edges if e["orientation"] == "h"], carried) if seen else None  # around it may be a table
    plain = rows if measured is lines else _page_rows(lines) or []
    runs = [run for run in table_runs(plain) if not any(_overlaps(run, g.top, g.bottom) for g in grids)]
    if not grids and not runs:
        return None
    return Candidates(grids, runs, [e for e in edges if e["orientation"] == "h"], carried)


def _page_rows(lines: list[PdfLine], least: int = 2, height: float | None = None) -> list[Row] | None:
    """The page's visual rows (within each column on a page set in columns), or None when fewer
    than ``least`` of them hold runs side by side. With the page's ``height``, a page set in columns whose one such
    row lies in its top or bottom margin (a running line) is None too, before its rows are cut by columns."""
    rows = visual_rows(lines)
    if sum(1 for r in rows if len(r.segments) >= 2) < least:
        return None
    bounds = text_columns(rows)
    if bounds:  # a page in columns: rows are looked at within each column
        within = _within_columns(rows, bounds)
        if len(within) < least or (height is not None and len(within) == 1 and _in_margin(within[0], height)):
            return None
        rows = by_columns(rows, bounds)
    return rows


def _within_columns(rows: list[Row], bounds: list[float]) -> list[Row]:
    """Rows with two runs or more inside one column of a page set in columns."""
    out = []
    for r in rows:
        if len(r.segments) >= 2:
            cols = [bisect_left(bounds, (a + b) / 2) for a, b in r.segments]  # bounds ascend (text_columns)
            if len(cols) > len(set(cols)):
                out.append(r)
    return out


def _in_margin(row: Row, height: float) -> bool:
    """Does the row lie in the page's top or bottom margin (``MARGIN``), where running lines are printed?"""
    return not MARGIN * height < row.top < (1 - MARGIN) * height


def _overlaps(run: list[Row], top: float, bottom: float) -> bool:
    return run[0].top <= bottom and run[-1].bottom >= top


def find_tables(textpage: Any, lines: list[PdfLine], found: Candidates, width: float, height: float) -> list[FoundTable]:
    """Tables of one candidate page, each read from its own region."""
    out: list[FoundTable] = []
    merged: list[tuple[FoundTable, dict[int, tuple[int, int]]]] = []
    for g in found.grids:
        region = [ln for ln in lines if ln.x1 > g.x0 and ln.x0 < g.x1 and (
            g.top - 2 <= (ln.top + ln.bottom) / 2 <= g.bottom + 2 or (merged_rows(ln) and ln.top < g.bottom and ln.bottom > g.top))]
        region = without_panels(g, cut_at_walls(g, region, lines, textpage))  # a boxed panel in the frame stays text (pdf_panels)
        if not region:
            continue
        glyphs = Glyphs.read(textpage, region, height)
        best: list[tuple[FoundTable, dict[int, tuple[int, int]]]] = []
        for shading in (False, True):
            if shading and (not pdf_table_grid.shaded(g) or _left_out(best, region, g) == 0):
                break  # the rules drew tables that hold the grid's text; or there is no shading to try
            tried = _grid_tables(g, glyphs, width, height, shading, carried=g is found.carried)
            if not shading or sum(len(t.lines) for t, _ in tried) > sum(len(t.lines) for t, _ in best):
                best = tried  # rows parted by shading only, or a column whose rules are shading sides
        out.extend(t for t, _ in best)
        if any(merged_rows(ln) for ln in region):
            merged.extend(best)
    for run in found.runs:
        top, bottom = run[0].top, max(r.bottom for r in run)
        if any(t.top - 2 <= (top + bottom) / 2 <= t.bottom + 2 for t in out):
            continue
        region = [ln for r in run for ln in r.lines]
        x0, x1 = min(ln.x0 for ln in region), max(ln.x1 for ln in region)
        rules = [e["top"] for e in found.h_rules
                 if top - 4 <= e["top"] <= bottom + 4 and min(e["x1"], x1) - max(e["x0"], x0) >= 0.5 * (x1 - x0)]
        glyphs = Glyphs.read(textpage, region, height)
        built_t = pdf_table_text.build(run, glyphs, rules)
        if built_t is None:
            continue
        cells, nrows, ncols, header_rows = built_t
        table = _finish(cells, nrows, ncols, glyphs, ruled=False, header_rows=header_rows)
        if table is not None:
            out.append(FoundTable(table, top, bottom, x0, x1, _taken(_use(cells, glyphs))))
    _share_merged(merged)
    return join_column_parts(out, lines, height)


def _grid_tables(g: pdf_table_grid.Grid, glyphs: Glyphs, width: float, height: float, shading: bool,
                 carried: bool = False) -> list[tuple[FoundTable, dict[int, tuple[int, int]]]]:
    """The tables one grid draws (with its shading sides or not), with how much of each line they took."""
    out = []
    lines = [(ln.x0, ln.top, ln.x1, ln.bottom) for ln in glyphs.lines]
    for boxes in pdf_table_grid.grid_cells(g, width, height, shading, lines):
        built = pdf_table_grid.build(boxes, glyphs, g.edges, least=(1 if g.xs == 2 else 2, 1 if carried else 2))
        if built is None:
            continue
        cells, nrows, ncols = built
        table = _finish(cells, nrows, ncols, glyphs, ruled=True, header_rows=None, listed=g.xs == 2, carried=carried)
        if table is not None:
            xs = [b[0] for b in boxes] + [b[2] for b in boxes]
            ys = [b[1] for b in boxes] + [b[3] for b in boxes]
            use = _use(cells, glyphs)
            out.append((FoundTable(table, min(ys), max(ys), min(xs), max(xs), _taken(use)), use))
    return out


def _left_out(found: list[tuple[FoundTable, dict[int, tuple[int, int]]]], region: list[PdfLine], g: pdf_table_grid.Grid) -> int:
    """Lines inside the grid's frame that none of its tables took."""
    taken = {start for t, _ in found for start in t.lines}
    return sum(1 for ln in region if ln.start not in taken and ln.x0 >= g.x0 - 2 and ln.x1 <= g.x1 + 2 and ln.text.strip())


def _use(cells: list[GridCell], glyphs: Glyphs) -> dict[int, tuple[int, int]]:
    """Per line (its first character's index): characters with ink that went into the cells, characters with
    ink (counted once per glyphs, :meth:`Glyphs.line_inks`; the cells' characters each counted once)."""
    used = [0] * len(glyphs.lines)
    ink = glyphs.line_inks()
    chars, line = glyphs.ch, glyphs.line
    for j in {j for c in cells for j in c.members}:
        if not chars[j].isspace():  # Glyphs.ink
            used[line[j]] += 1
    return {ln.start: (used[k], ink[k]) for k, ln in enumerate(glyphs.lines) if ink[k]}


def _taken(use: dict[int, tuple[int, int]]) -> frozenset[int]:
    """The lines whose characters went (mostly) into the table's cells (``use``: :func:`_use`'s answer)."""
    return frozenset(start for start, (used, ink) in use.items() if used >= 0.5 * ink)


def _share_merged(found: list[tuple[FoundTable, dict[int, tuple[int, int]]]]) -> None:
    """A line holding two tables' rows (see :func:`pdf_table_rows.merged_rows`) is taken by
    every table that holds some of it when together they hold most of it."""
    if len(found) < 2:
        return
    total: dict[int, list[int]] = {}
    for _, use in found:
        for start, (used, ink) in use.items():
            t = total.setdefault(start, [0, ink])
            t[0] += used
    for t, use in found:
        more = {start for start, (used, _) in use.items() if used and total[start][0] >= 0.5 * total[start][1]}
        if more - t.lines:
            t.lines = t.lines | more


def _finish(cells: list[GridCell], nrows: int, ncols: int, glyphs: Glyphs, ruled: bool, header_rows: int | None,
            listed: bool = False, carried: bool = False) -> Table | None:
    """Logical column order, cell text, the content test, header cells (``listed``: the cells of a one-column
    ruled list's frame, :mod:`pdf_table_lists`; ``carried``: a band carrying a table's last row over a page
    break, :mod:`pdf_table_carried`)."""
    members = [j for c in cells for j in c.members]
    if not members:
        return None
    rtl = table_direction(glyphs, members)
    if rtl:
        for c in cells:
            c.col = ncols - c.col - c.colspan
    fill_text(cells, glyphs, rtl)
    drop_drawn_braces(cells, glyphs)
    if carried:
        if not pdf_table_carried.one_row(cells, nrows) or title_frame(cells, glyphs) or cuts_words(cells, glyphs):
            return None
        return to_table(cells, nrows)  # a body row: the header rows stand over the part above
    if listed:
        items = pdf_table_lists.ruled_list(cells, ncols)
        if items is None or title_frame(items, glyphs) or cuts_words(items, glyphs):
            return None
        mark_headers(items, ncols, None, glyphs, ruled)
        return to_table(items, len(items))
    if not plausible(cells, nrows, ncols, ruled) or title_frame(cells, glyphs) or cuts_words(cells, glyphs):
        return None
    if not ruled and sentence_rows(cells):  # prose lines whose amounts stand at a tab stop
        return None
    if not ruled:
        join_wrapped_labels(cells)
    mark_headers(cells, ncols, header_rows, glyphs, ruled)
    if ruled:
        spanning_title(cells, ncols)
    return to_table(cells, nrows)
