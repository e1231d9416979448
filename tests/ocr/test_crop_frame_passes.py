"""Cropped pages (a CropBox not at the page's origin) through the two paths that compared a text layer's boxes
with a render's without moving them: the passes run on a kept earlier OCR's layer (decide._earlier_ocr: the
underlines, our reading's votes, the ink the layer left unread, check marks) and the overlay check
(scans.drop_overlays, the layer's banner against the OCR'd lines). Small PDFs made here (crop_frame.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

from tests.ingest.test_crop_frame import saved_cropped
from transform.ingest.base import TextLine
from transform.ingest.crop_frame import crop_offset
from transform.ingest.pdf_text import page_lines
from transform.ocr.render import render_page

CROP = (40.0, 30.0, 440.0, 330.0)  # left, bottom, right, top of the CropBox (the MediaBox: 440 x 330 at the origin)
ROWS = ["Le conseil municipal approuve le budget", "Monsieur le maire donne la parole",
        "Les membres du conseil votent la proposition", "La séance est levée avant minuit"]


def _cropped(tmp_path: Path) -> Path:
    doc = FPDF(unit="pt", format=(440, 330))
    doc.add_page()
    doc.set_font("Helvetica", size=14)
    doc.text(70, 60, "Affectation du budget")
    doc.set_line_width(1)
    doc.line(70, 64, 70 + doc.get_string_width("Affectation du budget"), 64)  # the title's underline, its whole width
    for n, row in enumerate(ROWS):
        doc.text(70, 100 + 30 * n, row)
    return saved_cropped(doc, tmp_path, CROP)


def test_the_render_moved_into_the_lines_frame(tmp_path: Path) -> None:
    from transform.ingest.crop_frame import image_on_lines

    pdf = pdfium.PdfDocument(str(_cropped(tmp_path)))
    try:
        page = pdf[0]
        lines = page_lines(page, page.get_textpage(), 1)
        pimg = render_page(pdf, 0, 100)
        framed = image_on_lines(pimg, crop_offset(page))
    finally:
        pdf.close()
    k = framed.dpi / 72.0
    for ln in lines:  # each box of the ingester's frame, cut from the moved render, holds its line's letters
        cut = framed.image.crop((int(ln.x0 * k), int(ln.top * k), int(ln.x1 * k) + 1, int(ln.bottom * k) + 1))
        dark = (np.asarray(cut) < 128).mean()
        assert dark > 0.08, ln.text
    assert framed.image.width > pimg.image.width  # the CropBox's left margin added, nothing cut on the right
    assert image_on_lines(pimg, (0.0, 0.0)) is pimg  # an uncropped page: the render itself


@pytest.mark.slow
def test_a_kept_earlier_layer_on_a_cropped_page_keeps_its_lines(tmp_path: Path) -> None:
    """On main the passes cut each box 40 pt right of and 30 pt above its ink: the title's underline went unseen,
    and the ink beside the boxes was read again as text the layer had left unread (lines added)."""
    from transform.ocr.decide import _earlier_ocr
    from transform.ocr.quality import assess

    pdf = pdfium.PdfDocument(str(_cropped(tmp_path)))
    try:
        page = pdf[0]
        lines = page_lines(page, page.get_textpage(), 1)
        report, _why = _earlier_ocr(pdf, 0, lines, assess("\n".join(ln.text for ln in lines)), 30.0, [])
    finally:
        pdf.close()
    assert report is not None and report.method == "text"
    assert [ln.text for ln in lines] == ["Affectation du budget", *ROWS]  # nothing read twice from beside the boxes
    assert [ln.underline for ln in lines] == [True, False, False, False, False]


def test_an_overlay_banner_of_a_cropped_page_is_dropped() -> None:
    """A phone app's banner typed in the bottom margin of a page cropped at (40, 30): the OCR'd lines are placed on
    the render, the layer's banner 30 pt higher in the ingester's frame; moved by the CropBox's corner, the OCR'd
    line re-reading it is dropped and the page's own lines stay."""
    from transform.ocr.settle import settle

    height = 300.0
    banner = TextLine("Scanned with CamScanner", 140.0, 255.0, 260.0, 265.0)  # ingester's frame (the render: +30 pt)
    ocr = [TextLine("Le conseil municipal approuve le budget", 40.0, 60.0, 330.0, 74.0),
           TextLine("Scanned with CamScanner", 100.0, 285.5, 220.0, 294.5)]
    ocr += [TextLine(f"Ligne {n} du texte de la page lue", 40.0, 90.0 + 20 * n, 330.0, 102.0 + 20 * n) for n in range(8)]
    out = [list(ocr)]
    reports = [_ocr_report()]
    settle([(0, None, "overlay")], out, reports, {}, {0: [banner]}, {0: height}, {}, {0: (40.0, 30.0)})
    assert [ln.text for ln in out[0]] == [ln.text for ln in ocr if "CamScanner" not in ln.text]


def _ocr_report():  # type: ignore[no-untyped-def]
    from transform.model import PageReport

    return PageReport(page=1, method="ocr", reason="OCR (fra)", langs=["fr"])


@pytest.mark.slow  # one page OCR'd (a 150 ppi photo)
def test_a_phone_scans_banner_on_a_page_with_a_shifted_box_is_dropped(ar_source: Path, work: Path, tmp_path: Path) -> None:
    """A phone app's page whose boxes start 30 pt below the origin (MediaBox and CropBox at (0, -30)): the layer's
    banner lies 30 pt off the OCR'd line that re-reads it in the ingester's frame; on main that line was kept."""
    import pikepdf
    from ocr_testkit import make_ctx, photo_scan

    from transform.ocr import read_pages

    phone = photo_scan(ar_source, work / "phone-shifted-src.pdf", dpi=150)
    shifted = tmp_path / "phone-shifted.pdf"
    with pikepdf.open(phone) as doc:
        w, h = (float(v) for v in doc.pages[0].MediaBox[2:])
        doc.pages[0].MediaBox = doc.pages[0].CropBox = pikepdf.Array([0, -30, w, h])
        doc.save(shifted)
    pdf = pdfium.PdfDocument(str(shifted))
    try:
        page = pdf[0]
        assert crop_offset(page) == (0.0, -30.0)
        layer = [page_lines(page, page.get_textpage(), 1)]
    finally:
        pdf.close()
    assert [ln.text for ln in layer[0]] == ["Scanned with CamScanner"]
    lines, reports = read_pages(shifted, layer, make_ctx(tmp_path))
    assert reports[0].method == "ocr"
    got = " ".join(ln.text for ln in lines[0])
    assert len(got.split()) > 30 and "CamScanner" not in got
