"""A number the line's readings disagree on, cut out alone and read as digits (issue 17).

``recheck_numbers`` (numbers.py) reads an Arabic line holding digits up to four more times (``ara`` and the
script model, each at 1 and 1.5 times) and changes a number only where the readings vote for the same close
token. Where they read a number in ways too far apart for a vote, the page's reading stayed, right or not: on the
Casablanca judgment's p. 2 the date ``2019/09/06`` that starts a line was read ``6`` (re-readings ``06``,
``20190506``, ``006``, ``2019/09/06``). Cut from the page with its own ink and read alone, restricted to digits
and the signs between them, by ``fra`` and by ``eng``, the same date reads ``2019/09,06`` twice (the binarised
slash lost its middle: :func:`number_readings.comma_dates` gives the slash back).

For each number token of a re-read line that a re-reading reads otherwise at its place:

* its ink is found from tesseract's word box: the column groups of ink in the line's band that the box covers,
  grown on both sides by groups nearer than ``GAP`` of the digits' height whose foot sits on the digits' line
  and whose top does not rise above theirs (a point or a slash joins; a word's letters stand apart or rise);
* the crop, scaled so the digits stand ``INK_PX`` high, is read by ``fra`` and ``eng`` (one tesseract call per
  model for the page's crops);
* the token becomes the crop's reading only when both models read it the same, and a re-reading of the whole
  line read that very token at that place: three readings by three models agree. A digit the page's reading
  saw and the new token lacks (a changed digit, not a lost one) leaves the line ``digits_disagree`` all the same;
* when both models read the same other token and no re-reading of the line backs it, nothing is written and the
  line is left ``digits_disagree`` (the reviewer's "check against the source"). Readings that differ say nothing.
  One exception (sixteenth session): the page's reading prints that very token on another of its lines and it is
  the line's token with one digit changed, length and signs kept. A law's number said twice on a blurred model
  letter (decree 2.19.720 p. 8: ``65.99`` read ``65.95`` by the page and ``6595`` by both line re-readings, ``65.99``
  by both crop readings and by the page three lines down) is written so; the line stays ``digits_disagree``.

No digit is written that no reading of the page saw.
"""

from __future__ import annotations

import logging
import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageOps

from ..errors import ToolError
from .confidence import DIGITS
from .number_readings import comma_dates, well_formed

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

log = logging.getLogger("transform.ocr")
NUMBER = re.compile(r"\d+(?:[.,/:]\d+)*")
SIGNS = "0123456789/.,-"  # what a crop may be read as
INK = 160  # grey level under which a pixel is ink
GAP = 0.45  # a gap this share of the digits' height parts the number from a word (casa: 0.1-0.3 inside a date, 0.6+ to a word)
FOOT = 0.3  # share of the digits' height a joining group's foot may differ by
RISE = 0.3  # ... and its top may rise above theirs (a letter rises more)
SMALL = 0.6  # a mark under this share of the digits' height at either end of the crop is left out
MAX_WIDTH = 14  # digits' heights a number's crop may span at most
INK_PX = 28  # digits' height the crop is scaled to
MAX_TOKENS = 12  # tokens read again per page at most
MODELS = ("fra", "eng")

Box = tuple[float, float, float, float]


def contenders(text: str, readings: list[str | None]) -> dict[int, set[str]]:
    """For each number token of ``text`` (by index) the other tokens the ``readings`` hold at its place
    (tokens aligned in order; a token facing one token across a gap of unequal length is left out)."""
    old = NUMBER.findall(text)
    out: dict[int, set[str]] = {}
    for r in readings:
        if not r:
            continue
        new = NUMBER.findall(r)
        for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if op == "replace" and i2 - i1 == j2 - j1:
                for i, tok in zip(range(i1, i2), new[j1:j2], strict=True):
                    out.setdefault(i, set()).add(tok)
    return out


def token_boxes(text: str, listed: list[tuple[str, float, float, float, float]]) -> list[Box] | None:
    """The box (points) of each number token of ``text``, an Arabic line, from its words as tesseract listed
    them: number words right to left, as the line's text reads them. None when the counts differ."""
    found = []
    for w, x0, top, x1, bottom in listed:
        for _tok in NUMBER.findall(w):
            found.append((x1, (x0, top, x1, bottom)))
    if len(found) != len(NUMBER.findall(text)):
        return None
    if len({x for x, _b in found}) != len(found):
        return None  # two tokens in one word: their order inside it is not known
    return [b for _x, b in sorted(found, key=lambda f: -f[0])]


def _groups(band: np.ndarray) -> list[list[int]]:
    """Runs [left, right] of columns holding ink, left to right."""
    groups: list[list[int]] = []
    for x in np.nonzero(band.any(axis=0))[0].tolist():
        if groups and x - groups[-1][1] <= 1:
            groups[-1][1] = x
        else:
            groups.append([x, x])
    return groups


def _rows(band: np.ndarray, left: int, right: int) -> tuple[int, int]:
    rows = np.nonzero(band[:, left:right + 1].any(axis=1))[0]
    return int(rows[0]), int(rows[-1]) + 1


def _small(band: np.ndarray, group: list[int], h: int) -> bool:
    """A mark under SMALL of the digits' height (a point, a comma; ``،`` read as ``4`` before ``2019``)."""
    t, f = _rows(band, group[0], group[1])
    return f - t < SMALL * h


def number_crop(grey: np.ndarray, line: Box, seed: Box, dpi: float, others: list[Box] | None = None) -> Image.Image | None:
    """The ink of the number whose word box is ``seed`` in the line of box ``line`` (points), cut from the page
    (``grey``, its pixels), scaled and padded for a digit reading; None when it cannot be told apart. ``others``:
    the boxes of the line's other numbers, which the crop never grows into (``4.400 4400`` read as one)."""
    k = dpi / 72.0
    pad = max(2, int(0.02 * dpi))
    y0, y1 = max(0, int(line[1] * k) - pad), min(grey.shape[0], int(line[3] * k) + pad)
    band = grey[y0:y1] < INK
    if band.shape[0] < 4:
        return None
    groups = _groups(band)
    sx0, sx1 = int(seed[0] * k), int(seed[2] * k)
    inside = [n for n, (a, b) in enumerate(groups) if b >= sx0 and a <= sx1]
    if not inside:
        return None
    lo, hi = inside[0], inside[-1]
    left, right = groups[lo][0], groups[hi][1]
    top, foot = _rows(band, left, right)
    h = foot - top
    if h < 4:
        return None

    taken = [(b[0] * k, b[2] * k) for b in others or []]

    def joins(g: list[int], gap: int) -> bool:
        if any(a <= (g[0] + g[1]) / 2 <= b for a, b in taken):
            return False  # another number's word
        t, f = _rows(band, g[0], g[1])
        return gap <= GAP * h and abs(f - foot) <= FOOT * h and t >= top - RISE * h

    while lo > 0 and joins(groups[lo - 1], left - groups[lo - 1][1]):
        lo -= 1
        left = groups[lo][0]
    while hi < len(groups) - 1 and joins(groups[hi + 1], groups[hi + 1][0] - right):
        hi += 1
        right = groups[hi][1]
    while hi > lo and _small(band, groups[hi], h):  # a comma or point after the number, not in it
        hi -= 1
    while lo < hi and _small(band, groups[lo], h):
        lo += 1
    left, right = groups[lo][0], groups[hi][1]
    if right - left + 1 > MAX_WIDTH * h:
        return None
    t, f = _rows(band, left, right)
    glyph = Image.fromarray(grey[y0 + t:y0 + f, left:right + 1])
    scale = INK_PX / max(1, f - t)
    glyph = glyph.resize((max(1, round(glyph.width * scale)), INK_PX), Image.Resampling.LANCZOS)
    return ImageOps.expand(glyph, border=INK_PX // 2 + 4, fill=255)


def read_numbers(images: list[Image.Image], timeout: float) -> list[str | None]:
    """Each crop read by every model of MODELS, restricted to SIGNS; the token where all read the same
    single token (a date's comma among slashes made a slash), else None."""
    from .crop_reads import read_crops

    reads = [read_crops(images, lang=m, psm=7, allowed=SIGNS, timeout=timeout, stem="n") for m in MODELS]
    out: list[str | None] = []
    for words in zip(*reads, strict=True):
        log.debug("number crop read %s", words)
        out.append(agreed([comma_dates("".join(w for w, _c in ws)) for ws in words]))
    return out


def agreed(toks: list[str]) -> str | None:
    """The token the crop's readings agree on: all the same, or all of the same digits where one only is a
    date or a year and the others are it with separators lost (``2019/0906`` beside ``2019/09/06``: a slash
    the binarised page broke is read by one model and not the other). None otherwise."""
    if not toks or not all(NUMBER.fullmatch(t) for t in toks):
        return None
    if len(set(toks)) == 1:
        return toks[0]
    whole = {t for t in toks if well_formed(t)}
    if len(whole) != 1:
        return None
    tok = whole.pop()
    return tok if all(_lost_signs(t, tok) for t in toks) else None


def _lost_signs(short: str, long: str) -> bool:
    """Is ``short`` the token ``long`` with some of its separators left out?"""
    if _digits(short) != _digits(long):
        return False
    it = iter(long)
    return all(c in it for c in short)


def _digits(token: str) -> str:
    return re.sub(r"\D", "", token)


def _digits_kept(old: str, new: str) -> bool:
    """Are ``old``'s digits all in ``new``, in order (lost digits, not changed ones)?"""
    it = iter(_digits(new))
    return all(c in it for c in _digits(old))


def settle_alone(pimg: PageImage, result: OcrResult, asked: list[tuple[TextLine, list[str | None]]],
                 timeout: float) -> tuple[int, set[int]]:
    """Read alone the numbers of ``asked`` (lines with their re-readings) that a re-reading reads otherwise,
    and write or doubt them (see the module docstring). Returns how many tokens changed and the ids of the
    lines changed whose numbers only gained digits (no digit the page's reading saw was changed)."""
    todo: list[tuple[TextLine, int, set[str]]] = []
    images: list[Image.Image] = []
    grey: np.ndarray | None = None
    for ln, readings in asked:
        cands = contenders(ln.text, readings)
        listed = result.rtl_words.get(id(ln))
        if not cands or not listed:
            continue
        boxes = token_boxes(ln.text, listed[1])
        if boxes is None:
            continue
        for i in sorted(cands):
            if len(todo) >= MAX_TOKENS:
                break
            if grey is None:
                grey = np.asarray(pimg.image.convert("L"))
            crop = number_crop(grey, (ln.x0, ln.top, ln.x1, ln.bottom), boxes[i], pimg.dpi, boxes[:i] + boxes[i + 1:])
            if crop is not None:
                todo.append((ln, i, cands[i]))
                images.append(crop)
    if not todo:
        return 0, set()
    try:
        reads = read_numbers(images, timeout)
    except ToolError as exc:
        log.info("page %d: numbers not read alone (%s)", pimg.page, exc)
        return 0, set()
    changes: dict[int, tuple[TextLine, dict[int, str]]] = {}
    changed_digit: set[int] = set()
    alone: list[tuple[TextLine, int, str]] = []  # tokens the crops alone read otherwise, one digit apart
    for (ln, i, cands), tok in zip(todo, reads, strict=True):
        old = NUMBER.findall(ln.text)[i]
        log.debug("page %d: number %s alone: %s (re-readings %s)", pimg.page, old, tok, sorted(cands))
        if tok is None or tok == old:
            continue
        log.debug("page %d: number %s read alone as %s (re-readings %s)", pimg.page, old, tok, sorted(cands))
        if any(_lost_signs(c, tok) for c in cands):  # a re-reading saw its digits (the same token, or signs lost)
            changes.setdefault(id(ln), (ln, {}))[1][i] = tok
            if not _digits_kept(old, tok):
                ln.doubt = ln.doubt or DIGITS
                changed_digit.add(id(ln))
        else:
            ln.doubt = ln.doubt or DIGITS  # two digit readings against the page's, no line reading with them
            if _one_digit(old, tok):
                alone.append((ln, i, tok))
    for ln, i, tok in alone:  # ...unless the page prints that token on another line (its own reading, or written above)
        if tok in _page_numbers(result, ln, changes):
            changes.setdefault(id(ln), (ln, {}))[1][i] = tok
            changed_digit.add(id(ln))  # a digit changed: the line stays in doubt
    for ln, toks in changes.values():
        spans = list(NUMBER.finditer(ln.text))
        text = ln.text
        for i in sorted(toks, reverse=True):
            text = text[:spans[i].start()] + toks[i] + text[spans[i].end():]
        log.info("page %d: numbers read alone: %s -> %s", pimg.page, [NUMBER.findall(ln.text)[i] for i in sorted(toks)],
                 [toks[i] for i in sorted(toks)])
        ln.text = text
    return sum(len(t) for _ln, t in changes.values()), set(changes) - changed_digit



def _page_numbers(result: OcrResult, line: TextLine, changes: dict[int, tuple[TextLine, dict[int, str]]]) -> set[str]:
    """The numbers of the page's reading on its lines other than ``line``, and those written on them here."""
    out = {tok for ln in result.lines if ln is not line for tok in NUMBER.findall(ln.text)}
    return out | {tok for key, (_ln, toks) in changes.items() if key != id(line) for tok in toks.values()}


def _one_digit(old: str, new: str) -> bool:
    """Is ``new`` ``old`` with one digit changed, its length and signs kept (``65.95`` and ``65.99``)?"""
    if len(old) != len(new) or _digits(old) == _digits(new):
        return False
    diff = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    return len(diff) == 1 and diff[0][0].isdigit() and diff[0][1].isdigit()
