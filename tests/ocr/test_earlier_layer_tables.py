"""Ruled tables under an earlier OCR's invisible layer, and OCR'd table cells filled word by word.

Putanges-le-Lac's minutes of 25 March 2024 are a 200 ppi scan under ocrmypdf's layer. The layer's
words are mostly right, but it reads the budget's ruled table as lines running across the cells
(a label, its two amounts and the next column's label in one line), so the table's rows cannot be
rebuilt from it. Such a page is read by our OCR (tables.py), whose words are put in the cells under
their own boxes."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from ocr_testkit import one_page

from transform.evaluation import normalize, read_document
from transform.model import Table
from transform.model.walk import iter_blocks
from transform.ocr.pages import SAMPLE_DPI, _ruled
from transform.ocr.render import render_page
from transform.ocr.tables import _euro_signs, _Filler, _OutCell
from transform.ocr.tables_grid import Grid, GridCell

PUTANGES = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "putanges-pv-2024-03-25.pdf"

# cells of rows of page 11's investment table as printed, in order (empty cells and the cell
# "16 Emprunts et dettes", which tesseract misreads in bold, left out)
ROWS = [
    ["2152-0019 Aménagement sécurité bourg Putanges Pt Ecrepin", "85 680,00€", "1 500,00€"],
    ["23 Immobilisations en cours", "70 000,00€", "27634 Créances sur des collectivités", "0,00€"],
    ["27 Autres Immob. Financière", "276 341,88€"],
    ["TOTAL", "1 631 817,75€", "2 556 139,30€", "TOTAL", "2 081 385,76€", "2 106 571,29€"],
]


def _grid() -> Grid:
    """Three columns (0-100, 100-200, 200-300 px) over two rows (0-50, 50-100 px), at 72 dpi."""
    return Grid([0, 100, 200, 300], [0, 50, 100], [GridCell(r, c) for r in range(2) for c in range(3)])


def _texts(filler: _Filler) -> dict[tuple[int, int], str]:
    return {key: " ".join(p.text for p in s.pieces) for key, s in filler.slots.items() if s.pieces}


def test_a_line_across_column_rules_is_placed_word_by_word() -> None:
    filler = _Filler(_grid(), 1.0, 6.0)
    words = [("Emprunts", 5, 10, 50, 20), ("et", 55, 10, 65, 20), ("76", 150, 20, 165, 30), ("500,00€", 168, 20, 195, 30),
             ("001", 205, 10, 225, 20), ("excédent", 230, 10, 290, 20)]
    assert filler.place_words(words)
    assert _texts(filler) == {(0, 0): "Emprunts et", (0, 1): "76 500,00€", (0, 2): "001 excédent"}


def test_words_go_to_the_row_under_them_and_rule_strokes_are_dropped() -> None:
    filler = _Filler(_grid(), 1.0, 6.0)
    # one tesseract line whose last word sits lower, in the next ruled row; a rule read as "|"
    assert filler.place_words([("Putanges", 5, 30, 60, 40), ("|", 98, 30, 102, 40), ("Ecrepin", 110, 60, 160, 70)])
    assert _texts(filler) == {(0, 0): "Putanges", (1, 1): "Ecrepin"}


def test_a_word_outside_the_grid_places_nothing() -> None:
    filler = _Filler(_grid(), 1.0, 6.0)
    assert not filler.place_words([("Total", 5, 10, 50, 20), ("général", 310, 10, 360, 20)])
    assert _texts(filler) == {}


def _cells(*texts: str) -> list[_OutCell]:
    return [_OutCell(0, k, 1, 1, t, 1) for k, t in enumerate(texts)]


def test_a_euro_sign_read_as_6_is_put_back_only_in_a_table_of_euro_amounts() -> None:
    cells = _cells("26 000,006", "1 404 399,586", "227 418,17€", "886 736,01€", "9 505,38 €", "22,396", "2 PIS 3")
    _euro_signs(cells)
    assert [c.text for c in cells] == ["26 000,00€", "1 404 399,58€", "227 418,17€", "886 736,01€", "9 505,38 €", "22,39€", "2 PIS 3"]
    rates = _cells("0,256", "1 000,126", "12,50€", "3,00€")  # two euro amounts only: nothing says the 6 is a €
    _euro_signs(rates)
    assert [c.text for c in rates] == ["0,256", "1 000,126", "12,50€", "3,00€"]


def test_a_ruled_budget_table_is_seen_and_prose_is_not() -> None:
    if not PUTANGES.exists():
        pytest.skip("real-document corpus not present")
    with pdfium.PdfDocument(str(PUTANGES)) as pdf:
        seen = {n: _ruled(render_page(pdf, n - 1, SAMPLE_DPI)) for n in (1, 11)}
    assert seen == {1: False, 11: True}  # p1: title, attendance and prose; p11: the investment table


def _rows(path: Path, ocr: str) -> tuple[list[list[str]], str]:
    doc = read_document(path, ocr=ocr)
    tables = [b for _, b in iter_blocks(doc) if isinstance(b, Table)]
    rows = [[normalize(" ".join(s.text for s in c.sentences)) for c in row if c.sentences] for t in tables for row in t.rows]
    return rows, doc.meta.pages[0].reason


def _in_order(want: list[str], row: list[str]) -> bool:
    it = iter(row)
    return all(any(c == w for c in it) for w in want)


def _missing(rows: list[list[str]]) -> list[list[str]]:
    """The expected rows no output row holds (their cells in that order, in one row)."""
    return [r for r in ROWS if not any(_in_order([normalize(c) for c in r], row) for row in rows)]


@pytest.mark.slow
def test_putanges_budget_table_under_an_earlier_layer_is_read_cell_by_cell(tmp_path: Path) -> None:
    page = one_page(PUTANGES, 11, tmp_path / "p11.pdf")
    rows, reason = _rows(page, "auto")
    assert "ruled table" in reason and "earlier OCR" in reason
    assert _missing(rows) == []
    assert len(rows) == 13 and len([c for r in rows for c in r if c == normalize("TOTAL")]) == 2
    # the bad output this replaces: the earlier layer's lines, kept as they are, give none of these rows
    layer_rows, layer_reason = _rows(page, "never")
    assert "OCR is off" in layer_reason
    assert len(_missing(layer_rows)) >= 3
