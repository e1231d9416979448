"""An OCR'd cell says how sure its reading is (``Cell.confidence``: the word confidence of the lines it was
read from) and keeps the second reading another reader gave it (``Cell.suggestion``: the amount read again
on its cell alone and not taken), shown to the reviewer and never written in the cell (issue 17)."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from PIL import Image

from transform.model import Cell, Sentence, Table
from transform.ocr import amount_cells
from transform.ocr.cell_doubt import MALFORMED, cells_note, rate_cells
from transform.ocr.tables import _OutCell, _to_table
from transform.ocr.tables_read import _Piece


@dataclass
class _Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float | None = None
    doubt: str | None = None


def test_an_ocr_cell_takes_the_confidence_of_the_lines_it_was_read_from() -> None:
    row = [_OutCell(0, 0, 1, 1, "16 EMPRUNTS", 1, box=(100, 200, 250, 230)),
           _OutCell(0, 1, 1, 1, "5 121,00€", 1, box=(250, 200, 330, 230)),
           _OutCell(0, 2, 1, 1, "SUBV. ÉQUIPEMENT", 1, box=(330, 200, 480, 230)),  # took its own reading
           _OutCell(0, 3, 1, 1, "", 1, box=(480, 200, 560, 230))]
    lines = [_Line("16 EMPRUNTS", 105, 205, 240, 217, 0.93), _Line("5 121,00€", 255, 205, 325, 217, 0.61),
             _Line("SUBV. EQUIPEM.", 335, 205, 470, 217, 0.88), _Line("5 121,00€", 255, 240, 325, 252, 0.99)]  # a row below
    assert rate_cells(row, lines, 5.0) == 2
    assert [c.confidence for c in row] == [0.93, 0.61, None, None]
    table = _to_table(row)
    assert [c.confidence for c in table.rows[0]] == [0.93, 0.61, None, None]
    assert '"confidence":0.61' in table.model_dump_json() and Cell().model_dump() == Cell(sentences=[]).model_dump()


def test_a_second_reading_is_kept_beside_the_cell_not_in_it(monkeypatch: object) -> None:
    """``amount_cells.reread_malformed``: a reading of the cell alone that is not taken (here it adds two
    digits, more than the one the ink may give back) is kept as the cell's suggestion; the cell's text
    stays as the page read it and the CLI names both."""
    slot = SimpleNamespace(pieces=[_Piece("100 00,00€", 0, 10, 0, 50)], cell=SimpleNamespace(colspan=1))
    filler = SimpleNamespace(slots={(0, 0): slot}, grid=None)
    pimg = SimpleNamespace(image=Image.new("L", (40, 20), 255), dpi=300, page=11)
    monkeypatch.setattr(amount_cells, "cell_ink", lambda *a: Image.new("L", (40, 20), 255))  # type: ignore[attr-defined]
    monkeypatch.setattr(amount_cells, "read_lines", lambda images, timeout: [("1 100 000,00", 91.0)])  # type: ignore[attr-defined]
    others: dict[int, str] = {}
    assert amount_cells.reread_malformed(pimg, filler, 5.0, others) == 0  # type: ignore[arg-type]
    assert slot.pieces[0].text == "100 00,00€" and others == {id(slot): "1 100 000,00"}
    cell = _OutCell(0, 1, 1, 1, "100 00,00€", 1, doubt=MALFORMED, suggestion=others[id(slot)])
    table = _to_table([_OutCell(0, 0, 1, 1, "Subventions", 1), cell])
    assert table.rows[0][1].suggestion == "1 100 000,00" and table.rows[0][1].doubt == MALFORMED
    assert cells_note(table.rows) == "row 1, column 2: 100 00,00€ (read also: 1 100 000,00)"
    assert Table.model_validate_json(table.model_dump_json()) == table
    plain = Cell(sentences=[Sentence(id="", text="0,00€", notes={})]).model_dump()
    assert "suggestion" not in plain and "note" not in plain  # left out while unset, like ``doubt``
