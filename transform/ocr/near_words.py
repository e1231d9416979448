"""An OCR'd word that is no word but sits one misreading from one: its line put in doubt, the word left as read.

The misreadings left on the corpus's Arabic scans after every mending pass are mostly of two kinds: a word read as
another real word (``يفك`` for ``يقل``, ``نستوفي`` for ``تستوفي``: nothing on the text tells them), and a word read as
no word at all, one or two letters from a word the lists hold, where no pass could choose safely between the
candidates, or found none it could vouch for (``الآثي``: ``الآتي`` or ``الآني``; ``المصاط`` for ``المصالح``, ``لموذج``
for ``نموذج``, ``نوصلكم`` for ``توصلكم``). Changing the second kind by the document's own vocabulary was measured and
dropped (the truth pages' unknown words lie that near a listed word the document prints 141 times in 19,193: names,
plurals, rare terms: ``المتدرجون`` / ``المتدربون``, ``جائحة`` / ``لائحة``). What can be said safely is that the
reading is unsure: :func:`flag_lines` puts such a word's line in doubt (:data:`AMBIGUOUS`, the code
:mod:`doc_profile` gives a word mended two ways), so the review page shows it, and leaves every word as read.

A word trips it (:func:`suspect_words`) when it is Arabic letters only, :data:`MIN_LETTERS` or more, no word of the
lists (``wordfix.real_word``: listed, a rare form, a listed word with a pronoun, a month), read **once** in the
document's OCR'd lines (a right word the lists lack, a name or a term, is usually printed again: ``المدلى``,
``الصائر``, ``الكرائية``, ``المترشحات`` on the corpus's scans), and

* one dot changed (or a stacked letter put back) makes a listed word (``spelling._candidates``), or
* the document reads elsewhere a listed word one letter off (changed, put in or taken out), and not in its last
  two letters only (another ending of one stem, ``المترشحات`` beside ``المترشحين``, ``درهمان`` beside ``درهما``, is
  inflection, not a misreading).

Two letters off for long words was tried: on the corpus's reads it flagged 7 right words for 3 more misreadings
(``المتطلبة`` / ``المتعلقة``, ``ملتمسا`` / ``يلتمس``, ``المرتبين`` / ``المرشحين``) and put whole paragraphs in doubt.

Runs once per document over its OCR'd pages (``doc_words.doc_words``); text-layer documents never reach it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .lexicon import normalise_ar
from .spelling import _candidates

if TYPE_CHECKING:
    from ..ingest.base import TextLine

AMBIGUOUS = "word_ambiguous"  # as doc_profile.AMBIGUOUS: the reader is not sure which word the ink holds
MIN_LETTERS = 4  # letters of a word that may trip the flag (a shorter one is too often near another word)
_ARABIC = re.compile("^[\u0621-\u064a]+$")


def _near(a: str, b: str) -> bool:
    """Are two normalised words one letter apart (changed, put in or taken out), not only in their endings?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    same = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if same >= max(len(a), len(b)) - 2:
        return False  # another ending of one stem (المترشحات / المترشحين, درهمان / درهما): inflection, not a misreading
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(same, len(long_)))  # one letter put in


def suspect_words(pages: list[list[str]]) -> list[list[list[str]]]:
    """For each line of each page (a document's OCR'd pages, texts), the words that trip the flag (module
    docstring); an empty list for a line with none, or a line that is not Arabic."""
    from .doc_words import _arabic_line, _core
    from .wordfix import real_word

    cores = [[[_core(tok)[1] for tok in t.split()] if _arabic_line(t) else [] for t in texts] for texts in pages]
    seen = Counter(c for page in cores for line in page for c in line if _ARABIC.match(c))
    listed = {normalise_ar(w) for w in seen if len(w) >= MIN_LETTERS - 1 and real_word(w)}
    by_length: dict[int, list[str]] = {}
    for w in listed:
        by_length.setdefault(len(w), []).append(w)
    out = []
    for page in cores:
        flagged = []
        for line in page:
            found = []
            for c in line:
                if len(c) < MIN_LETTERS or seen[c] != 1 or not _ARABIC.match(c) or real_word(c):
                    continue
                a = normalise_ar(c)
                if _candidates(c) or any(_near(a, w) for n in (len(a) - 1, len(a), len(a) + 1)
                                         for w in by_length.get(n, ())):
                    found.append(c)
            flagged.append(found)
        out.append(flagged)
    return out


def flag_lines(pages: list[list[TextLine]]) -> int:
    """Each OCR'd line holding a word that trips the flag put in doubt (:data:`AMBIGUOUS`) unless it already is;
    texts and confidences unchanged. Returns how many lines were put in doubt."""
    suspects = suspect_words([[ln.text for ln in lines] for lines in pages])
    n = 0
    for lines, flags in zip(pages, suspects, strict=True):
        for ln, found in zip(lines, flags, strict=True):
            if found and ln.doubt is None:
                ln.doubt = AMBIGUOUS
                n += 1
    return n
