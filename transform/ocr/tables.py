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
3b. In a table kept, each cell is also read on its own, inside its rules, and takes that reading
   line by line where the word lists score it better (:mod:`tables_cells`).
4. The last word: at least two columns with text; at least two rows with two filled cells,
   or one row of at least three filled cells two of which hold several lines (a grid of
   names); not prose in boxes (long cells). Header cells: the first row of a table of
   several rows when it is short words in two cells or more. Columns are in logical order:
   right to left for an Arabic table.
5. A cell of a table of amounts left in a shape no amount has (``27 928/382``) carries the doubt
   ``amount_malformed``, and its table a doubt too (:mod:`cell_doubt`); no text changes. Its cell's crops are
   read again (:mod:`amount_retry`), for the document's totals to choose from once tables are joined
   (:mod:`transform.ingest.amount_vouch`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from statistics import median
from typing import TYPE_CHECKING

import numpy as np
from pydantic import PrivateAttr

from ..ingest.pdf_table_cells import is_number
from ..ingest.pdf_tables import FoundTable
from ..model import Cell, PageReport, Sentence, Table
from .amount_cells import reread_malformed
from .amount_retry import keep_ink, read_amounts
from .cell_doubt import from_lines, mark_amounts, rate_cells, table_doubt
from .cell_numbers import day_numbers, short_numbers
from .latin_numbers import amount_cells
from .table_digits import lone_digits
from .table_percent import decimal_commas, lost_percents, percent_cells
from .tables_cells import read_cells
from .tables_doubt import needs_cells
from .tables_fill import _bands, _Filler, _joined
from .tables_grid import GridCell, find_grids, ink_of
from .tables_heads import header_rows
from .tables_panel import cut_panels
from .tables_read import MAX_BANDS, _clean, _inked_box, _Piece, _read_again, _rtl, _Slot, _uncovered
from .tables_script import latin_in_arabic

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

log = logging.getLogger("transform.ocr")
CROSS_IN = 0.08  # a line reaching this far (inches) past a drawn column rule runs across it
MAX_CELL_WORDS = 35.0  # mean words per filled cell above which the boxes hold prose, not a table
MAX_CUTS = 60  # parts of lines read again per page at most
MAX_EMPTY = 20  # empty cells with ink read again per table at most
MIN_EUROS = 3  # amounts ending in € that make a table's amounts euros
MIN_FORM_ROWS = 3  # a form's label table (labels, blank cells to fill in) has at least this many rows
MAX_LABEL_WORDS = 6
MIN_FILL_COLS = 3  # a form's table of rows to fill in has at least this many labelled columns
_LETTER = re.compile(r"[^\W\d_]{2}")  # two letters in a row: a word, not a stray mark


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


_DECIMAL = re.compile(r"\d[.,]\d")
_NIL = re.compile(r"[-–—_]")  # a lone dash in a column of amounts: none on that line


def _one_shape(numbers: list[str]) -> bool:
    """A column of prices is written one way: all with a decimal (or thousands) mark, or none.
    A lone digit under an amount is a pen's mark read as a number (Putanges' budget: a stroke
    under `0,00€` read `7` beside the label's second line), not a second price."""
    return len({bool(_DECIMAL.search(n)) for n in numbers}) == 1


def _drop_pen_marks(filler: _Filler) -> None:
    """A cell holding an amount (a number with a decimal mark) and, on a printed line of its own,
    a lone digit: the digit is a pen's stroke read as a number (:func:`_one_shape`), left out."""
    for s in filler.slots.values():
        amounts = [p for p in s.pieces if is_number(p.text) and _DECIMAL.search(p.text)]
        if not amounts:
            continue
        s.pieces = [p for p in s.pieces if not (len(p.text) == 1 and p.text.isdigit()
                                                and not any(min(p.bottom, a.bottom) > max(p.top, a.top) for a in amounts))]


def _priced_lines(slots: list[_Slot]) -> bool:
    """A ruled row whose cells are lists bound line by line: one cell holds at least two
    lines, all numbers written alike (:func:`_one_shape`), each beside a line of another cell."""
    if len([s for s in slots if s.pieces]) < 2 or any(s.cell.rowspan > 1 for s in slots):
        return False
    for s in slots:
        numbers = [p.text for p in s.pieces if not _NIL.fullmatch(p.text)]  # a dash: no amount on that line
        if len(numbers) >= 2 and all(is_number(n) for n in numbers) and _one_shape(numbers):
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
    doubt: str | None = None  # the reader's doubt about this cell's text (cell_doubt.py)
    confidence: float | None = None  # the word confidence of the lines it was read from (cell_doubt.rate_cells)
    read_conf: float | None = None  # the weakest word confidence of its lines read on their own (tables_cells.py), if any
    suggestion: str | None = None  # another reading of the cell, not taken (amount_cells.py)
    box: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in points: the cell's rules (a priced line's ink)
    readings: list[str] = field(default_factory=list)  # well-formed amounts a malformed cell's crops read (amount_retry.py)
    ink: tuple[bytes, float] | None = None  # a well-formed amount's pixels (PNG, dpi), read again if a total doubts it


def _layout(filler: _Filler, rtl: bool, others: dict[int, str] | None = None) -> list[_OutCell]:
    """Output cells in logical column order, a priced row cut into its printed lines. ``others``: id(slot) ->
    a second reading of its cell that was not taken (:mod:`amount_cells`), kept as the cell's suggestion."""
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
                    box = (min(p.x0 for p in mine), min(p.top for p in mine), max(p.x1 for p in mine), max(p.bottom for p in mine)) if mine else None
                    out.append(_OutCell(nxt + b, col_of(s.cell), s.cell.colspan, 1, _joined(mine, rtl), len(mine), box=box,
                                        read_conf=_read_conf(mine)))
            height[r] = len(bands)
        else:
            for s in slots:
                k = filler.k
                box = (g.xs[s.cell.col] * k, s.y0 * k, g.xs[s.cell.col + s.cell.colspan] * k, s.y1 * k)
                out.append(_OutCell(nxt, col_of(s.cell), s.cell.colspan, s.cell.rowspan, _joined(s.pieces, rtl), len(_bands(s.pieces)), box=box,
                                    suggestion=(others or {}).get(id(s)), read_conf=_read_conf(s.pieces)))
            height[r] = 1
        nxt += height[r]
    for c in out:  # a cell spanning grid rows spans their output rows
        if c.rowspan > 1:
            r0 = next(r for r, s in start.items() if s == c.row)
            c.rowspan = sum(height[r] for r in range(r0, min(g.nrows, r0 + c.rowspan)))
    return out


def _form(cells: list[_OutCell]) -> bool:
    """A form's ruled table: MIN_FORM_ROWS rows or more of two columns or more, one column a
    short label (words, no number) in every row (one may be unread), the others left blank to
    be filled in (a stray mark read in one of every four rows at most)."""
    rows = {c.row for c in cells}
    if len(rows) < MIN_FORM_ROWS or any(c.rowspan > 1 or c.colspan > 1 for c in cells):
        return False
    cols = {c.col for c in cells}
    for col in cols:
        labels = [c for c in cells if c.col == col and c.text]
        if len(labels) < len(rows) - 1 or not all(
                not is_number(c.text) and len(c.text.split()) <= MAX_LABEL_WORDS and _LETTER.search(c.text) for c in labels):
            continue  # (one label the OCR did not read may be missing)
        others = [c for c in cells if c.col != col and c.text]
        if len(cols) >= 2 and len(others) <= len(rows) // 4:
            return True
    return False


def _to_fill(cells: list[_OutCell]) -> bool:
    """A form's ruled table of rows to fill in: MIN_FILL_COLS columns or more whose first row
    is a short label (words, no number) in every cell and whose other rows are left blank (a
    stray mark in one of every four of their cells at most), no merged cell. Its one filled
    row is the header of a table (the samples' list of a report of sampling: `Désignation |
    Lot | Quantité | Nature | Unité | Valeur (DHS)` over an empty ruled row)."""
    rows = {c.row for c in cells}
    if len(rows) < 2 or any(c.rowspan > 1 or c.colspan > 1 for c in cells):
        return False
    first = [c for c in cells if c.row == 0]
    if len(first) < MIN_FILL_COLS or not all(
            c.text and not is_number(c.text) and len(c.text.split()) <= MAX_LABEL_WORDS and _LETTER.search(c.text)
            for c in first):
        return False
    below = [c for c in cells if c.row > 0]
    return sum(1 for c in below if c.text) <= len(below) // 4


def _plausible(cells: list[_OutCell]) -> bool:
    filled = [c for c in cells if c.text]
    if _form(cells) or _to_fill(cells):
        return True
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


_EURO = re.compile(r"\d{1,3}(?: \d{3})*,\d\d ?€")
_EURO_AS_6 = re.compile(r"(\d{1,3}(?: \d{3})*,\d\d)6")


def _euro_signs(cells: list[_OutCell]) -> None:
    """French OCR reads a bold ``€`` after an amount as ``6`` (``26 000,006``): in a table whose
    amounts (at least MIN_EUROS cells that are an amount and nothing else) end with ``€``, a
    cell that is such an amount with a third decimal 6 instead gets its euro sign back."""
    if sum(1 for c in cells if _EURO.fullmatch(c.text)) < MIN_EUROS:
        return
    for c in cells:
        if m := _EURO_AS_6.fullmatch(c.text):
            c.text = m.group(1) + "€"


def _read_conf(pieces: list[_Piece]) -> float | None:
    """The weakest confidence of a cell's lines read on their own (``_Piece.conf``), None when none was."""
    confs = [p.conf for p in pieces if p.conf is not None and p.text.strip()]
    return min(confs) if confs else None


def _to_table(cells: list[_OutCell]) -> Table:
    nrows = max(c.row for c in cells) + 1
    heads = header_rows(cells)
    covered = {r for c in cells if c.text or c.rowspan > 1 for r in range(c.row, c.row + c.rowspan)}
    rows: list[list[Cell]] = []
    for r in range(nrows):
        if r not in covered:
            continue  # a ruled row left empty
        row = []
        for c in sorted((c for c in cells if c.row == r), key=lambda c: c.col):
            sentences = [Sentence(id="", text=c.text, notes={})] if c.text else []
            row.append(Cell(sentences=sentences, header=r < heads, colspan=c.colspan, rowspan=c.rowspan, doubt=c.doubt,
                            confidence=c.confidence, suggestion=c.suggestion))
            row[-1]._readings, row[-1]._ink = c.readings, c.ink  # for the document's totals (ingest/amount_vouch.py)
        rows.append(row)
    return Table(rows=rows, caption=[], doubt=table_doubt(rows))  # a doubtful cell makes its table doubtful


def _script_model() -> str | None:
    """The Arabic script model when tesseract has it (it reads Latin letters of Arabic cells again)."""
    from .pages import _models
    from .tesseract import SCRIPT_MODEL

    name = SCRIPT_MODEL["ara"]
    return name if name in _models() else None


def find_tables(pimg: PageImage, lines: list[TextLine], langs: str, timeout: float, script: str | None = None,
                words: dict[int, list[tuple[str, float, float, float, float]]] | None = None,
                rtl_words: dict[int, tuple[str, list[tuple[str, float, float, float, float]]]] | None = None,
                ruled: PageImage | None = None) -> list[FoundTable]:
    """The ruled tables of an OCR'd page image, filled with the page's OCR'd lines (none when
    the image cannot be searched: the page keeps its lines as text). ``script``: the Arabic
    script model when installed, which reads the words of empty-looking cells of Arabic tables.
    ``words``: tesseract's word boxes by id(line) (``OcrResult.word_boxes``); a line whose text
    is still those words is placed word by word, without reading anything again; ``rtl_words``
    (``OcrResult.rtl_words``) the same for right-to-left lines whose text is still as first made.
    ``ruled``: the same page image before its dot leaders were painted over (a dashed rule's
    dashes look like a leader's dots), where the grids are looked for; dashed rules are bridged."""
    try:
        return _find(pimg, lines, langs, timeout, script, words or {}, rtl_words or {}, ruled or pimg)
    except (ValueError, IndexError, MemoryError) as exc:
        log.warning("page %d: tables not searched (%s)", pimg.page, exc)
        return []


def _find(pimg: PageImage, lines: list[TextLine], langs: str, timeout: float, script: str | None,
          words: dict[int, list[tuple[str, float, float, float, float]]],
          rtl_words: dict[int, tuple[str, list[tuple[str, float, float, float, float]]]], ruled: PageImage) -> list[FoundTable]:
    ink = ink_of(pimg.image)
    grids = find_grids(ruled.image, ruled.dpi, ink if ruled is pimg else None, pale=True, dashed=True)
    if not grids:
        return []
    k = 72.0 / pimg.dpi
    cross = CROSS_IN * 72.0
    if any(g.panels for g in grids):  # a panel beside a box's table, read apart from it (tables_panel.py)
        cut_panels(pimg, grids, lines, words, langs, timeout, cross)
    found: list[FoundTable] = []
    budget = MAX_CUTS
    if rtl_words:
        short_numbers(pimg, lines, rtl_words, [_Filler(g, k, cross).bbox() for g in grids], timeout)
    grey = np.asarray(pimg.image.convert("L"))
    for grid in grids:
        filler = _Filler(grid, k, cross, grey)
        x0, top, x1, bottom = filler.bbox()
        inside = [ln for ln in lines if x0 <= (ln.x0 + ln.x1) / 2 <= x1 and top <= (ln.top + ln.bottom) / 2 <= bottom]
        if not inside:
            continue
        cuts = []
        tall = median(ln.bottom - ln.top for ln in inside)
        for ln in inside:
            boxes = words.get(id(ln))
            if boxes and [b[0] for b in boxes] == ln.text.split():
                kept = filler.off_rules(boxes)
                if not kept or filler.place_words(kept):
                    continue
            listed = rtl_words.get(id(ln))
            if listed and listed[0] == ln.text:
                kept = filler.off_rules(listed[1])
                if not kept or filler.place_words(kept, rtl=True):
                    continue
            if ln.bottom - ln.top <= tall and filler.on_rule(ln.x0, ln.top, ln.x1, ln.bottom):
                continue  # a rule read as a line of its own
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
        placed = [(ln.x0, ln.top, ln.x1, ln.bottom) for ln in inside]
        bands = [(s, box) for s in filler.slots.values() if s.pieces
                 for box in _uncovered(ink, grid, s, pimg.dpi, k, placed, not rtl)][:MAX_BANDS]
        if cuts or empties or bands:
            # read from the ink alone: a watermark under a price was read as a letter
            _read_again(replace(pimg, image=ink.image), cuts, empties, langs, script if rtl and script else langs, timeout,
                        bands, rtl)
        _drop_pen_marks(filler)
        cells = _layout(filler, rtl)
        if not _plausible(cells):
            continue
        if rtl and (arabic := script or _script_model()) and latin_in_arabic(replace(pimg, image=ink.image), filler, arabic, timeout):
            cells = _layout(filler, rtl)
        if rtl and lone_digits(replace(pimg, image=ink.image), filler, timeout):
            cells = _layout(filler, rtl)
        if needs_cells(filler, rtl) and read_cells(pimg, filler, langs, timeout, rtl):  # each cell alone where better
            cells = _layout(filler, rtl)
        if rtl and day_numbers(pimg, filler, timeout):  # a day read short before a month (cell_numbers.py)
            cells = _layout(filler, rtl)
        others: dict[int, str] = {}
        if not rtl and (reread_malformed(replace(pimg, image=ink.image), filler, timeout, others) or others):  # amount_cells.py
            cells = _layout(filler, rtl, others)
        amount_cells(cells)  # French amounts' lost thousands spaces (latin_numbers.py)
        _euro_signs(cells)
        percent_cells(cells)
        if rtl:  # 3 % read 3 where the ink holds the sign (table_percent.py)
            lost_percents(pimg, cells, inside, rtl_words)
        decimal_commas(cells)
        from_lines(cells, [ln for ln in inside if ln.doubt], cross)  # a cell read from a doubtful line keeps its doubt
        mark_amounts(cells)  # an amount left in a shape no amount has is in doubt (cell_doubt.py)
        if not rtl:  # its cell's crops' well-formed readings, for the totals to choose from (amount_retry.py)
            read_amounts(replace(pimg, image=ink.image), cells, timeout)
            keep_ink(replace(pimg, image=ink.image), cells)
        rate_cells(cells, inside, cross)  # each cell's word confidence (cell_doubt.py)
        found.append(FoundTable(_to_table(cells), top, bottom, x0, x1))
    return found
