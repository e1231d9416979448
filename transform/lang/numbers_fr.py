"""French number words (traditional spelling: ``vingt et un``, ``quatre-vingts``, ``deux cents``).

Examples::

    >>> cardinal(71)
    'soixante et onze'
    >>> cardinal(1_250_000_000)
    'un milliard deux cent cinquante millions'
    >>> cardinal(200_000)
    'deux cent mille'
"""

from __future__ import annotations

from ._decimal import decimal_readers

UNITS = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
]  # fmt: skip
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
SCALES = [(10**9, "milliard"), (10**6, "million")]


def _below_100(n: int, final: bool) -> str:
    if n < 17:
        return UNITS[n]
    if n < 20:
        return "dix-" + UNITS[n - 10]
    if n < 70:
        tens, unit = divmod(n, 10)
        if unit == 0:
            return TENS[tens]
        return TENS[tens] + (" et un" if unit == 1 else "-" + UNITS[unit])
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + _below_100(n - 60, final)
    if n == 80:
        return "quatre-vingts" if final else "quatre-vingt"
    return "quatre-vingt-" + _below_100(n - 80, final)


def _below_1000(n: int, final: bool) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _below_100(rest, final)
    head = "cent" if hundreds == 1 else UNITS[hundreds] + " cent"
    if rest == 0:
        return head + ("s" if hundreds > 1 and final else "")
    return head + " " + _below_100(rest, final)


def cardinal(n: int) -> str:
    """Cardinal number in words; ``final`` plural marks (cents, vingts) follow the usual rules."""
    if n < 0:
        return "moins " + cardinal(-n)
    if n < 1000:
        return _below_1000(n, True)
    parts: list[str] = []
    for value, word in SCALES:
        q, n = divmod(n, value)
        if q:
            # million / milliard are nouns: "deux cents millions", "quatre-vingts millions"
            parts.append(f"{cardinal(q)} {word}{'s' if q > 1 else ''}")
    q, n = divmod(n, 1000)
    if q:
        # mille is invariable and takes no "un"; the multiplier is not final: "deux cent mille"
        parts.append("mille" if q == 1 else _below_1000(q, False) + " mille")
    if n:
        parts.append(_below_1000(n, True))
    return " ".join(parts)


def ordinal(n: int, feminine: bool = False) -> str:
    """``1 -> premier/première``, ``2 -> deuxième``, ``21 -> vingt et unième``."""
    if n == 1:
        return "première" if feminine else "premier"
    words = cardinal(n)
    if words.endswith("cinq"):
        return words + "uième"
    if words.endswith("neuf"):
        return words[:-1] + "vième"
    if words.endswith(("cents", "vingts", "millions", "milliards")):
        words = words[:-1]
    if words.endswith("e"):
        words = words[:-1]
    return words + "ième"


digits, fraction_words, decimal = decimal_readers(cardinal, UNITS, "virgule")
