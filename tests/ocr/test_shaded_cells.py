"""Cells printed on a grey ground read black on white; a tie a cell's own reading wins by long known
words (``tables_crops._on_white``, ``tables_cells._best_ways``, ``tables_cells._stronger``; docs/ocr.md,
2026-12-06, fifteenth session).

The Health ministry's application forms (``ma-sante-ar-decision-2023`` pp. 2-3, a 200 ppi scan) print
their labels in a calligraphic face on a grey column (ground about 220 of 255). Tesseract's line model
reads the grey it is given: the page and each label cell read alone lost `تاريخ الترسيم` (`اله`, `تارج
الرسم`) and `الاسم` (`امم`); on white the labels come back."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from transform.ocr.render import preprocess, render_page
from transform.ocr.tables_cells import _line_by_line, _stronger, read_cells
from transform.ocr.tables_crops import _on_white
from transform.ocr.tables_fill import _Filler
from transform.ocr.tables_grid import find_grids
from transform.ocr.tables_read import _Piece

SANTE = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "ma-sante-ar-decision-2023.pdf"


def _form(page: int, rows: int):
    """The page as the OCR path renders it, and a filler of its form's label table (``rows`` x 2)."""
    if not SANTE.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(SANTE))
    try:
        pimg = preprocess(render_page(pdf, page - 1), scanned=True)
    finally:
        pdf.close()
    [grid] = [g for g in find_grids(pimg.image, pimg.dpi, pale=True, dashed=True) if (g.nrows, g.ncols) == (rows, 2)]
    return pimg, _Filler(grid, 72.0 / pimg.dpi, 0.08 * 72, np.asarray(pimg.image.convert("L")))


def _misread(filler: _Filler, row: int, text: str) -> None:
    """Put the page's reading of a label cell (the right column) into its slot, as the page placed it."""
    g, k = filler.grid, filler.k
    slot = filler.slots[(row, 1)]
    top, bottom = g.ys[row] * k, g.ys[row + 1] * k
    slot.pieces = [_Piece(text, top + 0.3 * (bottom - top), bottom - 0.3 * (bottom - top), g.xs[1] * k + 20, g.xs[2] * k - 5)]


def _text(filler: _Filler, row: int) -> str:
    return " ".join(p.text for p in filler.slots[(row, 1)].pieces)


def test_the_forms_grey_labels_read_on_white_replace_the_pages_misreadings() -> None:
    pimg, filler = _form(3, 9)
    _misread(filler, 3, "امم العائلي والشخصي")  # main's reading of page 3, page and cell alike
    _misread(filler, 6, "تارج الرسم")
    _misread(filler, 5, "الدرجة")  # read right by the page: stays
    read_cells(pimg, filler, "ara", 120, rtl=True)
    assert _text(filler, 3) == "الاسم العائلي والشخصي"
    assert _text(filler, 6) == "تاريخ الترسيم"
    assert _text(filler, 5) == "الدرجة"


def test_a_label_the_page_lost_to_a_short_key_comes_back() -> None:
    pimg, filler = _form(2, 8)
    _misread(filler, 5, "اله")  # main: the page read `اله`, the cell alone `الع ردم`
    read_cells(pimg, filler, "ara", 120, rtl=True)
    assert _text(filler, 5) == "تاريخ الترسيم"


def test_only_a_grey_ground_with_letters_is_cut_black_on_white() -> None:
    rng = np.random.default_rng(7)
    white = np.full((60, 200), 252, np.uint8)
    white[25:35, 40:160] = 30  # a word on white
    assert len(_on_white(white, white, 3, 254.0)) == 1
    grey = np.full((60, 200), 220, np.uint8)
    grey[25:35, 40:160] = 30
    cuts = _on_white(grey, grey, 3, 254.0)
    assert len(cuts) == 3 and all(set(np.unique(c)) == {0, 255} for c in cuts)
    assert all((c[25:35, 40:160] == 0).all() and (c[:20] == 255).all() for c in cuts)
    grain = (220 - rng.integers(0, 40, (60, 200))).astype(np.uint8)  # a shaded ground's grain and no letter
    assert len(_on_white(grain, grain, 3, 254.0)) == 1
    paper = np.full((60, 200), 222, np.uint8)  # a grey paper all over the page: no shaded cell
    paper[25:35, 40:160] = 30
    assert len(_on_white(paper, paper, 3, 230.0)) == 1


def test_a_tie_goes_to_the_long_known_words_only_when_they_add_no_unknown_word() -> None:
    assert _stronger("رئيس قسم الصفقات وتدبير المخزون", "ايس قسم الصفقات وتدبير المخزون", True)
    assert _stronger("رئيس مصلحة الصحة العقلية و الأمراض المتنكسة", "يس مصلحة الصحة المقلية و الأمراض المتنكسة", True)
    assert _stronger("الاسم العائلي والشخصي", "امم العائلي والشخصي", True)
    # Sfax: the cell's own reading has unknown words of its own (and the same score): the page's stays
    assert not _stronger("عامنا :ولا يففندق 40اشئنة", "عاما ولا يتعدّى 40 سنة.", True)
    assert not _stronger("الأكثر", "لأكثر", True)  # as many long known words
    assert not _stronger("ايس قسم", "رئيس قسم", True)


def test_a_line_of_two_long_known_words_is_not_given_up_for_the_pages_short_key() -> None:
    own = [_Piece("تاريخ الترسيم", 10.0, 20.0, 100.0, 200.0)]
    page = [_Piece("اله", 11.0, 19.0, 150.0, 200.0)]
    assert [p.text for p in _line_by_line(own, page, True, [False])] == ["تاريخ الترسيم"]
    # a word the page read whole and the cell cut into two short keys (one better by the lists) still goes to the page
    cut = [_Piece("قسم التع اون", 10.0, 20.0, 100.0, 200.0)]
    assert [p.text for p in _line_by_line(cut, [_Piece("قسم التعاون", 11.0, 19.0, 100.0, 200.0)], True, [False])] == [
        "قسم التعاون"]
