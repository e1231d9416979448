"""A table's dashed row rule is not a fill-in blank (ocr/leaders_rules.py, `on_rule`, `between_words`).

The fill-in line finder takes any long row of like dots with paper over and under it. A table
ruled with dashed row rules (ma-sante-ar-decision-2023 p. 4, the list of posts) is full of such
rows: painted out, the lines of the cells over and under a rule ran together and tesseract read
row 20's `رئيس` as `ايس`. A row of dots that meets a vertical rule (a crossing, a box's corner) is
a rule: between cells that hold words on white paper it is left as printed; across empty cells
and shaded ones it is painted out as before. See docs/ocr.md (2026-12-06, fourteenth session)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from transform.ocr.leaders import remove_leaders

DPI = 250


def _dots(draw: ImageDraw.ImageDraw, x0: int, x1: int, y: int, pitch: int = 9, size: int = 5) -> None:
    for x in range(x0, x1 - size, pitch):
        draw.rectangle((x, y, x + size - 1, y + size - 1), fill=0)


def _table() -> Image.Image:
    """Two cells one over the other, ruled by two solid column rules and a dotted row rule between
    them; words (blocks of ink) in the right half of both cells, the left half empty."""
    img = Image.new("L", (1300, 420), 255)
    draw = ImageDraw.Draw(img)
    for x in (100, 1100):
        draw.rectangle((x, 40, x + 2, 380), fill=0)
    _dots(draw, 106, 1097, 200)
    draw.rectangle((650, 140, 1050, 162), fill=0)  # a line of words in the cell over the rule
    draw.rectangle((650, 228, 1050, 250), fill=0)  # ...and under it
    return img


def test_a_dotted_row_rule_between_cells_with_words_is_left_and_a_blank_is_not() -> None:
    img = _table()
    out = remove_leaders(img, DPI)
    assert out.count == 1  # the rule is found as a row of dots...
    before, after = np.asarray(img), np.asarray(out.image)
    words = (slice(195, 210), slice(660, 1040))
    assert (before[words] < 128).sum() > 1000
    assert (after[words] == before[words]).all()  # ...left as printed between the words (main: painted out)
    empty = (slice(195, 210), slice(150, 600))
    assert (after[empty] > 200).all()  # across the empty cells it carries no word: painted out
    # the same dots with no column rule at their ends: a fill-in blank beside its label, painted out whole
    blank = Image.new("L", (1300, 420), 255)
    draw = ImageDraw.Draw(blank)
    _dots(draw, 106, 1097, 200)
    draw.rectangle((1110, 150, 1250, 204), fill=0)  # the label
    a = np.asarray(remove_leaders(blank, DPI).image)
    assert (a[195:210, 100:1100] > 200).all()
    assert (a[150:205, 1110:1251] == 0).all()


def test_a_measure_that_leaves_every_row_of_dots_would_fail_the_check_above() -> None:
    """The checks above catch a finder that leaves every leader (or none) on the page."""
    img = _table()
    assert (np.asarray(img)[195:210, 150:600] < 128).sum() > 0  # left as it is, the empty half fails the check
    painted = np.asarray(img).copy()
    painted[195:210, 103:1098] = 255  # painted out whole (main), the words' half fails
    assert (painted[195:210, 660:1040] == np.asarray(img)[195:210, 660:1040]).mean() < 0.9


@pytest.fixture(scope="module")
def sante_p4():  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium
    from ocr_testkit import CORPUS_FILES

    from transform.ocr.render import preprocess, render_page

    path = CORPUS_FILES / "ma-sante-ar-decision-2023.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(path))
    try:
        return preprocess(render_page(pdf, 3), scanned=True)
    finally:
        pdf.close()


def test_the_list_of_posts_keeps_its_dashed_row_rules_between_its_posts(sante_p4) -> None:  # type: ignore[no-untyped-def]
    """Santé p. 4: every dashed row rule of the list of posts is found as a leader; under the
    posts' column (the leftmost, words in every cell) each is left as printed, so each row's
    post is read apart from its neighbours'."""
    pimg = sante_p4
    out = remove_leaders(pimg.image, pimg.dpi)
    before = np.asarray(pimg.image.convert("L")) < 160  # the dashes are pale: the finder's own threshold
    after = np.asarray(out.image.convert("L")) < 160
    # the posts' column: an eighth to a fifth of the page's width; the row rules of its last six rows (white paper)
    x0, x1 = int(0.12 * before.shape[1]), int(0.2 * before.shape[1])
    rules = [b for b in out.boxes if b[0] <= x0 and b[2] >= x1 and b[1] > 0.74 * before.shape[0]
             and before[b[1]:b[3], x0:x1].sum() > 100]  # a rule's dashes across the whole span
    assert len(rules) >= 4, out.boxes
    for _bx0, top, _bx1, bottom in rules:
        ink = before[top:bottom, x0:x1].sum()
        assert after[top:bottom, x0:x1].sum() >= 0.9 * ink, (top, bottom)  # main: 0 (painted out)
