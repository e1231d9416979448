"""A map on an OCR'd page is one figure, not prose (ocr/figures.py).

Haute-Saône's order (a scan) annexes on p. 5 a map of its four alert zones whose labels (``RM1 - Saone amont 70``)
tesseract read as body paragraphs; the truth writes the annex label and its caption only. The page's picture is
found on a small render (colour, solid ink), and the lines read inside it leave the body for a figure; a page of
text, a small coloured logo and a coloured box full of words are no picture."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from transform.ingest.base import TextLine
from transform.model import PageReport
from transform.ocr import figures

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"
ORDER = FILES / "hautesaone-arrete-eau-2023.pdf"


def _line(text: str, x0: float, top: float, x1: float, conf: float = 0.9) -> TextLine:
    return TextLine(text=text, x0=x0, top=top, x1=x1, bottom=top + 10.0, size=10.0, page=1, confidence=conf)


@pytest.fixture()
def map_page(tmp_path: Path) -> Path:
    if not ORDER.exists():
        pytest.skip("the corpus file is missing")
    src, one = pdfium.PdfDocument(str(ORDER)), pdfium.PdfDocument.new()
    one.import_pages(src, [4])  # p. 5: Annexe 1, the map
    path = tmp_path / "map.pdf"
    one.save(str(path))
    one.close()
    src.close()
    return path


def test_map_labels_leave_the_body_for_one_figure(map_page: Path) -> None:
    page_lines = [_line("Annexe 1", 270.0, 135.0, 330.0), _line("Carte des zones d’alerte", 235.0, 190.0, 370.0),
                  _line("RM1 - Saone amont 70", 150.0, 415.0, 260.0), _line("RM21 - Vosges haute-saonoises 70", 360.0, 345.0, 480.0, 0.55),
                  _line("RM22 - plateau calcaire Haute Saone 70", 190.0, 495.0, 330.0), _line("Préfecture de la Haute-Saône", 40.0, 745.0, 180.0)]
    pages = [list(page_lines)]
    pdf = pdfium.PdfDocument(str(map_page))
    try:
        found = figures.scan_figures(pdf, pages, [PageReport(page=1, method="ocr")])
    finally:
        pdf.close()
    assert len(found) == 1
    fig = found[0]
    assert fig.from_scan and fig.page == 1 and fig.lang == "fr"
    assert fig.paragraphs == ["RM1 - Saone amont 70", "RM22 - plateau calcaire Haute Saone 70"]  # the unsure label left out
    assert [ln.text for ln in pages[0]] == ["Annexe 1", "Carte des zones d’alerte", "Préfecture de la Haute-Saône"]
    x0, top, x1, bottom = fig.rect
    assert 60 < x0 < 100 and 230 < top < 280 and 500 < x1 < 540 and 580 < bottom < 640


def test_text_layer_pages_are_not_looked_at(map_page: Path) -> None:
    pages = [[_line("RM1 - Saone amont 70", 150.0, 415.0, 260.0)]]
    pdf = pdfium.PdfDocument(str(map_page))
    try:
        assert figures.scan_figures(pdf, pages, [PageReport(page=1, method="text")]) == []
    finally:
        pdf.close()
    assert len(pages[0]) == 1


def _page(fill: tuple[int, int, int], box: tuple[int, int, int, int]) -> np.ndarray:
    rgb = np.full((211, 149, 3), 250, dtype=np.uint8)  # A4 at 18 dpi, white paper
    x0, y0, x1, y1 = box
    rgb[y0:y1, x0:x1] = fill
    return rgb


def test_small_logos_and_word_boxes_are_no_pictures() -> None:
    assert figures.page_pictures(_page((30, 60, 200), (10, 10, 30, 30)), 595.0, 842.0, []) == []  # a logo
    box = _page((200, 230, 120), (15, 40, 135, 120))  # a coloured box over a third of the page
    assert len(figures.page_pictures(box, 595.0, 842.0, [])) == 1  # with no words in it: a picture
    words = [_line("Les tarifs de la restauration scolaire sont fixés comme suit pour l'année", 70.0, 170.0 + 12.0 * k, 520.0)
             for k in range(25)]
    assert figures.page_pictures(box, 595.0, 842.0, words) == []  # a shaded table full of words: text
    assert figures.page_pictures(_page((250, 250, 250), (0, 0, 1, 1)), 595.0, 842.0, []) == []  # a page of white
