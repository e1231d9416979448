"""The crops of an OCR'd ruled table's cells, cut clean of their rules and read in one call.

:mod:`tables_cells` reads each cell of a ruled table on its own; this module makes what it reads.
A cell's crop (:func:`_boxes`) reaches MARGIN_IN past the cell's rules, so that a rule of a
slanted scan stays in it whole; the rule is then followed strip by strip and painted out with
everything beyond it (:func:`_unruled`), and the crop is cut to its ink with a white border
(:func:`_trimmed`). A cell printed on a grey ground (a form's shaded label column, a shaded header
row) is read black on white (:func:`_on_white`). All the crops of a table are read as blocks of lines
(``--psm 6``) in one tesseract call, listed in a file (:func:`_read_crops`).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from .._exec import tesseract
from ..errors import ToolError

if TYPE_CHECKING:
    from .render import PageImage
    from .tables_fill import _Filler
    from .tables_read import _Slot
    from .tesseract import OcrResult

log = logging.getLogger("transform.ocr")

MAX_CELLS = 120  # cells read on their own per table at most
MARGIN_IN = 0.05  # a cell is cropped this far outside its rules (inches): a slanted rule stays in the crop
RULE_PAD_IN = 0.02  # a rule's half thickness and a little more (inches), painted out with it
FRINGE = 8  # grey levels under the paper's from which a pixel beside a rule is its fringe
RULE_SHARE = 0.7  # share of a strip's pixels a rule's line of pixels is dark along
BORDER_IN = 0.1  # white border left around a cell's ink (inches)
STRIP_IN = 0.1  # a column rule is followed in strips this high (inches)
MIN_CELL_IN = 0.12  # a cell narrower or lower than this is not read on its own
INK_MARGIN = 20  # grey levels under the paper's from which a pixel is ink when looking for rules
SHADED = 20  # grey levels: a cell whose ground lies this far under the page's paper is printed on a grey ground
INK_UNDER_GROUND = 60  # ...and holds letters when its darkest pixels lie this far under its ground (else grain)
SHADE_CUTS = (0.4, 0.3, 0.5)  # a shaded cell is read black on white cut at these shares of the way from ground to ink


def _unruled(crop: np.ndarray, dpi: float, margin: int) -> np.ndarray:
    """The crop (grey; the cell's rules lie about ``margin`` pixels inside each of its sides)
    cleared outside its rules. A rule of a slanted scan leans by a few pixels along a tall or
    wide cell: it is followed strip by strip (the darkest line of pixels near each side, where it
    is drawn there), and everything from it outward is painted white."""
    paper = float(np.median(crop)) if crop.size else 255.0
    dark, faint = crop < paper - INK_MARGIN, crop < paper - FRINGE
    out = crop.copy()
    _clear_sides(out, dark, faint, dpi, margin)
    _clear_sides(out.T, dark.T, faint.T, dpi, margin)  # (views: the top and bottom rules)
    return out


def _clear_sides(out: np.ndarray, dark: np.ndarray, faint: np.ndarray, dpi: float, margin: int) -> None:
    """Paint white, in ``out``, the left and right rules followed down ``dark`` and what lies
    beyond them; a rule's grey fringe (``faint`` along most of the strip) inside it goes too."""
    h, w = dark.shape
    edge = min(2 * margin, w // 2)
    thick = max(2, int(RULE_PAD_IN * dpi))
    step = max(8, int(STRIP_IN * dpi))
    lefts, rights = _followed(dark, edge, step)
    for y, left, right in zip(range(0, h, step), _filled(lefts, margin), _filled(rights, w - margin), strict=True):
        fr = faint[y:y + step].mean(axis=0) >= RULE_SHARE
        a = left
        while a + 1 < w // 2 and fr[a + 1]:
            a += 1
        b = right
        while b - 1 > w // 2 and fr[b - 1]:
            b -= 1
        out[y:y + step, :min(w, max(a + 1, left + thick))] = 255
        out[y:y + step, max(0, min(b, right - thick + 1)):] = 255


def _followed(dark: np.ndarray, edge: int, step: int) -> tuple[list[int | None], list[int | None]]:
    """Where each strip of ``step`` rows has its left and right rule (the darkest column near the
    side, dark along RULE_SHARE of the strip), or None where it has none."""
    h, w = dark.shape
    lefts: list[int | None] = []
    rights: list[int | None] = []
    for y in range(0, h, step):
        strip = dark[y:y + step]
        need = RULE_SHARE * strip.shape[0]
        cols = strip[:, :edge].sum(axis=0)
        lefts.append(int(np.argmax(cols)) if cols.size and cols.max() >= need else None)
        cols = strip[:, w - edge:].sum(axis=0)
        rights.append(w - edge + int(cols.size - 1 - np.argmax(cols[::-1])) if cols.size and cols.max() >= need else None)
    return lefts, rights


def _filled(found: list[int | None], grid: int) -> list[int]:
    """Each strip's rule, a strip without one taking the nearest strip's above it, or below it
    when none above has one (a rule starts at the top rule of the table's first row, inside the
    first strip: a leaning rule's top left at the grid's place stayed in the crop as a stroke
    read `1` beside a header, Sfax p. 3's `01 الخطط`); the grid's place when no strip has one."""
    out: list[int] = []
    last = next((f for f in found if f is not None), grid)
    for f in found:
        last = f if f is not None else last
        out.append(last)
    return out


def _on_white(crop: np.ndarray, box: np.ndarray, margin: int, paper: float) -> list[np.ndarray]:
    """The crop (grey, cleared of its rules) black on white, once for each of SHADE_CUTS, when its
    cell is printed on a grey ground: the ground's median (``box``, the cell's box with its rules
    ``margin`` pixels inside) SHADED under the page's ``paper``, its darkest pixels (first
    percentile) INK_UNDER_GROUND under the ground. A pixel is black when it lies under the ground
    by more than the cut's share of the way to that ink. Otherwise the crop alone.

    Tesseract's line model reads the grey it is given: on the Health forms' shaded label column
    (ground 217-223 of 255, letters 30-60) it lost whole labels (`تاريخ الترسيم` read `اله` or
    `الع ردم`, `المنصب المعني` read `امه`) that it reads once they stand on white. Which cut reads a
    calligraphic face's ligatures right changes from cell to cell (`تاريخ` read `تارج` at one cut,
    right at the next), hence several, the best kept (:mod:`tables_cells`)."""
    inner = box[2 * margin:box.shape[0] - 2 * margin, 2 * margin:box.shape[1] - 2 * margin]
    if not inner.size:
        return [crop]
    ground = float(np.median(inner))
    dark = float(np.percentile(inner, 1))
    if ground > paper - SHADED or dark > ground - INK_UNDER_GROUND:
        return [crop]
    return [np.where(crop < ground - cut * (ground - dark), 0, 255).astype(np.uint8) for cut in SHADE_CUTS]


def _trimmed(crop: np.ndarray, dpi: float) -> tuple[np.ndarray, int, int]:
    """The crop cut down to its ink with a white border around it, and where the cut crop's
    corner lies in the crop (pixels, x and y)."""
    ink = crop < 255
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not rows.size:
        return crop, 0, 0
    pad = int(BORDER_IN * dpi)
    inner = crop[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    return np.pad(inner, pad, constant_values=255), int(cols[0]) - pad, int(rows[0]) - pad


def _boxes(filler: _Filler, dpi: float, size: tuple[int, int]) -> list[tuple[_Slot, tuple[int, int, int, int]]]:
    """Each cell's box, its rules ``MARGIN_IN`` inside it."""
    g = filler.grid
    m = max(2, int(MARGIN_IN * dpi))
    least = MIN_CELL_IN * dpi
    out = []
    for s in filler.slots.values():
        c = s.cell
        x0, x1 = int(g.xs[c.col]) - m, int(g.xs[c.col + c.colspan]) + m
        y0, y1 = int(g.ys[c.row]) - m, int(g.ys[c.row + c.rowspan]) + m
        if x1 - x0 - 2 * m < least or y1 - y0 - 2 * m < least or x0 < 0 or y0 < 0 or x1 > size[0] or y1 > size[1]:
            continue
        out.append((s, (x0, y0, x1, y1)))
    return out[:MAX_CELLS]


def _read_crops(cuts: list[np.ndarray], pimg: PageImage, langs: str, timeout: float) -> list[OcrResult] | None:
    """Each crop read as a block of lines, all in one tesseract call; None when tesseract fails."""
    from .tesseract import parse_tsv

    try:
        with tempfile.TemporaryDirectory(prefix="taysir-cells-") as tmp:
            names = []
            for n, cut in enumerate(cuts):
                path = Path(tmp) / f"cell{n:03d}.tif"
                Image.fromarray(cut).save(path, "TIFF", dpi=(pimg.dpi, pimg.dpi))
                names.append(str(path))
            listing = Path(tmp) / "cells.txt"
            listing.write_text("\n".join(names) + "\n", encoding="utf-8")
            out = tesseract.tsv(listing, langs=langs, psm=6, timeout=timeout)
    except ToolError as exc:
        log.info("page %d: table cells not read on their own (%s)", pimg.page, exc)
        return None
    rows: dict[int, list[str]] = {}
    for row in out.decode("utf-8", "replace").splitlines():
        cols = row.split("\t", 2)
        if len(cols) > 2 and cols[1].isdigit():
            rows.setdefault(int(cols[1]), []).append(row)
    return [parse_tsv("level\tpage_num\n" + "\n".join(rows.get(n, [])), pimg) for n in range(1, len(cuts) + 1)]


