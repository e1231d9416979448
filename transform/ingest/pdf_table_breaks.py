"""Signs that the table at the head of a page is a table of its own, not the rest of the one ending the page before.

:mod:`pdf_table_join` joins two table parts a page break parts (consecutive pages, as many columns, only page
furniture between them). A table cut by the break goes on: its header row, when printed again, repeats the first
part's, and a row it carries over leaves empty the cells whose text it already gave. Two signs say the second part
starts over instead:

* **its own header row** (:func:`own_header`): the part opens with a row of column titles (two cells with text or
  more, every one a header cell) that repeats none of the first part's header rows. A tariff schedule sets its tables
  one under the other, each under its own title row (``Théâtre Gérard Philippe | Tarifs 2014``, then ``Salle
  polyvalente Albert Camus ... | Tarifs 2014`` at the top of the next page): the second is a table of its own. A
  title row of one cell spanning the table (a section's label inside a continued schedule) is no such row;
* **a record of its own** (:func:`own_record`): both parts are one row without header cells (a box per record, its
  key in the first cell and long lists in the others) and the second opens with a key of its own. A box cut by the
  break goes on with its key cell empty (an order's grids of communes by alert zone, ``RM 19 | ...`` then ``RM 21 |
  ...`` at the top of the next page: two zones, two grids; ``| ...`` under ``RM 21`` is the rest of RM 21).

A header row printed again is told by :func:`repeated_head`, as OCR may read it: each title the same but a few letters,
no word put for another. Counted over every page of the corpus's 45 PDFs (2026-12-08): of 306 pairs of tables on
consecutive pages, the first sign holds for 41 (11 of as many columns; all 11 new tables on the images, two of them
with only furniture between, so no longer joined), the second for one (the zones' grids above).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ..model import Cell, Table

KEY_WORDS = 3  # a record's key: a code or a short label of this many words at most
SAME_TITLE = 0.8  # similarity of two readings of one column title (OCR reads a repeated title a bit differently)
SAME_WORD = 0.6  # ... each of whose words is this near a word of the other (``2O14`` for ``2014``, ``Unite``)


def _text(cell: Cell) -> str:
    return " ".join(" ".join(s.text for s in cell.sentences).split())


def _heads(table: Table) -> list[list[str]]:
    """The texts of the table's leading header rows."""
    out: list[list[str]] = []
    for row in table.rows:
        if not row or not all(c.header for c in row):
            break
        out.append([_text(c) for c in row])
    return out


def _ratio(a: str, b: str) -> float:
    m = SequenceMatcher(None, a, b, autojunk=False)
    return m.ratio() if m.quick_ratio() >= SAME_WORD else 0.0


def _near(words: list[str], other: list[str]) -> bool:
    """Is every word of ``words`` that ``other`` lacks a misreading of one of its words?"""
    return all(w in other or any(_ratio(w, o) >= SAME_WORD for o in other) for w in words)


def _same(a: str, b: str) -> bool:
    """Two readings of one title: the same letters but a few, and no word put for another (two titles sharing a long
    ending, ``Cours particuliers : Tarifs pour l'année scolaire 2013/2014`` and ``Soirées et animations ... : Tarifs
    pour ...``, are two; so are a statement's ``Réalisations (titres émis)`` and ``Réalisations (mandats émis)``)."""
    if a == b:
        return True
    if not a or not b:
        return False
    m = SequenceMatcher(None, a, b, autojunk=False)
    if m.quick_ratio() < SAME_TITLE or m.ratio() < SAME_TITLE:
        return False
    wa, wb = a.split(), b.split()
    return _near(wa, wb) and _near(wb, wa)


def _repeats(row: list[str], head: list[str]) -> bool:
    """Is ``row`` the header row ``head`` printed again (each cell the same, as OCR may read it; cut into cells
    otherwise, the same text)?"""
    if len(row) != len(head):
        return _same(" ".join(t for t in row if t), " ".join(t for t in head if t))
    return all(_same(a, b) for a, b in zip(row, head, strict=True))


def repeated_head(row: list[Cell], heads: list[list[str]]) -> bool:
    """Is ``row`` one of the header rows ``heads`` (their texts) printed again, as OCR may read it?"""
    texts = [_text(c) for c in row]
    return any(_repeats(texts, [" ".join(t.split()) for t in h]) for h in heads)


def own_header(prev: Table, block: Table) -> bool:
    """``block`` opens with a row of column titles of its own (module docstring)."""
    heads = _heads(prev)
    if not heads or not block.rows:
        return False
    first = block.rows[0]
    texts = [_text(c) for c in first]
    if not all(c.header for c in first) or sum(1 for t in texts if t) < 2:
        return False
    return not any(_repeats(texts, h) for h in heads)


def own_record(prev: Table, block: Table) -> bool:
    """``prev`` and ``block`` are one-row boxes (no header cells) and ``block`` opens with a key of its own."""
    if len(prev.rows) != 1 or len(block.rows) != 1:
        return False
    a, b = prev.rows[0], block.rows[0]
    if len(a) < 2 or len(b) < 2 or any(c.header for c in a) or any(c.header for c in b):
        return False
    ka, kb = _text(a[0]), _text(b[0])
    if not ka or not kb or ka == kb or len(ka.split()) > KEY_WORDS or len(kb.split()) > KEY_WORDS:
        return False
    return any(_text(c) for c in a[1:]) and any(_text(c) for c in b[1:])
