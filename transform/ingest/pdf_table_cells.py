"""A table under construction and the last word on a grid: cell text, is it a table, which
cells are headers.

Its characters and their cells' logical text are read by :class:`.pdf_table_glyphs.Glyphs`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Cell, Sentence, Table
from ..structure.built import builder
from .pdf_bidi import is_rtl_line
from .pdf_table_glyphs import Glyphs
from .pdf_table_heads import DOTS, translation_row, year_heads
from .pdf_table_pairs import outline_pairs

NUMBER = re.compile(
    r"^[\s(+\-−–€$]*(?:[0-9٠-٩][0-9٠-٩\s.,'’/:]*[0-9٠-٩]|[0-9٠-٩])\s*\)?\s*"
    r"(?:%|‰|٪|€|\$|dh|dhs|mad|mdh|mdhs|km²?|kms|m²|m³|ha|k?dh|درهم|في المائة|بالمائة|مليون)?\s*\)?$",
    re.I,
)
BLANK = re.compile(r"^[\s\-–—.]*$")  # "-" or "—" for an empty amount
SMALL_INT = re.compile(r"^\d{1,3}$")
MAX_WORDS_PER_CELL = 8.0  # mean words per filled cell of a table without ruling lines; prose has more


def is_number(text: str) -> bool:
    return bool(NUMBER.match(text)) and any(c.isdigit() for c in text)


@dataclass
class GridCell:
    """A cell of a table under construction: grid position, span and its characters."""

    row: int
    col: int
    members: list[int]
    colspan: int = 1
    rowspan: int = 1
    text: str = ""
    header: bool = False


def table_direction(glyphs: Glyphs, members: list[int]) -> bool:
    return is_rtl_line(glyphs.raw_text(members))


LEADERS = re.compile(r"\s*(?:(?:\.\s?){4,}|…{2,}|_{4,})\s*")


def fill_text(cells: list[GridCell], glyphs: Glyphs, rtl: bool) -> None:
    """Each cell's logical text, dot leaders (``Edition générale........``) left out."""
    for c in cells:
        text = glyphs.text(c.members, rtl) if c.members else ""
        c.text = " ".join(LEADERS.sub(" ", text).split()) if LEADERS.search(text) else text
    if rtl:  # outline numbers (``2-1`` under ``1``) as the page shows them (pdf_table_pairs)
        outline_pairs(cells, glyphs)


def _columns(cells: list[GridCell], ncols: int) -> list[list[GridCell]]:
    cols: list[list[GridCell]] = [[] for _ in range(ncols)]
    for c in cells:
        if c.colspan == 1 and c.text:
            cols[c.col].append(c)
    return cols


def numeric_columns(cells: list[GridCell], ncols: int, body_from: int, least: int = 2) -> set[int]:
    """Columns whose filled body cells (at least ``least``) are mostly numbers (amounts,
    shares, counts, years)."""
    out = set()
    for k, col in enumerate(_columns([c for c in cells if c.row >= body_from], ncols)):
        nums = sum(1 for c in col if is_number(c.text))
        blanks = sum(1 for c in col if BLANK.match(c.text))
        if len(col) >= least and nums + blanks >= 0.6 * len(col) and nums:
            out.add(k)
    return out


def looks_like_toc(cells: list[GridCell], ncols: int, nums: set[int], body_from: int) -> bool:
    """A contents list: one number column, the last one, of small non-decreasing integers (page numbers)."""
    last = ncols - 1
    if nums != {last}:
        return False
    vals = [c.text for c in sorted(cells, key=lambda c: c.row) if c.col == last and c.row >= body_from and c.text]
    if len(vals) < 3 or not all(SMALL_INT.match(v) for v in vals):
        return False
    ints = [int(v) for v in vals]
    return all(a <= b for a, b in zip(ints, ints[1:], strict=False))


def is_form(cells: list[GridCell], nrows: int, ncols: int) -> bool:
    """A ruled form: at least three rows and two columns, a header cell over every column and
    a label in the first column of every row below it; the other cells may be empty (blank
    fields to fill in)."""
    if nrows < 3 or ncols < 2:
        return False
    head = {k for c in cells if c.row == 0 and c.rowspan == 1 and c.text for k in range(c.col, c.col + c.colspan)}
    labels = {r for c in cells if c.col == 0 and c.colspan == 1 and c.text for r in range(c.row, c.row + c.rowspan)}
    return len(head) == ncols and labels >= set(range(nrows))


def plausible(cells: list[GridCell], nrows: int, ncols: int, ruled: bool) -> bool:
    """Content test: at least two columns and two rows with text; without ruling lines also
    short cells (labels and numbers, not sentences), a number column or a wider grid, most
    rows with two cells or more, and not a contents list."""
    filled = [c for c in cells if c.text]
    if not filled:
        return False
    rows_with = {c.row for c in filled}
    cols_with: dict[int, set[int]] = {}
    for c in filled:
        for k in range(c.col, c.col + c.colspan):
            cols_with.setdefault(k, set()).add(c.row)
    real_cols = [k for k, rs in cols_with.items() if len(rs) >= 2]
    if ruled and len(real_cols) < 2 and is_form(cells, nrows, ncols):
        return True
    if len(rows_with) < 2 or len(real_cols) < 2:
        return False
    if ruled:
        return True
    if len(rows_with) < 3:
        return False
    words = sum(len(c.text.split()) for c in filled) / len(filled)
    if words > MAX_WORDS_PER_CELL:
        return False
    nums = numeric_columns(cells, ncols, 1)
    if not nums and (ncols < 3 or len(rows_with) < 4):
        return False  # two columns of words (signatures side by side, "name: role") are not a table
    if looks_like_toc(cells, ncols, nums, 0):
        return False
    slots = nrows * ncols
    if sum(c.colspan * c.rowspan for c in filled) < 0.5 * slots:
        return False
    # a table row binds a label to its values: most rows hold two cells or more (a chart's
    # axis labels and legends, scattered over a figure, do not)
    per_row: dict[int, int] = {}
    for c in filled:
        per_row[c.row] = per_row.get(c.row, 0) + 1
    return sum(1 for n in per_row.values() if n >= 2) >= 0.6 * nrows


def mark_headers(cells: list[GridCell], ncols: int, header_rows: int | None, glyphs: Glyphs, ruled: bool = False) -> None:
    """Header cells: the given number of top rows, or else the first row when it differs from
    the body (words over a number column, bold over plain text) or, in a ruled table, when
    it is all words (a second row too when the first one spans columns over it: a header on
    two levels); and the first column when it holds the labels of rows whose other cells are
    numbers (row headers), in the rows that hold a value."""
    if header_rows is None:
        header_rows = _header_rows(cells, ncols, glyphs, ruled)
    for c in cells:
        if c.row < header_rows:
            c.header = True
    nums = numeric_columns(cells, ncols, header_rows, least=1)
    filled = {r for c in cells if c.text for r in range(c.row, c.row + c.rowspan)}
    # (a row without any text, a line of blank fields whose dots were left out, labels nothing and vetoes nothing)
    labels = [c for c in cells if c.row >= header_rows and c.col == 0 and any(r in filled for r in range(c.row, c.row + c.rowspan))]
    if nums and 0 not in nums and labels and all(c.text and not is_number(c.text) for c in labels if c.colspan < ncols):
        valued = {r for c in cells if c.col > 0 and c.text for r in range(c.row, c.row + c.rowspan)}
        for c in labels:  # a label heads the values of its row(s): a row with none (a section's title, a note) has no row header
            c.header = c.header or any(r in valued for r in range(c.row, c.row + c.rowspan))


def _header_rows(cells: list[GridCell], ncols: int, glyphs: Glyphs, ruled: bool) -> int:
    first = [c for c in cells if c.row == 0 and c.text and not DOTS.fullmatch(c.text)]  # dots to fill in: no label
    if not first or (any(is_number(c.text) for c in first) and not year_heads(cells)):
        return 0
    body = [c for c in cells if c.row > 0 and c.text]
    nums = numeric_columns(cells, ncols, 1, least=1)
    bold_first = all(all(glyphs.bold[j] for j in c.members) for c in first)
    bold_body = bool(body) and all(all(glyphs.bold[j] for j in c.members) for c in body)
    words_over_numbers = any(c.col in nums for c in first)
    row0 = [c for c in cells if c.row == 0]
    all_words = ruled and all(c.text for c in row0 if c.colspan < ncols) and len(first) >= 2
    second = [c for c in cells if c.row == 1 and c.text]  # set bold as well, under no spanning cell: bold sets no row apart
    bold_first = bold_first and not (second and all(all(glyphs.bold[j] for j in c.members) for c in second)
                                     and all(c.colspan == 1 for c in row0))
    if not (words_over_numbers or (bold_first and not bold_body) or all_words):
        return 0
    if not words_over_numbers and not bold_first and _names_grid(cells, row0, glyphs):
        return 0  # a ruled grid of names: its first row is set as the others
    n, last = 1, max(c.row + c.rowspan for c in cells) - 1
    while True:  # "Crédits" over "2025 | 2026": both rows are the header; a third under a second that spans again
        spans = [c for c in cells if c.row == n - 1 and 1 < c.colspan < ncols]
        under = [c for c in cells if c.row == n and c.text]
        if n >= 2 and n >= last:
            return n  # a header on three levels or more leaves a body row
        if not (spans and under and not any(is_number(c.text) for c in under) and all(
                any(c.row == n and s.col <= c.col < s.col + s.colspan and c.text for c in cells) for s in spans)
                or translation_row(cells, n)):  # or the header again in the other language (pdf_table_heads)
            return n
        n += 1


def _names_grid(cells: list[GridCell], row0: list[GridCell], glyphs: Glyphs) -> bool:
    """Every row set alike: the same number of filled cells as the first row, no cell a number, no bold, and no
    cell spanning columns (a list of members in a ruled grid, two names a row; a header row would differ)."""
    filled = [c for c in cells if c.text]
    width = sum(1 for c in row0 if c.text)
    per_row: dict[int, int] = {}
    for c in filled:
        per_row[c.row] = per_row.get(c.row, 0) + 1
    return (len(per_row) >= 2 and all(n == width for n in per_row.values()) and all(c.colspan == 1 for c in cells)
            and not any(is_number(c.text) or any(glyphs.bold[j] for j in c.members) for c in filled))


def to_table(cells: list[GridCell], nrows: int) -> Table:
    """The table's model, built without validation (:func:`transform.structure.built.builder`: our values are of
    the fields' types)."""
    rows: list[list[Cell]] = [[] for _ in range(nrows)]
    for c in sorted(cells, key=lambda c: (c.row, c.col)):
        sentences = [_SENTENCE(id="", text=c.text, notes={})] if c.text else []
        rows[c.row].append(_CELL(sentences=sentences, header=c.header, colspan=c.colspan, rowspan=c.rowspan))
    return _TABLE(rows=[r for r in rows if r], caption=[])


_SENTENCE, _CELL, _TABLE = builder(Sentence), builder(Cell), builder(Table)
