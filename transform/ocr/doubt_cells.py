"""An OCR'd table cell read with middling confidence is in doubt on its own, though its block would not be.

A block is in doubt under ``confidence.DOUBT_BELOW`` (0.70): a paragraph read at 0.75 is mostly right, and
putting every such paragraph in doubt sends the reviewer to many right words for few errors. A table cell is a
small unit: one value, one label, a few words that a reader takes as they are, paired with their row and column.
On the corpus's OCR'd tables a cell read under :data:`CELL_BELOW` (0.77) is often misread (a scanned cover's rate
table read at 0.74-0.76: ``400DH`` for ``400 DH``, an address read into a cell), and flagging it costs only its own
words. Measured over the truth pages: 39 errors caught for 89 right words put in doubt; a bar of 0.80 catches one
more error for 326 right words (a budget statement's right amounts read at 0.79). :func:`mark_weak_cells` puts such a cell in doubt
(``ocr_low_confidence``, the code of a block read under the bar), and its table when it had none, as
``confidence.apply`` does for a doubtful cell. A table in doubt throughout already (its confidence low, or its
doubt its own while no cell carries one) is left so. Only cells with a confidence of their own (read by OCR) are
looked at; a text layer's tables carry none. Every word stays as read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Table
from .confidence import DOUBT_BELOW, OCR_LOW

CELL_BELOW = 0.77  # an OCR'd cell read under this confidence is in doubt (module docstring: 0.80 costs 4 times as many right words)


def _filled(cell: Any) -> bool:
    return any(s.text.strip() for s in cell.sentences)


def mark_weak_cells(blocks: Sequence[Any]) -> int:
    """Put every filled cell read under CELL_BELOW with no doubt of its own in doubt; how many cells were marked."""
    n = 0
    for t in blocks:
        if not isinstance(t, Table):
            continue
        cells = [c for row in t.rows for c in row]
        if (t.confidence is not None and t.confidence < DOUBT_BELOW) or (t.doubt and not any(c.doubt for c in cells)):
            continue  # in doubt throughout
        hit = 0
        for c in cells:
            if c.doubt is None and c.confidence is not None and c.confidence < CELL_BELOW and _filled(c):
                c.doubt = OCR_LOW
                hit += 1
        if hit and not t.doubt:
            t.doubt = OCR_LOW
        n += hit
    return n
