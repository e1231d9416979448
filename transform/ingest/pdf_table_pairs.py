"""Outline numbers of a right-to-left table's column read as the page shows them.

A model report's ruled Arabic table numbers its themes ``1``, ``2`` and their items with a hyphen pair
under each (order 1033.21: ``1``, ``1-1``, ``2-1``, ``3-1``, ``2``, ``1-2``...). In a right-to-left cell
two numbers joined by a hyphen are two Arabic runs, so the item typed ``1-2`` (theme 1, item 2) is drawn
``2-1``; a letterless cell of a right-to-left table is read right to left (:meth:`Glyphs.text`) and gives
the typed order back. The corpus's truth writes such numbers as the page shows them left to right
(``tests/realdocs/README.md``: only a range is put back in its ascending typed order), and the line reading
keeps a drawn-ascending pair as drawn (``pdf_visual_runs._ascending_pair``), so a cell read ``1-2`` under a
drawn ``2-1`` is a number the reader does not see printed.

A pair alone says nothing of whether it is a range (``24-15`` drawn for the ages ``15-24``: read reversed) or
an outline number; the column says it. A column is an outline when every one of its filled body cells is a
plain number (a theme) or a pair (header labels above them aside), pairs two at least, a theme one at least, and each pair, read as typed
``a-b``, carries as ``a`` the theme above it (at the column's head, a run carried over from the page before
takes its first pair's theme), the items ``b`` of a theme counting up from 1 by one (a carried run from
wherever it starts). Only then is each pair of the column given the order its glyphs are drawn in.
"""

from __future__ import annotations

import re
from typing import Any

PAIR = re.compile(r"^([0-9]{1,3})-([0-9]{1,3})$")
THEME = re.compile(r"^[0-9]{1,3}$")
LEAST_PAIRS = 2
_HAS_LETTER = re.compile(r"[^\W\d_]")


def outline_pairs(cells: list[Any], glyphs: Any) -> int:
    """Rewrite, in place, the pairs of a right-to-left table's outline columns (see the module) in the order
    their glyphs are drawn, left to right; the number of cells whose text changed."""
    if not any(PAIR.match(c.text) for c in cells if c.text and c.text[0].isdigit()):
        return 0
    cols: dict[int, list[Any]] = {}
    for c in cells:
        if c.colspan == 1 and c.text:
            cols.setdefault(c.col, []).append(c)
    changed = 0
    for col in cols.values():
        col.sort(key=lambda c: c.row)
        if not _outline(col):
            continue
        for c in col:
            if PAIR.match(c.text):
                drawn = _drawn(c.members, glyphs)
                if drawn != c.text and PAIR.match(drawn) and sorted(drawn.split("-")) == sorted(c.text.split("-")):
                    c.text = drawn
                    changed += 1
    return changed


def _outline(col: list[Any]) -> bool:
    """Is the column (filled body cells, top to bottom) a theme-and-item outline read in typed order?"""
    theme: int | None = None
    last = 0
    pairs = themes = 0
    for c in col:
        text = c.text
        if THEME.match(text):
            theme, last = int(text), 0
            themes += 1
            continue
        m = PAIR.match(text)
        if m is None:
            if themes or pairs or not _HAS_LETTER.search(text):
                return False
            continue  # a header label above the numbers (headers are marked after the text is read)
        a, b = int(m.group(1)), int(m.group(2))
        if theme is None and pairs == 0:  # a run carried over from the page before: its first pair's theme
            theme, last = a, b - 1
        if a != theme or b != last + 1:
            return False
        last = b
        pairs += 1
    return pairs >= LEAST_PAIRS and themes >= 1


def _drawn(members: list[int], glyphs: Any) -> str:
    """A cell's ink characters left to right, as they are drawn."""
    ink = [j for j in members if not glyphs.ch[j].isspace()]
    ink.sort(key=lambda j: (glyphs.x0[j] + glyphs.x1[j]) / 2)
    return "".join(glyphs.ch[j] for j in ink)


def carried_pairs(above: list[list[Any]], rows: list[list[Any]]) -> int:
    """The pairs of rows carried over a page break (``rows``, :class:`transform.model.Cell` lists) into a right-to-left
    table whose outline column was shown as drawn (``above``: the table's rows before the join). A carried part too
    short to show an outline of its own (fewer than :data:`LEAST_PAIRS` pairs: a last row alone) was read in typed
    order; its pair that goes on the last theme's run above (that run, read back in typed order, an outline) is turned
    to the drawn order (in a letterless cell read right to left, the reverse of its reading). The number of cells
    changed."""
    if not rows or not any(_pair_cell(c) for row in rows for c in row):
        return 0
    if not ARABIC.search(" ".join(_cell_text(c) for r in above[:3] for c in r)):
        return 0  # a left-to-right table: its pairs are read as drawn
    changed = 0
    for k in range(max(len(r) for r in rows)):
        new = [r[k] for r in rows if k < len(r) and _pair_cell(r[k])]
        if not new or len(new) >= LEAST_PAIRS:
            continue
        shown = [_cell_text(r[k]) for r in above if k < len(r) and r[k].colspan == 1 and _cell_text(r[k])]
        themes = [i for i, t in enumerate(shown) if THEME.match(t)]
        if not themes:
            continue
        run = shown[themes[-1]:]
        if len(run) < 2 or not all(PAIR.match(t) for t in run[1:]):
            continue
        typed = [_flip(t) for t in run]
        if not _outline_texts(typed) or _outline_texts(run):  # the run is shown as drawn, not as typed
            continue
        for c in new:
            text = _cell_text(c)
            if _outline_texts(typed + [text]):
                c.sentences[0].text = _flip(text)
                typed.append(text)
                changed += 1
    return changed


ARABIC = re.compile("[\u0600-\u06ff]")


def _pair_cell(c: Any) -> bool:
    return c.colspan == 1 and len(c.sentences) == 1 and PAIR.match(c.sentences[0].text) is not None


def _cell_text(c: Any) -> str:
    return " ".join(s.text for s in c.sentences)


def _flip(text: str) -> str:
    return "-".join(reversed(text.split("-"))) if PAIR.match(text) else text


def _outline_texts(texts: list[str]) -> bool:
    return _outline([_Text(t) for t in texts])


class _Text:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text
