"""A bracketed feminine mark ``(ة)`` read as a digit or a Latin letter, read again alone with ``ara`` (issue 17).

Forms print the feminine ending in brackets after a word (``السيد(ة)``, ``متزوج(ة)``). With ``ara+fra``
tesseract reads the small bracketed ``ة`` as a digit or a capital: decree 2.17.355's contract gave
``للسيد (3):``, ``يستفيد السيد (5) 204`` and ``مطلق /G)``. A digit in brackets is also a note call
(``بصفته (1)``): it must never be lost. So the token, one character between brackets (one of them may be
read as ``/``), its trailing ``:``/``.`` aside, is cut from the page image (padded as ``lone_latin.py`` pads)
and read alone with ``ara`` (``--psm 7``, the page's crops in one call); it becomes ``(ة)`` only when that
reading, its brackets and punctuation set aside, is ``ة`` and nothing else, over most of the token's box.
A note call's digit reads as a digit in ``ara`` too and stays as read. The line is put in doubt
(``ocr_low_confidence``): a mark was read again. Runs on Arabic pages (lone_latin.DOMINANT of their letters)
only, on lines of lone_latin.LINE_WORDS Arabic words or more that hold such a token: one tesseract call with
small crops per such page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .confidence import OCR_LOW
from .crop_reads import pixel_box
from .lone_latin import LINE_WORDS, MAX_WORDS, PAD, _read, arabic_page

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

_AR = re.compile(r"[\u0621-\u064a]")
# one digit or Latin letter in brackets (either written mirrored in tesseract's right-to-left listing,
# one of them read as a slash), a colon or a full stop after it
_MARK = re.compile(r"^([()/])([0-9A-Za-z])([()])([:.]?)$")
_MIRROR = str.maketrans("()", ")(")
_STRIP = "()[]/:.،؛ "
PADS = (PAD, 2 * PAD)  # the token's box grown by these shares of its height: two crops, either may read the ة


def reread_ta_marks(image: PageImage, lines: list[TextLine], result: OcrResult, timeout: float) -> int:
    """Bracketed one-character tokens of the page's Arabic lines read again alone; those ``ara`` reads as
    ``ة`` written ``(ة)`` (see the module doc). How many were replaced."""
    if not arabic_page(lines):
        return 0
    todo: list[tuple[TextLine, str, tuple[float, float, float, float]]] = []
    for ln in lines:
        entry = result.rtl_words.get(id(ln))
        if entry is None or entry[0] != ln.text or sum(bool(_AR.search(w)) for w in ln.text.split()) < LINE_WORDS:
            continue
        toks = ln.text.split()
        for w, x0, t, x1, b_ in entry[1]:
            tok = _token(w, toks)
            if tok is not None:
                todo.append((ln, tok, (x0, t, x1, b_)))
    if not todo:
        return 0
    todo = todo[:MAX_WORDS]
    k = image.dpi / 72.0
    crops: list[tuple[int, int, int, int]] = []
    for _ln, _tok, (x0, t, x1, b_) in todo:
        for share in PADS:
            pad = share * (b_ - t)
            crops.append(pixel_box(x0, t, x1, b_, k, image.image.width, image.image.height, pad))
    readings = _read(image, crops, timeout)
    done = 0
    for i, (ln, tok, (x0, _t, x1, _b)) in enumerate(todo):
        pairs = list(zip(crops[i * len(PADS):(i + 1) * len(PADS)], readings[i * len(PADS):(i + 1) * len(PADS)], strict=True))
        if not any(_ta(read, x0 * k - crop[0], x1 * k - crop[0]) for crop, read in pairs):
            continue
        toks = ln.text.split()
        if toks.count(tok) != 1:
            continue
        toks[toks.index(tok)] = "(ة)" + tok[3:]  # its colon or full stop kept
        ln.text = " ".join(toks)
        ln.doubt = ln.doubt or OCR_LOW
        done += 1
    return done


def _ta(read: list[tuple[str, float, float, float]], lo: float, hi: float) -> bool:
    """Is the crop's word over most of the token's box (``lo``..``hi``) ``ة`` and nothing else once its
    brackets, dots and colon are set aside, no other word of the crop reaching over a quarter of the box?"""
    over = sorted(((min(hi, right) - max(lo, left), word) for word, _c, left, right in read), reverse=True)
    if not over or over[0][0] < (hi - lo) / 2 or over[0][1].strip(_STRIP) != "ة":
        return False
    return all(o < (hi - lo) / 4 for o, _w in over[1:])


def _token(word: str, toks: list[str]) -> str | None:
    """The line's token for the listed ``word`` when it is a bracketed one-character mark written once
    in the line (its listing may write it mirrored: ``)5(`` for ``(5)``); else None."""
    for cand in (word, word.translate(_MIRROR)):
        m = _MARK.match(cand)
        if m and (m.group(1) != ")" or m.group(3) != "(") and toks.count(cand) == 1:
            return cand
    return None
