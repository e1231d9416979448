"""Text a layer holds off the printed page (on the pasteboard, outside the CropBox) is not read (pdf_offpage)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from transform.ingest.pdf_offpage import visible_box
from transform.ingest.pdf_text import page_lines
from transform.model import Heading

from ._realpages import FILES, block_text, read_pages


def _pdf(path: Path, ops: list[str], crop: list[float] | None = None) -> Path:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding))
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream("\n".join(["BT /F1 10 Tf", *ops, "ET"]).encode("latin-1"))
    if crop is not None:
        page.CropBox = pikepdf.Array(crop)
    pdf.save(path)
    return path


def _texts(path: Path) -> list[str]:
    page = pdfium.PdfDocument(str(path))[0]
    return [line.text for line in page_lines(page, page.get_textpage(), 1)]


def test_pasteboard_text_left_of_and_above_the_page_is_not_read(tmp_path: Path) -> None:
    ops = ["1 0 0 1 -300 700 Tm (Annexe 3 of another page) Tj",  # left of the page, on the pasteboard
           "1 0 0 1 72 900 Tm (Prix public de vente avant revision) Tj",  # above the page's top
           "1 0 0 1 -200 -40 Tm (1/1) Tj",  # below and left
           "1 0 0 1 72 700 Tm (Le texte imprime sur la page.) Tj"]
    assert _texts(_pdf(tmp_path / "pasteboard.pdf", ops)) == ["Le texte imprime sur la page."]


def test_a_line_crossing_the_edge_keeps_the_glyphs_whose_centre_is_on_the_page(tmp_path: Path) -> None:
    # Helvetica 10: "XX " spans -16.0 .. -0.1 (gone); "Wide" at -3: its W (9.4 wide) has its centre at 1.7 (kept, clipped)
    ops = ["1 0 0 1 -16 700 Tm (XX Visible words) Tj",
           "1 0 0 1 -3 650 Tm (Wide margin) Tj"]
    assert _texts(_pdf(tmp_path / "crossing.pdf", ops)) == ["Visible words", "Wide margin"]


def test_the_crop_box_bounds_what_is_read(tmp_path: Path) -> None:
    ops = ["1 0 0 1 72 700 Tm (Shown inside the crop) Tj",
           "1 0 0 1 400 600 Tm (Outside the crop box) Tj",  # in the MediaBox, right of the CropBox
           "1 0 0 1 250 500 Tm (Cut at the crop edge) Tj"]  # crosses x = 300
    path = _pdf(tmp_path / "crop.pdf", ops, crop=[0, 0, 300, 842])
    assert visible_box(pdfium.PdfDocument(str(path))[0]) == (0, 842, 300, 0)
    # the c of "crop" (296.1 .. 301.1) has its centre inside the box: a glyph clipped at the edge but mostly shown stays
    assert _texts(path) == ["Shown inside the crop", "Cut at the c"]


SOURCE = FILES / "bo-fr-7262-2024.pdf"


def _page_texts(index: int) -> list[str]:
    if not SOURCE.exists():
        pytest.skip("the corpus file is missing")
    page = pdfium.PdfDocument(str(SOURCE))[index]
    return [line.text for line in page_lines(page, page.get_textpage(), index + 1)]


def test_bulletin_7262_page_31_reads_without_page_30s_pasteboard_rows() -> None:
    texts = _page_texts(30)
    assert texts[:2] == ["Nº 7262– 21 joumada II 1445 (4-1-2024) BULLETIN OFFICIEL 31", "Annexe 1"]
    joined = " ".join(texts)
    for gone in ("Annexe 3", "CATEX", "LUCENTIS"):  # page 30's annex label and two of its price rows: all at x < 0
        assert gone not in joined
    assert "1/1" not in texts  # a folio left on the pasteboard
    assert "ACLAV 500 mg/62,5 mg Poudre pour suspension buvable Boite de 16" in joined.replace("Boîte", "Boite")


def test_bulletin_7262_page_15_reads_without_the_list_drawn_above_it() -> None:
    joined = " ".join(_page_texts(14))
    assert "traduction des documents ;" in joined
    for gone in ("déménagement", "dépoussiérage", "marques ;"):  # items set above the page's top edge
        assert gone not in joined


def test_bulletin_7262_page_31_blocks_hold_no_pasteboard_heading(tmp_path: Path) -> None:
    blocks = read_pages(SOURCE.name, [30], tmp_path)
    texts = [block_text(b) for b in blocks]
    for gone in ("Annexe 3", "CATEX", "LUCENTIS"):
        assert not any(gone in t for t in texts)
    assert not any(isinstance(b, Heading) and "Annexe 3" in block_text(b) for b in blocks)
