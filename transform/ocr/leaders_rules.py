"""A table's dashed row rules told from fill-in blanks (used by :mod:`leaders`).

The leader finder takes any long row of like dots with paper over and under it; a table ruled with
dashed row rules (ma-sante-ar-decision-2023's list of posts and forms) is full of such rows. A row of
dots that meets a vertical rule is a rule (:func:`on_rule`); it is left as printed where it parts
cells that hold words on white paper (:func:`between_words`). See docs/ocr.md (2026-12-06, fourteenth
session).
"""

from __future__ import annotations

import numpy as np

RULE_TALL_IN = 0.3  # a table's vertical rule runs at least this far over or under a row rule...
RULE_COVER = 0.5  # ...inked (dashes and their gaps) over this share of that height over and under it, in a column three pixels wide
RULE_CORNER = 0.85  # ...or over this share of it one way only (the corner of a box)
RULE_REACH_IN = 0.25  # ...and meets the row rule (or the dashes that carry it on) within this much of its ends
SHADE = 20  # paper this much darker than the page's is a shaded cell's
NEAR_IN = 0.04  # a word over or under a row rule: ink from this far off it...
WORD_INK = 3  # ...at least this many pixels in a column
WORD_REACH_IN = 0.04  # ...or in one this near


def on_rule(ink: np.ndarray, lead: tuple[int, int, int, int], dot: int, dpi: float, pitch: float) -> bool:
    """Is a found leader (y0, y1, x0, x1) a table's dashed (or dotted) row rule? It meets a vertical
    rule: a column within RULE_REACH_IN of its span, inked over RULE_COVER of RULE_TALL_IN over or
    under its rows with paper beside it (a rule's crossing, a box's corner; a letter's stroke is
    shorter and has its letter's body beside it, a line of text has gaps), with no gap wider than
    ``pitch`` along the row between the leader and that column. A fill-in blank stops at its label
    or in the open; a row rule runs into the table's column rules (ma-sante's application forms and
    list of posts: painted out, their cells ran together)."""
    y0, y1, x0, x1 = lead
    h, w = ink.shape
    tall, reach = round(RULE_TALL_IN * dpi), round(RULE_REACH_IN * dpi)
    ya, yb = max(0, y0 - dot), min(h, y1 + dot + 1)  # the leader's rows (its dots' height)
    ca, cb = x0 - reach, x1 + reach
    if ya - tall < 0 and yb + tall > h:
        return False
    side = 4 + dot  # a rule is thin: paper 4 to 4 + dot pixels beside it on one side at least (a cell's
    ca, cb = max(side, ca), min(w - side, cb)  # text may run up to it on the other)
    if cb < ca:
        return False
    band = ink[max(0, ya - tall): min(h, yb + tall)]
    cols = band[:, ca - 1: cb + 1]
    cols = cols[:, :-2] | cols[:, 1:-1] | cols[:, 2:]  # column c: ink in c - 1 .. c + 1
    left, right = np.zeros_like(cols), np.zeros_like(cols)
    for d in range(4, side + 1):
        left |= band[:, ca - d: cb - d]
        right |= band[:, ca + d: cb + d]
    cols &= ~(left & right)
    n_over, n_under = ya - max(0, ya - tall), min(h, yb + tall) - yb
    over = cols[:n_over].mean(axis=0) if n_over >= tall else np.zeros(cols.shape[1])
    under = cols[cols.shape[0] - n_under:].mean(axis=0) if n_under >= tall else np.zeros(cols.shape[1])
    # a rule crossing the row (dashed: ink over half its height) or a box's corner (solid, one way)
    cover = np.maximum((over + under) / 2, np.maximum(over, under) * RULE_COVER / RULE_CORNER)
    rules = np.flatnonzero(cover >= RULE_COVER) + ca
    if not len(rules):
        return False
    row = ink[ya:yb].any(axis=0)
    for c in rules.tolist():
        a, b = (c, x0) if c < x0 else (x1, c) if c > x1 else (c, c)
        gaps = np.diff(np.flatnonzero(np.concatenate(([True], row[a:b + 1], [True]))))
        if not len(gaps) or gaps.max() <= pitch:
            return True
    return False


def between_words(a: np.ndarray, ink: np.ndarray, y0: int, y1: int, x0: int, x1: int, dpi: float,
                   paper: float) -> np.ndarray:
    """The columns of [x0, x1) where a table's dashed row rule on rows [y0, y1) parts cells that
    hold words: ink within RULE_TALL_IN over it or under it (no nearer than NEAR_IN, a column's
    rule is not a word), WORD_REACH_IN either side, on white paper. There the rule is left as
    printed: painted out, the lines of the cells over and under it ran together (ma-sante's list
    of posts: `رئيس` read `ايس`). Across empty cells it carries no word, and across a shaded cell
    tesseract reads its dashes as letters: there it is painted out as a leader is."""
    tall, gap, reach = round(RULE_TALL_IN * dpi), round(NEAR_IN * dpi), round(WORD_REACH_IN * dpi)
    over = ink[max(0, y0 - tall): max(0, y0 - gap), x0:x1]
    under = ink[y1 + gap: y1 + tall, x0:x1]
    rows = len(over) + len(under)
    words = (over.sum(axis=0) if len(over) else 0) + (under.sum(axis=0) if len(under) else 0)
    words = (words >= WORD_INK) & (words < RULE_COVER * rows)  # a column's rule, inked most of the way, is no word
    near = np.convolve(words.astype(np.int32), np.ones(2 * reach + 1, dtype=np.int32))[reach: reach + len(words)] > 0
    around = np.concatenate((a[max(0, y0 - gap): y0, x0:x1], a[y1: y1 + gap, x0:x1]))
    white = np.median(around, axis=0) >= paper - SHADE if len(around) else np.ones(x1 - x0, dtype=bool)
    return near & white
