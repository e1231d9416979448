"""A printed table read badly is not an invented one (transform/evaluation/layout._same_shape): an output table that
matches no truth table, on a page whose truth table was missed and has its columns and rows, is counted as a miss
of precision and recall ("table-misread") but not as a table made from prose. A table of another shape, or one on a
page whose table was found, still counts as invented."""

from __future__ import annotations

from transform.model import Cell, Sentence, Table

from .test_fidelity_scorer import BUDGET, failures, flat, read, rebuilt, score, truth


def _garbled(table: Table, keep_rows: int | None = None) -> Table:
    rows = table.rows[:keep_rows] if keep_rows else table.rows
    return Table(page=table.page, rows=[[Cell(header=c.header, sentences=[Sentence(id="c", text="xq zv")]) for c in r] for r in rows])


def _with(change) -> tuple[object, object]:  # type: ignore[no-untyped-def]
    blocks = flat(read(BUDGET))
    k = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and len(b.rows) >= 4)
    blocks[k] = change(blocks[k])
    s = score(rebuilt(read(BUDGET), blocks), truth(BUDGET))
    return s, s.totals


def test_a_table_read_badly_is_misread_not_invented() -> None:
    s, t = _with(_garbled)
    assert t.tables_invented == 0
    assert t.tables.recall < 1 and t.tables.precision < 1  # still a fault of the table figures
    assert "tables" not in failures(t)  # the target "no invented table" is about tables made from prose
    assert [i.what for p in s.pages for i in p.issues if i.what.startswith("table")] == ["table-missed", "table-misread"]


def test_a_garbled_table_of_another_shape_is_still_invented() -> None:
    s, t = _with(lambda tb: _garbled(tb, keep_rows=2))
    assert t.tables_invented == 1 and "tables" in failures(t)
