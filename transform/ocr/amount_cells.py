"""A French amount of a ruled table read with a lost digit, read again on its cell alone (issue 17).

Putanges' budget (p. 11) prints ``100 000,00€`` in a cell; the page reading and the per-cell
reading both gave ``100 00,00€``: a group of two digits after a thousands space, which no French
amount has. Such a cell (one piece of text that is an amount whose groups after the first are not
all of three digits) is cut from the page's ink inside its rules, enlarged ``SCALE`` times and read
as one line with only digits, the space, the comma and ``€`` allowed (one tesseract call for the
page's tables). The cell takes the reading only when it is a well-formed amount (groups of three, a
decimal comma with two digits) read at ``MIN_CONF`` or more whose digits hold the first reading's
digits in order with at most ``MAX_ADDED`` more: a digit is only put back where the ink shows it.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageOps

from ..errors import ToolError
from .crop_reads import read_crops
from .table_digits import cell_ink

if TYPE_CHECKING:
    from .render import PageImage
    from .tables_fill import _Filler

log = logging.getLogger("transform.ocr")
SCALE = 2  # the cell's ink enlarged this many times before it is read
MIN_CONF = 70.0
MAX_ADDED = 1  # digits the new reading may hold beyond the first one's
MAX_CELLS = 12  # cells read again per table at most
AMOUNT_CHARS = "0123456789 ,€"
INSET_IN = 0.03  # the cell is cut this far inside its rules (inches)
_SPLIT = re.compile(r"\d{1,3}(?: \d{1,3})+,\d\d(?: ?€)?")
_WELL = re.compile(r"\d{1,3}(?: \d{3})*,\d\d(?: ?€)?")


def _text(slot: object) -> str:
    return " ".join(p.text for p in slot.pieces).strip()  # type: ignore[attr-defined]


def malformed(text: str) -> bool:
    """An amount with thousands spaces whose groups are not all of three digits (``100 00,00€``)."""
    return bool(_SPLIT.fullmatch(text)) and not _WELL.fullmatch(text)


def _holds(new: str, old: str) -> bool:
    """``old``'s digits appear in ``new``'s in order, with at most MAX_ADDED more."""
    if not 0 <= len(new) - len(old) <= MAX_ADDED:
        return False
    it = iter(new)
    return all(ch in it for ch in old)


def reread_malformed(pimg: PageImage, filler: _Filler, timeout: float, others: dict[int, str] | None = None) -> int:
    """Read again the cells of ``filler`` holding a malformed amount (see the module's docstring);
    ``pimg``: the page's ink image. Returns how many cells changed. A reading not taken that holds digits
    and differs from the cell goes to ``others`` (id(slot) -> text): the reviewer's second reading
    (``Cell.suggestion``), never written in the cell."""
    asked = [s for s in filler.slots.values() if len(s.pieces) == 1 and malformed(_text(s))][:MAX_CELLS]
    if not asked:
        return 0
    g, inset = filler.grid, max(2, int(INSET_IN * pimg.dpi))
    grey = np.asarray(pimg.image.convert("L"))
    images, kept = [], []
    for slot in asked:
        ink = cell_ink(grey, g, slot, inset, slot.cell.colspan)
        if ink is None:
            continue
        ink = ink.resize((ink.width * SCALE, ink.height * SCALE), Image.Resampling.LANCZOS)
        images.append(ImageOps.expand(ink, border=max(10, ink.height // 2), fill=255))
        kept.append(slot)
    try:
        reads = read_lines(images, timeout)
    except ToolError as exc:
        log.info("page %d: amounts of a table not read again (%s)", pimg.page, exc)
        return 0
    changed = 0
    for slot, (text, conf) in zip(kept, reads, strict=False):
        old = _text(slot)
        digits_old, digits_new = re.sub(r"\D", "", old), re.sub(r"\D", "", text)
        if _WELL.fullmatch(text) and conf >= MIN_CONF and _holds(digits_new, digits_old):
            if old.endswith("€") and not text.endswith("€"):
                text += "€"
            slot.pieces[0].text = text  # type: ignore[attr-defined]
            changed += 1
        elif others is not None and re.search(r"\d", text) and text.replace(" ", "") != old.replace(" ", ""):
            others[id(slot)] = text
    return changed


def read_lines(images: list[Image.Image], timeout: float, allowed: str = AMOUNT_CHARS,
               lang: str = "fra") -> list[tuple[str, float]]:
    """Each image read as one line of the characters ``allowed`` (one tesseract call, a list
    file): its words joined by a space, with their mean confidence."""
    return [(" ".join(w for w, _ in ws), sum(c for _, c in ws) / len(ws) if ws else 0.0)
            for ws in read_crops(images, lang=lang, psm=7, allowed=allowed, timeout=timeout, stem="a")]
