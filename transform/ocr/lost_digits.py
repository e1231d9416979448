"""A short number of an Arabic line whose box holds more digits than were read (issue 17).

The joint order 1096.26 (p. 5) starts a line with ``50 كيلوغرام).``: tesseract's word box holds
both digits, yet the word reads ``0``: a quantity fifty times too small, said aloud as sure.

For each number word of one to three digits of an Arabic line outside the ruled tables, the ink
inside its box is cut into columns of ink; when there are more columns than digits read, each of
the digits' height (within ``SAME`` of the tallest: no bracket, point or dash among them) and no
wider than that height (no two glyphs touching), and no digit's ink stands just past the box's
sides (``BESIDE``: a box that left a digit out would count short; Tangier p. 2's ``13451`` in a
table, whose box held four), the box is read again restricted to digits (one tesseract call for the
page's words). The word takes the reading only when it has as many digits as the box has columns,
ends with the digits first read and is read at ``MIN_CONF`` or more: the one digit written is one
the ink shows and tesseract reads there.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageOps

from ..errors import ToolError
from .crop_reads import pixel_box
from .raised_calls import columns

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..ingest.pdf_tables import FoundTable
    from .render import PageImage

log = logging.getLogger("transform.ocr")
SAME = 0.8  # each column at least this share of the tallest one's height
MIN_CONF = 60.0
BESIDE = 0.25  # share of the box's height looked at past each side for a digit it left out
SPECK = 0.25  # columns lower than this share of the tallest are dust, not counted
MAX_WORDS = 12  # words read again per page at most
SCALE = 2
_SHORT = re.compile(r"\d{1,3}")

Boxes = list[tuple[str, float, float, float, float]]


def glyph_count(ink: np.ndarray) -> int:
    """How many digit-like glyphs ``ink`` (True: ink) holds side by side; 0 when its columns are
    not all of one height (a bracket, a point, a dash) or one is wider than high (glyphs touching)."""
    groups = columns(ink)
    if not groups:
        return 0
    tall = max(b - t for _x0, _x1, t, b in groups)
    groups = [g for g in groups if g[3] - g[2] >= SPECK * tall]
    if any(b - t < SAME * tall or x1 - x0 > b - t for x0, x1, t, b in groups):
        return 0
    return len(groups)


def taken(old: str, new: str, conf: float, count: int) -> bool:
    """Does the digits-only reading ``new`` replace the word ``old`` (see the module's docstring)?"""
    return new.isdigit() and len(new) == count > len(old) and new.endswith(old) and conf >= MIN_CONF


def lost_digits(pimg: PageImage, lines: list[TextLine], rtl_words: dict[int, tuple[str, Boxes]], timeout: float,
                tables: list[FoundTable] | None = None) -> int:
    """Read again the short numbers of Arabic lines whose boxes hold more glyphs than digits,
    outside the ruled ``tables`` (their cells have their own re-readings: cell_numbers.py, whose crop
    reaches past a box that left a digit out); a line's text and its ``rtl_words`` entry change
    together. Returns the words changed."""
    from .digit_glyphs import DIGIT_SETS, read_digit_images

    k = pimg.dpi / 72.0
    grey = None
    asked: list[tuple[TextLine, int, int]] = []
    for ln in lines:
        listed = rtl_words.get(id(ln))
        if not listed or listed[0] != ln.text or any(_within(ln, ft) for ft in tables or []):
            continue
        for n, (w, x0, top, x1, bottom) in enumerate(listed[1]):
            if not _SHORT.fullmatch(w) or ln.text.split().count(w) != 1:
                continue
            if grey is None:
                grey = np.asarray(pimg.image.convert("L"))
            crop = grey[max(0, int(top * k)):int(bottom * k) + 1, max(0, int(x0 * k)):int(x1 * k) + 1]
            if crop.size == 0 or crop.min() > 128:
                continue
            dark = (float(np.percentile(crop, 95)) + float(crop.min())) / 2
            count = glyph_count(crop < dark)
            if count > len(w) and not _ink_beside(grey, k, (x0, top, x1, bottom), dark):
                asked.append((ln, n, count))
    asked = asked[:MAX_WORDS]
    if not asked:
        return 0
    image = pimg.image.convert("L")
    images = []
    for ln, n, _c in asked:
        _w, x0, top, x1, bottom = rtl_words[id(ln)][1][n]
        pad = 0.15 * (bottom - top)
        crop = image.crop(pixel_box(x0, top, x1, bottom, k, image.width, image.height, pad))
        crop = crop.resize((crop.width * SCALE, crop.height * SCALE), Image.Resampling.LANCZOS)
        images.append(ImageOps.expand(crop, border=max(10, crop.height // 2), fill=255))
    try:
        reads = read_digit_images(images, DIGIT_SETS[0], timeout)
    except ToolError as exc:
        log.info("page %d: short numbers not read again (%s)", pimg.page, exc)
        return 0
    changed = 0
    for (ln, n, count), (digits, conf) in zip(asked, reads, strict=False):
        text, boxes = rtl_words[id(ln)]
        w = boxes[n][0]
        if not taken(w, digits, conf, count):
            continue
        ln.text = " ".join(digits if x == w else x for x in ln.text.split())
        boxes[n] = (digits, *boxes[n][1:])
        rtl_words[id(ln)] = (ln.text, boxes)
        log.info("page %d: %r read again as %r (%.0f %%, %d glyphs in its box)", pimg.page, w, digits, conf, count)
        changed += 1
    return changed


def _within(ln: TextLine, ft: FoundTable) -> bool:
    cx, cy = (ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2
    return ft.x0 <= cx <= ft.x1 and ft.top <= cy <= ft.bottom


def _ink_beside(grey: np.ndarray, k: float, box: tuple[float, float, float, float], dark: float) -> bool:
    """Whether ink of the box's digits' height stands within ``BESIDE`` of its height outside either
    side (a digit the box left out: the count inside it would be short)."""
    x0, top, x1, bottom = box
    tall = (bottom - top) * k
    margin = max(1, int(BESIDE * tall))
    t, b = max(0, int(top * k)), int(bottom * k) + 1
    for a, z in ((max(0, int(x0 * k) - margin), max(0, int(x0 * k))), (int(x1 * k) + 1, int(x1 * k) + 1 + margin)):
        side = grey[t:b, a:z]
        if side.size and any(g[3] - g[2] >= SAME * tall for g in columns(side < dark)):
            return True
    return False
