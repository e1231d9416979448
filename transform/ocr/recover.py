"""Find text rows that tesseract's layout analysis skipped and read them one by one.

Tesseract (5.3, LSTM models) sometimes drops a whole line of Arabic from its page layout,
depending on resolution and anti-aliasing. Here the binarised page is cut into text rows
by its horizontal ink profile; any ink segment that no OCR'd line covers is read on its own
as a raw line (``--psm 13``: no layout analysis, which is what drops them) and slotted into the reading order.

A segment lying inside a line that tesseract's layout did find but read nothing in (``OcrResult.blank``: an emblem,
a stamped signature) is read too, but its reading is kept only when it holds a word of the lists
(:func:`holds_words`): on the Santé decision's annexed list (p. 4) such a line is the coat of arms between the
letterhead's blocks, and its crown and ribbon, read as raw lines, came out as ``<< 1`` and ``2`` (67 %); the MTEDD
decision's stamped signature (p. 2) keeps its ``إمضاد : ليلى``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..ingest.base import TextLine
from .render import PageImage

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

MIN_ROW_PX = 8  # rows thinner than this are rules or noise
MIN_SEG_PX = 40  # ink segments narrower than this are not worth a tesseract call
INSIDE_BLANK = 0.8  # a segment with this share of its area inside a line tesseract read nothing in is in that line


def runs(mask: np.ndarray, max_gap: int = 0) -> list[tuple[int, int]]:
    """Start/end (exclusive) of True runs, joining runs separated by at most ``max_gap``."""
    import numpy as np  # on use: `import transform` stays light

    idx = np.flatnonzero(mask)
    if idx.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(idx) > max_gap + 1)
    starts = np.concatenate(([idx[0]], idx[breaks + 1]))
    ends = np.concatenate((idx[breaks], [idx[-1]])) + 1
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def uncovered_segments(pimg: PageImage, lines: list[TextLine]) -> list[tuple[int, int, int, int]]:
    """Pixel boxes (x0, y0, x1, y1) of ink rows that no OCR line covers."""
    import numpy as np  # on use: `import transform` stays light

    a = np.asarray(pimg.image) < 128
    if not a.any():
        return []
    k = pimg.dpi / 72.0
    boxes = [(ln.x0 * k, ln.top * k, ln.x1 * k, ln.bottom * k) for ln in lines]
    out = []
    for y0, y1 in runs(a.sum(axis=1) > 0, max_gap=1):
        if y1 - y0 < MIN_ROW_PX:
            continue
        h = y1 - y0
        over = [b for b in boxes if min(b[3], y1) - max(b[1], y0) > 0.4 * min(h, b[3] - b[1])]
        for x0, x1 in runs(a[y0:y1].sum(axis=0) > 0, max_gap=2 * h):
            if x1 - x0 < MIN_SEG_PX:
                continue
            covered = sum(max(0.0, min(b[2], x1) - max(b[0], x0)) for b in over)
            if covered < 0.5 * (x1 - x0):
                out.append((x0, y0, x1, y1))
    return out


def in_blank(seg: tuple[int, int, int, int], blank: Sequence[tuple[int, int, int, int]]) -> bool:
    """Does INSIDE_BLANK of the pixel segment's area lie inside one of the ``blank`` pixel boxes (lines the layout
    found and read nothing in)?"""
    x0, y0, x1, y1 = seg
    area = (x1 - x0) * (y1 - y0)
    return any(max(0, min(x1, b[2]) - max(x0, b[0])) * max(0, min(y1, b[3]) - max(y0, b[1])) >= INSIDE_BLANK * area
               for b in blank)


def holds_words(text: str) -> bool:
    """Does ``text`` hold a word of three letters or more that the Arabic or French word list knows?"""
    from .lost_lines import known_share

    return known_share(text)[0] > 0


def insert_in_order(lines: list[TextLine], extra: TextLine) -> None:
    """Put a recovered line after the last line above it that shares its columns."""
    pos = len(lines)
    best_bottom = -1.0
    for n, ln in enumerate(lines):
        shares = min(ln.x1, extra.x1) - max(ln.x0, extra.x0) > 0
        if shares and ln.bottom <= extra.top + 1 and ln.bottom > best_bottom:
            best_bottom, pos = ln.bottom, n + 1
    if best_bottom < 0:  # nothing above it: before the first line below it
        below = [n for n, ln in enumerate(lines) if ln.top >= extra.bottom - 1]
        pos = below[0] if below else len(lines)
    lines.insert(pos, extra)
