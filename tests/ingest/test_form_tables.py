"""Ruled form tables: a header row, row labels in the first column, the other cells blank.

Decree 2.09.197 (tests/realdocs/files/adala-ar-decree-2-09-197.pdf) annexes a report form.
Pages 4 and 10 each print a ruled grid, 5 columns (`فئات الأجراء | الرجال | النساء | المجموع
| الأجانب منهم`), whose body rows are not ruled from each other: the labels of the first column
stand beside columns of dot leaders to fill in, and only a total row is boxed. The rows are
the printed lines, the value cells are empty, and the row labels are no headings. A frame, a
two-line box, a grid without header cells or without row labels is still no table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.ingest.pdf_table_cells import GridCell, is_form, plausible
from transform.ingest.pdf_table_spans import split_spanned
from transform.model import Heading, Table

from ._realpages import read_pages
from .test_pdf_tables_council import _glyphs

NAME = "adala-ar-decree-2-09-197.pdf"
HEADER = ["فئات الأجراء", "الرجال", "النساء", "المجموع", "الأجانب منهم"]


def _cell(cell: object) -> str:
    return " ".join(" ".join(s.text for s in cell.sentences).split())  # type: ignore[attr-defined]


@pytest.mark.parametrize(("page", "engineers"), [(4, "- المهندسون والأطر"), (10, "- المهندسون و الأطر")])
def test_form_grid_is_a_table_with_its_row_labels(page: int, engineers: str, tmp_path: Path) -> None:
    blocks = read_pages(NAME, [page - 1], tmp_path)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert [_cell(c) for c in rows[0]] == HEADER
    assert all(c.header for c in rows[0])
    assert len(rows) == 6 and all(len(r) == 5 for r in rows)
    assert [_cell(r[0]) for r in rows[1:]] == [engineers, "- التقنيون", "- المستخدمون", "- العمال", "المجموع"]
    assert all(_cell(c) == "" for r in rows[1:] for c in r[1:])  # blank fields to fill in
    headings = [" ".join(s.text for s in b.sentences) for b in blocks if isinstance(b, Heading)]
    for label in ("المهندسون", "التقنيون", "المستخدمون", "العمال", "فئات الأجراء"):
        assert not any(label in h for h in headings), headings


# -- the form rule on bad outputs --------------------------------------------------------------


def _grid(rows: list[list[str]]) -> tuple[list[GridCell], int, int]:
    out = [GridCell(r, c, [], text=text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return out, len(rows), max(len(r) for r in rows)


def test_form_rule_accepts_a_ruled_form() -> None:
    cells, nrows, ncols = _grid([HEADER[:3], ["- التقنيون", "", ""], ["- العمال", "", ""], ["المجموع", "", ""]])
    assert is_form(cells, nrows, ncols)
    assert plausible(cells, nrows, ncols, ruled=True)
    assert not plausible(cells, nrows, ncols, ruled=False)  # without rules a column of words is no table


@pytest.mark.parametrize("rows", [
    [["Conseil régional", "Séance du 12 mars"], ["Ordre du jour", ""]],  # a two-line box
    [["Un cadre autour d'un texte"], ["qui court sur"], ["trois lignes"]],  # a frame: one column
    [["", "", ""], ["- التقنيون", "", ""], ["- العمال", "", ""]],  # no header row
    [["فئات الأجراء", "", "النساء"], ["- التقنيون", "", ""], ["- العمال", "", ""]],  # a column without header
    [["فئات الأجراء", "الرجال"], ["- التقنيون", ""], ["", ""], ["- العمال", ""]],  # a row without its label
    [["فئات الأجراء", "الرجال"], ["", ""], ["", ""]],  # header only: a callout over a photo frame
], ids=["two-line-box", "frame", "no-header", "header-gap", "label-gap", "header-only"])
def test_form_rule_rejects_frames_and_boxes(rows: list[list[str]]) -> None:
    cells, nrows, ncols = _grid(rows)
    assert not is_form(cells, nrows, ncols)
    assert not plausible(cells, nrows, ncols, ruled=True)


def test_blank_fields_cut_a_tall_row_into_rows_and_words_do_not() -> None:
    """One ruled row holding two labels beside two blank fields per column becomes two rows;
    two lines of words beside each other (a paragraph in a frame) stay one row."""
    g = _glyphs([("Cadres", 0.0), ("......", 100.0), ("Agents", 0.0), ("......", 100.0)])
    g.cy[12:] = [30.0] * 12  # the second printed line, 24 pt lower
    g.lines[0].baseline = None
    g.baseline = lambda j: g.cy[j]  # type: ignore[method-assign]
    cells = [GridCell(0, 0, list(range(6)) + list(range(12, 18))), GridCell(0, 1, list(range(6, 12)) + list(range(18, 24)))]
    out, nrows = split_spanned(cells, 1, 2, g)
    assert nrows == 2
    assert sorted((c.row, c.col, g.plain(c.members)) for c in out) == [
        (0, 0, "Cadres"), (0, 1, "......"), (1, 0, "Agents"), (1, 1, "......")]
    g.ch[6:12] = list("budget")
    g.ch[18:24] = list("annuel")
    _, nrows = split_spanned(cells, 1, 2, g)
    assert nrows == 1
