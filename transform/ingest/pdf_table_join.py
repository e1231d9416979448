"""A table that a page break cuts in two is one table.

The part at the top of page N+1 joins the table that ended page N when both have as many
columns and nothing but page furniture lies between them: notes printed at the foot of
page N (``(9) ...``, ``* ...``) and stray marks (a dash, a page number) go after the joined
table. Header rows printed again on the new page are dropped; a first row taken for a
header on the new page, when no header was repeated, is a body row.

A part that opens with a header row of its own, or a one-row box with a key of its own, starts a table
(:mod:`pdf_table_breaks`). A part that opens with its header row and prints again, in the same place of its first body
row, a long cell spanning several rows of the first body row before it (the general conditions
of a recruitment notice, spanning all the rows of each page's table) is a table of its own,
closed on its page: a table cut by a page break goes on, it does not start over. A formula
repeated on every row of a continued table (``Ce compte est ouvert par ...``) spans no rows.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..model import Block, Cell, Heading, ListBlock, Paragraph, Table
from .pdf_table_breaks import own_header, own_record, repeated_head
from .pdf_table_pairs import carried_pairs

FOOTNOTE = re.compile(r"^\s*(?:[(\[]?\d{1,3}[)\]]|\)\d{1,3}\(|\*{1,3}|\d{1,3}\s*[-–.])")
NOTE_CALL = re.compile(r"^\s*(?:\(\d{1,3}\)|\)\d{1,3}\()")  # a note's call in brackets: "(9)", or pdfium's ")9("
MAX_NOTE = 400  # characters: longer text between the two parts is not a note
LONG_CELL = 40  # characters: a body cell this long printed again starts a table of its own
SAME_CELL = 0.8  # similarity of two readings of one cell (OCR reads a repeated cell a bit differently)
SAME_WORDS, MIN_WORDS = 0.5, 8  # or: half of the shorter reading's words in the other, both of eight words or more


def _texts(row: list[Cell]) -> list[str]:
    return [" ".join(s.text for s in c.sentences) for c in row]


def _width(table: Table) -> int:
    return max((sum(c.colspan for c in row) for row in table.rows), default=0)


def _furniture(block: Block, table_page: int, next_page: int) -> bool:
    """A note at the foot of the table's page (or of an earlier page the table ran over),
    or a stray mark."""
    if isinstance(block, ListBlock):  # notes whose calls ("(9) ...") were read as a numbered list's markers
        return _notes_list(block, table_page)
    if isinstance(block, (Heading, Table)) or not isinstance(block, Paragraph):
        return False
    text = " ".join(s.text for s in block.sentences).strip()
    page = block.page or 0
    if len(text) <= 3:
        return page <= next_page
    return page <= table_page and len(text) <= MAX_NOTE and bool(FOOTNOTE.match(text))


def _notes_list(block: ListBlock, table_page: int) -> bool:
    """A list at the foot of the table's page whose items are each a short note opening on its call in brackets."""
    if (block.page or 0) > table_page or not block.items or any(item.children for item in block.items):
        return False
    texts = [" ".join(s.text for s in item.sentences).strip() for item in block.items]
    return all(len(t) <= MAX_NOTE and NOTE_CALL.match(t) for t in texts)


def join_continued_tables(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    last_page: dict[int, int] = {}  # a joined table ends on a later page than it starts
    for block in blocks:
        if isinstance(block, Table) and block.page is not None and block.rows:
            k = len(out) - 1
            while k >= 0 and not isinstance(out[k], Table) and _furniture(out[k], block.page - 1, block.page):
                k -= 1
            prev = out[k] if k >= 0 else None
            if (
                isinstance(prev, Table)
                and prev.page is not None
                and prev.rows
                and block.page == last_page.get(id(prev), prev.page) + 1
                and _width(block) == _width(prev)
                and not _starts_over(prev, block)
            ):
                _append(prev, block)
                last_page[id(prev)] = block.page
                between = out[k + 1:]
                del out[k + 1:]
                out.extend(between)  # the notes still follow the table, now after all of it
                continue
        out.append(block)
    return out


def _first_body(table: Table) -> tuple[list[Cell], bool]:
    """The table's first body row, and whether a header row stands above it."""
    for k, row in enumerate(table.rows):
        if row and not all(c.header for c in row):
            return row, k > 0
    return [], False


def _spanning(row: list[Cell]) -> dict[int, str]:
    """Long texts of the row's cells that span several rows, by their place in the row."""
    texts = _texts(row)
    return {k: texts[k] for k, c in enumerate(row) if c.rowspan > 1 and len(texts[k]) >= LONG_CELL}


def _same(text: str, seen: str) -> bool:
    if text == seen:
        return True
    a, b = set(text.split()), set(seen.split())
    if min(len(a), len(b)) >= MIN_WORDS and len(a & b) >= SAME_WORDS * min(len(a), len(b)):
        return True  # the same words, OCR'd with different noise around them
    if abs(len(text) - len(seen)) > 0.2 * len(seen):
        return False
    m = SequenceMatcher(None, text, seen, autojunk=False)
    return m.quick_ratio() >= SAME_CELL and m.ratio() >= SAME_CELL


def _starts_over(prev: Table, block: Table) -> bool:
    """The new part opens with a header row of its own or a record's box of its own (:mod:`pdf_table_breaks`), or
    with a header row over a first body row that prints again, in the same place, a long cell of the previous
    part's first body row that spans several rows."""
    if own_header(prev, block) or own_record(prev, block):
        return True
    new, headed = _first_body(block)
    old, _ = _first_body(prev)
    if not headed or not old:
        return False
    before = _spanning(old)
    return any(k in before and _same(t, before[k]) for k, t in _spanning(new).items())


def _append(prev: Table, block: Table) -> None:
    heads = [_texts(r) for r in prev.rows if r and all(c.header for c in r)]
    rows = list(block.rows)
    while rows and repeated_head(rows[0], heads):  # printed again, as OCR may read it
        rows.pop(0)
    if rows and len(rows) == len(block.rows) and all(c.header for c in rows[0]):
        # no header printed again: what looked like one is a body row
        labels = len(prev.rows) > len(heads) and prev.rows[-1][0].header
        for k, cell in enumerate(rows[0]):
            cell.header = labels and k == 0
    carried_pairs(prev.rows, rows)  # a carried row's outline number as the rows above show theirs
    prev.rows.extend(rows)
