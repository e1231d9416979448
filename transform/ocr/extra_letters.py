"""Letters OCR adds: a doubled letter taken out of an Arabic word, and web addresses read with a letter or a dot wrong.

The converse of :mod:`dropped` (letters lost in a stacked ligature). Two rules over an OCR'd page's lines
(:func:`mend_page`), run in ``tesseract.ocr_image`` after the other word passes; no tesseract call:

* **A doubled letter** (:func:`one_less`). ``ara`` reads one letter twice, or a letter and its dotted twin side by
  side (the ink of one letter seen as two): ``المنتتدب`` for المنتدب, ``رقفضها`` for رفضها. A word is mended when it
  is no word (:func:`wordfix.real_word`), has :data:`MIN_LETTERS` letters or more, and taking out one letter that
  doubles its neighbour (the same letter, or the same skeleton with other dots: ``ف``/``ق``, ``ع``/``غ``; two
  teeth only when they are the same letter) makes exactly **one** word: of the frequent list or a listed word with
  a pronoun, failing that a form of tesseract's rare list. Two words reached: the word stays as read and its line
  is put in doubt (:data:`AMBIGUOUS`). Guards, each from a right word of the corpus: the same letter twice at a stem's
  start is a verb's or a noun's prefix (``تتميمه``, ``وتتميمه``: its first two letters, after ``و``/``ف`` and the
  article), a double just before a word's ending letter is the stem's own (``المنزليين``, ``موسميين``,
  ``المسننة``), dotted twins side by side in a stem of three consonants (after the article, no long vowel) are
  the root's own (``الرزم``: a root needs its three letters), and a change of hamza or alef spelling is no mend.
* **A loop letter's entry stroke read as a tooth** (:func:`_loop_tooth`, in the same rule). ``ص ض ط ظ`` begin
  with a small tooth before their loop; ``ara`` reads it as a letter of its own: ``العرائنض`` for العرائض,
  ``القتضاع`` for القطاع (the tooth and the loop seen as ``تض``, the stem of ``ط`` lost). Such a tooth is taken
  out, or the tooth and the loop are read as one ``ط``/``ظ``, under the same rule: exactly one word reached.
* **Web addresses** (:func:`mend_address`). ``Wwww.environnement.gov.ma`` (a capital or a doubled ``w``),
  ``wwwnarsa.ma`` (the dot after ``www`` lost) are put right; ``www.mem.gov.ma:3iLit`` (the word printed
  against the address, an Arabic word read as Latin junk after a colon) loses the junk and its line is put in
  doubt (:data:`LOST_WORD`): the word is not recovered, the reviewer sees the gap.

And over a document's OCR'd pages together (:func:`settle_lines`, called by ``doc_words.doc_words``), any letter:
a word read once, no word, that one letter taken out inside it makes exactly one of the words the document reads
sound (listed, read three times on lines read sure) is put right: ``الانتعقال`` where MTEDD reads ``الانتقال``.

Measured as a bad output would be: every truth word of the corpus put through the page rules, and every truth
document's pages through the document rule, change none (tests/ocr/test_extra_letters.py). Figures in
docs/ocr.md.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import AR_LETTERS, normalise_ar
from .spelling import _EDGES

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .tesseract import OcrResult

MIN_LETTERS = 5
AMBIGUOUS = "word_ambiguous"  # the doubt doc_profile.py gives a word mended two ways
LOST_WORD = "word_lost"  # a word printed against a web address read as junk and taken out
TEETH = "بتثنيئ"  # one tooth each: two of them side by side are two letters unless they are the same letter
ENDINGS = "نةهات"
TOOTH_LETTERS = "بتثني"  # the letters a loop letter's entry stroke is read as
WEAK = "اويى"  # long vowels: a stem of three letters holding one is no full root (a letter may be lost)
INK_ABOVE = "تثنضظ"  # a dot over the tooth or the loop: ink where a lost stem of ط/ظ stood
LOOPS = "صضطظ"  # letters that begin with a small tooth before their loop  # a word's last letter that ends a plural, a feminine, a pronoun: a double before it is the stem's
_STEM = re.compile("^[وف]?(?:[بلك]?ال|لل)?")
_TLD = r"(?:gov\.ma|gouv\.fr|ma|com|org|net|fr)"
_ADDRESS = rf"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.{_TLD}\b"
_MANY_W = re.compile(rf"^(?!www\.)[Ww]{{3,}}\.(?={_ADDRESS})")
_NO_DOT = re.compile(rf"^www(?=[a-z0-9-]{{3,}}(?:\.[a-z0-9-]+)*\.{_TLD}\b)")
_JUNK = re.compile(rf"^(www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.{_TLD})[:;|]([^\s/]+)$")


def _skeleton(ch: str) -> int | str:
    from .months import _shape

    return _shape(ch)


def _doubles(word: str, i: int) -> bool:
    ch = word[i]
    return any(ch == n or (ch not in TEETH and n not in TEETH and _skeleton(ch) == _skeleton(n))
               for n in (word[i - 1] if i else "", word[i + 1] if i + 1 < len(word) else "") if n)


def _candidates(word: str) -> dict[str, bool]:
    """The words one doubling letter taken out makes (the guards of the module's docstring) -> whether the letter
    was the same as its neighbour (not only its dotted twin)."""
    stem = _STEM.match(word).end()  # type: ignore[union-attr]
    out: dict[str, bool] = {}
    for i in range(1, len(word) - 1):
        if not _doubles(word, i):
            continue
        same = word[i] in (word[i - 1], word[i + 1])
        first = i - 1 if word[i - 1] == word[i] or _skeleton(word[i - 1]) == _skeleton(word[i]) else i
        if same and first < stem + 2:
            continue  # the same letter twice at a stem's start: a prefix (تتميمه)
        if first + 1 >= len(word) - 1 or (first + 2 == len(word) - 1 and word[-1] in ENDINGS and same):
            continue  # a double ending the word, or just before its ending letter: the stem's own (المحدد, المنزليين)
        cand = word[:i] + word[i + 1:]
        if not same and len(word) - stem <= 3 and not any(c in WEAK for c in word[stem:]):
            continue  # dotted twins in a stem of three consonants: the root's own pair (الرزم), no letter to spare
        if normalise_ar(cand) != normalise_ar(word):
            out[cand] = out.get(cand, False) or same
    return out


def _loop_tooth(word: str) -> tuple[set[str], set[str]]:
    """The words made by reading a tooth before ``ص ض ط ظ`` as their own entry stroke: the tooth taken out
    (``العرائنض``: العرائض), or the tooth and the loop read as one ``ط``/``ظ`` (``القتضاع``: القطاع).
    The second needs ink above where the lost stem stood (a dot over the tooth or the loop, :data:`INK_ABOVE`):
    a ``ي``/``ب`` (dots below) before a bare ``ص`` has none: ``وخبيص`` (a sweet's name) is no ``وخبط``. Returns
    (the words that may mend, the words read with no such ink: they never mend, they only make a mend doubtful)."""
    out: set[str] = set()
    weak: set[str] = set()
    for i in range(1, len(word) - 1):
        if word[i] in TOOTH_LETTERS and word[i + 1] in LOOPS:
            out.add(word[:i] + word[i + 1:])
            inked = word[i] in INK_ABOVE or word[i + 1] in INK_ABOVE
            (out if inked else weak).update(word[:i] + z + word[i + 2:] for z in "طظ")
    keep = {c for c in out if normalise_ar(c) != normalise_ar(word)}
    return keep, {c for c in weak if normalise_ar(c) != normalise_ar(word)} - keep


def _tafil(word: str, cand: str) -> bool:
    """Is ``word`` a verbal noun of the pattern تفعيل (`تأريض`, `تعويض`) and ``cand`` the same letters without its
    ي: the form-V verb (`تأرض`), a word of the lists where the noun often is not, so never a letter read twice."""
    core = word[2:] if word.startswith("ال") else word
    core = core[1:] if len(core) == 6 and core[0] in "وبلف" and core[1] == "ت" else core
    return len(core) == 5 and core[0] == "ت" and core[3] == "ي" and cand.endswith(core[:3] + core[4])


def one_less(word: str) -> tuple[str | None, bool]:
    """(the one word a doubled letter taken out of ``word`` makes, or None; whether it makes two or more)."""
    from .spelling import _word
    from .wordfix import rare, real_word, suffixed

    if len(word) < MIN_LETTERS or not AR_LETTERS.match(word) or real_word(word):
        return None, False
    cands = {c: same for c, same in _candidates(word).items() if not _tafil(word, c)}
    strong, weak = _loop_tooth(word)
    loops = {c for c in strong if not _tafil(word, c)}
    found = {c for c in [*cands, *loops] if _word(c) or suffixed(c)} or \
        {c for c in [*(c for c, same in cands.items() if same), *loops] if rare(c)}
    rivals = {c for c in weak if not _tafil(word, c) and (_word(c) or suffixed(c) or rare(c))} - found
    if len(found) == 1 and not rivals:
        return found.pop(), False
    return None, len(found | rivals) > 1


def mend_token(token: str) -> tuple[str, str | None]:
    """A token as read -> (the token mended, the doubt its line takes or None)."""
    m = _EDGES.match(token)
    if m is None:
        return token, None
    head, core, tail = m.groups()
    if AR_LETTERS.match(core):
        found, two = one_less(core)
        return (f"{head}{found}{tail}", None) if found else (token, AMBIGUOUS if two else None)
    fixed, doubt = mend_address(core)
    return f"{head}{fixed}{tail}", doubt


def mend_address(word: str) -> tuple[str, str | None]:
    """A web address read with its ``www`` wrong or junk glued after it -> (put right, the doubt its line takes)."""
    if "ww" not in word.lower() or "@" in word:
        return word, None
    new = _MANY_W.sub("www.", word)
    new = _NO_DOT.sub("www.", new)
    if (m := _JUNK.match(new)) is not None:
        return m.group(1), LOST_WORD
    return new, None


def _mended(listed: list[tuple[str, float, float, float, float]]) -> list[tuple[str, float, float, float, float]] | None:
    """A line's word listing with each word mended (:func:`mend_token`), None when no word changes."""
    new = [(mend_token(w[0])[0], *w[1:]) for w in listed]
    return new if new != listed else None  # type: ignore[return-value]


def mend_page(result: OcrResult) -> int:
    """Both rules over the words of an OCR'd page's lines, in place: each line's text and its listing (the words
    the table builder reads) alike. A line keeps its confidence; one holding a word mended two ways or a word lost
    is put in doubt unless it already is. Returns the number of words changed."""
    changed = 0
    for ln in result.lines:
        toks, doubts = [], []
        for tok in ln.text.split():
            new, doubt = mend_token(tok)
            toks.append(new)
            doubts.append(doubt)
            changed += new != tok
        old = ln.text
        if any(a != b for a, b in zip(toks, old.split(), strict=True)):
            ln.text = " ".join(toks)
        if id(ln) in result.rtl_words:
            first, listed = result.rtl_words[id(ln)]
            if (mended := _mended(listed)) is not None:
                result.rtl_words[id(ln)] = (ln.text if first == old else first, mended)
        if id(ln) in result.word_boxes and (mended := _mended(result.word_boxes[id(ln)])) is not None:
            result.word_boxes[id(ln)] = mended
        doubt = next((d for d in doubts if d), None)
        if doubt and ln.doubt is None:
            ln.doubt = doubt
    return changed


SOUND = 3  # sure readings of a listed word that make it the document's sound word (as doc_words.py)
MIN_ONCE = 6  # letters of a word read once that a letter taken out may settle


def settle_extra(pages: list[list[str]], sure: list[list[bool]] | None = None) -> list[list[str]]:
    """The texts of a document's OCR'd pages with each word read once that one letter taken out inside it (not its
    first two letters nor its last) makes exactly one of the document's sound words put right: a listed word of
    MIN_LETTERS letters or more read SOUND times on lines read sure (``sure``: line by line; all when not given).
    ``الانتعقال`` where the document reads ``الانتقال`` sound elsewhere; any letter, for the document vouches."""
    from collections import Counter

    from .doc_words import _arabic_line, _core
    from .spelling import _known
    from .wordfix import real_word

    split = [[[_core(tok) for tok in t.split()] if _arabic_line(t) else [] for t in texts] for texts in pages]
    seen: Counter[str] = Counter()
    good: Counter[str] = Counter()
    for n, page in enumerate(split):
        for k, toks in enumerate(page):
            for _h, core, _t in toks:
                if AR_LETTERS.match(core):
                    seen[core] += 1
                    good[core] += (sure is None or sure[n][k]) and len(core) >= MIN_LETTERS and _known(core)
    sound = {w for w, c in good.items() if c >= SOUND}
    out = [list(texts) for texts in pages]
    for n, page in enumerate(split):
        for k, toks in enumerate(page):
            changed = False
            for j, (head, core, tail) in enumerate(toks):
                if len(core) < MIN_ONCE or seen[core] != 1 or not AR_LETTERS.match(core) or real_word(core):
                    continue
                cands = {core[:i] + core[i + 1:] for i in range(2, len(core) - 1)} & sound
                if len(cands) == 1:
                    toks[j] = (head, cands.pop(), tail)
                    changed = True
            if changed:
                out[n][k] = " ".join(h + c + t for h, c, t in toks)
    return out


def settle_lines(pages: list[list[TextLine]]) -> int:
    """:func:`settle_extra` over the lines of a document's OCR'd pages, in place (a line keeps its confidence and
    doubt); returns how many lines changed."""
    from .echoes import write_texts

    texts = [[ln.text for ln in lines] for lines in pages]
    return write_texts(pages, settle_extra(texts, [[ln.doubt is None for ln in lines] for lines in pages]))
