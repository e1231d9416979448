"""Speakable Darija (``text_audio`` of DARIJA_GUIDE §3.2): every number, date, percentage and symbol
in words, so the narration engine reads exactly what a listener should hear (gate M12)."""

from __future__ import annotations

import regex

from .numbers import say_int, say_number

_NUM = regex.compile(r"(?<![\p{L}\d])(\d{1,3}(?: \d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d])")
_ARABIC_WORD = regex.compile(r"\p{Arabic}+")
# after these words a number is not "counted" (no ر on 11-19): ف المية, months, و, connectors
_NOT_COUNTED = frozenset(
    "ف و من حتى ل د ديال هي هو يناير فبراير مارس أبريل ماي يونيو يوليوز غشت شتنبر أكتوبر نونبر دجنبر".split()
)
SYMBOLS = {"%": " ف المية", "/": " ", "-": " ", "–": " ", "—": " ", "+": " زايد ", "=": " ", "&": " و ", "#": " ", "*": " "}


def _counted_next(rest: str) -> bool:
    m = _ARABIC_WORD.match(rest.lstrip())
    return bool(m) and m.group(0) not in _NOT_COUNTED and not rest.lstrip().startswith("ف المية")


def speakable(text: str) -> str:
    """Darija text with numbers and symbols verbalised: ``12 مشروع`` -> ``طناشر مشروع``."""
    text = regex.sub(r"(\d)\s*%", r"\1 ف المية", text)
    text = regex.sub(r"(?<=\d)\s*[-–]\s*(?=\d)", " حتى ", text)

    def num(m: regex.Match[str]) -> str:
        tok = m.group(1)
        counted = _counted_next(text[m.end() :])
        if regex.fullmatch(r"\d+", tok):
            return say_int(int(tok), counted)
        return say_number(tok, counted)

    text = _NUM.sub(num, text)
    for sym, word in SYMBOLS.items():
        text = text.replace(sym, word)
    text = regex.sub(r"[()\[\]{}«»\"“”;؛]", " ", text)
    # Latin letters of an unexpanded acronym are spelled letter by letter
    text = regex.sub(r"\b([A-Z]{2,8})\b", lambda m: " ".join(m.group(1)), text)
    return " ".join(text.split())


def is_speakable(text: str) -> bool:
    """M12: no digits, %, /, - left."""
    return not regex.search(r"[\d%/\-٠-٩]", text)
