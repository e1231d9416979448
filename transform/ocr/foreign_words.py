"""A kept earlier OCR's suspect number word that the line vote left, read again alone on the grey image.

foreign_vote reads a kept layer's suspect lines again on the binarised render with both models, and votes word
for word. A number's word can be misread by both readings there (`9 OODE` by the layer, `9 0006:` by ours, where
the page prints `9 000€ :`; `1*` for `1er`), yet read right alone: the word's box (from our line reading) and the
word before it (the context that tells a number) are cut from the grey render, and read as one line by the French
model alone (``--psm 7``), all such crops of a page in one tesseract call. The word read at the suspect's place
replaces it only when foreign_vote would take it (`_better`: a three-digit group for a capitals word after a
number, an ordinal for `1*` or `19°`...). Only suspect words holding a digit, or a capitals word of digits'
look-alikes after a number, are read so; a word left suspect keeps its line in doubt (foreign_layer).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..errors import ToolError
from .foreign_layer import suspect_words
from .foreign_vote import _better, _keep_marks
from .quality import comparable
from .tesseract import read_words, tess_langs

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

Box = tuple[str, float, float, float, float]  # a word of our line reading and its box (points)
_NUMBER = re.compile(r"^\d[\d.,]*$")
_DIGIT = re.compile(r"\d")
PAD = 0.3  # of the word's height, above and below the crop
OVERLAP = 0.5  # of the suspect's width (our line reading's box): the word read alone must cover this much of it


def _numberish(words: list[str], k: int) -> bool:
    """A suspect word a number's reading may put right: it holds a digit, or it follows a number."""
    return bool(_DIGIT.search(words[k])) or (k > 0 and bool(_NUMBER.match(words[k - 1].strip(",.;:"))))


def _targets(ln: TextLine, boxes: list[Box]) -> list[tuple[int, Box, Box]]:
    """The line's suspect number words aligned one for one with our reading's words: (index, its box, the
    box of the word before it in our reading)."""
    words = ln.text.split()
    suspects = set(suspect_words(ln.text))
    ours = [b for b in boxes if comparable(b[0])]
    ia = [k for k, w in enumerate(words) if comparable(w) or w in suspects]
    ops = SequenceMatcher(None, [comparable(words[k]) for k in ia], [comparable(b[0]) for b in ours],
                          autojunk=False).get_opcodes()
    out = []
    for tag, i1, i2, j1, j2 in ops:
        if tag not in ("replace", "equal") or i2 - i1 != j2 - j1:
            continue
        for k, j in zip(ia[i1:i2], range(j1, j2), strict=True):
            if words[k] in suspects and _numberish(words, k):
                out.append((k, ours[j], ours[j - 1] if j > 0 else ours[j]))
    return out


def reread_words(pimg: PageImage, left: list[tuple[TextLine, list[Box]]], timeout: float) -> int:
    """Read the suspect number words of ``left`` (lines, with our line reading's word boxes) again alone; returns
    how many were replaced. One tesseract call, none without such a word."""
    k = pimg.dpi / 72.0
    crops: list[tuple[int, int, int, int]] = []
    spots: list[tuple[TextLine, int, float, float]] = []
    for ln, boxes in left:
        for n, (_w, x0, top, x1, bottom), (_p, px0, ptop, _px1, pbottom) in _targets(ln, boxes):
            pad = PAD * (bottom - top)
            a = max(0, int((px0 - pad) * k))
            crops.append((a, max(0, int((min(top, ptop) - pad) * k)), min(pimg.image.width, int((x1 + 2 * pad) * k)),
                          min(pimg.image.height, int((max(bottom, pbottom) + pad) * k))))
            spots.append((ln, n, x0 * k - a, x1 * k - a))
    if not crops:
        return 0
    try:
        reads = read_words(pimg, crops, tess_langs(["fr"]), 7, timeout)
    except ToolError:
        return 0
    done = 0
    for (ln, n, lo, hi), got in zip(spots, reads, strict=True):
        overlap = [(min(hi, x1) - max(lo, x0), w) for w, _conf, x0, x1 in got]
        best = max(overlap, default=(0.0, ""))  # the word read where our line reading put the suspect
        words = ln.text.split()
        if best[0] > OVERLAP * (hi - lo) and n < len(words) and _better(words[n], best[1]):
            words[n] = _keep_marks(words[n], best[1])
            ln.text = " ".join(words)
            done += 1
    return done
