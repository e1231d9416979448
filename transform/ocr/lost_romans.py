"""Roman part numbers of a French scan's headings, lost or misread: ``I.`` ``II.`` ``III.`` standing a tab
before their heading, which tesseract does not read at all, and an italic ``V.`` read ``7``.

A form's parts are numbered ``I.`` to ``VI.`` in the margin before headings in capitals; tesseract reads the
numbers that stand close (``IV. DATE, HEURE...``) and drops those a wide tab away. Here, on a French page
(latin_misreads.french_page), each heading in capitals (CAPS of its letters or more, two words or more):

* with no number before it: the line's band is searched leftwards (REACH line heights) for ink standing alone,
  a tab (GAP line heights or more) before the heading and narrow (WIDE line heights at most), blank paper before it;
* whose first word is one to three digits (``7``): that word's box.

Each such ink is read with ``fra`` and only the letters ``IVX.`` allowed (``--psm 7``, the page's crops in one
call). A reading is kept only when it is a Roman number read at MIN_CONF or more **and** it numbers the heading
in the page's sequence: one more than the number before it (the page's first part is ``I``), so ``7`` between
``IV.`` and ``VI.`` becomes ``V.``, and digits are never the page's first part (a real ``1 INTRODUCTION`` stays).
A lost number whose ink is upright strokes and a dot is counted from them (a bold ``II.`` cut alone is read as
nothing); other ink is read. Runs on
French OCR'd pages with a heading in capitals; one tesseract call where ink or digits are found.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .crop_reads import read_crops
from .latin_misreads import french_page

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

CAPS = 0.8  # share of a heading's letters in capitals
GAP = 0.8  # line heights of blank between a lost number and its heading, at least
REACH = 8.0  # line heights searched leftwards
WIDE = 3.0  # line heights a number's ink spans at most
MIN_CONF = 60.0
_ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.?$")
_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")


def roman_value(tok: str) -> int | None:
    m = _ROMAN.match(tok)
    return _VALUES[m.group(1)] if m and tok.endswith(".") else None


def heading(text: str) -> bool:
    """A heading in capitals: two words or more, CAPS of its letters upper case."""
    letters = _LAT.findall(text)
    return len(text.split()) >= 2 and len(letters) >= 6 and sum(c.isupper() for c in letters) >= CAPS * len(letters)


def lost_romans(image: PageImage, lines: list[TextLine], word_boxes: dict[int, list[tuple[str, float, float, float, float]]],
                timeout: float) -> int:
    """The page's headings' Roman numbers put back where the ink and the sequence show them; how many."""
    if not any(heading(ln.text) for ln in lines) or not french_page(lines):
        return 0
    todo: list[tuple[int, str, tuple[int, int, int, int]]] = []  # line index, "lost" or "digits", crop (pixels)
    found: dict[int, tuple[str, str]] = {}  # line index: the number, "lost" or "digits"
    boxes_px: dict[int, tuple[int, int, int, int]] = {}  # line index: its lost number's ink (pixels)
    k = image.dpi / 72.0
    ink = None
    for n, ln in enumerate(lines):
        if not heading(ln.text):
            continue
        first = ln.text.split()[0]
        if roman_value(first):
            continue
        if first.isdigit() and len(first) <= 3:
            boxes = word_boxes.get(id(ln))
            if boxes and boxes[0][0] == first:
                _w, x0, t, x1, b = boxes[0]
                pad = 0.3 * (b - t) * k
                todo.append((n, "digits", (max(0, int(x0 * k - pad)), max(0, int(t * k - pad)), int(x1 * k + pad) + 1,
                                           int(b * k + pad) + 1)))
            continue
        if ink is None:
            import numpy as np  # on use: `import transform` stays light

            ink = np.asarray(image.image.convert("L")) < 128
        if box := _lost_ink(ink, ln, k):
            boxes_px[n] = box
            if strokes := _strokes(ink[box[1]:box[3], box[0]:box[2]]):
                found[n] = ("I" * strokes + ".", "lost")
            else:
                todo.append((n, "lost", box))
    crops = [image.image.crop(box) for _n, _how, box in todo]
    readings = read_crops(crops, lang="fra", psm=7, allowed="IVX.", timeout=timeout, stem="roman") if crops else []
    for (n, how, _box), read in zip(todo, readings, strict=True):
        if len(read) == 1 and read[0][1] >= MIN_CONF and _ROMAN.match(read[0][0]):
            word = read[0][0].rstrip(".") + "."
            found[n] = (word, how)
    done = 0
    last = 0
    for n, ln in enumerate(lines):
        value = roman_value(ln.text.split()[0]) if ln.text.split() and heading(ln.text) else None
        if value is not None:
            last = value
        elif n in found and roman_value(found[n][0]) == last + 1 and (last or found[n][1] == "lost"):  # 1 INTRODUCTION stays
            word, how = found[n]
            rest = ln.text.split(maxsplit=1)[1] if how == "digits" else ln.text
            ln.text = f"{word} {rest}"
            listed = word_boxes.get(id(ln))
            if listed and how == "digits":
                listed[0] = (word, *listed[0][1:])
            elif listed is not None:  # the number's ink listed before the heading's words
                x0, t, x1, b = (v / k for v in boxes_px[n])
                listed.insert(0, (word, x0, t, x1, b))
            last += 1
            done += 1
    return done


def _lost_ink(ink, ln: TextLine, k: float) -> tuple[int, int, int, int] | None:  # noqa: ANN001 - a numpy array
    """The box (pixels) of ink standing alone a tab before the line's first word, in its band, if any."""
    y0, y1 = max(0, int(ln.top * k)), min(ink.shape[0], int(ln.bottom * k) + 1)
    h = y1 - y0
    right = int(ln.x0 * k) - int(GAP * h)
    left = max(0, int(ln.x0 * k - REACH * h))
    if h < 4 or right - left < h:
        return None
    cols = ink[y0:y1, left:right].any(axis=0)
    xs = cols.nonzero()[0]
    if not len(xs):
        return None
    a, b = int(xs[0]), int(xs[-1])
    if b - a > WIDE * h or a < h:  # too wide for a number, or running on from further left
        return None
    pad = max(2, h // 3)
    return (left + a - pad, max(0, y0 - pad), left + b + pad + 1, min(ink.shape[0], y1 + pad))


def _strokes(ink) -> int | None:  # noqa: ANN001 - a numpy array
    """How many upright strokes the ink is (``I.`` 1, ``II.`` 2, ``III.`` 3): that many tall narrow runs of ink
    columns of one height, then a dot (a short run at their foot); None for any other shape (tesseract reads a
    bold ``II.`` cut alone as nothing)."""
    cols = ink.any(axis=0)
    runs: list[tuple[int, int]] = []
    start = None
    for x, on in enumerate([*cols.tolist(), False]):
        if on and start is None:
            start = x
        elif not on and start is not None:
            runs.append((start, x))
            start = None
    if not 2 <= len(runs) <= 4:
        return None
    shapes = []
    for a, b in runs:
        ys = ink[:, a:b].any(axis=1).nonzero()[0]
        shapes.append((b - a, int(ys[0]), int(ys[-1]) + 1))
    *bars, dot = shapes
    tall = max(bot - top for _w, top, bot in bars)
    if tall < 6:
        return None
    for w, top, bot in bars:
        if bot - top < 0.85 * tall or w > 0.5 * tall:
            return None
    w, top, bot = dot
    foot = max(bot for _w, _t, bot in bars)
    if bot - top > 0.4 * tall or w > 0.5 * tall or abs(bot - foot) > 0.2 * tall:
        return None
    return len(bars)
