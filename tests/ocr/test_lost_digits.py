"""A short number of an Arabic line whose box holds more digits than were read
(``transform/ocr/lost_digits.py``).

The joint order 1096.26 (``adala-ar-joint-order-1096-26``) p. 5 starts a line with
``50 كيلوغرام).``; the page reading gave ``0 كيلوغرام).``."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.ocr._pagebits import Line as _L
from tests.ocr._pagebits import corpus_page
from transform.ocr.lost_digits import _ink_beside, glyph_count, lost_digits, taken

PDF = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "adala-ar-joint-order-1096-26.pdf"
DPI = 250.0


def _drawn(glyphs: list[tuple[int, int, int, int]]) -> np.ndarray:
    ink = np.zeros((40, 100), dtype=bool)
    for x0, x1, t, b in glyphs:
        ink[t:b, x0:x1] = True
    return ink


def test_glyphs_are_counted_only_when_all_are_digit_like() -> None:
    assert glyph_count(_drawn([(10, 22, 5, 35), (26, 38, 5, 35)])) == 2
    assert glyph_count(_drawn([(10, 22, 5, 35), (26, 38, 5, 35), (42, 44, 33, 35)])) == 2  # a speck is dust
    assert glyph_count(_drawn([(10, 22, 5, 35), (26, 29, 25, 38)])) == 0  # a comma beside the digit
    assert glyph_count(_drawn([(10, 22, 5, 35), (26, 29, 30, 35)])) == 1  # a point: dust, never a digit
    assert glyph_count(_drawn([(10, 50, 5, 35)])) == 0  # wider than high: glyphs touching
    assert glyph_count(_drawn([(4, 8, 0, 40), (10, 22, 5, 35)])) == 0  # a bracket, taller than the digit


def test_a_box_that_left_a_digit_out_is_not_asked() -> None:
    grey = np.full((40, 120), 255, dtype=np.uint8)
    for x0 in (30, 44, 58, 72):  # four digits inside the box (pixels 28-86), 10 wide, 30 high
        grey[5:35, x0:x0 + 10] = 0
    box = (28.0, 5.0, 86.0, 35.0)  # points at k = 1
    assert not _ink_beside(grey, 1.0, box, 128.0)
    grey[5:35, 18:26] = 0  # a fifth digit 2 pixels left of the box: Tangier's 13451 read in a box of four
    assert _ink_beside(grey, 1.0, box, 128.0)


def test_only_more_digits_ending_with_the_first_reading_are_taken() -> None:
    assert taken("0", "50", 93.0, 2)
    assert not taken("0", "50", 50.0, 2)  # unsure
    assert not taken("0", "56", 93.0, 2)  # the digit read first changed
    assert not taken("0", "500", 93.0, 2)  # more digits than the box holds glyphs
    assert not taken("0", "0", 93.0, 2)


def test_the_joint_orders_fifty_kilograms() -> None:
    pimg = corpus_page(PDF, 4, DPI)
    # tesseract's word boxes (points) of p. 5's lines as the page reading gave them
    short = _L("0 كيلوغرام).", 451.3, 394.8, 524.2, 410.4)
    sure = _L("المطحنة: 87 درهما", 134.5, 323.4, 506.0, 341.0)
    price = _L("للعموم: 200 درهم", 304.4, 282.8, 502.8, 298.7)
    rtl = {id(short): (short.text, [("0", 509.5, 396.3, 524.2, 407.2), ("كيلوغرام).", 451.3, 394.8, 505.0, 410.4)]),
           id(sure): (sure.text, [("87", 214.0, 326.9, 226.7, 337.8)]),
           id(price): (price.text, [("200", 377.3, 284.5, 400.3, 295.5)])}
    assert lost_digits(pimg, [short, sure, price], rtl, 60.0) == 1  # type: ignore[list-item]
    assert short.text == "50 كيلوغرام)."
    assert rtl[id(short)][1][0][0] == "50"
    assert (sure.text, price.text) == ("المطحنة: 87 درهما", "للعموم: 200 درهم")
