"""Titles marked by a rule drawn under them on a text layer (a word processor's underlined titles).

A PDF's text layer does not say that a line is underlined: the underline is a path object of its own, a
thin dark bar under the baseline (Word draws one filled rectangle of about half a point per underlined
run). Montpellier's tariff deliberation titles its parts that way (``Modalités de détermination des
tarifs`` over plain text of the same size and weight), so neither size nor weight tells them from the text.

:func:`mark_underlines` sets :attr:`TextLine.underline` (which the OCR side sets from the page image, see
:func:`transform.ocr.weight.mark_underlines`) on the lines a rule runs under along most of their width and
stops with them (a table's, a box's or a separator's rule runs on past the text, or frames it above too).
:func:`transform.ingest.pdf_headings._underlined` then makes such lines headings.

Cost: the page's objects are walked only when the page holds a line that could be such a title
(:func:`_could_be_title`: a short line, not a full one nor a sentence's end, with room above or under it, not
in a table), the table search's rules are used when it has walked the paths already, and only thin
horizontal paths are looked at closely.
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .pdf_block_kinds import FULL_STOP
from .pdf_calls import _OBJECT_ADDRESSES, _RULES
from .pdf_tables import (
    _FOUR_FLOATS,
    DARK,
    DARK_LUMA,
    MAX_OBJECTS,
    PATH,
    FoundTable,
    _Ink,
    object_walk,
)
from .pdf_text import PdfLine
from .pdf_walk import objects_arg

RULE = 2.0  # points: a path this thin or thinner is a rule (as the table search's THIN; a 15-pt title's underline is stroked 1.8 pt)
MIN_WORDS, MAX_WORDS = 2, 20  # an underlined title's words (the heading pass asks the same)
UNDER = 0.5  # share of the line's width the rule runs under (a bullet before the title stands outside it)
OVERRUN = 1.0  # sizes a rule may run on past either end of its line (a table's or a box's rule runs on further)
DROP_LOW, DROP_HIGH = -0.15, 0.5  # where an underline lies: from just above the baseline to half a size under it
ROOM = 1.3  # times the page's usual line step: a title stands apart from the lines above and under it
FULL_LINE = 0.85  # share of the widest line's width from which a line is a full one (a title is shorter)
BODY_SIZE = 1.15  # a line larger than the page's most common size by more than this is a heading by its size
TIED = 0.8  # a smaller step counted this share of the most common one's times is the line step
_ENDS = re.compile(r"[,;،؛]\s*$")


def _apart(a: PdfLine | None, b: PdfLine, step: float) -> bool:
    """Is there more room between line ``a`` (above, in reading order) and ``b`` than between the page's lines?
    (No line, or one in another column: yes.)"""
    if a is None or a.x1 < b.x0 or a.x0 > b.x1:
        return True
    return abs(b.baseline - a.baseline) >= ROOM * step


def _could_be_title(ln: PdfLine, prev: PdfLine | None, nxt: PdfLine | None, body: float, step: float, full: float) -> bool:
    """A line worth looking under: a few words at the body's size or smaller (a larger line is a heading by its
    size already), not ending a sentence or a clause, with more room above or under it than between lines (a
    title stands apart)."""
    size = ln.size or 10.0
    if size > BODY_SIZE * body or ln.x1 - ln.x0 >= FULL_LINE * full:
        return False  # set larger (a heading by its size already), or a full line (a justified paragraph's first)
    if not (_apart(prev, ln, step) or nxt is None or _apart(ln, nxt, step)):
        return False  # at the page's line spacing on both sides (most lines: tested before the text)
    text = ln.text.strip()
    n = len(text.split())
    return not (not MIN_WORDS <= n <= MAX_WORDS or FULL_STOP.search(text) or _ENDS.search(text) or text[:1].islower())


def _thin_rules(page: Any, height: float) -> list[tuple[float, float, float]]:
    """(y from the top, left, right) of the page's thin dark horizontal paths, sorted by y: the page's objects
    walked in one native call (``_chars.thin_rules``) when the extension is built, else by :func:`_thin_rules_py`."""
    if _RULES is None:
        return _thin_rules_py(page, height)
    out: list[tuple[float, float, float]] = _RULES.thin_rules(_OBJECT_ADDRESSES, ctypes.cast(page.raw, ctypes.c_void_p).value, height,
                                                              RULE, float(DARK_LUMA), MAX_OBJECTS, *objects_arg(page, MAX_OBJECTS))  # (pdf_walk)
    out.sort()
    return out


def _thin_rules_py(page: Any, height: float) -> list[tuple[float, float, float]]:
    """:func:`_thin_rules` through ctypes, one pdfium call at a time (the reference of ``_chars.thin_rules``)."""
    box, h, count, get, kind, bounds, refs = object_walk(page)
    n = count(h)  # type: ignore[operator]
    out: list[tuple[float, float, float]] = []
    if n > MAX_OBJECTS:
        return out
    ink_of: _Ink | None = None
    for i in range(n):
        obj = get(h, i)  # type: ignore[operator]
        if not obj or kind(obj) != PATH or not bounds(obj, *refs):  # type: ignore[operator]
            continue
        left, bottom, right, top = _FOUR_FLOATS(box)
        if top - bottom > RULE or right - left <= 2 * RULE:
            continue
        ink_of = ink_of or _Ink()
        if ink_of(obj)[0] == DARK:
            out.append((height - (top + bottom) / 2, left, right))
    out.sort()
    return out


def _merged(rules: list[tuple[float, float, float]], y0: float, y1: float, gap: float) -> list[tuple[float, float, float, float]]:
    """The rules lying between y0 and y1, pieces on one height with small gaps joined: (y, left, right, longest piece)."""
    ys = [r[0] for r in rules]
    found = sorted(rules[bisect_left(ys, y0):bisect_left(ys, y1)], key=lambda r: (round(r[0]), r[1]))
    out: list[tuple[float, float, float, float]] = []
    for y, a, b in found:
        if out and abs(out[-1][0] - y) <= 0.6 and a - out[-1][2] <= gap:
            py, pa, pb, _ = out[-1]
            out[-1] = (py, pa, max(pb, b), max(pb, b) - pa)
        else:
            out.append((y, a, b, b - a))
    return out


def _spans(ln: PdfLine, rules: list[tuple[float, float, float]], y0: float, y1: float) -> bool:
    """Is there a rule between y0 and y1 that runs along most of the line and stops with it?"""
    size = ln.size or 10.0
    width = ln.x1 - ln.x0
    for _, a, b, _ in _merged(rules, y0, y1, 0.6 * size):
        covered = min(b, ln.x1) - max(a, ln.x0)
        if covered >= UNDER * width and a >= ln.x0 - OVERRUN * size and b <= ln.x1 + OVERRUN * size:
            return True
    return False


def _under(ln: PdfLine, rules: list[tuple[float, float, float]]) -> bool:
    """A rule under the line, and none like it over the line (a box drawn round it, a form's cell)."""
    size = ln.size or 10.0
    if ln.x1 <= ln.x0 or not _spans(ln, rules, ln.baseline + DROP_LOW * size, ln.baseline + DROP_HIGH * size):
        return False
    return not _spans(ln, rules, ln.top - 0.8 * size, ln.top + 0.1 * size)


def mark_underlines(page: Any, lines: list[PdfLine], height: float, tables: Sequence[FoundTable] = (),
                    h_rules: list[dict[str, Any]] | None = None) -> int:
    """Set ``underline`` on the lines that could be titles and have a rule drawn under them; returns how many. Lines
    the page's ``tables`` took are no titles (a ruled row's header cell). ``h_rules``: the page's horizontal edges when
    the table search has walked its paths already (:class:`pdf_tables.Candidates`), so they are not walked again."""
    if len(lines) < 2:
        return 0
    rules: list[tuple[float, float, float]] | None = None
    if h_rules is not None:
        rules = sorted((e["top"], e["x0"], e["x1"]) for e in h_rules if e["object_type"] == "line")
    elif _RULES is not None:  # the native walk costs less than looking for titles: a page without rules stops here
        rules = _thin_rules(page, height)
    if rules is not None and not rules:
        return 0
    maybe = _titles(lines, tables)
    if not maybe:
        return 0
    if rules is None:
        rules = _thin_rules(page, height)
    if not rules:
        return 0
    n = 0
    for ln in maybe:
        if _under(ln, rules):
            ln.underline = True
            n += 1
    return n


def _line_step(steps: Counter[int], body: float) -> float:
    """The page's distance between a paragraph's lines: the most common step, or a smaller one at least as large as
    the body that is nearly as common (TIED times: a page of short paragraphs spaced apart steps between them as often
    as between their lines, and the larger step taken for the line's would leave its titles no room)."""
    if not steps:
        return 1.2 * body
    top = steps.most_common(1)[0][1]
    return float(min(s for s, n in steps.items() if n >= TIED * top and s >= body or n == top))


def _titles(lines: list[PdfLine], tables: Sequence[FoundTable]) -> list[PdfLine]:
    """The lines that could be underlined titles (:func:`_could_be_title`, its tests written out in one loop: a
    page's every line goes through it), and that no table took."""
    sizes = Counter(round(ln.size) for ln in lines if ln.size)
    body = float(sizes.most_common(1)[0][0]) if sizes else 10.0
    steps = Counter(round(b.baseline - a.baseline) for a, b in zip(lines, lines[1:], strict=False)
                    if 0 < b.baseline - a.baseline <= 3 * body)
    step = _line_step(steps, body)  # the page's usual distance between lines
    full = max(ln.x1 - ln.x0 for ln in lines)  # the widest line: a column's width (or more)
    last = len(lines) - 1
    wide, big, room = FULL_LINE * full, BODY_SIZE * body, ROOM * step
    maybe = []
    for k, ln in enumerate(lines):
        x0, x1 = ln.x0, ln.x1
        if x1 - x0 >= wide or (ln.size or 10.0) > big:
            continue  # set larger (a heading by its size already), or a full line: most lines stop here
        if k:  # _apart(prev, ln, step) or the last line or _apart(ln, nxt, step), else at the page's line spacing
            a = lines[k - 1]
            if not (a.x1 < x0 or a.x0 > x1 or abs(ln.baseline - a.baseline) >= room or k == last):
                b = lines[k + 1]
                if not (x1 < b.x0 or x0 > b.x1 or abs(b.baseline - ln.baseline) >= room):
                    continue
        text = ln.text.strip()
        n = len(text.split())
        if not MIN_WORDS <= n <= MAX_WORDS or FULL_STOP.search(text) or _ENDS.search(text) or text[:1].islower():
            continue
        if not any(t.took(ln) for t in tables):
            maybe.append(ln)
    return maybe
