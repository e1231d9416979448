"""A line of print read twice: two OCR'd lines on the same ink saying the same words, the surer one kept.

On a speckled scan tesseract may find a bold line twice: once whole, once again from a band that overlaps it, the
second reading garbled at its ends (``Après en avoir délibéré, le Conseil municipal à l'unanimité des membres présents
et représentés :`` then ``près en avoir délibéré, le Conseil municipal a l'unanimité des membres présents et
Tépres``, 14 words read twice). Two lines are one printed line read twice (:func:`same_ink`) when

* their bands overlap by MIN_BAND of the lower one's height or more, and their spans by MIN_SPAN of the narrower one's
  width or more (two lines of a page's text never overlap so: rows follow one another, columns stand apart), and
* they hold MIN_WORDS words or more each, and their words, compared in order (small letters, marks aside), agree on
  MIN_SAME of the shorter line's words or more.

The line read with the lower confidence is dropped (:func:`drop_twice_read`, in ``page_passes.finish``).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..ingest.base import TextLine

MIN_BAND = 0.5  # share of the lower line's height the bands overlap by
MIN_SPAN = 0.6  # share of the narrower line's width the spans overlap by
MIN_WORDS = 4  # words each line holds at least
MIN_SAME = 0.6  # share of the shorter line's words both read alike, in order
_MARKS = re.compile(r"[^\w]+")


def _words(text: str) -> list[str]:
    return [w for w in (_MARKS.sub("", t).lower() for t in text.split()) if w]


def same_ink(a: TextLine, b: TextLine) -> bool:
    """Are ``a`` and ``b`` one printed line read twice (see the module doc)?"""
    band = min(a.bottom, b.bottom) - max(a.top, b.top)
    span = min(a.x1, b.x1) - max(a.x0, b.x0)
    if band < MIN_BAND * min(a.bottom - a.top, b.bottom - b.top) or span < MIN_SPAN * min(a.x1 - a.x0, b.x1 - b.x0):
        return False
    wa, wb = _words(a.text), _words(b.text)
    if min(len(wa), len(wb)) < MIN_WORDS:
        return False
    same = sum(m.size for m in SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks())
    return same >= MIN_SAME * min(len(wa), len(wb))


def drop_twice_read(lines: list[TextLine]) -> int:
    """``lines`` (a page's, in reading rows) without the less sure reading of each line read twice, in place; how many
    lines were dropped. Only lines next to each other in the rows are compared."""
    dropped = 0
    k = 1
    while k < len(lines):
        a, b = lines[k - 1], lines[k]
        if same_ink(a, b):
            del lines[k if (b.confidence or 0.0) < (a.confidence or 0.0) else k - 1]
            dropped += 1
            continue
        k += 1
    return dropped
