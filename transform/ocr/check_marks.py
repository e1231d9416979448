"""A check mark printed as a list's bullet, read as a letter, told by its shape (issue 17).

Council minutes list what the council decides after a check mark (``✓ Vote le budget 2024``); the ``fra`` model reads
the mark as a letter with a trailing mark: ``Y_``, ``Y``, ``Ÿ``, ``Y’_``, ``Y”_``. The "word" then stands in the text
and the item is not told from a paragraph. A line's first word of one letter (marks after it allowed) standing
apart from the next word (a gap of ``GAP`` of its width or more) is a check mark when its ink has the mark's shape:

* the top ``TOP`` of its height is inked only in its right part (right of ``RIGHT`` of its width): no letter's
  arm, serif or apex there (``Y``, ``V``, ``A`` fail);
* its left quarter is inked, and that ink reaches above the lowest ``FOOT`` of its height, and its leftmost ink stays
  above the lowest part of it (``TIP``: the short arm's tip; a slash's or a ``Z``'s left end is its foot);
* its foot is one and left of the middle (the bottom row's ink narrow, centred left of ``MIDDLE``).

It is then written ``✓``, which the block builder takes for a bullet (``pdf_blocks.BULLET``). No tesseract call.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

MARK = "✓"
GAP = 0.5  # the gap to the next word, in the mark's widths
TOP = 0.35
RIGHT = 0.45
FOOT = 0.3
MIDDLE = 0.5
TIP = 0.85
INK = 128
_READ = re.compile(r"^[A-Za-zŸÿ][_’”'\"`]*$")


def _largest(ink: np.ndarray) -> np.ndarray:
    """The largest 8-connected piece of ``ink`` (a speck beside the mark left out)."""
    seen = np.zeros_like(ink, dtype=bool)
    best: list[tuple[int, int]] = []
    h, w = ink.shape
    for start in zip(*np.nonzero(ink), strict=True):
        if seen[start]:
            continue
        seen[start] = True
        todo, piece = [start], []
        while todo:
            r, c = todo.pop()
            piece.append((r, c))
            for rr in (r - 1, r, r + 1):
                for cc in (c - 1, c, c + 1):
                    if 0 <= rr < h and 0 <= cc < w and ink[rr, cc] and not seen[rr, cc]:
                        seen[rr, cc] = True
                        todo.append((rr, cc))
        if len(piece) > len(best):
            best = piece
    out = np.zeros_like(ink, dtype=bool)
    for r, c in best:
        out[r, c] = True
    return out


def check_shape(ink: np.ndarray) -> bool:
    """Has this ink (True = inked) a check mark's shape (module doc)? Its largest piece is looked at."""
    ink = _largest(ink)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if len(rows) < 6 or len(cols) < 4:
        return False
    box = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    h, w = box.shape
    if not 0.6 <= w / h <= 1.6:
        return False
    top = box[:max(1, int(TOP * h))]
    if top[:, :int(RIGHT * w)].any() or not top.any():
        return False
    left = np.flatnonzero(box[:, :max(1, w // 4)].any(axis=1))
    if not len(left) or left[0] > (1 - FOOT) * h:
        return False
    tip = np.flatnonzero(box[:, 0])  # the leftmost ink: the arm's tip, above the foot (a Z's, a slash's foot)
    if tip[-1] >= TIP * h:
        return False
    foot = np.flatnonzero(box[-max(1, h // 10):].any(axis=0))
    return (foot[-1] - foot[0] + 1) < 0.4 * w and (foot[0] + foot[-1]) / 2 < MIDDLE * w


def check_marks(image: PageImage, lines: list[TextLine], result: OcrResult) -> int:
    """Each line's first word read as a letter where a check mark is printed written ``✓``; how many."""
    grey: np.ndarray | None = None
    k = image.dpi / 72.0
    done = 0
    for ln in lines:
        listed = result.word_boxes.get(id(ln))
        if not listed or len(listed) < 2 or [w for w, *_b in listed] != ln.text.split():
            continue
        (w, x0, t, x1, b), nxt = listed[0], listed[1]
        if not _READ.match(w) or nxt[1] - x1 < GAP * (x1 - x0) or not nxt[0][:1].isupper():
            continue
        if grey is None:
            grey = np.asarray(image.image.convert("L"))
        pad = max(2, int(0.2 * (b - t) * k))
        crop = grey[max(0, int(t * k) - pad):int(b * k) + pad + 1, max(0, int(x0 * k) - pad):int(x1 * k) + pad + 1]
        if check_shape(crop < INK):
            listed[0] = (MARK, *listed[0][1:])
            ln.text = " ".join(v for v, *_b in listed)
            done += 1
    return done


_LAYER_READ = re.compile(r"^[A-Za-zŸÿ][_’”'\"`]*$|^[_’”'\"`*#]+$")  # a kept layer's reading of the mark: `v`, `Y’_`, `*_`


def _first_ink(ink: np.ndarray, gap: int) -> tuple[int, int] | None:
    """The first run of inked columns of a line's band (a word's ink), ended by ``gap`` blank columns."""
    cols = np.flatnonzero(ink.any(axis=0))
    if not cols.size:
        return None
    end = cols[0]
    for c in cols[1:]:
        if c - end > gap:
            break
        end = c
    return int(cols[0]), int(end) + 1


def layer_marks(image: PageImage, lines: list[TextLine]) -> int:
    """A kept earlier OCR's line (foreign_layer.py) whose first word is a letter or marks alone before a
    capitalised word, where the ink at the line's start has a check mark's shape (:func:`check_shape`): the word
    is written ``✓``, as on the lines we read ourselves; how many. The layer gives no word boxes: the first word's
    ink is the band's first run of inked columns from the line's left end. No tesseract call."""
    grey: np.ndarray | None = None
    k = image.dpi / 72.0
    done = 0
    for ln in lines:
        words = ln.text.split()
        if len(words) < 2 or not _LAYER_READ.match(words[0]) or not words[1][:1].isupper():
            continue
        if grey is None:
            grey = np.asarray(image.image.convert("L"))
        h = ln.bottom - ln.top
        top, bottom = max(0, int((ln.top - 0.1 * h) * k)), int((ln.bottom + 0.1 * h) * k) + 1
        left = max(0, int((ln.x0 - 0.3 * h) * k))
        band = grey[top:bottom, left:int((ln.x0 + 3 * h) * k)] < INK
        span = _first_ink(band, max(2, int(0.2 * h * k)))
        if span is not None and check_shape(band[:, span[0]:span[1]]):
            ln.text = " ".join([MARK, *words[1:]])
            done += 1
    return done
