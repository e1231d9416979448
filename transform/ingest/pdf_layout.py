"""Page layout: columns, their reading order and their text edges.

pdfium gives lines in content-stream order. Most producers write a column after the other,
but not all (a page laid out in frames, a sidebar, a two-column plan whose frames were
drawn row by row), so a page in columns is put in reading order here: column after column,
left to right for a French page and right to left for an Arabic one, with lines that span
the columns (a title, a full-width paragraph) cutting the page into bands read in turn.

Columns are found from the lines themselves: on a page in columns most lines are narrow
(under 60 % of the text width) and their x extents leave a gutter, an empty strip with
lines on both sides at the same heights. A single-column page (most lines wide) costs one
pass over its lines and keeps pdfium's order.

Each line also gets the edges of its column (where its lines usually start and end), which
block grouping uses to see indents and short last lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import TypeVar

from .base import TextLine
from .pdf_boxes import collapse_rows, expand_rows
from .pdf_half_titles import title_first
from .pdf_regions import Halves, open_strips, spread_halves, strips

MIN_LINES = 6  # fewer candidate lines: a page too sparse to tell columns
NARROW = 0.6  # a line narrower than this share of the text width may belong to a column
MIN_GUTTER = 6.0  # points
NOTE_SIZE = 0.9  # footnotes are set smaller than this share of the body size
# a footnote's own number (or mark) opening its first line: "1 Plan de...", "(2) ...", "3- ...", "* ..."
NOTE_START = re.compile(r"\s*(?:[(\[]?\d{1,3}(?!\d)[)\].\-–]?|[*†‡])")
CLOSING = frozenset(".,;:!?؟،؛)»”’%")  # signs that close what comes before them (a stray one goes at a line's end)
L = TypeVar("L", bound=TextLine)


@dataclass(frozen=True)
class Edges:
    """Where the lines of a column usually start and end (x, PDF points) and its index (0 for a single column)."""

    left: float
    right: float
    column: int = 0
    region: int = 0  # 1, 2...: the region of a page read in regions (a spread's half), 0 for a page read whole

    @property
    def width(self) -> float:
        return self.right - self.left


def _rtl(line: TextLine) -> bool:
    return bool(getattr(line, "rtl", False))


def gutters(lines: list[TextLine]) -> list[tuple[float, float]]:
    """Empty vertical strips between columns (x0, x1), left to right; [] for a single column."""
    cand = [ln for ln in lines if ln.x1 - ln.x0 > 20 and len(ln.text) >= 8]
    if len(cand) < MIN_LINES:
        return []
    xmin = min([ln.x0 for ln in cand])
    xmax = max([ln.x1 for ln in cand])  # (every candidate's x1 is past its x0)
    width = xmax - xmin
    limit = NARROW * width
    narrow = [ln for ln in cand if ln.x1 - ln.x0 < limit]
    if len(narrow) < MIN_LINES or len(narrow) < 0.6 * len(cand):
        return []  # most lines are wide: one column (the common case ends here)
    # strips that (almost) no narrow line covers: a centred title may cross the gutter
    out = []
    for a, b in open_strips(narrow, max(1, len(narrow) // 20)):
        if b - a < max(MIN_GUTTER, 0.02 * width) or a <= xmin + 1 or b >= xmax - 1:
            continue
        a_in, b_in = a + 0.5, b - 0.5
        left = [ln for ln in narrow if ln.x1 <= a_in]
        right = [ln for ln in narrow if ln.x0 >= b_in]
        if len(left) < 3 or len(right) < 3:
            continue
        # side by side: the two sides share heights (not a caption under a block)
        if min([ln.top for ln in right]) > max([ln.bottom for ln in left]) or min([ln.top for ln in left]) > max([ln.bottom for ln in right]):
            continue
        out.append((a, b))
    return out


def _edges(lines: list[TextLine], column: int) -> Edges:
    """A column's usual start and end: the x0 and x1 most of its lines reach (10th / 90th percentile)."""
    xs0 = sorted([ln.x0 for ln in lines])
    xs1 = sorted([ln.x1 for ln in lines])
    k = len(xs0) // 10
    return Edges(xs0[k], xs1[len(xs1) - 1 - k], column)


def _body_size(lines: list[TextLine]) -> float:
    """The size most characters of the page are set in."""
    raw: dict[float, int] = {}
    for ln in lines:  # counted by the size as read, then by the rounded size: a page has a few sizes, round() is slow
        size = ln.size
        raw[size] = raw.get(size, 0) + len(ln.text)
    sizes: dict[float, int] = {}
    for size, count in raw.items():  # rounded sizes in the order of their first line, as counting line by line
        key = round(size, 1)
        sizes[key] = sizes.get(key, 0) + count
    return max(sizes.items(), key=itemgetter(1))[0] if sizes else 0.0  # the first of equals, as Counter.most_common


def foot_notes(lines: list[TextLine], where: list[int]) -> set[int]:
    """Indexes of the footnotes at the foot of a page in columns, to be read after every column.

    In a column, the lines under its body that are set smaller than the page's body text,
    stand apart from it (a gap) and lie in the lowest part of the page; the run opens with a
    note number (``1 Plan de ...``), or starts at the height of such a run in another column
    (a note going on from the foot of the left column into the right one). Text read
    column by column would otherwise put the left column's notes between the two columns.
    """
    sizes = [ln.size for ln in lines]
    set_sizes = [x for x in sizes if x > 0]
    if not set_sizes or min(set_sizes) > NOTE_SIZE * round(max(sizes), 1):
        return set()  # nothing set small even beside the largest size (the body is no larger): no notes
    body = _body_size(lines)
    small = NOTE_SIZE * body  # (the bound of every size test below)
    if body <= 0 or not any(0 < x <= small for x in sizes):
        return set()  # nothing set small: no notes (most pages stop here)
    tops = [ln.top for ln in lines]
    ymin = min(tops)
    ymax = max([ln.bottom for ln in lines])
    low = ymin + 0.6 * (ymax - ymin)
    if any(k < 0 and top >= low for top, k in zip(tops, where, strict=True)):
        return set()  # a line across the columns at the foot: not a foot of columns
    runs: dict[int, list[int]] = {}
    columns: dict[int, list[int]] = {}
    for i, k in enumerate(where):
        if k >= 0:
            columns.setdefault(k, []).append(i)
    for k, idx in columns.items():
        idx.sort(key=tops.__getitem__)
        j = len(idx)
        while j > 0 and 0 < sizes[idx[j - 1]] <= small:
            j -= 1
        if j == len(idx) or j == 0 or lines[idx[j]].top < low:
            continue
        if lines[idx[j]].top - lines[idx[j - 1]].bottom < 0.5 * body:
            continue  # no room above: small print of the column itself (a caption, a source)
        runs[k] = idx[j:]
    opened = [lines[r[0]].top for r in runs.values() if NOTE_START.match(lines[r[0]].text)]
    if not opened:
        return set()
    return {i for r in runs.values() if any(abs(lines[r[0]].top - t) <= body for t in opened) or NOTE_START.match(lines[r[0]].text) for i in r}


def _at_end(line: TextLine, mark: TextLine) -> bool:
    """Does ``mark`` stand just past the end of ``line`` (left of a right-to-left line, right of a left-to-right one)?"""
    room = 2.0 * max(line.size, 1.0)
    if _rtl(line):
        return line.x0 - room <= mark.x1 <= line.x0 + 1.0
    return line.x1 - 1.0 <= mark.x0 <= line.x1 + room


def stray_marks(lines: list[L]) -> list[L]:
    """A stop or a vowel sign that the text layer set on a line of its own (the full stop of a right-to-left
    line set a little lower than its words, a tanwin drawn apart): a closing sign level with a line's end
    goes at that end (the line's last character in logical order); a vowel sign beside no line is dropped
    (alone, it would cut the paragraph it stands in). Other short lines (a bullet before its item, a dash,
    a lone number) stay as they are."""
    short = [k for k, ln in enumerate(lines) if len(ln.text) <= 3 and ln.text.strip() and all(_closing(c) for c in ln.text.strip())]
    if not short:
        return lines  # most pages
    out = list(lines)
    gone: set[int] = set()
    for k in short:
        mark = lines[k]
        mid = (mark.top + mark.bottom) / 2
        hosts = [j for j, ln in enumerate(lines) if j != k and j not in gone and ln.top <= mid <= ln.bottom and len(ln.text) > 3]
        end = next((j for j in hosts if _at_end(lines[j], mark)), None)
        if end is not None:
            out[end] = replace(out[end], text=out[end].text.rstrip() + mark.text.strip())
            gone.add(k)
        elif not hosts and all(unicodedata.category(c) == "Mn" for c in mark.text.strip()):
            gone.add(k)
    return [ln for k, ln in enumerate(out) if k not in gone] if gone else lines


def _closing(c: str) -> bool:
    return c in CLOSING or unicodedata.category(c) == "Mn"


def reading_order(lines: list[L], wide: bool = False) -> tuple[list[L], list[Edges]]:
    """The page's lines in reading order and, for each, the edges of its column; a ``wide`` page (landscape) that
    is a spread or a slide in two halves is read half by half (:mod:`pdf_regions`)."""
    if not lines:
        return lines, []
    lines = stray_marks(lines)
    if (rows := collapse_rows(lines)) is not None:  # rows of drawn boxes: each row one unit, each box read whole (pdf_boxes)
        order, edges = reading_order(rows[0], wide)
        return expand_rows(order, edges, rows[1], _read_columns)
    if wide:
        rtl = sum(1 for ln in lines if _rtl(ln)) * 2 > len(lines)
        split = [part for ln in lines for part in (getattr(ln, "parts", None) or [ln])]
        halves = spread_halves(split, rtl)
        if halves is None and len(split) > len(lines):
            halves = spread_halves(lines, rtl)
        if halves is not None:
            return _read_halves(halves)
    return _read_columns(lines)


def _read_halves(halves: Halves) -> tuple[list[L], list[Edges]]:
    """The two halves of a spread one after the other, each in its columns (per strip when the strips show more
    columns than the whole half); column numbers run on from one region to the next. An article whose columns run
    on across the spread's gutter (the first half cut into strips, the second half's first column set like the
    first strip's columns and ending above the second strip) is read on before the first half's next strip."""
    first = _half_parts(halves.first)
    second = halves.second
    at, run = _run_on(first, second)
    if run:
        first = [*first[: at + 1], run, *first[at + 1 :]]
        taken = {id(ln) for ln in run}
        second = [ln for ln in second if id(ln) not in taken]
    regions: list[tuple[int, list[list[L]]]] = [(1, [halves.top]), (2, first), (3, [halves.middle]), (4, _half_parts(second)), (5, [halves.foot])]
    out: list[L] = []
    out_edges: list[Edges] = []
    for region, parts in regions:
        for part in parts:
            if not part:
                continue
            order, edges = _read_columns(part)
            if region == 4 and len(parts) == 1:  # a right-hand page's title atop its last column (pdf_half_titles)
                order, edges = title_first(order, edges)
            base = 1 + max((e.column for e in out_edges), default=-1)
            out.extend(order)
            out_edges.extend(replace(e, column=base + e.column if e.column >= 0 else e.column, region=region) for e in edges)
    return out, out_edges


def _half_parts(half: list[L]) -> list[list[L]]:
    """A half as one part, or as its strips when they show more columns than the whole half."""
    if not half:
        return []
    cut = strips(half)
    if len(cut) > 1 and max(len(gutters(s)) for s in cut) > len(gutters(half)):
        return cut
    return [half]


def _run_on(first: list[list[L]], second: list[L]) -> tuple[int, list[L]]:
    """The first half's first strip in columns (its index) and the lines of the second half's first column that
    continue it (see :func:`_read_halves`); ``(0, [])`` when there are none."""
    at = next((k for k, part in enumerate(first[:-1]) if gutters(part)), None)
    if at is None or not second:
        return 0, []
    order, edges = _read_columns(second)
    column = edges[0].column
    limit = min(ln.top for ln in first[at + 1])
    run: list[L] = []
    for ln, e in zip(order, edges, strict=True):
        if e.column != column or ln.bottom >= limit:
            break
        run.append(ln)
    if len(run) < MIN_LINES:
        return 0, []
    order0, edges0 = _read_columns(first[at])
    body = [ln for ln, e in zip(order0, edges0, strict=True) if e.column >= 0]
    if len(body) < MIN_LINES:
        return 0, []
    width = sorted(ln.x1 - ln.x0 for ln in body)[len(body) // 2]
    size = sorted(ln.size for ln in body)[len(body) // 2]
    run_width = sorted(ln.x1 - ln.x0 for ln in run)[len(run) // 2]
    run_size = sorted(ln.size for ln in run)[len(run) // 2]
    if abs(run_width - width) > 0.15 * width or abs(run_size - size) > 0.3:
        return 0, []
    return at, run


def _stacked(band: list[list[int]], lines: list[L]) -> bool:
    """Are a band's lines in two or more columns, no line of one column level with a line of another? A gutter
    found on a one-column page (a short last line and signatures at the right, the date line and the first
    signature at the left, one under the other) would read the right-hand block before the lines above it."""
    used = [b for b in band if b]
    if len(used) < 2:
        return False
    spans = sorted((lines[i].top, lines[i].bottom, k) for k, b in enumerate(used) for i in b)
    reach = {k: -1e9 for k in range(len(used))}  # per column: the lowest bottom seen so far
    for top, bottom, k in spans:
        if any(r > top + 0.5 for c, r in reach.items() if c != k):
            return False  # level with a line of another column: columns side by side
        reach[k] = max(reach[k], bottom)
    return True


def _read_columns(lines: list[L]) -> tuple[list[L], list[Edges]]:
    """The lines of a page (or of a region) column after column, in bands cut by the lines across the columns."""
    if any(getattr(ln, "parts", None) for ln in lines):  # lines pdfium joined across a gutter (pdf_line_cuts.column_parts)
        split = [part for ln in lines for part in (getattr(ln, "parts", None) or [ln])]
        if gutters(split):
            lines = split
    cuts = gutters(lines)
    if not cuts:
        edges = _edges(lines, 0)
        return lines, [edges] * len(lines)
    mids = [(a + b) / 2 for a, b in cuts]
    rtl = sum(1 for ln in lines if getattr(ln, "rtl", False)) * 2 > len(lines)  # (_rtl on every line)

    def column_of(ln: TextLine) -> int:
        k = 0
        for mid in mids:
            if ln.x1 <= mid:
                return k
            if ln.x0 < mid:
                return -1  # crosses a gutter: spans the columns
            k += 1
        return k

    if len(mids) == 1:  # two columns: column_of written out
        mid = mids[0]
        where = [0 if ln.x1 <= mid else -1 if ln.x0 < mid else 1 for ln in lines]
    else:
        where = [column_of(ln) for ln in lines]
    notes = foot_notes(lines, where)
    members: dict[int, list[TextLine]] = {}
    for ln, k in zip(lines, where, strict=True):
        members.setdefault(k, []).append(ln)
    col_edges = {k: _edges(v, k) for k, v in members.items()}
    tops = [ln.top for ln in lines]
    order = sorted(range(len(lines)), key=tops.__getitem__)
    out: list[L] = []
    out_edges: list[Edges] = []
    band: list[list[int]] = [[] for _ in range(len(cuts) + 1)]  # the current band's lines, per column
    col_order = sorted(range(len(cuts) + 1), reverse=rtl)

    def flush() -> None:
        if _stacked(band, lines):  # "columns" that never share a height: one column's blocks set apart, read top down
            held = sorted((i for b in band for i in b), key=tops.__getitem__)
            out.extend([lines[i] for i in held])
            out_edges.extend([col_edges[where[i]] for i in held])
            for b in band:
                b.clear()
            return
        for k in col_order:
            held = band[k]
            if held:
                out.extend([lines[i] for i in held])
                out_edges.extend([col_edges[k]] * len(held))
                held.clear()

    for i in order:
        k = where[i]
        if k < 0:
            if i in notes:
                continue
            flush()
            out.append(lines[i])
            out_edges.append(col_edges[-1])
        elif not notes or i not in notes:
            band[k].append(i)
    flush()
    if notes:  # the footnotes under the columns, column after column
        for i in order:
            if i in notes:
                band[where[i]].append(i)
        flush()
    return out, out_edges
