"""Language of a piece of text: Arabic (MSA), Darija, French or English, by script and function words."""

from __future__ import annotations

import re

import regex

from ._cache import TextCache

ARABIC_LETTER = regex.compile(r"(?=\p{L})\p{Script=Arabic}")
LATIN_LETTER = regex.compile(r"(?=\p{L})\p{Script=Latin}")
WORD = regex.compile(r"\p{L}+")

FRENCH = frozenset(
    "le la les des du de un une et est sont au aux pour par sur dans avec en à ce cette ces qui que qu "
    "il elle ils nous vous leur leurs son sa ses pas plus ne se été être ont a l d millions milliards dirhams "
    "région conseil budget".split()
)
ENGLISH = frozenset("the of and to is are for with on in this that these which by be was were from an it its as at".split())
DARIJA = frozenset(
    "ديال ديالو ديالها ديالهم غادي كاين كاينة كاينين ماكاينش هاد هادي هادو داكشي هادشي اللي باش حيت بزاف "
    "شوية دابا واش شنو علاش فين كيفاش شحال شكون ماشي والو بحال ملي فاش خاص خاصو خاصها كاملين كاع".split()
)


# cheap pre-checks (standard ``re``, explicit ranges): most sentences are in one script only
_AR_FAST = re.compile("[\u0620-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFB\uFE70-\uFEFC]")
_LA_FAST = re.compile("[A-Za-z\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]")
# a Darija word inside the text, as a cheap test before counting words; a word that holds a
# shorter one of the list ("ديالو", "ديال") is found through it, so only the shortest are searched
_DARIJA_HINT = re.compile("|".join(sorted((w for w in DARIJA if not any(o != w and o in w for o in DARIJA)), key=len, reverse=True)))
_WORD_FAST = re.compile(r"[^\W\d_]+")
_ANY_FAST = re.compile(f"[{_AR_FAST.pattern[1:-1]}{_LA_FAST.pattern[1:-1]}]")  # either class: one scan to the first such letter


DEFAULT = ""  # detect_core: no letters to judge by, the caller's default
FR_OR_DEFAULT = "fr?"  # detect_core: Latin text without function words, the default when it is fr/en, else fr


def detect(text: str, default: str | None = None) -> str | None:
    """Best guess of the language of ``text``: ``ar``, ``ary``, ``fr``, ``en`` or ``default``."""
    return resolve_default(detect_core(text), default)


def resolve_default(core: str, default: str | None) -> str | None:
    """The answer of :func:`detect` from the answer of :func:`detect_core` and the default."""
    if core == DEFAULT:
        return default
    if core == FR_OR_DEFAULT:
        return default if default in ("fr", "en") else "fr"
    return core


def detect_core(text: str) -> str:
    """:func:`detect` without the default: a language, :data:`DEFAULT` or :data:`FR_OR_DEFAULT`
    (so one answer serves callers with different defaults). Answers are kept per text (see
    :mod:`._cache`)."""
    return _CORES.get(text)


def _detect_core(text: str) -> str:
    has_ar = _AR_FAST.search(text) is not None
    has_la = _LA_FAST.search(text) is not None
    if not has_ar and not has_la:
        return DEFAULT
    if has_ar and not has_la and not _DARIJA_HINT.search(text):
        return "ar"
    if has_la and not has_ar:
        words = _WORD_FAST.findall(text.lower())
        fr = sum(map(FRENCH.__contains__, words))
        en = sum(map(ENGLISH.__contains__, words))
        if en > fr:
            return "en"
        return FR_OR_DEFAULT if fr == 0 and en == 0 else "fr"
    ar = len(ARABIC_LETTER.findall(text)) if has_ar else 0
    la = len(LATIN_LETTER.findall(text)) if has_la else 0
    if ar == 0 and la == 0:
        return DEFAULT
    if ar >= la:
        words = WORD.findall(text)
        d = sum(map(DARIJA.__contains__, words))
        return "ary" if words and d / len(words) >= 0.08 and d >= 2 else "ar"
    words = [w.lower() for w in WORD.findall(text)]
    fr = sum(map(FRENCH.__contains__, words))
    en = sum(map(ENGLISH.__contains__, words))
    if en > fr:
        return "en"
    return FR_OR_DEFAULT if fr == 0 and en == 0 else "fr"


_CORES: TextCache[str] = TextCache(_detect_core)


def has_letters(text: str) -> bool:
    return bool(_ANY_FAST.search(text) or ARABIC_LETTER.search(text) or LATIN_LETTER.search(text))
