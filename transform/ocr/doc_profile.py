"""A document's own confusion profile: the letters its pages misread, learnt from its pages and used to mend them.

A scan loses the same stroke all through a document. The Casablanca judgment's light face reads ``ل`` as ``ن``
(``وتكنيف``), decree 2.19.720's inspection forms read a ``ت`` inside a word as ``ن`` (``انخاذها``): words the
document never reads sound, so :mod:`doc_words` cannot settle them. What the document does show is the confusion
itself, over and over: in the words the page passes already put right, and in its unknown words.

So, over the Arabic lines of a document's OCR'd pages together (:func:`mend_texts`, :func:`mend_lines`):

* **Learning** (:func:`learn`). A confusion is (letter printed, letter read, at a word's start or not: its first
  letter, its second after ``و``/``ف``), between two look-alike letters (:data:`LOOK_ALIKE`: the teeth and the stem,
  ``ه`` with ``ب``/``م``/``ي``, the dotted pairs of one skeleton). Its evidence: the (read, put right) words another
  pass settled one letter apart (the page's spelling pass, kept as ``TextLine.mended``; :mod:`doc_words`), and the
  document's *unknown* words of :data:`LEARN_WORD` letters or more that exactly one look-alike change turns into a
  word. A word is unknown when neither list knows it (``spelling._known``, ``wordfix.rare``), it is no known word
  with a pronoun (``wordfix.suffixed``) and no month. A confusion is the document's when :data:`LEARN_SETTLED`
  settled words, or :data:`LEARN` words in all, show it.
* **Mending** (:func:`mend`). An unknown word of :data:`MIN_WORD` letters or more, read at most :data:`MAX_SEEN`
  times, becomes the one word that one learnt confusion, undone at one letter, makes: a word of the frequent list or
  a pronoun after one of four letters or more (``اتخاذها``); failing that, a form of tesseract's rare list made by a
  letter inside the word (not its first nor last: ``أنجرت`` is no ``أنجري``). A confusion learnt inside words holds
  at a word's start too, unless both letters may begin a word (a verb's person, a preposition: ``نتوفر`` stays).
  A hamza or alef spelling is no mend, nor is an article made of a hamza'd alef (``ألجرت`` is no ``الجرت``). Two
  or more words reached: the word stays as read and its line is put in doubt (:data:`AMBIGUOUS`, unless it
  already has one), so the reviewer sees it.

Measured as a bad output would be: every truth word of the documents that learn a profile as read, put through the
mend with that profile, and every truth document's pages put through :func:`mend_texts` with what they teach
themselves, change no word (tests/ocr/test_doc_profile.py). The figures are in docs/ocr.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import AR_LETTERS as _AR_WORD
from .lexicon import normalise_ar
from .months import MONTHS
from .spelling import _known

if TYPE_CHECKING:
    from ..ingest.base import TextLine

MIN_WORD = 5  # letters of a word in play (a shorter word is too often another word one letter off)
LEARN_WORD = 4  # letters of an unknown word that may show a confusion
LEARN_SETTLED = 2  # ...or words another pass put right (a surer sign than a word one change makes known)
LEARN = 3  # different words showing one confusion that make it the document's
MAX_SEEN = 2  # an unknown word read more often than this is a word of the document's (a name, a term)
AMBIGUOUS = "word_ambiguous"  # the doubt of a line holding a word two learnt confusions mend two ways
# letters that look alike on a scan: any two letters of one group may be confused
LOOK_ALIKE = ("بتثنيل", "هبمي", "فق", "جحخ", "عغ", "دذ", "رز", "سش", "صض", "طظ")
_PAIRS = frozenset((a, b) for g in LOOK_ALIKE for a in g for b in g if a != b)
_PRONOUNS = ("هما", "هم", "ها", "كم", "ه")  # pronouns after a noun or a verb (not ي, ين, ون: other words' endings)
_PREFIXES = "اأإتينبلك"  # a verb's person or a preposition: a first letter that may differ between two right words
_LETTERS = sorted({ch for g in LOOK_ALIKE for ch in g})


@dataclass
class Profile:
    """The confusions a document's pages make: (printed letter, read letter, at a word's start) -> the words that
    showed it."""

    seen: dict[tuple[str, str, bool], set[str]] = field(default_factory=dict)
    settled: dict[tuple[str, str, bool], set[str]] = field(default_factory=dict)  # those another pass put right

    def add(self, printed: str, read: str, start: bool, word: str, settled: bool = False) -> None:
        self.seen.setdefault((printed, read, start), set()).add(word)
        if settled:
            self.settled.setdefault((printed, read, start), set()).add(word)

    def learnt(self) -> set[tuple[str, str, bool]]:
        return {k for k, words in self.seen.items()
                if len(words) >= LEARN or len(self.settled.get(k, ())) >= LEARN_SETTLED}


def _start(word: str, i: int) -> bool:
    return i == 0 or (i == 1 and word[0] in "وف")


def unknown(word: str, least: int = MIN_WORD) -> bool:
    """A word of ``least`` letters or more that no list knows, with no pronoun after a known word, no month."""
    from .wordfix import rare, suffixed  # wordfix builds on spelling, as this module does

    return len(word) >= least and not _known(word) and not rare(word) and not suffixed(word) \
        and normalise_ar(word) not in MONTHS


def _word(word: str) -> bool:
    """A word of the frequent list, or one with a pronoun after it (``اتخاذها``, ``توصلكم``)."""
    if _known(word):
        return True
    return any(word.endswith(p) and len(word) - len(p) >= 4 and _known(word[: -len(p)]) for p in _PRONOUNS)


def _false_article(word: str, cand: str) -> bool:
    """``ألجرت`` of ``أنجرت``: a hamza'd alef before ``ل`` is no article, whatever the folded look-up says."""
    return cand[:2] != word[:2] and cand[0] in "أإآ" and cand[1] == "ل"


def _spelling(a: str, b: str) -> bool:
    return normalise_ar(a) == normalise_ar(b)


def _changes(word: str, pairs: set[tuple[str, str, bool]] | frozenset[tuple[str, str, bool]] | None = None,
             known: Callable[[str], bool] = _word, inner: bool = False) -> list[tuple[str, str, bool, str]]:
    """(printed, read, at the start, word) for each one-letter change that makes a word ``known`` says is one (the
    frequent list): among the look-alike letters, or only by ``pairs`` when given; ``inner``: not in the word's first
    nor last letter."""
    out = []
    for i, y in enumerate(word):
        if inner and not 0 < i < len(word) - 1:
            continue
        start = _start(word, i)
        for x in _LETTERS:
            if (x, y) not in _PAIRS:
                continue
            if pairs is not None and (x, y, start) not in pairs and not (
                    start and (x, y, False) in pairs and not (x in _PREFIXES and y in _PREFIXES)):
                continue  # a confusion learnt inside words holds at a word's start unless both letters may begin one
            cand = word[:i] + x + word[i + 1:]
            if not _spelling(cand, word) and known(cand) and not _false_article(word, cand):
                out.append((x, y, start, cand))
    return out


def learn(words: Counter[str], settled: Sequence[tuple[str, str]] = ()) -> Profile:
    """The document's profile from its words as read (a word -> how often) and the (read, put right) words other
    passes settled (the page's spelling pass, :mod:`doc_words`)."""
    prof = Profile()
    for w in words:
        if unknown(w, LEARN_WORD) and len(found := _changes(w)) == 1:
            x, y, start, _cand = found[0]
            prof.add(x, y, start, w)
    for read, right in settled:
        diff = [i for i in range(len(read)) if len(read) == len(right) and read[i] != right[i]]
        if len(diff) == 1 and (right[diff[0]], read[diff[0]]) in _PAIRS:
            prof.add(right[diff[0]], read[diff[0]], _start(read, diff[0]), read, settled=True)
    return prof


def mend(word: str, learnt: set[tuple[str, str, bool]]) -> tuple[str | None, bool]:
    """(the word the learnt confusions make of ``word``, or None; whether they make two or more)."""
    if not learnt or not unknown(word):
        return None, False
    cands = {c for *_k, c in _changes(word, learnt)}
    if not cands:  # a form of tesseract's own list, by a letter inside the word only (أنجرت is no أنجري)
        from .wordfix import rare
        cands = {c for *_k, c in _changes(word, learnt, rare, inner=True)}
    if len(cands) == 1:
        return cands.pop(), False
    return None, len(cands) > 1


def _cores(text: str) -> list[tuple[str, str, str]]:
    from .doc_words import _arabic_line, _core

    return [_core(tok) for tok in text.split()] if _arabic_line(text) else []


def _pairs(before: list[list[str]], after: list[list[str]]) -> list[tuple[str, str]]:
    """The (read, put right) words of the lines another pass changed, word by word where it kept their number."""
    out = []
    for old, new in zip(before, after, strict=True):
        for a, b in zip(old, new, strict=True):
            if a != b and len(ta := a.split()) == len(tb := b.split()):
                out += [(_cores(x)[0][1], _cores(y)[0][1]) for x, y in zip(ta, tb, strict=True) if x != y]
    return out


def mend_texts(pages: list[list[str]], settled: Sequence[tuple[str, str]] = ()
               ) -> tuple[list[list[str]], list[list[bool]]]:
    """The texts of a document's OCR'd pages with each unknown word the document's learnt confusions mend one way put
    right (see the module's docstring), and, line by line, whether it holds a word they mend two ways or more.
    ``settled``: (read, put right) pairs earlier passes settled, evidence of the document's confusions."""
    split = [[_cores(t) for t in texts] for texts in pages]
    words: Counter[str] = Counter(c for page in split for toks in page for _h, c, _t in toks if _AR_WORD.match(c))
    learnt = learn(words, settled).learnt()
    out = [list(texts) for texts in pages]
    doubt = [[False] * len(texts) for texts in pages]
    if not learnt:
        return out, doubt
    for n, page in enumerate(split):
        for k, toks in enumerate(page):
            changed = False
            for j, (head, core, tail) in enumerate(toks):
                if not _AR_WORD.match(core) or words[core] > MAX_SEEN:
                    continue
                found, two = mend(core, learnt)
                if found:
                    toks[j] = (head, found, tail)
                    changed = True
                doubt[n][k] |= two
            if changed:
                out[n][k] = " ".join(h + c + t for h, c, t in toks)
    return out, doubt


def mend_lines(pages: list[list[TextLine]], before: list[list[str]]) -> int:
    """:func:`mend_texts` over the lines of a document's OCR'd pages, in place, learning also from what the page
    passes (``TextLine.mended``) and :mod:`doc_words` (``before``: the texts it was given) put right. A line keeps its
    confidence; one holding a word mended two ways is put in doubt (:data:`AMBIGUOUS`) unless it already was.
    Returns how many lines changed."""
    from .doc_words import _core
    from .echoes import write_texts

    settled = [(_core(a)[1], _core(b)[1]) for lines in pages for ln in lines for a, b in ln.mended]
    settled += _pairs(before, [[ln.text for ln in lines] for lines in pages])
    new, doubt = mend_texts([[ln.text for ln in lines] for lines in pages], settled)
    for lines, flags in zip(pages, doubt, strict=True):
        for ln, flag in zip(lines, flags, strict=True):
            if flag and ln.doubt is None:
                ln.doubt = AMBIGUOUS
    return write_texts(pages, new)
