"""Clause splitting (DARIJA_GUIDE §3.2 split): cut a sentence at safe points until each piece has at
most 12 words, never inside a list of nouns."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ._rx import rx as _rx
from .data import resources
from .protect import Spans, restore
from .text import word_count

if TYPE_CHECKING:
    from .msa import DocState

MAX_WORDS = 12
CONNECTORS = ("ولكن", "حيت", "باش", "وخصوصا", "داكشي", "ملي", "وزيد", "ومن", "وغادي")
AFTERTHOUGHTS = ("بفضل", "على حساب")  # "X بفضل Y" -> "X. هادشي بفضل Y"


def split_long(words_: list[str], st: DocState, spans: Spans | None = None) -> list[list[str]]:
    """Split one sentence (as words) until each piece has at most MAX_WORDS words where a safe point exists."""
    def _wc(ws: list[str]) -> int:  # the words a reader sees (placeholders restored)
        return word_count(restore(" ".join(ws), spans)) if spans is not None else count_words(ws)

    if _wc(words_) <= MAX_WORDS:
        return [words_]
    masdars = resources().masdars
    n = len(words_)
    best: tuple[float, int, list[str] | None] | None = None
    has_future = any(w == "غادي" for w in words_)
    for i in range(2, n - 2):
        w = words_[i]
        left, right = words_[:i], words_[i:]
        if _wc(left) < 3 or _wc(right) < 3:
            continue
        if _inside_numbers(words_, i):
            continue  # "المادتين 12 و 15", "من 2022 و 2023": never cut between two numbers
        score = None
        repl: list[str] | None = None
        if w in ("،", ",", "؛") and _wc(left) >= 4 and _wc(right[1:]) >= 4:
            score, right = 1.0, right[1:]
        elif has_future and w.startswith("و") and w[1:] in masdars:
            stem = masdars[w[1:]][0]
            repl = ["وغادي", ("ت" if st.feminine else "ي") + stem]
            score = 0.5
        elif w in CONNECTORS or (w == "يا" and i + 1 < n and words_[i + 1] == "إما"):  # "يا إما X ولا Y": the choice
            score = 2.0
        elif w == "ف" and i + 1 < n and (words_[i + 1].startswith("ال") or words_[i + 1].startswith("⟦")) and _clause_follows(left):
            repl = ["هادشي", w]  # "X ف PLACE/TIME" -> "X. هادشي ف PLACE/TIME": what, then where or when
            score = 2.5
        elif w in ("بفضل",) or (w == "على" and i + 1 < n and words_[i + 1] == "حساب"):
            repl = ["هادشي", w]
            score = 2.0
        elif w.startswith("و") and (w.startswith(("وك", "وغادي", "وما", "وت", "وي")) or w == "و"):
            score = 3.0
        elif w.startswith("و") and len(w) > 3 and _clause_follows(words_[i + 1 : i + 7]):
            score = 4.0  # "X و + noun" only when a verb follows: never cut a list of nouns in two
        if score is None:
            continue
        score += abs(_wc(left) - _wc(right)) / max(n, 1)
        if best is None or score < best[0]:
            best = (score, i, repl)
    if best is None:
        return [words_]
    _, i, repl = best
    left, right = words_[:i], words_[i:]
    if right and right[0] in ("،", ",", "؛"):
        right = right[1:]
    if repl:
        right = repl + right[1:]
    return split_long(left, st, spans) + split_long(right, st, spans)


_VERBISH = regex.compile(r"^(?:[وف]?ك[يتن]\p{L}{2,}|[وف]?غادي|[وف]?ما|[وف]?كاين\p{L}*|[وف]?يقدر\p{L}*|[وف]?خاص\p{L}*|هي|هو)$")


def _clause_follows(ws: list[str]) -> bool:
    return any(_VERBISH.match(w) for w in ws)


def _is_number(w: str) -> bool:
    return bool(_rx(r"[وفبل]{0,2}(?:⟦\d+⟧|\d[\d.,]*)").fullmatch(w))


def _inside_numbers(ws: list[str], i: int) -> bool:
    """A cut before ``ws[i]`` would separate two numbers joined by و (or a number from its و + number)."""
    prev = ws[i - 1] if i > 0 else ""
    w = ws[i]
    nxt = ws[i + 1] if i + 1 < len(ws) else ""
    if w in ("،", ",") and nxt == "يعني" and i + 2 < len(ws) and _is_number(ws[i + 2]):  # "1448، يعني 25 يونيو 2026"
        return True
    if w in ("و", "،", ","):  # "12 و 15"; a Hijri date and its Gregorian date: "9 محرم 1448، 25 يونيو 2026"
        return _is_number(prev) and _is_number(nxt)
    return w.startswith("و") and _is_number(w[1:]) and _is_number(prev)


def count_words(ws: list[str]) -> int:
    return sum(1 for w in ws if _rx(r"[\p{L}\d⟦]").search(w))
