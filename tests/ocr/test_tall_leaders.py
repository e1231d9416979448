"""Dot leaders whose dots a coarse scan drew taller than a full stop (leaders.TALL).

Decree 2.19.720 p. 8 (``adala-ar-decree-2-19-720``, a ~100 dpi scan rendered at 250 dpi) prints the model
letter's blank ``في.............. .........(اليوم``: its dots came out as upright marks 9 to 11 pixels high and
4 to 6 wide, the row climbing 4 pixels along the blank, too high for a leader's dots (a full stop, ``dot`` + 2
pixels). The blank stayed on the page image and tesseract read it with its neighbours as ``ms as``; the blank
after ``ب`` on the same line, its dots lower, was taken out. A long chain of such marks (LONG_DOTS or more, alike,
at one pitch, on one straight row, nothing over or under them) is now taken too, once the other leaders are
found, and painted over with its own height; the letters beside it stay."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from transform.ocr.leaders import remove_leaders

DPI = 250
CROP = Path(__file__).resolve().parent / "data" / "leaders" / "decree720-p8-tall-dots.png"


def _page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("L", (900, 200), 255)
    return img, ImageDraw.Draw(img)


def _tall_dots(draw: ImageDraw.ImageDraw, x0: int, y: int, n: int, climb: float = 0.0) -> None:
    """``n`` upright marks 5 wide and 10 high, 7 pixels apart, the row falling ``climb`` pixels per pixel."""
    for k in range(n):
        x = x0 + 7 * k
        top = y + round(climb * (x - x0))
        draw.rectangle((x, top, x + 4, top + 9), fill=0)


def test_a_blank_of_tall_dots_beside_a_word_is_painted_over_and_the_word_kept() -> None:
    img, draw = _page()
    draw.rectangle((150, 70, 170, 120), fill=0)  # a bracket's stroke, left of the blank
    draw.rectangle((380, 60, 420, 125), fill=0)  # the word right of the blank
    _tall_dots(draw, 175, 100, 28, climb=0.02)  # the blank: 28 tall marks, 3 pixels from the word
    out = remove_leaders(img, DPI)
    assert out.count == 1
    a = np.asarray(out.image)
    assert (a[95:120, 174:374] > 200).all()  # every mark gone
    assert (a[70:121, 150:171] == 0).all() and (a[60:126, 380:421] == 0).all()  # the letters untouched


def test_tall_marks_in_short_rows_or_under_a_line_of_ink_are_kept() -> None:
    img, draw = _page()
    _tall_dots(draw, 100, 40, 12)  # too few for a long chain: could be strokes of a word
    _tall_dots(draw, 400, 140, 30)  # a long row with a stroke over it, within a line's height
    draw.rectangle((400, 120, 600, 124), fill=0)
    out = remove_leaders(img, DPI)
    assert out.count == 0 and out.image is img


def test_the_decree_blank_on_its_scan_is_taken_out_to_the_letters() -> None:
    """A frozen crop of p. 8 (x 440-800, y 1660-1760 of the 250 dpi image): `(اليوم`, the blank, `في`."""
    img = Image.open(CROP)
    before = np.asarray(img)
    out = remove_leaders(img, DPI)
    assert out.count == 1
    x0, top, x1, bottom = out.boxes[0]
    assert (x0, x1) == (81, 270)  # the first mark after the bracket (ink to x 79) to the last before `في` (from x 272)
    a = np.asarray(out.image)
    assert (a[top:bottom, x0:x1] >= 160).all()  # no mark left at the ink threshold
    assert np.array_equal(a[:, :x0], before[:, :x0]) and np.array_equal(a[:, x1:], before[:, x1:])  # the letters as they were
