"""A light typeface's confused letters, settled by the words the document itself reads sound.

A judgment set in a light face reads ``ل`` as ``ن`` or ``ب`` and a middle ``ه`` as ``م``: ``الطنب`` for ``الطلب``,
``مببغ`` for ``مبلغ``, ``بإبداع`` for ``بإيداع``. A rule on the letters alone changes right words (``الطنب`` is a
word); the document can say which reading it means, for it reads ``الطلب``, ``مبلغ`` and ``بإيداع`` sound on its other
lines.

So, over the Arabic lines of a document's OCR'd pages together (:func:`settle_words`):

* the document's **sound words** are the words the word list knows (``spelling._known``), of :data:`MIN_WORD`
  letters or more, read on lines the reader put in no doubt, at least :data:`SOUND` times;
* a word read **once** in the whole document, of :data:`MIN_WORD` letters or more, becomes the sound word it is one
  confusable letter off: one of ``ن ب ي ت ل`` for another of them (the teeth and the stem a light face blurs), or
  ``ه`` for ``م`` (either way) inside the word, not at its ends;
* a word the list knows may be a rare word rightly printed: it needs :data:`LONG_KNOWN` letters, its letter inside
  the word (not its first two nor its last: ``فيها``/``فيما``, ``حسن``/``حسب`` are both words) and its candidate
  read sound :data:`SOUND_KNOWN` times;
* only when **exactly one** sound word is so near; never in a word's first letter (after ``و``/``ف`` its second)
  when both letters may begin a word (a verb's person or a preposition: ``يعرض``, ``تعرض``, ``برفع``: all right);
  the word keeps its punctuation, the line its confidence and doubt.

Measured as a bad output would be: every truth document's pages run through :func:`settle_words` together change
no word (tests/ocr/test_doc_words.py).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .lexicon import normalise_ar
from .spelling import _EDGES, _known

if TYPE_CHECKING:
    from ..ingest.base import TextLine

MIN_WORD = 3  # letters of a word in play (a shorter word settles nothing)
SOUND = 3  # sure readings of a known word that make it the document's sound word
SOUND_KNOWN = 4  # sure readings needed to put right a word the list knows (it may be a rare word rightly printed)
LONG_KNOWN = 5  # letters of a word the list knows that may be put right (a short word is too often another word)
_TEETH = "نبيتل"  # letters a light face confuses anywhere in a word
_MIDDLE = "هم"  # letters a light face confuses inside a word
_PREFIXES = "اأإتينبلك"  # a verb's person or a preposition: a first letter that may differ between two right words
_ARABIC = re.compile("^[\u0621-\u064a]+$")
_AR_LETTER = re.compile("[\u0621-\u064a]")
_LAT_LETTER = re.compile("[A-Za-zÀ-ÿ]")


def _core(token: str) -> tuple[str, str, str]:
    m = _EDGES.match(token)
    return m.groups() if m else ("", token, "")  # type: ignore[return-value]


def _arabic_line(text: str) -> bool:
    return len(_AR_LETTER.findall(text)) > 2 * len(_LAT_LETTER.findall(text))


def _confusable(a: str, b: str, inner: bool = False) -> bool:
    """Are two words of one length one confusable letter apart (see the module's docstring)? ``inner``: only
    inside the word, not in its first two letters nor its last."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) != 1:
        return False
    i = diff[0]
    x, y = a[i], b[i]
    if inner and not 1 < i < len(a) - 1:
        return False
    if (i == 0 or (i == 1 and a[0] in "وف")) and x in _PREFIXES and y in _PREFIXES:
        return False  # a prefix: a verb's person or a preposition (يعرض, تعرض; ترفع, برفع), both right
    if x in _TEETH and y in _TEETH:
        return True
    return x in _MIDDLE and y in _MIDDLE and 0 < i < len(a) - 1


def settle_words(pages: list[list[str]], sure: list[list[bool]] | None = None) -> list[list[str]]:
    """The texts of a document's OCR'd pages with each word read once and one confusable letter off a word the
    document reads sound put right (see the module's docstring). ``sure`` says, line by line, whether the reader was
    sure of it (only sure lines count a word sound); all lines are sure when not given. As many pages and texts."""
    split = [[[_core(tok) for tok in t.split()] if _arabic_line(t) else [] for t in texts] for texts in pages]
    seen: Counter[str] = Counter()
    good: Counter[str] = Counter()
    for n, page in enumerate(split):
        for k, toks in enumerate(page):
            ok = sure is None or sure[n][k]
            for _h, core, _t in toks:
                if _ARABIC.match(core):
                    seen[core] += 1
                    if ok and len(core) >= MIN_WORD and _known(core):
                        good[core] += 1
    sound: dict[int, list[str]] = {}  # the sound words by length (a substitution keeps it)
    for w, c in good.items():
        if c >= SOUND:
            sound.setdefault(len(w), []).append(w)
    out = [list(texts) for texts in pages]
    for n, page in enumerate(split):
        for k, toks in enumerate(page):
            changed = False
            for j, (head, core, tail) in enumerate(toks):
                if len(core) < MIN_WORD or not _ARABIC.match(core) or seen[core] != 1:
                    continue
                known = _known(core)  # a word the list knows may be a rare word rightly printed
                if known and len(core) < LONG_KNOWN:
                    continue
                cands = {w for w in sound.get(len(core), ()) if _confusable(core, w, inner=known)
                         and good[w] >= (SOUND_KNOWN if known else SOUND)}
                if len(cands) == 1 and normalise_ar(found := cands.pop()) != normalise_ar(core):
                    toks[j] = (head, found, tail)
                    changed = True
            if changed:
                out[n][k] = " ".join(h + c + t for h, c, t in toks)
    return out


def doc_words(pages: list[list[TextLine]]) -> int:
    """:func:`settle_words` over the lines of a document's OCR'd pages, in place, then the document's own confusion
    profile (:mod:`doc_profile`); a line keeps its confidence and doubt (a word the profile mends two ways puts its
    line in doubt). Returns how many line texts changed (a line both passes change counts twice)."""
    from .doc_profile import mend_lines
    from .echoes import write_texts
    from .extra_letters import settle_lines

    before = [[ln.text for ln in lines] for lines in pages]
    changed = write_texts(pages, settle_words(before, [[ln.doubt is None for ln in lines] for lines in pages]))
    changed += mend_lines(pages, before)  # the document's own confusions (doc_profile.py)
    from .french_words import settle_accents

    sure = [[ln.doubt is None for ln in lines] for lines in pages]
    changed += write_texts(pages, settle_accents([[ln.text for ln in lines] for lines in pages], sure))  # Léroux: Leroux
    changed += settle_lines(pages)  # a letter added to a word the document reads sound (extra_letters.py)
    from .near_words import flag_lines

    flag_lines(pages)  # a word that is no word, a misreading from one, read once: its line in doubt (near_words.py)
    return changed
