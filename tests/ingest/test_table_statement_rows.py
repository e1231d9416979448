"""A statement's table drawn one text object per row (pdf_table_gaps, pdf_table_stacks).

Cabestany's compte financier unique is printed through Ghostscript: each row of its income
statement (p. 14) is one text object, label and amounts placed by moves, so pdfium gives the row
one rectangle from the label to the last amount, and the table is ruled around its header, section
and total rows only. The cheap table test saw no row of cells side by side: the rows became eight
level-4 headings and run-on paragraphs (tables recall 0.75, headings F1 0.69 on the document). The
full statement (p. 42) sets rows without amounts at the pitch of the rows with them inside one
ruled band: the labels spanned the amounts' rows. Section codes in a page's framed title block
(`B3.1`) made that block a 2x2 table."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest._realpages import read_pages
from transform.ingest.pdf_table_gaps import too_wide
from transform.ingest.pdf_text import PdfLine
from transform.model import Heading, Table


def _rows(table: Table) -> list[list[str]]:
    return [[" ".join(s.text for s in c.sentences) for c in row] for row in table.rows]


@pytest.fixture(scope="module")
def income_statement(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return read_pages("cabestany-cfu-2024.pdf", [13], tmp_path_factory.mktemp("cfu14"))


def test_income_statement_is_one_table(income_statement: list[object]) -> None:
    tables = [_rows(b) for b in income_statement if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0]
    assert rows[0] == ["POSTES", "Exercice N", "Exercice N-1"]
    assert len(rows) == 30 and all(len(r) == 3 for r in rows)
    assert rows[3] == ["Dotations de l'état", "705,79", "704,94"]
    assert rows[6] == ["Dons et legs", "3,21", ""]  # an amount under its own column
    assert rows[1] == ["PRODUITS DE FONCTIONNEMENT", "", ""]  # a section row: a row without amounts
    assert rows[-1] == ["TOTAL CHARGES DE FONCTIONNEMENT (II)", "14 320,11", "12 901,22"]


def test_statement_rows_are_no_headings(income_statement: list[object]) -> None:
    heads = [" ".join(s.text for s in b.sentences) for b in income_statement if isinstance(b, Heading)]
    assert heads[-2:] == ["I – INFORMATIONS GÉNÉRALES ET SYNTHÉTIQUES I", "Compte de résultat synthétique (en milliers d’euros) E"]
    assert heads[:-2] == ["32000 - CABESTANY - Exercice 2024"]  # the running header: one page read alone does not tell it


def test_rows_without_amounts_keep_their_own_line(tmp_path: Path) -> None:
    blocks = read_pages("cabestany-cfu-2024.pdf", [41], tmp_path)
    (rows,) = [_rows(b) for b in blocks if isinstance(b, Table)]
    firsts = [r[0] for r in rows]
    at = firsts.index("Produits des participations et des prêts")
    assert rows[at][1:] == ["", "", "", ""]
    assert rows[at + 1] == ["Produits des valeurs mobilières de placement", "", "18,36", "12,24", "6,12"]
    assert rows[at + 3] == ["Autres produits financiers", "", "2 048,33", "1 138,33", "910,00"]
    at = firsts.index("Charges d'intérêts")  # one amount line beside four label lines
    assert rows[at] == ["Charges d'intérêts", "", "150 869,90", "145 090,27", "5 779,63"]
    assert firsts[at + 1:at + 4] == ["Charges nettes sur cessions de valeurs mobilières de placement",
                                     "Autres charges financières",
                                     "Dotations aux amortissements, aux dépréciations et aux provisions financières"]


def test_title_block_with_a_section_code_is_no_table(tmp_path: Path) -> None:
    blocks = read_pages("cabestany-cfu-2024.pdf", [7], tmp_path)
    assert not any("B3.1" in cell for b in blocks if isinstance(b, Table) for row in _rows(b) for cell in row)
    heads = [" ".join(s.text for s in b.sentences) for b in blocks if isinstance(b, Heading)]
    assert any(h.endswith("B3.1") for h in heads)


def _line(text: str, x0: float, x1: float, size: float = 8.0, segments: list[tuple[float, float]] | None = None) -> PdfLine:
    return PdfLine(text, x0, 100.0, x1, 100.0 + size, size, False, 1, 100.0 + size, False, [], segments or [(x0, x1)], 0, len(text))


def test_too_wide_for_its_characters() -> None:
    assert too_wide(_line("Dons et legs 3,21", 44, 645))  # a label and its amount 450 pt apart in one rectangle
    assert not too_wide(_line("Le présent compte est exact en ses résultats.", 44, 230))  # a line of text
    assert not too_wide(_line("Dons et legs 3,21", 44, 645, segments=[(44, 88), (631, 645)]))  # runs already cut
    assert not too_wide(_line("I", 760, 763))  # too short to tell
