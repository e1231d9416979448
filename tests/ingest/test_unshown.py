"""A whole line filled white on bare paper is not read (``pdf_unshown``): the justice performance
project's p. 1 (a part divider) holds its part's name in white at the top, a heading the page does
not show; white letters on a grey or dark band show, and stay. A small PDF made here, and the real page."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

from transform.ingest.pdf_text import page_lines

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def _lines(path: Path, index: int = 0) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        return [line.text for line in page_lines(page, page.get_textpage(), index + 1)]
    finally:
        pdf.close()


def test_a_white_title_on_white_paper_is_not_read_and_white_on_a_band_is(tmp_path: Path) -> None:
    pdf = FPDF(unit="pt", format=(400, 400))
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    pdf.set_text_color(255, 255, 255)
    pdf.text(40, 30, "Part three: spending")  # white on the white page: not shown
    pdf.set_fill_color(200, 200, 200)  # a light grey band: white letters on it show
    pdf.rect(30, 90, 300, 30, style="F")
    pdf.text(40, 110, "Programme summary")
    pdf.set_fill_color(20, 40, 90)  # a dark band
    pdf.rect(30, 150, 300, 30, style="F")
    pdf.text(40, 170, "Staff by region")
    pdf.set_text_color(0, 0, 0)
    pdf.text(40, 250, "Determinants of spending")
    path = tmp_path / "white-title.pdf"
    pdf.output(str(path))
    lines = _lines(path)
    assert not any("Part three" in line for line in lines)
    assert "Programme summary" in lines and "Staff by region" in lines and "Determinants of spending" in lines


def test_the_justice_dividers_unshown_part_name_is_not_read() -> None:
    src = FILES / "ma-pdp-justice-2024.pdf"
    if not src.exists():
        pytest.skip("the corpus file is missing")
    lines = [" ".join(t.split()) for t in _lines(src)]
    assert "الجزء الثالث : محددات النفقات" not in lines  # main: read, and made the page's heading
    assert "محددات النفقات" in lines and "الجزء" in lines and "الثالث" in lines  # the printed title stays
    assert any("وزارة العدل" in line for line in lines)  # the running head, printed in black
