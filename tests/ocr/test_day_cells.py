"""A day read short at the start of an Arabic date cell (``cell_numbers.day_numbers``): Sfax p. 2's
``17 نوفمبر 2022`` was read ``7`` by the page, the cell and the number check alike; the day's
digits cut from the cell and read by two digit-only models give ``17``. Two readings must agree."""

from __future__ import annotations

from types import SimpleNamespace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from ocr_testkit import CORPUS_FILES

from transform.ocr import cell_numbers
from transform.ocr.render import render_page
from transform.ocr.tables_grid import GridCell
from transform.ocr.tables_read import _Piece, _Slot

SCAN_W = 1169  # Sfax's page images are 1169 x 826 px; the date cell and its first line there
CELL_X = (108, 226)
CELL_Y = (80, 745)
LINE_Y = (346, 372)


def _sfax_date_cell(texts: list[str]):
    path = CORPUS_FILES / "tn-sfax-ar-balagh-2022.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[1]
        obj = next(iter(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=8)))
        left, _bottom, right, top = obj.get_bounds()
        height_pt = page.get_height()
        pimg = render_page(pdf, 1)  # as the reader renders it
    finally:
        pdf.close()
    k = pimg.dpi / 72.0
    s = (right - left) / SCAN_W  # scan pixels to points

    def px(x: float) -> float:
        return (left + x * s) * k

    def py(y: float) -> float:
        return (height_pt - top + y * s) * k

    pieces = [_Piece(t, py(LINE_Y[0]) / k, py(LINE_Y[1]) / k, px(CELL_X[0]) / k, px(CELL_X[1]) / k) for t in texts]
    slot = _Slot(GridCell(1, 0), py(CELL_Y[0]), py(CELL_Y[1]), pieces)
    filler = SimpleNamespace(grid=SimpleNamespace(xs=[px(CELL_X[0]), px(CELL_X[1])]), slots={(1, 0): slot})
    return pimg, filler, pieces


def test_the_sfax_date_cells_day_is_read_whole() -> None:
    pimg, filler, pieces = _sfax_date_cell(["7 نوفمبر 2022"])
    assert cell_numbers.day_numbers(pimg, filler, timeout=60) == 1
    assert pieces[0].text == "17 نوفمبر 2022"


@pytest.mark.parametrize(("fra", "eng"), [("17", "27"), ("17", "7"), ("117", "117"), ("47", "47"), ("", "")])
def test_a_day_is_written_only_when_two_readings_give_the_same_day(monkeypatch, fra: str, eng: str) -> None:
    pimg, filler, pieces = _sfax_date_cell(["7 نوفمبر 2022"])
    answers = {"fra": fra, "eng": eng}

    def fake(images, family, timeout, lang=None):
        return [(answers[lang], 90.0)] * len(images)

    monkeypatch.setattr("transform.ocr.digit_glyphs.read_digit_images", fake)
    assert cell_numbers.day_numbers(pimg, filler, timeout=60) == 0
    assert pieces[0].text == "7 نوفمبر 2022"


def test_only_a_short_number_before_a_months_name_is_asked(monkeypatch) -> None:
    pimg, filler, pieces = _sfax_date_cell(["7 أشهر", "2022 نوفمبر 7", "7"])
    monkeypatch.setattr("transform.ocr.digit_glyphs.read_digit_images", lambda *a, **k: pytest.fail("read"))
    assert cell_numbers.day_numbers(pimg, filler, timeout=60) == 0
    assert [p.text for p in pieces] == ["7 أشهر", "2022 نوفمبر 7", "7"]
