"""A bounded cache of answers that depend on a text alone (language, sentence pieces).

A document is read again (inspect, then convert; a new output) and documents of one kind
repeat their headings and formulas, so the structure stage keeps what it found for each
text. The cache is emptied when the texts it holds pass ``max_chars`` characters (a few MB
at most) and by :meth:`TextCache.clear` (benchmarks measuring a cold start).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
_ALL: list[TextCache[object]] = []


class TextCache(Generic[T]):
    __slots__ = ("answers", "chars", "compute", "max_chars")

    def __init__(self, compute: Callable[[str], T], max_chars: int = 2_000_000) -> None:
        self.compute = compute
        self.max_chars = max_chars
        self.answers: dict[str, T] = {}
        self.chars = 0
        _ALL.append(self)  # type: ignore[arg-type]

    def get(self, text: str) -> T:
        answer = self.answers.get(text)
        if answer is None:
            answer = self.compute(text)
            if self.chars + len(text) > self.max_chars:
                self.clear()
            self.answers[text] = answer
            self.chars += len(text)
        return answer

    def clear(self) -> None:
        self.answers.clear()
        self.chars = 0


def clear_caches() -> None:
    """Empty every text cache of the structure stage."""
    for cache in _ALL:
        cache.clear()
