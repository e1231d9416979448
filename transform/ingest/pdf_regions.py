"""Page regions read one after the other: the halves of a spread, horizontal strips, tables in their region.

A magazine's double spread (two pages side by side on one landscape PDF page) or a slide in
two halves (a text column beside tables) is read half by half: the column finder of
:mod:`pdf_layout`, run on the whole width, either finds no gutter (a box or a table row crosses
one of them) or reads the two halves band by band, interleaving their columns. The halves are
found where a wide vertical white band runs down the middle of a content box wider than tall,
with text on both sides at the same heights.

Inside a half whose columns change down the page (a title across, three columns, then boxes), the
half is cut at wide horizontal white bands into strips, and the columns are found per strip.

Tables are placed in that reading order by their region: after the text above them in their column
(or their half), not before the first line of the page read below their top.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from .base import TextLine

L = TypeVar("L", bound=TextLine)

WIDER = 1.2  # the content box of a spread or a slide is this much wider than tall
MIDDLE = (0.3, 0.7)  # the band between the halves lies in this share of the content width
MIN_BAND = 12.0  # points: the narrowest band between two halves
BAND_SHARE = 0.02  # ... or this share of the content width
MARGIN = 0.07  # lines crossing the band in the top or bottom of the content box: headers, folios
MIN_SIDE = 6  # lines on each side of the band
STRIP_GAP = 1.5  # a horizontal white band at least this many typical line heights cuts a half into strips


def open_strips(lines: list[TextLine], allowed: int) -> list[tuple[float, float]]:
    """Vertical strips (x0, x1), left to right, that at most ``allowed`` of ``lines`` cross."""
    return open_extents([ln.x0 for ln in lines], [ln.x1 for ln in lines], allowed)


def open_extents(starts: list[float], ends: list[float], allowed: int) -> list[tuple[float, float]]:
    """:func:`open_spans` of the events ``(x, 1)`` of ``starts`` and ``(x, -1)`` of ``ends``, without making them:
    the two lists are sorted (in place; sorting floats costs a fraction of sorting pairs) and walked together in
    the events' order, an end before a start at the same x."""
    starts.sort()
    ends.sort()
    strips: list[tuple[float, float]] = []
    cover, opened = 0, None
    i, n = 0, len(starts)
    for end in ends:
        while i < n and starts[i] < end:  # the starts before this end (at the same x the end goes first)
            x = starts[i]
            i += 1
            cover += 1
            if cover <= allowed and opened is None:
                opened = x
            elif cover > allowed and opened is not None:
                strips.append((opened, x))
                opened = None
        cover -= 1
        if cover <= allowed and opened is None:
            opened = end
        elif cover > allowed and opened is not None:
            strips.append((opened, end))
            opened = None
    for x in starts[i:]:  # starts past the last end
        cover += 1
        if cover <= allowed and opened is None:
            opened = x
        elif cover > allowed and opened is not None:
            strips.append((opened, x))
            opened = None
    return strips


def open_spans(events: list[tuple[float, int]], allowed: int) -> list[tuple[float, float]]:
    """The sweep of :func:`open_strips` over extents given as events, ``(x0, 1)`` and ``(x1, -1)`` for each
    (lines, a row's runs): the strips at most ``allowed`` of them cross, left to right."""
    events.sort()
    strips: list[tuple[float, float]] = []
    cover, opened = 0, None
    for x, step in events:
        cover += step
        if cover <= allowed and opened is None:
            opened = x
        elif cover > allowed and opened is not None:
            strips.append((opened, x))
            opened = None
    return strips


def _text_lines(lines: list[L]) -> list[L]:
    return [ln for ln in lines if ln.text.strip()]


def _upright(ln: TextLine) -> bool:
    """Not a rotated line (a section tab or a box title printed along an edge: tall and narrow)."""
    return (ln.bottom - ln.top) < 3.0 * max(ln.x1 - ln.x0, 1.0)


@dataclass
class Halves:
    """A page read as two halves: lines over the band at the top, the first half, lines crossing the
    band lower down (a roundel in the gutter), the second half, lines crossing it at the foot."""

    top: list[Any]
    first: list[Any]
    middle: list[Any]
    second: list[Any]
    foot: list[Any]
    cut: float  # x of the band's middle


def spread_halves(lines: list[L], rtl: bool = False) -> Halves | None:
    """The two halves of a page whose content is wider than tall and splits down the middle at a wide white band."""
    cand = [ln for ln in _text_lines(lines) if _upright(ln)]
    if len(cand) < 2 * MIN_SIDE:
        return None
    xmin = min(ln.x0 for ln in cand)
    xmax = max(ln.x1 for ln in cand)
    ymin = min(ln.top for ln in cand)
    ymax = max(ln.bottom for ln in cand)
    width, height = xmax - xmin, ymax - ymin
    if width <= WIDER * height or height <= 0:
        return None  # a portrait page (most pages end here)
    lo, hi = ymin + MARGIN * height, ymax - MARGIN * height
    body = [ln for ln in cand if ln.bottom > lo and ln.top < hi]
    allowed = max(4, len(body) // 30)  # a roundel or a caption may sit across the band
    best: tuple[float, float] | None = None
    for opened, x in open_strips(body, allowed):
        a, b = max(opened, xmin + MIDDLE[0] * width), min(x, xmin + MIDDLE[1] * width)
        if b - a >= max(MIN_BAND, BAND_SHARE * width) and (best is None or b - a > best[1] - best[0]):
            best = (a, b)
    if best is None:
        return None
    a, b = best
    cut = (a + b) / 2
    left = [ln for ln in body if ln.x1 <= cut]
    right = [ln for ln in body if ln.x0 >= cut]
    if len(left) < MIN_SIDE or len(right) < MIN_SIDE:
        return None
    if sum(len(ln.text) for ln in left) < 0.1 * sum(len(ln.text) for ln in body) or \
            sum(len(ln.text) for ln in right) < 0.1 * sum(len(ln.text) for ln in body):
        return None
    # side by side: the two halves share heights (not a block above another)
    if min(ln.top for ln in right) > max(ln.bottom for ln in left) or min(ln.top for ln in left) > max(ln.bottom for ln in right):
        return None
    out = Halves([], [], [], [], [], cut)
    for ln in lines:
        if ln.x1 <= cut:
            side = "left"
        elif ln.x0 >= cut:
            side = "right"
        elif ln.bottom <= lo:
            out.top.append(ln)
            continue
        elif ln.top >= hi:
            out.foot.append(ln)
            continue
        elif (cut_parts := _sides(ln, cut)) is not None:  # one pdfium line over the band, a side in each half
            left_part, right_part = cut_parts
            (out.first if not rtl else out.second).append(left_part)
            (out.second if not rtl else out.first).append(right_part)
            continue
        else:
            out.middle.append(ln)
            continue
        first = (side == "right") == rtl
        (out.first if first else out.second).append(ln)
    return out


def _sides(ln: Any, cut: float) -> tuple[Any, Any] | None:
    """The two sides of a line pdfium joined across the band between the halves (``wide_parts``, see
    :func:`pdf_line_cuts.spread_parts`): the left side ends before the band's middle, the right one starts after it."""
    parts = getattr(ln, "wide_parts", None)
    if not parts or len(parts) != 2:
        return None
    left, right = sorted(parts, key=lambda p: p.x0)
    if left.x1 <= cut <= right.x0:
        return left, right
    return None


def strips(lines: list[L]) -> list[list[L]]:
    """The lines cut at horizontal white bands wider than :data:`STRIP_GAP` typical line heights, top to bottom
    (each strip keeps the lines' order); one strip when there is no such band."""
    upright = [ln for ln in lines if _upright(ln)]
    if len(upright) < 2:
        return [lines]
    heights = sorted(ln.bottom - ln.top for ln in upright)
    gap = STRIP_GAP * heights[len(heights) // 2]
    spans = sorted((ln.top, ln.bottom) for ln in upright)
    cuts: list[float] = []
    reach = spans[0][1]
    for top, bottom in spans[1:]:
        if top - reach >= gap:
            cuts.append((top + reach) / 2)
        reach = max(reach, bottom)
    if not cuts:
        return [lines]
    out: list[list[L]] = [[] for _ in range(len(cuts) + 1)]
    for ln in lines:
        mid = (ln.top + min(ln.bottom, ln.top + 20.0)) / 2  # a rotated line belongs where it starts
        out[sum(1 for c in cuts if mid > c)].append(ln)
    return [s for s in out if s]


class TableBox(tuple):  # type: ignore[type-arg]
    """A table as ``(top, table)`` (what the block grouping unpacks) that also knows its x extent and bottom."""

    x0: float
    x1: float
    bottom: float

    def __new__(cls, top: float, table: Any, x0: float, x1: float, bottom: float) -> TableBox:
        box = super().__new__(cls, (top, table))
        box.x0, box.x1, box.bottom = x0, x1, bottom
        return box


def table_slots(lines: list[Any], edges: list[Any], tables: list[Any]) -> list[tuple[int, Any]]:
    """Where each table goes among the page's lines in reading order: ``(index of the line it comes before, table)``,
    in order. A table goes before the first line read whose top is under its top (a page read top to bottom),
    unless it knows its x extent (:class:`TableBox`) and either lies beside all the text (right of it on a
    left-to-right page, left of it on a right-to-left one: a slide's text beside its tables), then it comes after
    the text, or sits in a region of a page read in regions (a spread's half), then it comes after the line just
    above it that it overlaps (the text above it in its column), or before the first such line under it."""
    if not tables:
        return []  # most pages: no table to place, nothing to look at
    out: list[tuple[int, Any]] = []
    regions = any(getattr(e, "region", 0) for e in edges)
    columns = not regions and len({getattr(e, "column", 0) for e in edges}) > 1
    rtl = sum(1 for ln in lines if getattr(ln, "rtl", False)) * 2 > len(lines)
    for t in sorted(tables, key=lambda t: t[0]):
        top = t[0]
        slot = next((k for k, ln in enumerate(lines) if ln.top >= top), len(lines))
        if isinstance(t, TableBox) and lines:
            if _beside(lines, t, rtl):
                slot = len(lines)
            elif regions:
                slot = _under_its_text(lines, t, slot)
            elif columns:
                slot = in_its_column(lines, t, slot)
        out.append((slot, t[1]))
    out.sort(key=lambda s: s[0])
    return out


def in_its_column(lines: list[Any], t: TableBox, default: int) -> int:
    """A table on a page read in columns: after the last line read that stands over it in its column
    (above its top, overlapping it), else before the first line read under it in its column, else where
    the page's order puts it. The first line read under the table's top may belong to the next column
    (a table at the foot of the left column, the right column running on lower): read there, the table
    would cut that column's paragraph in two."""
    above = [k for k, ln in enumerate(lines) if ln.bottom <= t[0] + 2 and _overlaps(ln, t)]
    if above:
        return max(above) + 1
    below = [k for k, ln in enumerate(lines) if ln.top >= t.bottom - 2 and _overlaps(ln, t)]
    return min(below) if below else default


def _beside(lines: list[Any], t: TableBox, rtl: bool) -> bool:
    """The table lies wholly after every line in reading direction (no line reaches into its x extent)."""
    if rtl:
        return all(ln.x0 >= t.x1 - 2 for ln in lines)
    return all(ln.x1 <= t.x0 + 2 for ln in lines)


def _overlaps(ln: Any, t: TableBox) -> bool:
    """The line and the table share at least half the narrower one's width."""
    shared = min(ln.x1, t.x1) - max(ln.x0, t.x0)
    return shared > 0.5 * min(ln.x1 - ln.x0, t.x1 - t.x0)


def _under_its_text(lines: list[Any], t: TableBox, default: int) -> int:
    """After the line just above the table that it overlaps, else before the first such line under it."""
    above = [k for k, ln in enumerate(lines) if ln.bottom <= t[0] + 2 and _overlaps(ln, t)]
    if above:
        return max(above, key=lambda k: (lines[k].bottom, k)) + 1
    below = [k for k, ln in enumerate(lines) if ln.top >= t.bottom - 2 and _overlaps(ln, t)]
    return min(below) if below else default
