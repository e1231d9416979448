"""Does a page read in one script's order need reading again in the other's?

Tesseract's first language sets the direction in which it lists blocks standing side by side
(columns, table cells), so a French page read ``ara+fra`` was read again ``fra+ara`` whenever
lines stood side by side (``pages._other_order``): a whole second tesseract run. Lines inside a
ruled grid of several rows do not need it: :mod:`tables` puts them in their cells by their own
boxes, and the PDF ingester takes them out of the page's lines, whatever order tesseract listed
them in. So only lines outside such grids are asked whether they stand side by side.

On ``bench/ocr.py``'s two French table pages (the citizen budget's summary table, the
deliberation's partners table) the reading in the Arabic order gives the same table cells and
the same text outside them as the second reading did, at half the cost.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .tables_grid import find_grids

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

log = logging.getLogger("transform.ocr")
MIN_ROWS = 2  # a grid of one row may be prose in boxes (two columns of text): its order matters


def grid_boxes(pimg: PageImage) -> list[tuple[float, float, float, float]]:
    """The boxes (points: x0, top, x1, bottom) of the page's ruled grids of MIN_ROWS rows or more,
    as :func:`tables.find_tables` looks for them (pale rules included)."""
    k = 72.0 / pimg.dpi
    return [(g.xs[0] * k, g.ys[0] * k, g.xs[-1] * k, g.ys[-1] * k)
            for g in find_grids(pimg.image, pimg.dpi, pale=True) if g.nrows >= MIN_ROWS]


def outside_grids(lines: list[TextLine], boxes: list[tuple[float, float, float, float]]) -> list[TextLine]:
    """The lines whose centre lies in none of ``boxes`` (the test :func:`tables.find_tables` uses
    to take a line into a grid)."""
    def inside(ln: TextLine, b: tuple[float, float, float, float]) -> bool:
        cx, cy = (ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2
        return b[0] <= cx <= b[2] and b[1] <= cy <= b[3]

    return [ln for ln in lines if not any(inside(ln, b) for b in boxes)]


def order_matters(pimg: PageImage, lines: list[TextLine]) -> bool:
    """True when lines outside the page's ruled grids stand side by side (see the module's
    docstring); False when only a table's cells did, and a second reading would change
    nothing that is kept. Errors in the grid search count as True (read again, as before)."""
    from .order import _side_by_side

    try:
        boxes = grid_boxes(pimg)
    except (ValueError, IndexError, MemoryError) as exc:
        log.info("page %d: grids not searched before reading again (%s)", pimg.page, exc)
        return True
    if not boxes:
        return True
    if _side_by_side(outside_grids(lines, boxes)):
        return True
    log.info("page %d: lines side by side only inside %d ruled grid(s): not read again in the other order",
             pimg.page, len(boxes))
    return False
