"""An Arabic line read as Latin junk, read again on its printed rows; the word list vouches for it.

Two faults kept good ``ara`` re-readings of such lines out (issue 17, 2026-12-06, fourteenth session):

* **the crop held more than the line.** A decision's title (200 ppi, bold) had blue stamps written
  above its dotted blanks: the stamps are taken out of the page image (stamps.py), but tesseract's
  box for the line still reaches up to them, and the crop, padded by a third of that height, took
  the stamps' pale traces and the top of the next line too: ``ara`` read it at 39 %
  (``قار زر الصحة والملة ...``). Cut to the rows where the line's ink lies (:func:`line_box`), the
  same crop reads ``قرار لوزير الصحة والحماية الاجتماعية ... بفتح باب`` at 64 %. The box is cut only
  where it is clearly taller than its ink band (TALL_BOX); other lines keep the padded box.
* **a re-reading no more confident than the junk.** Sfax's italic, underlined heading
  ``الوثائق المطلوبة للترشح :`` came out ``المطلوناه ، الوثائة ut si`` at 65 %; ``ara`` alone read
  ``الوشائق المطلوبة للترشح.`` at 63 %, refused because a line with a stray read under 50 % needed a
  re-reading as confident as the line. :func:`sound` takes a whole re-reading without Latin words
  when every Latin word of the line was a suspect (read unsure or in a stray's form), the word
  list knows more of its words than of the line's, and at least SOUND_SHARE of them; a real French
  word read sure (a name, ``Article``) is no suspect, and its Arabic re-reading would be words the
  list does not know.

And one of the in-place replacements (seventeenth session): a stray replaced by what an unsure re-reading reads
in its place when a fixed term vouches for each word put in (:func:`term_in_place`; docs/ocr.md).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

DARK = 128  # a pixel this dark or darker is ink
GAP_ROWS = 3  # blank rows bridged inside a line's band (the dots above its letters)
TALL_BOX = 1.25  # a line's box this many times its ink band's height is cut to the band
TRACE_ROW = 0.02  # the rows cut above the band hold no row darker than this share of the width (no rule, no text)
TRACE_GAP = 6  # ...and are this many times less than the band's height away from it, blank between
BAND_PAD = 6  # the band's height over this is added above and below it
SOUND_SHARE = 0.6  # a re-reading taken whole has at least this share of words the list knows
_AR = re.compile(r"[\u0600-\u06ff]")
_AR_WORD = re.compile(r"[\u0621-\u064a]{2,}")
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")
_PUNCT = "()[]{}.,:;،؛!?؟\"'«»“”-–_|*•"
_LATIN_WORD = re.compile(r"(?<![\w])[A-Za-zÀ-ÿ]+(?![\w])")


def line_box(pimg: PageImage, box: tuple[int, int, int, int], padded: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The pixel box to read a line in again: ``padded`` (the line's box with its margins) unless
    the line's box ``box`` is TALL_BOX times taller than the band of rows its main ink lies in (the
    rows holding a dark pixel around the darkest row, across GAP_ROWS blank rows at most) and holds,
    above it only, a faint trace apart from it (a stamp taken out of the image leaves its edge's
    darkest pixels; a rule or a line of text is no trace): then the band, a little padded and kept
    inside the line's box, is read instead."""
    import numpy as np

    x0, y0, x1, y1 = box
    if x1 - x0 < 4 or y1 - y0 < 8:
        return padded
    ink = np.asarray(pimg.image.convert("L").crop(box)) < DARK
    rows = ink.sum(axis=1)
    inked = rows > 0
    if not inked.any():
        return padded
    peak = int(rows.argmax())
    marks = inked.tolist()
    top, bottom = _reach(marks, peak, -1), _reach(marks, peak, 1)
    band = bottom - top + 1
    above = rows[:top]
    if ((y1 - y0) < TALL_BOX * band or not above.any() or rows[bottom + 1:].any()
            or above.max() > TRACE_ROW * (x1 - x0) or top - 1 - int(np.flatnonzero(above).max()) < band / TRACE_GAP):
        return padded  # a box that fits its ink, or holds more than a faint trace well above it, is read as it is
    pad = max(2, band // BAND_PAD)
    return (padded[0], y0 + max(0, top - pad), padded[2], y0 + min(y1 - y0, bottom + 1 + pad))


def word_span(ln: TextLine, listed: tuple[str, list[tuple[str, float, float, float, float]]] | None,
              flat: tuple[str, list[str]] | None) -> tuple[float, float, float, float]:
    """The box (points) to read ``ln`` again in: its box, or, when some of its words were read from a
    rule's ink (``flat``, flat_words.py) and the line's box is TALL_BOX times taller than its other words'
    (as tesseract listed them, ``listed``), the box of those words (the blank's dots left out too: read
    with them, the label below came back ``0000000 (الشيقة) قي سياس``).
    A form's label beside its dotted blank, under a scan's edge, was one line with a speck of that edge
    and the blank's dots: its box, four times the label's height, reached up to the edge and the heading
    over it, and ``ara`` read the crop as ``ل``."""
    whole = (ln.x0, ln.top, ln.x1, ln.bottom)
    if not flat or not listed or listed[0] != flat[0]:
        return whole
    left = list(flat[1])
    kept = []
    for word, *box in listed[1]:
        if word in left:
            left.remove(word)
        else:
            kept.append(box)
    if not kept or left:
        return whole
    span = (min(b[0] for b in kept), min(b[1] for b in kept), max(b[2] for b in kept), max(b[3] for b in kept))
    return span if (ln.bottom - ln.top) >= TALL_BOX * (span[3] - span[1]) else whole


def _reach(rows: list[bool], start: int, step: int) -> int:
    """The last inked row from ``start`` going ``step``-wise, across runs of GAP_ROWS blank rows at most."""
    at = start
    while True:
        nxt = next((at + step * d for d in range(1, GAP_ROWS + 2)
                    if 0 <= at + step * d < len(rows) and rows[at + step * d]), None)
        if nxt is None:
            return at
        at = nxt


def _known_words(text: str) -> tuple[int, int]:
    """(words the Arabic list knows, Arabic words of two letters or more) in ``text``."""
    from .lexicon import known_ar, normalise_ar

    words = [m.group() for w in text.split() if (m := _AR_WORD.search(w))]
    return sum(bool(known_ar(normalise_ar(w))) for w in words), len(words)


def sound(old: str, before: float, new: str, conf: float, suspects: list[str], margin: float) -> bool:
    """Is ``new``, an Arabic re-reading of the line read ``old`` (at ``before``) at ``conf``, to
    replace it whole? Every Latin word of ``old`` is one of ``suspects`` (its stray, weak and unsure
    words); ``new`` has no Latin letter and is at most ``margin`` less confident; the word list knows
    more of its Arabic words than of ``old``'s, SOUND_SHARE of them at least (and of ``old``'s, less),
    and every word of ``old`` it knows is in ``new`` as read (module docstring)."""
    latin = _LATIN_WORD.findall(old)
    bare = {s.strip(_PUNCT) for s in suspects}
    if not latin or not all(w in bare for w in latin) or _LAT.search(new) or conf < before - margin:
        return False
    known_new, words_new = _known_words(new)
    known_old, words_old = _known_words(old)
    if known_old >= SOUND_SHARE * words_old:
        return False  # the line as read is sound itself: its junk is for the word-by-word replacements
    if not (words_new > 0 and known_new > known_old and known_new >= SOUND_SHARE * words_new):
        return False
    # the words of ``old`` the list knows are read the same (a re-reading that mends the junk but
    # misreads a good word, ``المحكمة`` read ``لمحكمة.``, is not taken whole)
    kept = {w.strip(_PUNCT) for w in new.split()}
    return all(w.strip(_PUNCT) in kept for w in _known_list(old))


def _known_list(text: str) -> list[str]:
    """The words of ``text`` whose Arabic letters the word list knows."""
    from .lexicon import known_ar, normalise_ar

    return [w for w in text.split() if (m := _AR_WORD.search(w)) and known_ar(normalise_ar(m.group()))]


def term_in_place(old: str, new: str, strays: list[str]) -> str | None:
    """``old`` with its ``strays`` replaced by what ``new`` reads in their place (:func:`strays.replace_strays`)
    when each word put in is a word of a fixed term beside its other word as ``old`` reads it
    (collocations.TERMS: ``والإدماج dt`` re-read ``والإدماج المي``, المهني by the term rule, at 17 %),
    whatever the re-reading's confidence: the kept neighbour vouches for the word, the line keeps
    the re-reading's low confidence and so its doubt. None otherwise."""
    from difflib import SequenceMatcher

    from .collocations import term_pair
    from .strays import replace_strays  # strays builds on this module

    out = replace_strays(old, new, strays) if strays else None
    if out is None:
        return None
    ow, rw = old.split(), out.split()
    put: set[int] = set()
    for op, _i1, _i2, j1, j2 in SequenceMatcher(None, ow, rw, autojunk=False).get_opcodes():
        if op != "equal":
            put.update(range(j1, j2))
    for j in put:
        near = [k for k in (j - 1, j + 1) if 0 <= k < len(rw) and k not in put]
        if not any(term_pair(*((rw[k], rw[j]) if k < j else (rw[j], rw[k]))) for k in near):
            return None
    return out
