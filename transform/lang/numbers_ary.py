"""Moroccan Darija number words, following DARIJA_GUIDE.md §3.5.

* units: صفر واحد جوج تلاتة ربعة خمسة ستة سبعة تمنية تسعود
* 11-19: حداش ... تسعطاش; before a counted noun they take a final ر (``حداشر ألف``)
* compounds put the unit first, joined by ``و``; 2 becomes ``تنين`` and 9 ``تسعة``
  (``تنين و عشرين``, ``تسعة و عشرين``)
* hundreds: مية ميتين تلتمية ... تسعمية
* thousands: ألف، ألفين، 3-10 short form + آلاف (``ربع آلاف``), then number + ألف
* millions and milliards: number + مليون / مليار (``جوج مليار و تمنمية مليون``)
"""

from __future__ import annotations

from ._decimal import decimal_readers

UNITS = ["صفر", "واحد", "جوج", "تلاتة", "ربعة", "خمسة", "ستة", "سبعة", "تمنية", "تسعود", "عشرة"]
COMPOUND_UNITS = {2: "تنين", 9: "تسعة"}
TEENS = ["حداش", "طناش", "تلطاش", "ربعطاش", "خمسطاش", "سطاش", "سبعطاش", "تمنطاش", "تسعطاش"]
TENS = {2: "عشرين", 3: "تلاتين", 4: "ربعين", 5: "خمسين", 6: "ستين", 7: "سبعين", 8: "تمانين", 9: "تسعين"}
HUNDREDS = {
    1: "مية", 2: "ميتين", 3: "تلتمية", 4: "ربعمية", 5: "خمسمية",
    6: "ستمية", 7: "سبعمية", 8: "تمنمية", 9: "تسعمية",
}  # fmt: skip
SHORT = {3: "تلت", 4: "ربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "تمن", 9: "تسع", 10: "عشر"}
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]
JOIN = " و "


def _below_100(n: int, counted: bool) -> str:
    if n <= 10:
        return UNITS[n]
    if n < 20:
        return TEENS[n - 11] + ("ر" if counted else "")
    tens, unit = divmod(n, 10)
    if unit == 0:
        return TENS[tens]
    return COMPOUND_UNITS.get(unit, UNITS[unit]) + JOIN + TENS[tens]


def _below_1000(n: int, counted: bool) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _below_100(rest, counted)
    if rest == 0:
        return HUNDREDS[hundreds]
    return HUNDREDS[hundreds] + JOIN + _below_100(rest, counted)


def _thousands(q: int) -> str:
    if q == 1:
        return "ألف"
    if q == 2:
        return "ألفين"
    if q in SHORT:
        return SHORT[q] + " آلاف"
    return cardinal(q, counted=True) + " ألف"


def _big(q: int, word: str) -> str:
    if q == 1:
        return word
    return cardinal(q, counted=True) + " " + word


def cardinal(n: int, counted: bool = False) -> str:
    """Darija cardinal. ``counted=True`` when a noun follows (``حداشر``).

    >>> cardinal(1_250_000_000)
    'مليار و ميتين و خمسين مليون'
    """
    if n < 0:
        return "ناقص " + cardinal(-n, counted)
    if n < 1000:
        return _below_1000(n, counted)
    parts: list[str] = []
    q, n = divmod(n, 10**9)
    if q:
        parts.append(_big(q, "مليار"))
    q, n = divmod(n, 10**6)
    if q:
        parts.append(_big(q, "مليون"))
    q, n = divmod(n, 1000)
    if q:
        parts.append(_thousands(q))
    if n:
        parts.append(_below_1000(n, counted))
    return JOIN.join(parts)


digits, fraction_words, decimal = decimal_readers(cardinal, UNITS, "فاصلة")
