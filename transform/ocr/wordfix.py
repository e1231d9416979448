"""Arabic words read with fair confidence that no list knows, put right when one letter settles it.

:mod:`spelling` repairs the words tesseract reads under ``LOW_CONF``. On the corpus's scans the
same one-letter misreadings also come back read at 80-93 %: ``الشفل`` for الشغل (four printings
on one page, 84-93 %), ``الجهوبة`` for الجهوية, ``الخاضة`` for الخاصة, ``رحصة`` for رخصة, ``قبام``
for قيام, ``المفاولة`` for المقاولة. A confidence that high says the model saw the strokes, not
that it saw the dots. Such a word is changed when

* it was read under HIGH_CONF, is Arabic letters only (three or more), and is no word: not in
  the word list (:func:`spelling._word`), nor in the rare forms (``data/ar_words_rare.txt``:
  the forms of tesseract's own list kept by no other, ``المنتدب``, ``بمثابة``, ``الطرقية``), nor a
  known word with a pronoun after it (``حالته``, ``باسمه``, ``بصفته``: the suffix off, ``ت`` back to
  ``ة``), nor a month;
* one candidate settles it (:func:`spelling.one_candidate`: a dot changed within the letter's
  skeleton, a stacked letter put back, a letter read twice taken out; a changed letter first);
* the page does not read the same word very sure (VERY_SURE_CONF) elsewhere: the same misreading
  comes back sure on every printing of a word, so the sure words of :mod:`spelling` do not veto.

The pronoun rule also keeps :mod:`spelling`'s repair of unsure words off known words with a pronoun
(the rare forms do not: ``والماية``, ``زبارة`` are in tesseract's list, and misread). Measured as if each of the 15,971 Arabic words of the 161 truth pages had been read
at 85 % on a page reading nothing else sure: 11 change (names and rare terms no list holds:
``الأوراش``, ``بنسامي``); without the rare forms, 62 (tests/ocr/test_word_repair.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import AR_LETTERS, AR_PROCLITICS, DATA, ar_key, normalise_ar
from .months import MONTHS, _month_for
from .spelling import _EDGES, LOW_CONF, MIN_LETTERS, VERY_SURE_CONF, _candidates, _known, _word, one_candidate

HIGH_CONF = VERY_SURE_CONF  # words read at or over this are left as read
_PRONOUNS = ("هما", "هم", "ها", "ه", "ي")  # not ين, ون: النسخين, الفانون would be words


@lru_cache(maxsize=1)
def rare_words() -> frozenset[str]:
    text = (DATA / "ar_words_rare.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))


def rare(core: str) -> bool:
    """A form of tesseract's word list that no other form shares a key with (``data/ar_words_rare.txt``)."""
    norm = normalise_ar(core)
    rare = rare_words()
    if norm in rare or ar_key(norm) in rare:
        return True
    return len(norm) > 4 and norm[0] in AR_PROCLITICS and (norm[1:] in rare or ar_key(norm[1:]) in rare)


def suffixed(core: str) -> bool:
    """A known word with a pronoun after it (``حالته``, ``بصفته``, ``باسمه``)."""
    for suf in _PRONOUNS:
        stem = core[: -len(suf)]
        if core.endswith(suf) and len(stem) >= MIN_LETTERS:
            if _known(stem) or (suf != "ي" and rare(stem)) or (stem.endswith("ت") and _known(stem[:-1] + "ة")):
                return True
    return False


@lru_cache(maxsize=65536)
def real_word(core: str) -> bool:
    """Is ``core`` (Arabic letters) a word: listed, a rare form, a listed word with a pronoun, a month?"""
    return (_word(core) or rare(core) or suffixed(core) or normalise_ar(core) in MONTHS
            or _month_for(core) is not None)


def repair_fair(word: str, conf: float, sure: set[str] | frozenset[str] = frozenset()) -> str:
    """``word`` read at ``conf`` (LOW_CONF to HIGH_CONF) put right by one letter (module docstring)."""
    if not LOW_CONF <= conf < HIGH_CONF:
        return word
    m = _EDGES.match(word)
    if m is None:
        return word
    head, core, tail = m.groups()
    very = getattr(sure, "very", sure)  # the page's words read very sure (spelling.sure_words)
    if len(core) < MIN_LETTERS or not AR_LETTERS.match(core) or normalise_ar(core) in very or real_word(core):
        return word
    found = one_candidate(core, sure) or with_pronoun(core)
    return f"{head}{found}{tail}" if found else word


_OBJECT_PRONOUNS = ("هما", "ها", "هم", "كم", "ه")  # after a noun or a verb: إمضائه، اتخاذها، توصلكم


def with_pronoun(core: str) -> str | None:
    """A word with a pronoun after it, misread by one letter in its stem (``انخاذها`` for اتخاذها,
    ``صياتتها`` for صيانتها, ``إمضانه`` for إمضائه): the stem as a word stands (``ت`` back to ``ة``, a
    hamza's seat ``ئ`` or a misread ``ن`` at its end back to ``ء``) put right by one changed letter
    (:func:`spelling._candidates`; no letter put back or taken out: ``ننبهكم`` is no ``نبهكم``
    read twice), the pronoun kept, when one stem settles it; else None. The candidates of the whole word are
    looked up without suffixes, so :func:`one_candidate` alone finds none."""
    found = set()
    for suf in _OBJECT_PRONOUNS:
        stem = core[: -len(suf)]
        if not core.endswith(suf) or len(stem) < MIN_LETTERS:
            continue
        bare = stem[:-1] + "ة" if stem.endswith("ت") else stem
        if stem[-1] in "ئن" and _known(stem[:-1] + "ء"):  # إمضانه: the seat of the hamza before a pronoun
            found.add(stem[:-1] + "ئ" + suf)
            continue
        changed = _candidates(bare, with_stacked=False)  # a letter changed, none put back or taken out
        if len(changed) == 1:
            cand = next(iter(changed.values()))
            found.add((cand[:-1] + "ت" if bare != stem and cand.endswith("ة") else cand) + suf)
    return found.pop() if len(found) == 1 else None


_PRONOUN_END = re.compile("(?<=[\u0621-\u064a]{2})(?:([محج])م|([حج])ا)$")  # ـمم، ـحم for ـهم; ـحا for ـها


def pronoun_end(word: str) -> str:
    """The pronoun ``هم``/``ها`` at a word's end, its ``ه`` read ``م``, ``ح`` or ``ج`` on a light face
    (``لفائدتمم`` for لفائدتهم, ``وأنمم`` for وأنهم, ``عليحم``): put back when the word as read is no word
    (:func:`real_word`) and the word with ``ه`` is a known word with that pronoun (:func:`suffixed`).
    Not ``ـما`` for ``ـها``: loanwords end so (``سنتيما``). Any confidence; else as read."""
    m = _EDGES.match(word)
    if m is None:
        return word
    head, core, tail = m.groups()
    e = _PRONOUN_END.search(core)
    if e is None or not AR_LETTERS.match(core) or real_word(core):
        return word
    cand = core[:e.start()] + ("هم" if e.group(1) else "ها")
    return f"{head}{cand}{tail}" if suffixed(cand) else word


def nisba_end(word: str) -> str:
    """The adjective's ending ``ية`` read ``بة`` (``الطرقبة`` for الطرقية, ``المستوفبة``): put back when the
    word as read is no word and the word with ``ية`` is one, a rare form included (``الطرقية`` is in
    tesseract's list only). Any confidence; else as read."""
    m = _EDGES.match(word)
    if m is None:
        return word
    head, core, tail = m.groups()
    if len(core) < MIN_LETTERS + 2 or not core.endswith("بة") or not AR_LETTERS.match(core) or real_word(core):
        return word
    cand = core[:-2] + "ية"
    return f"{head}{cand}{tail}" if real_word(cand) else word
