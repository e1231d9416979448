"""Two pdfium lines that share a band of the page but are stacked, not side by side.

pdfium cuts a printed line into pieces where vowel marks sit a little above it, and the line
reading joins pieces that share a band (``pdf_text._same_band``). A tall glyph can make two
printed lines share a band too: a large heading beside a paragraph (``l'avenir !`` set at three
times the size of the text lines at its left) gives pdfium one line whose band covers two lines
of the paragraph, and joining the next line to it interleaved their words by x position
(``Leagentsbudget desderessources``). Pieces of one printed line lie beside each other; a piece
drawn under the text of the pieces before it is a line of its own.

The cells of a table row are drawn at their own heights (a cell of two lines centred in the row
stands higher than a cell of one): pdfium's pieces then hold the text of several cells, and a
piece that holds the second line of one cell overlaps the band of a piece that holds its first
line, though only one of its rectangles lies under that line (``مستغل بشكل مفرط (مهدد`` over
``بالانهيار)``, beside a one-line cell at mid-height). A rectangle of text lying under a rectangle
of text of the same height, over most of the narrower one's width, is a line under the other one
(:func:`rect_under`).
"""

from __future__ import annotations

from collections.abc import Iterable

Rect = tuple[float, float, float, float]  # left, top, right, bottom (PDF coordinates)
STACKED = 0.5  # share of the piece's width lying under (or over) the text before it
LINE = 0.6  # a rectangle at least this share of the piece's height is text of a line (not marks)


def stacked(rects: Iterable[Rect], x0: float, x1: float, top: float, bottom: float) -> bool:
    """Does the piece spanning ``x0..x1``, ``bottom..top`` lie, over more than half its width,
    under or over the rectangles of text ``rects`` (the pieces already joined)? Only rectangles of
    a line's height count (a vowel mark's rectangle above its letter does not), and only those
    that do not hold the piece's vertical middle (a letter cut from its word overlaps the word's
    rectangle on the same line)."""
    width, height = x1 - x0, top - bottom
    if width <= 0 or height <= 0:
        return False
    mid = (top + bottom) / 2
    covered = 0.0
    for r in rects:
        if r[3] <= mid <= r[1] or r[1] - r[3] < LINE * height:
            continue
        covered += max(0.0, min(r[2], x1) - max(r[0], x0))
    return covered > STACKED * width


UNDER = 0.8  # centres this many rectangle heights apart: two printed lines, not one


def rect_under(rects: Iterable[Rect], own: Iterable[Rect]) -> bool:
    """Does one rectangle of text of ``own`` (a piece's) lie under or over one rectangle of text of
    ``rects`` (the pieces already joined)? Rectangles of text are words: at least as wide as high and
    at least :data:`LINE` of the tallest rectangle of both (a vowel mark, a call or a word of short
    letters is not); the two centres a line apart and one over most of the other's width."""
    theirs, mine = list(rects), list(own)
    tallest = max((r[1] - r[3] for r in theirs + mine), default=0.0)
    if tallest <= 0:
        return False
    low = LINE * tallest
    theirs = [r for r in theirs if r[1] - r[3] >= low and r[2] - r[0] >= r[1] - r[3]]
    mine = [r for r in mine if r[1] - r[3] >= low and r[2] - r[0] >= r[1] - r[3]]
    for r in theirs:
        for o in mine:
            if abs((r[1] + r[3]) - (o[1] + o[3])) / 2 < UNDER * max(r[1] - r[3], o[1] - o[3]):
                continue
            if min(r[2], o[2]) - max(r[0], o[0]) > STACKED * min(r[2] - r[0], o[2] - o[0]):
                return True
    return False
