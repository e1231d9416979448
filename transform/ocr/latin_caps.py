"""An accent OCR puts on a capital the page prints bare, taken off where no ink stands above the letter (issue 17).

Many French administrations print capitals without their accents (``A DECIDE CE QUI SUIT``, ``011 CHARGES A
CARACTERE GENERAL``, ``IDENTITE DU OU DES CONTREVENANTS``); the ``fra`` model's word list then reads ``À``,
``OÙ``, ``DÉPENSES``. Whether an accent is printed is a matter of ink, not of words: above the letter's body
there is a separate mark, or the letter stands taller than the line's capitals (an accent touching it).

For each word of a French OCR'd page holding a capital with an accent above it (``À Â Ä É È Ê Ë Î Ï Ô Ö Ù Û
Ü``; ``Ç`` and ``Ÿ`` are left alone), the letter's place in the word's box is estimated from its letters'
widths and its columns are looked at on the page image (no tesseract call):

* the letter's body is the run of inked rows going up from its foot (an accent one blank row above stands apart);
* its height is compared with the line's capitals (the other words' bodies, in capitals or with a tall
  letter, no descender): a body taller by ``TALLER`` is a letter with its accent joined -- kept;
* any ink in the band ``ABOVE`` capital heights over the body, in the letter's columns -- kept (an accent,
  or anything else there: in doubt the accent stays); a table's rule there (a row inked across three
  letters' width) ends the band;
* no reference height on the line, or capitals under ``MIN_CAP_IN`` (a small letterhead's accents are a pixel or two
  of grey) -- kept.

Only then is the accent taken off (``À`` -> ``A``). The ruled tables' cells, read again apart from the lines
(``DÉPENSES`` read in a cell whose line said ``DEPENSES``), are put right the same way by
:func:`plain_cells`: a cell word with an accented capital is tested on the page words it was read from
(the words of the table's frame that are the same word but for accents); all of them bare -> bare.
"""

from __future__ import annotations

import unicodedata
from statistics import median
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..ingest.pdf_tables import FoundTable
    from .render import PageImage
    from .tesseract import OcrResult

ACCENTED = frozenset("ÀÂÄÉÈÊËÎÏÔÖÙÛÜ")  # capitals whose accent stands above the letter
TALLER = 1.1  # a body this much taller than the line's capitals holds its accent
ABOVE = 0.45  # the band looked at over the body, in capital heights
RULE = 0.9  # a row of the band inked on this share of three letters' width is a rule, not an accent
MIN_CAP_IN = 0.07  # capitals smaller than this (inches) are not judged: a small letterhead's accents blur into paper
INK = 160  # grey levels under this are ink (a faint accent counts: in doubt the accent stays)
_NARROW = {"I": 0.45, "J": 0.6, "L": 0.8, "M": 1.3, "W": 1.4, "'": 0.35, "’": 0.35, ".": 0.35, ",": 0.35, ":": 0.35,
           "-": 0.5, "i": 0.4, "l": 0.4, "j": 0.4, "f": 0.5, "t": 0.55, "r": 0.6, "m": 1.4, "w": 1.3}
SAME_SHAPE = frozenset("COSUVWXZ")  # capitals whose small letter has their shape at the small letters' height
SMALL = 1.15  # a first letter's body under this share of the small letters' is a small letter
MIN_X = 6  # small letters under this many pixels are not judged
GAP = 2  # blank rows a worn letter's stroke may have (the gap between two lines is wider)
ABOVE_BOX = 0.6  # the first letter is looked for this share of the small letters' height above the word's box
SAME_X = 1.15  # the word's small letters must measure within this ratio of each other to be a reference
MAX_LETTERS = 4  # words judged: short ones (un, sur, son, ou, ces), where the letters' estimated columns hold
_SHORT = frozenset("acemnorsuvwxz") | {""}  # a reference letter's right neighbour: a small letter without ascender, or none
_X_HEIGHT = frozenset("mnouxz")  # small letters with no ascender nor descender whose middle columns are inked top to foot
_TALL = frozenset("ABCDEFGHIKLMNOPRSTUVWXZbdfhklt0123456789")
_LOW = frozenset("gjpqyQJ,;")
Box = tuple[float, float, float, float]


def bare(word: str) -> str:
    """``word`` with the accents of its capitals taken off (small letters keep theirs)."""
    return "".join(unicodedata.normalize("NFD", c)[0] if c in ACCENTED else c for c in word)


def _span(word: str, i: int, x0: float, x1: float) -> tuple[float, float]:
    """The stretch of ``word``'s box (x0..x1) its letter ``i`` takes, from its letters' usual widths."""
    ws = [_NARROW.get(bare(c), 1.0) for c in word]
    total = sum(ws)
    a = x0 + (x1 - x0) * sum(ws[:i]) / total
    return a, a + (x1 - x0) * ws[i] / total


def _body(ink: np.ndarray, c0: int, c1: int, top: int, bottom: int) -> tuple[int, int] | None:
    """The rows (first, last) of the ink run going up from the foot of columns c0..c1 within rows top..bottom."""
    rows = np.asarray(ink[max(0, top):bottom + 1, max(0, c0):c1 + 1].any(axis=1))
    found = np.flatnonzero(rows)
    if not len(found):
        return None
    last = int(found[-1])
    first = last
    while first > 0 and rows[first - 1]:
        first -= 1
    return max(0, top) + first, max(0, top) + last


class _Page:
    """A page's ink and the scale between its word boxes (points) and its pixels."""

    def __init__(self, image: PageImage) -> None:
        self.ink = np.asarray(image.image.convert("L")) < INK
        self.k = image.dpi / 72.0
        self.least = max(4.0, MIN_CAP_IN * image.dpi)

    def px(self, v: float) -> int:
        return int(round(v * self.k))

    def height(self, box: Box) -> int | None:
        """The body height (pixels) of a reference word's box."""
        x0, t, x1, b = box
        run = _body(self.ink, self.px(x0), self.px(x1), self.px(t), self.px(b))
        return run[1] - run[0] + 1 if run else None

    def letter(self, word: str, i: int, box: Box, anchor: int, above: int = 0) -> tuple[int, int] | None:
        """The rows (top, bottom) of the ink through row ``anchor`` in ``word[i]``'s estimated columns (gaps of GAP
        rows bridged), within the word's box and ``above`` rows over it; a quarter of the letter's width left out on
        each side it has a neighbour (none on the left of the first letter: the stems of ``U``, ``V`` stand there).
        None when the anchor row has no ink there."""
        x0, t, x1, b = box
        a, z = _span(word, i, x0, x1)
        q = (z - a) / 4
        a += q if i else 0.0
        top = max(0, self.px(t) - above)
        rows = np.asarray(self.ink[top:self.px(b) + 1, self.px(a):self.px(z - q) + 1].any(axis=1))
        at = anchor - top
        if not 0 <= at < len(rows) or not rows[at]:
            return None
        first = last = at
        while first > 0 and rows[max(0, first - 1 - GAP):first].any():
            first -= 1
        while last + 1 < len(rows) and rows[last + 1:last + 2 + GAP].any():
            last += 1
        while not rows[first]:
            first += 1
        while not rows[last]:
            last -= 1
        return top + first, top + last

    def small_first(self, word: str, box: Box) -> bool:
        """Does ``word``'s first letter rise no higher than its small letters without ascender (SMALL of their
        height above their top)? Every letter is measured on the ink through the word's densest row (inside its
        small letters' band: a table's rule under the word, the line above, stay out), gaps of GAP rows bridged.
        The references are the letters of :data:`_X_HEIGHT` (their middle columns inked top to foot) with no tall
        letter after them (``Calcul``'s ``u`` beside its ``l``), measured on the middle half of their estimated
        columns; they must agree within SAME_X and measure MIN_X pixels or more. The first letter is looked for
        ABOVE_BOX of their height over the word's box too (tesseract's box may cut a capital's top)."""
        x0, t, x1, b = box
        band = self.ink[self.px(t):self.px(b) + 1, self.px(x0):self.px(x1) + 1]
        if not band.size or not band.any():
            return False
        anchor = self.px(t) + int(np.argmax(band.sum(axis=1)))
        runs = [r for i, c in enumerate(word) if i and c in _X_HEIGHT and word[i + 1:i + 2] in _SHORT
                and (r := self.letter(word, i, box, anchor))]  # no tall neighbour's stroke in its columns
        if not runs:
            return False
        xs = [z - a + 1 for a, z in runs]
        x = median(xs)
        if x < MIN_X or max(xs) > SAME_X * min(xs):  # the small letters disagree: a neighbour's ink, a line's
            return False
        first = self.letter(word, 0, box, anchor, int(ABOVE_BOX * x))  # a box may cut a capital's top
        return first is not None and median(a for a, _z in runs) - first[0] <= (SMALL - 1) * x

    def inked(self, word: str, i: int, box: Box, cap: float | None) -> bool:
        """Is an accent over ``word[i]`` (its word's box ``box``) printed, or can it not be ruled out?"""
        if cap is None or cap < self.least:
            return True
        x0, t, x1, b = box
        a, z = _span(word, i, x0, x1)
        w = z - a
        c0, c1 = self.px(a), self.px(z)  # the whole letter: the middle of an E has gaps
        if c1 < c0:
            return True
        reach = int(ABOVE * cap) + 2
        run = _body(self.ink, c0, c1, self.px(t) - reach, self.px(b))
        if run is None:
            return True
        first, last = run
        if last - first + 1 > TALLER * cap:
            return True
        rows = slice(max(0, first - reach), max(0, first - 1))
        band = self.ink[rows, max(0, self.px(a)):self.px(z) + 1]
        wide = self.ink[rows, max(0, self.px(a - w)):self.px(z + w) + 1]
        if not wide.size:
            return bool(band.any())
        rule = np.flatnonzero(wide.mean(axis=1) >= RULE)  # a table's rule over the letter: the cell above is beyond it
        return bool(band[int(rule[-1]) + 3 if len(rule) else 0:].any())


def _cap(page: _Page, listed: list[tuple[str, float, float, float, float]], skip: int) -> float | None:
    """The line's capital height: the median body of its other words with a tall letter and no descender."""
    hs = [h for n, (w, *box) in enumerate(listed)
          if n != skip and not any(c in _LOW for c in w) and any(c in _TALL for c in w) and bare(w) == w
          and (h := page.height(tuple(box))) is not None]  # type: ignore[arg-type]
    return float(median(hs)) if hs else None


def _plain(page: _Page, word: str, box: Box, cap: float | None) -> str:
    """``word`` with the accents of the capitals the ink shows bare taken off."""
    out = list(word)
    for i, c in enumerate(word):
        if c in ACCENTED and not page.inked(word, i, box, cap):
            out[i] = bare(c)
    return "".join(out)


def plain_capitals(image: PageImage, lines: list[TextLine], result: OcrResult) -> int:
    """The page's lines' capitals whose accent has no ink made bare (module doc); how many words changed.
    The caller runs it on French pages only."""
    page: _Page | None = None
    done = 0
    for ln in lines:
        listed = result.word_boxes.get(id(ln))
        if not listed or not any(c in ACCENTED for c in ln.text) or [w for w, *_b in listed] != ln.text.split():
            continue
        page = page or _Page(image)
        for n, (w, *box) in enumerate(listed):
            if any(c in ACCENTED for c in w):
                new = _plain(page, w, tuple(box), _cap(page, listed, n))  # type: ignore[arg-type]
                if new != w:
                    listed[n] = (new, *listed[n][1:])
                    done += 1
        ln.text = " ".join(w for w, *_b in listed)
    return done


def small_initials(image: PageImage, lines: list[TextLine], result: OcrResult) -> int:
    """A short word's first letter read as a capital whose small letter has its shape (``Un`` for ``un``, ``Sur`` for
    ``sur``: :data:`SAME_SHAPE`), written small where its ink rises no higher than the word's small letters (``SMALL``
    of their height above their top at most: a capital rises about 0.4 above them). See :meth:`_Page.small_first`
    for the measure. Only words of ``MAX_LETTERS`` letters or fewer are judged: in longer ones the letters' columns,
    estimated from their usual widths, drift (``Satrouver``, an S with a subscript, on the Seine guide's figure).
    How many words changed; the caller runs it on French pages only."""
    page: _Page | None = None
    done = 0
    for ln in lines:
        listed = result.word_boxes.get(id(ln))
        if not listed or [w for w, *_b in listed] != ln.text.split():
            continue
        for n, (w, *box) in enumerate(listed):
            core = w.rstrip(",.;:")
            if not 2 <= len(core) <= MAX_LETTERS or w[0] not in SAME_SHAPE or not core[1:].isalpha() or not core[1:].islower():
                continue
            page = page or _Page(image)
            if page.small_first(w, tuple(box)):  # type: ignore[arg-type]
                listed[n] = (w[0].lower() + w[1:], *listed[n][1:])
                done += 1
        ln.text = " ".join(w for w, *_b in listed)
    return done


def plain_cells(image: PageImage, tables: list[FoundTable], lines: list[TextLine], result: OcrResult) -> int:
    """A table cell's word with an accented capital made bare when every page word of the table's frame that is
    the same word but for accents shows no accent's ink. Returns the cell words changed."""
    page: _Page | None = None
    done = 0
    for ft in tables:
        for row in ft.table.rows:
            for cell in row:
                for s in cell.sentences:
                    toks = s.text.split(" ")
                    for n, tok in enumerate(toks):
                        if not any(c in ACCENTED for c in tok):
                            continue
                        page = page or _Page(image)
                        seen = _sources(page, ft, lines, result, tok)
                        if seen and all(v == seen[0] for v in seen) and seen[0] != tok:
                            toks[n] = seen[0]
                            done += 1
                    s.text = " ".join(toks)
    return done


def _sources(page: _Page, ft: FoundTable, lines: list[TextLine], result: OcrResult, tok: str) -> list[str]:
    """``tok`` as the ink of each page word inside ``ft``'s frame spelt like it but for accents shows it."""
    out = []
    for ln in lines:
        listed = result.word_boxes.get(id(ln)) or []
        for n, (w, x0, t, x1, b) in enumerate(listed):
            if bare(w) != bare(tok) or not (ft.x0 <= (x0 + x1) / 2 <= ft.x1 and ft.top <= (t + b) / 2 <= ft.bottom):
                continue
            out.append(_plain(page, tok, (x0, t, x1, b), _cap(page, listed, n)))
    return out
