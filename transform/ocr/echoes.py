"""A word misread where the page prints the same phrase again, settled by the page's own sound readings of it.

An official text says its issuer's name over and over: the Santé decision's first page prints ``وزارة الصحة
والحماية الاجتماعية`` a dozen times, in a heavy face whose stacked letters ``ara`` reads differently each time
(``والهاية``, ``وامانة``, ``واخماية``, ``Al``, ``الاجةاعية``), while most of the other times read it right. No word
list can say that ``والهاية`` is ``والحماية``; the page can: the same two words stand either side of it where the
page reads ``الصحة والحماية الاجتماعية`` sound.

So, on one OCR'd page, over its Arabic lines that no table took (:func:`settle_page`):

* the page's **sound phrases** are the runs of three words of a line that the word list all knows
  (``spelling._known``), and the pairs of two such words read at least :data:`PAIRS` times;
* a word the word list does not know, **between the two outer words of a sound phrase of three** read at least
  :data:`PAIRS` times, exactly as the page reads them, is the phrase's middle word when it is at most a third of that word's
  letters off it (one letter at least); a Latin token inside an Arabic line (two letters, or at most :data:`LATIN` not all capitals: not an
  acronym), the models switching, is no misreading of any Arabic word by its letters: there one sound reading of the
  phrase is enough; either way the middle word is the one most of the page's sound readings of the phrase hold. For
  a Latin token only, the conjunction ``و`` written apart (:data:`AND`, one letter: no sound word) may be an outer
  word of the phrase (``و ei زيارة`` where other printings read ``و أثناء زيارة``);
* a word the word list does not know **beside one word of a sound pair**, on the side the pair puts it, is the
  pair's other word when it is one letter off it, or two when that word has :data:`LONG` letters or more;
* a word whose only difference from the candidate is a hamza, an alef's form, ``ة``/``ه`` or ``ى``/``ي`` is left as
  printed (``الإجتماعية`` as a letterhead prints it), a verb whose person prefix differs (``أن يعرض للاستهلاك``
  where another page prints ``أن تعرض للاستهلاك``: the finance law says both), a word that differs from it only by a long vowel written or
  not (``الإليكتروني``: two spellings), and so is a word that is the candidate with letters added at its
  start or end (``درهما`` where the page also prints ``درهم``: a suffix, a word of its own), or a candidate the page's
  phrases disagree on.

The same rules run once more over the whole document (:func:`settle_document`, called by the PDF ingester when two
pages or more were OCR'd): the sound phrases are counted over every OCR'd page's lines (each page its own run of words,
no phrase across a page break), and each page is settled by them. A form page prints its title once (``نموذج طلب D
لشغل``, ``الصحة QU الاجتماعية``); another page of the document reads the phrase sound.

Punctuation around a word stays. The line keeps its confidence and its doubt (a line read unsure stays unsure on the
review page). A changed word is a phrase the document itself prints; nothing is guessed from outside it. Measured as
a bad output would be: every truth page run through :func:`settle_page`, and every document's truth pages run through
:func:`settle_document` together, change no word (tests/ocr/test_echoes.py).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .lexicon import edits, normalise_ar
from .spelling import _EDGES, _known
from .wordfix import rare

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..ingest.pdf_tables import FoundTable

PAIRS = 2  # a pair of known words read this many times on the page is a sound phrase
LATIN = 3  # a Latin token this short inside an Arabic line may be a word of it read with the wrong model
LONG = 8  # a word this long may be two letters off the pair's word
MIN_WORD = 4  # letters of the word put in (a short word settles nothing)
AND = "و"  # the conjunction written apart (``و أثناء زيارة``): the outer word of a three that settles a Latin token only
ROUNDS = 2  # rounds over the page: the words put right in one make their phrases sound for the next
_ARABIC = re.compile("^[\u0621-\u064a]+$")
_LATIN = re.compile("^[A-Za-zÀ-ÿ]+$")
_AR_LETTER = re.compile("[\u0621-\u064a]")
_LAT_LETTER = re.compile("[A-Za-zÀ-ÿ]")
_VOWELS = str.maketrans("", "", "اويى")
_PERSONS = "اتين"  # the prefixes of a verb's imperfect (أ, ت, ي, ن), an alef after normalise_ar


def _core(token: str) -> tuple[str, str, str]:
    m = _EDGES.match(token)
    return m.groups() if m else ("", token, "")  # type: ignore[return-value]


def _arabic_line(text: str) -> bool:
    return len(_AR_LETTER.findall(text)) > 2 * len(_LAT_LETTER.findall(text))


def _sound(core: str) -> bool:
    return bool(_ARABIC.match(core)) and len(core) >= 2 and _known(core)


def _suspect(core: str) -> bool:
    """A token the phrase may settle: an Arabic word the list does not know, or a short Latin token that is no
    acronym (``Al``, ``gl``, ``AU``; not ``CIN``, ``TVA``)."""
    if _ARABIC.match(core):
        return not _known(core) and not rare(core)  # a rare form of the lists (`عليها`) is a word too
    return bool(_LATIN.match(core)) and (len(core) <= 2 or (len(core) <= LATIN and not core.isupper()))


def _variant(a: str, b: str) -> bool:
    """Do two words differ only by a hamza, an alef's form, ة/ه or ى/ي (a spelling as printed), or by a verb's person
    prefix (``يعرض``, ``تعرض``: both the document's), or is one the other with letters added at its start or end (a suffix or a proclitic: ``درهما`` beside ``درهم``, ``توصله`` beside ``توصل``)?"""
    na, nb = normalise_ar(a), normalise_ar(b)
    if len(na) == len(nb) > 2 and na[1:] == nb[1:] and na[0] in _PERSONS and nb[0] in _PERSONS:
        return True  # a verb's person (يعرض, تعرض): the document says both, the word list may know only one
    if na.translate(_VOWELS) == nb.translate(_VOWELS):
        return True  # a long vowel written or not (الإليكتروني, الإلكتروني): two spellings of one word
    return na == nb or na.startswith(nb) or na.endswith(nb) or nb.startswith(na) or nb.endswith(na)


def _phrases(pages: list[list[str]]) -> tuple[dict[tuple[str, str], Counter[str]], Counter[tuple[str, str]]]:
    threes: dict[tuple[str, str], Counter[str]] = {}
    pairs: Counter[tuple[str, str]] = Counter()
    for cores in pages:
        ok = [_sound(c) for c in cores]
        edge = [o or c == AND for o, c in zip(ok, cores, strict=True)]  # ``و`` written apart: a three's outer word
        for i in range(len(cores) - 1):
            if ok[i] and ok[i + 1]:
                pairs[(cores[i], cores[i + 1])] += 1
            if i + 2 < len(cores) and edge[i] and ok[i + 1] and edge[i + 2]:
                threes.setdefault((cores[i], cores[i + 2]), Counter())[cores[i + 1]] += 1
    return threes, pairs


def _one(cands: set[str]) -> str | None:
    return next(iter(cands)) if len(cands) == 1 else None


def _settle(cores: list[str], i: int, threes: dict[tuple[str, str], Counter[str]],
            pairs: Counter[tuple[str, str]]) -> str | None:
    core = cores[i]
    left = cores[i - 1] if i else ""
    right = cores[i + 1] if i + 1 < len(cores) else ""
    latin = not _ARABIC.match(core)
    if left and right and (latin or AND not in (left, right)) and (middle := threes.get((left, right))):
        # a Latin token is no misreading of any Arabic word: one sound reading of the phrase says which word it stands for
        total = sum(middle.values())
        found = _one({m for m, n in middle.items() if n >= (1 if latin else PAIRS) and 2 * n > total and len(m) >= MIN_WORD
                      and (latin or edits(core, m) <= max(1, len(m) // 3))})
        if found and not _variant(core, found):
            return found
    if latin:
        return None
    near = set()
    for (a, b), n in pairs.items():
        if n < PAIRS:
            continue
        if a == left and len(b) >= MIN_WORD:
            near.add(b)
        if b == right and len(a) >= MIN_WORD:
            near.add(a)
    found = _one({m for m in near if edits(core, m) <= (2 if len(m) >= LONG else 1)})
    return found if found and not _variant(core, found) else None


def settle_page(texts: list[str]) -> list[str]:
    """The texts of a page's lines (in reading order) with each word its sound phrases settle put right (see the
    module's docstring); a line that is not Arabic is left as it is. The Arabic lines are read as one run of words, a
    line's last word beside the next line's first (a paragraph goes on over its lines). A word put right makes its
    phrase sound for a second round (at most :data:`ROUNDS`). As many texts as given."""
    return settle_document([texts])[0]


def settle_document(pages: list[list[str]]) -> list[list[str]]:
    """:func:`settle_page` over a document's pages together: the sound phrases are counted over every page (each page
    its own run of words: no phrase across a page break), and each page's words are settled by them. A phrase the
    document prints sound on one page settles its misreading on another (a form's title beside the decision that
    announces it). As many pages and texts as given."""
    out = [list(texts) for texts in pages]
    for _round in range(ROUNDS):
        split = [_split(texts) for texts in out]
        threes, pairs = _phrases([[c[1] for toks in page for c in toks] for page in split])
        new = [_settle_once(texts, page, threes, pairs) for texts, page in zip(out, split, strict=True)]
        if new == out:
            break
        out = new
    return out


def _split(texts: list[str]) -> list[list[tuple[str, str, str]]]:
    return [[_core(tok) for tok in t.split()] if _arabic_line(t) else [] for t in texts]


def _settle_once(texts: list[str], split: list[list[tuple[str, str, str]]],
                 threes: dict[tuple[str, str], Counter[str]], pairs: Counter[tuple[str, str]]) -> list[str]:
    at = [(n, i) for n, toks in enumerate(split) for i in range(len(toks))]
    cores = [split[n][i][1] for n, i in at]
    out = list(texts)
    changed = set()
    for k, (n, i) in enumerate(at):
        head, core, tail = split[n][i]
        if not _suspect(core):
            continue
        found = _settle(cores, k, threes, pairs)
        if found:
            split[n][i] = (head, found, tail)
            changed.add(n)
    for n in changed:
        out[n] = " ".join(h + c + t for h, c, t in split[n])
    return out


def echo_words(lines: list[TextLine], tables: list[FoundTable]) -> int:
    """:func:`settle_page` over the page's lines that no table took, in place; returns how many lines changed."""
    free = [ln for ln in lines if not any(t.took(ln) for t in tables)]
    new = settle_page([ln.text for ln in free])
    changed = 0
    for ln, text in zip(free, new, strict=True):
        if text != ln.text:
            ln.text = text
            changed += 1
    return changed


def echo_document(pages: list[list[TextLine]]) -> int:
    """:func:`settle_document` over the lines of a document's OCR'd pages (the lines no table took, in reading order),
    in place; a line keeps its confidence and doubt. Returns how many lines changed."""
    return write_texts(pages, settle_document([[ln.text for ln in lines] for lines in pages]))


def write_texts(pages: list[list[TextLine]], new: list[list[str]]) -> int:
    """Each line's text set to its new text, in place (its confidence and doubt kept); how many lines changed."""
    changed = 0
    for lines, texts in zip(pages, new, strict=True):
        for ln, text in zip(lines, texts, strict=True):
            if text != ln.text:
                ln.text = text
                changed += 1
    return changed
