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

from .scans import MAX_ROW_PT, covers_ink

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
    return covers_ink(pdf, index, lines, clear=lambda mask, k: clear_rules(mask, int(MAX_ROW_PT * k)))
