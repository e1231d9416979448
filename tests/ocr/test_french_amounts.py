"""French amounts of OCR'd pages whose thousands spaces were lost (``transform/ocr/latin_numbers.py``)
and a rate's decimal comma read as a point (``transform/ocr/table_percent.py``, ``decimal_commas``).

Putanges' minutes (``putanges-pv-2024-03-25``, a 200 ppi bilevel scan): p. 11's budget table prints
``2 081 385,76€`` and, under its frame, the two totals ``4 187 957,05€``; tesseract lost the first
thin space (``2081 385,76€``, ``4187 957,05€``), so a reader met two numbers. P. 13 prints ``0,00€``
(read ``O,00€``) and ``1 078 841,88€`` (read ``1078 841,886``); p. 8's rates table ``11,97%`` (read
``11.97%``); p. 11 ``100 000,00€`` read ``100 00,00€`` is read again on its cell alone
(``transform/ocr/amount_cells.py``)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ocr._pagebits import Line as _L
from transform.evaluation import normalize
from transform.evaluation.corpus import read_document
from transform.model import Paragraph, Table
from transform.ocr.amount_cells import _holds, malformed
from transform.ocr.latin_numbers import amount_cells, amount_lines, grouped
from transform.ocr.table_percent import decimal_commas

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from _realpages import block_text, copy_pages, doc_blocks  # noqa: E402


@dataclass
class _C:
    col: int
    text: str


def test_heads_are_grouped_by_three() -> None:
    assert grouped("2081") == "2 081"
    assert grouped("100000") == "100 000"
    assert grouped("41870") == "41 870"


def test_a_cell_that_is_one_amount_gets_its_spaces_back() -> None:
    cells = [_C(0, "2081 385,76€"), _C(1, "1078 841,886"), _C(2, "4187 957,05"), _C(3, "1 500,00€")]
    assert amount_cells(cells) == 3
    assert [c.text for c in cells] == ["2 081 385,76€", "1 078 841,886", "4 187 957,05", "1 500,00€"]


def test_cells_that_are_not_one_amount_stay() -> None:
    texts = ["2021008 Acquisitions", "0021 385,76", "2024", "2081 38,76", "compte 2313 500,00", "12 3456 789,00"]
    cells = [_C(0, t) for t in texts]
    assert amount_cells(cells) == 0
    assert [c.text for c in cells] == texts


def test_o_before_a_decimal_comma_is_a_zero_only_among_euro_amounts() -> None:
    cells = [_C(0, "1 053 591,87€"), _C(1, "125 199,51€"), _C(2, "O,00€")]
    amount_cells(cells)
    assert cells[2].text == "0,00€"
    alone = [_C(0, "O,00€"), _C(1, "Taxe")]
    amount_cells(alone)
    assert alone[0].text == "O,00€"


@dataclass
class _D:
    col: int
    text: str
    doubt: str | None = None


def test_an_amount_that_lost_every_space_is_grouped_where_its_table_spaces_amounts() -> None:
    # Putanges p. 14's second ruled table as the page's reading gives it: ``11 433,00€`` read twice without its space
    texts = ["001 DEFICIT REPORTE", "10 963,096", "021 VIRT DE SECTION A SECTION", "11433,00€", "16 EMPRUNT",
             "11433,00€", "10 APPORTS, DOTATIONS ET RESERVES", "10 963,09€", "22 396,09€", "22 396,09€"]
    cells = [_D(i % 2, t) for i, t in enumerate(texts)]
    assert amount_cells(cells) == 2
    assert [c.text for c in cells if "433" in c.text] == ["11 433,00€", "11 433,00€"]
    assert all(c.doubt is None for c in cells)


def test_an_unspaced_amount_stays_where_the_table_does_not_space_its_amounts() -> None:
    # coordinates printed without spaces (BO 7262 p. 165): the table's own way
    texts = ["Intersection/côte", "500000,00", "450000,00", "458700,00"]
    cells = [_D(0, t) for t in texts]
    assert amount_cells(cells) == 0
    assert [c.text for c in cells] == texts and all(c.doubt is None for c in cells)
    # as many spaced as unspaced: no way wins, the cells stay as read and are in doubt
    mixed = [_D(0, "11433,00€"), _D(0, "25 100,00€"), _D(0, "70 000,00€"), _D(0, "43120,50€"), _D(0, "2024")]
    assert amount_cells(mixed) == 0
    assert [c.text for c in mixed] == ["11433,00€", "25 100,00€", "70 000,00€", "43120,50€", "2024"]
    assert [c.doubt for c in mixed] == ["amount_ungrouped", None, None, "amount_ungrouped", None]


def _line(words: list[tuple[str, float, float]]) -> tuple[_L, dict[int, list[tuple[str, float, float, float, float]]]]:
    boxes = [(w, x0, 100.0, x1, 110.0) for w, x0, x1 in words]
    ln = _L(" ".join(w for w, _a, _b in words), words[0][1], 100.0, words[-1][2], 110.0)
    return ln, {id(ln): boxes}


def test_a_line_amount_is_grouped_when_the_gap_is_a_word_space() -> None:
    ln, boxes = _line([("4187", 170.0, 192.0), ("957,05€", 195.0, 230.0), ("4", 340.0, 345.0),
                       ("187", 347.0, 364.0), ("957,05€", 367.0, 402.0)])
    assert amount_lines([ln], boxes) == 1  # type: ignore[list-item]
    assert ln.text == "4 187 957,05€ 4 187 957,05€"
    assert [b[0] for b in boxes[id(ln)]] == ln.text.split()  # the boxes follow the text


def test_two_amounts_of_two_columns_are_never_joined() -> None:
    # a code ending one column and an amount starting the next, an em and more apart
    ln, boxes = _line([("2081", 170.0, 192.0), ("385,76€", 215.0, 250.0)])
    assert amount_lines([ln], boxes) == 0  # type: ignore[list-item]
    assert ln.text == "2081 385,76€"
    # a year before a number that is not an amount (no decimal comma)
    ln, boxes = _line([("2023", 170.0, 192.0), ("150", 195.0, 210.0), ("habitants", 213.0, 260.0)])
    assert amount_lines([ln], boxes) == 0  # type: ignore[list-item]


def test_a_rate_read_with_a_point_in_a_column_of_comma_rates() -> None:
    cells = [_C(1, "41,25%"), _C(1, "22,39%"), _C(1, "13,81%"), _C(1, "11.97%"), _C(0, "Taxe")]
    assert decimal_commas(cells) == 1
    assert cells[3].text == "11,97%"
    english = [_C(1, "41.25%"), _C(1, "22.39%"), _C(1, "11,97%")]
    assert decimal_commas(english) == 0  # a column written with points keeps them


def test_a_malformed_amount_is_asked_and_only_a_digit_the_ink_shows_is_taken() -> None:
    assert malformed("100 00,00€") and malformed("1 05 591,87")
    assert not malformed("100 000,00€") and not malformed("0,00€") and not malformed("2021008 Acquisitions")
    assert _holds("10000000", "1000000")  # one zero put back
    assert not _holds("10000000", "100000")  # two digits more: not taken
    assert not _holds("2192838", "27928382")  # digits changed: not taken


def _read(pages: list[int], tmp_path: Path) -> list[object]:
    return doc_blocks(read_document(copy_pages("putanges-pv-2024-03-25.pdf", pages, tmp_path), "auto"))


def _cells(blocks: list[object]) -> list[str]:
    return [normalize(" ".join(s.text for s in c.sentences)) for b in blocks if isinstance(b, Table)
            for row in b.rows for c in row]


@pytest.mark.slow
def test_putanges_budget_page_amounts_are_whole(tmp_path: Path) -> None:
    blocks = _read([10], tmp_path)
    cells = _cells(blocks)
    assert normalize("2 081 385,76€") in cells, cells
    assert normalize("100 000,00€") in cells, cells  # read 100 00,00€ on the page (amount_cells.py)
    assert not [c for c in cells if c.startswith("2081")]
    totals = [normalize(block_text(b)) for b in blocks if isinstance(b, Paragraph) and "957,05" in block_text(b)]
    assert totals and all(t.count(normalize("4 187 957,05")) == 2 for t in totals), totals


@pytest.mark.slow
def test_putanges_lotissement_page_zero_and_total(tmp_path: Path) -> None:
    cells = _cells(_read([12], tmp_path))
    assert normalize("0,00€") in cells, cells
    assert normalize("1 078 841,88€") in cells, cells
    assert not [c for c in cells if c.startswith("O,") or c.startswith("1078")]


@pytest.mark.slow
def test_putanges_rates_keep_their_decimal_comma(tmp_path: Path) -> None:
    cells = _cells(_read([7], tmp_path))
    assert normalize("11,97%") in cells, cells
    assert normalize("11.97%") not in cells
