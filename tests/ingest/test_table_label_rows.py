"""Rows inside one ruled grid row (pdf_table_stacks): Cabestany's compte financier unique rules
its results table by groups only, so one grid row holds a section title, a fund's name wrapped
over two lines, its `Investissement`, `Fonctionnement` and `Sous-Total` labels and the amounts
beside them; the labels were one cell spanning the amounts' rows (rows 0.79). The municipal
magazine's rates tables print `(*) chiffres de 2023.` in small type under their last town,
inside the frame: it was read into that town's label cell."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import read_pages
from transform.ingest.pdf_table_cells import GridCell
from transform.ingest.pdf_table_stacks import stacked_rows
from transform.model import Table


def _rows(table: Table) -> list[list[str]]:
    return [[" ".join(s.text for s in c.sentences) for c in row] for row in table.rows]


def _tables(name: str, index: int, folder: Path) -> list[list[list[str]]]:
    return [_rows(b) for b in read_pages(name, [index], folder) if isinstance(b, Table)]


def test_results_table_one_row_per_label(tmp_path: Path) -> None:
    (rows,) = _tables("cabestany-cfu-2024.pdf", 6, tmp_path)
    firsts = [r[0] for r in rows]
    assert firsts[1:8] == [
        "I - Budget principal", "Investissement", "Fonctionnement", "TOTAL I",
        "II - Budgets des services à caractère administratif", "32600-LOGT LES HAUTS DU MOULINAS", "Investissement",
    ]
    assert firsts[8:14] == ["Fonctionnement", "Sous-Total", "32700-LOT PARCS GERMANOR CABESTANY",
                            "Investissement", "Fonctionnement", "Sous-Total"]
    assert all(len(r) == 6 for r in rows)  # empty cells kept: every amount under its column
    assert rows[2] == ["Investissement", "-1 199 238,12", "", "366 083,41", "", "-833 154,71"]
    assert rows[3] == ["Fonctionnement", "3 481 267,96", "1 192 399,97", "-694 171,87", "", "1 594 696,12"]
    assert rows[1][1:] == [""] * 5  # a section title: a row without amounts
    assert rows[12] == ["Fonctionnement", "", "", "", "", ""]  # a label without amounts
    assert rows[13] == ["Sous-Total", "-819 838,23", "", "373 403,43", "", "-446 434,80"]


def test_note_under_the_last_row_is_a_row(tmp_path: Path) -> None:
    tables = _tables("cabestany-budget-2024-cabesinfo.pdf", 0, tmp_path)
    by_title = {t[0][0]: t for t in tables}
    dgf = by_title["NIVEAU DE LA DGF/HABITANT"]
    assert dgf[-2:] == [["Saleilles*", "146€/hab."], ["(*) chiffres de 2023.", ""]]
    tax = by_title["TAXE SUR LE FONCIER BÂTI"]
    assert tax[-2:] == [["Saleilles*", "42,84 %"], ["(*) chiffres de 2023.", ""]]


class _Glyphs:
    """Lines as the stacks module sees them: one character per line, its baseline, size and text."""

    def __init__(self, lines: list[tuple[float, float, str]]) -> None:
        self.data = lines
        self.line = list(range(len(lines)))
        self.lines = [type("L", (), {"size": size})() for _, size, _ in lines]

    def baseline(self, j: int) -> float:
        return self.data[j][0]

    def plain(self, members: list[int]) -> str:
        return " ".join(self.data[j][2] for j in sorted(members))


def test_wrapped_label_keeps_its_amount() -> None:
    # a label wrapped over two lines (4 pt apart), the amounts 17 pt apart: two rows
    g = _Glyphs([(100, 9, "Budget des"), (104, 9, "parcs"), (117, 9, "Sous-Total"), (100, 9, "1 200,00"), (117, 9, "3 400,00")])
    out, n = stacked_rows([GridCell(0, 0, [0, 1, 2]), GridCell(0, 1, [3, 4])], 1, g)
    assert n == 2
    assert sorted((c.row, c.col, tuple(c.members)) for c in out) == [(0, 0, (0, 1)), (0, 1, (3,)), (1, 0, (2,)), (1, 1, (4,))]


def test_rows_left_whole() -> None:
    # a paragraph beside a list of amounts (two columns of words): no column of labels
    g = _Glyphs([(100, 9, "Les crédits"), (110, 9, "de la ligne"), (120, 9, "sont reportés"),
                 (100, 9, "Un texte"), (110, 9, "à côté"), (120, 9, "des montants"),
                 (100, 9, "1 200,00"), (117, 9, "3 400,00")])
    cells = [GridCell(0, 0, [0, 1, 2]), GridCell(0, 1, [3, 4, 5]), GridCell(0, 2, [6, 7])]
    assert stacked_rows(cells, 1, g)[1] == 1
    # label lines closer than the amounts' pitch wrap one label: two amounts would share a row,
    # so the labels are no column of row labels: the row stays whole
    g = _Glyphs([(100, 9, "Recettes"), (104, 9, "de la"), (108, 9, "section"), (100, 9, "1 200,00"), (108, 9, "3 400,00")])
    assert stacked_rows([GridCell(0, 0, [0, 1, 2]), GridCell(0, 1, [3, 4])], 1, g)[1] == 1
    # small type under a label without a note mark (a unit, a sub-caption) stays in its cell
    g = _Glyphs([(100, 12, "Saleilles"), (112, 5, "commune voisine"), (100, 12, "146 €")])
    assert stacked_rows([GridCell(0, 0, [0, 1]), GridCell(0, 1, [2])], 1, g)[1] == 1
    # a note mark in the row's own type is a line of the cell, not a note
    g = _Glyphs([(100, 12, "Saleilles"), (112, 12, "(*) voisine"), (100, 12, "146 €")])
    assert stacked_rows([GridCell(0, 0, [0, 1]), GridCell(0, 1, [2])], 1, g)[1] == 1
