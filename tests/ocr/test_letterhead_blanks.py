"""Short blanks of a model letter's letterhead, their dots run together by a blurred scan (blanks.py).

Decree 2.19.720's model letters (``adala-ar-decree-2-19-720`` pp. 5-8, a ~100 dpi scan) print a
letterhead with two short blanks on each of two lines (`المديرية الجهوية ل ........ب ........`). The
blur runs three to nine of their dots together into one thin blob, so the leader finder (eight single
dots in a row, or sixteen on a long chain) left them, and tesseract read them as letters (`1 20`,
`نين`, `سيب مسب`). They are now found as a band of ink no higher than a dot, clean over and under,
that dips between its dots at one pitch; a light scan's letters (Sfax) dip at no such pitch."""

from __future__ import annotations

import numpy as np
import pytest
from ocr_testkit import CORPUS_FILES

# (top, bottom, x0, x1) in pixels of the page rendered at 250 dpi: the four letterhead blanks, and
# the letter `ب` between the two blanks of each line and the `ل` before them (left as printed)
BLANKS = {
    7: [(594, 607, 1458, 1522), (594, 607, 1556, 1616), (630, 643, 1454, 1503), (630, 643, 1544, 1607)],
    8: [(610, 625, 1454, 1517), (610, 625, 1555, 1611), (646, 659, 1449, 1498), (646, 659, 1538, 1600)],
}
LETTERS = {
    7: [(585, 615, 1527, 1550), (585, 615, 1622, 1640), (620, 650, 1512, 1536), (620, 650, 1614, 1634)],
    8: [(600, 630, 1524, 1550), (600, 630, 1619, 1640), (636, 666, 1507, 1532), (636, 666, 1610, 1630)],
}


def _page(page_no: int):  # noqa: ANN202 - a PageImage
    import pypdfium2 as pdfium

    from transform.ocr.render import preprocess, render_page

    path = CORPUS_FILES / "adala-ar-decree-2-19-720.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(path))
    try:
        return preprocess(render_page(pdf, page_no - 1), scanned=True)
    finally:
        pdf.close()


@pytest.mark.parametrize("page_no", [7, 8])
def test_the_letterhead_blanks_of_a_blurred_scan_are_taken_out_and_their_letters_kept(page_no: int) -> None:
    """Each blank's dark ink goes (main's code left 3 of p. 7's four and all four of p. 8's with
    more than half their ink); the letters beside them stay pixel for pixel."""
    from transform.ocr.leaders import remove_leaders

    img = _page(page_no)
    assert round(img.dpi) == 250
    before = np.asarray(img.image.convert("L"))
    after = np.asarray(remove_leaders(img.image, img.dpi).image.convert("L"))
    for top, bottom, x0, x1 in BLANKS[page_no]:
        box = (slice(top, bottom), slice(x0, x1))
        ink = int((before[box] < 160).sum())
        assert ink > 80, (top, x0, ink)  # a blank is there
        assert int((after[box] < 160).sum()) <= 0.15 * ink, (top, x0)
    for top, bottom, x0, x1 in LETTERS[page_no]:
        box = (slice(top, bottom), slice(x0, x1))
        assert int((before[box] < 128).sum()) > 30  # a letter is there
        assert (before[box] == after[box]).all(), (top, x0)


def test_a_light_scan_s_letters_make_no_blank() -> None:
    """Sfax (110 ppi, pale type, stretched words): the strokes of its letters along a line's foot are
    thin, clean over and under, and dip between letters, but at no one pitch: no blank is found on
    pages 2 and 4."""
    import pypdfium2 as pdfium

    from transform.ocr.leaders import _window
    from transform.ocr.render import preprocess, render_scan, scan_resolution

    path = CORPUS_FILES / "tn-sfax-ar-balagh-2022.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    from transform.ocr.blanks import short_blanks
    from transform.ocr.leaders import CLEAR_ABOVE_IN, CLEAR_BELOW_IN, DOT_IN

    pdf = pdfium.PdfDocument(str(path))
    try:
        for k in (1, 3):  # the two pages where a looser rule found most (8 strokes of words taken for blanks)
            res = scan_resolution(pdf[k])
            assert res is not None
            img = preprocess(render_scan(pdf, k, res[1]), scanned=True)
            a = np.asarray(img.image.convert("L"))
            paper = float(np.median(a))
            ink = a < int(min(paper - 40, 160))
            dot = max(2, round(DOT_IN * img.dpi))
            above, below = round(CLEAR_ABOVE_IN * img.dpi), round(CLEAR_BELOW_IN * img.dpi)
            seen = _window(ink, -dot, dot)
            bad = seen & (_window(ink, -dot - above, -dot - 1) | _window(ink, dot + 1, dot + below))
            edges = np.diff(np.pad(seen, ((0, 0), (1, 1))).view(np.int8), axis=1)
            sy, sx = np.nonzero(edges == 1)
            ex = np.nonzero(edges == -1)[1]
            assert short_blanks(a, ink, bad, (sy, sx, ex), dot, paper, img.dpi) == [], k + 1
    finally:
        pdf.close()


@pytest.mark.slow
def test_the_letterhead_of_a_model_letter_is_read_without_its_blanks() -> None:
    """Page 7's letterhead band read by ``ocr_page``: its two lines of labels and blanks are read as
    their labels and the letter between the blanks, nothing more (main's code read the blanks as
    `سنس`, `بنيسيت ب تس`)."""
    from ocr_testkit import band_lines

    from transform.evaluation import normalize

    lines = band_lines("adala-ar-decree-2-19-720", 7, 0.17, 0.30)
    heads = [[w.strip(".:،") for w in normalize(ln).split()] for ln in lines if "المديرية" in ln]  # a speck read as a point
    assert len(heads) == 2, lines
    printed = {"المديرية", "الجهوية", "الإقليمية", "ل", "ب"}
    for words in heads:
        assert words[:3] in (["المديرية", "الجهوية", "ل"], ["المديرية", "الإقليمية", "ل"]), lines
        assert set(words) - {""} <= printed, lines
