"""A date stamp's numbers read one by one (issue 17).

:func:`stamps.read_all` reads a blue figure stamp as one line. A date stamp prints its day and its year
in a condensed face, a glyph apart, and leaves room between them for a month written by hand
(``2023 <month> 10``): read as one line, the handwriting and the condensed year come out at random
(``2073 vr 19``, ``1023 4 10``), so the year was lost (or the whole stamp left in the image, its line
read ``44``). Here the stamp's ink is cut into its glyph columns; the **digit columns** are those as
tall as the stamp's figures (the handwriting is lower and wider, a dash is short), and a run of them
with nothing else between is one number. Each number is cut alone, its gaps closed, widened (the
condensed face's ``0`` and ``2`` are read ``9`` and ``7`` as printed) and read as digits only by two
models (``eng`` and the script model ``Arabic``: ``fra`` reads the condensed ``0`` as ``9`` and
``2023`` as ``2073``), each at two heights and two widenings. A number is kept when at least half the
readings of each model give it, as for the whole stamp. Nothing is read where the ink is not a
digit's: the month between stays unread (see :func:`stamps.read_all`, which leaves the line in doubt).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

TALL = 0.8  # a digit column is at least this share of the stamp's tallest column
HEIGHTS = (32, 48)  # each number read scaled to these heights (pixels)
WIDEN = (1.4, 1.7)  # and widened by these factors: a date stamp's face is condensed
MODELS = ("eng", "Arabic")  # both must give a number in half their readings or more
DIGITS = "0123456789"


def _columns(ink: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The ink's glyph columns (runs of inked columns): x0, x1, top, bottom."""
    from .stamps import _runs

    out = []
    for x0, x1 in _runs(ink.any(axis=0), 1):
        rows = np.flatnonzero(ink[:, x0:x1].any(axis=1))
        out.append((x0, x1, int(rows[0]), int(rows[-1]) + 1))
    return out


def number_boxes(ink: np.ndarray) -> tuple[list[tuple[int, int, int, int]], bool]:
    """The boxes (x0, x1, top, bottom) of the runs of digit columns in a stamp's ink, left to right, and
    whether ink that is no digit's stands between two of them (a handwritten month)."""
    cols = _columns(ink)
    if not cols:
        return [], False
    tallest = max(b - t for _x0, _x1, t, b in cols)
    boxes: list[list[tuple[int, int, int, int]]] = [[]]
    between = False
    for c in cols:
        if c[3] - c[2] >= TALL * tallest:
            boxes[-1].append(c)
        elif boxes[-1]:
            boxes.append([])
            between = True
    groups = [g for g in boxes if g]
    between = between and len(groups) > 1
    return [(g[0][0], g[-1][1], min(c[2] for c in g), max(c[3] for c in g)) for g in groups], between


def _renderings(ink: np.ndarray, box: tuple[int, int, int, int]) -> list[Image.Image]:
    from .stamps import packed

    x0, x1, top, bottom = box
    return sizes(packed(ink[top:bottom, x0:x1]), bottom - top)


def sizes(img: Image.Image, h: int) -> list[Image.Image]:
    """A number's crop (its digits ``h`` pixels tall) scaled to each of :data:`HEIGHTS` and widened by each of
    :data:`WIDEN`: the renderings :func:`read_boxes` reads."""
    out = []
    for px in HEIGHTS:
        for widen in WIDEN:
            s = px / h
            out.append(img.resize((max(1, round(img.width * s * widen)), max(1, round(img.height * s))),
                                  Image.Resampling.LANCZOS))
    return out


def read_numbers(inks: list[np.ndarray], timeout: float) -> list[list[str | None]]:
    """For each stamp's ink, its numbers left to right: the number both models agree on, or None.
    One tesseract call per model for all the stamps' numbers."""
    boxes = [number_boxes(ink)[0] for ink in inks]
    images = [im for ink, bs in zip(inks, boxes, strict=True) for b in bs for im in _renderings(ink, b)]
    return read_boxes(boxes, images, timeout, "sd")


def read_boxes(boxes: list[list[tuple[int, int, int, int]]], images: list[Image.Image], timeout: float,
               stem: str) -> list[list[str | None]]:
    """Each stamp's numbers from the renderings of its number boxes (:func:`sizes`' count per box, in order):
    digits only, by the two models; a number kept as both agree (:func:`agreed`) or as a year
    (:func:`ink.year_read`: a worn year, one model, the other no year), else None."""
    from .crop_reads import read_crops
    from .ink import year_read

    if not images:
        return [[] for _ in boxes]
    per = len(HEIGHTS) * len(WIDEN)
    reads = {m: read_crops(images, lang=m, psm=7, allowed=DIGITS, timeout=timeout, stem=stem) for m in MODELS}
    out: list[list[str | None]] = []
    k = 0
    for bs in boxes:
        found: list[str | None] = []
        for _b in bs:
            texts = {m: ["".join(w for w, _c in r) for r in reads[m][k:k + per]] for m in MODELS}
            found.append(agreed(texts) or year_read(texts))
            k += per
        out.append(found)
    return out


def agreed(texts: dict[str, list[str]]) -> str | None:
    """The number (two digits or more) that at least half the readings of every model give, else None."""
    first = next(iter(texts.values()))
    for cand in dict.fromkeys(first):
        if len(cand) >= 2 and cand.isdigit() and all(2 * rs.count(cand) >= len(rs) for rs in texts.values()):
            return cand
    return None
