"""Type drawn over a grey layer (a watermark) given the edges it would have on white paper.

A rendered vector page is anti-aliased: a stroke's edge pixel is a blend of the ink and what
lies under it. On paper the blend is light grey, and Otsu's threshold turns it white; over a
watermark's dark grey (a court's emblem) the same edge pixel is the ink blended with that grey,
darker than the threshold, and the stroke comes out of binarising a pixel thicker on each side.
``watermark.remove_grey_layer`` turns the layer to paper but keeps every pixel next to the type's
ink (the edges), so the words lying on the emblem reached tesseract bold and blotted, with specks
where the emblem's darker grey touched a stroke (the Casablanca judgment p. 2: `المدلى بها` read
`يها`, `بالوثائق المدلى` read `تالوثائق JA`).

:func:`flatten_edges` puts such an edge pixel back on paper: the ground under it is estimated as
the mean of the pixels around it that are not next to the type's ink (a window of 2 x RADIUS + 1
pixels), and the pixel's grey is divided by that ground (as a blend over white paper would be:
``pixel x paper / ground``). Only edge pixels whose ground is the grey layer (darker than the paper
by watermark.PAPER_MARGIN) next to pixels the layer's removal turned to paper are touched; on a
page with nothing removed nothing runs, and an edge on paper stays as it was.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from .watermark import CORE_SPAN, PAPER_MARGIN

RADIUS = 4  # the ground around an edge pixel: a square of 2 x RADIUS + 1 pixels (about 1 pt at 250 dpi)


def flatten_edges(rendered: Image.Image, level: int, box: tuple[int, int, int, int] | None = None) -> tuple[Image.Image, int]:
    """``rendered`` with the type's ink and edge pixels over a grey ground divided by that ground
    (module doc); how many pixels changed. ``level``: the threshold the page is binarised at;
    ``box``: (left, top, right, bottom) of the part of the page to look at (where the grey layer was
    removed), the whole page when None."""
    a = np.asarray(rendered.convert("L"))
    paper = float(np.percentile(a, 90))
    inked = (a < paper - PAPER_MARGIN) & (a <= level)
    if not inked.any():
        return rendered, 0
    core_level = float(np.percentile(a[inked], 10)) + CORE_SPAN  # the type's ink, as watermark.py tells it
    h, w = a.shape
    x0, y0, x1, y1 = box if box is not None else (0, 0, w, h)
    x0, y0, x1, y1 = max(0, x0 - 2 * RADIUS), max(0, y0 - 2 * RADIUS), min(w, x1 + 2 * RADIUS), min(h, y1 + 2 * RADIUS)
    part = a[y0:y1, x0:x1]
    if not part.size:
        return rendered, 0
    near = _near(part <= core_level)  # the type's ink and the pixels next to it (a 3 x 3 minimum filter's test)
    free = ~near
    total = _box_sum(np.where(free, part, 0), RADIUS)
    count = _box_sum(free.astype(np.uint8), RADIUS)
    ys, xs = np.nonzero(near & (part > 0))  # the type's ink and edges: the ground is needed there only
    n_free = count[ys, xs]
    ground = np.where(n_free > 0, total[ys, xs] / np.maximum(n_free, 1), paper)
    on_layer = ground < paper - PAPER_MARGIN
    n = int(on_layer.sum())
    if not n:
        return rendered, 0
    ys, xs, ground = ys[on_layer], xs[on_layer], ground[on_layer]
    new = a.copy()
    flat = new[y0:y1, x0:x1]
    flat[ys, xs] = np.clip(np.rint(part[ys, xs] * paper / ground), 0, 255).astype(np.uint8)
    return Image.fromarray(new), n


def _near(core: np.ndarray) -> np.ndarray:
    """``core`` grown by one pixel each way (as ImageFilter.MinFilter(3) <= level, 20 times faster)."""
    h, w = core.shape
    padded = np.zeros((h + 2, w + 2), dtype=bool)
    padded[1:-1, 1:-1] = core
    out = np.zeros_like(core)
    for dy in range(3):
        for dx in range(3):
            out |= padded[dy:dy + h, dx:dx + w]
    return out


def _box_sum(x: np.ndarray, r: int) -> np.ndarray:
    """Sum of ``x`` over the square of side 2r + 1 around each pixel (zeros outside): running sums
    along the rows, then along the columns, in 32-bit integers (a window holds at most (2r + 1)^2 x 255)."""
    h, w = x.shape
    c = np.zeros((h, w + 2 * r + 1), dtype=np.int32)
    np.cumsum(x, axis=1, dtype=np.int32, out=c[:, r + 1:w + r + 1])
    c[:, w + r + 1:] = c[:, w + r:w + r + 1]
    rows = c[:, 2 * r + 1:] - c[:, :-2 * r - 1]
    c = np.zeros((h + 2 * r + 1, w), dtype=np.int32)
    np.cumsum(rows, axis=0, out=c[r + 1:h + r + 1])
    c[h + r + 1:] = c[h + r:h + r + 1]
    return c[2 * r + 1:] - c[:-2 * r - 1]
