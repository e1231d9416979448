"""A year's Hijri or Gregorian sign printed raised against its digits, kept (issue 17).

Arabic texts write a year with its era's sign: ``1436ه`` (هجرية), ``2015م`` (ميلادية). Some print the
sign small and raised against the digits, after them in the reading, so at their left in the drawn
line. Tesseract never reads it as a letter: the Tangier council notice's ``1436ه``, ``2015م`` and
``2020م`` came back as ``1436"``, ``2015«`` and ``2020`` (or ``22015``, the sign taken for a digit the
number passes then took off): the line lost a word's letter the page prints.

For each four-digit year of an Arabic line (1300-1499: Hijri, 1900-2099: Gregorian) written alone or
with one quote-like mark glued after it (what tesseract makes of the sign), the ink inside the
year's box (as tesseract listed it, drawn left to right, grown by ``PAD`` of its height to the left) is
cut into columns of ink (``raised_calls.columns``). Low marks at the far left (a comma, a full stop:
small, their foot on the digits' baseline) are set aside; the next column group is the sign when it is
small (at most ``SMALL`` of the digits' median height, at least ``MIN_SIGN`` of it high and half
that wide: a speck is no sign), not wider than the digits' height, its top
no lower than ``TOP`` of that height under theirs and its foot at least ``RAISED`` of it above their
baseline, with at least ``MIN_DIGITS`` groups of digits to its right. Then the year is written with
its era's sign (``ه`` for a Hijri year, ``م`` for a Gregorian one), the quote-like mark replaced, a
comma or full stop after it kept. The letter is the era's by the year's range, not read: the line is
put in doubt (``ocr_low_confidence``). A year with nothing raised at its end is left as read; nothing
is read again (no tesseract call).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from .confidence import OCR_LOW
from .raised_calls import _threshold, columns

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

Boxes = list[tuple[str, float, float, float, float]]

PAD = 0.25  # the year's box grown to the left by this share of its height: a sign the box left out
SMALL = 0.75  # the sign is at most this share of the digits' height...
RAISED = 0.3  # ...its foot at least this share above their baseline...
MIN_SIGN = 0.3  # ...and at least this share high, half of it wide (a speck is no sign)
TOP = 0.25  # ...its top at most this share below theirs
LOW = 0.25  # a comma's foot at most this share of the digits' height above their baseline...
LOW_MARK = 0.6  # ...and its height at most this share
MIN_DIGITS = 3  # column groups of digits right of the sign, at least (two digits may touch)
QUOTES = "\"'«»“”‘’`^°*"  # what tesseract reads for the raised sign
_YEAR = re.compile(rf"(\d{{4}})([{re.escape(QUOTES)}]?)([،,.]?)")
_AR = re.compile(r"[\u0621-\u064a]")


def era_sign(year: int) -> str | None:
    """The sign written after ``year``: ه for a Hijri year, م for a Gregorian one, None for neither."""
    if 1300 <= year <= 1499:
        return "ه"
    if 1900 <= year <= 2099:
        return "م"
    return None


def raised_sign(groups: list[tuple[int, int, int, int]]) -> bool:
    """Do the column groups (x0, x1, top, bottom; left to right) of a year's box end, at their left and past
    any low punctuation there, in a small raised sign before the digits?"""
    if len(groups) < MIN_DIGITS + 1:
        return False
    digits = groups[-MIN_DIGITS:]
    tall = float(np.median([b - t for _x0, _x1, t, b in digits]))
    top = float(np.median([t for _x0, _x1, t, _b in digits]))
    base = float(np.median([b for *_x, b in digits]))
    if tall <= 0:
        return False
    i = 0
    while i < len(groups) and groups[i][3] >= base - LOW * tall and groups[i][3] - groups[i][2] <= LOW_MARK * tall:
        i += 1  # a comma or a full stop: small, down on the baseline
    if len(groups) - i - 1 < MIN_DIGITS:
        return False
    x0, x1, t, b = groups[i]
    high, wide = b - t, x1 - x0
    return (MIN_SIGN * tall <= high <= SMALL * tall and MIN_SIGN * tall / 2 <= wide <= tall
            and t <= top + TOP * tall and base - b >= RAISED * tall
            and all(bb - tt > SMALL * tall for _a, _c, tt, bb in groups[i + 1:]))


def year_suffixes(pimg: PageImage, lines: list[TextLine], rtl_words: dict[int, tuple[str, Boxes]]) -> int:
    """Give the years of the Arabic lines their raised era sign where the ink shows one (see the module's
    docstring); a line's text and its ``rtl_words`` entry change together. Returns the years changed."""
    k = pimg.dpi / 72.0
    grey = None
    changed = 0
    for ln in lines:
        listed = rtl_words.get(id(ln))
        if not listed or not _AR.search(ln.text):
            continue
        in_step = listed[0] == ln.text  # else a number pass changed the text since: only the boxes are used
        boxes = listed[1]
        words = ln.text.split()
        for i, lw in enumerate(words):
            m = _YEAR.fullmatch(lw)
            sign = era_sign(int(m.group(1))) if m else None
            if m is None or sign is None or sum(m.group(1) in other for other in words) != 1:
                continue
            # its box: the listed word of these digits, or of one digit more in front (the sign read as a digit)
            year = m.group(1)
            found = [n for n, (w, *_b) in enumerate(boxes) if (d := re.sub(r"\D", "", w)) == year or (len(d) == 5 and d[1:] == year)]
            if len(found) != 1:
                continue
            n = found[0]
            w, x0, top, x1, bottom = boxes[n]
            if grey is None:
                grey = np.asarray(pimg.image.convert("L"))
            pad = PAD * (bottom - top)
            crop = grey[max(0, int(top * k)):int(bottom * k) + 1, max(0, int((x0 - pad) * k)):int(x1 * k) + 1]
            if crop.size == 0 or not raised_sign(columns(crop < _threshold(crop))):
                continue
            words[i] = year + sign + m.group(3)
            boxes[n] = (w.replace(m.group(2), "") if m.group(2) else w, *boxes[n][1:])
            ln.text = " ".join(words)
            if in_step:
                rtl_words[id(ln)] = (ln.text, boxes)
            ln.doubt = ln.doubt or OCR_LOW
            changed += 1
    return changed
