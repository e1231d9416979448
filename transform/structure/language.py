"""Language of a piece of text: Arabic (MSA), Darija, French or English, by script and function words."""

from __future__ import annotations

import regex

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


def detect(text: str, default: str | None = None) -> str | None:
    """Best guess of the language of ``text``: ``ar``, ``ary``, ``fr``, ``en`` or ``default``."""
    ar = len(ARABIC_LETTER.findall(text))
    la = len(LATIN_LETTER.findall(text))
    if ar == 0 and la == 0:
        return default
    if ar >= la:
        words = WORD.findall(text)
        d = sum(1 for w in words if w in DARIJA or (w.startswith("ك") and w[1:2] in "يتن" and len(w) > 4 and False))
        return "ary" if words and d / len(words) >= 0.08 and d >= 2 else "ar"
    words = [w.lower() for w in WORD.findall(text)]
    fr = sum(1 for w in words if w in FRENCH)
    en = sum(1 for w in words if w in ENGLISH)
    if en > fr:
        return "en"
    if fr == 0 and en == 0 and default in ("fr", "en"):
        return default
    return "fr"


def has_letters(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text) or LATIN_LETTER.search(text))
