"""Table cells carry their own doubt (issue 17): an amount left in a shape no amount has is marked at the
cell and its table, the model keeps it, and the review page, the quality reasons and the CLI name the cell."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from transform.model import Cell, Document, DocumentMeta, Paragraph, Section, Sentence, Table
from transform.ocr import confidence
from transform.ocr.cell_doubt import MALFORMED, cells_note, from_lines, layer_cells, malformed_amount, mark_amounts
from transform.ocr.tables import _OutCell, _to_table

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


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


@dataclass
class _Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    doubt: str | None = None


def test_cells_read_from_a_doubtful_line_keep_its_doubt() -> None:
    """A line the page left in doubt, cut into a table's cells: the cells it crosses take its doubt
    (``digits_disagree`` only where the cell holds a digit); cells of other lines stay sound."""
    row = [_OutCell(0, 0, 1, 1, "SUBV. EQUIPEM.", 1, box=(100, 200, 250, 230)),
           _OutCell(0, 1, 1, 1, "2 928,38€", 1, box=(250, 200, 330, 230)),
           _OutCell(0, 2, 1, 1, "021 VIR.", 1, box=(330, 200, 480, 230)),
           _OutCell(1, 0, 1, 1, "16 EMPRUNTS", 1, box=(100, 230, 250, 260)),
           _OutCell(1, 1, 1, 1, "5 121,00€", 1, box=(250, 230, 330, 260))]
    digits = _Line("EQUIPEM. 2 928,38€", 150, 205, 320, 217, confidence.DIGITS)
    assert from_lines(row, [digits], 5.0) == 1 and [c.text for c in row if c.doubt] == ["2 928,38€"]
    low = _Line("SUBV. EQUIPEM. 2 928,38€ 021 VIR.", 105, 205, 470, 217, confidence.OCR_LOW)
    for c in row:
        c.doubt = None
    assert from_lines(row, [low], 5.0) == 3 and [c.doubt for c in row] == [confidence.OCR_LOW] * 3 + [None, None]
    for c in row:
        c.doubt = None
    row[0].text = "SUBV. ÉQUIPEMENT"  # the cell took its own reading: the line's words are not its text
    assert from_lines(row, [low], 5.0) == 2 and row[0].doubt is None
    touching = _Line("5 121,00€", 252, 226, 328, 238, confidence.DIGITS)  # 8 pt of its 12 in the row below
    for c in row:
        c.doubt = None
    from_lines(row, [touching], 5.0)
    assert [c.text for c in row if c.doubt] == ["5 121,00€"]


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
    from transform.simplify.engine import simplify_document
    from transform.structure import number_and_detect

    simp = simplify_document(number_and_detect(_doc()))
    reasons = [r for s in simp.segments if s.source == "27 928/382" for r in s.reasons]
    assert any("row 3, column 2: 27 928/382" in r for r in reasons), reasons
    from transform.simplify.report import label_reason

    shown = label_reason(next(r for r in reasons if "27 928/382" in r))  # the quality report's words for it
    assert shown["code"] == "check_source" and "row 3, column 2: 27 928/382" in shown["fr"]
    assert all(s.status in ("check_source", "needs_human") for s in simp.segments if s.role == "cell")  # the whole table is doubtful
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
    amounts = [(text, doubt) for text, doubt in flagged if re.fullmatch(r"[\d .,/€]+", text)]
    assert len(amounts) == 1 and amounts[0][1] == MALFORMED and "928" in amounts[0][0], flagged
    # (a label cell read on its own at low confidence is in doubt too: test_cell_own_reading.py)
    assert [t.doubt for t in tables].count(MALFORMED) == 1
    assert confidence.reading_summary(doc) and "0 of" not in (confidence.reading_summary(doc) or "")


def test_layer_cells_left_uncorrected_by_the_digit_check() -> None:
    rows = [[_cell("Région"), _cell("Montant")], [_cell("Souss-Massa"), _cell("0 912 452")], [_cell("Total"), _cell("3 456 789")]]
    took = [_Line("Souss-Massa 2 970 450", 0, 0, 1, 1), _Line("Total 3 456 789", 0, 0, 1, 1)]
    assert layer_cells(rows, took, "text layer looks sound (score 0.9)") == 0  # a page the check did not touch
    assert layer_cells(rows, took, "text layer looks sound; digits read from the printed glyphs: 2 numbers corrected (F)") == 1
    assert [c.doubt for row in rows for c in row] == [None, None, None, confidence.DIGITS, None, None]
    unsure = [_Line("Total 3 456 789", 0, 0, 1, 1, confidence.DIGITS)]
    rows[2][1].doubt = None
    assert layer_cells(rows[2:], unsure, "digits read from the printed glyphs: 0 numbers corrected (F), 1 left in doubt") == 1


@pytest.mark.slow
def test_a_text_layer_table_whose_font_swaps_digits_is_in_doubt(tmp_path: Path) -> None:
    """A ruled table of amounts printed by LibreOffice, its font's ToUnicode map swapping 1/7 and 0/2: the
    digit cross-check corrects the page's lines, not the table's cells, which now carry ``digits_disagree``."""
    import ocr_testkit as kit

    from transform.ingest import INGESTERS

    rows = [("Région", "Montant (DH)"), ("Béni Mellal-Khénifra", "1 250 000"), ("Souss-Massa", "2 970 450"),
            ("Oriental", "3 456 789"), ("Total", "7 677 239")]
    cell = "<td style='border:1px solid black;padding:4px'>{}</td>"
    body = ("<p>Décret fixant les montants du soutien aux régions pour l'année 2021.</p>"
            "<table style='border-collapse:collapse'>" + "".join("<tr>" + "".join(cell.format(c) for c in r) + "</tr>" for r in rows)
            + "</table><p>Le ministre de l'intérieur est chargé de l'exécution du présent décret.</p>")
    try:
        good = kit.html_pdf(tmp_path / "amounts.pdf", body)
    except (RuntimeError, OSError) as exc:
        pytest.skip(str(exc))
    bad = kit.remap_tounicode(good, tmp_path / "amounts-swapped.pdf", kit.swap_digits)
    doc = INGESTERS.create("pdf").ingest(bad, kit.make_ctx(tmp_path))
    table = next(b for s in doc.sections for b in s.blocks if isinstance(b, Table))
    flagged = [" ".join(s.text for s in c.sentences) for row in table.rows for c in row if c.doubt == confidence.DIGITS]
    assert flagged == ["7 052 222", "0 912 452", "3 456 189", "1 611 039"], flagged  # as the layer decodes them
    assert table.doubt == confidence.DIGITS


def test_the_review_template_names_the_cell_in_both_languages() -> None:
    """The review page's list of reasons for a segment (its ``<ul class="why">``, rendered alone) shows the
    doubtful cell's row, column and source text, in French and in Arabic."""
    from types import SimpleNamespace

    from service.web.render import TEMPLATES, environment

    source = (Path(TEMPLATES) / "review.html").read_text(encoding="utf-8")
    start = source.index('{% if "source" in s.needs %}')
    why = source[start:source.index("{% endif %}", source.index("{% endfor %}", start)) + len("{% endif %}")]
    seg = SimpleNamespace(needs=["source"], doubt=MALFORMED, page=12, cells=[(3, 2, "27 928/382")])
    for lang, words in (("fr", "ligne 3, colonne 2"), ("ar", "السطر 3، العمود 2")):
        html = environment(lang).from_string(why).render(s=seg, lang=lang, source_pages=False, doc=None)
        assert words in html and "27 928/382" in html and 'class="cell-doubt"' in html, html
    seg.cells = []
    assert "cell-doubt" not in environment("fr").from_string(why).render(s=seg, lang="fr", source_pages=False, doc=None)
