"""Speakable Darija (``text_audio`` of DARIJA_GUIDE §3.2): every number, date, percentage and symbol
in words, so the narration engine reads exactly what a listener should hear (gate M12).

The verbalisation itself is :func:`transform.lang.speakable.speakable` (shared with the audio
engine, same guide table); this module adds a last pass that guarantees the gate: any digit or
symbol still left is spelled out or removed.
"""

from __future__ import annotations

import regex

from ..lang.speakable import speakable as _lang_speakable
from .numbers import say_int, say_number

_LEFT_NUM = regex.compile(r"\d+(?:[.,]\d+)?")
SYMBOLS = {"%": " ف المية", "/": " ", "-": " ", "–": " ", "—": " ", "+": " زايد ", "=": " ", "&": " و ", "#": " ", "*": " "}


def speakable(text: str) -> str:
    """Darija text with numbers and symbols verbalised: ``12 مشروع`` -> ``طناشر مشروع``."""
    out = _lang_speakable(text, "ary")
    out = _LEFT_NUM.sub(lambda m: " " + (say_int(int(m.group(0))) if m.group(0).isdigit() else say_number(m.group(0))) + " ", out)
    for sym, word in SYMBOLS.items():
        out = out.replace(sym, word)
    out = regex.sub(r"[()\[\]{}«»\"“”;؛]", " ", out)
    return " ".join(out.split())


def is_speakable(text: str) -> bool:
    """M12: no digits, %, /, - left."""
    return not regex.search(r"[\d%/\-٠-٩]", text)
