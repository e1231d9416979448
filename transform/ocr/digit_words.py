"""An Arabic word of an Arabic OCR'd line read as a number, read again alone from its crop (issue 17).

``lone_latin.py`` reads a lone Latin word of an Arabic line again from its box; an Arabic word read as
digits was left as read: decree 2.17.355's contract read ``يستفيد السيد (ة) من`` as ``... (ة) 204`` (51 %).
Here a **number of two digits or more read unsure** (under UNSURE_DIGITS) is cut from the page image padded
as lone_latin pads (PAD) and read alone with ``ara``: ``204`` reads ``من:`` at 91 %. A real number is read as
digits by ``ara`` too (the corpus's unsure numbers, ``62019``, ``9660``, ``42022``, read again as ``2022``,
``00``, ``2109`` or as nothing known), so it stays; a single digit is never read again (a note call, a list's
number: sacred).

The number is replaced only by one Arabic word (letters only, a punctuation mark at its end kept) the Arabic
list knows, read at SURE or more over half the token's box or more, with no other word of letters or digits
over a quarter of it; its line is put in doubt (``ocr_low_confidence``: the review page shows it). Anything
else leaves the token as read. Runs on Arabic pages (lone_latin.DOMINANT of their letters) on lines of
lone_latin.LINE_WORDS Arabic words or more holding such a number once: one tesseract call with small crops
per such page.

Tried and left out: a lone Latin word lone_latin could not read, read again from a crop padded twice as
much. On the corpus it gave two words: ``RSA`` -> ``المركزية`` on the Santé form's title, which then matched
its twin title so closely that both were taken for a running header (the document's headings fell 1.00 -> 0.67),
and ``le`` -> ``جباني`` (for ``جبائي``). The NARSA decision's ``des`` for ``وعلى`` stands beside a web address
(not lone).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .confidence import OCR_LOW
from .crop_reads import pixel_box
from .lone_latin import LINE_WORDS, MAX_WORDS, PAD, _arabic_word, _read, arabic_page
from .reread import put_words

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

UNSURE_DIGITS = 60.0  # a number read under this is read again
SURE = 85.0  # the crop's Arabic word must be read at least this sure
OVER, OTHER = 0.5, 0.25  # shares of the token's box the new word must cover, another word may cover
_AR = re.compile(r"[\u0621-\u064a]")
_NUMBER = re.compile(r"^[0-9\u0660-\u0669]{2,}$")
_WORDISH = re.compile(r"[0-9\u0660-\u0669\u0621-\u064aA-Za-zÀ-ÿ]")
_EDGE = "()[]{}.,:;،؛!?؟\"'«»“”-–—_|*•"


def reread_strays(image: PageImage, lines: list[TextLine], result: OcrResult, timeout: float) -> int:
    """Unsure numbers of the page's Arabic lines replaced by the Arabic word their crop reads (see the
    module doc); how many were replaced."""
    if not arabic_page(lines):
        return 0
    todo: list[tuple[TextLine, int]] = []  # the line, its listed number
    for ln in lines:
        entry = result.rtl_words.get(id(ln))
        confs = result.word_confs.get(id(ln)) or []
        if entry is None or len(confs) != len(entry[1]) or sum(bool(_AR.search(w)) for w in ln.text.split()) < LINE_WORDS:
            continue
        todo += [(ln, n) for n, (w, *_box) in enumerate(entry[1])
                 if _NUMBER.match(w) and confs[n] < UNSURE_DIGITS and ln.text.split().count(w) == 1]
    if not todo:
        return 0
    todo = todo[:MAX_WORDS]
    k = image.dpi / 72.0
    crops = []
    for ln, n in todo:
        _w, x0, t, x1, b = result.rtl_words[id(ln)][1][n]
        pad = PAD * (b - t)
        crops.append(pixel_box(x0, t, x1, b, k, image.image.width, image.image.height, pad))
    done = 0
    for (ln, n), crop, read in zip(todo, crops, _read(image, crops, timeout), strict=True):
        text, listed = result.rtl_words[id(ln)]
        old, x0, _t, x1, _b = listed[n]
        word = _sound(read, x0 * k - crop[0], x1 * k - crop[0])
        if word is None:
            continue
        if text == ln.text:  # still as tesseract listed it: the line made again from its words
            put_words(result, ln, listed, {n: word})
        else:  # changed since (a bracketed mark put right): the number swapped in place, as ta_marks swaps
            ln.text = " ".join(word if t == old else t for t in ln.text.split())
        ln.doubt = ln.doubt or OCR_LOW
        done += 1
    return done


def _sound(read: list[tuple[str, float, float, float]], lo: float, hi: float) -> str | None:
    """The one known Arabic word read sure over most of the token's span ``lo``-``hi`` (crop pixels), or None."""
    span = max(hi - lo, 1.0)
    over = sorted(((min(hi, right) - max(lo, left), w, c) for w, c, left, right in read
                   if _WORDISH.search(w.strip(_EDGE))), reverse=True)
    if not over or over[0][0] < OVER * span or any(o > OTHER * span for o, _w, _c in over[1:]):
        return None
    _o, word, conf = over[0]
    return word if conf >= SURE and _arabic_word(word) else None
