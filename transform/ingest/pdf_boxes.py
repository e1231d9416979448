"""Rows of drawn boxes that hold text: each box's text read whole, the boxes of a row one after the other.

A slide's process diagram (a chronology drawn as chevrons, steps drawn as rounded boxes) or a
magazine's row of key-figure boxes sets short centred lines inside shapes laid side by side. Read
as a page, the lines of neighbouring boxes look like columns: the column finder cuts the page at
the white strips between some of the boxes and reads them band by band, or the spread finder cuts
the slide in halves, and a box's date ends up far from its text, or two boxes' lines glued.

A **row of boxes** is found from the page's own path objects (one native call, ``_chars.path_boxes``;
form XObjects are not walked), only on pages that print two short lines (under :data:`SHORT` of the page
width) level with each other with white wider than :data:`APART` line heights between them (a single
column never does; a page in columns often does, a short last line level with a centred heading):

* two boxes or more, each a filled or stroked path wider and taller than a line, narrower than
  :data:`MAX_WIDTH` of the page and lower than :data:`MAX_HEIGHT` of it, whose tops and bottoms are
  level (within :data:`LEVEL` points) and which stand side by side, each next to the one before
  (overlapping it by at most :data:`OVERLAP` of the narrower, as a chevron's point enters the next
  chevron's notch, or apart by at most :data:`GAP` of it: two callouts of a spread's halves that
  happen to be level are no row);
* two boxes of the row at least hold a line wholly (a line belongs to the smallest box holding it);
  more than :data:`MAX_BOXES` boxes in rows on a page are a table's grid or shading, left alone.

Each line set in such a box is marked ``box = (row, place in the row)``. The reading order
(:func:`pdf_layout.reading_order`) then takes each row as one unit, placed among the page's other
lines as one wide line would be; in its place the boxes come in the reading direction, each box's
lines in its own order; and block grouping never carries a paragraph from one box into another
(:func:`split_at_boxes`).
"""

from __future__ import annotations

import ctypes
import dataclasses
from collections.abc import Callable
from itertools import repeat
from typing import Any, TypeVar

from .base import TextLine
from .pdf_walk import objects_arg

L = TypeVar("L", bound=TextLine)

LEVEL = 2.0  # points: tops (and bottoms) of the boxes of one row are this close
OVERLAP = 0.25  # share of the narrower box two boxes of a row may overlap by (chevrons)
GAP = 0.25  # share of the narrower box two neighbours of a row may stand apart by (further apart: two callouts level by chance)
MAX_WIDTH = 0.45  # share of the page width: a wider shape is a panel or a page's ground, not a box of a row
MAX_HEIGHT = 0.6  # share of the page height
MAX_BOXES = 24  # more boxes in rows on one page: a grid of cells
NEXT_LINE = 0.6  # a box's line goes on the one before when the white between them is at most this share of a line's height
INSIDE = 1.0  # points: a line's box may stick out of its shape's bounds by this much
SHORT = 0.3  # share of the page width: a box's lines are shorter (a column's full line is not)
APART = 2.5  # line heights of white between two level lines of neighbouring boxes (a column gutter is narrower)


def _apart(lines: list[Any], width: float) -> float:
    """The height of a short line level with another short one with white wider than :data:`APART` line heights
    between them (the cheap test before the page's paths are walked: a page in columns has a narrower gutter, and a
    heading level with a line of the next column has a full line beside it); 0.0 when none."""
    short = SHORT * width
    spans = sorted([(ln.top, ln.bottom, ln.x0, ln.x1) for ln in lines if ln.x1 - ln.x0 < short])
    for k in range(1, len(spans)):
        top, bottom, x0, x1 = spans[k]
        room = APART * (bottom - top)
        for _t, b, a0, a1 in spans[k - 5 if k > 5 else 0 : k]:  # the few lines just above in top order (any one will do)
            if b > top and (x0 - a1 > room or a0 - x1 > room):
                return bottom - top
    return 0.0


def _rows(shapes: list[tuple[float, float, float, float]], width: float, height: float) -> list[list[tuple[float, float, float, float]]]:
    """Rows of level shapes side by side (x0, top, x1, bottom), each left to right; shapes in no row left out."""
    cand = sorted(s for s in shapes if s[2] - s[0] <= MAX_WIDTH * width and s[3] - s[1] <= MAX_HEIGHT * height)
    rows: list[list[tuple[float, float, float, float]]] = []
    for s in cand:
        for row in rows:
            last = row[-1]
            narrower = min(last[2] - last[0], s[2] - s[0])
            if abs(last[1] - s[1]) <= LEVEL and abs(last[3] - s[3]) <= LEVEL and s[0] - last[0] >= (1 - OVERLAP) * narrower \
                    and -OVERLAP * narrower <= s[0] - last[2] <= GAP * narrower:
                row.append(s)
                break
        else:
            rows.append([s])
    return [r for r in rows if len(r) >= 2]


def _page_paths(page: Any) -> list[tuple[float, float, float, float, int, bool]]:
    """The page's own path objects as :func:`pdf_tables._path_bounds` gives them, without those inside form XObjects
    (walking a form's objects costs more than the page's native walk, and slides draw their shapes on the page)."""
    from .pdf_calls import _OBJECT_ADDRESSES
    from .pdf_tables import _PATHS, DARK_LUMA, MAX_OBJECTS, THIN, _path_bounds

    if _PATHS is None:
        return _path_bounds(page)
    n, out, _forms = _PATHS.path_boxes(_OBJECT_ADDRESSES, ctypes.cast(page.raw, ctypes.c_void_p).value, THIN, float(DARK_LUMA), MAX_OBJECTS,
                                       *objects_arg(page, MAX_OBJECTS))  # the underline search's walk of the page, when it made one (pdf_walk)
    return [] if n > MAX_OBJECTS else out


def mark_boxes(page: Any, lines: list[Any], width: float, height: float) -> int:
    """Mark the lines set in rows of boxes (module note); returns how many lines were marked."""
    if len(lines) < 2 or not (size := _apart(lines, width)):
        return 0
    shapes = [(left, height - top, right, height - bottom) for left, bottom, right, top, _ink, _stroked in _page_paths(page)
              if right - left > 2 * size and top - bottom > 1.5 * size]
    if len(shapes) < 2:
        return 0
    rows = _rows(shapes, width, height)
    if not rows or sum(len(r) for r in rows) > MAX_BOXES:
        return 0
    boxes = [(r, k, s) for r, row in enumerate(rows) for k, s in enumerate(row)]
    owner: dict[int, tuple[int, int]] = {}
    held: dict[tuple[int, int], int] = {}
    for i, ln in enumerate(lines):
        best = None
        for r, k, (x0, top, x1, bottom) in boxes:
            if ln.x0 >= x0 - INSIDE and ln.x1 <= x1 + INSIDE and ln.top >= top - INSIDE and ln.bottom <= bottom + INSIDE:
                area = (x1 - x0) * (bottom - top)
                if best is None or area < best[0]:
                    best = (area, (r, k))
        if best is not None and ln.text.strip():
            owner[i] = best[1]
            held[best[1]] = held.get(best[1], 0) + 1
    full = {r for r, row in enumerate(rows) if sum(1 for k in range(len(row)) if (r, k) in held) >= 2}
    n = 0
    for i, key in owner.items():
        if key[0] in full:
            lines[i].box = key
            n += 1
    return n


def collapse_rows(lines: list[L]) -> tuple[list[L], dict[int, list[list[L]]]] | None:
    """The page's lines with each row of boxes replaced by one line over the row (at its first line's place), and
    for each such line (by id) the row's boxes in reading direction, each its lines in their order; None when no
    line of the page is in a box (most pages)."""
    if not any(map(getattr, lines, repeat("box"), repeat(None))):  # (the per-line test in C: every page asks it)
        return None
    rtl = sum(1 for ln in lines if getattr(ln, "rtl", False)) * 2 > len(lines)
    rows: dict[int, dict[int, list[L]]] = {}
    for ln in lines:
        if (key := getattr(ln, "box", None)) is not None:
            rows.setdefault(key[0], {}).setdefault(key[1], []).append(ln)
    out: list[L] = []
    units: dict[int, list[list[L]]] = {}
    done: set[int] = set()
    for ln in lines:
        key = getattr(ln, "box", None)
        if key is None:
            out.append(ln)
            continue
        if key[0] in done:
            continue
        done.add(key[0])
        row = rows[key[0]]
        members = [m for place in row.values() for m in place]
        over: dict[str, Any] = {"text": " ".join(m.text for m in members), "x0": min(m.x0 for m in members),
                                "top": min(m.top for m in members), "x1": max(m.x1 for m in members),
                                "bottom": max(m.bottom for m in members), "parts": [], "wide_parts": [], "box": None}
        proxy = dataclasses.replace(ln, **over)  # one line over the whole row (a PdfLine: only they are marked)
        units[id(proxy)] = [row[k] for k in sorted(row, reverse=rtl)]
        out.append(proxy)
    return out, units


def expand_rows(order: list[L], edges: list[Any], units: dict[int, list[list[L]]],
                read: Callable[[list[L]], tuple[list[L], list[Any]]]) -> tuple[list[L], list[Any]]:
    """The reading order with each row's line replaced by its boxes' lines, each box read by ``read`` as a column
    of its own (a column number past every other of the page)."""
    column = 1 + max((e.column for e in edges), default=-1)
    out: list[L] = []
    out_edges: list[Any] = []
    for ln, e in zip(order, edges, strict=True):
        boxes = units.get(id(ln))
        if boxes is None:
            out.append(ln)
            out_edges.append(e)
            continue
        for box in boxes:
            sub, sub_edges = read(box)
            base = column
            for s, se in zip(sub, sub_edges, strict=True):
                out.append(s)
                out_edges.append(dataclasses.replace(se, column=base + max(se.column, 0), region=e.region))
                column = max(column, base + max(se.column, 0) + 1)
    return out, out_edges


def split_at_boxes(groups: list[Any]) -> list[Any]:
    """The groups cut where their lines pass from one box to another (or in or out of a box), and the paragraphs of
    one box joined where a line of it goes on right under the one before (a centred box's first line is its widest:
    the next one looked indented); a list item or a line set apart by white opens a block of its own."""
    out: list[Any] = []
    for g in groups:
        lines = g.lines
        if not lines or not any(getattr(ln, "box", None) for ln in lines):
            out.append(g)
            continue
        cuts = [k for k in range(1, len(lines)) if _key(lines[k]) != _key(lines[k - 1])]
        parts = [g] if not cuts else [dataclasses.replace(g, lines=lines[: cuts[0]])] + [
            dataclasses.replace(g, kind="paragraph", lines=lines[a:b], legal=None, note=False, level=0)
            for a, b in zip(cuts, [*cuts[1:], len(lines)], strict=True)]  # what follows a cut is a paragraph of its own
        for part in parts:
            prev = out[-1] if out else None
            if prev is not None and prev.kind == part.kind == "paragraph" and prev.lines and not part.note \
                    and getattr(part.lines[0], "box", None) is not None and _key(prev.lines[-1]) == _key(part.lines[0]) \
                    and 0 <= part.lines[0].top - prev.lines[-1].bottom <= NEXT_LINE * (prev.lines[-1].bottom - prev.lines[-1].top):
                prev.lines = prev.lines + part.lines
                continue
            out.append(part)
    return out


def _key(line: Any) -> tuple[int, Any]:
    """The page and the box of a line (boxes are numbered on each page)."""
    return line.page, getattr(line, "box", None)
