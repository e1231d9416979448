"""A pdfium line whose characters jump from one printed row to another: cut where they jump.

pdfium starts a new line where the text's position moves back, and may miss one where it jumps
between two table rows with no break: order 1033.21 p. 8 draws the numbers of its numbered column
digit by digit (``4``, ``-``, ``6`` for ``6-4``), and the ``6`` of one row and the ``7`` of the next row's
cell came out as one line ``67``, 47 points tall in a 14-point column. Read as one line, the two rows'
numbers wove into the row below (``67- الهيئات``) and the ``4`` of the first was lost. Such a line is
taller than its characters could be on one row (:data:`TALL` type sizes), and two of its characters next to
each other share no band: the line is cut there, each part a line of its own (its own extent, its style's
baseline read again), so each row's number stays with its row. Only a line of a few digits is looked at (a
tall line of words is a hyphenated or wrapped line pdfium joined on purpose, or marks above their letters),
and only on Arabic pages (the caller's test). Over all pages of the corpus' PDFs it cuts 2 lines, both there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_calls import TextPageCalls
    from .pdf_pieces import Piece, Style

TALL = 2.2  # type sizes: a line taller than this holds characters of more than one row
NUMBERS = re.compile(r"^[0-9\u0660-\u0669][0-9\u0660-\u0669.\-/\s]{0,7}$")  # a line of a few digits: a numbered column's


def _tall(p: Piece, s: Style) -> bool:
    """Is the line a few digits spread over more than one row's height?"""
    return p[4] - p[6] > TALL * (s[0] or 10.0) and NUMBERS.match(p[0].strip()) is not None


def split_jumps(calls: TextPageCalls, pieces: list[Piece], styles: list[Style], height: float) -> tuple[list[Piece], list[Style]]:
    """``pieces`` and ``styles`` with each line whose characters jump from a row to another cut there
    (module docstring); the same lists when no line is tall enough to hold two rows."""
    if not any(_tall(p, s) for p, s in zip(pieces, styles, strict=True)):
        return pieces, styles
    out_p: list[Piece] = []
    out_s: list[Style] = []
    for p, s in zip(pieces, styles, strict=True):
        if not _tall(p, s):
            out_p.append(p)
            out_s.append(s)
            continue
        for part in _cut(calls, p):
            out_p.append(part)
            size, font, flags, _, _ = s
            mid = part[1] + len(part[0].rstrip()) // 2
            out_s.append((size, font, flags, mid, height - calls.origin_y(mid)))
    return out_p, out_s


def _cut(calls: TextPageCalls, p: Piece) -> list[Piece]:
    """The piece's runs of characters whose bands overlap their neighbours' (spaces go with the run before)."""
    text, start = p[0], p[1]
    runs: list[list[int]] = []
    band: tuple[float, float] | None = None  # (bottom, top) of the last character read
    for k, ch in enumerate(text):
        if ch.isspace() or ch in "\r\n":
            if runs:
                runs[-1].append(k)
            continue
        x0, top, x1, bottom = _box(calls, start + k)
        if band is None or top <= band[0] or bottom >= band[1]:
            runs.append([])  # no band shared with the character before: another row
        runs[-1].append(k)
        band = (bottom, top)
    if len(runs) < 2:
        return [p]
    parts: list[Piece] = []
    for run in runs:
        while run and text[run[-1]].isspace():
            run.pop()
        if not run:
            continue
        a, b = run[0], run[-1] + 1
        boxes = [_box(calls, start + k) for k in range(a, b) if not text[k].isspace()]
        rects = [r for r in p[2] if any(r[0] <= (bx[0] + bx[2]) / 2 <= r[2] and r[3] <= (bx[1] + bx[3]) / 2 <= r[1] for bx in boxes)]
        x0, x1 = min(bx[0] for bx in boxes), max(bx[2] for bx in boxes)
        top, bottom = max(bx[1] for bx in boxes), min(bx[3] for bx in boxes)
        parts.append((text[a:b], start + a, rects or [(x0, top, x1, bottom)], x0, top, x1, bottom))
    return parts


def _box(calls: TextPageCalls, i: int) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of character ``i``, PDF coordinates (its one rectangle; a line this tall is rare)."""
    rects = calls.rects(i, 1)
    if not rects:
        x0, x1 = calls.char_box(i)
        y = calls.origin_y(i)
        return x0, y, x1, y
    return rects[0]
