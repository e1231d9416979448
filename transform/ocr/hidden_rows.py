"""A line set so tightly between two others that its ink touches theirs, and that tesseract skipped.

``recover.py`` finds the text rows tesseract's layout analysis skipped by cutting the page at rows of
paper: a skipped line standing apart is a row of its own, and no OCR'd line covers it. A letterhead
set line under line (``ولاية جهة طنجة تطوان الحسيمة`` / ``عمالة طنجة أصيلة`` / ``جماعة طنجة``, with the
ascenders of one line reaching the descenders of the one above) is one ink row from top to bottom;
tesseract read the lines above and below the middle one and dropped it, and the row counted as covered
(Tangier's agenda, page 1: the line ``عمالة طنجة أصيلة`` lost).

Here each ink row at least TALL times the page's median line height is looked at where OCR'd lines
cover it: a band of its height that no OCR'd line's box covers (:func:`gaps`), at least GAP_MIN line
heights high and holding ink over MIN_WIDTH line heights of width, is a line's place. It is read on
that band grown by REACH line heights above and below (its letters reach into the neighbours'
boxes; ``--psm 13``, one call for the page) and kept only when it is one line whose words the word lists
know (``lost_lines.known_share``: at least two, most of them) read at ``lost_lines.SURE`` or more; in
doubt under the confidence threshold. Anything else (a rule, an emblem, two lines' halves) is left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import confidence

if TYPE_CHECKING:
    import numpy as np

    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

TALL = 1.8  # an ink row at least this many median line heights high may hold lines tesseract merged or skipped
GAP_MIN = 0.5  # a band no OCR'd line covers, at least this many line heights high...
MIN_WIDTH = 3.0  # ...with ink over at least this many line heights of width
REACH = 0.3  # the band read is grown by this many line heights above and below
MAX_BANDS = 6  # bands read per page at most
PIECES = 3  # a band's ink in this many pieces at least (runs of inked columns): letters, not a rule's end
FRAMED = 0.5  # the lines just above and below the band span at least this share of its width
DUPLICATE = 0.5  # a band's reading whose words are this share of its neighbours' words or more is read already
RULE = 0.5  # a column or row of a row's segment inked over this share of it is a rule
_AR = re.compile(r"[\u0600-\u06ff]")
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")


def gaps(covered: np.ndarray, ink: np.ndarray, min_h: float) -> list[tuple[int, int]]:
    """Runs of rows not ``covered`` that hold ``ink`` (both boolean, one value per row), at least ``min_h`` rows high."""
    from .recover import runs

    return [(y0, y1) for y0, y1 in runs(~covered & ink) if y1 - y0 >= min_h]


def hidden_rows(pimg: PageImage, result: OcrResult, langs: str, timeout: float) -> int:
    """Lines hidden between two OCR'd lines read and slotted in (see the module doc); how many."""
    lines = result.lines
    hs = sorted(ln.bottom - ln.top for ln in lines if ln.bottom > ln.top)
    if len(hs) < 3:
        return 0
    import numpy as np  # on use: `import transform` stays light

    from .lost_lines import KNOWN, MIN_KNOWN, SURE, known_share
    from .recover import runs
    from .tesseract import read_rows

    k = pimg.dpi / 72.0
    line_h = hs[len(hs) // 2] * k
    img = np.asarray(pimg.image)
    boxes: list[tuple[int, int, int, int]] = []
    near: list[bool] = []  # the lines around the band are Arabic
    for y0, y1 in runs(img.min(axis=1) < 128, max_gap=1):  # rows holding ink
        if y1 - y0 < TALL * line_h:
            continue
        a = img[y0:y1] < 128  # the ink of this row alone: the page is not made boolean
        for x0, x1 in runs(np.asarray(a.any(axis=0)), max_gap=int(2 * line_h)):
            if x1 - x0 < MIN_WIDTH * line_h:
                continue
            covered = np.zeros(y1 - y0, dtype=bool)
            for ln in lines:
                lx0, lx1 = ln.x0 * k, ln.x1 * k
                if min(lx1, x1) - max(lx0, x0) > 0:
                    covered[max(0, int(ln.top * k) - y0):max(0, int(ln.bottom * k) + 1 - y0)] = True
            if not covered.any():
                continue  # no OCR'd line here at all: recover.py's case
            ink: np.ndarray = letters(a[:, x0:x1])
            for g0, g1 in gaps(covered, np.asarray(ink.any(axis=1)), GAP_MIN * line_h):
                if g0 == 0 or g1 == len(covered):
                    continue  # not between two OCR'd lines: an edge of the row (a rule, a stamp's rim)
                cols = runs(np.asarray(ink[g0:g1].any(axis=0)), max_gap=1)
                if len(cols) < PIECES or cols[-1][1] - cols[0][0] < MIN_WIDTH * line_h:
                    continue
                if not _framed(lines, (x0 + cols[0][0]) / k, (y0 + g0) / k, (x0 + cols[-1][1]) / k, (y0 + g1) / k):
                    continue
                reach = int(REACH * line_h)
                boxes.append((max(0, x0 + cols[0][0] - reach), max(0, y0 + g0 - reach),
                              min(img.shape[1], x0 + cols[-1][1] + reach), min(img.shape[0], y0 + g1 + reach)))
                near.append(lines_ar(lines, (x0 + cols[0][0]) / k, (x0 + cols[-1][1]) / k))
    if not boxes:
        return 0
    found = 0
    boxes, near = boxes[:MAX_BANDS], near[:MAX_BANDS]
    codes = langs.split("+")
    subs: dict[int, OcrResult] = {}
    for script in (True, False):  # between Arabic lines with the Arabic model alone: ``ara+fra`` read ``عمالة`` as ``Ale``
        picked = [n for n, ar in enumerate(near) if ar == script]
        use = "ara" if script and "ara" in codes else langs
        if picked:
            subs.update(zip(picked, read_rows(pimg, [boxes[n] for n in picked], use, timeout), strict=True))
    for n in range(len(boxes)):
        sub = subs[n]
        if len(sub.lines) != 1:
            continue
        ln = sub.lines[0]
        hits, share = known_share(ln.text)
        conf, _low = confidence.from_ocr(sub.line_conf.get(id(ln), sub.confidence))
        if hits < MIN_KNOWN or share < KNOWN or conf < SURE or _read_already(ln, lines, boxes[n][1] / k, boxes[n][3] / k):
            continue
        result.absorb(sub)  # its listings added, its words counted in the page's confidence
        _insert(result.lines, ln)
        found += 1
    return found


def letters(m: np.ndarray) -> np.ndarray:
    """The ink of ``m`` (a segment of an ink row, boolean) without its rules: columns inked down RULE of
    its height (a table's column rules) and rows inked across RULE of its width (its row rules)."""
    out = m.copy()
    out[:, m.mean(axis=0) >= RULE] = False
    out[m.mean(axis=1) >= RULE, :] = False
    return out


def lines_ar(lines: list[TextLine], x0: float, x1: float) -> bool:
    """Do the OCR'd lines sharing the columns x0..x1 hold more Arabic letters than Latin ones?"""
    shared = " ".join(ln.text for ln in lines if min(ln.x1, x1) - max(ln.x0, x0) > 0)
    return len(_AR.findall(shared)) > len(_LAT.findall(shared))


def _framed(lines: list[TextLine], x0: float, top: float, x1: float, bottom: float) -> bool:
    """Do the nearest OCR'd lines above and below the band (x0, top, x1, bottom; points) each span at least
    FRAMED of its width? A line of a letterhead's stack lies under and over lines as wide; a table's empty band
    between a row's cells and the next rule does not (the lines about it are narrow cells)."""
    width = x1 - x0
    if width <= 0:
        return False
    def span(ln: TextLine) -> float:
        return min(ln.x1, x1) - max(ln.x0, x0)
    above = [ln for ln in lines if ln.bottom <= top + 1 and span(ln) > 0]
    below = [ln for ln in lines if ln.top >= bottom - 1 and span(ln) > 0]
    if not above or not below:
        return False
    up = max(above, key=lambda ln: ln.bottom)
    down = min(below, key=lambda ln: ln.top)
    return span(up) >= FRAMED * width and span(down) >= FRAMED * width


def _read_already(new: TextLine, lines: list[TextLine], top: float, bottom: float) -> bool:
    """Are most of ``new``'s words (three letters or more) in the OCR'd lines beside the band read (``top`` to
    ``bottom``, points) sharing its columns? A line tesseract read with a box shorter than its ink is not read twice."""
    from .lost_lines import _WORD

    words = _WORD.findall(new.text)
    near = {w for ln in lines if min(ln.x1, new.x1) - max(ln.x0, new.x0) > 0
            and min(ln.bottom, bottom) - max(ln.top, top) > 0 for w in _WORD.findall(ln.text)}
    return not words or sum(w in near for w in words) >= DUPLICATE * len(words)


def _insert(lines: list[TextLine], new: TextLine) -> None:
    """Put ``new`` after the last line sharing its columns whose middle is above its own (its box reaches
    into its neighbours': ``recover.insert_in_order`` would put it above the line it lies under)."""
    mid = (new.top + new.bottom) / 2
    pos = None
    for n, ln in enumerate(lines):
        if min(ln.x1, new.x1) - max(ln.x0, new.x0) > 0 and (ln.top + ln.bottom) / 2 < mid:
            pos = n + 1
    if pos is None:
        below = [n for n, ln in enumerate(lines) if min(ln.x1, new.x1) - max(ln.x0, new.x0) > 0]
        pos = below[0] if below else len(lines)
    lines.insert(pos, new)
