"""Sentence segmentation that knows Arabic and French punctuation.

Splits after ``. ! ? ؟ ؛ …`` followed by a space, but not inside numbers
(``2,8``, ``1 250 000``, ``111.14``, and a number whose full stop is followed by another digit
group or number: ``2.26. 530``, ``31. 12. 2026``, ``12. و 15``), after a numbered label that
runs on (``Article 2. – Le décret``), after ``n°``, after common French abbreviations
(``M.``, ``art.``, ``etc.``) or single-letter initials.
"""

from __future__ import annotations

import re

import regex

from ._cache import TextCache

ABBREVIATIONS = frozenset(
    "m mm mme mmes mlle dr pr st ste art arts al n no nos p pp cf etc ex av bd vol éd ed env min max "
    "fig tab chap cass".split()
)
_BOUNDARY = regex.compile(r"(?<=[.!?؟؛…])[\"»”’)\]]*\s+")
_DIGITS_ONLY = regex.compile(r"\d+")


_NUMBER_DOT = re.compile(r"([0-9\u0660-\u0669]+)\.$")  # a token that is (or ends with) a number and a full stop
_DASH = re.compile(r"[-–—] ")
_GROUP = re.compile(r"[0-9\u0660-\u0669]{3}(?![0-9\u0660-\u0669])")
_NUMBER_GOES_ON = re.compile(r"[0-9\u0660-\u0669]|و ?[0-9\u0660-\u0669]|[-–—] ")  # what follows it in the same sentence
_ANY_BOUNDARY = re.compile(r"[.!?؟؛…][\"»”’)\]]*\s")  # cheap pre-check with the standard re module


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; whitespace is normalised, nothing is dropped (the pieces
    of each text are kept, see :mod:`._cache`; the caller gets its own list)."""
    return list(_PIECES.get(text))


def _split(text: str) -> tuple[str, ...]:
    return tuple(_split_list(text))


def _split_list(text: str) -> list[str]:
    text = " ".join(text.split())
    if not _ANY_BOUNDARY.search(text):  # most headings, cells and items: one sentence
        return [text] if text else []
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        # the last word before the boundary: the text's only whitespace is single spaces now, and
        # the boundary starts right after a punctuation mark (a regular expression anchored at the
        # end would try every position of the sentence)
        space = text.rfind(" ", start, m.start())
        token = text[max(space + 1, start) : m.start()]
        if _is_abbreviation(token):
            continue
        nxt = text[m.end() : m.end() + 1]
        if token.endswith(".") and nxt.islower():  # "etc. et la suite": no new sentence in lower case
            continue
        if token.endswith(".") and _DASH.match(text, m.end()):
            continue  # "ARTICLE PREMIER. – Est approuvé": a run-in label and its text
        if (num := _NUMBER_DOT.search(token)) and (goes := _NUMBER_GOES_ON.match(text, m.end())):
            # a digit group (3 digits) or a short date part goes on the number; a year then a new sentence does not
            if not goes.group(0)[0].isdigit() or len(num.group(1)) <= 2 or _GROUP.match(text, m.end()):
                continue  # "2.26. 530", "1. 250 000", "12. و 15", "31. 12. 2026", "Article 2. – Le...": one number or label goes on
        out.append(text[start : m.end()].rstrip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


_PIECES: TextCache[tuple[str, ...]] = TextCache(_split)


def _is_abbreviation(token: str) -> bool:
    if not token.endswith("."):
        return False
    core = token.rstrip(".").lstrip("(«\"“")
    if not core:
        return False
    if len(core) == 1 and core.isalpha():  # initials: "A. Benali"
        return True
    if _DIGITS_ONLY.fullmatch(core):  # "1." as a list marker inside text
        return False
    return core.lower() in ABBREVIATIONS or "." in core  # "J.-C." "c.-à-d."
