"""Ink a kept earlier OCR's layer left unread (foreign_gaps.py): found on the image, read by our OCR, in doubt."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import ocr_testkit as pdfkit
import pytest
from ocr_testkit import make_ctx
from test_foreign_layer import layer_scan

from transform.ingest.base import TextLine
from transform.ingest.pdf import PdfIngester
from transform.model.walk import block_text
from transform.ocr import confidence
from transform.ocr.foreign_gaps import glued_lines, grouping, lost_pieces, plausible
from transform.ocr.foreign_layer import LOST_NOTE, note
from transform.ocr.foreign_vote import vote_line

DPI = 72.0  # one pixel a point: the masks below are drawn in points


def _ink(*boxes: tuple[int, int, int, int]) -> np.ndarray:
    """A 400 x 300 page's ink: solid boxes (x0, top, x1, bottom) in points, a letter's strokes as far as the
    measure goes, and a scatter of lone pixels (dust, a shading's dither) that must not count."""
    ink = np.zeros((400, 300), dtype=bool)
    for x0, top, x1, bottom in boxes:
        ink[top:bottom, x0:x1] = True
    ink[::7, ::9] = True
    return ink


def _line(text: str, x0: float, top: float, x1: float, bottom: float) -> TextLine:
    return TextLine(text, x0, top, x1, bottom, size=10)


def test_an_amount_the_layer_lost_is_found_beside_its_label() -> None:
    # three table rows; the layer holds the second row's label only: its amount's ink is left uncovered
    ink = _ink((20, 50, 120, 60), (220, 50, 260, 60), (20, 70, 100, 80), (220, 70, 262, 80), (20, 90, 110, 100), (220, 90, 260, 100))
    lines = [_line("ABCD 150,00", 20, 50, 260, 60), _line("ACTIV'ORNE", 20, 70, 100, 80), _line("CLUB 200,00", 20, 90, 260, 100)]
    lines[0].segments, lines[2].segments = [(20, 120), (220, 260)], [(20, 110), (220, 260)]  # type: ignore[attr-defined]
    pieces = lost_pieces(ink, DPI, lines)
    assert [(round(p.top), round(p.x0), round(p.x1)) for p in pieces] == [(70, 220, 262)]


def test_a_row_the_layer_lost_and_a_glued_line_are_found() -> None:
    # a shaded group row the layer skipped (y 30), and two rows it glued into one line twice as tall (y 70-100)
    ink = _ink((20, 30, 150, 40), (220, 30, 260, 40), (20, 50, 120, 60), (20, 72, 120, 82), (20, 88, 140, 98))
    lines = [_line("3IFA ALENCON", 20, 50, 120, 60), _line("ABCD SUBVENTIONS LOCAI se", 20, 70, 140, 100),
             _line("CHORALE ACCORD", 20, 110, 120, 120)]
    ink[110:120, 20:120] = True
    assert glued_lines(lines, 10.0) == [lines[1]]
    pieces = lost_pieces(ink, DPI, lines)
    assert [(round(p.top), round(p.x0)) for p in pieces] == [(30, 20), (30, 220), (72, 20), (88, 20)]


def test_nothing_is_found_where_the_layer_covers_the_ink() -> None:
    ink = _ink((20, 50, 120, 60), (20, 70, 200, 80))
    lines = [_line("Monsieur le Maire", 20, 50, 120, 60), _line("rappelle que le compte", 20, 70, 200, 80)]
    assert lost_pieces(ink, DPI, lines) == []


@pytest.mark.parametrize(("text", "ok"), [
    ("SUBVENTIONS À CARACTERE SCOLAIRE 710,00", True), ("1 500,00", True), ("Hélène MAUGER", True),
    ("Il", True), ("7.210,00", True), ("N LX _", False), ("ae rn", False), ("~", False), ("", False)])
def test_only_a_reading_that_looks_like_print_is_taken(text: str, ok: bool) -> None:
    assert plausible(text) is ok


def test_the_page_report_counts_lines_holding_lost_ink_as_doubtful() -> None:
    said = note(0, 0, 3)
    assert LOST_NOTE in said and confidence.FOREIGN_NOTE in said and "3 lines hold" in said


@pytest.mark.slow  # two LibreOffice PDFs, an OCR sample of the photo scan and one reading of the lost ink
def test_an_amount_a_kept_layer_lost_is_read_and_in_doubt(work: Path, tmp_path: Path) -> None:
    paras = pdfkit.FR_TEXT.splitlines()
    label = "Subvention du club de football"
    printed_rows = paras + [label + "&emsp;" * 8 + "1 500,00"]
    layer_rows = paras + [label]  # the earlier OCR lost the amount: no word of the layer is odd
    scan = layer_scan(work, "gaps", printed_rows, layer_rows)
    doc = PdfIngester().ingest(scan, make_ctx(tmp_path))
    rep = doc.meta.pages[0]
    assert rep.method == "text" and "agrees" in rep.reason and LOST_NOTE in rep.reason, rep.reason
    blocks = doc.sections[0].blocks
    holding = [b for b in blocks if "1 500,00" in block_text(b)]
    assert holding, "\n".join(block_text(b) for b in blocks)  # our reading brought the amount back
    assert all(b.doubt for b in holding)  # read by one engine where the other had nothing: in doubt
    assert any(not b.doubt for b in blocks)  # the layer's sound paragraphs keep the page's rating


@pytest.mark.parametrize(("layer", "ours", "voted"), [
    ("l'ordonnateur. || doit être approuvé", "l'ordonnateur. ١| doit être approuvé", "l'ordonnateur. Il doit être approuvé"),
    ("|l doit être approuvé", "١| doit être approuvé", "Il doit être approuvé"),
    ("l'ordonnateur. || Doit", "l'ordonnateur. ١| Doit", "l'ordonnateur. || Doit"),  # no verb after it: left, in doubt
    ("Le total : 11 mars", "Le total : 11 mars", "Le total : 11 mars"),  # digits alone are not strokes
])
def test_two_strokes_starting_a_sentence_are_il(layer: str, ours: str, voted: str) -> None:
    # Putanges p. 2: ocrmypdf read `Il` as `||`, ours as `١|`; French prints no other word of two upright strokes there
    assert vote_line(layer, ours)[0] == voted


def test_a_number_word_both_readings_missed_is_read_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # Putanges p. 9: the layer reads `9 OODE :`, our line `9 0006: :`; the word read alone with the `9` before it
    # (the crop's reading is frozen here) gives `000€`, which replaces the layer's word; a reading no better leaves it
    from PIL import Image

    import transform.ocr.foreign_words as fw
    from transform.ocr.render import PageImage

    ln = TextLine("les crédits proposés au vote s'élèvent à 9 OODE :", 65, 131, 273, 143, size=12)
    boxes = [("à", 230.0, 131.0, 235.0, 143.0), ("9", 240.5, 128.0, 244.0, 143.0), ("0006:", 249.5, 128.0, 267.0, 143.0)]
    image = PageImage(Image.new("L", (1700, 2200), 255), 200.0, 9, 612.0, 792.0)
    for read, text in ((("9", 0.0, 27.0), ("000€", 29.0, 110.0)), "les crédits proposés au vote s'élèvent à 9 000€ :"), \
                      ((("9", 0.0, 27.0), ("0006", 29.0, 110.0)), "les crédits proposés au vote s'élèvent à 9 OODE :"):
        ln.text = "les crédits proposés au vote s'élèvent à 9 OODE :"
        monkeypatch.setattr(fw, "read_words", lambda *_a, got=read, **_k: [[(w, 90.0, a, b) for w, a, b in got]])
        fw.reread_words(image, [(ln, boxes)], 10.0)
        assert ln.text == text


def test_our_amounts_take_the_pages_thousands_spacing() -> None:
    # Putanges p. 9 prints `1 000,00`; our reading of a shaded row gave `7.210,00` (a thin space read as a dot)
    spaced = grouping([_line("SAE COURSE DE COTE LA FORET 1 000,00", 20, 50, 260, 60)])
    assert spaced("7.210,00") == "7 210,00" and spaced("12.5") == "12.5" and spaced("2024.") == "2024."
    dotted = grouping([_line("Total 1.000,00", 20, 50, 260, 60), _line("Reste 2 000,00", 20, 70, 260, 80)])
    assert dotted("7.210,00") == "7.210,00"  # the page prints both: nothing to follow


def test_a_run_read_in_a_shadings_dither_is_hollow() -> None:
    # Putanges p. 9: `3IFA ALENCON de 60,00`, its `de` read in the shading of the row above: no stroke under it
    from transform.ocr.foreign_gaps import _open, hollow_runs, unsure_lines

    ink = _ink((20, 50, 120, 60), (220, 50, 260, 60))
    ink[48:62, 140:200:2] = True  # dither: lone dots every other column
    ln = _line("3IFA ALENCON de 60,00", 20, 50, 260, 60)
    ln.segments = [(20, 120), (140, 200), (220, 260)]  # type: ignore[attr-defined]
    sound = _line("CHORALE ACCORD 100,00", 20, 70, 260, 80)
    sound.segments = [(20, 120), (220, 260)]  # type: ignore[attr-defined]
    ink[70:80, 20:120] = ink[70:80, 220:260] = True
    solid = _open(ink)
    assert hollow_runs(solid, DPI, ln) == [(140, 200)] and hollow_runs(solid, DPI, sound) == []
    assert unsure_lines([ln, sound], solid, DPI) == [ln]  # read again whole, its bands replace it
