"""Latin and speck junk left on Arabic OCR'd pages, dropped (issue 17): a lone Latin word read unsure inside an
Arabic line, a line of one or two short Latin words read unsure, a speck read as a digit or two letters.

On Arabic OCR'd pages a stamp, a signature, a dotted fill-in line or the tail of a stretched word
is now and then read as a short Latin word between two Arabic words: ``المملكة à المغربية`` (the
end of a stretched ``المملكة``), ``ورؤساء Hall بالإدارة``, ``وتحميل Re الصائر``, ``ve] 35`` on a
form's dotted field. The passes before this one read such a word again in Arabic (the whole line in
``strays.py``, the word's own crop in ``lone_latin.py``) and keep the new reading only when it is
sound; the words they could not read again are left here. Every Latin word the corpus's truth
prints inside an Arabic line (``(CV)``, ``(F2``, ``www.emploi-public.ma``, ``G/2432``, ``II``) was
read at 74 % or more; the junk left was read under 50 %. So a word is dropped when:

* the page is Arabic (lone_latin.DOMINANT of its letters) and the line holds lone_latin.LINE_WORDS
  Arabic words or more, its listing still the one tesseract made of its text;
* the word, its punctuation set aside (``ve]``, ``AU,``), is Latin letters only (a code, a number,
  a reference with a digit stays), no ``bis``/``ter`` nor Roman number (``II``), lone (no Latin word
  nor a bracket read apart beside it: a French term of several words stays) and written once in
  the line;
* tesseract read it under WEAK_LATIN_CONF (50 %).

Two such words side by side, each of SHORT letters at most and read under WEAK_LATIN_CONF, with no Latin word
nor bracket beside the pair, are junk together (a stretched word's tail read ``Yi ske`` at 46 % and 45 % on the
Santé decision, ``ms as`` at 33 % and 13 % on decree 2.19.720's form): a French term the truth quotes inside an
Arabic line was read at 74 % or more.

Two steps: the page pass marks such words (:func:`mark_junk_latin`, where tesseract's confidences are
known) and the PDF ingester drops them after the document-wide passes and after it has told the running
lines by their text (:func:`drop_marked`). Dropped at once, the words took away a slot that ``echoes.echo_document`` fills with the phrase the document
prints elsewhere (``الصحة QU الاجتماعية`` -> ``الصحة والحماية الاجتماعية``), and their lines, put in doubt,
no longer vouched for the words ``doc_words`` sets right (``الطنب`` -> ``الطلب``): on the cached corpus
that cost the Casablanca judgment and the Santé decision a word or two each. Dropped before the running
lines are told, the Santé forms' two titles, ``... بالإدارة RSA لوزارة ...`` made sound, came so close to each
other that both were taken for a running header.

The line is then put in doubt (``ocr_low_confidence``): a word was taken out of it and the review
page shows the line to check against the source. A word of the French list of four letters or more
(a term the text may quote) is never dropped: its line is only put in doubt. So is a lone Latin word of
letters only read at WEAK_LATIN_CONF or more but under UNSURE_LATIN_CONF (75 %): too sure to drop, too
unsure to pass (decree 2.19.720 p. 8's ``أثناء`` read ``ei`` at 55 % once its tall blank is painted out;
``Mie``, ``JA``, ``gd!``). A kept word that a document-wide pass put a word for (the printings' vote, an
echo) leaves its line in doubt all the same: the word put in is the document's, not the page's.
No tesseract call.

A whole line of a page of Arabic that is one or two Latin words of three letters at most, read under
noise.NOISE_CONF (62 %), is junk too (:func:`drop_junk_lines`, in the page pass): a form's dotted field read
``eu:`` at 42 %, a list's stroke read ``[ea]`` at 28 %. ``noise.py`` keeps them because ``eu`` is a French word;
on a page of Arabic no truth line is so short a Latin line, and the letterhead's French lines are longer words
read at 86 % or more (``Royaume du Maroc``, ``www.narsa.ma``). A line taller than TALL times the page's Arabic lines
stays (the Santé form's framed box read ``QUI BEN``: taken out, the form's table was cut otherwise and two of
its cells read worse).

A lone Latin letter with an accent inside an Arabic line (no Latin word nor bracket beside it) is dropped whatever its
confidence and whatever pass made the line (:func:`drop_accents`, with the marked words): the Santé decision's p. 1 has
``حسب Ù`` at the end of a line its stray pass read again whole (the signature's initial over ``المرفق``), a re-read line
whose words' confidences are no longer known, and ``الاجتماعية À، 22/2642`` for ``رقم``. No truth page prints a lone
accented letter on an Arabic line (the lone Latin letters it prints there are a check mark's ``X`` and a Roman ``I``;
French has one word of one accented letter, ``à``, and it does not stand alone among Arabic words).

A line of one or two tokens of three letters or digits at most whose box is under SPECK (0.4) of the page's
Arabic lines' median height is a speck, whatever its confidence: a dot on decree 2.19.720's form read ``0`` at
94 % (2.9 points high among lines of 12.4), the end of the Sfax notice's signature read ``5``, the dots over a
word of decree 2.17.355 read ``5 a``. A page number, a list's number and a table's digits are printed at the
text's height (the Sfax notice's ``04`` at 0.57 of it, a footer's ``1/1`` at 0.63).
"""

from __future__ import annotations

import re
import weakref
from statistics import median
from typing import TYPE_CHECKING, NamedTuple

from .confidence import OCR_LOW
from .lexicon import known_fr
from .lone_latin import LINE_WORDS, ORDINALS, arabic_page
from .noise import NOISE_CONF
from .tesseract import UNSURE_LATIN_CONF, WEAK_LATIN_CONF

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..ingest.base import TextLine
    from .tesseract import OcrResult

KNOWN_FR = 4  # a French word of this many letters or more is flagged, never dropped
LINE_TOKENS, SHORT = 2, 3  # a line of a page of Arabic that is at most so many Latin words of at most so many letters...
# ...read under NOISE_CONF is junk (a dotted field's ``eu:``, a stroke's ``[ea]``)...
TALL = 1.1  # ...when no taller than this many times the page's Arabic lines (a form's framed box stays for the tables)
SPECK = 0.4  # a line of one or two such short tokens (digits too) whose box is under this share of the page's Arabic
# lines' median height is a speck, whatever its confidence (a dot read ``0`` at 94 %, a signature's end ``5``)
_AR = re.compile(r"[\u0621-\u064a]")
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")
_ACCENT = re.compile(r"[À-ÖØ-öø-ÿ]")  # a Latin letter with an accent (×, ÷ left out)
_LATIN = re.compile(r"^[A-Za-zÀ-ÿ]+$")
_WORD = re.compile(r"^[A-Za-zÀ-ÿ0-9]+$")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_EDGE = "()[]{}.,:;،؛!?؟\"'«»“”-–—_|*•"
_BRACKETS = {"(", ")", "[", "]", "«", "»"}


class Junk(NamedTuple):
    """A word marked on a line: the word, whether it is kept and its line only flagged (a word of the French
    list, or one read between WEAK_LATIN_CONF and UNSURE_LATIN_CONF), and the line's new left or right edge when
    the word sits at that edge (None: the edge stays)."""

    word: str
    keep: bool
    x0: float | None
    x1: float | None


# id(line) -> (a weak reference to the line, its marked words): from the page pass to the document pass
_MARKS: dict[int, tuple[weakref.ref[TextLine], list[Junk]]] = {}


def mark_junk_latin(lines: list[TextLine], result: OcrResult) -> int:
    """Mark the unsure lone Latin words of a page's Arabic lines (see the module doc) for
    :func:`drop_marked`; how many were marked. Nothing is changed yet: the document-wide passes
    (``echoes.echo_document``, ``doc_words``) still see the page as tesseract read it."""
    if not arabic_page(lines):
        return 0
    marked = 0
    for ln in lines:
        entry = result.rtl_words.get(id(ln))
        confs = result.word_confs.get(id(ln))
        if entry is None or entry[0] != ln.text or not confs or not _LAT.search(ln.text):
            continue
        listed = entry[1]
        if len(confs) != len(listed) or sum(bool(_AR.search(w)) for w, *_b in listed) < LINE_WORDS:
            continue
        found: list[Junk] = []
        for n, (word, x0, _t, x1, _b) in enumerate(listed):
            if ln.text.split().count(word) != 1:
                continue
            run = _run(n, listed, confs)
            if not run and confs[n] < UNSURE_LATIN_CONF and _junk(n, listed):  # unsure, not junk: its line in doubt
                found.append(Junk(word, True, None, None))
            if not run:
                continue
            core = word.strip(_EDGE)
            others = [b for i, b in enumerate(listed) if i not in run]
            left, right = min(b[1] for b in others), max(b[3] for b in others)
            found.append(Junk(word, len(core) >= KNOWN_FR and known_fr(core),
                              left if x0 <= left else None, right if x1 >= right else None))
        if found:
            _MARKS[id(ln)] = (weakref.ref(ln, _forget(id(ln))), found)
            marked += len(found)
    return marked


def drop_marked(pages: list[list[TextLine]]) -> int:
    """Drop the words :func:`mark_junk_latin` marked, on the lines of ``pages`` that still hold them
    once (a word a document-wide pass replaced is gone already), each such line put in doubt; a
    word of the French list is not dropped, its line only put in doubt. Then the lone accented letters
    of the pages of Arabic (:func:`drop_accents`). How many were dropped."""
    dropped = sum(drop_accents(lines) for lines in pages if arabic_page(lines))
    for lines in pages:
        for ln in lines:
            mark = _MARKS.pop(id(ln), None)
            if mark is None or mark[0]() is not ln:
                continue
            for junk in mark[1]:
                toks = ln.text.split()
                if junk.keep and junk.word not in toks:  # a kept word a document pass put a word for: still to check
                    ln.doubt = ln.doubt or OCR_LOW
                if toks.count(junk.word) != 1:
                    continue
                ln.doubt = ln.doubt or OCR_LOW
                if junk.keep or len(toks) < 2:
                    continue
                toks.remove(junk.word)
                ln.text = " ".join(toks)
                if junk.x0 is not None:  # the line's box drawn in from a word at its edge
                    ln.x0 = max(ln.x0, junk.x0)
                if junk.x1 is not None:
                    ln.x1 = min(ln.x1, junk.x1)
                dropped += 1
    return dropped


def drop_accents(lines: list[TextLine]) -> int:
    """Take out of the Arabic lines (lone_latin.LINE_WORDS Arabic words or more) of a page of Arabic each lone Latin
    letter with an accent (``Ù``, ``À،``), whatever its confidence and whatever pass made the line, its line put in
    doubt; how many were taken out (see the module doc)."""
    dropped = 0
    for ln in lines:
        toks = ln.text.split()
        if not _ACCENT.search(ln.text) or sum(bool(_AR.search(t)) for t in toks) < LINE_WORDS:
            continue
        keep = [t for n, t in enumerate(toks) if not (_ACCENT.fullmatch(t.strip(_EDGE)) and not any(
            _LAT.search(toks[i]) or toks[i] in _BRACKETS for i in (n - 1, n + 1) if 0 <= i < len(toks)))]
        if len(keep) < len(toks):
            dropped += len(toks) - len(keep)
            ln.text, ln.doubt = " ".join(keep), ln.doubt or OCR_LOW
    return dropped


def drop_junk_lines(lines: list[TextLine]) -> int:
    """Take out of ``lines`` (in place) the lines of a page of Arabic that are one or two short Latin
    words read unsure (see the module doc's last paragraph); how many were taken out."""
    heights = [ln.bottom - ln.top for ln in lines if _AR.search(ln.text)]
    if not arabic_page(lines) or not heights:
        return 0
    tall, speck = TALL * median(heights), SPECK * median(heights)
    keep = [ln for ln in lines if not (_speck_line(ln, speck) or ln.bottom - ln.top <= tall and _junk_line(ln))]
    dropped = len(lines) - len(keep)
    lines[:] = keep
    return dropped


def _junk_line(ln: TextLine) -> bool:
    if (ln.confidence or 0.0) >= NOISE_CONF or _AR.search(ln.text):
        return False
    cores = [t.strip(_EDGE) for t in ln.text.split()]
    return 0 < len(cores) <= LINE_TOKENS and all(_LATIN.match(c) and len(c) <= SHORT for c in cores)


def _speck_line(ln: TextLine, speck: float) -> bool:
    """A line of one or two letters or digits (three at most a word) whose box is a speck's height."""
    if ln.bottom - ln.top >= speck or _AR.search(ln.text):
        return False
    cores = [c for t in ln.text.split() if (c := t.strip(_EDGE))]
    return 0 < len(cores) <= LINE_TOKENS and all(_WORD.match(c) and len(c) <= SHORT for c in cores)


def _forget(key: int) -> Callable[[weakref.ref[TextLine]], None]:
    """The callback that forgets a line's marks when the line is gone (its id may then be reused)."""
    return lambda _ref: _MARKS.pop(key, None)


def _run(n: int, listed: list[tuple[str, float, float, float, float]], confs: list[float]) -> set[int]:
    """The listed words to drop with the word ``n`` when it is junk: itself alone when it is a lone Latin word
    read unsure (:func:`_junk`); itself and its neighbour when both are Latin words of SHORT letters at most read
    unsure, side by side with no Latin word nor bracket beside the pair (``ms as``, ``Yi ske``: a stretched word's
    tail read as two); else nothing."""
    if confs[n] >= WEAK_LATIN_CONF or not _letters(listed[n][0]):
        return set()
    if _junk(n, listed):
        return {n}
    short = [i for i in (n - 1, n + 1) if 0 <= i < len(listed) and confs[i] < WEAK_LATIN_CONF and _letters(listed[i][0])
             and len(listed[i][0].strip(_EDGE)) <= SHORT]
    if len(short) != 1 or len(listed[n][0].strip(_EDGE)) > SHORT:
        return set()
    pair = sorted((n, short[0]))
    near = [listed[i][0] for i in (pair[0] - 1, pair[1] + 1) if 0 <= i < len(listed)]
    return set(pair) if near and not any(_LAT.search(w) or w in _BRACKETS for w in near) else set()


def _letters(word: str) -> bool:
    """Latin letters only once its punctuation is set aside, no ``bis`` nor Roman number."""
    core = word.strip(_EDGE)
    return bool(_LATIN.match(core)) and core.lower() not in ORDINALS and not _ROMAN.match(core)


def _junk(n: int, listed: list[tuple[str, float, float, float, float]]) -> bool:
    """Is the listed word ``n`` a lone Latin word of letters only (its punctuation set aside), no ``bis``
    nor Roman number, with no Latin word nor a bracket read apart beside it?"""
    if not _letters(listed[n][0]):
        return False
    near = [listed[i][0] for i in (n - 1, n + 1) if 0 <= i < len(listed)]
    return bool(near) and not any(_LAT.search(w) or w in _BRACKETS for w in near)
