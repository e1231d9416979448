"""A lone digit of an Arabic table's cell read as Latin letters, read again as a digit (issue 17).

Sfax's notice numbers its posts' grades in a column of one-digit cells (``5``); ``ara+fra``
reads some of them as ``s`` or ``bis``. A cell whose whole text is one short Latin word
(``MAX_LETTERS`` letters at most), in a column of the same table where most of the other filled
cells below the first row are a number of one or two digits, at least as many as the column's
such Latin cells (a column of letter codes ``A``, ``B``, ``C`` with one number is not asked), is cut
from the page's ink (inside its rules) and read again restricted to digits (one tesseract call for
the table, the digit reader of :mod:`digit_glyphs`). The cell takes the reading only when it is one
or two digits read at ``MIN_CONF`` or more; otherwise it stays as read. A cell with an Arabic
letter, a digit, or more than one word is never asked: no number is written where the column
and a reading of the cell's own ink do not both say so.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image, ImageOps

from ..errors import ToolError

if TYPE_CHECKING:
    from .render import PageImage
    from .tables_fill import _Filler

log = logging.getLogger("transform.ocr")
MAX_LETTERS = 3
MIN_NUMBERS = 1
MIN_CONF = 60.0
INSET_IN = 0.03  # the cell is cut this far inside its rules (inches)
_LATIN_ONLY = re.compile(rf"[A-Za-z]{{1,{MAX_LETTERS}}}")
_SHORT_NUMBER = re.compile(r"\d{1,2}")


def _text(slot: object) -> str:
    return " ".join(p.text for p in slot.pieces).strip()  # type: ignore[attr-defined]


def lone_digits(pimg: PageImage, filler: _Filler, timeout: float) -> int:
    """Read again as digits the one-word Latin cells of a column of short numbers (see the module's
    docstring); returns how many cells changed. ``pimg``: the page's ink image."""
    from .digit_glyphs import DIGIT_SETS, read_digit_images

    by_col: dict[int, list[object]] = {}
    for slot in filler.slots.values():
        if slot.cell.colspan == 1:
            by_col.setdefault(slot.cell.col, []).append(slot)
    asked = []
    for slots in by_col.values():
        texts = [_text(s) for s in slots]
        latin = [s for s, t in zip(slots, texts, strict=True) if _LATIN_ONLY.fullmatch(t)]
        body = [t for s, t in zip(slots, texts, strict=True) if t and s.cell.row > 0 and not _LATIN_ONLY.fullmatch(t)]
        numbers = sum(1 for t in body if _SHORT_NUMBER.fullmatch(t))
        if latin and MIN_NUMBERS <= numbers and len(latin) <= numbers and 2 * numbers > len(body):
            asked += latin
    if not asked:
        return 0
    g, inset = filler.grid, max(2, int(INSET_IN * pimg.dpi))
    grey = np.asarray(pimg.image.convert("L"))
    images, kept = [], []
    for slot in asked:
        glyph = cell_ink(grey, g, slot, inset, 1)
        if glyph is None:
            continue
        images.append(ImageOps.expand(glyph, border=max(10, glyph.height // 2), fill=255))
        kept.append(slot)
    try:
        reads = read_digit_images(images, DIGIT_SETS[0], timeout)
    except ToolError as exc:
        log.info("page %d: lone digits of a table not read again (%s)", pimg.page, exc)
        return 0
    changed = 0
    for slot, (digits, conf) in zip(kept, reads, strict=False):
        if _SHORT_NUMBER.fullmatch(digits) and conf >= MIN_CONF:
            pieces = slot.pieces  # type: ignore[attr-defined]
            pieces[0].text = digits
            del pieces[1:]
            changed += 1
    return changed


def cell_ink(grey: np.ndarray, grid: Any, slot: Any, inset: int, span: int) -> Image.Image | None:
    """The ink of a grid cell ``span`` columns wide, ``inset`` pixels inside its rules, cut to its dark pixels; None
    when the cell is too small or blank."""
    c = slot.cell
    x0, x1 = int(grid.xs[c.col]) + inset, int(grid.xs[c.col + span]) - inset
    y0, y1 = int(slot.y0) + inset, int(slot.y1) - inset
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    box = grey[y0:y1, x0:x1]
    dark = box < 128
    rows, cols = np.nonzero(dark.any(axis=1))[0], np.nonzero(dark.any(axis=0))[0]
    if not rows.size or not cols.size:
        return None
    return Image.fromarray(box[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1])
