"""A note call printed raised against a number's end, read as the number's digit (issue 17).

An Arabic text calls a footnote with a small raised digit after the word; after a number it stands
against the number's last digits, at its left in the drawn line. The joint order 1096.26 (p. 2)
prints ``2026-2027`` then the call ``1``: tesseract read one word, ``12027-2026`` as drawn, and the
line says ``2026-12027``: a year no one wrote.

For each number word of an Arabic line (as tesseract listed it, drawn left to right), the ink inside
its box is cut into columns of ink; the leftmost one or two columns are a call when each is at most
``SMALL`` of the other columns' median height, no wider than ``NARROW`` of it nor than its own
height (a dash is wider), and stands raised:
its foot at least ``RAISED`` of that height above the others' baseline. The digits read for them
come off the number, and the call is written after the number as the text layer writes a call,
``[1]`` (the note mark the reader, braille and speech know). Nothing is read again: the digits that
stay are tesseract's, only the ink's shape says that the first one is no part of the number.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

SMALL = 0.7  # a call is at most this share of the digits' height...
NARROW = 0.8  # ...at most this wide (of the height)...
RAISED = 0.35  # ...and its foot at least this share of the height above their baseline
MIN_DIGITS = 3  # columns of full digits the number keeps at least
_DRAWN = re.compile(r"(\d{2,})((?:[-/.]\d+)*)[.,،]?")

Boxes = list[tuple[str, float, float, float, float]]


def columns(ink: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(x0, x1, top, bottom) of the runs of inked columns of ``ink`` (True: ink), left to right;
    x1 and bottom exclusive."""
    cols = ink.any(axis=0)
    out = []
    x = 0
    n = len(cols)
    while x < n:
        if not cols[x]:
            x += 1
            continue
        start = x
        while x < n and cols[x]:
            x += 1
        rows = np.flatnonzero(ink[:, start:x].any(axis=1))
        out.append((start, x, int(rows[0]), int(rows[-1]) + 1))
    return out


def raised_lead(groups: list[tuple[int, int, int, int]]) -> int:
    """How many of the leftmost column groups (0, 1 or 2) are a raised call before full digits."""
    if len(groups) < 2:
        return 0
    for k in (2, 1):
        rest = groups[k:]
        if len(rest) < MIN_DIGITS:
            continue
        tall = float(np.median([b - t for _x0, _x1, t, b in rest]))
        base = float(np.median([b for *_x, b in rest]))
        if tall <= 0:
            return 0
        if all(b - t <= SMALL * tall and x1 - x0 <= min(NARROW * tall, b - t) and base - b >= RAISED * tall
               for x0, x1, t, b in groups[:k]):
            return k
    return 0


def without_call(logical: str, drawn_first: str, k: int) -> str | None:
    """The line's word ``logical`` with the ``k`` call digits off the start of its number run
    ``drawn_first`` (the leftmost drawn) and ``[call]`` after it; None when that run is not once in it."""
    runs = [m for m in re.finditer(r"\d+", logical) if m.group(0) == drawn_first]
    if len(runs) != 1 or len(drawn_first) - k < 1:
        return None
    m = runs[0]
    call = drawn_first[:k]
    word = logical[:m.start()] + drawn_first[k:] + logical[m.end():]
    tail = re.search(r"[.,،]$", word)
    if tail:
        return word[:-1] + f"[{call}]" + word[-1]
    return word + f"[{call}]"


def raised_calls(pimg: PageImage, lines: list[TextLine], rtl_words: dict[int, tuple[str, Boxes]]) -> int:
    """Take the raised note calls off the numbers of the Arabic lines (see the module's docstring);
    a line's text and its ``rtl_words`` entry change together. Returns the words changed."""
    k = pimg.dpi / 72.0
    grey = None
    changed = 0
    for ln in lines:
        listed = rtl_words.get(id(ln))
        if not listed or listed[0] != ln.text:
            continue
        text, boxes = listed
        words = ln.text.split()
        for n, (w, x0, top, x1, bottom) in enumerate(boxes):
            m = _DRAWN.fullmatch(w)
            if m is None:
                continue
            if grey is None:
                grey = np.asarray(pimg.image.convert("L"))
            crop = grey[max(0, int(top * k)):int(bottom * k) + 1, max(0, int(x0 * k)):int(x1 * k) + 1]
            if crop.size == 0:
                continue
            lead = raised_lead(columns(crop < _threshold(crop)))
            if not lead:
                continue
            first = m.group(1)
            hits = [i for i, lw in enumerate(words) if first in re.findall(r"\d+", lw)]
            if len(hits) != 1 or (new := without_call(words[hits[0]], first, lead)) is None:
                continue
            words[hits[0]] = new
            boxes[n] = (w[lead:], *boxes[n][1:])
            ln.text = " ".join(words)
            rtl_words[id(ln)] = (ln.text, boxes)
            changed += 1
    return changed


def _threshold(crop: np.ndarray) -> float:
    """Half-way between the crop's paper and its darkest ink."""
    return (float(np.percentile(crop, 95)) + float(crop.min())) / 2
