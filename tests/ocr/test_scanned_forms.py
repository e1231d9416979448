"""Scanned model forms under a text-layer title (BO 7448, ``bo-fr-7448-2025`` pp. 20 and 23: a
1-bit 600 ppi scan of a form with square bullets, bold dotted blanks to fill in and a ruled table
of samples to fill in, under the annex's title and the running header on the text layer). See
docs/ocr.md, "Scanned forms" (2026-12-06, ninth session).

On main the bold dots of the blanks were a pixel too tall for a leader (read as `25315539968
tnnnnnnns`, `M 7ع [1 1 1 1 1 annees`), the annex's title on the layer was dropped as if it were a
phone app's banner, tesseract's blocks put the title's lines after the form's items, and the
table of samples (a header row over an empty row) was refused."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from tests.ocr._pagebits import read_corpus_page
from transform.evaluation import normalize
from transform.ingest.base import TextLine
from transform.model import Table
from transform.model.walk import iter_blocks
from transform.ocr.leaders import remove_leaders
from transform.ocr.line_rows import in_rows
from transform.ocr.scans import drop_overlays
from transform.ocr.tables import _OutCell, _plausible, _to_fill

BO = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "bo-fr-7448-2025.pdf"
DPI = 250


def test_bold_dots_a_pixel_taller_than_a_full_stop_are_a_leader_painted_whole() -> None:
    img = Image.new("L", (1400, 300), 255)
    draw = ImageDraw.Draw(img)
    draw.rectangle((100, 100, 380, 130), fill=0)  # the label: a block of ink
    for k in range(50):  # the blank: 50 dots 7 pixels wide and 8 high (bold 12 pt ellipses at 250 dpi)
        draw.rectangle((400 + k * 10, 123, 406 + k * 10, 130), fill=0)
    out = remove_leaders(img, DPI)
    assert out.count == 1  # main: none (each dot a pixel taller than DOT_IN)
    a = np.asarray(out.image)
    assert (a[110:145, 395:910] == 255).all()  # every pixel of every dot: main left their top and bottom rows
    assert (a[100:131, 100:381] == 0).all()  # the label untouched
    strokes = Image.new("L", (1400, 300), 255)
    draw = ImageDraw.Draw(strokes)
    for k in range(50):  # short strokes (a row of i's, a hatching): 6 wide, 12 high, are still no leader
        draw.rectangle((400 + k * 10, 119, 405 + k * 10, 130), fill=0)
    assert remove_leaders(strokes, DPI).count == 0


def _line(text: str, x0: float, top: float, x1: float, bottom: float) -> TextLine:
    return TextLine(text, x0, top, x1, bottom)


def test_a_long_layer_line_in_the_margin_is_the_pages_text_not_a_banner() -> None:
    title = "Annexe I à l'arrêté du ministre de l'industrie et du commerce n° 1930-25 du 4 safar 1447 (29 juillet 2025)"
    layer = [_line("BULLETIN OFFICIEL", 246, 58, 330, 68), _line(title, 37, 87, 552, 98)]
    ocr = [_line("BULLETIN OFFICIEL N° 7448", 246, 58, 571, 68), _line(title, 37, 87, 552, 98),
           _line("Nom et prénom :", 86, 247, 170, 258)]
    kept = [ln.text for ln in drop_overlays(ocr, layer, 842)]
    assert kept == [title, "Nom et prénom :"]  # main: the title went with the running header
    banner = [_line("Scanned with CamScanner", 450, 830, 590, 838)]
    read = [_line("Nom et prénom :", 86, 247, 170, 258), _line("Scanned with CamScanner", 450, 829, 590, 839)]
    assert [ln.text for ln in drop_overlays(read, banner, 842)] == ["Nom et prénom :"]


def test_a_one_column_page_is_read_by_rows_and_columns_keep_tesseracts_order() -> None:
    title = [_line("Annexe I à l'arrêté", 37, 87, 552, 98), _line("fixant les modèles", 100, 107, 491, 118),
             _line("et de la carte", 70, 128, 521, 139)]
    body = [_line("Modèle du procès-verbal", 48, 158, 559, 173), _line("qui leur sont liés.", 48, 195, 138, 207),
            _line("N° du registre de commerce", 87, 515, 407, 527), _line("Professionnelle", 87, 531, 228, 542)]
    beside = _line("N° de la Taxe", 458, 516, 521, 524)
    listed = [title[0], body[0], title[1], body[1], body[2], body[3], title[2], beside]  # tesseract's blocks
    assert [ln.text for ln in in_rows(listed)] == [ln.text for ln in [*title, *body[:3], beside, body[3]]]
    # two columns: every row holds two lines; tesseract's column order stays
    left = [_line(f"gauche {n}", 40, 100 + 20 * n, 280, 112 + 20 * n) for n in range(8)]
    right = [_line(f"droite {n}", 310, 101 + 20 * n, 560, 113 + 20 * n) for n in range(8)]
    page = [*left, *right]
    assert in_rows(page) is page
    ordered = [*title, *body]
    assert in_rows(ordered) is ordered  # already in order: the same list


def _cells(rows: list[list[str]]) -> list[_OutCell]:
    return [_OutCell(r, c, 1, 1, text, 1 if text else 0) for r, row in enumerate(rows) for c, text in enumerate(row)]


def test_a_forms_header_over_rows_to_fill_in_is_a_table_and_lookalikes_are_not() -> None:
    head = ["Désignation", "Lot", "Quantité", "Nature", "Unité", "Valeur (DHS)"]
    assert _to_fill(_cells([head, [""] * 6]))
    assert _plausible(_cells([head, [""] * 6]))  # main: refused (one filled row)
    assert _to_fill(_cells([head, [""] * 6, ["", "", "", "", "|", ""]]))  # a stray mark
    assert not _to_fill(_cells([head]))  # one row: a ruled line of labels
    assert not _to_fill(_cells([["Signature de l'agent", "Signature du contrevenant"], ["", ""]]))  # two boxes
    assert not _to_fill(_cells([["2023", "Lot", "Nature"], ["", "", ""]]))  # a number is no label
    assert not _to_fill(_cells([["Désignation", "", "Nature"], ["", "", ""]]))  # a blank header cell
    assert not _to_fill(_cells([head, ["a b", "12", "3 kg", "x", "kg", "100"]]))  # filled in: any table's rules
    prose = "le procès-verbal est signé par les agents verbalisateurs et le contrevenant"
    assert not _to_fill(_cells([[prose, prose, prose], ["", "", ""]]))


def _blocks(page: int, folder: Path) -> tuple[list[str], list[Table], str]:
    doc = read_corpus_page(BO, page)
    texts, tables = [], []
    for _, b in iter_blocks(doc):
        if isinstance(b, Table):
            tables.append(b)
        elif hasattr(b, "sentences"):
            texts.append(normalize(" ".join(s.text for s in b.sentences)))
        elif hasattr(b, "items"):
            texts.extend(normalize(" ".join(s.text for s in it.sentences)) for it in b.items)
    return texts, tables, doc.meta.pages[0].reason


@pytest.mark.slow
def test_the_first_forms_title_labels_and_blanks_are_read(tmp_path: Path) -> None:
    texts, _tables, reason = _blocks(20, tmp_path)
    assert "dot leaders taken out" in reason
    body = " ".join(texts)
    title = normalize("Annexe I à l'arrêté du ministre de l’industrie et du commerce n° 1930-25 du 4 safar 1447")
    assert title in body  # main: dropped as a banner
    # the title's three lines, then the model's title, then the form: in the page's order
    marks = [body.index(normalize(t)) for t in ("Annexe I à", "fixant les modèles du procès-verbal",
                                                "et de la carte professionnelle des agents habilités",
                                                "Modèle du procès-verbal de l’infraction", "qui leur sont liés",
                                                "Nom et prénom", "Adresse du lieu de la commission")]
    assert marks == sorted(marks)
    for label in ("Date et lieu de naissance :", "N° de la carte professionnelle, le cas échéant :", "Qualité :",
                  "Service de rattachement :", "N° de la carte nationale d'identité électronique (CNIE) :"):
        assert normalize(label) in texts  # each label alone: its blank read as nothing
    assert not any(ch.isdigit() for t in texts if t.startswith(normalize("Date et lieu")) for ch in t)


@pytest.mark.slow
def test_the_second_forms_table_of_samples_is_a_table_with_its_header(tmp_path: Path) -> None:
    texts, tables, reason = _blocks(23, tmp_path)
    assert "1 ruled table" in reason
    [table] = tables  # main: none
    assert [normalize(" ".join(s.text for s in c.sentences)) for c in table.rows[0]] == [
        normalize(w) for w in ("Désignation", "Lot", "Quantité", "Nature", "Unité", "Valeur (DHS)")]
    assert all(c.header for c in table.rows[0])
    assert normalize("Adresse du lieu de prélèvement :") in " ".join(texts)
