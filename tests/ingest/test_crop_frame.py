"""A page whose CropBox does not start at the page's origin (the Egyptian law's pages, cropped at (27, 18)):
the text-layer boxes are measured from the MediaBox's origin, its render shows the CropBox, so an image pass
moves a box into the render's frame before it cuts (``ingest/crop_frame.py``). Small PDFs made here."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from fpdf import FPDF

from transform.ingest.crop_frame import crop_offset, lines_on_render
from transform.ingest.pdf_text import page_lines

CROP = (40.0, 30.0, 400.0, 300.0)  # left, bottom, right, top of the CropBox (the MediaBox: 400 x 300 at the origin)


def saved_cropped(doc: FPDF, tmp_path: Path, crop: tuple[float, float, float, float]) -> Path:
    """``doc`` written, then its first page's CropBox set to ``crop`` (left, bottom, right, top); the cropped copy."""
    flat = tmp_path / "flat.pdf"
    doc.output(str(flat))
    pdf = pdfium.PdfDocument(str(flat))
    pdf[0].set_cropbox(*crop)
    path = tmp_path / "cropped.pdf"
    pdf.save(str(path))
    pdf.close()
    return path


def _cropped(tmp_path: Path, draw) -> Path:  # type: ignore[no-untyped-def]
    doc = FPDF(unit="pt", format=(400, 300))
    doc.add_page()
    draw(doc)
    return saved_cropped(doc, tmp_path, CROP)


def _text(doc: FPDF) -> None:
    doc.set_font("Helvetica", size=14)
    doc.text(60, 60, "Article premier du texte")
    doc.text(60, 150, "Nature de la visite")


def test_a_line_crop_on_a_cropped_page_holds_its_ink(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(str(_cropped(tmp_path, _text)))
    try:
        page = pdf[0]
        assert crop_offset(page) == (40.0, 30.0)
        lines = page_lines(page, page.get_textpage(), 1)
        assert [ln.text for ln in lines] == ["Article premier du texte", "Nature de la visite"]
        k = 2.0
        grey = np.asarray(page.render(scale=k, grayscale=True).to_pil().convert("L"))
        moved = lines_on_render(lines, crop_offset(page))
        for ln in moved:
            cut = grey[int(ln.top * k):int(ln.bottom * k) + 1, int(ln.x0 * k):int(ln.x1 * k) + 1]
            assert (cut < 128).mean() > 0.08, ln.text  # the letters' ink, not the margin beside them
        assert lines[0].x0 > moved[0].x0  # copies moved; the ingester's boxes stay in its own frame
    finally:
        pdf.close()


def test_white_on_black_shows_on_a_cropped_page(tmp_path: Path) -> None:
    def draw(doc: FPDF) -> None:
        doc.set_font("Helvetica", size=14)
        doc.text(60, 40, "Article premier")
        doc.text(60, 90, "Nature de la visite")
        doc.set_fill_color(0, 0, 0)
        doc.rect(60, 130, 60, 30, style="F")  # white text on a black box shows: it stays
        doc.set_text_color(255, 255, 255)
        doc.text(80, 150, "4")
        doc.text(90, 150, "Total")

    pdf = pdfium.PdfDocument(str(_cropped(tmp_path, draw)))
    try:
        page = pdf[0]
        texts = [ln.text for ln in page_lines(page, page.get_textpage(), 1)]
    finally:
        pdf.close()
    assert "4 Total" in texts


def test_the_layer_covers_the_text_rows_of_a_cropped_page(tmp_path: Path) -> None:
    from transform.ocr.scans import covers_ink

    def draw(doc: FPDF) -> None:
        doc.set_font("Helvetica", size=14)
        for n in range(6):
            doc.text(60, 60 + 30 * n, f"Ligne {n + 1} du texte de la page")

    pdf = pdfium.PdfDocument(str(_cropped(tmp_path, draw)))
    try:
        page = pdf[0]
        lines = page_lines(page, page.get_textpage(), 1)
        assert len(lines) == 6
        covered = covers_ink(pdf, 0, lines)
    finally:
        pdf.close()
    assert covered is not None and covered > 0.9  # every printed row lies under its line's box
