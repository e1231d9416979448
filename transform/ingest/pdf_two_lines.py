"""One pdfium line that holds two printed lines, one above the other.

pdfium cuts the page's text into lines at its generated ``\\r\\n``; now and then it leaves that
break out between two printed lines set one above the other: the two lines of a table cell
(``مستغل بشكل مفرط (مهدد`` over ``بالانهيار)``), a French footnote of an Arabic page wrapped onto a
second line. Read as one line, its glyphs are placed again by their x position and the two lines
are woven into one another (``بشكلبالانهيارمفرط``, ``62tale- d'UNEPici /2030MAP...``).

Such a line is taller than its font size allows: only there (a rare sign, one comparison per line)
are the baselines of its characters read, and the line is cut where the text moves to another
baseline, when each baseline's characters follow each other in the text (one run per printed
line), the baselines lie a line apart and one line lies under the other. Only lines whose glyphs
are placed again by position are cut (Arabic, or Latin that pdfium gives right to left): a Latin
line read in pdfium's order is not woven. The parts are given top to bottom.
"""

from __future__ import annotations

import re

from .pdf_calls import TextPageCalls
from .pdf_line_marks import _drawn_backwards
from .pdf_pieces import Piece, Style, _style_py

_ARABIC = re.compile("[\u0621-\u064a]")
TALL = 1.8  # a line taller than this many times its font size may hold two printed lines
APART = 0.9  # two baselines at least this many font sizes apart are two printed lines
MIN_RUN = 3  # letters or digits a printed line holds at least
MAX_LINES = 3  # printed lines one pdfium line is cut into at most
STACKED = 0.5  # share of the narrower line lying within the other's extent


def split_two_lines(calls: TextPageCalls, pieces: list[Piece], styles: list[Style], height: float) -> tuple[list[Piece], list[Style]]:
    """``pieces`` and ``styles`` with every piece that holds printed lines on distinct baselines
    replaced by one piece per printed line (top to bottom); the lists as given when none does."""
    out: list[Piece] | None = None
    out_styles: list[Style] = []
    for k, (p, st) in enumerate(zip(pieces, styles, strict=True)):
        size = st[0]
        parts = _parts(calls, p, size, height) if size > 0 and p[4] - p[6] > TALL * size else None
        if parts is None:
            if out is not None:
                out.append(p)
                out_styles.append(st)
            continue
        if out is None:
            out, out_styles = list(pieces[:k]), list(styles[:k])
        for part in parts:
            out.append(part)
            out_styles.append(_style_py(calls, part, height))
    return (pieces, styles) if out is None else (out, out_styles)


def _parts(calls: TextPageCalls, p: Piece, size: float, height: float) -> list[Piece] | None:
    """The printed lines of piece ``p`` as pieces, or None when it is one printed line."""
    piece, start = p[0], p[1]
    runs: list[list[float]] = []  # [baseline, first index, last index, letters, left, right] per run, in text order
    char_box, origin_y = calls.char_box, calls.origin_y
    for i, ch in enumerate(piece):
        if not ch.isalnum():
            continue  # spaces, punctuation and vowel marks go with the run around them
        y = origin_y(start + i)
        left, right = char_box(start + i)
        if runs and abs(y - runs[-1][0]) < APART * size:
            run = runs[-1]
            run[2] = i
            run[3] += 1
            run[4], run[5] = min(run[4], left), max(run[5], right)
        else:
            runs.append([y, i, i, 1, left, right])
    if not 2 <= len(runs) <= MAX_LINES or any(r[3] < MIN_RUN for r in runs):
        return None
    steps = [b[0] - a[0] for a, b in zip(runs, runs[1:], strict=False)]
    if not (all(d > 0 for d in steps) or all(d < 0 for d in steps)):
        return None  # letters going up and down (a title set on an arc): not lines one under the other
    for a, b in zip(runs, runs[1:], strict=False):
        # one printed line under the other, not beside it (a title's letters set on an arc, a header
        # cell raised beside its row): most of the narrower run lies within the other's extent
        overlap = min(a[5], b[5]) - max(a[4], b[4])
        if overlap < STACKED * min(a[5] - a[4], b[5] - b[4]):
            return None
    for a in range(len(runs)):
        for b in range(a + 1, len(runs)):
            if abs(runs[a][0] - runs[b][0]) < APART * size:
                return None  # a baseline comes back after another one: the lines are interleaved, not stacked
    cuts = [0]
    for n in range(1, len(runs)):
        # the signs between two runs (spaces, brackets, a hyphen) go with the baseline they sit on
        cut, lo, hi = int(runs[n][1]), int(runs[n - 1][2]) + 1, int(runs[n][1])
        for i in range(lo, hi):
            y = calls.origin_y(start + i)
            if abs(y - runs[n][0]) < abs(y - runs[n - 1][0]):
                cut = i
                break
        cuts.append(cut)
    cuts.append(len(piece))
    out: list[Piece] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        text = piece[lo:hi]
        first = start + lo
        rects = calls.rects(first, len(text))
        if not rects:
            return None
        x0 = min(r[0] for r in rects)
        x1 = max(r[2] for r in rects)
        top = max(r[1] for r in rects)
        bottom = min(r[3] for r in rects)
        out.append((text, first, rects, x0, top, x1, bottom))
    if not _ARABIC.search(piece) and not any(_drawn_backwards(q[0], lambda k, q=q: calls.char_box(q[1] + k)) for q in out):
        return None  # Latin lines read in pdfium's order: joined, but not woven
    out.sort(key=lambda q: -q[4])
    return out
