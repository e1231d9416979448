"""Digits pdfium files in the text of another printed line: a note's number drawn with the text above.

A Word layer may draw a footnote's number in the same run as a line of the body (the number's
glyph written right after the body line's bullet, its position set down at the foot of the page):
pdfium keeps content order, so the note's ``1`` reaches the body line's text (``1 -المخالفات ...``)
and the note line itself opens without it (``- الجريدة الرسمية ...``).

Such a piece is far taller than its font size allows (one comparison per piece, as in
:mod:`pdf_two_lines`). Only there are its rectangles looked at: a rectangle lying clear of the
band the others share, by more than half a line, holding one to three digits and nothing else, is
a stray. It is taken out of its piece (blanked: the page's character indices stay; the piece's
extent shrinks to the rest) when another piece's band holds it and the stray stands right beside
that piece's first or last glyph; after the lines are read (:func:`put_back`) the digits go to that
line's start or end, as the page shows them, and a number set smaller than the line is its note
call (``PdfLine.call``), as for a number pdfium leaves in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import itemgetter, le, not_, sub
from typing import TYPE_CHECKING

from .pdf_line_marks import LEAD_DIGITS
from .pdf_pieces import Piece, Style

if TYPE_CHECKING:
    from .pdf_calls import TextPageCalls
    from .pdf_text import PdfLine

TALL = 1.8  # a piece taller than this many times its font size may hold a stray (pdf_two_lines.TALL)
CLEAR = 0.5  # a stray lies clear of its piece's band by at least this share of the band's height
MAX_DIGITS = 3  # digits of a stray at most (a note number)
BESIDE = 3.0  # a stray stands within this many of its own heights of the line it belongs to
SPACE = 0.15  # a gap wider than this many of the digits' font size parts them from the line
SMALL = 0.75  # a number set smaller than this share of its line's size is a note call (as pdf_text)


@dataclass
class Stray:
    """Digits taken from one piece, waiting for the line of the piece that starts at ``home``."""

    digits: str
    home: int  # first character index of the piece (line) they belong to
    x0: float
    x1: float
    size: float  # font size of the digits as pdfium stores it
    mid: int  # a character of the home piece (its size is the line's)


def take_strays(calls: TextPageCalls, text: str, pieces: list[Piece], styles: list[Style]) -> tuple[str, list[Piece], list[Stray]]:
    """The page text and pieces with the strays of the module docstring blanked, and the strays."""
    strays: list[Stray] = []
    if len(pieces) != len(styles):
        raise ValueError("take_strays: one style a piece")
    # the height test of every piece made in C (a page has hundreds of pieces, a few are tall); the rest on those only
    heights = map(sub, map(itemgetter(4), pieces), map(itemgetter(6), pieces))
    tall = compress(range(len(pieces)), map(not_, map(le, heights, map(TALL.__mul__, map(itemgetter(0), styles)))))
    for k, p, st in [(k, pieces[k], styles[k]) for k in tall]:
        if st[0] <= 0 or len(p[2]) < 2:
            continue
        found = _stray(calls, pieces, k)
        if found is None:
            continue
        stray, indices, rest = found
        piece = "".join(" " if p[1] + i in indices else ch for i, ch in enumerate(p[0]))
        x0, x1 = min(r[0] for r in rest), max(r[2] for r in rest)
        top, bottom = max(r[1] for r in rest), min(r[3] for r in rest)
        pieces = [*pieces[:k], (piece, p[1], rest, x0, top, x1, bottom), *pieces[k + 1:]]
        for i in sorted(indices):
            text = text[:i] + " " + text[i + 1:]
        strays.append(stray)
    return text, pieces, strays


def _stray(calls: TextPageCalls, pieces: list[Piece], k: int) -> tuple[Stray, set[int], list] | None:
    """The stray of piece ``k``, the page indices of its characters and the piece's other rectangles; or None."""
    piece, start, rects = pieces[k][0], pieces[k][1], pieces[k][2]
    tallest = max(rects, key=lambda r: r[1] - r[3])
    low, high = tallest[3], tallest[1]
    for r in sorted(rects, key=lambda r: -(r[1] - r[3])):  # the band the rectangles share, grown from the tallest
        if r[3] < high and r[1] > low:
            low, high = min(low, r[3]), max(high, r[1])
    band = high - low
    apart = [r for r in rects if r[1] < low - CLEAR * band or r[3] > high + CLEAR * band]
    if len(apart) != 1:
        return None
    left, top, right, bottom = apart[0]
    home = _home(pieces, k, left, top, right, bottom)  # (first: it asks pdfium nothing)
    if home is None:
        return None
    # the characters drawn in the stray's rectangle must be one to three digits: its digits are looked for first, and
    # the piece's other characters asked for only then (pdfium is asked for the fewest origins)
    indices = {start + i for i, ch in enumerate(piece) if ch.isdigit() and bottom - 1.0 <= calls.origin_y(start + i) <= top}
    if not 1 <= len(indices) <= MAX_DIGITS or any(
            not ch.isdigit() and not ch.isspace() and bottom - 1.0 <= calls.origin_y(start + i) <= top for i, ch in enumerate(piece)):
        return None
    digits = "".join(piece[i - start] for i in sorted(indices))
    first = min(indices)
    rest = [r for r in rects if r is not apart[0]]
    return Stray(digits, pieces[home][1], left, right, calls.size_at(first), _middle(pieces[home])), indices, rest


def _home(pieces: list[Piece], k: int, left: float, top: float, right: float, bottom: float) -> int | None:
    """The piece whose band holds the stray and whose first or last glyph it stands beside."""
    mid, height = (top + bottom) / 2, top - bottom
    best, gap_best = None, BESIDE * height
    for j, q in enumerate(pieces):
        if j == k or not q[6] <= mid <= q[4]:
            continue
        gap = left - q[5] if left >= q[5] else q[3] - right if right <= q[3] else None
        if gap is not None and gap <= gap_best:
            best, gap_best = j, gap
    return best


def _middle(p: Piece) -> int:
    piece, start = p[0], p[1]
    mid = len(piece) // 2
    while mid > 0 and piece[mid].isspace():
        mid -= 1
    return start + mid


def put_back(calls: TextPageCalls, lines: list[PdfLine], strays: list[Stray]) -> None:
    """Each stray at the start or end of the line it belongs to (see the module docstring)."""
    for s in strays:
        ln = next((ln for ln in lines if ln.start <= s.home < ln.start + max(ln.count, 1)), None)
        if ln is None:
            continue
        first = (s.x0 >= ln.x1) == ln.rtl  # right of a right-to-left line, left of a left-to-right one: its start
        gap = s.x0 - ln.x1 if s.x0 >= ln.x1 else ln.x0 - s.x1
        space = " " if gap > SPACE * s.size else ""  # a note's number set apart, or a label's digit drawn against its dash
        ln.text = f"{s.digits}{space}{ln.text}" if first else f"{ln.text}{space}{s.digits}"
        ln.x0, ln.x1 = min(ln.x0, s.x0), max(ln.x1, s.x1)
        if first and (lead := LEAD_DIGITS.match(ln.text)) and 0 < s.size < SMALL * calls.size_at(s.mid):
            ln.call = lead.group(0)
