"""A malformed amount of a ruled table read again from several crops of its cell (issue 17).

Putanges' sewerage budget prints ``21 928,38€`` right under its row's rule, a pen stroke across the
digits' tops; the page reading gives ``27 928/382`` (``amount_malformed``, :mod:`cell_doubt`). Its
cell alone, cut a few pixels inside the rules (:mod:`amount_cells`), loses the digits' tops, and crops a
few pixels apart read ``21 928,38€``, ``21 92838€`` or ``21 2838€``: no one reading is to be trusted.

Here each cell of an OCR'd table left ``amount_malformed`` is cut several times (its top at the rule
or ``TOPS`` pixels under it, so no digit top is lost; its sides ``SIDES`` pixels inside the rules),
each crop cut to its ink, enlarged ``SCALE`` times and read as one line of ``fra`` with only the
amount's characters allowed (one tesseract call for the page's tables). The distinct readings that
are well-formed amounts (groups of three, a decimal comma and two digits; a ``€`` put back in a table of
euros) are kept on the cell
(``Cell._readings``), nothing more: no text changes here. The document's totals decide later, once
tables cut by a page break are joined (:mod:`transform.ingest.amount_vouch`): a reading is taken
only when the column's total then adds up to the cent.

A well-formed misreading (``27 928,38€``) no shape test sees; the total does, but maybe on the next page. So
the pixels inside the rules of each well-formed amount of a table of amounts (MIN_AMOUNTS of them at least)
are kept on its cell as PNG bytes (:func:`keep_ink`, ``Cell._ink``, a few KB; nothing read), and read the
same way (:func:`read_inks`) only for the cells a total disagrees with once the document is read.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np
from PIL import Image, ImageOps

from ..errors import ToolError
from .amount_cells import read_lines
from .cell_doubt import MALFORMED, MIN_AMOUNTS

if TYPE_CHECKING:
    from .render import PageImage

log = logging.getLogger("transform.ocr")
TOPS = (0, 2, 4)  # pixels under the rule above the cell where a crop starts (300 dpi; scaled to the page's)
SIDES = (3, 6, 9)  # pixels inside the side rules (300 dpi)
BOTTOM = 3  # pixels above the rule under the cell (300 dpi)
SCALE = 2
MAX_CELLS = 6  # malformed cells read again per table at most
MIN_EUROS = 3  # amounts of the table ending in ``€``: a reading without it gets it back
_WELL = re.compile(r"\d{1,3}(?: \d{3})*,\d\d ?€?")


class _Cell(Protocol):
    text: str
    doubt: str | None
    box: tuple[float, float, float, float] | None
    readings: list[str]
    ink: tuple[bytes, float] | None


def _region(grey: np.ndarray, box: tuple[float, float, float, float], dpi: float) -> np.ndarray:
    """The pixels inside a cell's rules, ``box`` in points."""
    k = dpi / 72.0
    x0, y0, x1, y1 = (int(round(v * k)) for v in box)
    return grey[max(0, y0):y1, max(0, x0):x1]


def _crops(region: np.ndarray, dpi: float) -> list[Image.Image]:
    """The cell's crops (see the module's docstring); ``region``: the pixels inside its rules."""
    px = dpi / 300.0
    h, w = region.shape[:2]
    out = []
    for top in TOPS:
        for side in SIDES:
            a = region[int(top * px):h - max(1, int(BOTTOM * px)), int(side * px):w - int(side * px)]
            if a.size == 0:
                continue
            dark = a < 128
            rows, cols = np.nonzero(dark.any(axis=1))[0], np.nonzero(dark.any(axis=0))[0]
            if rows.size < 4 or cols.size < 4:
                continue
            ink = Image.fromarray(a[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1])
            ink = ink.resize((ink.width * SCALE, ink.height * SCALE), Image.Resampling.LANCZOS)
            out.append(ImageOps.expand(ink, border=max(10, ink.height // 2), fill=255))
    return out


def well_formed(readings: list[str], euro: bool) -> list[str]:
    """The distinct readings that are well-formed amounts, in the order first read, a ``€`` put back
    where the cell printed one (``euro``)."""
    out: list[str] = []
    for text in readings:
        text = text.strip()
        if not _WELL.fullmatch(text):
            continue
        if euro and not text.endswith("€"):
            text += "€"
        if text not in out:
            out.append(text)
    return out


def read_amounts(pimg: PageImage, cells: Sequence[_Cell], timeout: float) -> int:
    """Give each ``amount_malformed`` cell (with a ``box``) the well-formed amounts its crops read
    (``cell.readings``); ``pimg``: the page's ink image. Returns how many cells got a reading."""
    asked = [c for c in cells if c.doubt == MALFORMED and c.box is not None][:MAX_CELLS]
    if not asked:
        return 0
    grey = np.asarray(pimg.image.convert("L"))
    images: list[Image.Image] = []
    spans: list[tuple[_Cell, int, int]] = []
    for c in asked:
        crops = _crops(_region(grey, c.box, pimg.dpi), pimg.dpi)  # type: ignore[arg-type]
        spans.append((c, len(images), len(images) + len(crops)))
        images += crops
    try:
        reads = read_lines(images, timeout)
    except ToolError as exc:
        log.info("page %d: malformed amounts not read again (%s)", pimg.page, exc)
        return 0
    euros = sum(1 for c in cells if _WELL.fullmatch(t := c.text.strip()) and t.endswith("€")) >= MIN_EUROS
    got = 0
    for c, a, b in spans:
        c.readings = well_formed([t for t, _conf in reads[a:b]], euros or c.text.strip().endswith("€"))
        got += bool(c.readings)
    return got


def keep_ink(pimg: PageImage, cells: Sequence[_Cell]) -> int:
    """Keep the pixels inside the rules of each well-formed amount of a table of amounts (``cell.ink``: PNG
    bytes, a few KB) for the document's totals: a cell a total says is wrong is read again from them then
    (:func:`read_inks`), once the tables cut by a page break are joined. Nothing is read here."""
    well = [c for c in cells if c.box is not None and _WELL.fullmatch(c.text.strip())]
    if len(well) < MIN_AMOUNTS:
        return 0
    k = pimg.dpi / 72.0
    for c in well:
        x0, y0, x1, y1 = (int(round(v * k)) for v in c.box)  # type: ignore[union-attr]
        x1, y1 = min(x1, pimg.image.width), min(y1, pimg.image.height)  # (PIL pads a crop past the page with black)
        if x1 > x0 and y1 > y0:
            out = io.BytesIO()
            pimg.image.crop((max(0, x0), max(0, y0), x1, y1)).convert("L").save(out, format="PNG", compress_level=1)
            c.ink = (out.getvalue(), float(pimg.dpi))
    return len(well)


def read_inks(inks: Sequence[tuple[bytes, float]], euro: bool, timeout: float) -> list[list[str]]:
    """The well-formed amounts each kept cell's crops read (:func:`keep_ink`), one tesseract call for all;
    empty lists when tesseract fails."""
    images: list[Image.Image] = []
    spans = []
    for data, dpi in inks:
        crops = _crops(np.asarray(Image.open(io.BytesIO(data)).convert("L")), dpi)
        spans.append((len(images), len(images) + len(crops)))
        images += crops
    try:
        reads = read_lines(images, timeout)
    except ToolError as exc:
        log.info("amounts a total doubts not read again (%s)", exc)
        return [[] for _ in inks]
    return [well_formed([t for t, _conf in reads[a:b]], euro) for a, b in spans]
