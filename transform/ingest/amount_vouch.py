"""A malformed amount put right by its column's total, to the cent (issue 17).

An OCR'd table's cell read in a shape no amount has (``27 928/382`` for ``21 928,38€``) is flagged
``amount_malformed`` and read again from several crops of its cell (:mod:`transform.ocr.amount_retry`),
whose well-formed readings it keeps (``Cell._readings``) without taking any: crops a few pixels apart
read ``21 928,38€``, ``21 928,98€``... Here, once the document is read and tables cut by a page break are
joined (the total may be printed on the next page), each reading is put in the cell in turn and the
table's totals checked (:func:`table_sums.check_rows`). A reading is taken only when a total that sums
the cell (or the cell itself, when it is the total) then agrees **exactly**, to the last printed digit,
and no other reading of the cell does so with another amount; the cell loses its doubt and says in its
note that the total vouches for it. With no total, no exact agreement, or two readings that would both
do, the cell keeps its text, its doubt and its flag. Only cells flagged ``amount_malformed`` are tried:
an amount that already adds up is never changed (a malformed amount is a word to the check, no sum runs
through it). No tesseract call for them here.

A well-formed amount a total disagrees with (:func:`table_sums.check_table`) is read again too, from the
pixels its OCR'd cell kept (``Cell._ink``; one tesseract call for the total's cells, only then): the one
other amount of one of the total's cells with which the total agrees to the cent is taken; none, or several
that would do, and nothing changes (the totals check then flags them). Text layers keep no pixels: nothing
is read again there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .amount_forms import parse_amount
from .table_sums import Agreement, check_rows, check_table

if TYPE_CHECKING:
    from ..model import Cell, Document, Table

MALFORMED = "amount_malformed"  # transform.ocr.cell_doubt.MALFORMED
NOTE = "read again from its ink; the total {total} adds up with it to the cent"
TIMEOUT = 60.0  # seconds for the one tesseract call of a table's doubted amounts


def _texts(table: Table) -> list[list[str]]:
    return [[" ".join(s.text for s in cell.sentences) for cell in row] for row in table.rows]


def _vouched(table: Table, texts: list[list[str]], at: tuple[int, int], reading: str) -> tuple[int, int] | None:
    """The cell of a total that agrees to the cent with ``reading`` in the cell at ``at``, or None."""
    rows = table.rows
    tried = [list(r) for r in texts]
    tried[at[0]][at[1]] = reading
    agreed: list[Agreement] = []
    check_rows(tried, [[c.colspan or 1 for c in r] for r in rows], [[c.rowspan or 1 for c in r] for r in rows],
               [bool(r) and all(c.header for c in r) for r in rows], agreed_at=agreed)
    for a in agreed:
        if a.exact and (a.total == at or at in a.summed):
            return a.total
    return None


def vouch_table(table: Table) -> int:
    """Put right the malformed amounts of ``table`` whose total vouches for one of their readings (see the
    module's docstring); returns how many cells changed."""
    asked = [(r, i, c) for r, row in enumerate(table.rows) for i, c in enumerate(row) if c.doubt == MALFORMED and c._readings]
    changed = 0
    for r, i, cell in asked:
        texts = _texts(table)
        good: dict[object, tuple[str, tuple[int, int]]] = {}  # amount -> (reading, its total's cell)
        for reading in cell._readings:
            if (total := _vouched(table, texts, (r, i), reading)) is not None:
                good.setdefault(parse_amount(reading, ","), (reading, total))
        if len(good) != 1:
            continue  # no total vouches, or two amounts would both do: the flag stays
        reading, (tr, ti) = next(iter(good.values()))
        _take(cell, reading, texts[tr][ti].strip())
        changed += 1
    if changed and table.doubt == MALFORMED:
        table.doubt = next((c.doubt for row in table.rows for c in row if c.doubt), None)
    return changed + _vouch_sums(table)


def _vouch_sums(table: Table) -> int:
    """A total that disagrees with the well-formed amounts it sums: the cells whose pixels were kept
    (``Cell._ink``, OCR'd tables: :func:`transform.ocr.amount_retry.keep_ink`) are read again from their
    crops (one tesseract call for the total's cells), and the one other amount of one cell with which the
    total then agrees to the cent is taken; none, or several cells or amounts that would do: nothing changes
    (the totals check then flags them, :mod:`table_sums`)."""
    if not any((c.__pydantic_private__ or {}).get("_ink") for row in table.rows for c in row):  # (the getter is slow)
        return 0
    changed = 0
    for f in check_table(table):
        spots = [(r, i) for r, i in [f.total, *f.summed] if table.rows[r][i]._ink and table.rows[r][i].doubt is None]
        if not spots:
            continue
        from ..ocr.amount_retry import read_inks

        reads = read_inks([table.rows[r][i]._ink for r, i in spots], False, TIMEOUT)  # type: ignore[misc]
        texts = _texts(table)
        good: dict[tuple[tuple[int, int], object], tuple[str, tuple[int, int]]] = {}
        for (r, i), readings in zip(spots, reads, strict=True):
            now = texts[r][i].strip()
            for reading in readings:
                if now.endswith("€") and not reading.endswith("€"):
                    reading += "€"
                if (amount := parse_amount(reading, ",")) == parse_amount(now, ","):
                    continue
                if (total := _vouched(table, texts, (r, i), reading)) is not None:
                    good.setdefault(((r, i), amount), (reading, total))
        if len(good) != 1:
            continue
        ((r, i), _amount), (reading, (tr, ti)) = next(iter(good.items()))
        _take(table.rows[r][i], reading, texts[tr][ti].strip())
        changed += 1
    return changed


def _take(cell: Cell, reading: str, total: str) -> None:
    cell.sentences[0].text = reading
    del cell.sentences[1:]
    cell.doubt = None
    cell.note = NOTE.format(total=total)
    cell.suggestion = None


def vouch_document(doc: Document) -> int:
    """:func:`vouch_table` on every table of ``doc``; returns how many cells changed."""
    from ..model import Table
    from ..model.walk import iter_blocks

    return sum(vouch_table(b) for _s, b in iter_blocks(doc) if isinstance(b, Table))
