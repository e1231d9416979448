"""Outline numbers of a right-to-left table read as the page shows them (pdf_table_pairs, via fill_text).

Modelled on order 1033.21 p. 6: a ruled Arabic table whose first column numbers themes ``1``, ``2`` and their
items with hyphen pairs drawn ``1-1``, ``2-1``, ``3-1`` (item, hyphen, theme, left to right)."""

from __future__ import annotations

from types import SimpleNamespace

from transform.ingest.pdf_table_cells import GridCell, fill_text
from transform.ingest.pdf_table_glyphs import Glyphs


def _table(column: list[str], label: str = "عقود") -> tuple[list[GridCell], Glyphs]:
    """One row a line: the number cell drawn at x 400 (its characters in drawn order, left to right), an Arabic
    label cell at x 300; a header row first."""
    rows = ["رقم"] + column
    lines = [SimpleNamespace(size=12.0, top=20.0 * r, bottom=20.0 * r + 12, baseline=20.0 * r + 12, bold=False,
                             text=text) for r, text in enumerate(rows)]
    g = Glyphs(lines)  # type: ignore[arg-type]
    cells: list[GridCell] = []
    for r, text in enumerate(rows):
        members = []
        for k, ch in enumerate(text):
            members.append(len(g.ch))
            g.idx.append(len(g.idx))
            g.ch.append(ch)
            g.x0.append(400 + 6 * k)
            g.x1.append(406 + 6 * k)
            g.cy.append(20.0 * r + 6)
            g.line.append(r)
            g.bold.append(False)
        cells.append(GridCell(r, 0, members))
        if r:
            cells.append(GridCell(r, 1, []))
    return cells, g


DRAWN = ["1", "1-1", "2-1", "3-1", "4-1", "2", "1-2", "2-2", "3-2"]


def test_an_outline_column_reads_as_drawn() -> None:
    cells, g = _table(DRAWN)
    fill_text(cells, g, rtl=True)
    got = [c.text for c in cells if c.col == 0][1:]
    assert got == DRAWN  # main read 1-2, 1-3, 1-4, 2-1, 2-3 (the typed order)


def test_a_carried_run_at_the_column_head() -> None:
    """A page going on with the theme of the page before: its first pairs have no theme above them."""
    drawn = ["4-2", "3", "1-3", "2-3", "3-3"]
    cells, g = _table(drawn)
    fill_text(cells, g, rtl=True)
    assert [c.text for c in cells if c.col == 0][1:] == drawn


def test_ranges_and_lone_pairs_keep_the_range_reading() -> None:
    """Age brackets (drawn 24-15, read 15-24), a column with no theme, items not counting up: unchanged."""
    for column in (["24-15", "34-25", "44-35"], ["1-1", "2-1", "3-1"], ["1", "1-1", "3-1", "2-1"], ["1", "2-1", "كذا"]):
        cells, g = _table(column)
        fill_text(cells, g, rtl=True)
        got = [c.text for c in cells if c.col == 0][1:]
        typed = ["-".join(reversed(t.split("-"))) if "-" in t else t for t in column]
        assert got == typed, column


def test_left_to_right_tables_untouched() -> None:
    cells, g = _table(DRAWN)
    fill_text(cells, g, rtl=False)
    assert [c.text for c in cells if c.col == 0][1:] == DRAWN
