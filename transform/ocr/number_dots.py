"""A point between the digits of a number, looked for in the number's own box on the page.

Tesseract's Arabic model drops a small full point between two digits: the labour code's
number, printed ``65.99`` in an Arabic line of decree 2.19.720's annexed forms, was read
``6599`` by every reading, at the page's scale, alone on its line and enlarged, each time with
a confidence over 85 %. Re-reading cannot give the point back; the page can. In the word's box
the digits stand apart as columns of ink: when a run of digits (no separator, not a year) is
drawn as exactly as many tall ink columns as it has digits, plus one small round mark sitting
on their baseline in the gap between two of them, that mark is a point and is written there.
Anything else (a digit touching its neighbour, two marks, a mark off the baseline or as tall as
a stroke) leaves the number as read. No digit is added or changed, only a point that is drawn.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .render import PageImage
    from .tesseract import OcrResult

RUN = re.compile(r"(?<![\d.,/\-])\d{3,6}(?![\d.,/\-]?\d)")
YEAR = re.compile(r"(?:19|20)\d\d")
INK = 128  # a binarised page: dark under this
DOT_MAX = 0.3  # a point's height and width are at most this share of the digits' height
BASELINE = 0.2  # ... and its foot within this share of it from theirs


def _columns(ink: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) column of each run of columns holding ink."""
    cols = ink.any(axis=0)
    runs, start = [], None
    for x, on in enumerate(cols):
        if on and start is None:
            start = x
        elif not on and start is not None:
            runs.append((start, x - 1))
            start = None
    if start is not None:
        runs.append((start, len(cols) - 1))
    return runs


def point_after(ink: np.ndarray, digits: int) -> int | None:
    """How many digits (from the left) stand before the one point drawn among ``digits`` digits
    in the binarised word crop ``ink`` (True where dark), or None."""
    parts = []
    for a, b in _columns(ink):
        rows = np.flatnonzero(ink[:, a : b + 1].any(axis=1))
        parts.append((a, b, int(rows[0]), int(rows[-1])))
    if not parts:
        return None
    height = max(p[3] - p[2] + 1 for p in parts)
    tall = [p for p in parts if p[3] - p[2] + 1 >= 0.6 * height]
    small = [p for p in parts if p not in tall]
    if len(tall) != digits or len(small) != 1:
        return None
    a, b, top, bottom = small[0]
    foot = max(p[3] for p in tall)
    if b - a + 1 > DOT_MAX * height or bottom - top + 1 > DOT_MAX * height or abs(foot - bottom) > BASELINE * height:
        return None
    before = sum(1 for p in tall if p[1] < a)
    return before if 0 < before < digits else None


def _crop(pimg: PageImage, box: tuple[float, float, float, float]) -> np.ndarray:
    k = pimg.dpi / 72.0
    x0, y0, x1, y1 = (int(round(v * k)) for v in box)
    return np.asarray(pimg.image.crop((x0, y0, x1 + 1, y1 + 1)).convert("L")) < INK


def restore_points(pimg: PageImage, result: OcrResult) -> int:
    """Put back into the Arabic lines of ``result`` the points drawn inside their numbers (see the
    module docstring); returns how many were put back."""
    found = 0
    for ln in result.lines:
        listed = result.rtl_words.get(id(ln))
        if listed is None or not RUN.search(ln.text):
            continue
        for word, x0, top, x1, bottom in listed[1]:
            if not (word.isascii() and word.isdigit() and 3 <= len(word) <= 6) or YEAR.fullmatch(word):
                continue
            at = point_after(_crop(pimg, (x0, top, x1, bottom)), len(word))
            if at is None:
                continue
            dotted = word[:at] + "." + word[at:]
            hits = [m for m in RUN.finditer(ln.text) if m.group(0) == word]
            if len(hits) == 1:  # the word is there once in the line: it is the one measured
                ln.text = ln.text[: hits[0].start()] + dotted + ln.text[hits[0].end():]
                found += 1
    return found
