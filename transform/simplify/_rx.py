"""Compiled regular expressions, cached by pattern (the regex module's own cache is slow on hot paths)."""

from __future__ import annotations

from functools import cache

import regex


@cache
def rx(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)
