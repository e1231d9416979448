"""Raised note numbers at the start of an Arabic line, found on the page and read on their own.

A footnote of an Arabic scan starts with its number printed small and raised at the line's right
end (decree 2.17.355's contract: ``¹ يتعين إرفاق...``). Tesseract's Arabic model reads such a
mark as ``"``, ``•``, ``(G) | >`` or nothing, so the note loses its number. The page shows it: at
the right end of the line's ink stands a small group of columns, well apart from the first word,
whose foot is above the middle of the line's letters. That group is cut out, enlarged and read
as digits only in six ways (scales, smoothing; one tesseract call per way for the whole page): tesseract
reads so small a digit in some ways and not in others. When at least two readings give the same one or
two digits and no reading gives another, the number is written first in the line, in place of what the
line's reading made of the mark. A mark read as two different numbers leaves the line as read and in
doubt (``digits_disagree``); a mark read by one reading alone leaves it as read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from .confidence import DIGITS
from .crop_reads import read_crops

if TYPE_CHECKING:
    from PIL import Image

    from .render import PageImage
    from .tesseract import OcrResult

INK = 128  # a binarised page: dark under this
ARABIC = re.compile(r"[\u0600-\u06ff]")
LETTER = re.compile(r"[\u0621-\u064a]")
LEAD_SIGNS = "\"'“”„«»•·*:;>|.،؟"
LONE_SIGN = re.compile(r"^[\]\[|!lI] [-–]")  # a number's place at a line's start, read as a sign
FULL = 0.7  # a lone glyph is at least this share of the letters' height
LEADING_NUMBER = re.compile(r"^\W*\d")
REACH = 2.5  # how far (in line heights) left of the line's right end the mark is looked for
BEYOND = 1.0  # ... and right of it (a mark the line's box left out)
FOOT = 0.45  # the mark's foot is above this share of the letters' height, from their top
HIGH = 0.75  # ... its height at most this share of theirs
LOW = 0.35  # ... and at least this share (not a dot or a speck)
WIDE = 1.3  # ... and its width at most this many times its height (not a dash)
# the ways a raised mark is cut out and read (scale, blur, threshold, tesseract's page mode): tesseract
# reads a small digit in some of them and not in others, so it is read in all and the readings counted
WAYS = ((2.5, 0.0, 128, 10), (2.5, 1.25, 128, 10), (3.0, 0.0, 128, 10), (4.0, 2.0, 128, 10), (4.0, 0.0, 128, 10),
        (3.0, 0.0, 0, 10))
MIN_CONF = 60.0  # a reading under this confidence does not count
# a lone glyph of the letters' size: a `1` is read as a word (psm 8), not as one character, and at a
# confidence of 45-60 in every way tried
LONE_WAYS = ((1.5, 0.0, 0, 8), (2.0, 0.0, 0, 8), (3.0, 0.0, 0, 8), (4.0, 0.0, 128, 8))
LONE_CONF = 45.0
TALL = 1.5  # a line box this many times the page's usual line height may reach over two printed rows
ROW = 0.6  # a printed row is at least this share of the usual line height
MIN_VOTES = 2  # a number is written when at least this many readings give it and no reading gives another


def _runs(cols: np.ndarray, bridge: int) -> list[tuple[int, int]]:
    """(first, last) of each run of True in ``cols``, runs closer than ``bridge`` joined."""
    runs: list[list[int]] = []
    for x in np.flatnonzero(cols):
        if runs and x - runs[-1][1] <= bridge:
            runs[-1][1] = int(x)
        else:
            runs.append([int(x), int(x)])
    return [(a, b) for a, b in runs]


def find_mark(ink: np.ndarray, raised: bool = True) -> tuple[int, int, int, int] | None:
    """The raised mark at the right end of a line crop ``ink`` (True where dark), as (x0, y0, x1, y1)
    within the crop, or None when the line's rightmost ink is no such mark. ``raised=False``: the
    rightmost glyph standing apart, of the letters' size (a lone digit read as a bracket)."""
    rows = np.flatnonzero(ink.any(axis=1))
    if len(rows) == 0:
        return None
    # the letters' band: rows holding a fair share of the line's ink (ascenders and dots thin out)
    per_row = ink.sum(axis=1)
    band = np.flatnonzero(per_row >= 0.2 * per_row.max())
    top, bottom = int(band[0]), int(band[-1])
    tall = bottom - top + 1
    if tall < 6:
        return None
    groups = _runs(ink.any(axis=0), 1)
    if len(groups) < 2:
        return None
    a, b = groups[-1]
    # the rows of the rightmost group, cut where they break: the mark is the run that starts highest
    # (a tight line box may reach the next line's mark below it)
    m0, m1 = _runs(ink[:, a : b + 1].any(axis=1), 1)[0]
    height, width = m1 - m0 + 1, b - a + 1
    if width > WIDE * height:
        return None
    if raised and not (LOW * tall <= height <= HIGH * tall and m1 <= top + FOOT * tall):
        return None
    if not raised and not (FULL * tall <= height <= 1.6 * tall and m1 >= top + (1 - FOOT) * tall):
        return None
    return a, m0, b, m1


def _mark_image(pimg: PageImage, box: tuple[int, int, int, int], way: tuple[float, float, int, int]) -> Image.Image:
    """The mark cut out, enlarged, smoothed and binarised again as ``way`` (scale, blur radius in
    enlarged pixels, threshold or 0 for none) says, with a white margin."""
    from PIL import Image, ImageFilter, ImageOps

    scale, blur, threshold, _ = way
    x0, y0, x1, y1 = box
    crop = ImageOps.expand(pimg.image.crop((x0, y0, x1 + 1, y1 + 1)).convert("L"), border=3, fill=255)
    crop = crop.resize((round(crop.width * scale), round(crop.height * scale)), Image.Resampling.BICUBIC)
    if blur:
        crop = crop.filter(ImageFilter.GaussianBlur(blur))
    if threshold:
        crop = crop.point(lambda v: 0 if v < threshold else 255)
    return ImageOps.expand(crop, border=max(12, crop.height // 2), fill=255)


def read_marks(images: list[Image.Image], timeout: float, psm: int = 10) -> list[tuple[str, float]]:
    """Each image read in page mode ``psm`` (10: one character) among the digits (one tesseract call, a list file): its
    digits and confidence, ('', 0) where nothing was read."""
    return [("".join(w for w, _ in ws), min((c for _, c in ws), default=0.0))
            for ws in read_crops(images, lang="eng", psm=psm, allowed="0123456789", timeout=timeout, stem="m")]


def _marks(pimg: PageImage, result: OcrResult) -> list[tuple[object, tuple[int, int, int, int], bool]]:
    """(line, mark's box in pixels, raised) of each Arabic line that starts with a raised mark and no
    number, or with a lone sign read where a number stands alone before a dash (``] - الجريدة``)."""
    k = pimg.dpi / 72.0
    gray = np.asarray(pimg.image.convert("L"))
    found = []
    heights = sorted(ln.bottom - ln.top for ln in result.lines if ARABIC.search(ln.text))
    usual = heights[len(heights) // 2] * k if heights else 0.0
    for ln in result.lines:
        if not ARABIC.search(ln.text):
            continue
        raised = not LONE_SIGN.match(ln.text)
        if raised and LEADING_NUMBER.match(ln.text):
            continue
        h = (ln.bottom - ln.top) * k
        y0, y1 = max(0, int(ln.top * k - 0.15 * h)), min(gray.shape[0], int(ln.bottom * k) + 1)
        x0 = max(0, int(ln.x1 * k - REACH * h))
        x1 = min(gray.shape[1], int(ln.x1 * k + BEYOND * h) + 1)
        if x1 - x0 < 4 or y1 - y0 < 6:
            continue
        mark = find_mark(gray[y0:y1, x0:x1] < INK, raised)
        if mark is None and usual and h > TALL * usual:  # from the box's top: no reach into the line above
            y0, mark = _first_row_mark(gray[int(ln.top * k):y1, x0:x1] < INK, raised, usual, int(ln.top * k))
        if mark is not None:
            a, m0, b, m1 = mark
            found.append((ln, (x0 + a, y0 + m0, x0 + b, y0 + m1), raised))
    return found


def _first_row_mark(ink: np.ndarray, raised: bool, usual: float, y0: int) -> tuple[int, tuple[int, int, int, int] | None]:
    """A line box reaching over two printed rows (decree 2.17.355 p. 4: the band of letters measured over
    both, the mark looked small beside it): the window cut at the blank rows between printed rows, and the
    mark looked for in the first row at least ROW of the page's usual line height high (the line's text
    starts there; a shorter row at the box's top is the line above's descenders). Returns the row's top and
    the mark."""
    for a, b in _runs(ink.any(axis=1), 1):
        if b - a + 1 >= ROW * usual:
            return y0 + a, find_mark(ink[a:b + 1], raised)
    return y0, None


def _without_lead_junk(text: str) -> str:
    """The line without what its reading made of the mark: the first tokens holding no Arabic letter
    and no digit (``•``, ``(G) | >``), then the quotes, bullets and stops glued before its first word."""
    words = text.split()
    n = 0
    while n < len(words) - 1 and not LETTER.search(words[n]) and not re.search(r"\d", words[n]) and len(words[n]) <= 3:
        n += 1
    return " ".join(words[n:]).lstrip(LEAD_SIGNS)


def restore_calls(pimg: PageImage, result: OcrResult, timeout: float) -> int:
    """Write the raised note numbers of ``result``'s Arabic lines first in their lines (see the module
    docstring); returns how many were written."""
    found = _marks(pimg, result)
    if not found:
        return 0
    written = 0
    for raised, ways, floor in ((True, WAYS, MIN_CONF), (False, LONE_WAYS, LONE_CONF)):
        some = [(ln, box) for ln, box, r in found if r == raised]
        if not some:
            continue
        readings = [read_marks([_mark_image(pimg, box, way) for _, box in some], timeout, way[3]) for way in ways]
        for (ln, _), *reads in zip(some, *readings, strict=True):
            number, doubt = settle(reads, floor)
            if doubt:  # the mark read as two numbers: nothing written, the line in doubt
                ln.doubt = DIGITS
            elif number:
                ln.text = f"{number} {_without_lead_junk(ln.text) if raised else ln.text.split(' ', 1)[1]}"
                written += 1
    return written


def settle(reads: list[tuple[str, float]], floor: float = MIN_CONF) -> tuple[str | None, bool]:
    """The number the readings of one mark give, and whether they contest it: a number when at least
    MIN_VOTES readings (each at ``floor`` or more, one or two digits) give it and none gives another;
    (None, True) when two give different numbers; (None, False) when too few read it."""
    votes = [t for t, c in reads if c >= floor and re.fullmatch(r"[1-9]\d?", t)]
    if len(set(votes)) > 1:
        return None, True
    return (votes[0], False) if len(votes) >= MIN_VOTES else (None, False)
