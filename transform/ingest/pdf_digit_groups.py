"""Digit groups set apart by a drawn gap, with no space character between them.

French typesetting separates the thousands of a number with a thin space; some producers
(InDesign) draw it as a move of the pen, not as a character, and pdfium writes the number as
one run of digits (``14 949`` read ``14949``). In a left-to-right line, a run of four digits or
more whose glyphs leave a gap at the places that cut it into groups of three from the right
(``14|949``, ``1|234|567``), and touch everywhere else, gets a space at each gap. The gaps are
measured on the loose boxes (the font's advance), where the digits of one number touch: a gap of
0.12 of a digit's width or more is a space the producer drew; any other gap in the run keeps it as
it is (a run spaced all along, a column of figures drawn apart), and so does a gap that does not
fall at a thousands boundary (``2024`` drawn ``20 24``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .base import TextLine

RUN = re.compile("[0-9]{4,}")  # left to right and greedy: each match is a whole run (no lookaround: the page scan is the cost)
WIDE = 0.12  # a gap of this share of the digit width is a drawn space
TIGHT = 0.03  # every other gap of the run at most this share: the digits of one group touch

Box = Callable[[int], tuple[float, float]]
# every byte of a page's text encoded to ASCII (one ``?`` for each other character: the same indices) made ``0`` for
# a digit, ``.`` for anything else, so that the runs are found by byte searches (``runs``)
_DIGIT_BYTES = bytes(0x30 if 0x30 <= b <= 0x39 else 0x2E for b in range(256))


def runs(text: str) -> list[tuple[int, str]]:
    """(start, digits) of each run of four ASCII digits or more of ``text``, left to right: ``RUN.finditer``'s
    matches, found by byte searches instead of the pattern's character-by-character scan of a whole page."""
    marks = text.encode("ascii", "replace").translate(_DIGIT_BYTES)
    out = []
    at = marks.find(b"0000")
    while at >= 0:  # the leftmost four digits after the last run: a run's first four
        end = marks.find(b".", at + 4)
        if end < 0:
            end = len(marks)
        out.append((at, text[at:end]))
        at = marks.find(b"0000", end)
    return out


def groups_spaced(digits: str, at: int, box: Box) -> str | None:
    """``digits`` (whose first character is the text page's character ``at``) with a space at each
    drawn thousands gap, or None when the run is to stay as it is. The last thousands boundary is
    looked at first (two boxes): most runs (years) end there."""
    n = len(digits)
    left, right = box(at + n - 4), box(at + n - 3)
    if right[0] - left[1] < WIDE * (left[1] - left[0]):
        return None
    boxes = [box(at + k) for k in range(n)]
    width = sorted(b[1] - b[0] for b in boxes)[n // 2]
    if width <= 0:
        return None
    for k in range(1, n):
        gap = boxes[k][0] - boxes[k - 1][1]
        if (n - k) % 3 == 0:
            if gap < WIDE * width:
                return None  # every thousands boundary drawn apart, or the run stays
        elif abs(gap) > TIGHT * width:
            return None  # digits of one group neither touching nor drawn a space apart
    return " ".join(digits[max(0, k - 3) : k] for k in range(n % 3 or 3, n + 1, 3))


def space_digit_groups(lines: Sequence[TextLine], text: str, box: Box) -> None:
    """Put the drawn thousands spaces into the left-to-right lines of a page (``text``: the text
    page's characters, ``box``: a character's loose x extent). Lines keep their text elsewhere."""
    found = [(at, digits, spaced) for at, digits in runs(text) if not _year(digits) and (spaced := groups_spaced(digits, at, box))]
    for at, digits, spaced in found:
        for ln in lines:
            start = getattr(ln, "start", 0)
            if start <= at < start + getattr(ln, "count", 0) and not getattr(ln, "rtl", False):
                for target in (ln, *getattr(ln, "parts", ())):  # the line, and its two sides when a gutter cuts it
                    target.text = _replace_once(target.text, digits, spaced)


def _year(digits: str) -> bool:
    """Four digits that may be a year (19xx, 20xx): most runs of a page, passed over for speed (an
    amount of 1 900 to 2 099 drawn with a gap keeps its digits together)."""
    return len(digits) == 4 and digits[:2] in ("19", "20")


def _replace_once(line: str, digits: str, spaced: str) -> str:
    """``line`` with its run ``digits`` spaced, when the run is there once (then it is the one measured)."""
    found = [r for r in RUN.finditer(line) if r.group(0) == digits]
    if len(found) != 1:
        return line
    return line[: found[0].start()] + spaced + line[found[0].end() :]
