"""The reader's output as one word stream, the unit the scorer aligns truth pages against.

Blocks are taken in reading order (``iter_blocks``): a heading, a paragraph, each list item
(nested ones too) and each table (cells row by row, in the order the model lists them) is a
block; a table caption is a paragraph of its own; figures' alt text is not printed text and
is left out, and so are the header rows a table part prints again over it (``Table.repeats_head``: kept
for assistive technology, not read content; the truth leaves them out). Every word knows its block and its
segment (block, row, cell), so that numbers are never read across two cells. Blocks without a page inherit the page of the block before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..model import Document, Heading, ListBlock, ListItem, Paragraph, Table
from ..model.walk import cell_text, iter_blocks
from .normalize import TATWEEL, Word, note_number, strip_list_marker, words


@dataclass
class OutBlock:
    index: int
    kind: str  # heading | paragraph | item | table
    unit: int = 0  # the model block it comes from (a list's items share their list's)
    part: int = 0  # a table read as one over page breaks, cut where its rows' pages change: 1, 2... after the first part
    level: int = 0
    page: int | None = None
    start: int = 0  # first word in the stream
    end: int = 0  # one past its last word
    text: str = ""  # normalised word keys joined by spaces (headings)
    cells: list[tuple[str, bool]] = field(default_factory=list)  # tables: (normalised text, header)
    rows: list[list[str]] = field(default_factory=list)  # tables: non-empty cell texts per row
    n_rows: int = 0
    n_cols: int = 0
    tatweel: int = 0
    presentation_forms: int = 0


@dataclass
class OutStream:
    keys: list[str] = field(default_factory=list)
    raws: list[str] = field(default_factory=list)
    block_of: list[int] = field(default_factory=list)
    segment_of: list[int] = field(default_factory=list)  # a new number per cell / block
    row_of: list[int] = field(default_factory=list)  # a new number per table row / block
    blocks: list[OutBlock] = field(default_factory=list)
    paged: bool = False
    unit_arr: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # per word: its model block
    page_arr: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # per word: its page (-1: none)

    def __len__(self) -> int:
        return len(self.keys)


def _forms(text: str) -> int:
    return sum(1 for ch in text if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff")


class _Builder:
    def __init__(self) -> None:
        self.s = OutStream()
        self.segment = 0
        self.row = 0
        self.unit = 0

    def block(self, kind: str, page: int | None, level: int = 0) -> OutBlock:
        self.row += 1
        n = len(self.s.keys)
        b = OutBlock(index=len(self.s.blocks), kind=kind, unit=self.unit, page=page, level=level, start=n, end=n)
        self.s.blocks.append(b)
        return b

    def add(self, b: OutBlock, text: str) -> list[Word]:
        ws = words(text)
        self.segment += 1
        for w in ws:
            self.s.keys.append(w.key)
            self.s.raws.append(w.raw)
            self.s.block_of.append(b.index)
            self.s.segment_of.append(self.segment)
            self.s.row_of.append(self.row)
        b.end = len(self.s.keys)
        b.tatweel += text.count(TATWEEL)
        b.presentation_forms += _forms(text)
        return ws

    def table(self, blk: Table, page: int | None, rows: list[int], part: int = 0) -> None:
        b = self.block("table", page)
        b.part = part
        for r in rows:
            row = blk.rows[r]
            self.row += 1
            texts = []
            # header cells are scored as the truth records them: header rows. A row header
            # (th scope=row: the first cell of a body row) is a data cell here.
            header_row = all(c.header for c in row if cell_text(c).strip())
            for cell in row:
                ws = self.add(b, cell_text(cell))
                key = " ".join(w.key for w in ws)
                if key:
                    b.cells.append((key, cell.header and header_row))
                    texts.append(key)
            b.rows.append(texts)
        b.n_rows = len(rows)
        b.n_cols = max((sum(c.colspan for c in blk.rows[r]) for r in rows), default=0)

    def items(self, items: list[ListItem], page: int | None) -> None:
        for it in items:
            b = self.block("item", page)
            self.add(b, strip_list_marker(" ".join(s.text for s in it.sentences)))
            self.items(it.children, page)


def build_stream(doc: Document, row_pages: dict[int, list[int]] | None = None) -> OutStream:
    """``row_pages``: model block index -> the page of each row of that table it reads (``table_pages.row_pages``);
    the rows of a later page become a part of their own, placed before the first block of that page."""
    bld = _Builder()
    blocks = [blk for _, blk in iter_blocks(doc)]
    pages = [blk.page for blk in blocks]
    bld.s.paged = any(p is not None for p in pages)
    if bld.s.paged:
        first = next(p for p in pages if p is not None)
        last = first
        for k, p in enumerate(pages):
            last = p if p is not None else last
            pages[k] = last
    later: list[tuple[int, int, int, Table, list[int]]] = []  # (page, unit, part, table, row indexes) still to place
    for unit, (blk, page) in enumerate(zip(blocks, pages, strict=True)):
        while later and page is not None and later[0][0] <= page:
            p, u, part, tbl, rows = later.pop(0)
            bld.unit = u
            bld.table(tbl, p, rows, part)
        bld.unit = unit
        if isinstance(blk, (Heading, Paragraph)):
            kind = "heading" if isinstance(blk, Heading) else "paragraph"
            b = bld.block(kind, page, blk.level if isinstance(blk, Heading) else 0)
            text = " ".join(s.text for s in blk.sentences)
            if isinstance(blk, Paragraph):
                text = note_number(text)  # a note's own number is printed text, not a call mark
            ws = bld.add(b, text)
            b.text = " ".join(w.key for w in ws)
        elif isinstance(blk, ListBlock):
            bld.items(blk.items, page)
        elif isinstance(blk, Table):
            if blk.caption:
                cap = bld.block("paragraph", page)
                bld.add(cap, " ".join(s.text for s in blk.caption))
            per_row = (row_pages or {}).get(unit)
            own = list(range(min(blk.repeats_head, len(blk.rows)), len(blk.rows)))  # the header rows printed again left out
            if not per_row or len(per_row) != len(own):
                bld.table(blk, page, own)
                continue
            runs: list[tuple[int, list[int]]] = []
            for r, p in zip(own, per_row, strict=True):
                if runs and runs[-1][0] == p:
                    runs[-1][1].append(r)
                else:
                    runs.append((p, [r]))
            bld.table(blk, page, runs[0][1])
            later += [(p, unit, k, blk, rows) for k, (p, rows) in enumerate(runs[1:], start=1)]
            later.sort(key=lambda x: x[:3])
    for p, u, part, tbl, rows in later:
        bld.unit = u
        bld.table(tbl, p, rows, part)
    of = np.asarray(bld.s.block_of, dtype=np.int64)
    bld.s.unit_arr = np.asarray([b.unit for b in bld.s.blocks], dtype=np.int64)[of] if len(of) else of
    bld.s.page_arr = np.asarray([-1 if b.page is None else b.page for b in bld.s.blocks], dtype=np.int64)[of] if len(of) else of
    return bld.s
