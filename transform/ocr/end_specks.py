"""A speck at a line's end read as a lone digit (issue 17).

Couthenans' minutes (p. 3, three pictures of a motion's pages) has a short dash of dust beside the
end of a paragraph's last line: tesseract reads it ``1``, and ``... de notre économie. 1`` then
carries a page number into the body. A digit is printed at the height of the line's capitals (a
``1`` from the baseline to the cap line); a speck is a few pixels high. So when a line's last word
is one digit, the ink inside its box is measured: when the ink's height is under ``MIN_HEIGHT`` of
the median ink height of the line's other words of two characters or more, the word is dropped.
A digit set as a superscript (a note's call) is about 0.6 of a capital and stays; a line of fewer
than ``MIN_WORDS`` words (a page number alone, a list's number) is never touched.
"""

from __future__ import annotations

import re
from statistics import median
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

MIN_HEIGHT = 0.35  # a last digit's ink under this share of the line's words' ink height is a speck
MIN_WORDS = 3  # the line's other words measured
_DIGIT = re.compile(r"\d")

Boxes = list[tuple[str, float, float, float, float]]


def _ink_height(dark: np.ndarray, box: tuple[str, float, float, float, float], k: float) -> int:
    _w, x0, top, x1, bottom = box
    cut = dark[max(0, int(top * k)):int(bottom * k) + 1, max(0, int(x0 * k)):int(x1 * k) + 1]
    rows = np.nonzero(cut.any(axis=1))[0]
    return int(rows[-1] - rows[0] + 1) if rows.size else 0


def drop_end_specks(pimg: PageImage, lines: list[TextLine], word_boxes: dict[int, Boxes]) -> int:
    """Drop the lone digit ending a line whose ink is a speck's (see the module's docstring);
    ``word_boxes`` (points, by id(line)) are kept in step. Returns how many words were dropped."""
    dark: np.ndarray | None = None
    k = pimg.dpi / 72.0
    dropped = 0
    for ln in lines:
        boxes = word_boxes.get(id(ln))
        if not boxes or len(boxes) <= MIN_WORDS or [b[0] for b in boxes] != ln.text.split():
            continue
        if not _DIGIT.fullmatch(boxes[-1][0]):
            continue
        if dark is None:
            dark = np.asarray(pimg.image.convert("L")) < 128
        others = [h for b in boxes[:-1] if len(b[0]) >= 2 and (h := _ink_height(dark, b, k)) > 0]
        if len(others) < MIN_WORDS:
            continue
        if _ink_height(dark, boxes[-1], k) < MIN_HEIGHT * median(others):
            word_boxes[id(ln)] = boxes[:-1]
            ln.text = " ".join(b[0] for b in boxes[:-1])
            ln.x1 = boxes[-2][3]
            dropped += 1
    return dropped
