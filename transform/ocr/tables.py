"""Tables on OCR'd pages: ruled grids of the page image (:mod:`tables_grid`) filled with the
lines tesseract read, handed to the PDF ingester as text-layer tables are.

1. The grids of the image tesseract read (the same pixels, so its line boxes fit them).
2. Each OCR'd line whose centre lies in a grid goes to the cell under it. A line that runs
   across a drawn column rule (tesseract's layout joins a label and its price, or a header
   row, into one line) is cut at the rule: its parts are read again as single lines (one
   tesseract call per page for all of them) and the line's own words, in logical order, are
   split where they best match those readings (the page reading keeps its number checks);
   when they do not match, the readings themselves are used.
3. A ruled row whose cells hold several printed lines, one of them a column of numbers
   bound line by line to labels (a price list inside one ruled box), is one row per printed
   line; other cells keep their lines as one text (a wrapped sentence, a list of names).
4. The last word: at least two columns with text; at least two rows with two filled cells,
   or one row of at least three filled cells two of which hold several lines (a grid of
   names); not prose in boxes (long cells). Header cells: the first row of a table of
   several rows when it is short words in two cells or more. Columns are in logical order:
   right to left for an Arabic table.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from itertools import combinations
from math import comb
from typing import TYPE_CHECKING

import numpy as np
from pydantic import PrivateAttr

from ..errors import ToolError
from ..ingest.pdf_table_cells import is_number
from ..ingest.pdf_tables import FoundTable
from ..model import Cell, PageReport, Sentence, Table
from .tables_grid import Grid, GridCell, Ink, find_grids, ink_of

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

log = logging.getLogger("transform.ocr")
CROSS_IN = 0.08  # a line reaching this far (inches) past a drawn column rule runs across it
MATCH = 0.6  # mean similarity under which a cut line takes the re-read parts instead of its words
MAX_CELL_WORDS = 35.0  # mean words per filled cell above which the boxes hold prose, not a table
MAX_HEADER_WORDS = 10
MAX_CUTS = 60  # parts of lines read again per page at most
MAX_CUT_WAYS = 5000  # ways to cut one line tried at most
MAX_EMPTY = 20  # empty cells with ink read again per table at most
EMPTY_INK_IN2 = 0.01  # ink (square inches) that makes an empty cell worth reading
EMPTY_CONF = 60.0  # tesseract's confidence a word read in an empty cell needs
_AR = re.compile(r"[\u0600-\u06ff]")
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")
_RULE_MARKS = " |¦[]"


class OcrPageReport(PageReport):
    """A page report that also carries the tables found on the OCR'd page (not serialised)."""

    _tables: list[FoundTable] = PrivateAttr(default_factory=list)


def with_tables(report: PageReport, tables: list[FoundTable]) -> PageReport:
    """The report, carrying ``tables`` for the ingester when there are any."""
    if not tables:
        return report
    out = OcrPageReport(**report.model_dump())
    out._tables = tables
    return out


def tables_of(report: PageReport | None) -> list[FoundTable]:
    """The tables found on an OCR'd page (none for a text-layer or unreadable page)."""
    if isinstance(report, OcrPageReport) and report.method == "ocr":
        return list(report._tables)
    return []


@dataclass
class _Piece:
    text: str
    top: float
    bottom: float
    x0: float
    x1: float


@dataclass
class _Slot:
    cell: GridCell
    y0: float  # the cell's rules above and below it, pixels
    y1: float
    pieces: list[_Piece] = field(default_factory=list)


def _rtl(texts: list[str]) -> bool:
    joined = " ".join(texts)
    return len(_AR.findall(joined)) > len(_LAT.findall(joined))


def _clean(text: str) -> str:
    """A cell's text without the strokes of a rule read as characters."""
    return " ".join(w for w in text.split() if w.strip(_RULE_MARKS)).strip(_RULE_MARKS)


def _sim(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() if a or b else 1.0


def _agree(a: str, b: str) -> float:
    """How well a run of words and a reading of it agree: their similarity, or the share of the
    shorter one found in the other (a reading with a stray mark beside it: ``1,40 00000``)."""
    if not a or not b:
        return 1.0 if a == b else 0.0
    m = SequenceMatcher(None, a, b, autojunk=False)
    short = min(len(a), len(b))
    cover = sum(blk.size for blk in m.get_matching_blocks()) / short if short >= 3 else 0.0
    return max(m.ratio(), cover)


def split_words(words: list[str], parts: list[str | None]) -> list[str] | None:
    """``words`` (a line in logical order) cut into len(parts) runs that best match ``parts``
    (pieces of the same line read again; None: a piece not read again, it takes what lies
    between the others); None when the match is poor. Every way to cut is tried (a line has
    a few cuts and a few dozen words at most)."""
    n, m = len(words), len(parts)
    if m == 1:
        return [" ".join(words)]
    if n < m or all(p is None for p in parts) or comb(n - 1, m - 1) > MAX_CUT_WAYS:
        return None
    best: tuple[float, tuple[int, ...]] | None = None
    for cut in combinations(range(1, n), m - 1):
        bounds = (0, *cut, n)
        score = sum(_sim(" ".join(words[bounds[j]:bounds[j + 1]]), p) for j, p in enumerate(parts) if p is not None)
        if best is None or score > best[0]:
            best = (score, bounds)
    assert best is not None
    bounds = best[1]
    out = [" ".join(words[bounds[j]:bounds[j + 1]]) for j in range(m)]
    scores = [_agree(o, p) for o, p in zip(out, parts, strict=True) if p is not None]
    return out if sum(scores) / len(scores) >= MATCH else None


class _Filler:
    """Puts the page's lines into the cells of one grid (pixels -> points by ``k``)."""

    def __init__(self, grid: Grid, k: float, cross: float) -> None:
        self.grid, self.k, self.cross = grid, k, cross
        self.slots = {(c.row, c.col): _Slot(c, grid.ys[c.row], grid.ys[c.row + c.rowspan]) for c in grid.cells}

    def bbox(self) -> tuple[float, float, float, float]:
        g, k = self.grid, self.k
        return g.xs[0] * k, g.ys[0] * k, g.xs[-1] * k, g.ys[-1] * k

    def row_of(self, y: float) -> int | None:
        ys = self.grid.ys
        for r in range(len(ys) - 1):
            if ys[r] * self.k <= y < ys[r + 1] * self.k:
                return r
        return len(ys) - 2 if y == ys[-1] * self.k else None

    def cells_across(self, ln: TextLine, row: int) -> list[tuple[_Slot, float, float]]:
        """The cells of ``row`` the line lies over (left to right), with their x range in points."""
        g, k = self.grid, self.k
        out: list[tuple[_Slot, float, float]] = []
        seen: set[int] = set()
        for col in range(g.ncols):
            cell = g.cell_at(row, col)
            if cell is None or id(cell) in seen:
                continue
            seen.add(id(cell))
            x0, x1 = g.xs[cell.col] * k, g.xs[cell.col + cell.colspan] * k
            if min(ln.x1, x1) - max(ln.x0, x0) > self.cross:
                out.append((self.slots[(cell.row, cell.col)], x0, x1))
        if not out:  # a short line on a rule: the cell holding its centre
            cx = (ln.x0 + ln.x1) / 2
            for col in range(g.ncols):
                if g.xs[col] * k <= cx < g.xs[col + 1] * k and (cell := g.cell_at(row, col)) is not None:
                    out.append((self.slots[(cell.row, cell.col)], g.xs[cell.col] * k, g.xs[cell.col + cell.colspan] * k))
        return out


def _tight(pimg: PageImage, box: tuple[int, int, int, int], margin: int) -> tuple[int, int, int, int]:
    """The box shrunk to the ink in it, plus a margin: white space beside a word was read as
    ``0000`` or ``ا`` in a single-line reading."""
    crop = np.asarray(pimg.image.crop(box)) < 128
    cols = np.flatnonzero(crop.any(axis=0))
    if not len(cols):
        return box
    x0, x1 = box[0] + int(cols[0]), box[0] + int(cols[-1]) + 1
    return (max(box[0], x0 - margin), box[1], min(box[2], x1 + margin), box[3])


def _read_again(pimg: PageImage, cuts: list[tuple[TextLine, list[tuple[_Slot, float, float]]]],
                empties: list[tuple[_Slot, tuple[int, int, int, int]]], langs: str, empty_langs: str,
                timeout: float) -> None:
    """Cut the lines that run across column rules and put their parts in their cells: every
    part but the widest is read again, and the line's words are split where they match.
    Cells that hold ink but no line (a short header word tesseract's layout skipped) are
    read as one line each, with ``empty_langs`` (the Arabic script model reads a header word
    stretched by kashida that ``ara+fra`` takes for French), in a second call."""
    from .tesseract import read_rows

    k = pimg.dpi / 72.0
    pad = max(2, int(0.05 * pimg.dpi))  # clear of the rule (its strokes read as 0 or l)
    boxes: list[tuple[int, int, int, int]] = []
    spans: list[list[tuple[float, float]]] = []  # each part's stretch of the line, points
    for ln, parts in cuts:
        vpad = max(3, int((ln.bottom - ln.top) * k / 3))
        spans.append([(max(ln.x0, x0), min(ln.x1, x1)) for _slot, x0, x1 in parts])
        widest = max(range(len(parts)), key=lambda j: spans[-1][j][1] - spans[-1][j][0])
        for j, (slot, x0, x1) in enumerate(parts):
            if j == widest:
                continue
            # inside the cell's rules (a rule in the crop is read as 0000 or ----), around the
            # line's ink (a margin: its box is tight)
            left = max(int(x0 * k) + pad, int(ln.x0 * k) - 2 * pad)
            right = min(int(x1 * k) - pad, int(ln.x1 * k) + 2 * pad)
            top = max(int(ln.top * k) - vpad, int(slot.y0) + pad // 2)
            bottom = min(int(ln.bottom * k) + vpad, int(slot.y1) - pad // 2)
            boxes.append((max(0, left), max(0, min(top, int(ln.top * k))), min(pimg.image.width, max(right, left + 1)),
                          min(pimg.image.height, max(bottom, int(ln.bottom * k)))))
    boxes = [_tight(pimg, box, pad) for box in boxes]
    try:
        if empty_langs == langs:  # one tesseract call (the models are loaded once)
            both = read_rows(pimg, boxes + [box for _slot, box in empties], langs, timeout)
            done, empty_reads = both[:len(boxes)], both[len(boxes):]
        else:
            done = read_rows(pimg, boxes, langs, timeout) if boxes else []
            empty_reads = read_rows(pimg, [box for _slot, box in empties], empty_langs, timeout) if empties else []
        readings = [" ".join(x.text for x in r.lines) for r in done]
    except ToolError as exc:
        log.info("page %d: table cells not read again (%s)", pimg.page, exc)
        readings, empty_reads = [""] * len(boxes), []
    for (slot, box), res in zip(empties, empty_reads, strict=False):
        text = _clean(" ".join(x.text for x in res.lines))
        if text and res.confidence >= EMPTY_CONF:
            slot.pieces.append(_Piece(text, box[1] / k, box[3] / k, box[0] / k, box[2] / k))
    it = iter(readings)
    for (ln, parts), stretch in zip(cuts, spans, strict=True):
        widest = max(range(len(parts)), key=lambda j: stretch[j][1] - stretch[j][0])
        texts: list[str | None] = [None if j == widest else _clean(next(it)) for j in range(len(parts))]
        order = list(reversed(range(len(parts)))) if _rtl([ln.text]) else list(range(len(parts)))  # logical order
        kept = [j for j in order if texts[j] is None or texts[j]]  # a part read as nothing holds nothing
        words = [w for w in ln.text.split() if w.strip(_RULE_MARKS)]
        split = split_words(words, [texts[j] for j in kept])
        if split is None:  # no trustworthy cut: the widest cell takes the whole line
            kept, split = [widest], [" ".join(words)]
        for j, text in zip(kept, split, strict=True):
            if _clean(text):
                slot, (a, b) = parts[j][0], stretch[j]
                slot.pieces.append(_Piece(_clean(text), ln.top, ln.bottom, a, b))


def _inked_box(ink: Ink, grid: Grid, cell: GridCell, dpi: float) -> tuple[int, int, int, int] | None:
    """The box around the ink inside a cell's rules (image pixels), when it holds some: a word
    at least, on one line at most (what a single-line reading can read)."""
    n = ink.scale
    inset = max(3, int(0.05 * dpi))
    x0, x1 = int(grid.xs[cell.col]) + inset, int(grid.xs[cell.col + cell.colspan]) - inset
    y0, y1 = int(grid.ys[cell.row]) + inset, int(grid.ys[cell.row + cell.rowspan]) - inset
    if x1 - x0 < inset or y1 - y0 < inset:
        return None
    inside = ink.mask[y0 // n:y1 // n, x0 // n:x1 // n]
    if int(inside.sum()) * n * n < EMPTY_INK_IN2 * dpi * dpi:
        return None
    rows, cols = np.flatnonzero(inside.any(axis=1)), np.flatnonzero(inside.any(axis=0))
    if (rows[-1] - rows[0]) * n > 0.35 * dpi:  # more than a line of text
        return None
    top, left = (y0 // n + int(rows[0])) * n, (x0 // n + int(cols[0])) * n
    bottom, right = (y0 // n + int(rows[-1]) + 1) * n, (x0 // n + int(cols[-1]) + 1) * n
    return (max(0, left - inset), max(0, top - inset), right + inset, bottom + inset)


def _bands(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces grouped by printed line (vertical overlap), top to bottom."""
    bands: list[list[_Piece]] = []
    for p in sorted(pieces, key=lambda p: (p.top + p.bottom) / 2):
        if bands:
            last = bands[-1]
            top, bottom = min(q.top for q in last), max(q.bottom for q in last)
            if min(bottom, p.bottom) - max(top, p.top) >= 0.5 * min(bottom - top, p.bottom - p.top):
                last.append(p)
                continue
        bands.append([p])
    return bands


def _joined(pieces: list[_Piece], rtl: bool) -> str:
    out = []
    for band in _bands(pieces):
        band.sort(key=lambda p: -p.x1 if rtl else p.x0)
        out.extend(p.text for p in band)
    return " ".join(out)


def _priced_lines(slots: list[_Slot]) -> bool:
    """A ruled row whose cells are lists bound line by line: one cell holds at least two
    lines, all numbers, each beside a line of another cell."""
    if len([s for s in slots if s.pieces]) < 2 or any(s.cell.rowspan > 1 for s in slots):
        return False
    for s in slots:
        if len(s.pieces) >= 2 and all(is_number(p.text) for p in s.pieces):
            others = [q for o in slots if o is not s for q in o.pieces]
            if all(any(min(p.bottom, q.bottom) - max(p.top, q.top) > 0.3 * (p.bottom - p.top) for q in others) for p in s.pieces):
                return True
    return False


@dataclass
class _OutCell:
    row: int
    col: int  # logical order
    colspan: int
    rowspan: int
    text: str
    lines: int


def _layout(filler: _Filler, rtl: bool) -> list[_OutCell]:
    """Output cells in logical column order, a priced row cut into its printed lines."""
    g = filler.grid
    start: dict[int, int] = {}  # grid row -> first output row
    height: dict[int, int] = {}
    out: list[_OutCell] = []

    def col_of(c: GridCell) -> int:
        return g.ncols - (c.col + c.colspan) if rtl else c.col

    nxt = 0
    for r in range(g.nrows):
        slots = [s for s in filler.slots.values() if s.cell.row == r]
        start[r] = nxt
        if _priced_lines(slots):
            bands = _bands([p for s in slots for p in s.pieces])
            owner = {id(p): s for s in slots for p in s.pieces}
            for b, band in enumerate(bands):
                for s in slots:
                    mine = [p for p in band if owner[id(p)] is s]
                    out.append(_OutCell(nxt + b, col_of(s.cell), s.cell.colspan, 1, _joined(mine, rtl), len(mine)))
            height[r] = len(bands)
        else:
            for s in slots:
                out.append(_OutCell(nxt, col_of(s.cell), s.cell.colspan, s.cell.rowspan, _joined(s.pieces, rtl), len(_bands(s.pieces))))
            height[r] = 1
        nxt += height[r]
    for c in out:  # a cell spanning grid rows spans their output rows
        if c.rowspan > 1:
            r0 = next(r for r, s in start.items() if s == c.row)
            c.rowspan = sum(height[r] for r in range(r0, min(g.nrows, r0 + c.rowspan)))
    return out


def _plausible(cells: list[_OutCell]) -> bool:
    filled = [c for c in cells if c.text]
    if not filled or len({c.col for c in filled}) < 2:
        return False
    if sum(len(c.text.split()) for c in filled) / len(filled) > MAX_CELL_WORDS:
        return False
    per_row: dict[int, list[_OutCell]] = {}
    for c in filled:
        per_row.setdefault(c.row, []).append(c)
    if sum(1 for row in per_row.values() if len(row) >= 2) >= 2:
        return True
    return any(len(row) >= 3 and sum(1 for c in row if c.lines >= 3) >= 2 for row in per_row.values())


def _to_table(cells: list[_OutCell]) -> Table:
    nrows = max(c.row for c in cells) + 1
    first = [c for c in cells if c.row == 0]
    spans_below = any(c.row == 0 and c.rowspan > 1 for c in cells)
    header = (nrows >= 2 and not spans_below and sum(1 for c in first if c.text) >= 2
              and all(not is_number(c.text) and len(c.text.split()) <= MAX_HEADER_WORDS for c in first if c.text))
    covered = {r for c in cells if c.text or c.rowspan > 1 for r in range(c.row, c.row + c.rowspan)}
    rows: list[list[Cell]] = []
    for r in range(nrows):
        if r not in covered:
            continue  # a ruled row left empty
        row = []
        for c in sorted((c for c in cells if c.row == r), key=lambda c: c.col):
            sentences = [Sentence(id="", text=c.text, notes={})] if c.text else []
            row.append(Cell(sentences=sentences, header=header and r == 0, colspan=c.colspan, rowspan=c.rowspan))
        rows.append(row)
    return Table(rows=rows, caption=[])


def find_tables(pimg: PageImage, lines: list[TextLine], langs: str, timeout: float, script: str | None = None) -> list[FoundTable]:
    """The ruled tables of an OCR'd page image, filled with the page's OCR'd lines (none when
    the image cannot be searched: the page keeps its lines as text). ``script``: the Arabic
    script model when installed, which reads the words of empty-looking cells of Arabic tables."""
    try:
        return _find(pimg, lines, langs, timeout, script)
    except (ValueError, IndexError, MemoryError) as exc:
        log.warning("page %d: tables not searched (%s)", pimg.page, exc)
        return []


def _find(pimg: PageImage, lines: list[TextLine], langs: str, timeout: float, script: str | None) -> list[FoundTable]:
    ink = ink_of(pimg.image)
    grids = find_grids(pimg.image, pimg.dpi, ink)
    if not grids:
        return []
    k = 72.0 / pimg.dpi
    cross = CROSS_IN * 72.0
    found: list[FoundTable] = []
    budget = MAX_CUTS
    for grid in grids:
        filler = _Filler(grid, k, cross)
        x0, top, x1, bottom = filler.bbox()
        inside = [ln for ln in lines if x0 <= (ln.x0 + ln.x1) / 2 <= x1 and top <= (ln.top + ln.bottom) / 2 <= bottom]
        if not inside:
            continue
        cuts = []
        for ln in inside:
            row = filler.row_of((ln.top + ln.bottom) / 2)
            if row is None:
                continue
            parts = filler.cells_across(ln, row)
            if len(parts) == 1:
                slot = parts[0][0]
                if _clean(ln.text):
                    slot.pieces.append(_Piece(_clean(ln.text), ln.top, ln.bottom, ln.x0, ln.x1))
            elif parts and len(parts) <= budget:
                cuts.append((ln, parts))
                budget -= len(parts)
            elif parts and _clean(ln.text):  # too many to read again: the widest cell takes the line
                slot = max(parts, key=lambda p: p[2] - p[1])[0]
                slot.pieces.append(_Piece(_clean(ln.text), ln.top, ln.bottom, ln.x0, ln.x1))
        rtl = _rtl([ln.text for ln in inside])
        cut = {id(slot) for _ln, parts in cuts for slot, _a, _b in parts}
        empties = [(s, box) for s in filler.slots.values() if not s.pieces and id(s) not in cut
                   and (box := _inked_box(ink, grid, s.cell, pimg.dpi)) is not None][:MAX_EMPTY] if script or not rtl else []
        if cuts or empties:
            # read from the ink alone: a watermark under a price was read as a letter
            _read_again(replace(pimg, image=ink.image), cuts, empties, langs, script if rtl and script else langs, timeout)
        cells = _layout(filler, rtl)
        if not _plausible(cells):
            continue
        found.append(FoundTable(_to_table(cells), top, bottom, x0, x1))
    return found
