"""The header cells of a leaning scanned table read on their own (``tables_cells.py``,
``tables_stretch.py``; docs/ocr.md, 2026-12-06, fourteenth session).

Sfax's notice p. 3 (``tn-sfax-ar-balagh-2022``) prints its header words close under the table's
top rule, and its column rules lean. Main left the top of a leaning rule in the first cells' crops
(the first strip of a top-row cell holds only part of its rule, so the rule was not found there):
the stroke was read `01` beside `الخطط` and `1 1` in `الشروط الخاصة`. Its stretched header words
(`العامــــة`) were read as letters no list knows (`العاممّة`)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from transform.ocr.render import ENLARGE_BELOW, preprocess, render_page, render_scan, scan_resolution
from transform.ocr.tables_cells import MARGIN_IN, _read_crops, _rows_without_digits, _score, _trimmed, _unruled, _without_numbers
from transform.ocr.tables_grid import find_grids
from transform.ocr.tables_read import _Piece

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


@pytest.fixture(scope="module")
def header() -> tuple[object, list[np.ndarray]]:
    """Sfax p. 3 as the OCR path reads it, and the crops of its header row's cells, right to left."""
    path = FILES / "tn-sfax-ar-balagh-2022.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    try:
        res = scan_resolution(pdf[2])
        small = res is not None and res[0] < ENLARGE_BELOW
        pimg = preprocess(render_scan(pdf, 2, res[1]) if small else render_page(pdf, 2), scanned=True)
    finally:
        pdf.close()
    [grid] = [g for g in find_grids(pimg.image, pimg.dpi, pale=True, dashed=True) if g.ncols == 9]
    grey = np.asarray(pimg.image.convert("L"))
    m = max(2, int(MARGIN_IN * pimg.dpi))
    crops = []
    for c in sorted((c for c in grid.cells if c.row == 0), key=lambda c: -c.col):
        x0, x1 = int(grid.xs[c.col]) - m, int(grid.xs[c.col + c.colspan]) + m
        y0, y1 = int(grid.ys[0]) - m, int(grid.ys[c.rowspan]) + m
        crops.append(_trimmed(_unruled(grey[y0:y1, x0:x1], pimg.dpi, m), pimg.dpi)[0])
    return pimg, crops


def _texts(subs: list[object]) -> list[str]:
    return [" ".join(ln.text for ln in sub.lines) for sub in subs]


def test_a_leaning_rule_s_top_is_not_read_as_digits_beside_the_header_words(header) -> None:
    pimg, crops = header
    texts = _texts(_read_crops(crops, pimg, "ara", 60))
    assert len(texts) == 9
    assert texts[0] == "العدد" and texts[1] == "الصنف" and texts[2] == "الخطط", texts
    assert not any(re.search(r"\d", t) for t in texts), texts  # main: `01 الخطط` (and `لَك` for `الصنف`)
    assert _rows_without_digits([0] * 9, texts) == {0}


def test_a_stretched_header_word_is_read_again_without_its_stretch(header) -> None:
    from transform.ocr.tables_stretch import squeeze_stretched

    pimg, crops = header
    subs = _read_crops(crops, pimg, "ara", 60)
    before = _texts(subs)
    changed = squeeze_stretched(crops, subs, lambda cs: _read_crops(cs, pimg, "ara", 60), True, _score)
    after = _texts(subs)
    assert changed >= 1
    general = after[6]  # `الشروط العامــــة`, the seventh column from the right
    assert general.split() == ["الشروط", "العامّة"] or general.split() == ["الشروط", "العامة"], (before, after)
    for old, new in zip(before, after, strict=True):  # a cell changes only for a better score
        assert new == old or _score(new, True)[1] > _score(old, True)[1]


def test_a_row_of_words_leaves_the_page_s_stray_digits_out() -> None:
    assert _rows_without_digits([0, 0, 0, 1, 1, 1], ["العدد", "الصنف", "الخطط", "04", "4", "ساعي صفقات"]) == {0}
    assert _rows_without_digits([0, 0], ["العدد", "الصنف"]) == set()  # two cells: too few to tell
    pieces = [_Piece("01 الخطط", 0, 1, 0, 1), _Piece("1 1", 2, 3, 0, 1)]
    assert [p.text for p in _without_numbers(pieces)] == ["الخطط"]


def test_a_tie_is_not_parted_by_the_page_s_lone_digit() -> None:
    from transform.ocr.tables_cells import _same_words

    # Sfax p. 1, the first post's task: the page read the colon after `مكلف ب` as `4`
    assert _same_words("مكلف ب : - القيام بكل الأعمال", "مكلف ب 4 - القيام بكل الأعمال")
    assert not _same_words("مكلف ب 5 - القيام", "مكلف ب 4 - القيام")  # a digit of its own: not the same
    assert not _same_words("مكلف ب : - القيام", "مكلف ب 4 - الصيانة")


def test_a_sure_line_with_a_short_known_word_gives_way_to_the_page_s_longer_one() -> None:
    from transform.ocr.tables_cells import _line_by_line

    own = [_Piece("ايس مصلحة", 0, 10, 0, 50)]
    page = [_Piece("رئيس مصلحة", 0, 10, 0, 50)]
    assert [p.text for p in _line_by_line(own, page, True, [True])] == ["رئيس مصلحة"]
    # a tie the page's line won already is not undone by the longer words of the own one
    own = [_Piece("عامنا :ولا يففندق 40اشئنة", 0, 10, 0, 50)]
    page = [_Piece("عاما ولا يتعدّى 40 سنة.", 0, 10, 0, 50)]
    assert [p.text for p in _line_by_line(own, page, True, [False])] == ["عاما ولا يتعدّى 40 سنة."]
    # a sure own line keeps a tie against a page's line with no more long known words
    own = [_Piece("عمومي", 0, 10, 0, 50)]
    page = [_Piece("عموم", 0, 10, 0, 50)]
    assert [p.text for p in _line_by_line(own, page, True, [True])] == ["عمومي"]
