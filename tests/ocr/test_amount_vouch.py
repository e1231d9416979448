"""A malformed amount read again from crops of its cell, taken only when its column's total adds up to the
cent with it (``ocr/amount_retry.py``, ``ingest/amount_vouch.py``; issue 17: Putanges p. 12's ``21 928,38€``
under a pen stroke, read ``27 928/382``)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from transform.ingest.amount_vouch import vouch_document, vouch_table
from transform.model import Cell, Document, DocumentMeta, Section, Sentence, Table
from transform.ocr.amount_retry import keep_ink, read_amounts, well_formed
from transform.ocr.cell_doubt import MALFORMED
from transform.ocr.render import PageImage

DATA = Path(__file__).resolve().parent / "data" / "amount"
DPI = 250.0


@dataclass
class _Out:
    text: str
    doubt: str | None
    box: tuple[float, float, float, float] | None
    readings: list[str] = field(default_factory=list)
    ink: tuple[bytes, float] | None = None


def test_the_struck_cell_crops_read_the_printed_amount() -> None:
    """The cell as the page's ink image holds it (250 dpi, a pen stroke over the digits' tops, its rules
    around): one of its crops reads the printed amount; only well-formed amounts are kept."""
    image = Image.open(DATA / "putanges-p12-struck-amount.png").convert("L")
    k = 72.0 / DPI
    page = PageImage(image=image, dpi=DPI, page=12, width_pt=image.width * k, height_pt=image.height * k)
    cell = _Out("27 928/382", MALFORMED, (18 * k, 17 * k, 312 * k, 156 * k))
    sound = _Out("9 505,38€", None, (18 * k, 17 * k, 312 * k, 156 * k))
    assert read_amounts(page, [cell, sound], timeout=60) == 1
    assert "21 928,38€" in cell.readings, cell.readings
    assert all(well_formed([r], False) == [r] for r in cell.readings)  # each one a well-formed amount as read
    assert sound.readings == []  # a cell not flagged is not read again


def test_only_a_table_of_amounts_keeps_its_amounts_pixels() -> None:
    image = Image.open(DATA / "putanges-p12-struck-amount.png").convert("L")
    k = 72.0 / DPI
    page = PageImage(image=image, dpi=DPI, page=12, width_pt=image.width * k, height_pt=image.height * k)
    box = (18 * k, 17 * k, 312 * k, 156 * k)
    cells = [_Out(t, None, box) for t in ("0,00€", "5 121,00€", "140 816,51€", "16 EMPRUNTS")]
    assert keep_ink(page, cells) == 3
    assert [c.ink is not None for c in cells] == [True, True, True, False]
    assert keep_ink(page, cells[:2]) == 0  # two amounts: not a table of amounts


def test_well_formed_readings_only() -> None:
    assert well_formed(["21 928,38€", "21 92838€", "21 2838€", "21 928,38", "1 28,96€", "21 928,98€"], True) == [
        "21 928,38€", "21 928,98€"]


def _cell(text: str, header: bool = False) -> Cell:
    return Cell(sentences=[Sentence(id="", text=text, notes={})] if text else [], header=header)


def _budget(readings: list[str], total: str = "167 865,89€") -> Table:
    """Putanges' sewerage investment table as read, p. 12 and its last rows on p. 13 joined."""
    rows = [["RECETTES", "", "", ""], ["", "PROPOSITIONS", "", "PROPOSTIONS"],
            ["020 DEPENSES IMPREVUES", "0,00€", "001 EXCEDENT REPORTE", "125 199,51€"],
            ["040 SUBV.EQUIPEM. Opé Ordre", "27 928/382", "021 VIR. DE LA SECTION DE FONCT.", "9 505,38€"],
            ["041 OPE. PATRIMONIALE", "0,00€", "041 OPE.PATRIMONIALE", "0,00€"],
            ["16 EMPRUNTS", "5 121,00€", "040 AMORTISSEMENTS", "33 161,00€"],
            ["21IMMOBILISATION CORPOR.", "140 816,51€", "10 DOTATIONS", "0,00€"],
            ["23 IMMOBILISATION EN COURS", "0,00€", "13 SUBVENTIONS", "0,00€"],
            ["TOTAL SECTION", total, "TOTAL SECTION", "167 865,89€"]]
    table = Table(rows=[[_cell(t, r < 2) for t in row] for r, row in enumerate(rows)], doubt=MALFORMED)
    struck = table.rows[3][1]
    struck.doubt = MALFORMED
    struck._readings = list(readings)
    return table


def _text(cell: Cell) -> str:
    return " ".join(s.text for s in cell.sentences)


def test_the_column_total_vouches_for_one_reading_to_the_cent() -> None:
    table = _budget(["21 928,98€", "21 928,38€"])
    doc = Document(meta=DocumentMeta(source_name="pv.pdf", source_format="pdf", lang="fr"), sections=[Section(blocks=[table])])
    assert vouch_document(doc) == 1
    cell = table.rows[3][1]
    assert _text(cell) == "21 928,38€"
    assert cell.doubt is None and table.doubt is None
    assert "167 865,89€" in (cell.note or "")
    before = _budget([])
    assert [_text(c) for row in table.rows for c in row if c is not cell] == [
        _text(c) for row in before.rows for c in row if c is not before.rows[3][1]]  # nothing else changed


def test_no_exact_total_keeps_the_flag() -> None:
    near = _budget(["21 928,39€"])  # within the rounding the check allows, not to the cent
    other = _budget(["21 928,38€"], total="")  # no total printed
    wrong = _budget(["21 928,98€", "1 928,38€"])
    for table in (near, other, wrong):
        assert vouch_table(table) == 0
        assert _text(table.rows[3][1]) == "27 928/382"
        assert table.rows[3][1].doubt == MALFORMED and table.doubt == MALFORMED


def test_a_cell_not_flagged_is_never_changed() -> None:
    table = _budget(["21 928,38€"])
    table.rows[3][1].doubt = None
    table.rows[5][1]._readings = ["5 127,00€"]  # a sound amount that adds up: not asked
    assert vouch_table(table) == 0
    assert _text(table.rows[5][1]) == "5 121,00€"




def _ink() -> tuple[bytes, float]:
    """The frozen cell's pixels inside its rules, as ``keep_ink`` keeps them (PNG, dpi)."""
    import io

    region = Image.open(DATA / "putanges-p12-struck-amount.png").convert("L").crop((18, 17, 312, 156))
    out = io.BytesIO()
    region.save(out, format="PNG")
    return out.getvalue(), DPI


def test_a_well_formed_amount_the_total_doubts_is_read_again_and_vouched() -> None:
    """``27 928,38€`` (a well-formed misreading: no shape test sees it) makes the column's total disagree;
    the cell's kept pixels read ``21 928,38€``, with which the total adds up to the cent."""
    table = _budget([])
    cell = table.rows[3][1]
    cell.sentences[0].text, cell.doubt, table.doubt = "27 928,38€", None, None
    for row in table.rows:  # every amount's pixels kept; only the struck one's are of this cell
        for c in row:
            c._ink = _ink() if c is cell else None
    assert vouch_table(table) == 1
    assert _text(cell) == "21 928,38€" and cell.doubt is None and "167 865,89€" in (cell.note or "")
    other = _budget([])
    other.rows[3][1].sentences[0].text, other.rows[3][1].doubt = "27 928,38€", None
    other.rows[5][1]._ink = _ink()  # the pixels kept are another cell's: its readings do not add up
    assert vouch_table(other) == 0 and _text(other.rows[3][1]) == "27 928,38€"


@pytest.mark.slow
def test_putanges_struck_amount_is_vouched_by_the_total_on_the_next_page(tmp_path: Path) -> None:
    """Putanges pp. 12-13 read: the table joined across the page break takes ``21 928,38€`` (its total
    ``167 865,89€`` is on p. 13) and is no longer in doubt; p. 12 read alone keeps the flag (test_cell_doubt)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
    from _realpages import copy_pages, doc_blocks

    from transform.evaluation.corpus import read_document

    doc = read_document(copy_pages("putanges-pv-2024-03-25.pdf", [11, 12], tmp_path), "auto")
    cells = [c for b in doc_blocks(doc) if isinstance(b, Table) for row in b.rows for c in row]
    vouched = [_text(c) for c in cells if "167 865,89€" in (c.note or "")]
    assert vouched == ["21 928,38€"], [(_text(c), c.doubt, c.note) for c in cells if c.doubt or c.note]
    assert not [c for c in cells if c.doubt == MALFORMED]
