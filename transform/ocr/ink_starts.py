"""Where each OCR'd line's first ink stands on the page image (a heading level's cue, :mod:`pdf_scan_heads`).

A scanned notice marks its titles' ranks by how far in they start: ``❖`` titles, and ``*`` sub-titles a little
further in. OCR often loses or misreads the marks (``_``, nothing), and the line box it gives then starts at the
first word, which stands a few points off wherever the mark stood: too noisy a cue (5 pt between ranks against 2 pt
between siblings on the Sfax notice). The ink itself is not lost: from the line box's start edge (its right edge in
Arabic), the line's band is followed outwards over ink columns separated by gaps of at most ``GAP`` line heights,
and the last ink column reached is where the line starts, its dropped mark included (``ln.ink_start``, points).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .render import otsu_threshold

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

GAP = 1.2  # line heights of blank between a mark and the words it heads, at most
REACH = 4.0  # line heights searched outwards from the box's start edge


def mark_ink_starts(pimg: PageImage, lines: list[TextLine]) -> None:
    """Set ``ink`` on each underlined line (the titles whose levels :mod:`pdf_scan_heads` sets by their starts): its
    first and last ink columns (left, right), in points. Other lines are left unmeasured."""
    lines = [ln for ln in lines if ln.underline]
    if not lines:
        return
    import numpy as np  # on use: `import transform` stays light

    a = np.asarray(pimg.image.convert("L"))
    level = otsu_threshold(pimg.image)
    k = pimg.dpi / 72.0
    for ln in lines:
        h = (ln.bottom - ln.top) * k
        y0, y1 = max(0, int(ln.top * k)), min(a.shape[0], int(ln.bottom * k) + 1)
        if h < 4 or y1 <= y0:
            continue
        cols = (a[y0:y1] <= level).any(axis=0)
        gap, reach = max(2, int(GAP * h)), int(REACH * h)
        inset = int(h)  # from a line height inside the box: its edge may stand off the ink
        ln.ink = (_edge(cols, int(ln.x0 * k) + inset, -1, gap, reach) / k, _edge(cols, int(ln.x1 * k) - inset, 1, gap, reach) / k)


def _edge(cols: object, x: int, step: int, gap: int, reach: int) -> int:
    """The last ink column reached from ``x`` going ``step`` over blanks of at most ``gap`` columns, ``reach`` at most."""
    start, edge, blank = x, x, 0
    n = len(cols)  # type: ignore[arg-type]
    while 0 <= x + step < n and abs(x + step - start) <= reach:
        x += step
        if cols[x]:  # type: ignore[index]
            edge, blank = x, 0
        else:
            blank += 1
            if blank > gap:
                break
    return edge
