"""A decimal point read as a colon, checked on the number's own crop.

``ara`` reads the point of a decimal number in an Arabic line as a colon now and then (`3.5 طن`
came out as `3:5`), and a colon is right in a time (`10:30`). The number's word box is cut
from the page and its glyphs told apart by the columns of ink: when the crop holds exactly one
glyph per character of the token, the glyph in the separator's place is looked at. One small
blob sitting in the lower half of the digits' height is a point; two blobs one over the other
are a colon. Anything else (glyphs touching, a crop that does not split into the token's
characters) leaves the token as read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from .recover import runs
from .render import PageImage, binarise, otsu_threshold

if TYPE_CHECKING:
    from .tesseract import OcrResult

COLON_NUMBER = re.compile(r"(?<![\d:.,])\d{1,3}:\d{1,3}(?![\d:.,])")


def separator_is_point(crop: np.ndarray, token: str) -> bool | None:
    """``crop``: the token's ink (True) cut from the page. True when its single separator is a
    point, False when it is a colon, None when the crop cannot tell."""
    cols = runs(crop.any(axis=0), max_gap=max(1, crop.shape[0] // 12))  # a glyph's parts cut by a blank column kept together
    if len(cols) != len(token):
        return None
    k = next(i for i, ch in enumerate(token) if not ch.isdigit())
    rows_ink = crop.any(axis=1)
    digits = [i for i, ch in enumerate(token) if ch.isdigit()]
    tops, bottoms = [], []
    for i in digits:
        a, b = cols[i]
        r = np.flatnonzero(crop[:, a:b].any(axis=1))
        tops.append(r[0])
        bottoms.append(r[-1])
    if not rows_ink.any():
        return None
    top, bottom = min(tops), max(bottoms)
    a, b = cols[k]
    blobs = runs(crop[:, a:b].any(axis=1))
    height = bottom - top + 1
    if len(blobs) == 1:
        lo, hi = blobs[0]
        small = hi - lo <= 0.3 * height and b - a <= 0.4 * height
        return True if small and lo >= top + 0.5 * height else None
    if len(blobs) == 2:
        return False
    return None


def check_colons(pimg: PageImage, result: OcrResult) -> int:
    """Put right the decimal points of Arabic lines read as colons; returns how many."""
    fixed = 0
    k = pimg.dpi / 72.0
    for ln in result.lines:
        if ":" not in ln.text or not COLON_NUMBER.search(ln.text):
            continue
        first, words = result.rtl_words.get(id(ln), ("", []))
        for n, (word, x0, top, x1, bottom) in enumerate(words):
            token = COLON_NUMBER.search(word)
            if token is None or word != token.group() or ln.text.count(word) != 1:
                continue
            pad = 2
            box = (max(0, int(x0 * k) - pad), max(0, int(top * k) - pad), int(x1 * k) + pad + 1, int(bottom * k) + pad + 1)
            grey = pimg.image.convert("L").crop(box)
            if grey.width < 4 or grey.height < 4:
                continue
            ink = np.asarray(binarise(grey, otsu_threshold(grey))) < 128
            if separator_is_point(ink, word):
                point = word.replace(":", ".")
                placed = first == ln.text  # still as first made: a table places its words by their boxes
                ln.text = ln.text.replace(word, point)
                words[n] = (point, x0, top, x1, bottom)
                if placed:
                    result.rtl_words[id(ln)] = (ln.text, words)
                fixed += 1
    return fixed


def recheck_signs(pimg: PageImage, result: OcrResult, timeout: float, script: str | None) -> int:
    """Signs inside numbers checked on every OCR'd page: decimal points read as colons, and,
    with ``script`` (pages whose numbers are not read again by :mod:`numbers`), percent signs
    read as digits. Returns how many tokens changed."""
    from .numbers import recheck_percent

    return (recheck_percent(pimg, result, timeout, script) if script else 0) + check_colons(pimg, result)
