"""Pale stamps standing alone that the page's reading never saw (issue 17).

A date stamp pressed with a dry pad on a phone scan (NARSA's decision, p. 1: ``18 <month> 2023`` above
its title) is too pale for :func:`stamps.find` (its darkest channel is 150-200, its blue over red 20-60)
and stands alone, off any printed line. Tesseract does not make a line of it at all, so the date was
lost *without any doubt*. Its ink on a 122 ppi scan is too broken to read: the year's digits fall apart
(``2073``, ``2773``, ``273`` by one model, ``13``, ``23`` by another): its grey levels are kept (``shade``)
and :mod:`ink` reads a date stamp's year from them, restricted to what a date can be; the reader is told in any case: :func:`find` lists, on the colour render, the groups of pale blue ink one written line high
that stand alone (no print beside or under them), are not a shaded band (their ink is strokes, not a
fill) and hold at least two glyph columns as tall as figures; :func:`flag`, once the page is read,
leaves in doubt (``digits_disagree``, "check against the source") the line nearest such a group when
no line of the reading lies on it, and the page's report counts it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .stamps import Stamp

PALE_BLUE = 20  # blue over red by at least this much (a dry pad's grey blue)
PALE_DARK = 215  # and its darkest channel under this (the group as a whole paler than stamps.DARK)
FILL = 0.4  # a group whose ink fills more of its box than this is shading, not strokes
MIN_FIGURES = 2  # glyph columns as tall as figures, at least
MIN_HEIGHT = 32  # pixels at 250 dpi: a date stamp's figures (40-60); a pale blue footer or e-mail line is lower (28)
REACH = 4.0  # the line flagged lies within this many of the group's heights


def pale_ink(rgb: np.ndarray) -> np.ndarray:
    """Pixels of pale blue ink (a faint stamp's) in an RGB image."""
    c = rgb.astype(np.int16)
    r, g, b = c[..., 0], c[..., 1], c[..., 2]
    return (b - r >= PALE_BLUE) & (b >= g) & (c.min(axis=2) < PALE_DARK)


def find(rgb: np.ndarray, dpi: float) -> list[Stamp]:
    """The pale blue groups of a colour page render that stand alone, not taken by :func:`stamps.find`'s ink."""
    from .stamp_digits import TALL, _columns
    from .stamps import COL_GAP, DARK, MAX_HEIGHT, MIN_INK, MIN_PRINT, PRINT, REF_DPI, ROW_GAP, Stamp, _runs, blue_ink

    s = dpi / REF_DPI
    pale = pale_ink(rgb)
    if not pale.any():
        return []
    strong = blue_ink(rgb)
    printed = (rgb.max(axis=2) < PRINT) & ~pale
    out = []
    for y0, y1 in _runs(pale.sum(axis=1) >= 2, max(1, round(ROW_GAP * s))):
        h = y1 - y0
        if not MIN_HEIGHT * s <= h <= MAX_HEIGHT * s:
            continue
        for x0, x1 in _runs(pale[y0:y1].any(axis=0), max(1, round(COL_GAP * s))):
            ink = pale[y0:y1, x0:x1]
            n = int(ink.sum())
            if n < MIN_INK * s * s or n > FILL * ink.size or 2 * strong[y0:y1, x0:x1].sum() >= n:
                continue  # too little, a shaded band, or ink stamps.find judges
            if np.median(rgb[y0:y1, x0:x1].min(axis=2)[ink]) < DARK:
                continue  # dark ink (a navy heading): the page reads it
            low = y1 + h // 2
            near = (printed[y0:low, max(0, x0 - h):x0].sum() + printed[y0:low, x1:x1 + h].sum()
                    + printed[y1:low, x0:x1].sum())
            if near >= MIN_PRINT * s * s:
                continue  # on a printed line: stamps.find's case
            cols = _columns(ink)
            tallest = max(b - t for _a, _b, t, b in cols)
            if sum(1 for _a, _b, t, b in cols if b - t >= TALL * tallest) < MIN_FIGURES:
                continue
            from .ink import shade  # its ink as grey levels: a dry pad's strokes break in a mask

            out.append(Stamp(x0, y0, x1, y1, ink.copy(), np.zeros_like(ink), faint=True, shade=shade(rgb[y0:y1, x0:x1])))
    return out


def flag(stamps: list[Stamp], lines: list[TextLine], dpi: float) -> int:
    """Leave in doubt the line nearest each pale group no line of the reading lies on; how many groups."""
    from .confidence import DIGITS

    to_pt = 72.0 / dpi
    count = 0
    for st in stamps:
        if not st.faint:
            continue
        x0, x1, top, bottom = st.x0 * to_pt, st.x1 * to_pt, st.top * to_pt, st.bottom * to_pt
        h = bottom - top
        if any(ln.x0 < x1 and ln.x1 > x0 and min(ln.bottom, bottom) - max(ln.top, top) >= h / 2 for ln in lines):
            continue  # read with a line of the page (a number stamped at the margin: the page keeps it)
        best, dist = None, None
        for ln in lines:
            d = max(ln.x0 - x1, x0 - ln.x1, 0.0) + max(ln.top - bottom, top - ln.bottom, 0.0)
            if d <= REACH * h and (dist is None or d < dist):
                best, dist = ln, d
        if best is not None:
            best.doubt = best.doubt or DIGITS
        count += 1
    return count
