"""Filling an OCR'd page's ruled grid with the words tesseract read (step 2 of :mod:`transform.ocr.tables`).

``_Filler`` finds the row and the cells under a line, puts each word box in the cell under its middle (a
line that runs across a drawn column rule is cut at the rule), and leaves out words that are a drawn row
rule read as letters (``ON_RULE``); ``_bands`` and ``_joined`` give a cell's printed lines and its text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from ..ingest.pdf_clean import hyphen_join
from .tables_grid import Grid
from .tables_read import _clean, _Piece, _Slot
from .tesseract import line_text

if TYPE_CHECKING:
    from ..ingest.base import TextLine

ON_RULE = 0.25  # a word whose middle lies this close (share of its height) to a drawn row rule is the rule read as letters
RULE_ALEF_BEFORE_PT = 0.3  # a word's box ending this close (points) before its cell's right rule reaches it...
RULE_ALEF_PT = 3.0  # ...or at most this far past it (farther, the word runs into the next cell)
_ALEFS = "اأإآ"
GRAIN = 60  # grey levels: a word whose darkest pixels are no darker than its cell's ground by this is the ground's grain


class _Filler:
    """Puts the page's lines into the cells of one grid (pixels -> points by ``k``)."""

    def __init__(self, grid: Grid, k: float, cross: float, grey: np.ndarray | None = None) -> None:
        self.grid, self.k, self.cross, self.grey = grid, k, cross, grey
        self.slots = {(c.row, c.col): _Slot(c, grid.ys[c.row], grid.ys[c.row + c.rowspan]) for c in grid.cells}
        self._ground: dict[int, float] = {}

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

    def slot_at(self, x: float, y: float) -> _Slot | None:
        """The cell under a point (points), if any."""
        row = self.row_of(y)
        if row is None:
            return None
        g, k = self.grid, self.k
        for col in range(g.ncols):
            if g.xs[col] * k <= x < g.xs[col + 1] * k:
                cell = g.cell_at(row, col)
                return self.slots[(cell.row, cell.col)] if cell is not None else None
        return None

    def on_rule(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        """A box (points) whose middle lies on a row rule drawn under it: tesseract read the
        rule as letters (``سسس``, ``———``, ``EDO``), or a stamp's stroke along it. Boundaries
        inside a cell spanning several rows are not drawn and do not count. A box whose middle
        lies as close to a column rule too is where the two rules cross: a row rule drawn on
        either side counts (Health's list of posts: a dashed rule's corner read `لك`, its middle
        just past the column rule, in a division cell spanning three rows)."""
        g, k = self.grid, self.k
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        col = next((c for c in range(g.ncols) if g.xs[c] * k <= cx < g.xs[c + 1] * k), None)
        if col is None:
            return False
        tol = ON_RULE * (bottom - top) + k
        cols = {col}
        if col > 0 and cx - g.xs[col] * k <= tol:
            cols.add(col - 1)
        if col + 1 < g.ncols and g.xs[col + 1] * k - cx <= tol:
            cols.add(col + 1)
        for r, y in enumerate(g.ys):
            if abs(cy - y * k) > tol:
                continue
            if r in (0, g.nrows) or any(g.cell_at(r - 1, c) is not g.cell_at(r, c) for c in cols):
                return True
        return False

    def off_rules(self, boxes: list[tuple[str, float, float, float, float]]) -> list[tuple[str, float, float, float, float]]:
        return [b for b in boxes if not self.on_rule(b[1], b[2], b[3], b[4]) and not self.grain(b[1], b[2], b[3], b[4])]

    def grain(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        """A box (points) holding no ink darker than its cell's ground by GRAIN: the dots of a
        shaded header row (or a grey stain) that tesseract read as letters (NARSA's `Fa y 15 ا 1`
        beside the header's words, printed black on the grey). The ground is the cell's median grey."""
        if self.grey is None:
            return False
        slot = self.slot_at((x0 + x1) / 2, (top + bottom) / 2)
        if slot is None:
            return False
        g = self.grid
        c = slot.cell
        if id(slot) not in self._ground:
            inset = max(2, int((g.ys[c.row + c.rowspan] - g.ys[c.row]) * 0.05))
            ground = self.grey[int(g.ys[c.row]) + inset:int(g.ys[c.row + c.rowspan]) - inset,
                               int(g.xs[c.col]) + inset:int(g.xs[c.col + c.colspan]) - inset]
            self._ground[id(slot)] = float(np.median(ground)) if ground.size else 255.0
        k = self.k
        box = self.grey[max(0, int(top / k)):int(bottom / k) + 1, max(0, int(x0 / k)):int(x1 / k) + 1]
        return bool(box.size) and float(np.percentile(box, 1)) >= self._ground[id(slot)] - GRAIN

    def off_right_rule(self, word: str, x1: float, slot: _Slot) -> str:
        """A right-to-left word whose box reaches into its cell's right rule (by at most
        RULE_ALEF_PT, from RULE_ALEF_IN before it) and whose first letter is an alef: the rule
        was read as that alef (`أقسم` for `قسم`, `أرئيس` for `رئيس` on Health's list of posts).
        A word of two letters or less is left alone."""
        if len(word) < 3 or word[0] not in _ALEFS:
            return word
        right = self.grid.xs[slot.cell.col + slot.cell.colspan] * self.k
        return word[1:] if -RULE_ALEF_BEFORE_PT <= x1 - right <= RULE_ALEF_PT else word

    def place_words(self, boxes: list[tuple[str, float, float, float, float]], rtl: bool = False) -> bool:
        """Put a line's words in the cells under their own boxes (a line tesseract ran across
        column rules, or across rows where a price sits between two lines of a label). False,
        placing nothing, when a word lies outside the grid's cells. ``rtl``: the words of a
        right-to-left line as tesseract listed them; each cell's share is put in logical order."""
        placed = []
        for w, x0, top, x1, bottom in boxes:
            slot = self.slot_at((x0 + x1) / 2, (top + bottom) / 2)
            if slot is None:
                return False
            if rtl:
                w = self.off_right_rule(w, x1, slot)
            placed.append((slot, w, x0, top, x1, bottom))
        run: list[tuple[_Slot, str, float, float, float, float]] = []
        for item in [*placed, None]:
            if run and (item is None or item[0] is not run[-1][0]):
                words = [r[1] for r in run]
                text = _clean(line_text(words, [(r[2] + r[4]) / 2 for r in run], True) if rtl else " ".join(words))
                piece = _Piece(text, min(r[3] for r in run), max(r[5] for r in run), min(r[2] for r in run), max(r[4] for r in run))
                if text and not any(_same(piece, q) for q in run[0][0].pieces):
                    run[0][0].pieces.append(piece)
                run = []
            if item is not None:
                run.append(item)
        return True


def _same(a: _Piece, b: _Piece) -> bool:
    """The same words read twice at one place (a row the layout skipped, read again across a
    line it had kept)."""
    return (a.text == b.text and min(a.bottom, b.bottom) - max(a.top, b.top) > 0.5 * (a.bottom - a.top)
            and min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 * (a.x1 - a.x0))


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


_CUT = re.compile(r"([A-Za-zÀ-ÿ]+)-$")  # a band's last word cut by a hyphen (a letter before it)


def _joined(pieces: list[_Piece], rtl: bool) -> str:
    """A cell's pieces' text, band by band; a Latin word cut by a hyphen at a band's end joined to the next band's
    first word as the text layer joins a line's (``pdf_clean.hyphen_join``: ``Château-`` + ``Lambert`` keeps its
    hyphen, ``écono-`` + ``mique`` loses it), not left ``Château- Lambert``."""
    out: list[str] = []
    for band in _bands(pieces):
        band.sort(key=lambda p: -p.x1 if rtl else p.x0)
        texts = [p.text for p in band]
        if texts and out and not rtl and (m := _CUT.search(out[-1])) and texts[0][:1].isalpha():
            out[-1] = out[-1][:-1] + hyphen_join(m.group(1), texts[0].split()[0]) + texts[0]
            texts = texts[1:]
        out.extend(texts)
    return " ".join(out)
