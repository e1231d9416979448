"""Text off the printed page: glyphs a text layer holds outside the page's visible box.

A layout program may leave text objects on its pasteboard (beyond the page's edge, at negative x, above its top):
another page's heading and table rows, a folio left behind. pdfium's text page gives them like any other text;
the printed page (and poppler's ``pdftotext``) shows nothing there. The visible box is the CropBox intersected
with the MediaBox (a viewer shows no more), in the user space pdfium's character boxes are measured in.

The test is on pdfium's lines (:func:`pdf_pieces.read_pieces`' pieces), whose extent is already read: a line
wholly inside the box (nearly every line) costs four comparisons; a line wholly outside it is dropped whole. Only
a line that crosses the box's edge is looked at glyph by glyph, and a glyph is judged by its centre: a glyph cut
by the margin but mostly on the page stays (a reader sees most of it), one whose centre is off the page goes.
Dropped glyphs become spaces in the page's text (same length: the text page's indices stay), and a crossing line
keeps only its visible rectangles.
"""

from __future__ import annotations

import ctypes
from operator import itemgetter
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Rect = tuple[float, float, float, float]  # left, top, right, bottom (PDF user space: top > bottom)
_X0, _TOP, _X1, _BOTTOM = itemgetter(3), itemgetter(4), itemgetter(5), itemgetter(6)  # a piece's extent


def visible_box(page: pdfium.PdfPage) -> Rect | None:
    """The page's visible box (left, top, right, bottom): pdfium's page bounding box, the CropBox within the
    MediaBox (one call); None when unreadable or empty."""
    rect = pdfium_c.FS_RECTF()
    if not pdfium_c.FPDF_GetPageBoundingBox(page.raw, ctypes.byref(rect)):
        return None
    left, right = min(rect.left, rect.right), max(rect.left, rect.right)
    bottom, top = min(rect.bottom, rect.top), max(rect.bottom, rect.top)
    if right <= left or top <= bottom:
        return None
    return left, top, right, bottom


def _inside(box: Rect, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[3] <= y <= box[1]


def _centres_outside(raw: Any, start: int, piece: str, box: Rect) -> list[int]:
    """Offsets in ``piece`` of the glyphs whose box's centre lies outside ``box`` (spaces are not looked at)."""
    cells = [ctypes.c_double() for _ in range(4)]
    refs = [ctypes.byref(c) for c in cells]
    out = []
    for k, ch in enumerate(piece):
        if ch.isspace():
            continue
        if not pdfium_c.FPDFText_GetCharBox(raw, start + k, *refs):  # left, right, bottom, top
            continue
        left, right, bottom, top = (c.value for c in cells)
        if not _inside(box, (left + right) / 2, (bottom + top) / 2):
            out.append(k)
    return out


def keep_visible(page: pdfium.PdfPage, raw: Any, text: str, pieces: list[Any], styles: list[Any]) -> tuple[str, list[Any], list[Any]]:
    """``text``, ``pieces`` and ``styles`` without the glyphs drawn off the visible page (``raw``: the text page's
    handle). The lists are returned as given when every line lies inside the box."""
    box = visible_box(page)
    if box is None:
        return text, pieces, styles
    left, top, right, bottom = box
    if (not pieces or (min(map(_X0, pieces)) >= left and max(map(_X1, pieces)) <= right
                       and min(map(_BOTTOM, pieces)) >= bottom and max(map(_TOP, pieces)) <= top)):
        return text, pieces, styles  # every line inside the box (nearly every page): four passes in C
    cut: list[tuple[int, Any, Any]] = []  # (index, new piece or None, style)
    for i, p in enumerate(pieces):
        x0, r_top, x1, r_bottom = p[3], p[4], p[5], p[6]
        if x0 >= left and x1 <= right and r_bottom >= bottom and r_top <= top:
            continue
        if x1 <= left or x0 >= right or r_top <= bottom or r_bottom >= top:
            cut.append((i, None, None))
            continue
        piece, start = p[0], p[1]
        gone = _centres_outside(raw, start, piece, box)
        if not gone:
            continue
        chars = list(piece)
        for k in gone:
            chars[k] = " "
        kept = "".join(chars)
        rects = [r for r in p[2] if _inside(box, (r[0] + r[2]) / 2, (r[1] + r[3]) / 2)]
        if kept.isspace() or not rects:
            cut.append((i, None, None))
            continue
        new = (kept, start, rects, min(r[0] for r in rects), max(r[1] for r in rects), max(r[2] for r in rects), min(r[3] for r in rects))
        cut.append((i, new, styles[i]))
    if not cut:
        return text, pieces, styles
    out = list(text)
    changed = dict((i, new) for i, new, _ in cut)
    kept_pieces, kept_styles = [], []
    for i, (p, s) in enumerate(zip(pieces, styles, strict=True)):
        if i not in changed:
            kept_pieces.append(p)
            kept_styles.append(s)
            continue
        new = changed[i]
        piece, start = p[0], p[1]
        shown = new[0] if new is not None else " " * len(piece)
        out[start : start + len(piece)] = shown
        if new is not None:
            kept_pieces.append(new)
            kept_styles.append(s)
    return "".join(out), kept_pieces, kept_styles
