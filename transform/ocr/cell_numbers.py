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


DAY_INK_PX = 28  # digits' ink height the day's crop is scaled to (Sfax's pale thin `1` is lost at 48, read by one model of two at 36)
DAY_DARK = 170  # grey level under which a pixel is ink (a light scan's thin ``1`` is pale grey)
DAY_GAP = 0.9  # a gap this share of the digits' height ends the day (Sfax: 0.7 between digits, 1.2 to the word)
DAY_LINE = 0.2  # share of the digits' height their neighbours' top and foot may differ by (a word's do more)
MAX_DAYS = 12  # date cells read again per table at most
_DAY_FIRST = re.compile(r"(\d{1,2}) (\S+)(.*)")


def day_numbers(pimg: PageImage, filler: object, timeout: float) -> int:
    """A day read short at the start of a right-to-left cell line before a month's name
    (Sfax's ``17 نوفمبر 2022`` read ``7``: ``ara`` drops the ``1`` of a number that starts an
    Arabic line, even on the cell alone). The ink at the line's right end, up to the first gap
    (the day's digits), is cut from the page, scaled so the digits stand ``DAY_INK_PX`` high and
    read restricted to Western digits by two models, ``fra`` and ``eng`` (``ara`` reads ``7``
    here too): two tesseract calls per table. The day is written only when both give the same
    day (1 to 31), longer than the one read and ending with it: one reading alone, or two that
    differ, leave the cell as read. ``pimg``: the page's image. Returns how many cells changed."""
    from .digit_glyphs import DIGIT_SETS, read_digit_images
    from .lexicon import normalise_ar
    from .months import MONTHS, _month_for

    g = filler.grid  # type: ignore[attr-defined]
    k = pimg.dpi / 72.0
    grey = np.asarray(pimg.image.convert("L"))
    inset = max(2, int(0.01 * pimg.dpi))
    asked, images = [], []
    for slot in filler.slots.values():  # type: ignore[attr-defined]
        c = slot.cell
        for piece in slot.pieces:
            m = _DAY_FIRST.fullmatch(piece.text)
            if not m or (normalise_ar(m[2]) not in MONTHS and _month_for(m[2]) is None):
                continue
            x0, x1 = int(g.xs[c.col]) + inset, int(g.xs[c.col + c.colspan]) - inset
            y0, y1 = max(int(slot.y0), int(piece.top * k) - inset), min(int(slot.y1), int(piece.bottom * k) + inset)
            crop = _day_crop(grey[y0:y1, x0:x1]) if x1 - x0 > 4 and y1 - y0 > 4 else None
            if crop is not None and len(asked) < MAX_DAYS:
                asked.append((piece, m))
                images.append(crop)
    if not asked:
        return 0
    try:
        reads = [read_digit_images(images, DIGIT_SETS[0], timeout, lang) for lang in ("fra", "eng")]
    except ToolError as exc:
        log.info("page %d: days of date cells not read again (%s)", pimg.page, exc)
        return 0
    changed = 0
    for (piece, m), (a, _ca), (b, _cb) in zip(asked, reads[0], reads[1], strict=True):
        log.debug("page %d: day %s read again %s, %s", pimg.page, m[1], a, b)
        if a == b and len(a) > len(m[1]) and a.endswith(m[1]) and 1 <= int(a) <= 31:
            log.info("page %d: day %s read %s (two digit readings)", pimg.page, a, m[1])
            piece.text = f"{a} {m[2]}{m[3]}"
            changed += 1
    return changed


def _day_crop(band: np.ndarray) -> Image.Image | None:
    """The ink at ``band``'s right end up to the first gap of ``DAY_GAP`` of the digits' height
    (a rule's stub that spans the band is passed over), scaled and padded for a digit reading;
    None when there is no such ink."""
    dark = band < DAY_DARK
    h = dark.shape[0]
    if h < 4 or not dark.any():
        return None
    groups: list[list[int]] = []  # [left, right] runs of inked columns, right to left
    for x in reversed(np.nonzero(dark.any(axis=0))[0].tolist()):
        if groups and groups[-1][0] - x <= 1:
            groups[-1][0] = x
        else:
            groups.append([x, x])
    for n, (left, right) in enumerate(groups):
        rows = np.nonzero(dark[:, left:right + 1].any(axis=1))[0]
        top, bottom = int(rows[0]), int(rows[-1]) + 1
        if bottom - top >= RULE * h and right - left + 1 <= 0.25 * h:
            continue  # a rule's stub
        tall = bottom - top
        for nl, nr in groups[n + 1:]:  # the digits to its left: near, and of the same top and foot
            rows = np.nonzero(dark[:, nl:nr + 1].any(axis=1))[0]
            if (left - nr > DAY_GAP * tall or abs(int(rows[0]) - top) > DAY_LINE * tall
                    or abs(int(rows[-1]) + 1 - bottom) > DAY_LINE * tall):
                break
            left = nl
        rows = np.nonzero(dark[:, left:right + 1].any(axis=1))[0]
        top, bottom = int(rows[0]), int(rows[-1]) + 1
        if right - left + 1 > 3 * (bottom - top):  # wider than three digits: not a day
            return None
        glyph = Image.fromarray(band[top:bottom, left:right + 1])
        scale = min(6.0, max(1.0, DAY_INK_PX / max(1, bottom - top)))
        glyph = glyph.resize((max(1, round(glyph.width * scale)), max(1, round(glyph.height * scale))), Image.LANCZOS)
        return ImageOps.expand(glyph, border=max(10, glyph.height // 2), fill=255)
    return None
