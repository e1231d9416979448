"""Reading decimals the same way in every language: only the words differ."""

from __future__ import annotations

from collections.abc import Callable, Sequence


def decimal_readers(
    cardinal: Callable[[int], str], units: Sequence[str], separator: str
) -> tuple[Callable[[str], str], Callable[[str], str], Callable[[int, str], str]]:
    """``(digits, fraction_words, decimal)`` for a language.

    ``digits("05")`` reads digit by digit; ``fraction_words`` reads the part after the
    decimal comma as a number unless it starts with 0 or is longer than 3 digits;
    ``decimal(2, "8")`` joins both with the language's ``separator`` ("virgule", "فاصلة"...).
    """

    def digits(s: str) -> str:
        return " ".join(units[int(c)] for c in s)

    def fraction_words(frac: str) -> str:
        if frac.startswith("0") or len(frac) > 3:
            return digits(frac)
        return cardinal(int(frac))

    def decimal(int_part: int, frac: str) -> str:
        return f"{cardinal(int_part)} {separator} {fraction_words(frac)}" if frac else cardinal(int_part)

    return digits, fraction_words, decimal
