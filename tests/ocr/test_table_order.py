"""A French table page read in the Arabic order is read once: the lines side by side are a
ruled table's cells, which the table builder places by their boxes (tables_order.py)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from ocr_testkit import FR_SAMPLE
from PIL import Image

from transform.ocr import pages
from transform.ocr.render import PageImage
from transform.ocr.tables import tables_of
from transform.ocr.tables_order import order_matters, outside_grids

pytestmark = pytest.mark.skipif(not FR_SAMPLE.exists(), reason="samples/ not built")


def _scan(path, index: int, dpi: float = 250.0) -> PageImage:
    """A page of a sample rendered as a grey scan (what the OCR path reads)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        w, h = page.get_size()
        img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()
    return PageImage(img, dpi, index + 1, w, h)


def _rows(report) -> list[list[str]]:
    [found] = tables_of(report)
    return [[" ".join(s.text for s in c.sentences) for c in row] for row in found.table.rows]


@pytest.mark.slow
def test_a_french_table_page_read_in_the_arabic_order_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    pimg = _scan(FR_SAMPLE, 1)  # the deliberation's partners table
    calls: list[str] = []
    real = pages.ocr_image

    def counted(image, langs, **kw):
        calls.append(langs)
        return real(image, langs, **kw)

    monkeypatch.setattr(pages, "ocr_image", counted)
    lines, report = pages.ocr_page(pimg, ["ar", "fr"], timeout=120, scanned=True, why="test")
    assert calls == ["ara+fra"], calls  # main read it again as fra+ara
    assert "ara+fra" in report.reason
    rows = _rows(report)
    assert rows == [["Partenaire", "Contribution (DH)", "Part"],
                    ["Ministère de l'Intérieur (INDH)", "55 800 000", "30 %"],
                    ["Office national de l'électricité et de l'eau potable", "37 200 000", "20 %"],
                    ["Conseil provincial d'Azilal", "18 600 000", "10 %"],
                    ["Total", "186 000 000", "100 %"]]
    text = " ".join(ln.text for ln in lines)
    assert "Office national de" in text and "Conseil provincial d'Azilal" in text


@pytest.mark.slow
def test_lines_side_by_side_outside_a_grid_still_ask_for_the_other_order() -> None:
    pimg = _scan(FR_SAMPLE, 1)
    from transform.ocr.tesseract import ocr_image

    result = ocr_image(pimg, "ara+fra", timeout=120)
    assert pages._other_order(result, ["ar", "fr"]) == ["fr", "ar"]  # the table's cells stand side by side
    assert not order_matters(pimg, result.lines)  # ...but only inside its ruled grid
    # the same lines on paper without the grid: two columns of text, whose order matters
    blank = PageImage(Image.new("L", pimg.image.size, 255), pimg.dpi, pimg.page, pimg.width_pt, pimg.height_pt)
    assert order_matters(blank, result.lines)
    assert outside_grids(result.lines, []) == result.lines
