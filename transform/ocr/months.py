"""Arabic month names misread by one letter, put right against a closed list.

Tesseract reads the dots of a light scan wrongly: ``أكتوير`` for أكتوبر, ``سيتمبر`` for
سبتمبر, ``أوث`` for أوت. A date is a number token beside a month name, so a word that stands
beside a number, is not itself a month nor a word the Arabic word list knows, and differs
from exactly one month name of the list by one letter is that month. The letter must share
its skeleton (the same stroke, other dots: ب ت ث ن ي) with the month's, except in names of
six letters or more, where one letter of any kind may differ. The repair changes that one
letter of the word as read (its hamza and other letters stay as printed); it never adds or
removes a word, and a word that fits two names, or none, stays as it is.

A letter can also be lost: where the face stacks two letters (``مـ`` over ``ح``, ``ب`` beside
``ر``), tesseract reads ``نوفبر`` for نوفمبر, ``فراير`` for فبراير, ``جادى`` for جمادى. A word
beside a number that is the name less one letter, and no word of the list as it stands (its
exact key: ``ماس`` and ``مار`` are words, they stay), gets that letter back, again only when
one name of the list fits.

Two Hijri months are named with an ordinal, ``ربيع الثاني 1394``, ``جمادى الأولى``: the name stands beside
the ordinal, the ordinal beside the year, and it counts as beside its number. Their names are short and
made of letters that differ only by their dots: the dots of two of them read in each other's place
(``ريبع`` for ربيع) are put right when the word is no word of the list and one name only has its strokes.
Between a day and a year (``فاتح دجدير 2018``) a name of five letters or more may have two letters off, one
of them of another stroke, on the same terms.
The first day of a month is written ``فاتح``; a word standing before a month's name and its year that is
``فاتح`` less one letter (``فاح``, a word of its own, but none that comes before a date) is made ``فاتح``.
"""

from __future__ import annotations

import re

from .lexicon import AR_LETTERS, ar_key, arabic_words, known_ar, normalise_ar

# Hijri months (their first word), the Syriac names of the Mashriq, the Egyptian and Gulf
# forms, Morocco's and those of Tunisia and Algeria.
_NAMES = """
محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
يناير فبراير مارس أبريل إبريل مايو يونيو يونية يوليو يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
ماي يوليوز غشت شتنبر نونبر دجنبر
جانفي فيفري أفريل جوان جويلية أوت
""".split()
MONTHS = frozenset(normalise_ar(n) for n in _NAMES)
ANY_LETTER_FROM = 6  # names at least this long may differ by any one letter
_SKELETONS = ["بتثنيى", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق", "هة", "وؤ", "اأإآ"]
_SKELETON = {ch: k for k, group in enumerate(_SKELETONS) for ch in group}
_NUMBER = re.compile(r"^[(\[]?\d{1,4}[)\].,،:]?$")
_ORDINALS = frozenset(normalise_ar(w) for w in "الأول الثاني الآخر الأولى الثانية الآخرة".split())  # ربيع الثاني, جمادى الأولى
FIRST = "فاتح"  # the first day of a month, in Moroccan dates
_DAY = re.compile(r"^(?:[1-9]|[12]\d|3[01]|0[1-9]|فاتح)$")  # a day before a month's name
_YEAR = re.compile(r"^(?:1[34]\d\d|19\d\d|20\d\d)[).,،]?$")  # a year after it (Hijri or Gregorian)
DATED_FROM = 5  # names at least this long, between a day and a year, may have two letters off, one of any stroke


def _shape(ch: str) -> int | str:
    return _SKELETON.get(ch, ch)


def _month_for(word: str) -> str | None:
    """The month name ``word`` misreads by one letter (the word with that letter put right),
    or None."""
    if len(word) < 3 or not AR_LETTERS.match(word):
        return None
    norm = normalise_ar(word)
    if norm in MONTHS:
        return None
    subs = not known_ar(word)  # a word known with its clitics stays whole
    lost = ar_key(norm) not in arabic_words()  # ...but may have lost a letter when it is no word as it stands
    if not subs and not lost:
        return None
    fits: list[tuple[int, str, bool]] = []  # (place, name, a letter lost there)
    for name in MONTHS:
        if subs and len(name) == len(norm):
            diff = [i for i, (a, b) in enumerate(zip(norm, name, strict=True)) if a != b]
            if len(diff) == 1 and (len(name) >= ANY_LETTER_FROM or _shape(norm[diff[0]]) == _shape(name[diff[0]])):
                fits.append((diff[0], name, False))
        elif lost and len(name) == len(norm) + 1:
            i = next((k for k, (a, b) in enumerate(zip(norm, name, strict=False)) if a != b), len(norm))
            if norm[i:] == name[i + 1:]:
                fits.append((i, name, True))
    if len(fits) != 1:
        return None
    i, name, missing = fits[0]
    return word[:i] + name[i] + word[i + (0 if missing else 1):]


def _dots_for(word: str, dated: bool = False) -> str | None:
    """The month name whose strokes ``word`` has, its dots read in two places (``ريبع`` for ربيع),
    when ``word`` is no word of the list and one name only fits; else None. ``dated``: the word stands
    between a day and a year, and one of the two letters may be of any stroke in names of five letters or
    more (``فاتح دجدير 2018`` for دجنبر)."""
    if len(word) < 3 or not AR_LETTERS.match(word) or known_ar(word):
        return None
    norm = normalise_ar(word)
    fits = []
    for name in MONTHS:
        if len(name) != len(norm) or name == norm:
            continue
        diff = [(a, b) for a, b in zip(norm, name, strict=True) if a != b]
        same = sum(_shape(a) == _shape(b) for a, b in diff)
        if len(diff) == 2 and (same == 2 or (dated and same == 1 and len(name) >= DATED_FROM)):
            fits.append(name)
    return fits[0] if len(fits) == 1 and word == norm else None


def _is_month(word: str) -> bool:
    return normalise_ar(word) in MONTHS


def repair_months(words: list[str]) -> list[str]:
    """``words`` (one line, logical order) with the month names misread by one letter put
    right where a number stands beside them (or beside the ordinal that follows a Hijri name),
    and ``فاتح`` before a month's name given the letter it lost."""
    out = list(words)
    for i, w in enumerate(words):
        beside = (i > 0 and _NUMBER.match(words[i - 1])) or (i + 1 < len(words) and _NUMBER.match(words[i + 1]))
        ordinal = i + 2 < len(words) and normalise_ar(words[i + 1]) in _ORDINALS and _NUMBER.match(words[i + 2])
        dated = 0 < i < len(words) - 1 and _DAY.match(words[i - 1]) and _YEAR.match(words[i + 1])
        if beside and (fixed := _month_for(w)) is not None:
            out[i] = fixed
        elif (ordinal or dated) and (fixed := _month_for(w) or _dots_for(w, bool(dated))) is not None:
            out[i] = fixed
    for i, w in enumerate(out[:-2]):  # ``فاتح`` before a month's name and its year, or its ordinal and year
        dated = _NUMBER.match(out[i + 2]) or (i + 3 < len(out) and normalise_ar(out[i + 2]) in _ORDINALS and _NUMBER.match(out[i + 3]))
        if dated and _is_month(out[i + 1]) and w != FIRST and len(w) == len(FIRST) - 1 and _subsequence(w, FIRST):
            out[i] = FIRST
    return out


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)
