"""Table cells carry their own doubt (issue 17): an amount left in a shape no amount has is marked at the
cell and its table, the model keeps it, and the review page, the quality reasons and the CLI name the cell."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from transform.model import Cell, Document, DocumentMeta, Paragraph, Section, Sentence, Table
from transform.ocr import confidence
from transform.ocr.cell_doubt import MALFORMED, cells_note, malformed_amount, mark_amounts
from transform.ocr.tables import _OutCell, _to_table

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))


@dataclass
class _C:
    text: str
    doubt: str | None = None


def test_amount_shapes() -> None:
    for bad in ("27 928/382", "100 00,00€", "2 08 385,76", "21 928,38/2"):
        assert malformed_amount(bad), bad
    for good in ("21 928,38€", "9 505,38 €", "0,00€", "1 669", "26 292 000", "1550,00", "10.95", "1.2.1.1.0.01.000",
                 "12/03/2024", "2023/2024", "2024", "22,39%", "-", "Néant", "2TV2836E", "1 234,5"):
        assert not malformed_amount(good), good


def test_only_the_misread_amount_of_a_table_of_amounts_is_marked() -> None:
    cells = [_C(t) for t in ("020 DEPENSES", "0,00€", "040 SUBV.EQUIPEM.", "27 928/382", "16 EMPRUNTS", "5 121,00€",
                             "TOTAL", "140 816,51€")]
    assert mark_amounts(cells) == 1
    assert [c.text for c in cells if c.doubt] == ["27 928/382"] and cells[3].doubt == MALFORMED
    sound = [_C(t) for t in ("011 CHARGES", "57 000,00€", "022 DEPENSES", "10 000,00€", "TOTAL", "287 450,93€")]
    assert mark_amounts(sound) == 0 and not any(c.doubt for c in sound)
    few = [_C(t) for t in ("Article", "27 928/382", "Montant", "0,00€")]  # not a table of amounts: nothing to compare with
    assert mark_amounts(few) == 0


def test_the_table_built_carries_the_cell_doubt() -> None:
    texts = [["020 DEPENSES", "0,00€"], ["040 SUBV.", "27 928/382"], ["16 EMPRUNTS", "5 121,00€"], ["TOTAL", "140 816,51€"]]
    cells = [_OutCell(r, c, 1, 1, t, 1) for r, row in enumerate(texts) for c, t in enumerate(row)]
    mark_amounts(cells)
    table = _to_table(cells)
    assert table.doubt == MALFORMED
    assert [(r, c) for r, row in enumerate(table.rows) for c, cell in enumerate(row) if cell.doubt] == [(1, 1)]
    assert cells_note(table.rows) == "row 2, column 2: 27 928/382"
    sound = _to_table([_OutCell(r, c, 1, 1, t, 1) for r, row in enumerate(texts) if r != 1 for c, t in enumerate(row)])
    assert sound.doubt is None and not any(cell.doubt for row in sound.rows for cell in row)


def _cell(text: str, doubt: str | None = None) -> Cell:
    return Cell(sentences=[Sentence(id="", text=text, notes={})], doubt=doubt)


def test_the_model_round_trips_and_sound_cells_serialise_as_before() -> None:
    table = Table(rows=[[_cell("TOTAL"), _cell("27 928/382", MALFORMED)]])
    raw = table.model_dump_json()
    assert Table.model_validate_json(raw) == table and Table.model_validate_json(raw).rows[0][1].doubt == MALFORMED
    plain = _cell("TOTAL").model_dump()
    assert "doubt" not in plain and "confidence" not in plain  # documents without cell doubts are unchanged
    assert Cell.model_validate(plain).doubt is None


def test_a_table_joined_across_pages_takes_its_cells_doubt() -> None:
    table = Table(rows=[[_cell("TOTAL"), _cell("0,00€")], [_cell("040"), _cell("27 928/382", MALFORMED)]])
    confidence.apply([table], [])
    assert table.doubt == MALFORMED and confidence.count_doubtful([table]) == 1
    sound = Table(rows=[[_cell("TOTAL"), _cell("0,00€")]])
    confidence.apply([sound], [])
    assert sound.doubt is None


def _doc() -> Document:
    table = Table(page=12, rows=[[_cell("DEPENSES"), _cell("MONTANT")], [_cell("020 DEPENSES IMPREVUES"), _cell("0,00€")],
                                 [_cell("040 SUBV.EQUIPEM."), _cell("27 928/382", MALFORMED)]], doubt=MALFORMED)
    return Document(meta=DocumentMeta(source_name="pv.pdf", source_format="pdf", lang="fr"),
                    sections=[Section(blocks=[Paragraph(sentences=[Sentence(id="", text="Le budget est voté.", notes={})]), table])])


def test_the_review_page_and_the_reasons_name_the_cell() -> None:
    from service.web.review_view import work_list
    from transform.structure import number_and_detect
    from transform.simplify.engine import simplify_document

    simp = simplify_document(number_and_detect(_doc()))
    reasons = [r for s in simp.segments if s.source == "27 928/382" for r in s.reasons]
    assert any("row 3, column 2: 27 928/382" in r for r in reasons), reasons
    wl = work_list(simp.document)
    seg = next(s for s in wl.segments if s.source == "27 928/382")
    assert "source" in seg.needs and seg.cells == [(3, 2, "27 928/382")]
    assert not next(s for s in wl.segments if s.source == "Le budget est voté.").cells


def test_the_outline_names_the_cell() -> None:
    from transform.cli.inspect import outline

    assert "cells row 3, column 2: 27 928/382" in outline(_doc())


@pytest.mark.slow
def test_putanges_struck_amount_is_in_doubt(tmp_path: Path) -> None:
    """Putanges p. 12: ``21 928,38€`` under a pen stroke, read ``27 928/382``, reaches the reviewer as doubtful;
    the page's sound amounts do not."""
    from _realpages import copy_pages, doc_blocks

    from transform.evaluation.corpus import read_document

    doc = read_document(copy_pages("putanges-pv-2024-03-25.pdf", [11], tmp_path), "auto")
    tables = [b for b in doc_blocks(doc) if isinstance(b, Table)]
    flagged = [(" ".join(s.text for s in c.sentences), c.doubt) for t in tables for row in t.rows for c in row if c.doubt]
    assert len(flagged) == 1 and flagged[0][1] == MALFORMED and "928" in flagged[0][0], flagged
    assert [t.doubt for t in tables].count(MALFORMED) == 1
    assert confidence.reading_summary(doc) and "0 of" not in (confidence.reading_summary(doc) or "")
