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
from bisect import bisect_left
from dataclasses import dataclass, field

from .pdf_regions import open_extents
from .pdf_text import PdfLine

PROSE_WORDS = 5.0  # words per run of a prose line (a column of running text)
PROSE_CHARS = 28.0  # characters per run of a prose line
TALL = 8.0  # x font size: a line taller than this holds characters of rows far apart (two rows merged stay a row)
MIN_ROWS = 3  # table-like rows in a run without ruling lines
TEXT_COLUMN = 10.0  # x font size: a column at least this wide, filled edge to edge, is running text
MARKER = re.compile(r"^(?:[•◦▪▫●○■□‣⁃∙·❖➢✓\-–—*\uf0b7\uf0a7\uf076\uf0d8\uf0fc]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|[\u0660-\u0669]{1,2}[.)\-]|[أبجدهوزحطي][.)\-])(?:\s|$)")
LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}|_{4,}|(?:-\s?){6,}")
BLANK_FIELD = re.compile(r"^\s*(?:(?:\.\s?){4,}|…{2,}|_{4,})\s*$")  # a line that is only a field to fill in
# A label, then dots or a rule to fill in. The label starts with what precedes the first word character
# (``[^\w\n]*\w``, where ``.*?\w`` would try every word character in turn: cubic on a long line of dots that
# fails) and ends where the field starts, at the first place it can (the same label as ``.*?\w.*?``).
FIELD_AFTER_LABEL = re.compile(r"^(?P<label>[^\w\n]*\w.*?)\s*[.…_](?:\s?[.…_]){3,}\s*$")
FIELD_END = ".…_"  # the last character but spaces of a line that ends with a field to fill in


@dataclass
class Row:
    """One visual row: the lines that share a baseline, with their merged runs (x extents).
    Whether it is prose, or a line of dot leaders, is worked out when first asked."""

    lines: list[PdfLine]
    top: float
    bottom: float
    size: float
    segments: list[tuple[float, float]] = field(default_factory=list)
    _prose: bool | None = None
    _leader: bool | None = None

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    @property
    def prose(self) -> bool:
        if self._prose is None:
            self._prose = all(_prose_line(ln, _line_segments(ln)) for ln in self.lines)
        return self._prose

    @property
    def leader(self) -> bool:
        if self._leader is None:
            self._leader = any(LEADER.search(ln.text) for ln in self.lines)
        return self._leader

    @property
    def split(self) -> bool:
        """Two runs or more (cells side by side, or columns of text). A row of dot leaders is
        not, unless two of its lines are blank fields side by side (the empty cells of a form)
        or its one line is a label then, apart, a field to fill in (a form's row)."""
        return len(self.segments) >= 2 and (not self.leader or self.blank_fields >= 2 or self.labelled_field)

    @property
    def blank_fields(self) -> int:
        """Lines of the row that are nothing but a field to fill in (dots or underscores)."""
        return sum(1 for ln in self.lines if BLANK_FIELD.match(ln.text))

    @property
    def labelled_field(self) -> bool:
        """A label, then apart from it a field to fill in that ends the row (a row of a form:
        "Nom du navire      ........"); a contents line ends with its page number instead."""
        if len(self.lines) != 1 or len(self.lines[0].segments) < 2:
            return False
        text = self.lines[0].text
        last = text.rstrip()[-1:]
        if not last or last not in FIELD_END:  # the line does not end with a field: no search
            return False
        m = FIELD_AFTER_LABEL.match(text)
        return m is not None and not LEADER.search(m["label"])

    @property
    def table_like(self) -> bool:
        return len(self.segments) >= 2 and not self.leader and not self.prose


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
    """The page's lines grouped into rows (top to bottom). Runs on every page: kept lean."""
    rows: list[Row] = []
    last: Row | None = None
    last_base = 0.0
    bases = [ln.baseline or ln.bottom for ln in lines]  # _baseline of each line, read once (no call per line)
    for i in sorted(range(len(lines)), key=bases.__getitem__):
        ln, base = lines[i], bases[i]
        top, bottom = ln.top, ln.bottom
        size = ln.size
        if bottom - top > TALL * size and size >= 3.0:
            continue  # two rows' characters in one line (see merged_rows): it would join every row it spans
        if not (size >= 3.0 and size <= 4.0 * (bottom - top)):
            size = line_size(ln)
        if last is not None:
            ltop, lbottom = last.top, last.bottom
            if abs(base - last_base) <= 0.3 * size or min(lbottom, bottom) - max(ltop, top) >= 0.5 * min(bottom - top, lbottom - ltop):
                last.lines.append(ln)
                if top < ltop:
                    last.top = top
                if bottom > lbottom:
                    last.bottom = bottom
                if size > last.size:
                    last.size = size
                last_base = base
                continue
        last = Row([ln], top, bottom, size)
        last_base = base
        rows.append(last)
    for row in rows:
        if len(row.lines) == 1:
            ln = row.lines[0]
            row.segments = _line_segments(ln) if len(ln.segments) > 1 else [(ln.x0, ln.x1)]
        else:  # a line of one run is its extent (as for a row of one line above): no merge to make
            row.segments = _merge([s for ln in row.lines for s in (_line_segments(ln) if len(ln.segments) > 1 else ((ln.x0, ln.x1),))],
                                  0.5 * row.size)
    return rows


def merged_rows(ln: PdfLine) -> bool:
    """A line far taller than its type: pdfium joined characters of rows far apart (a table's
    row and the header of another table below it, both drawn inside form objects)."""
    return ln.size >= 3.0 and ln.bottom - ln.top > TALL * ln.size


def _baseline(ln: PdfLine) -> float:
    return ln.baseline or ln.bottom


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


def text_columns(rows: list[Row]) -> list[float] | None:
    """x positions between the columns of a page set in columns of running text, or None.

    Gutters are x ranges that (almost) no row covers; the page is in columns when at least
    two of the stretches between them are running text (wide, lines mostly edge to edge).
    Only the gutters beside a column of running text count: a table inside a column keeps
    its own gaps."""
    if len(rows) < 6:
        return None
    size = sorted(r.size for r in rows)[len(rows) // 2]
    tol = max(1, int(0.1 * len(rows)))
    starts = [a for r in rows for a, _ in r.segments]
    ends = [b for r in rows for _, b in r.segments]
    strips = open_extents(starts, ends, tol)  # sorts both lists: the events' first and last x at their ends
    lo = ends[0] if ends[0] <= starts[0] else starts[0]
    hi = starts[-1] if ends[-1] <= starts[-1] else ends[-1]
    gutters = [(a, b) for a, b in strips if lo < a and b < hi and b - a >= size]
    if not gutters:
        return None
    bounds = [(a + b) / 2 for a, b in gutters]
    cols: list[list[tuple[float, float]]] = [[] for _ in range(len(bounds) + 1)]
    for r in rows:
        for a, b in r.segments:
            cols[bisect_left(bounds, (a + b) / 2)].append((a, b))  # bounds ascend: how many lie left of the middle
    full = []
    for col in cols:
        if len(col) < 3:
            full.append(False)
            continue
        lefts, rights = sorted(a for a, _ in col), sorted(b for _, b in col)
        width = rights[len(rights) * 9 // 10] - lefts[len(lefts) // 10]  # an odd line past the edge does not count
        full.append(width >= TEXT_COLUMN * size and sum(1 for a, b in col if b - a >= 0.85 * width) >= 0.4 * len(col))
    if sum(full) < 2:
        return None
    keep = [x for k, x in enumerate(bounds) if full[k] or full[k + 1]]
    return keep or None


def by_columns(rows: list[Row], bounds: list[float]) -> list[Row]:
    """Rows cut at the page's column gutters, column after column (each column top to bottom)."""
    out: list[tuple[int, Row]] = []
    for r in rows:
        parts: dict[int, list[PdfLine]] = {}
        for ln in r.lines:
            parts.setdefault(sum(1 for x in bounds if x < (ln.x0 + ln.x1) / 2), []).append(ln)
        if len(parts) == 1:
            out.append((next(iter(parts)), r))
            continue
        for k, lns in parts.items():
            segs = [(a, b) for a, b in r.segments if sum(1 for x in bounds if x < (a + b) / 2) == k]
            sub = Row(lns, min(ln.top for ln in lns), max(ln.bottom for ln in lns), max(line_size(ln) for ln in lns), segs or [(min(ln.x0 for ln in lns), max(ln.x1 for ln in lns))])
            out.append((k, sub))
    out.sort(key=lambda kr: (kr[0], kr[1].top))
    return [r for _, r in out]


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
