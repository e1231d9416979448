"""Scans as people make them: a page image with a few words of text layer on top.

Phone-scanner apps put their banner ("Scanned with ...") or a stamp as text over the photo of
the page, and some scanners add an OCR layer that only holds part of the page (the French
words of a bilingual page). Such a layer can be "sound" and still miss the page. When a page's
text layer is short and an image covers most of the page, the ink of a small render is
compared with the text lines' boxes: if most of it lies outside them, the page is OCR'd.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from .quality import comparable
from .render import RenderError, check_render, ink_mask

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from ..ingest.base import TextLine
    from .quality import Quality

SPARSE_CHARS = 400  # a text layer shorter than this (about five lines) over a page image is checked
MIN_INK = 0.002  # a page with less ink than this has nothing for the text layer to miss
MARGIN = 0.12  # an overlay line within this share of the page height from its top or bottom is a banner


def sparse(lines: list[TextLine], q: Quality) -> bool:
    """Is this text layer short enough to be a banner, a stamp or a partial OCR layer?"""
    return bool(lines) and q.signals.get("chars", 0.0) < SPARSE_CHARS


def covers_ink(pdf: pdfium.PdfDocument, index: int, lines: list[TextLine]) -> float | None:
    """Share of the page's ink that lies inside the text lines' boxes (padded by half a line
    height), measured on a small render; None when the page has almost no ink or cannot be rendered."""
    try:
        pimg = check_render(pdf, index)
    except RenderError:
        return None
    mask = ink_mask(pimg.image)
    total = int(mask.sum())
    if total < MIN_INK * mask.size:
        return None
    k = pimg.dpi / 72.0
    h, w = mask.shape
    outside = mask.copy()
    for ln in lines:
        pad = max(2.0, 0.5 * (ln.bottom - ln.top))
        x0, x1 = max(0, int((ln.x0 - pad) * k)), min(w, int((ln.x1 + pad) * k) + 1)
        y0, y1 = max(0, int((ln.top - pad) * k)), min(h, int((ln.bottom + pad) * k) + 1)
        outside[y0:y1, x0:x1] = False
    return 1.0 - int(outside.sum()) / total


def drop_overlays(ocr_lines: list[TextLine], layer: list[TextLine], page_height: float) -> list[TextLine]:
    """OCR'd lines that only re-read the app's banner or stamp: an overlay line of the text
    layer in the top or bottom margin, and an OCR line over it holding its text."""
    banners = [ln for ln in layer if ln.bottom < MARGIN * page_height or ln.top > (1 - MARGIN) * page_height]
    if not banners:
        return ocr_lines

    def is_banner(ln: TextLine) -> bool:
        for b in banners:
            overlap = min(ln.bottom, b.bottom) - max(ln.top, b.top)
            if overlap > 0 and fuzz.partial_ratio(comparable(b.text), comparable(ln.text)) >= 80:
                return True
        return False

    return [ln for ln in ocr_lines if not is_banner(ln)]
