"""Latin letters read inside an Arabic table's cells, read again with the Arabic script model.

``ara+fra`` reads a short Arabic word of a scanned table cell as French now and then: `على` as
`le` or `de` (the joint order's grain standards, `le 3 الأكثر` for `3 على الأكثر`), a stroke of a
header word as `RES IE`, half a cell as `Ceci` or `Ha dal` (Health's list of posts). One such
word breaks the cell, and with it the whole row. In a table whose lines are mostly Arabic, every
printed line of a cell holding Latin letters is read again alone (one tesseract call for the
table, single-line mode) with the Arabic script model (it has Latin letters too, but gives an
Arabic word its Arabic reading far more often than ``ara+fra``); the reading replaces the line's
text when it is confident (``MIN_CONF``), has no Latin letter, and agrees
with the Arabic words the first reading kept (``AGREE``: it is the same printed line, not a
stamp or a neighbour's line) and keeps every number it read. Then (within the same call) the
lines holding an Arabic word the word list does not know: their new reading is kept only with as
many words, every one known (Tangier's header `القطاع`, stretched by kashida, read `القتفاع`).
Without the script model installed nothing changes.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..errors import ToolError
from .tables_read import _AR, _clean

if TYPE_CHECKING:
    from .render import PageImage
    from .tables_fill import _Filler
    from .tables_read import _Piece

log = logging.getLogger("transform.ocr")
MIN_CONF = 50.0  # tesseract's confidence a line read again needs
AGREE = 0.5  # share of the first reading's Arabic letters the new reading must match, in order
MAX_LINES = 40  # lines read again per table at most
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]")
_DIGITS = re.compile(r"\d+")


def _arabic_letters(text: str) -> str:
    return "".join(_AR.findall(text))


def _agrees(old: str, new: str) -> bool:
    """The new reading is the same printed line: it matches, in order, at least AGREE of the
    Arabic letters of the old one (whose Latin words are the misreading)."""
    a, b = _arabic_letters(old), _arabic_letters(new)
    if not a:
        return bool(b)
    m = SequenceMatcher(None, a, b, autojunk=False)
    return sum(blk.size for blk in m.get_matching_blocks()) >= AGREE * len(a)


def _unknown(text: str, shortest: int = 3) -> int:
    """Arabic words of ``shortest`` letters or more that the Arabic word list does not know."""
    from .lexicon import known_ar

    return sum(1 for w in text.split() if len(_arabic_letters(w)) >= shortest and not known_ar(w))


def _better_words(old: str, new: str) -> bool:
    """A line of Arabic words some of which the word list does not know, read again word for word
    (as many words) into words it knows, every one."""
    return len(new.split()) == len(old.split()) and _unknown(new, 2) == 0 < _unknown(old)


def _keeps_numbers(old: str, new: str) -> bool:
    """Every number of the first reading is in the new one (the script model once read `1551`
    as `155`, `17` as `7`): the Latin letters were the misreading, not the digits."""
    left = Counter(_DIGITS.findall(new))
    left.subtract(Counter(_DIGITS.findall(old)))
    return all(v >= 0 for v in left.values())


def latin_in_arabic(pimg: PageImage, filler: _Filler, script: str, timeout: float) -> int:
    """Read again with ``script`` (the Arabic script model) the cell lines of ``filler``'s grid
    that hold Latin letters, then those with unknown Arabic words (see the module's docstring);
    returns how many lines changed.
    ``pimg``: the image the lines are read from (the page's ink)."""
    from .tesseract import read_rows

    k = pimg.dpi / 72.0
    pad = max(2, int(0.05 * pimg.dpi))
    todo: list[tuple[_Piece, tuple[int, int, int, int]]] = []
    g = filler.grid
    asked = [(slot, p) for slot in filler.slots.values() for p in slot.pieces if _LATIN_WORD.search(p.text)]
    asked += [(slot, p) for slot in filler.slots.values() for p in slot.pieces if not _LATIN_WORD.search(p.text) and _unknown(p.text)]
    for slot, p in asked[:MAX_LINES]:  # Latin letters first
        c = slot.cell
        left, right = int(g.xs[c.col]) + pad, int(g.xs[c.col + c.colspan]) - pad
        vpad = max(3, int((p.bottom - p.top) * k / 3))
        top = max(int(slot.y0) + pad // 2, int(p.top * k) - vpad)
        bottom = min(int(slot.y1) - pad // 2, int(p.bottom * k) + vpad)
        x0, x1 = max(left, int(p.x0 * k) - 2 * pad), min(right, int(p.x1 * k) + 2 * pad)
        if x1 - x0 > pad and bottom - top > pad:
            todo.append((p, (max(0, x0), max(0, top), min(pimg.image.width, x1), min(pimg.image.height, bottom))))
    if not todo:
        return 0
    try:
        reads = read_rows(pimg, [box for _p, box in todo], script, timeout)
    except ToolError as exc:
        log.info("page %d: Latin letters of an Arabic table not read again (%s)", pimg.page, exc)
        return 0
    changed = 0
    owner = {id(p): slot for slot in filler.slots.values() for p in slot.pieces}
    for (p, _box), res in zip(todo, reads, strict=False):
        text = _clean(" ".join(x.text for x in res.lines))
        if (text and res.confidence >= MIN_CONF and not _LATIN_WORD.search(text) and _agrees(p.text, text)
                and _keeps_numbers(p.text, text) and (_LATIN_WORD.search(p.text) or _better_words(p.text, text))):
            slot = owner[id(p)]
            if any(q is not p and _beside(p, q) and _agrees(q.text, text) and _agrees(text, q.text) for q in slot.pieces):
                slot.pieces.remove(p)  # Latin letters beside a line, read again as that line: a speck's reading
            else:
                p.text = text
            changed += 1
    return changed


def _beside(a: _Piece, b: _Piece) -> bool:
    return min(a.bottom, b.bottom) - max(a.top, b.top) > 0.3 * min(a.bottom - a.top, b.bottom - b.top)
