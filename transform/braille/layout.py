"""Page layout for embossers and displays: fixed cells per line and lines per page.

Rules (docs/braille.md, "Layout"):

* braille is written left to right in logical order for every language,
  Arabic included (Arabic braille is read left to right); nothing is mirrored;
* a line never has more than ``width`` cells and a page never more than
  ``height`` lines; words are never split unless a word is longer than a line;
* the braille page number is on the last line of each page, at the right margin
  (``page_number_position="top"`` puts it on the first line); that line holds
  nothing else;
* paragraphs: first line indented 2 cells, run-over lines at the margin;
* headings: a blank line before; levels 1-2 centred (level 1 also followed by a
  blank line), level 3+ start in cell 5; a heading is never the last text line
  of a page (it moves to the next page with its first line of text);
* list items: marker then text, ``2 x depth`` cells in, run-overs 2 cells further
  in (hanging indent); table lines: first cell of a row at the margin, the other
  cells in cell 3, run-overs 2 cells further in;
* blank lines are never put at the top of a page.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ._louis import speedups
from .engine import BLANK, Translated
from .linearize import Unit

_speed = speedups()  # the compiled row builder, or None


@dataclass
class Page:
    number: int
    rows: list[str]  # printed rows, page-number row included; a blank cell is U+2800
    sections: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


@dataclass
class SectionSpan:
    section_id: str
    title: str
    first_page: int
    last_page: int


@dataclass
class BrailleBook:
    """A paginated braille document in one language."""

    lang: str
    tables: list[str]
    width: int
    height: int
    pages: list[Page]
    title: str = ""
    sections: list[SectionSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page_numbers: bool = True
    page_number_position: str = "bottom"
    volume_starts: list[int] = field(default_factory=lambda: [1])  # first braille page of each PEF volume

    def volumes(self) -> list[tuple[int, int]]:
        """(first, last) braille page of each PEF volume; one volume (possibly empty) at least."""
        n = len(self.pages)
        starts = [s for s in self.volume_starts if 1 <= s <= n] or [1]
        return list(zip(starts, [s - 1 for s in starts[1:]] + [n], strict=True))

    def text(self) -> str:
        """All rows of all pages (Unicode braille), pages separated by a form feed."""
        return "\f".join("\n".join(p.rows) for p in self.pages)


def volume_starts(pages: int, section_starts: list[int], per_volume: int) -> list[int]:
    """First page of each volume: at most ``per_volume`` pages each (0: one volume).

    A volume ends before a section that starts in its last quarter (the latest such section);
    otherwise it is full. Page numbers run on across volumes.
    """
    starts = [1]
    if per_volume <= 0:
        return starts
    cuts = sorted(set(section_starts))
    first = 1
    while pages - first + 1 > per_volume:
        limit = first + per_volume  # the next volume may start here at the latest
        near = [p for p in cuts if limit - per_volume // 4 <= p <= limit and p > first]
        first = near[-1] if near else limit
        starts.append(first)
    return starts


@lru_cache(maxsize=64)
def _line_re(width: int) -> re.Pattern[str]:
    """One line of at most ``width`` cells: skip blanks, then the longest run that ends on a non-blank
    cell followed by a blank (or the end); failing that (a word longer than the line), ``width`` cells."""
    return re.compile(f"(?s){BLANK}*+(.{{0,{width - 1}}}[^{BLANK}](?={BLANK}|\\Z)|.{{{width}}})")


def _wrap(cells: str, first: int, rest: int) -> list[re.Match[str]]:
    """Greedy word wrap as regex matches (``group(1)`` the line, ``start(1)`` its offset); ``cells`` is stripped."""
    first, rest = max(first, 1), max(rest, 1)
    if first == rest:
        return list(_line_re(rest).finditer(cells))
    m = _line_re(first).match(cells)
    if m is None:
        return []
    out = [m]
    out.extend(_line_re(rest).finditer(cells, m.end()))
    return out


def _wrap_lines(cells: str, first: int, rest: int) -> list[str]:
    """The lines of :func:`_wrap` only (no match objects)."""
    first, rest = max(first, 1), max(rest, 1)
    if first == rest:
        return _line_re(rest).findall(cells)
    m = _line_re(first).match(cells)
    if m is None:
        return []
    out = [m[1]]
    out.extend(_line_re(rest).findall(cells, m.end()))
    return out


def wrap(cells: str, first: int, rest: int) -> list[tuple[int, str]]:
    """Greedy word wrap: ``(offset, line)`` pairs; ``first``/``rest`` are the available widths.

    A line breaks at the last blank cell that fits; a word longer than the width is cut.
    """
    cells = cells.strip(BLANK)
    n = len(cells)
    if n <= first:
        return [(0, cells)] if cells else []
    return [(m.start(1), m.group(1)) for m in _wrap(cells, first, rest)]


def _lines_py(cells: str, width: int, first_indent: int, rest_indent: int, centre: bool) -> list[str]:
    """The rows of one paragraph: stripped, wrapped at blank cells, each row indented (or centred).

    The reference for ``_speed.lines`` (transform/braille/_speed.c), used when that extension is not built.
    """
    w = width
    first_indent = min(first_indent, w - 1)
    rest_indent = min(rest_indent, w - 1)
    text = cells.strip(BLANK)
    if not text:
        return []
    if len(text) <= w - first_indent:  # one line
        return [BLANK * ((w - len(text)) // 2 if centre else first_indent) + text]
    texts = _wrap_lines(text, w - first_indent, w - rest_indent)
    if centre:
        return [BLANK * ((w - len(t)) // 2) + t for t in texts]
    lines = list(map((BLANK * rest_indent).__add__, texts)) if rest_indent else texts[:]
    if first_indent != rest_indent:
        lines[0] = BLANK * first_indent + texts[0]
    return lines


_lines = _speed.lines if _speed is not None else _lines_py


class Paginator:
    """Fill pages line by line; page-number rows are added at the end (one liblouis call for all numbers)."""

    def __init__(self, width: int, height: int, page_numbers: Callable[[list[int]], list[str]] | None, top: bool = False) -> None:
        self.width, self.height = width, height
        self.page_numbers = page_numbers
        self.top = top
        self.body = height - 1 if page_numbers else height
        self.pages: list[Page] = []
        self.lines: list[str] = []
        self.cur_sections: list[str] = []
        self.cur_sentences: list[str] = []  # may repeat an id; made unique when the page is closed
        self._marked: tuple[int, str] = (0, "")
        self.spans: dict[str, SectionSpan] = {}
        self.titles: dict[str, str] = {}

    @property
    def page_no(self) -> int:
        return len(self.pages) + 1

    def free(self) -> int:
        return self.body - len(self.lines)

    def new_page(self) -> None:
        if not self.lines and not self.cur_sentences:
            return
        # a sentence split over lines is listed once per page (first occurrence order)
        self.pages.append(Page(len(self.pages) + 1, self.lines, self.cur_sections, list(dict.fromkeys(self.cur_sentences))))
        self.lines, self.cur_sections, self.cur_sentences = [], [], []

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "" and self.free() > 0:
            self.lines.append("")
        if self.free() <= 0:
            self.new_page()

    def _mark(self, section: str) -> None:
        if not section:
            return
        page_no = len(self.pages) + 1
        if self._marked == (page_no, section):  # same section, same page: nothing new
            return
        self._marked = (page_no, section)
        if not self.cur_sections or self.cur_sections[-1] != section:
            self.cur_sections.append(section)
        span = self.spans.get(section)
        if span is None:
            self.spans[section] = SectionSpan(section, self.titles.get(section, ""), page_no, page_no)
        else:
            span.last_page = page_no

    def add_lines(self, lines: list[str], section: str, sids: list[tuple[int, str]] | None = None) -> None:
        """Append lines; ``sids`` are (line index, sentence id) pairs in line order."""
        i, n, k = 0, len(lines), 0
        while i < n:
            free = self.body - len(self.lines)
            if free <= 0:
                self.new_page()
                continue
            j = min(n, i + free)
            self.lines.extend(lines[i:j] if i or j < n else lines)
            self._mark(section)
            if sids:
                cur = self.cur_sentences
                while k < len(sids) and sids[k][0] < j:
                    cur.append(sids[k][1])
                    k += 1
            i = j

    def place(self, tr: Translated, section: str, first_indent: int, rest_indent: int, centre: bool = False) -> list[str]:
        """Wrap one translated paragraph and put it on the pages; returns the lines."""
        cells = tr.cells
        lines = _lines(cells, self.width, first_indent, rest_indent, centre)
        n = len(lines)
        if not n:
            return lines
        if n <= self.body - len(self.lines):  # fits on this page (the usual case): no line bookkeeping
            self.lines.extend(lines)
            self._mark(section)
            if tr.starts:
                self.cur_sentences.extend([sid for _, sid in tr.starts])
            return lines
        sids: list[tuple[int, str]] = []
        if tr.starts:
            if n == 1:
                sids = [(0, sid) for _, sid in tr.starts]
            else:
                text = cells.strip(BLANK)
                offsets, find, pos = [], text.find, 0
                for line in lines:  # where each line starts in the cells (only blanks lie between lines)
                    t = line.lstrip(BLANK)
                    pos = find(t, pos)
                    offsets.append(pos)
                    pos += len(t)
                lead = len(cells) - len(cells.lstrip(BLANK))
                sids = [(max(bisect_right(offsets, off - lead) - 1, 0), sid) for off, sid in tr.starts]  # starts ascend
        self.add_lines(lines, section, sids)
        return lines

    def finish(self) -> list[Page]:
        self.new_page()
        if self.page_numbers and self.pages:
            numbers = self.page_numbers([p.number for p in self.pages])
            for page, num in zip(self.pages, numbers, strict=True):
                num = num[: self.width]
                row = BLANK * (self.width - len(num)) + num
                if self.top:
                    page.rows = [row, *page.rows]
                else:
                    page.rows = page.rows + [""] * (self.body - len(page.rows)) + [row]
        return self.pages


def lay_out(
    units: list[Unit],
    translated: list[Translated],
    markers: list[str | None],
    titles: list[str],
    paginator: Paginator,
) -> tuple[list[Page], list[SectionSpan]]:
    """Place translated units on pages; ``markers`` are list markers in braille, ``titles`` print heading text."""
    pg = paginator
    for unit, tr, marker, title in zip(units, translated, markers, titles, strict=True):
        sec = unit.section_id
        if unit.kind == "heading" and sec not in pg.titles:
            pg.titles[sec] = title
            if sec in pg.spans and not pg.spans[sec].title:
                pg.spans[sec].title = title
        if unit.kind == "gap":
            pg.blank()
            continue
        if not tr.cells:
            continue
        if unit.kind in ("heading", "title"):
            centre = unit.kind == "title" or unit.level <= 2
            indent = 0 if centre else 4
            blank_after = unit.kind == "title" or unit.level == 1
            need = len(wrap(tr.cells, pg.width - indent, pg.width - indent)) + (2 if blank_after else 1)
            if pg.lines:
                pg.blank()
            if pg.free() < need:
                pg.new_page()
            pg.place(tr, sec, indent, indent, centre=centre)
            if blank_after:
                pg.blank()
        elif unit.kind == "item":
            depth = 2 * unit.level
            cells = (marker + BLANK if marker else "") + tr.cells
            shift = len(cells) - len(tr.cells)
            pg.place(Translated(cells, [(o + shift, s) for o, s in tr.starts]), sec, depth, depth + 2)
        elif unit.kind == "cell":
            indent = 0 if unit.level == 0 else 2
            pg.place(tr, sec, indent, indent + 2)
        else:
            pg.place(tr, sec, 2, 0)
    pages = pg.finish()
    return pages, list(pg.spans.values())
