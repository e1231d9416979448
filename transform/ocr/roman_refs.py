"""An annex's Roman number read as ones (issue 17: numbers are checked, not trusted).

Moroccan texts number their annexes in Roman capitals inside Arabic and French sentences alike:
``الملحق رقم III``, ``Annexe II``. Set in a serif face, ``I`` is a vertical with a head and a foot, the shape
the Latin and Arabic models read as the digit ``1``: the joint order 1096.26 prints ``الملحق رقم III`` and the
page reads ``الملحق رقم 111``. No model reads the crops surely (the Latin ones give ``I``, ``HI``, ``IL`` at
0-60 %, and a real ``11`` beside them reads ``11``), so two cues decide instead:

* **context**: a word of one to three ones right after an annex's word (``الملحق``, ``بالملحق``, ``Annexe``;
  ``رقم`` or ``n°`` allowed between), or of other verticals the Latin model reads there (``Annexe IT`` for II);
* **glyph shape**: the word's ink (tesseract's box, grown by a fifth of its height on both sides: the box may
  cut a serif off) holds as many stems (columns inked over 0.7 of the height) as the word has ones, and each
  stem's head and foot (the top and bottom fifth) reach past it on both sides by 0.4 of its width at least.
  A digit ``1``'s head is a flag to the left only (Times) and a sans-serif ``1`` has no foot.

Both cues met: the ones are written as capitals (``111`` -> ``III``) and the line is left ``digits_disagree`` all
the same (the reviewer sees the change). Context only: ``11`` and ``111`` leave their line in doubt as read; a
lone ``1`` (printed as often ``1`` as ``I``: the corpus has both) is left as read.

Checked against the truth: no truth line has an annex's word before ``11`` or ``111``; on the OCR'd pages
whose truth holds an annex number read as ones or verticals (joint order 1096.26 pp. 3, 7-9; BO 7448 p. 23;
decree 2.19.720 p. 5; Haute-Saône p. 2) the stems measured 0.5-1.0 on all four sides for the printed ``I``s,
and 0.0 on the head's right side for every printed ``1``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from .confidence import DIGITS

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

# an annex's word, with the clitics a sentence gives it (بالملحق, وللملحق), Arabic or French
_ANNEX = re.compile(r"^(?:[وفبل]{0,2}(?:ال)?ملحق|(?:[lLdD]['’])?(?:[Aa]nnexes?|ANNEXES?))$")
_NUMBER_WORD = re.compile(r"^(?:رقم|عدد|n°|N°|nº|Nº|no|No|n)$")
_ONES = re.compile(r"^([(\[]?)([1lIT|]{1,3})([)\].,،:;-]?)$")  # I, II or III read as digits or other verticals (``IT``)
_LIGHT = "()[].,،:;-"
INK = 128  # grey level under which a pixel is ink
STEM = 0.7  # a column inked over this share of the glyph's height is a stem
BAND = 0.2  # the top and foot bands, this share of the glyph's height each
SERIF = 0.4  # a serif reaches past the stem on its side by this share of the stem's width at least

Box = tuple[float, float, float, float]


def _ones_after_annex(words: list[str]) -> int | None:
    """The index of a word of ones right after an annex's word (``رقم`` or ``n°`` allowed between), or None."""
    for i, w in enumerate(words):
        if not _ANNEX.match(w.strip(_LIGHT)):
            continue
        j = i + 1
        if j < len(words) and _NUMBER_WORD.match(words[j].strip(_LIGHT.replace("°", ""))):
            j += 1
        m = _ONES.match(words[j]) if j < len(words) else None
        if m and set(m.group(2)) != {"I"} and set(m.group(2)) & set("1lI|"):  # not read right already, not a lone T
            return j
    return None


def roman_as_ones(words: list[str]) -> bool:
    """Do ``words`` (one line, logical order) hold an annex's word followed by ``11`` or ``111``
    (``رقم`` or ``n°`` allowed between)?"""
    j = _ones_after_annex(words)
    return j is not None and re.fullmatch("1{2,3}", _ONES.match(words[j]).group(2)) is not None


def _runs(v: np.ndarray) -> list[tuple[int, int]]:
    idx = np.flatnonzero(v)
    if not len(idx):
        return []
    cuts = np.flatnonzero(np.diff(idx) > 1)
    return list(zip(np.concatenate(([idx[0]], idx[cuts + 1])).tolist(), np.concatenate((idx[cuts], [idx[-1]])).tolist(),
                    strict=True))


def capital_i_glyphs(grey: np.ndarray, box: Box, dpi: float, count: int) -> bool:
    """Is the ink of the word at ``box`` (points) ``count`` serifed verticals, each with a head and a foot reaching
    past its stem on both sides (a capital ``I``)? A digit ``1``'s head is a flag to the left only."""
    k = dpi / 72.0
    grow = int(0.2 * (box[3] - box[1]) * k) + 2  # tesseract's box may cut a serif off
    x0, top, x1, bottom = int(box[0] * k) - grow, int(box[1] * k) - 2, int(box[2] * k) + grow, int(box[3] * k) + 3
    ink = grey[max(0, top):max(0, bottom), max(0, x0):max(0, x1)] < INK
    rows = np.flatnonzero(ink.any(axis=1))
    if len(rows) < 5:
        return False
    ink = ink[rows[0]:rows[-1] + 1]
    h = ink.shape[0]
    stems = _runs(ink.sum(axis=0) >= STEM * h)
    if len(stems) != count:
        return False
    band = max(1, int(BAND * h))
    for n, (a, z) in enumerate(stems):
        lo = 0 if n == 0 else (stems[n - 1][1] + a) // 2
        hi = ink.shape[1] - 1 if n == len(stems) - 1 else (z + stems[n + 1][0]) // 2
        width = z - a + 1
        for part in (ink[:band, lo:hi + 1], ink[h - band:, lo:hi + 1]):
            cols = np.flatnonzero(part.any(axis=0)) + lo
            if not len(cols) or a - cols.min() < SERIF * width or cols.max() - z < SERIF * width:
                return False
    return True


def flag_roman_refs(lines: list[TextLine], grey: np.ndarray | None = None, dpi: float = 0.0,
                    boxes: dict | None = None) -> int:
    """Annex numbers read as ones: written as Roman capitals where the page's ink shows serifed verticals
    (``grey``, the page image's pixels; ``boxes``: each line's word boxes by ``id``), the line left in doubt
    all the same; else, for ``11`` and ``111``, the line left in doubt as read. Returns the lines touched."""
    touched = 0
    for ln in lines:
        words = ln.text.split()
        j = _ones_after_annex(words)
        if j is None:
            continue
        lead, ones, tail = _ONES.match(words[j]).groups()
        listed = [b for b in (boxes or {}).get(id(ln)) or [] if b[0] == words[j]]
        if grey is not None and len(listed) == 1 and capital_i_glyphs(grey, listed[0][1:], dpi, len(ones)):
            words[j] = lead + "I" * len(ones) + tail
            ln.text = " ".join(words)
        elif not re.fullmatch("1{2,3}", ones):
            continue  # a lone 1 printed as a digit, letters the shape does not settle: as read
        ln.doubt = DIGITS
        touched += 1
    return touched


def roman_refs(image: PageImage, lines: list[TextLine], result: OcrResult) -> int:
    """:func:`flag_roman_refs` on an OCR'd page: its image read only when a line holds a candidate."""
    if not any(_ones_after_annex(ln.text.split()) is not None for ln in lines):
        return 0
    boxes = {**result.word_boxes, **{k: v[1] for k, v in result.rtl_words.items()}}
    return flag_roman_refs(lines, np.asarray(image.image.convert("L")), image.dpi, boxes)
