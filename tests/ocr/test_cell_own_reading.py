"""A table cell read on its own (tables_cells.py) is rated by its own reading's confidence, and put in doubt under
the one threshold (confidence.DOUBT_BELOW), as a page line is: until 2026-12-07 such a cell was left unrated
(``confidence`` None, "not measured") and so reached the review page as sound whatever tesseract thought of it;
on Sfax's notice (a 110 ppi scan of a ruled Arabic table) 34 of the page's word errors sat in such cells.
"""

from __future__ import annotations

from transform.ocr.cell_doubt import rate_cells
from transform.ocr.confidence import OCR_LOW
from transform.ocr.tables import _OutCell, _read_conf, _to_table
from transform.ocr.tables_cells import own_conf
from transform.ocr.tables_read import _Piece


def _cell(text: str, read_conf: float | None, row: int = 0) -> _OutCell:
    return _OutCell(row, 0, 1, 1, text, 1, box=(100, 200 + 30 * row, 250, 230 + 30 * row), read_conf=read_conf)


def test_a_cell_read_alone_at_low_confidence_is_in_doubt() -> None:
    weak, sure, page = _cell("مكلف بالجال مخيلة واع", 0.52), _cell("عامل مختص", 0.91, 1), _cell("5", None, 2)
    assert rate_cells([weak, sure, page], [], cross=10) == 2
    assert (weak.confidence, weak.doubt) == (0.52, OCR_LOW)
    assert (sure.confidence, sure.doubt) == (0.91, None)
    assert (page.confidence, page.doubt) == (None, None)  # neither a line nor its own reading: not measured, as before
    table = _to_table([weak, sure, page])
    assert table.doubt == OCR_LOW and table.rows[0][0].doubt == OCR_LOW and table.rows[1][0].doubt is None


def test_a_cell_keeps_an_earlier_doubt() -> None:
    cell = _cell("27 928/382", 0.4)
    cell.doubt = "amount_malformed"
    rate_cells([cell], [], cross=10)
    assert cell.doubt == "amount_malformed" and cell.confidence == 0.4


def test_the_weakest_own_line_rates_the_cell() -> None:
    pieces = [
        _Piece("مكلف", 10, 20, 0, 50, own_conf(88.0)),
        _Piece("بتركيب", 20, 30, 0, 50, own_conf(61.5)),
        _Piece("من الصفحة", 30, 40, 0, 50),
    ]  # the page's reading of a line: no own confidence
    assert _read_conf(pieces) == 0.615
    assert _read_conf(pieces[2:]) is None
    assert own_conf(None) is None
