"""Header cells of text-layer tables (docs/ingest.md, 2026-12-06, fifteenth session, wip/tables):
a header printed twice, French then Arabic (the Bulletin officiel's price lists); a year over a
column of amounts (a finance law's states); a row without values has no row header (a note under
the last town of a rates table, a lettered item left empty); a header cell whose letters an
/ActualText span swapped (``المقادير (بالدراهم)`` read ``المقادي ر(بالدراهم)``)."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import read_pages
from transform.model import Table


def _text(cell: object) -> str:
    return " ".join(s.text for s in cell.sentences)  # type: ignore[attr-defined]


def _tables(name: str, index: int, folder: Path) -> list[Table]:
    return [b for b in read_pages(name, [index], folder) if isinstance(b, Table)]


def _header_rows(t: Table) -> int:
    n = 0
    while n < len(t.rows) and all(c.header for c in t.rows[n] if _text(c)):
        n += 1
    return n


def test_a_header_printed_in_french_then_in_arabic_is_two_header_rows(tmp_path: Path) -> None:
    t = _tables("bo-fr-7262-2024.pdf", 28, tmp_path)[0]  # p. 29: the prices of medicines
    assert [_text(c) for c in t.rows[0]] == ["Nom du Médicament", "Prix Public de Vente en Dirham", "Prix Hôpital en Dirham"]
    assert [_text(c) for c in t.rows[1]] == ["اسم الدواء", "سعر البيع للعموم بالدرهم", "السعر الخاص بالمستشفى بالدرهم"]
    assert all(c.header for c in t.rows[1])  # main: only its first cell (as a row header)
    assert _header_rows(t) == 2
    assert not any(c.header for c in t.rows[2][1:])  # the prices


def test_a_year_over_a_column_of_amounts_is_a_header_cell(tmp_path: Path) -> None:
    t = _tables("jora-fr-lf2025-etats.pdf", 19, tmp_path)[0]  # p. 20: revenue of the social funds
    assert [_text(c) for c in t.rows[0]] == ["Caisse / Nature de prélèvement", "2025"]
    assert all(c.header for c in t.rows[0])  # main: `2025` a data cell, so no header row
    assert _text(t.rows[1][1]) == "75 263 799 662" and not t.rows[1][1].header


def test_a_row_without_values_has_no_row_header(tmp_path: Path) -> None:
    tax = [t for t in _tables("cabestany-budget-2024-cabesinfo.pdf", 0, tmp_path) if _text(t.rows[0][0]) == "TAXE SUR LE FONCIER BÂTI"]
    rows = tax[0].rows
    assert _text(rows[1][0]) == "Cabestany" and rows[1][0].header  # the towns head their rates
    assert _text(rows[-1][0]) == "(*) chiffres de 2023." and not rows[-1][0].header  # main: a header cell


def test_arabic_header_cell_with_swapped_letters_keeps_its_word_spaces(tmp_path: Path) -> None:
    tables = _tables("bo-ar-7259-2023-lf2024.pdf", 16, tmp_path)  # p. 17: the excise table
    heads = [_text(c) for c in tables[0].rows[0]]
    assert heads == ["بيان المنتجات", "وحدة التحصيل", "المقادير (بالدراهم)"]  # main: `المقادي ر(بالدراهم)`
    assert all(c.header for c in tables[0].rows[0])
    firsts = {_text(r[0]): r[0].header for r in tables[0].rows if r}
    assert firsts["و)"] is False and firsts["ز)"] is False  # items left empty: no values to head
    assert firsts["ب) جعات أخرى"] is True


def test_a_form_of_labels_beside_dots_has_no_header_row(tmp_path: Path) -> None:
    """The red coral landing form (p. 28): its first two labels are set bold like each other, and
    the cells beside them are dots to fill in; no row stands apart as a header."""
    [t] = [t for t in _tables("bo-fr-7448-2025.pdf", 27, tmp_path) if _text(t.rows[0][0]) == "Nom du navire"]
    assert _text(t.rows[1][0]) == "Immatriculation"
    assert not any(c.header for c in t.rows[0])  # main: `Nom du navire | …` a header row
