"""A lone Latin word inside an Arabic line, read again alone from its own ink with ``ara``.

With ``ara+fra`` tesseract sometimes reads one Arabic word of an Arabic line with the French model:
a light typeface under a watermark gave ``حميد أوصالح Ages`` (for ``عضوا``), ``dt`` for ``وأنه``,
``at`` for ``خارج``, ``dl`` for ``وأن``, ``Le`` for ``مما``. The line re-readings of ``strays.py``
read the whole line again and keep the new reading when it is likelier as a whole or reads other
words in the stray's place; on such a page they read the line differently elsewhere too and were
not taken. Here the word's own box (padded by a third of its height) is cut from the page image tesseract
read and read alone with ``ara`` (``--psm 7``; the page's crops in one call), and the Latin word
is replaced by the Arabic word read over most of its box when:

* the page is Arabic (DOMINANT of its letters) and the line holds LINE_WORDS Arabic words or more;
* the Latin word is letters only (no digit: ``G/2432``, ``F1``, a code or a reference stays), not
  ``bis``/``ter``/``quater`` (``5 bis``), not a Roman number in capitals (``الملحق رقم II``), lone
  (no Latin word beside it in the line: a French term of several words stays) and written once in
  the line; a word of the French list of three letters or more (``Registre``: a term the text
  quotes; ``Ages``) only gives way to a reading more confident than its own;
* the new reading is Arabic letters only (a punctuation mark at its end kept), a word the Arabic
  list knows (clitics and suffixes allowed) and read at MIN_CONF or more; under SURE_CONF the line
  is put in doubt (``ocr_low_confidence``): the review page shows it.

A word that the crop reads as nothing known stays as read (``JA`` for ``المدلى`` stays Latin junk,
visible as such). Runs on Arabic pages only, where a lone Latin word is read: one tesseract call
with small crops per such page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .confidence import OCR_LOW
from .crop_reads import pixel_box
from .lexicon import known_ar, known_fr, normalise_ar
from .tesseract import line_text

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

DOMINANT = 0.85  # share of Arabic letters the page must have
LINE_WORDS = 2  # Arabic words the line must hold beside it
MIN_CONF = 50.0  # the crop's Arabic word must be read at least this sure...
SURE_CONF = 70.0  # ...and under this the line is put in doubt
PAD = 0.3  # the crop: the word's box grown by this share of its height on every side
MAX_WORDS = 40  # crops read per page at most
ORDINALS = {"bis", "ter", "quater"}  # Latin words a legal reference prints after a number (``5 bis``): never junk
_AR = re.compile(r"[\u0621-\u064a]")
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")
_BRACKETS = {"(", ")", "[", "]", "«", "»"}
_PUNCT = ".,:;،؛!?؟\"'«»()"
_DIGIT = re.compile(r"\d")
_ROMAN = re.compile(r"^[IVXLCDM]+$")  # an annex's or a part's number (``الملحق رقم II``), a box's cross ``X``
_LATIN = re.compile(r"^[A-Za-zÀ-ÿ]+$")
_ARABIC = re.compile(r"^[\u0621-\u064a\u064b-\u0652]+$")


def arabic_page(lines: list[TextLine]) -> bool:
    """Is the page Arabic: DOMINANT of its lines' letters or more?"""
    ar = sum(len(_AR.findall(ln.text)) for ln in lines)
    lat = sum(len(_LAT.findall(ln.text)) for ln in lines)
    return bool(ar) and ar >= DOMINANT * (ar + lat)


def reread_lone_latin(image: PageImage, lines: list[TextLine], result: OcrResult, timeout: float) -> int:
    """Lone Latin words of the page's Arabic lines replaced by their crop's Arabic reading (see the
    module doc); how many were replaced."""
    if not arabic_page(lines):
        return 0
    todo: list[tuple[TextLine, int, tuple[float, float, float, float]]] = []
    for ln in lines:
        entry = result.rtl_words.get(id(ln))
        if entry is None or not _LAT.search(ln.text):
            continue
        if sum(bool(_AR.search(w)) for w in ln.text.split()) < LINE_WORDS:
            continue
        listed = entry[1]
        for n, (w, x0, t, x1, b_) in enumerate(listed):
            if _lone(w, n, listed) and ln.text.split().count(w) == 1:
                todo.append((ln, n, (x0, t, x1, b_)))
    if not todo:
        return 0
    todo = todo[:MAX_WORDS]
    k = image.dpi / 72.0
    crops: list[tuple[int, int, int, int]] = []
    for _ln, _n, (x0, t, x1, b_) in todo:
        pad = PAD * (b_ - t)
        crops.append(pixel_box(x0, t, x1, b_, k, image.image.width, image.image.height, pad))
    readings = _read(image, crops, timeout)
    done = 0
    for (ln, n, (x0, _t, x1, _b)), crop, read in zip(todo, crops, readings, strict=True):
        lo, hi = x0 * k - crop[0], x1 * k - crop[0]
        over = sorted(((min(hi, right) - max(lo, left), w, c) for w, c, left, right in read), reverse=True)
        if not over or over[0][0] < (hi - lo) / 2:
            continue
        _o, word, conf = over[0]
        old = result.rtl_words[id(ln)][1][n][0]
        was = (result.word_confs.get(id(ln)) or [])[n:n + 1]
        if conf < MIN_CONF or not _arabic_word(word) or (len(old) >= 3 and known_fr(old) and was and conf < was[0]):
            continue
        text, words = result.rtl_words[id(ln)]
        if ln.text != text:  # changed since tesseract read it: its words no longer those listed
            continue
        words[n] = (word, *words[n][1:])
        ln.text = _replaced(ln.text, old, word, words)
        result.rtl_words[id(ln)] = (ln.text, words)
        if conf < SURE_CONF:
            ln.doubt = ln.doubt or OCR_LOW
        done += 1
    return done


def _replaced(text: str, old: str, new: str, listing: list[tuple[str, float, float, float, float]]) -> str:
    """``text`` with its word ``old`` replaced by ``new``. Beside a number, the Latin word ran left to right
    with it (``بتاريخ dl 2019/09/13``): the line is made again from its listed words then, when that keeps
    its other words in their order (``بتاريخ 2019/09/13 وأن``)."""
    toks = text.split()
    i = toks.index(old)
    swapped = " ".join(new if t == old else t for t in toks)
    if not any(_DIGIT.search(t) for t in toks[max(0, i - 1):i + 2]):
        return swapped
    made = line_text([w for w, *_box in listing], [(x0 + x1) / 2 for _w, x0, _t, x1, _b in listing], True)
    rest = [t for t in made.split() if t != new]
    return made if rest == [t for t in toks if t != old] else swapped


def _lone(word: str, n: int, words: list[tuple[str, float, float, float, float]]) -> bool:
    """A Latin word of letters only, no ``bis`` nor Roman number, with no Latin word nor bracket beside it."""
    if not _LATIN.match(word) or word.lower() in ORDINALS or _ROMAN.match(word):
        return False
    near = [words[i][0] for i in (n - 1, n + 1) if 0 <= i < len(words)]
    # a bracket read apart beside it: a term the text quotes in brackets (``سيرة ذاتية (CV)``)
    return bool(near) and not any(_LAT.search(w) or w in _BRACKETS for w in near)


def _arabic_word(word: str) -> bool:
    core = word.rstrip(_PUNCT)
    return bool(core) and bool(_ARABIC.match(core)) and known_ar(normalise_ar(core))


def _read(image: PageImage, crops: list[tuple[int, int, int, int]], timeout: float) -> list[list[tuple[str, float, float, float]]]:
    """Each crop read as one line with ``ara`` (one tesseract call): its words as (text, confidence,
    left, right) in the crop's pixels."""
    from .tesseract import read_words

    return read_words(image, crops, "ara", 7, timeout)
