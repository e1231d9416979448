"""A table on a page read in columns is read after the text over it in its own column.

The first line read under a table's top may stand in the next column: a table at the foot of the
left column, whose continuation opens the right one, was read inside the right column's paragraph
that runs on lower (BO 7440 p. 9: the channel's table of points cut ``ART. 4`` in two). Placed by
its column (:func:`pdf_regions.in_its_column`), it comes after the article that introduces it and
before the right column's text. First lines and edges made by hand (cheap), then the real page read
once.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.ingest._realpages import block_text, read_pages
from transform.ingest.pdf_layout import Edges
from transform.ingest.pdf_regions import TableBox, table_slots
from transform.model import Paragraph, Table

BO_7440 = "bo-fr-7440-2025.pdf"


def _line(text: str, x0: float, top: float, x1: float) -> SimpleNamespace:
    return SimpleNamespace(text=text, x0=x0, top=top, x1=x1, bottom=top + 9.0, rtl=False)


def _two_columns() -> tuple[list[SimpleNamespace], list[Edges]]:
    """Left column (x 25-287) down to 720, right column (x 310-573) from 90 to 760, in reading order."""
    left = [_line(f"left {k}", 25.0, 100.0 + 20.0 * k, 287.0) for k in range(32)]  # 100 .. 720
    right = [_line(f"right {k}", 310.0, 190.0 + 20.0 * k, 573.0) for k in range(29)]  # 190 .. 750
    edges = [Edges(25.0, 287.0, 0)] * len(left) + [Edges(310.0, 573.0, 1)] * len(right)
    return left + right, edges


def test_a_table_at_the_foot_of_the_left_column_comes_after_that_column() -> None:
    lines, edges = _two_columns()
    table = object()
    slots = table_slots(lines, edges, [TableBox(732.0, table, 52.0, 262.0, 790.0)])
    assert slots == [(32, table)], slots  # after "left 31", before "right 0": not among the right column's lines


def test_a_table_at_the_top_of_the_right_column_comes_before_its_text() -> None:
    lines, edges = _two_columns()
    table = object()
    slots = table_slots(lines, edges, [TableBox(80.0, table, 330.0, 560.0, 170.0)])
    assert slots == [(32, table)], slots  # the right column's first text is under it; the left column is read first


def test_a_single_column_page_keeps_the_first_line_under_the_top() -> None:
    lines = [_line(f"line {k}", 50.0, 100.0 + 20.0 * k, 540.0) for k in range(10)]
    table = object()
    slots = table_slots(lines, [Edges(50.0, 540.0, 0)] * 10, [TableBox(205.0, table, 300.0, 540.0, 260.0)])
    assert slots == [(6, table)], slots  # unchanged: before the first line whose top is under the table's


@pytest.fixture(scope="module")
def page9(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return read_pages(BO_7440, [8], tmp_path_factory.mktemp("bo7440"))


def test_the_channels_table_is_read_after_its_article_and_cuts_no_paragraph(page9: list[object]) -> None:
    order = ["<table>" if isinstance(b, Table) else block_text(b) for b in page9]
    art2 = next(k for k, t in enumerate(order) if t.startswith("ART. 2. – Le chenal"))
    art3 = next(k for k, t in enumerate(order) if t.startswith("ART. 3. – Le présent arrêté"))
    assert order[art2 + 1] == "<table>" and art3 == art2 + 2, order[art2:art2 + 3]
    table = page9[art2 + 1]
    assert isinstance(table, Table) and len(table.rows) == 9  # one table: header and C1 to C8
    art4 = next(t for t in order if t.startswith("ART. 4. –"))
    assert art4.endswith("l’Institut marocain de normalisation."), art4  # ART. 4 whole
    assert not any(isinstance(b, Paragraph) and block_text(b) == "normalisation." for b in page9)
