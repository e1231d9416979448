"""Modern Standard Arabic number words (masculine), as read aloud in Moroccan broadcasts.

``case="nom"`` gives the citation (nominative) forms used for amounts
(``مليار ومائتان وخمسون مليونا``); ``case="obl"`` gives the oblique forms that
follow a preposition or an implied ``سنة`` (years: ``ألفين وستة وعشرين``).
The counted noun after a scale word follows the classical rule: 3-10 take the
plural (``ثلاثة آلاف``), 11-99 the accusative singular (``خمسون ألفا``), round
hundreds the singular (``مائة ألف``). Diacritics are added later by the
tashkeel model; the words here are written without them.
"""

from __future__ import annotations

from ._decimal import decimal_readers

ONES = ["صفر", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"]
TENS = {2: "عشرون", 3: "ثلاثون", 4: "أربعون", 5: "خمسون", 6: "ستون", 7: "سبعون", 8: "ثمانون", 9: "تسعون"}
HUNDREDS = {
    1: "مائة", 2: "مائتان", 3: "ثلاثمائة", 4: "أربعمائة", 5: "خمسمائة",
    6: "ستمائة", 7: "سبعمائة", 8: "ثمانمائة", 9: "تسعمائة",
}  # fmt: skip
# scale: (singular, dual, plural 3-10, accusative singular 11-99)
SCALES = [
    (10**9, ("مليار", "ملياران", "مليارات", "مليارا")),
    (10**6, ("مليون", "مليونان", "ملايين", "مليونا")),
    (10**3, ("ألف", "ألفان", "آلاف", "ألفا")),
]
# Moroccan month names (as used in official Moroccan Arabic texts)
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]

_OBLIQUE = {"اثنان": "اثنين", "مائتان": "مائتين", "ألفان": "ألفين", "مليونان": "مليونين", "ملياران": "مليارين", "اثنا": "اثني"}


def _below_100(n: int) -> str:
    if n <= 10:
        return ONES[n]
    if n == 11:
        return "أحد عشر"
    if n == 12:
        return "اثنا عشر"
    if n < 20:
        return ONES[n - 10] + " عشر"
    tens, unit = divmod(n, 10)
    return TENS[tens] if unit == 0 else f"{ONES[unit]} و{TENS[tens]}"


def _below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _below_100(n)
    if rest == 0:
        return HUNDREDS[hundreds]
    return f"{HUNDREDS[hundreds]} و{_below_100(rest)}"


def _scaled(count: int, forms: tuple[str, str, str, str]) -> str:
    sing, dual, plural, acc = forms
    if count == 1:
        return sing
    if count == 2:
        return dual
    if count <= 10:
        return f"{_below_1000(count)} {plural}"
    last = count % 100
    words = cardinal(count)
    if 3 <= last <= 10:
        return f"{words} {plural}"
    if 11 <= last <= 99:
        return f"{words} {acc}"
    return f"{words} {sing}"


def _oblique(words: str) -> str:
    out = []
    for w in words.split(" "):
        rest = w[1:]
        prefix = "و" if w.startswith("و") and (rest in _OBLIQUE or rest in TENS.values()) else ""
        core = w[len(prefix) :]
        if core in _OBLIQUE:
            core = _OBLIQUE[core]
        elif core in TENS.values():
            core = core[:-2] + "ين"
        out.append(prefix + core)
    return " ".join(out)


def cardinal(n: int, case: str = "nom") -> str:
    """Cardinal number in words: ``cardinal(2026, "obl") == "ألفين وستة وعشرين"``."""
    if n < 0:
        return "ناقص " + cardinal(-n, case)
    if n < 1000:
        words = _below_1000(n)
    else:
        parts: list[str] = []
        for value, forms in SCALES:
            q, n = divmod(n, value)
            if q:
                parts.append(_scaled(q, forms))
        if n:
            parts.append(_below_1000(n))
        words = " و".join(parts)
    return _oblique(words) if case == "obl" else words


digits, fraction_words, decimal = decimal_readers(cardinal, ONES, "فاصل")
