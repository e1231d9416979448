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

from ..ingest.crop_frame import lines_on_render, page_offset
from .quality import comparable
from .recover import runs
from .render import RenderError, check_render

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np
    import pypdfium2 as pdfium

    from ..ingest.base import TextLine
    from .quality import Quality

SPARSE_CHARS = 400  # a text layer shorter than this (about five lines) over a page image is checked
MIN_TEXT_AREA = 0.01  # text rows covering less of the page than this: nothing for the layer to miss
DARK = 0.55  # ink: darker than this share of the paper's brightness (a pale watermark is not ink)
MIN_ROW_PT, MAX_ROW_PT = 3.0, 30.0  # heights of a row of text (points)
MARGIN = 0.12  # an overlay line within this share of the page height from its top or bottom is a banner...
BANNER_WORDS = 6  # ...when it holds at most this many words (an app's "Scanned with CamScanner")


def sparse(lines: list[TextLine], q: Quality) -> bool:
    """Is this text layer short enough to be a banner, a stamp or a partial OCR layer?"""
    return bool(lines) and q.signals.get("chars", 0.0) < SPARSE_CHARS


def covers_ink(pdf: pdfium.PdfDocument, index: int, lines: list[TextLine],
               clear: Callable[[np.ndarray, float], np.ndarray] | None = None) -> float | None:
    """Share of the page's printed text rows that the text lines' boxes cover, measured on a
    small render; None when the page shows (almost) no text rows or cannot be rendered.

    Only dark ink in rows of text height counts: a pale watermark, a logo (one tall blob) and
    table rules (thin rows) are not text the layer could miss. ``clear`` (given the dark mask and
    the render's pixels per point) takes strokes out of the mask before the rows are found
    (``partial_scan.covers_framed_ink``: a frame's sides).
    """
    import numpy as np  # on use: `import transform` stays light

    try:
        pimg = check_render(pdf, index)
    except RenderError:
        return None
    a = np.asarray(pimg.image)
    if not a.size:
        return None
    mask = a < DARK * float(np.percentile(a, 90))
    k = pimg.dpi / 72.0
    if clear is not None:
        mask = clear(mask, k)
    placed = lines_on_render(lines, page_offset(pdf, index))  # where the render draws them (crop_frame.py)
    boxes = [((ln.x0 - 2) * k, (ln.top - 2) * k, (ln.x1 + 2) * k, (ln.bottom + 2) * k) for ln in placed]
    total = covered = 0.0
    for y0, y1 in runs(mask.sum(axis=1) > 0, max_gap=0):
        h = y1 - y0
        if not MIN_ROW_PT * k <= h <= MAX_ROW_PT * k:
            continue
        over = [b for b in boxes if min(b[3], y1) - max(b[1], y0) > 0.3 * h]
        for x0, x1 in runs(mask[y0:y1].sum(axis=0) > 0, max_gap=2 * h):
            if x1 - x0 < 2 * h:
                continue
            area = (x1 - x0) * h
            total += area
            inside = sum(max(0.0, min(b[2], x1) - max(b[0], x0)) for b in over)
            covered += area * min(1.0, inside / (x1 - x0))
    if total < MIN_TEXT_AREA * mask.size:
        return None
    return covered / total


def drop_overlays(ocr_lines: list[TextLine], layer: list[TextLine], page_height: float,
                  offset: tuple[float, float] = (0.0, 0.0)) -> list[TextLine]:
    """OCR'd lines that only re-read the app's banner or stamp: a short overlay line of the text
    layer in the top or bottom margin, and an OCR line over it holding its text. The OCR'd lines are
    placed on the render; ``offset``: the page's CropBox corner (crop_frame.py), by which the layer's
    boxes are moved there first.

    A long line there is the page's own text on the layer, not an app's: the title of a scanned
    annex typed over its image (BO 7448 p. 20, an 18-word title at 10 % of the page's height) is
    read by OCR and kept. So is a short label of the document's own structure typed over a scanned
    annex in the top margin (``الملحق رقم 1``, ``Annexe 2``, ``Article 3``): no app prints one."""
    from ..ingest.pdf_block_kinds import ANNEX  # on use: the ingest package imports this module's package
    from ..structure.legal import legal_heading

    layer = lines_on_render(layer, offset)
    banners = [ln for ln in layer if (ln.bottom < MARGIN * page_height or ln.top > (1 - MARGIN) * page_height)
               and len(ln.text.split()) <= BANNER_WORDS and not ANNEX.match(ln.text.strip()) and not legal_heading(ln.text)]
    if not banners:
        return ocr_lines

    def is_banner(ln: TextLine) -> bool:
        for b in banners:
            overlap = min(ln.bottom, b.bottom) - max(ln.top, b.top)
            if overlap > 0 and fuzz.partial_ratio(comparable(b.text), comparable(ln.text)) >= 80:
                return True
        return False

    return [ln for ln in ocr_lines if not is_banner(ln)]
