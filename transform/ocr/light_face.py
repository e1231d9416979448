"""A rendered vector page set in a light face: its unknown words read again from a larger render.

A page drawn as vectors is binarised before OCR (render.preprocess), and a light face's thin
strokes (the stem of a `ل`, a `د`'s back, the teeth of `س`) come out one or two pixels wide at
OCR_DPI: parts of them fall under Otsu's threshold or go with a grey layer under the text
(watermark.py), and tesseract reads the letters as others (the Casablanca commercial court's
judgment: `للنظر` -> `لبنظر`, `أدلوا` -> `أدنوا`, `يلتمس` -> `ينعمس`). Such a page is already read a
second time with its strokes thickened (strokes.py). A light face is told by its strokes' width
against its lines' height (:func:`light_face`); such a page is read a third time, thickened, from
a render at LIGHT_DPI, where the same strokes have more pixels to lose, and that reading only
mends words of the kept one (:func:`mend`): it is never kept whole.

* **The measure.** The median stroke width of the page's body lines (weight.py: twice the ink
  pixels over the edge pixels, on the page binarised) over their median height, in pixels.
  On the corpus's rendered vector pages read by OCR, the judgment's four pages measure
  0.052-0.061, the others 0.069-0.081 (five pages of an Arabic report, a Tangier council notice,
  a French page).
* **Why not the larger reading whole.** Thickened, tesseract read the judgment's pages with 1,188
  of their 1,310 words in order at 250 dpi and 1,208 at 300 dpi, but the whole pipeline's reading
  at 300 dpi lost a date, a heading and paragraph breaks that the 250 dpi reading had; the
  hairlines a watermark's removal takes, put back on the page (a first attempt), read better
  words on some lines and worse on others.
* **The mend.** Each line of the kept reading is matched with the larger reading's line that
  overlaps it most (half the lower line's height, across); their words are aligned, and a word
  of the kept line is replaced by the word aligned with it one for one when the kept word is
  Arabic letters only, three or more, that the word list does not know (spelling._word: a
  verb's stem included), read once in the whole document (a misreading is seldom made twice
  alike), and not read alike by the page's other reading at OCR_DPI (the plain or the thickened
  one, whichever was not kept: two readings against one); the new one must be Arabic letters
  only, known, at most MAX_EDITS letters off and at most one letter longer or shorter. A known
  word is never touched, nor a number, nor anything but the word; the line's doubt stays.
* **The document's vote** (:func:`_voted`). A word the list cannot vouch for is still replaced when
  the document does: read once, both other readings (the larger one and the other 250 dpi one) read
  it alike, as a word the kept reading prints elsewhere in the document; unknown and a letter or
  two off (`بالإفياغ` -> `بالإفراغ`), or known, as long and one letter off (`والقي` -> `والتي`). A
  Latin token of a line of three Arabic words or more (junk on these pages: `Les`, `JA`, `Re`) takes
  the larger reading's Arabic word when the list knows it, the document prints it, or the other
  reading reads it too (`Les` -> `تبعا`). A word so mended counts as read by the document. Where the
  other reading's line splits a word and does not align there, its line reading the new word and not
  the kept one stands for its vote (`أجا ل الإفراغ`). A word the document prints nowhere else is taken
  only when it is one letter off that the document is seen to confuse (doc_profile.learn over the
  pages as read: the judgment reads `ب` as `ي` and `ل` as `ن`).

Measured (cached tesseract answers): only the judgment's four pages are light (0.052-0.061; the
next page of the corpus measures 0.069); seven words mended, all right (`ينعمس` -> `يلتمس`,
`لبنظر` -> `للنظر`, `الإبدع` -> `الإيداع`, `الماكورء` -> `المذكور`, `انحل` -> `المحل`, `لئدة` ->
`المدة`, `اندعى` -> `المدعى`); without the two readings' vote `الوجيبة` (right, unknown to the list)
became `الوخيمة`. Cost: one more thickened reading of each light page (69 tesseract calls for the
judgment's four pages), nothing on any other page but the measure (about 0.1 s on the page
already rendered for its thickened reading, on rendered vector pages read under strokes.SURE).
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from .lexicon import edits
from .number_readings import _overlap
from .spelling import _EDGES, _word

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

LIGHT_RATIO = 0.065  # body strokes thinner than this share of the lines' height: a light face
LIGHT_DPI = 300.0  # its third reading rendered at this resolution
BODY_CHARS = 20  # lines of at least this many characters are the body
MIN_LINES = 5  # body lines needed to measure
MIN_OVERLAP = 0.5  # the lines of the two readings overlap by this share of the lower one's height
MAX_EDITS = 2
MIN_LETTERS = 3
MIN_ARABIC = 3  # Arabic words of a line for a Latin token in it to be junk
_AR_WORD = re.compile("^[\u0621-\u064a]+$")
_LATIN = re.compile("^[A-Za-z]+$")


def stroke_ratio(pimg: PageImage, lines: list[TextLine]) -> float | None:
    """The median stroke width of the page's body lines over their median height (pixels of the
    rendered page ``pimg``, binarised by Otsu's threshold); None when too few lines. A grey layer
    under a few lines (a watermark) moves the median by a hundredth of a pixel: the page is not
    cleaned for the measure (0.1 s a page instead of 1-1.7 s)."""
    from .weight import line_strokes

    body = [ln for ln in lines if len(ln.text) >= BODY_CHARS and ln.bottom > ln.top]
    if len(body) < MIN_LINES:
        return None
    strokes = sorted(s for s in line_strokes(pimg, body) if s)
    heights = sorted((ln.bottom - ln.top) * pimg.dpi / 72.0 for ln in body)
    if len(strokes) < MIN_LINES:
        return None
    return strokes[len(strokes) // 2] / heights[len(heights) // 2]


def light_face(pimg: PageImage, lines: list[TextLine]) -> bool:
    """Is the rendered vector page ``pimg``, read as ``lines``, set in a light face (module doc)?"""
    ratio = stroke_ratio(pimg, lines)
    return ratio is not None and ratio < LIGHT_RATIO


def word_counts(pages: list[list[TextLine]]) -> Counter[str]:
    """How many times each word (its letters, edges stripped) is read on the given pages."""
    return Counter(_core(w)[1] for lines in pages for ln in lines for w in ln.text.split())


def mend(kept: list[TextLine], larger: list[TextLine], seen: Counter[str], other: list[TextLine] | None = None,
         learnt: set[tuple[str, str, bool]] | None = None) -> int:
    """The unknown words of the ``kept`` reading replaced by the known words the ``larger`` reading
    aligns with them (module doc); a word read more than once in the document (``seen``) stays.
    An unknown word both other readings read alike, as a word the document reads elsewhere, and a
    Latin token of an Arabic line the larger reading reads Arabic, are replaced too (:func:`_voted`;
    ``learnt``: the document's confusions, doc_profile.py). How many were replaced."""
    done = 0
    for ln in kept:
        words = ln.text.split()
        if not any(_unknown(w) or _latin(w) for w in words):
            continue
        best = max(larger, key=lambda o: _overlap(ln, o), default=None)
        if best is None or _overlap(ln, best) < MIN_OVERLAP:
            continue
        twin = max(other or [], key=lambda o: _overlap(ln, o), default=None)
        twin_at = _aligned(words, twin.text.split()) if twin is not None and _overlap(ln, twin) >= MIN_OVERLAP else {}
        twin_words = {_core(w)[1] for w in twin.text.split()} if twin_at and twin is not None else set()
        arabic = sum(_AR_WORD.match(_core(w)[1]) is not None for w in words) >= MIN_ARABIC
        changed = False
        for i, new_word in _aligned(words, best.text.split(), equal=False).items():
            core = _core(words[i])[1]
            new = _better(words[i], new_word) if seen[core] <= 1 and core not in twin_words else None
            if new is None:
                new = _voted(words[i], new_word, twin_at.get(i, _twin_word(core, new_word, twin_words)), seen, arabic, learnt or set())
            if new is not None:
                words[i] = new
                seen[_core(new)[1]] += 1  # the document now reads it
                changed = True
                done += 1
        if changed:
            ln.text = " ".join(words)
    return done


def _aligned(words: list[str], others: list[str], equal: bool = True) -> dict[int, str]:
    """The word of ``others`` aligned one for one with each word of ``words`` (replaced, or also
    the same with ``equal``)."""
    out: dict[int, str] = {}
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, words, others, autojunk=False).get_opcodes():
        if (tag == "replace" and i2 - i1 == j2 - j1) or (equal and tag == "equal"):
            out.update(zip(range(i1, i2), others[j1:j2], strict=True))
    return out


def _voted(word: str, other: str, twin: str | None, seen: Counter[str], arabic: bool,
           learnt: set[tuple[str, str, bool]]) -> str | None:
    """``word`` with its letters replaced by ``other``'s when the document vouches for ``other``: a
    word read once, which both other readings (``other``, the larger render's, and ``twin``, the
    other 250 dpi one) read alike as a word the document reads elsewhere (``seen``), unknown and a
    letter or two off (`بالإفياغ` -> `بالإفراغ`), or known and one letter off, as long
    (`والقي` -> `والتي`); or a Latin token of an Arabic line (``arabic``),
    which the larger reading reads as Arabic that the list knows, the document reads, or the other
    reading reads too (`Les` -> `تبعا`). None when it stays."""
    head, core, tail = _core(word)
    new = _core(other)[1]
    if new == core or not _AR_WORD.match(new):
        return None
    agreed = twin is not None and _core(twin)[1] == new
    if _latin(word):
        return f"{head}{new}{tail}" if arabic and len(new) >= 2 and (agreed or seen[new] >= 1 or _word(new)) else None
    if not agreed or seen[core] > 1 or len(new) < MIN_LETTERS or len(core) < MIN_LETTERS:
        return None
    if seen[new] < 1:  # printed nowhere else: one letter the document is seen to confuse, read so by one reading only
        return f"{head}{new}{tail}" if _unknown(word) and _confused(core, new, learnt) else None
    if _unknown(word):
        ok = abs(len(new) - len(core)) <= 1 and edits(core, new) <= MAX_EDITS
    else:  # a known word: one letter read as another, the length kept (`والقي` -> `والتي`, not `لمحكمة` -> `محكمة`)
        ok = _AR_WORD.match(core) is not None and len(new) == len(core) and sum(a != b for a, b in zip(core, new, strict=True)) == 1
    return f"{head}{new}{tail}" if ok else None


def learnt_confusions(pages: list[list[TextLine]]) -> set[tuple[str, str, bool]]:
    """The letters the document's pages are seen to confuse (doc_profile.learn: its unknown words one
    look-alike letter off a word, the words the page passes put right)."""
    from .doc_profile import learn

    settled = [(_core(a)[1], _core(b)[1]) for lines in pages for ln in lines for a, b in ln.mended]
    return learn(word_counts(pages), settled).learnt()


def _confused(core: str, new: str, learnt: set[tuple[str, str, bool]]) -> bool:
    """``new`` is ``core`` with one letter put back that the document is seen to read as another
    (`يعتير` -> `يعتبر`: `ب` read `ي`); not where both letters may begin a word (doc_profile.py)."""
    from .doc_profile import _PREFIXES, _start

    diff = [i for i in range(len(core)) if len(core) == len(new) and core[i] != new[i]]
    if len(diff) != 1:
        return False
    i = diff[0]
    x, y, start = new[i], core[i], _start(core, i)
    return (x, y, start) in learnt or (start and (x, y, False) in learnt and not (x in _PREFIXES and y in _PREFIXES))


def _twin_word(core: str, new_word: str, twin_words: set[str]) -> str | None:
    """The other reading's word where its line does not align one for one with the kept line there
    (a word split in two, `أجا ل`): ``new_word`` when that line reads it and not ``core``."""
    new = _core(new_word)[1]
    return new if new in twin_words and core not in twin_words else None


def _latin(word: str) -> bool:
    """A token of Latin letters only, punctuation aside: junk where an Arabic line reads it."""
    return _LATIN.match(_core(word)[1]) is not None


def _core(word: str) -> tuple[str, str, str]:
    m = _EDGES.match(word)
    return m.groups() if m else ("", word, "")  # type: ignore[return-value]


def _unknown(word: str) -> bool:
    core = _core(word)[1]
    return len(core) >= MIN_LETTERS and _AR_WORD.match(core) is not None and not _word(core)


def _better(word: str, other: str) -> str | None:
    """``word`` with its letters replaced by ``other``'s when ``word`` is unknown and ``other`` a
    known word a letter or two off; None when it stays."""
    if not _unknown(word):
        return None
    head, core, tail = _core(word)
    new = _core(other)[1]
    if (new == core or not _AR_WORD.match(new) or len(new) < MIN_LETTERS or abs(len(new) - len(core)) > 1
            or edits(core, new) > MAX_EDITS or not _word(new)):
        return None
    return f"{head}{new}{tail}"
