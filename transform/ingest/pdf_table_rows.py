"""The cheap table test: visual rows of a page and the runs of rows that may be a table.

Everything here works on what :mod:`pdf_text` already read for every line (extent,
baseline, size, the x extents of its runs); no pdfium call is made. A page costs a sort
and a pass over its lines.

* **Visual rows**: lines on one baseline (or overlapping most of their height) form a
  row; pdfium often emits the cells of one table row, or the lines of side-by-side
  columns, as separate lines.
* A row is **table-like** when it has two or more runs once a list marker (bullet,
  ``1.``) is set aside, and is not **prose**: the lines of a multi-column page carry long
  runs of words (on average at least :data:`PROSE_WORDS` words and
  :data:`PROSE_CHARS` characters per run), table cells are short labels and numbers.
* A **run** is a stack of table-like rows (single-run rows may sit between them: wrapped
  cells, and one line at a time of words, a section title row) whose gaps line up: some x is inside a gap of at least
  three of them and of most of them. Only runs, and ruled grids holding table-like rows,
  go on to the costly steps (:mod:`pdf_table_text`, :mod:`pdf_table_grid`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .pdf_text import PdfLine

PROSE_WORDS = 5.0  # words per run of a prose line (a column of running text)
PROSE_CHARS = 28.0  # characters per run of a prose line
MIN_ROWS = 3  # table-like rows in a run without ruling lines
TEXT_COLUMN = 10.0  # x font size: a column at least this wide, filled edge to edge, is running text
MARKER = re.compile(r"^(?:[•◦▪▫●○■□‣⁃∙·❖➢✓\-–—*\uf0b7\uf0a7\uf076\uf0d8\uf0fc]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|[\u0660-\u0669]{1,2}[.)\-]|[أبجدهوزحطي][.)\-])(?:\s|$)")
LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}|_{4,}|(?:-\s?){6,}")


@dataclass
class Row:
    """One visual row: the lines that share a baseline, with their merged runs (x extents)."""

    lines: list[PdfLine]
    top: float
    bottom: float
    size: float
    segments: list[tuple[float, float]] = field(default_factory=list)
    prose: bool = False
    leader: bool = False

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    @property
    def split(self) -> bool:
        """Two runs or more (cells side by side, or columns of text)."""
        return len(self.segments) >= 2 and not self.leader

    @property
    def table_like(self) -> bool:
        return len(self.segments) >= 2 and not self.prose and not self.leader


def line_size(ln: PdfLine) -> float:
    """The line's font size, or an estimate from its height when pdfium reports a size that
    cannot be right (fonts set at size 1 and scaled by the text matrix report 1.0)."""
    height = ln.bottom - ln.top
    if ln.size and ln.size >= 3.0 and (height <= 0 or ln.size <= 4.0 * height):
        return float(ln.size)
    return max(0.8 * height, 4.0) if height > 0 else 10.0


def _line_segments(ln: PdfLine) -> list[tuple[float, float]]:
    size = line_size(ln)
    segs = _merge(list(ln.segments) or [(ln.x0, ln.x1)], 1.5 * size)  # as pdf_text cut them, with a size that is right
    if len(segs) >= 2 and MARKER.match(ln.text):
        k = -1 if ln.rtl else 0  # the marker sits at the start of the line: right for right-to-left lines
        if segs[k][1] - segs[k][0] <= 2.0 * size:
            segs.pop(k)
    return segs


def _prose_line(ln: PdfLine, segs: list[tuple[float, float]]) -> bool:
    """Long runs of words: on average per run, and in the narrowest run too (its share of the
    line's characters estimated from its width), so that a long label beside a short amount
    is not prose."""
    n = max(len(segs), 1)
    words, chars = len(ln.text.split()), len(ln.text)
    if words / n < PROSE_WORDS or chars / n < PROSE_CHARS:
        return False
    if n == 1:
        return True
    total = sum(b - a for a, b in segs) or 1.0
    narrow = min(b - a for a, b in segs) / total
    return chars * narrow >= PROSE_CHARS / 2


def visual_rows(lines: list[PdfLine]) -> list[Row]:
    """The page's lines grouped into rows (top to bottom)."""
    rows: list[Row] = []
    for ln in sorted(lines, key=lambda x: x.baseline or x.bottom):
        size = line_size(ln)
        last = rows[-1] if rows else None
        if last is not None:
            overlap = min(last.bottom, ln.bottom) - max(last.top, ln.top)
            base = last.lines[-1].baseline or last.lines[-1].bottom
            if abs((ln.baseline or ln.bottom) - base) <= 0.3 * size or overlap >= 0.5 * min(ln.bottom - ln.top, last.bottom - last.top):
                last.lines.append(ln)
                last.top, last.bottom = min(last.top, ln.top), max(last.bottom, ln.bottom)
                last.size = max(last.size, size)
                continue
        rows.append(Row([ln], ln.top, ln.bottom, size))
    for row in rows:
        segs: list[tuple[float, float]] = []
        prose = True
        for ln in row.lines:
            mine = _line_segments(ln)
            segs.extend(mine)
            prose = prose and _prose_line(ln, mine)
            row.leader = row.leader or bool(LEADER.search(ln.text))
        row.segments = _merge(segs, 0.5 * row.size)
        row.prose = prose
    return rows


def _merge(segs: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    out: list[list[float]] = []
    for a, b in sorted(segs):
        if out and a - out[-1][1] <= gap:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def aligned(rows: list[Row]) -> bool:
    """Some x lies in a gap between runs of at least :data:`MIN_ROWS` of the table-like
    rows and of at least 60 % of them (column gaps line up; justified prose does not)."""
    events: list[tuple[float, int]] = []
    n = 0
    for row in rows:
        if not row.table_like:
            continue
        n += 1
        for (_, a), (b, _) in zip(row.segments, row.segments[1:], strict=False):
            if b - a >= 0.5 * row.size:
                events += [(a, 1), (b, -1)]
    depth = best = 0
    for _, d in sorted(events, key=lambda e: (e[0], e[1])):
        depth += d
        best = max(best, depth)
    return best >= MIN_ROWS and best >= 0.6 * n


def running_text(rows: list[Row]) -> bool:
    """Text set in columns: two or more wide columns (at least :data:`TEXT_COLUMN` x the font
    size) whose lines mostly run from edge to edge (justified, or nearly so)."""
    segs = sorted(s for r in rows for s in r.segments)
    if not segs:
        return False
    size = sorted(r.size for r in rows)[len(rows) // 2]
    columns: list[list[tuple[float, float]]] = []
    hi = -1e9
    for a, b in segs:
        if columns and a <= hi:
            columns[-1].append((a, b))
            hi = max(hi, b)
        else:
            columns.append([(a, b)])
            hi = b
    full = 0
    for col in columns:
        lo, top = min(a for a, _ in col), max(b for _, b in col)
        width = top - lo
        if width >= TEXT_COLUMN * size and len(col) >= 3 and sum(1 for a, b in col if b - a >= 0.9 * width) >= 0.6 * len(col):
            full += 1
    return full >= 2


def _may_sit_in(cur: list[Row], row: Row) -> bool:
    """A single-run row may sit inside a table: a wrapped cell line (not prose), or one
    line of words (a section title row), never two prose lines in a row."""
    return not row.prose or cur[-1].table_like


def table_runs(rows: list[Row]) -> list[list[Row]]:
    """Stacks of table-like rows that may be a table without ruling lines."""
    runs: list[list[Row]] = []
    cur: list[Row] = []

    def close() -> None:
        # trailing single-run rows belong to the text after the table, unless they sit closer
        # to the row above than the table's rows sit to each other (the wrapped last cell)
        like = [r for r in cur if r.table_like]
        steps = [b.top - a.bottom for a, b in zip(like, like[1:], strict=False)]
        tight = min(steps) - 1.0 if steps else 0.0
        end = len(cur)
        while end and not cur[end - 1].table_like:
            end -= 1
        while end < len(cur) and cur[end].top - cur[end - 1].bottom < tight:
            end += 1
        del cur[end:]
        if sum(r.table_like for r in cur) >= MIN_ROWS and aligned(cur) and not running_text(cur):
            runs.append(list(cur))
        cur.clear()

    for row in rows:
        near = not cur or row.top - cur[-1].bottom <= 2.5 * row.size
        if row.table_like and near:
            cur.append(row)
        elif cur and near and not row.leader and len(row.segments) == 1 and _may_sit_in(cur, row):
            cur.append(row)  # a wrapped cell line, or a section title row, between two table rows
        else:
            close()
            if row.table_like:
                cur.append(row)
    close()
    return runs
