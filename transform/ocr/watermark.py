"""A grey layer drawn under the text of a rendered page, removed before OCR.

Court judgments and some council notices print an emblem and the institution's names in grey
behind the body text; table headers are shaded. Otsu's threshold keeps the darker half of such
a layer, and tesseract then reads watermark letters crossing the lines (a Casablanca judgment
whose emblem and court names are printed in grey under its text: tesseract found 0.74 and 0.79
of its two pages' words with the watermark, 0.87 and 0.84 without). The layer is found per page by a
measure, not by a rule about any document:

* the **text ink** is the darkest part of the page: pixels within CORE_SPAN grey levels of the
  darkest tenth of the non-paper pixels (black type renders at 0, with one pixel of
  anti-aliasing around each stroke);
* the **grey layer** is the rest of the non-paper pixels that are not next to text ink (the
  anti-aliased edges of the type are next to it);
* the layer is a watermark when it is a real share of the ink (MIN_SHARE) and most of it
  (MIN_UNDER) lies in cells of the page that also hold text ink: it is *under* the text. A
  grey heading, grey body text or a logo standing on its own fills cells without black type
  (the corpus's pages with a grey logo, a letterhead template or grey type measure 0.00-0.06
  here; the judgment's pages 0.51 and 1.00, a shaded table header 1.00).

Only the grey pixels of the **body** are turned to paper: the cells holding text, and the
cells between them, i.e. with text cells on both sides (left and right) within BODY_ROWS rows
of cells above or below. A watermark's names run on beside short lines (a judgment's bench:
one name a line, set right, with `المملكة المغربية` and the council's name printed grey to the
left of it), in cells without black type but inside the body's width. Whatever grey stands
apart (a logo in the margin, a grey heading beside no text) is left to the OCR as before. A
page without such a layer is returned unchanged (the same image object).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

PAPER_MARGIN = 40  # non-paper pixels: darker than the paper level by at least this
CORE_SPAN = 32  # text ink: within this many grey levels of the darkest tenth of the non-paper pixels
CELL_PT = 18.0  # side of the cells that tell "under the text" from "standing apart" (about a line)
CELL_INK = 30  # a cell holds text when it has at least this many text-ink pixels
MIN_SHARE = 0.10  # the grey layer must be at least this share of the non-paper pixels...
MIN_UNDER = 0.50  # ...and at least this share of it must lie in cells that hold text
BODY_ROWS = 6  # a cell is inside the body when text cells lie left and right of it within this many rows (about 6 lines)


@dataclass(frozen=True)
class GreyLayer:
    share: float  # grey-layer pixels / non-paper pixels
    under: float  # share of the grey layer lying in cells that hold text ink
    removed: float  # share of the non-paper pixels turned to paper (0 when nothing was removed)


def remove_grey_layer(img: Image.Image, dpi: float, level: int | None = None) -> tuple[Image.Image, GreyLayer]:
    """The page image without the grey layer under its text (see the module doc), and the measure.
    ``level``: the threshold the page will be binarised at; grey lighter than it turns to paper
    anyway and is neither measured nor touched (a pale shading changes nothing)."""
    a = np.asarray(img.convert("L"))
    if not a.size:
        return img, GreyLayer(0.0, 0.0, 0.0)
    paper = float(np.percentile(a, 90))
    inked = a < paper - PAPER_MARGIN
    if level is not None:
        inked &= a <= level
    count = int(inked.sum())
    if count == 0:
        return img, GreyLayer(0.0, 0.0, 0.0)
    core_level = float(np.percentile(a[inked], 10)) + CORE_SPAN
    core = a <= core_level
    # next to text ink: a 3 x 3 neighbourhood reaches the anti-aliased edge pixels of the type
    near = np.asarray(img.convert("L").filter(ImageFilter.MinFilter(3))) <= core_level
    grey = inked & ~near
    share = float(grey.sum()) / count
    cell = max(8, round(CELL_PT * dpi / 72.0))
    text_cells = _cells(core, cell) >= CELL_INK
    grey_cells = _cells(grey, cell)
    under = float(grey_cells[text_cells].sum()) / max(1, int(grey_cells.sum()))
    if share < MIN_SHARE or under < MIN_UNDER:
        return img, GreyLayer(share, under, 0.0)
    h, w = a.shape
    in_text = np.repeat(np.repeat(_body(text_cells), cell, axis=0), cell, axis=1)[:h, :w]
    drop = grey & in_text
    out = a.copy()
    out[drop] = 255
    return Image.fromarray(out), GreyLayer(share, under, float(drop.sum()) / count)


def _body(text_cells: np.ndarray) -> np.ndarray:
    """The cells holding text and those between them: text cells on both sides (left and right)
    within BODY_ROWS rows above or below."""
    rows = text_cells.shape[0]
    band = np.zeros_like(text_cells)
    for r in range(rows):
        band[r] = text_cells[max(0, r - BODY_ROWS):r + BODY_ROWS + 1].any(axis=0)
    left = np.logical_or.accumulate(band, axis=1)
    right = np.logical_or.accumulate(band[:, ::-1], axis=1)[:, ::-1]
    return text_cells | (left & right)


def _cells(mask: np.ndarray, cell: int) -> np.ndarray:
    """Pixel counts of ``mask`` in square cells of ``cell`` pixels (the last row and column padded)."""
    h, w = mask.shape
    rows, cols = -(-h // cell), -(-w // cell)
    padded = np.zeros((rows * cell, cols * cell), dtype=np.int32)
    padded[:h, :w] = mask
    return padded.reshape(rows, cell, cols, cell).sum(axis=(1, 3))
