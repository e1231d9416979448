"""A number at the start of an Arabic cell line read short (issue 17).

Sfax's notice ends a ruled cell's line on ``... لسنة`` and starts the next, at the cell's right
edge, with ``1992 المؤرخ في 28``: ``ara`` read the year as ``2``, its box still as wide as four
digits. In a right-to-left line inside a ruled grid, a number word of one or two digits whose box
is at least ``WIDE`` digit widths wider than its digits need (the digit width is the median over
the page's number words of two digits or more) is cut from the page image and read again
restricted to digits (one tesseract call for the page). The word takes the reading only when it
has more digits, ends with the digits first read, fills the box (its digits times the page's digit
width within ``FIT`` of the box's width) and is read at ``MIN_CONF`` or more. Nothing else is
touched: no digit is written that the box does not hold.
"""

from __future__ import annotations

import logging
import re
from statistics import median
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageOps

from ..errors import ToolError

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

log = logging.getLogger("transform.ocr")
WIDE = 1.5  # extra digit widths a short number's box must have to be read again
FIT = (0.7, 1.35)  # the new digits' width over the box's width
MIN_CONF = 40.0  # a year read right at 44 (Sfax p. 1); the width and the kept digits guard it
SIDE = 0.8  # digit widths the crop reaches past the word's box on each side
RULE = 0.9  # share of a crop's height a column of ink must cover to be a rule
MAX_WORDS = 20  # words read again per page at most
_SHORT = re.compile(r"\d{1,2}")
_LONG = re.compile(r"\d{2,}")

Boxes = list[tuple[str, float, float, float, float]]


def short_numbers(pimg: PageImage, lines: list[TextLine], rtl_words: dict[int, tuple[str, Boxes]],
                  inside: list[tuple[float, float, float, float]], timeout: float) -> int:
    """Read again the short numbers of the right-to-left lines inside ``inside`` (grids' boxes,
    points) whose boxes are too wide for them (see the module's docstring); ``rtl_words`` and the
    lines' text are updated together. Returns how many words changed."""
    from .digit_glyphs import DIGIT_SETS, read_digit_images

    widths = [(b[3] - b[1]) / len(b[0]) for _t, boxes in rtl_words.values() for b in boxes if _LONG.fullmatch(b[0])]
    if len(widths) < 3:
        return 0
    digit = median(widths)
    k = pimg.dpi / 72.0
    asked = []
    for ln in lines:
        listed = rtl_words.get(id(ln))
        if not listed or listed[0] != ln.text:
            continue
        mid = ((ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2)
        if not any(x0 <= mid[0] <= x1 and top <= mid[1] <= bottom for x0, top, x1, bottom in inside):
            continue
        for n, (w, x0, _t, x1, _b) in enumerate(listed[1]):
            if _SHORT.fullmatch(w) and x1 - x0 >= (len(w) + WIDE) * digit:
                asked.append((ln, n))
    asked = asked[:MAX_WORDS]
    if not asked:
        return 0
    grey = pimg.image.convert("L")
    pad = max(2, int(0.01 * pimg.dpi))
    images = []
    for ln, n in asked:
        _w, x0, top, x1, bottom = rtl_words[id(ln)][1][n]
        side = int(SIDE * digit * k)  # tesseract's box may leave out the line's first digit
        crop = _inside_rules(grey.crop((max(0, int(x0 * k) - side), max(0, int(top * k) - pad),
                                        min(grey.width, int(x1 * k) + side), min(grey.height, int(bottom * k) + pad))))
        images.append(ImageOps.expand(crop, border=max(10, crop.height // 2), fill=255))
    try:
        reads = read_digit_images(images, DIGIT_SETS[0], timeout)
    except ToolError as exc:
        log.info("page %d: short numbers of table lines not read again (%s)", pimg.page, exc)
        return 0
    changed = 0
    for (ln, n), (digits, conf) in zip(asked, reads, strict=False):
        text, boxes = rtl_words[id(ln)]
        w, x0, top, x1, bottom = boxes[n]
        fit = len(digits) * digit / (x1 - x0)
        if not (len(digits) > len(w) and digits.endswith(w) and conf >= MIN_CONF and FIT[0] <= fit <= FIT[1]):
            continue
        words = text.split()
        if words.count(w) != 1:
            continue
        words[words.index(w)] = digits
        boxes = [*boxes[:n], (digits, x0, top, x1, bottom), *boxes[n + 1:]]
        ln.text = " ".join(words)
        rtl_words[id(ln)] = (ln.text, boxes)
        changed += 1
    return changed


def _inside_rules(crop: Image.Image) -> Image.Image:
    """The crop without the column rules that stand in its sides (a rule read as a ``1`` would
    add a digit): cut at the innermost column of ink covering RULE of its height in each outer third."""
    dark = np.asarray(crop) < 128
    if not dark.size:
        return crop
    full = np.nonzero(dark.mean(axis=0) >= RULE)[0]
    w = dark.shape[1]
    left = max((int(c) + 1 for c in full if c < w / 3), default=0)
    right = min((int(c) for c in full if c > 2 * w / 3), default=w)
    return crop.crop((left, 0, right, crop.height)) if right - left > 2 else crop
