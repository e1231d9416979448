"""What a grid of cells must not be, and the header a ruled table's frame gives it.

Applied to every table the search reads (ruled or not), after the content test of
:func:`pdf_table_cells.plausible`:

* **cut words**: cells that part two touching letters of one line are a frame drawn over
  text (a magazine's callouts, photos and roundels), never a table: a table's rules keep a
  margin from their text;
* **a title frame**: a ruled box of two lines of bold words without a digit (a page's framed
  title and its code) has no data row; a code of capitals and digits alone in its cell (``B3.2``,
  ``D7.1``: the state accounting statements' section codes) is no digit of data;
* **a title across the frame**: a ruled table's first row made of one cell of words across
  every column is its header row;
* **sentences running into their amounts** (unruled tables only): lines of prose that each end on an
  amount set at a tab stop (``- un excédent de fonctionnement de l'exercice de      7 779,41€``,
  ``Art. 002 - Report à nouveau      :      1 542 121,54€``) line up like a table's columns, but the words
  before each amount end on a word that needs what follows (``de``, ``à``, ``pour``...) or on a colon: the
  amount completes the sentence. A table's label is a name (``Excédent de fonctionnement``), never cut so;
  over the corpus's truth (1,052 table rows) no cell ends on such a word;
* **a label wrapped over two rows** (unruled tables only): a row holding only its first cell, which ends on such a
  word (``COMICE AGRICOLE DE`` over ``PUTANGES      320,00``), is the first line of the next row's label
  (:func:`join_wrapped_labels`).
"""

from __future__ import annotations

import re

from .pdf_table_cells import Glyphs, GridCell
from .pdf_table_rows import line_size

# French words that cannot end a label: the phrase goes on into the cell after them
RUNS_ON = frozenset("de du des d' à au aux le la les l' un une pour par en et sur avec dans soit".split())
SECTION_CODE = re.compile(r"^[A-Z]{1,3}\d{1,2}(?:\.\d{1,2})*$")  # a section's code alone in its cell (B3.2, D7.1)


def cuts_words(cells: list[GridCell], glyphs: Glyphs) -> bool:
    """Cells that cut words: letters of one word on one line, touching, put in two cells
    (frames and photos drawn across a magazine's text, read as rules). A table's rules never
    cut a word: a cell keeps a margin from its rules."""
    cell_of = [-1] * len(glyphs.idx)  # -1: in no cell
    for k, c in enumerate(cells):
        for j in c.members:
            cell_of[j] = k
    cuts = 0
    line, chars = glyphs.line, glyphs.ch
    for j in range(len(glyphs.idx) - 1):
        a, b = cell_of[j], cell_of[j + 1]
        if a < 0 or b < 0 or a == b or line[j] != line[j + 1]:
            continue
        if not (chars[j].isalnum() and chars[j + 1].isalnum()):
            continue
        size = line_size(glyphs.lines[glyphs.line[j]])
        if abs(glyphs.cy[j] - glyphs.cy[j + 1]) > 0.3 * size:
            continue  # one text line over two rows (pdfium joins them): not one word
        left, right = (j, j + 1) if glyphs.x0[j] <= glyphs.x0[j + 1] else (j + 1, j)
        if -size < glyphs.x0[right] - glyphs.x1[left] < 0.1 * size:
            cuts += 1
    return cuts >= 2


def title_frame(cells: list[GridCell], glyphs: Glyphs) -> bool:
    """A ruled box of two lines of bold words at most (a page's framed title and its code):
    no data row, so not a table. A table has rows of data under its header (two rows of
    plain words, a role beside a name, stay a table)."""
    filled = [c for c in cells if c.text.strip()]
    if len({c.row for c in filled}) > 2 or any(
            any(ch.isdigit() for ch in c.text) and not SECTION_CODE.match(c.text.strip()) for c in filled):
        return False
    return all(glyphs.bold[j] for c in filled for j in c.members if glyphs.ink(j))


def spanning_title(cells: list[GridCell], ncols: int) -> None:
    """A ruled table whose first row is one cell of words across every column (its title inside
    the frame, ``NIVEAU DE LA DGF/HABITANT``) heads it, as the header row."""
    first = [c for c in cells if c.row == 0 and c.text.strip()]
    if len(first) != 1 or first[0].header or first[0].colspan < ncols or ncols < 2:
        return
    if any(ch.isdigit() for ch in first[0].text) or not any(c.row >= 2 and c.text.strip() for c in cells):
        return
    first[0].header = True


def _runs_on(text: str) -> bool:
    """Do the words of ``text`` end on a word that needs what follows, or on a colon?"""
    words = text.replace("’", "'").split()
    return bool(words) and (words[-1].endswith(":") or words[-1].lower() in RUNS_ON)


def sentence_rows(cells: list[GridCell]) -> bool:
    """Is an unruled grid prose whose sentences run into their amounts (see the module docstring)? Each row
    holding two filled cells or more ends on a cell with a digit, and the filled cell before it runs on;
    two such rows at least, and no other row of two cells."""
    rows: dict[int, list[GridCell]] = {}
    for c in cells:
        if c.text.strip():
            rows.setdefault(c.row, []).append(c)
    told = 0
    for row in rows.values():
        if len(row) < 2:
            continue
        row.sort(key=lambda c: c.col)
        if not any(ch.isdigit() for ch in row[-1].text) or not _runs_on(row[-2].text):
            return False
        told += 1
    return told >= 2


def join_wrapped_labels(cells: list[GridCell]) -> int:
    """Join a row holding only its first cell, whose words run on (``COMICE AGRICOLE DE``), to the next row's first
    cell (``PUTANGES`` beside ``320,00``): one label printed over two lines. ``cells`` is changed in place (the
    joined row's cells go, its characters with the label); returns how many rows were joined."""
    rows: dict[int, list[GridCell]] = {}
    for c in cells:
        rows.setdefault(c.row, []).append(c)
    gone: set[int] = set()
    for r in sorted(rows):
        filled = [c for c in rows[r] if c.text.strip()]
        below = [c for c in rows.get(r + 1, []) if c.col == 0 and c.text.strip() and c.rowspan == 1]
        if (len(filled) != 1 or filled[0].col != 0 or filled[0].colspan != 1 or filled[0].rowspan != 1 or not below
                or filled[0].text.strip().endswith(":") or not _runs_on(filled[0].text) or r in gone):
            continue
        below[0].text = f"{filled[0].text.strip()} {below[0].text.strip()}"
        below[0].members = filled[0].members + below[0].members
        gone.add(r)
    if gone:
        cells[:] = [c for c in cells if c.row not in gone]
    return len(gone)
