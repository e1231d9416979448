"""The hyphen of a French code's article number, lost by the page reading (issue 17).

French codes number their articles ``L. 2215-1``, ``R. 151-20``, ``D. 1111-3`` (the part, then the
article after a hyphen). Haute-Saône's order (p. 1) prints ``L. 2215-1,``; tesseract read
``22151,``: a number no code has, and another figure for a reader. A word of four digits or more
(with a closing punctuation mark) right after a code's letter (``L.``, ``R.``, ``D.``) is cut from
the page image, enlarged ``SCALE`` times and read as one line with only digits, the hyphen and
punctuation allowed (one tesseract call for the page), with the English model when it is installed
(``fra`` read the word's crop ``22151,`` again at every scale; ``eng`` reads ``2215-1,``). The word takes the reading only when it is
the same digits in the same order with one or two hyphens between them (never first or last),
read at ``MIN_CONF`` or more: only a hyphen the ink shows is put back, no digit changes.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from PIL import Image, ImageOps

from ..errors import ToolError
from .crop_reads import pixel_box

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

log = logging.getLogger("transform.ocr")
SCALE = 2
MIN_CONF = 60.0
PAD = 0.15  # the crop reaches this share of the word's height past its box
MAX_WORDS = 20  # words read again per page at most
ALLOWED = "0123456789-,.;:"
_CODE = re.compile(r"[LRD]\.?")
_WORD = re.compile(r"(\d{4,})([,.;:]?)")
_HYPHENED = re.compile(r"\d+(?:-\d+){1,2}")

Boxes = list[tuple[str, float, float, float, float]]


def hyphen_back(old: str, new: str) -> str | None:
    """``new``'s number when it is ``old``'s digits with one or two hyphens inside, else None."""
    core = new.strip().rstrip(",.;:")
    if _HYPHENED.fullmatch(core) and core.replace("-", "") == old:
        return core
    return None


def article_hyphens(pimg: PageImage, lines: list[TextLine], word_boxes: dict[int, Boxes], timeout: float) -> int:
    """Read again the article numbers after a code's letter (see the module's docstring); the
    lines' text and ``word_boxes`` (points, by id(line)) are updated together. Returns the words changed."""
    from .amount_cells import read_lines
    from .pages import _models

    asked: list[tuple[TextLine, int]] = []
    for ln in lines:
        boxes = word_boxes.get(id(ln))
        if not boxes or [b[0] for b in boxes] != ln.text.split():
            continue
        for n in range(1, len(boxes)):
            if _CODE.fullmatch(boxes[n - 1][0]) and _WORD.fullmatch(boxes[n][0]):
                asked.append((ln, n))
    asked = asked[:MAX_WORDS]
    if not asked:
        return 0
    k = pimg.dpi / 72.0
    grey = pimg.image.convert("L")
    images = []
    for ln, n in asked:
        _w, x0, top, x1, bottom = word_boxes[id(ln)][n]
        pad = PAD * (bottom - top)
        crop = grey.crop(pixel_box(x0, top, x1, bottom, k, grey.width, grey.height, pad))
        crop = crop.resize((crop.width * SCALE, crop.height * SCALE), Image.Resampling.LANCZOS)
        images.append(ImageOps.expand(crop, border=max(10, crop.height // 2), fill=255))
    try:
        reads = read_lines(images, timeout, ALLOWED, "eng" if "eng" in _models() else "fra")
    except ToolError as exc:
        log.info("page %d: article numbers not read again (%s)", pimg.page, exc)
        return 0
    changed = 0
    for (ln, n), (text, conf) in zip(asked, reads, strict=False):
        boxes = word_boxes[id(ln)]
        m = _WORD.fullmatch(boxes[n][0])
        if m is None or conf < MIN_CONF or (number := hyphen_back(m.group(1), text)) is None:
            continue
        boxes[n] = (number + m.group(2), *boxes[n][1:])
        ln.text = " ".join(b[0] for b in boxes)
        changed += 1
    return changed
