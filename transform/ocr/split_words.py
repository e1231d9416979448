"""An Arabic word tesseract cut in two, joined again (issue 17).

Tesseract sometimes lists one printed word as two: where the word's ink has a gap of its own, after a
letter that never joins the next (``الر ابعة`` for ``الرابعة``, NARSA p. 2, the gap after ``ر``), or
inside joined ink, the two boxes then overlapping (``ال`` and ``مغربية`` for ``المغربية`` in the
Tangier notice's letterhead, written ``لا مغربية`` once the lam-alef repair saw ``ال`` alone).

Two words next to each other in an Arabic line's listing (reading order) are joined when, their
punctuation at the end aside, they are Arabic letters, ``MIN_PART`` or more each (a lone ``و`` or
``ل`` is a particle the page may print apart: ``و الجهوي``) and together make a word of the list as it
stands (``spelling._known``: its key, one proclitic at most, no pronoun taken off) and either

* the first ends with a letter that does not join the next (``ا د ذ ر ز و`` and their hamza forms,
  ``ة``) and the second is no word (``spelling._word``: ``ابعة``), or
* their boxes overlap across by ``OVERLAP`` of the line's height or more (one run of ink).

On the corpus's Arabic truth pages no two words side by side meet the first rule (11,863 pairs
checked, tests/ocr/test_split_words.py); the second needs the boxes, and is measured on the cached
fidelity run (docs/ocr.md). No tesseract call; the line's text and its ``rtl_words`` listing change together.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import AR_LETTERS

if TYPE_CHECKING:
    from ..ingest.base import TextLine

Boxes = list[tuple[str, float, float, float, float]]

NON_JOINING = frozenset("اأإآدذرزوؤة")  # letters after which a word's ink has a gap
MIN_PART = 2  # letters of each part at least: a lone letter is a particle printed apart (``و الجهوي``, ``و كل``)
OVERLAP = 0.1  # boxes overlapping across by this share of the line's height: one run of ink
_TAIL = re.compile(r"[:،,.؛]*$")
_MIRROR = {"ال": "لا"}  # the lam-alef repair writes a lone ``ال`` as ``لا``


def joined(first: str, second: str, overlap: bool) -> str | None:
    """The one word ``first`` and ``second`` (reading order) make, its punctuation kept, or None (see the module doc)."""
    from .spelling import _known, _word  # spelling loads the word lists

    core = _TAIL.sub("", second)
    if (len(first) < MIN_PART or len(core) < MIN_PART or not AR_LETTERS.match(first) or not AR_LETTERS.match(core)
            or not _known(first + core)):
        return None
    if overlap or (first[-1] in NON_JOINING and not _word(core)):
        return first + second
    return None


def join_split_words(lines: list[TextLine], rtl_words: dict[int, tuple[str, Boxes]]) -> int:
    """Join the words tesseract cut in two on the page's Arabic lines (see the module doc); how many were joined."""
    done = 0
    for ln in lines:
        listed = rtl_words.get(id(ln))
        if not listed or listed[0] != ln.text:
            continue
        boxes = list(listed[1])
        n = 0
        while n + 1 < len(boxes):
            (a, ax0, at, _ax1, ab), (b, _bx0, bt, bx1, bb) = boxes[n], boxes[n + 1]
            tall = max(ab, bb) - min(at, bt)
            word = joined(a, b, bx1 - ax0 >= OVERLAP * tall and min(ab, bb) > max(at, bt))
            words = ln.text.split()
            hits = [i for i in range(len(words) - 1) if words[i] in (a, _MIRROR.get(a)) and words[i + 1] == b]
            if word is None or len(hits) != 1:
                n += 1
                continue
            i = hits[0]
            ln.text = " ".join([*words[:i], word, *words[i + 2:]])
            boxes[n:n + 2] = [(word, min(ax0, _bx0), min(at, bt), max(_ax1, bx1), max(ab, bb))]
            rtl_words[id(ln)] = (ln.text, boxes)
            done += 1
    return done
