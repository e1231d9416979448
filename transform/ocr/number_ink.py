"""A number of an Arabic line whose ink runs past the digits read (issue 17).

Printed left to right inside a right-to-left line, a number that starts an Arabic line stands at
the line's right end; tesseract's word box there often holds only its last digits and the rest of
its ink is read as nothing or as a point: ``1.03.194`` read ``4 .``, ``536`` read ``6``, ``22.12``
read ``2`` (held-out Adala pages read with forced OCR). ``lost_digits.py`` counts glyphs inside the
box only and passes over a box that leaves ink beside it, so these reached the reviewer as sound.

For each word of digits (and ``.,/-``) of an Arabic line outside the ruled tables, the ink on the
band of its box is cut into columns; from each side of the box, columns that follow each other
closer than ``GAP`` of the box's height and lie in no box of another word (a point-only word aside) are
taken into
the number's ink while they look like digits (the box's digits' height, no wider than high) or like
a separator (a low point or a dash inside the band). When that ink holds more digit columns than
the word has digits, the ink was not all read: the ink (box and the columns past it) is read again
as one line of digits and separators by the ``fra`` and ``ara`` models; a reading both give alike,
with as many digits as the ink has digit columns and holding the digits first read in order,
replaces the word (and any point-only words inside that ink); when ink of another shape touches the
run, or a digit's shape in another word's box stands as close as the number's own digits do, the number's end is unknown (the reading could
be a part of it: ``1.346`` for ``1.61.346``, whose ``6`` lies in the next word's box), so the
reading is written and the line stays in doubt all the same. When both models read the whole ink
as the very digits first read, the ink beside is no digit (a stamp's stroke, a bracket's tail) and
nothing changes; any other outcome puts the line in doubt. The doubt is ``digits_disagree``:
the reviewer checks the number against the source.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageOps

from . import confidence
from .crop_reads import pixel_box, read_crops
from .raised_calls import columns

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..ingest.pdf_tables import FoundTable
    from .render import PageImage

log = logging.getLogger("transform.ocr")
GAP = 0.6  # largest gap between two columns of one number, as a share of the box's height
SAME = 0.75  # a digit column at least this share of the box's tallest digit
POINT = 0.35  # a separator column at most this share of that height
MAX_WORDS = 12  # numbers read again per page at most
SCALE = 2
ALLOWED = "0123456789.-/"
TALL = "()[]{}/|"  # signs as tall and narrow as a digit, counted with the word's digits
_NUMBER = re.compile(r"\d[\d.,/-]*|[\d.,/-]*\d")
_FOLD = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_LETTER = re.compile(r"[^\W\d_]")

Box = tuple[str, float, float, float, float]


def classify(group: tuple[int, int, int, int], tall: int, band: int) -> str:
    """``digit``, ``point`` (a separator: low point or dash) or ``other`` for one column of ink
    (x0, x1, top, bottom) of a band ``band`` rows high whose digits are ``tall`` rows high."""
    x0, x1, top, bottom = group
    h, w = bottom - top, x1 - x0
    if h >= SAME * tall and w <= 1.1 * h:
        return "digit"
    if h <= POINT * tall and w <= 0.9 * tall and top >= 0.3 * band:
        return "point"
    return "other"


def run_past(groups: list[tuple[int, int, int, int]], start: int, end: int, tall: int, band: int, gap: float,
             blocked: list[tuple[int, int]], spacing: int) -> tuple[int, int, int, bool]:
    """Extend the span ``start``-``end`` (pixels) over the ``groups`` that follow it on either side
    (see the module's docstring); returns the new span, the digit columns taken outside it and whether
    a column of another shape stopped it within ``gap``, or a digit's shape in another word's box as
    close as the number's own columns stand (``spacing``, then widened by the columns taken): the
    number's end then unknown."""
    extra, ragged = 0, False
    for side in (-1, 1):
        edge = start if side < 0 else end
        ordered = sorted((g for g in groups if (g[1] <= start if side < 0 else g[0] >= end)),
                         key=lambda g: -g[1] if side < 0 else g[0])
        for g in ordered:
            dist = edge - g[1] if side < 0 else g[0] - edge
            kind = classify(g, tall, band)
            centre = (g[0] + g[1]) / 2
            if dist > gap:
                break
            if any(a <= centre <= z for a, z in blocked):
                ragged = ragged or (kind == "digit" and dist <= spacing)  # a digit in another word's box
                break
            if kind == "other":
                ragged = True  # ink of another shape touches the number: where it ends is unknown
                break
            extra += kind == "digit"
            spacing = max(spacing, dist)
            edge = g[0] if side < 0 else g[1]
        if side < 0:
            start = edge
        else:
            end = edge
    return start, end, extra, ragged


def unread_ink(grey: np.ndarray, k: float, box: Box, others: list[Box]) -> tuple[int, int, int, bool] | None:
    """(x0, x1 in pixels, digit columns, whether its end is unknown) of the number ink around the
    word ``box`` when it holds more digit columns than the word has digits; None otherwise."""
    w, x0, top, x1, bottom = box
    t, b = max(0, int(top * k)), int(bottom * k) + 1
    a, z = max(0, int(x0 * k)), int(x1 * k) + 1
    inside = grey[t:b, a:z]
    if inside.size == 0 or inside.min() > 128:
        return None
    dark = (float(np.percentile(inside, 95)) + float(inside.min())) / 2
    ink = grey[t:b] < dark
    groups = columns(ink)
    own = [g for g in groups if g[1] > a and g[0] < z]
    if not own:
        return None
    tall = max(g[3] - g[2] for g in own)
    digits_in = sum(classify(g, tall, b - t) == "digit" for g in own)
    blocked = [(int(o[1] * k), int(o[3] * k) + 1) for o in others if _LETTER.search(o[0]) or re.search(r"\d", o[0])]
    start, end = min(g[0] for g in own), max(g[1] for g in own)
    spacing = max((q[0] - p[1] for p, q in zip(own, own[1:], strict=False)), default=0)
    start, end, extra, ragged = run_past(groups, start, end, tall, b - t, GAP * (b - t), blocked, spacing)
    count = digits_in + extra
    if count <= sum(c.isdigit() or c in TALL for c in w):  # a bracket or slash read is as tall as a digit
        return None
    return start, end, count, ragged


def taken(old: str, reads: list[str], count: int) -> str | None:
    """The reading written for the word ``old``: both models alike, ``count`` digits, the digits
    first read among them in order, a number's form (digits parted by single separators)."""
    if len(reads) != 2 or reads[0] != reads[1]:
        return None
    new = reads[0]
    if not re.fullmatch(r"\d+(?:[./-]\d+)*", new) or sum(c.isdigit() for c in new) != count:
        return None
    it = iter(new)
    return new if all(c in it for c in old if c.isdigit()) else None


def number_ink(pimg: PageImage, lines: list[TextLine], rtl_words: dict[int, tuple[str, list[Box]]], timeout: float,
               tables: list[FoundTable] | None = None) -> int:
    """Read again, or put in doubt, the numbers of Arabic lines whose ink runs past the digits read
    (see the module's docstring); a line's text and its ``rtl_words`` entry change together.
    Returns the words changed."""
    k = pimg.dpi / 72.0
    grey = None
    asked: list[tuple[TextLine, int, tuple[int, int, int, bool]]] = []
    for ln in lines:
        listed = rtl_words.get(id(ln))
        if not listed or listed[0] != ln.text or any(_within(ln, ft) for ft in tables or []):
            continue
        boxes = listed[1]
        for n, box in enumerate(boxes):
            w = box[0]
            if not _NUMBER.fullmatch(w) or ln.text.split().count(w) != 1:
                continue
            if grey is None:
                grey = np.asarray(pimg.image.convert("L"))
            found = unread_ink(grey, k, box, boxes[:n] + boxes[n + 1:])
            if found:
                asked.append((ln, n, found))
    if not asked:
        return 0
    image = pimg.image.convert("L")
    crops = []
    for ln, n, (start, end, _c, _r) in asked[:MAX_WORDS]:
        _w, _x0, top, _x1, bottom = rtl_words[id(ln)][1][n]
        pad = 0.15 * (bottom - top)
        crop = image.crop(pixel_box(start / k, top, end / k, bottom, k, image.width, image.height, pad))
        crop = crop.resize((crop.width * SCALE, crop.height * SCALE), Image.Resampling.LANCZOS)
        crops.append(ImageOps.expand(crop, border=max(10, crop.height // 2), fill=255))
    try:
        both = [read_crops(crops, lang=lang, psm=7, allowed=ALLOWED, timeout=timeout, stem="n") for lang in ("fra", "eng")]
    except Exception as exc:  # noqa: BLE001 - a failed re-read leaves the doubt
        log.info("page %d: numbers' ink not read again (%s)", pimg.page, exc)
        both = [[], []]
    changed = 0
    for i, (ln, n, (start, end, count, ragged)) in enumerate(asked):
        text, boxes = rtl_words[id(ln)]
        w = boxes[n][0]
        reads = ["".join(t for t, _c in r[i]) for r in both if i < len(r)]
        new = taken(w, reads, count)
        points = {b[0] for b in boxes if b is not boxes[n] and not _LETTER.search(b[0]) and not re.search(r"\d", b[0])
                  and start <= (b[1] + b[3]) / 2 * k <= end}
        if new is None and len(reads) == 2 and reads[0] == reads[1] and _digits(reads[0]) == _digits(w):
            continue  # both models read the whole ink as the digits first read: the ink beside is no digit
        if new is None or text != ln.text or any(ln.text.split().count(p) != 1 for p in points):
            log.info("page %d: %r has unread ink of %d digits beside it (read again %s): %s", pimg.page, w, count,
                     reads, "already in doubt" if ln.doubt else "in doubt")
            ln.doubt = ln.doubt or confidence.DIGITS
            continue
        words = [new if x == w else x for x in ln.text.split() if x not in points]
        ln.text = " ".join(words)
        boxes[n] = (new, start / k, boxes[n][2], end / k, boxes[n][4])
        boxes[:] = [b for b in boxes if b[0] not in points]
        rtl_words[id(ln)] = (ln.text, boxes)
        if ragged and ln.doubt is None:
            ln.doubt = confidence.DIGITS  # written, but where the number ends is not sure
        log.info("page %d: %r read again from its whole ink as %r (both models, %d digits)", pimg.page, w, new, count)
        changed += 1
    return changed


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text.translate(_FOLD))


def _within(ln: TextLine, ft: FoundTable) -> bool:
    cx, cy = (ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2
    return ft.x0 <= cx <= ft.x1 and ft.top <= cy <= ft.bottom
