"""A scanned picture under a few text-layer lines: is its ink text the layer misses?

``scans.covers_ink`` finds the page's text rows by projecting dark ink on the vertical axis, so a
scan whose text sits inside a frame (a card, a form, a boxed annex: BO 7448 p. 25, a professional
card under three typed title lines) shows no text row at all: the frame's sides join every row of
the card into one block taller than any line, which is not counted, and the layer's few title
lines then seem to cover all the page's text. Here the same share is measured again after the
long vertical strokes (frame sides, table rules, a photo box's edges) are cleared from the ink,
so the rows inside frames count. :mod:`decide` asks this only of a sparse layer over a page image
that ``covers_ink`` let through; a page it finds mostly unread is OCR'd whole (the layer's lines
are on the render too, and are read in their place, above or beside the picture).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..ingest.crop_frame import lines_on_render, page_offset
from .recover import runs
from .render import RenderError, check_render
from .scans import DARK, MAX_ROW_PT, MIN_ROW_PT, MIN_TEXT_AREA

if TYPE_CHECKING:
    import numpy as np
    import pypdfium2 as pdfium

    from ..ingest.base import TextLine

UNREAD = 0.5  # the layer's boxes cover less than this share of the text rows found inside frames: OCR


def clear_rules(mask: np.ndarray, longest: int) -> np.ndarray:
    """``mask`` without its vertical dark runs longer than ``longest`` pixels (a frame's sides, rules)."""
    import numpy as np  # on use: `import transform` stays light

    h, w = mask.shape
    cols = np.zeros((w, h + 2), dtype=np.int8)
    cols[:, 1:-1] = mask.T
    flat = cols.ravel()
    d = np.diff(flat.astype(np.int8))
    starts = np.flatnonzero(d == 1) + 1
    ends = np.flatnonzero(d == -1) + 1  # exclusive; the padding keeps each run inside its column
    long = (ends - starts) > longest
    if not long.any():
        return mask
    delta = np.zeros(flat.size + 1, dtype=np.int32)
    np.add.at(delta, starts[long], 1)
    np.add.at(delta, ends[long], -1)
    rule = (np.cumsum(delta[:-1]) > 0).reshape(w, h + 2)[:, 1:-1].T
    return mask & ~rule


def covers_framed_ink(pdf: pdfium.PdfDocument, index: int, lines: list[TextLine]) -> float | None:
    """Share of the page's text rows, found with long vertical strokes cleared, that the text
    lines' boxes cover on a small render; None when there are (almost) no such rows."""
    import numpy as np  # on use: `import transform` stays light

    try:
        pimg = check_render(pdf, index)
    except RenderError:
        return None
    a = np.asarray(pimg.image)
    if not a.size:
        return None
    k = pimg.dpi / 72.0
    mask = clear_rules(a < DARK * float(np.percentile(a, 90)), int(MAX_ROW_PT * k))
    boxes = [((ln.x0 - 2) * k, (ln.top - 2) * k, (ln.x1 + 2) * k, (ln.bottom + 2) * k)
             for ln in lines_on_render(lines, page_offset(pdf, index))]
    total = covered = 0.0
    for y0, y1 in runs(mask.sum(axis=1) > 0, max_gap=0):
        h = y1 - y0
        if not MIN_ROW_PT * k <= h <= MAX_ROW_PT * k:
            continue
        over = [b for b in boxes if min(b[3], y1) - max(b[1], y0) > 0.3 * h]
        for x0, x1 in runs(mask[y0:y1].sum(axis=0) > 0, max_gap=2 * h):
            if x1 - x0 < 2 * h:  # a dot, a stroke's stub: not a run of text
                continue
            inside = sum(max(0.0, min(b[2], x1) - max(b[0], x0)) for b in over)
            total += (x1 - x0) * h
            covered += (x1 - x0) * h * min(1.0, inside / (x1 - x0))
    if total < MIN_TEXT_AREA * mask.size:
        return None
    return covered / total
