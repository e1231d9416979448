"""Figures stamped or written in blue over a scanned page's printed lines (issue 17).

Office decisions are printed in black, then numbered and dated by hand or with a date stamp in
blue ink over the dotted blanks (`رقم ...... بتاريخ ......`). Read in the grey page image, the
blue figures cross the printed line: tesseract reads the line and the stamp as one jumble
(`رق) | 5 ماس 2023 | بتارك`) or drops the line as noise. On a colour scan the stamp's ink is told
by its hue, so:

* :func:`find` (main thread, on the colour render) finds the groups of blue ink one written line
  high with print beside them or just under them, a blank's dots included (a blue letterhead block,
  a signature are taller or stand alone; a number stamped at the margin stands alone);
* :func:`read_all` (worker thread) reads each group on its own, its glyphs packed closer (a date
  stamp spaces its digits a glyph apart), by ``eng`` and ``fra`` at four scales each. A group whose
  first reading is mostly digits is a **figure stamp**; a blue web address or a letterhead line
  (letters) is left alone. A number (two digits or more, `-` or `/` inside) is kept when at least
  half the readings of each model give it: one model reads a stamp's condensed `2023` as `2073`
  three times in four, the other `02`, `1023`; neither alone is trusted;
* :func:`clean` (``render.preprocess``, before deskewing; the skew is measured on the page as
  scanned) paints the blue pixels of the figure stamps whose numbers were agreed as paper in the
  grey image tesseract reads, so the printed line is read alone (its black pixels, where the stamp
  crosses them, stay); a figure stamp without agreement stays in the image;
* :func:`place` puts the kept numbers into the printed line the stamp sits on, at its place. A
  figure stamp whose readings agree on no number leaves its line in doubt (``digits_disagree``):
  no digit is guessed; so does one where half the readings of a model or more give a number that
  was not agreed (the date stamp's condensed year beside an agreed day: the year is not lost silently). The month between a date stamp's figures is not read here (the
  models read it as digits or letters at random): :mod:`stamp_months` reads it apart and writes it only when both
  models name it; the line stays in doubt. A stamp whose readings are letters stays in the page image; when
  the page's reading finds a number in its ink on the line it crosses (a worn pad's pale ``2023`` read ``1``), that
  line is left in doubt too (``_read_through``).

A figure stamp left partial (or with no number) has its numbers read one by one (:mod:`stamp_digits`: a date
stamp's condensed year beside its handwritten month); pale stamps standing alone are :mod:`faint_stamps`'
(``faint``: not read here, not placed).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

if TYPE_CHECKING:
    from ..ingest.base import TextLine

BLUE = 45  # blue channel over red by at least this much: ballpoint and stamp-pad blue
DARK = 170  # and its darkest channel under this (pale printed tints and shading are not ink)
BLACK = 110  # a pixel whose brightest channel is under this is black print (never erased)
PRINT = 150  # darker than this and not blue: print (a dotted blank's grey dots too), to tell a stamp on a line
REF_DPI = 250.0  # the sizes below are in pixels at this resolution
ROW_GAP = 8  # blue rows closer than this belong to one band
COL_GAP = 60  # blue columns closer than this belong to one group
MIN_HEIGHT, MAX_HEIGHT = 20, 110  # a group one written line high (a signature or a letterhead block is taller)
MIN_INK = 150  # blue pixels of a group at least
MIN_PRINT = 150  # print pixels beside the group or just under it: it sits on a printed line (a blank's dots)
SCALES = (1.0, 1.25, 1.5, 2.0)  # a stamp read at these enlargements by each model
MODELS = ("eng", "fra")  # a number kept when at least half the readings of each model give it
FRINGE = 3  # pixels around the blue ink whose pale edge is erased with it (the scan's blur)
BLUISH, PALE = 15, 200  # that edge: blue over red by this much, or every channel at least this light
THROUGH = 1.5  # a line this many times as wide as a stamp left in it runs past it (else the blue is the line itself)
PACK = 0.3  # gaps between glyphs wider than this share of the group's height are closed to it
_NUM = re.compile(r"^\d[\d/\-]*\d$")


@dataclass
class Stamp:
    """A group of blue ink on a printed line: its box in image pixels and its ink."""

    x0: int
    top: int
    x1: int
    bottom: int
    ink: np.ndarray = field(repr=False)  # bool mask of the box: the blue pixels
    erase: np.ndarray = field(repr=False)  # the blue pixels and their fringe, not black print
    figures: list[str] = field(default_factory=list)  # numbers two readings agree on (read_all)
    kept: bool = False  # a figure stamp: taken out of the page image, its numbers placed
    partial: bool = False  # half the readings of a model or more give a number the other model does not
    faint: bool = False  # pale ink standing alone (faint_stamps.py): its date's year read by ink.py, else its nearest line in doubt
    shade: np.ndarray | None = field(default=None, repr=False)  # a faint stamp's ink as grey levels (ink.py reads its date)
    dated: bool = False  # read as a date by ink.py after its whole reading gave letters: its box cleared but black print
    month: str | None = None  # a date stamp's month, when both models name it (stamp_months.py); its line stays in doubt
    named: tuple[int, ...] = ()  # else the months one model named firmly (stamp_months.py), for the document (stamp_dates.py)

    @property
    def height(self) -> int:
        return self.bottom - self.top


def blue_ink(rgb: np.ndarray) -> np.ndarray:
    """Pixels of blue ink in an RGB image (H x W x 3, uint8)."""
    c = rgb.astype(np.int16)
    r, g, b = c[..., 0], c[..., 1], c[..., 2]
    return (b - r >= BLUE) & (b >= g) & (c.min(axis=2) < DARK)


def _runs(v: np.ndarray, gap: int) -> list[tuple[int, int]]:
    idx = np.flatnonzero(v)
    if not len(idx):
        return []
    cuts = np.flatnonzero(np.diff(idx) > gap)
    starts = np.concatenate(([idx[0]], idx[cuts + 1]))
    ends = np.concatenate((idx[cuts], [idx[-1]])) + 1
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def find(rgb: np.ndarray, dpi: float) -> list[Stamp]:
    """The blue groups of a colour page render that sit on printed lines."""
    s = dpi / REF_DPI
    blue = blue_ink(rgb)
    if not blue.any():
        return []
    bright = rgb.max(axis=2)
    black = bright < BLACK
    printed = (bright < PRINT) & ~blue
    out = []
    for y0, y1 in _runs(blue.sum(axis=1) >= 2, max(1, round(ROW_GAP * s))):
        if not MIN_HEIGHT * s <= y1 - y0 <= MAX_HEIGHT * s:
            continue
        for x0, x1 in _runs(blue[y0:y1].any(axis=0), max(1, round(COL_GAP * s))):
            ink = blue[y0:y1, x0:x1]
            if ink.sum() < MIN_INK * s * s:
                continue
            h = y1 - y0
            reach, low = 3 * h, y1 + h // 2  # beside it within three heights, and down to half a height under it
            near = printed[y0:low, max(0, x0 - reach):x0].sum() + printed[y0:low, x1:x1 + reach].sum()
            if near + printed[y1:low, x0:x1].sum() < MIN_PRINT * s * s:
                continue  # standing alone (a number stamped at a margin): the page reading keeps it
            rows = np.flatnonzero(ink.any(axis=1))
            t, b = y0 + int(rows[0]), y0 + int(rows[-1]) + 1
            out.append(Stamp(x0, t, x1, b, blue[t:b, x0:x1].copy(), _fringe(rgb, blue, black, t, b, x0, x1)))
    return out


def _fringe(rgb: np.ndarray, blue: np.ndarray, black: np.ndarray, t: int, b: int, x0: int, x1: int) -> np.ndarray:
    """The box's blue pixels and, within FRINGE pixels of them, their pale edge (bluish or near paper:
    left alone, it drew a ghost of the figures); black print and the grey edge of its letters stay."""
    m = blue[t:b, x0:x1].copy()
    for _ in range(FRINGE):
        g = m.copy()
        g[1:] |= m[:-1]
        g[:-1] |= m[1:]
        g[:, 1:] |= m[:, :-1]
        g[:, :-1] |= m[:, 1:]
        m = g
    c = rgb[t:b, x0:x1].astype(np.int16)
    edge = (c[..., 2] - c[..., 0] >= BLUISH) | (c.min(axis=2) >= PALE)
    return (blue[t:b, x0:x1] | (m & edge)) & ~black[t:b, x0:x1]


def clean(grey: Image.Image, stamps: list[Stamp]) -> Image.Image:
    """``grey`` with the blue pixels (and their fringe, not black print) of the figure stamps
    whose numbers were read as paper (a stamp read without agreement stays: its line reads it as before)."""
    kept = [st for st in stamps if st.kept and st.figures]
    if not kept:
        return grey
    a = np.asarray(grey).copy()
    for st in kept:
        box = a[st.top:st.bottom, st.x0:st.x1]
        erase = st.erase | (box >= BLACK) if st.dated else st.erase  # a worn date's pale day and month: all but print
        box[erase] = 255  # white: the paper's median grey read worse
    return Image.fromarray(a)


def packed(ink: np.ndarray) -> Image.Image:
    """The group's ink, black on white, the gaps between its glyph columns closed to PACK of its height."""
    cols = _runs(ink.any(axis=0), 1)
    gap = max(2, round(PACK * ink.shape[0]))
    parts = []
    for k, (a, b) in enumerate(cols):
        if k:
            parts.append(np.zeros((ink.shape[0], min(a - cols[k - 1][1], gap)), bool))
        parts.append(ink[:, a:b])
    pad = max(10, ink.shape[0] // 2)
    img = np.pad(np.where(np.hstack(parts), 0, 255).astype(np.uint8), pad, constant_values=255)
    return Image.fromarray(img)


def _tokens(tsv: str) -> list[str]:
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) >= 12 and cols[11].strip():
            words.append(cols[11].strip())
    return words


def _is_figures(words: list[str]) -> bool:
    text = "".join(words)
    digits = sum(ch.isdigit() for ch in text)
    return digits >= 3 and digits >= sum(ch.isalnum() for ch in text) / 2


def _number(word: str) -> str | None:
    w = word.strip("+-/.:,;!*§'\"|()[]")
    return w if _NUM.match(w) else None


def read_all(stamps: list[Stamp], dpi: float, timeout: float, models: set[str] | None = None) -> int:
    """Read each stamp (see the module's doc); marks the figure stamps and their agreed numbers.
    ``models``: the installed tesseract models (both of MODELS are needed, else nothing is read).
    Returns the number of tesseract calls made."""
    from .._exec import tesseract
    from ..errors import ToolError

    if models is not None and not all(m in models for m in MODELS):
        return 0
    from .latin_stamps import spaced_date

    calls = 0
    with tempfile.TemporaryDirectory(prefix="taysir-stamp-") as tmp:
        for n, st in enumerate(stamps):
            if st.faint:
                continue
            img = packed(st.ink)
            sized = {}
            readings: dict[str, list[list[str]]] = {m: [] for m in MODELS}
            for model in MODELS:
                for k, scale in enumerate(SCALES):
                    if scale not in sized:
                        im = img if scale == 1.0 else img.resize((round(img.width * scale), round(img.height * scale)),
                                                                 Image.Resampling.LANCZOS)
                        sized[scale] = Path(tmp) / f"stamp{n}-{k}.tif"
                        im.save(sized[scale], "TIFF", dpi=(dpi, dpi))
                    try:
                        out = tesseract.tsv(sized[scale], langs=model, psm=7, timeout=timeout)
                    except ToolError:
                        return calls  # the stamps stay in the page image, unread: the page is read as before
                    calls += 1
                    readings[model].append(_tokens(out.decode("utf-8", "replace")))
                    if calls and model == MODELS[0] and k == 0 and not _is_figures(readings[model][0]):
                        break  # letters: a blue web address, a letterhead line, a signature's stroke
                if not _is_figures(readings[MODELS[0]][0]):
                    break
            if not _is_figures(readings[MODELS[0]][0]):
                continue
            numbers = {m: [[x for x in map(_number, r) if x] for r in rs] for m, rs in readings.items()}
            first = numbers[MODELS[0]]
            agreed = [w for w in dict.fromkeys(w for r in first for w in r)
                      if all(2 * sum(w in r for r in rs) >= len(rs) for rs in numbers.values())]
            # left to right, as the first reading that holds them all has them
            order = next((r for r in first if all(w in r for w in agreed)), None)
            st.figures = [w for w in order if w in agreed] if order else []
            st.kept = True
            st.partial = bool(_unagreed(numbers, st.figures))
            if date := spaced_date(readings, st.figures):  # 2 3 MARS 2023: a French stamp's spaced day and month
                st.figures, st.partial = date, True  # its line in doubt, as every stamped date (latin_stamps.py)
    from .ink import read_dates  # a worn date stamp read as letters: its year and day read one by one
    from .stamp_months import read_months  # a date stamp's month, written only when both models name it

    calls += _one_by_one([st for st in stamps if st.kept and (st.partial or not st.figures)], timeout, models)
    calls += read_dates(stamps, timeout, models)
    return calls + read_months(stamps, timeout, models)


def _one_by_one(stamps: list[Stamp], timeout: float, models: set[str] | None) -> int:
    """Figure stamps whose readings left a number unagreed, their numbers read one by one (stamp_digits.py):
    the stamp's figures become those numbers when every number agreed on before is among them; a number
    still unagreed, or ink between them that is no digit's (a handwritten month), leaves it partial.
    Returns the tesseract calls made."""
    from ..errors import ToolError
    from .stamp_digits import MODELS as ONE_MODELS
    from .stamp_digits import number_boxes, read_numbers

    if not stamps or (models is not None and not all(m in models for m in ONE_MODELS)):
        return 0
    try:
        found = read_numbers([st.ink for st in stamps], timeout)
    except ToolError:
        return 0  # the stamps keep their first readings
    for st, nums in zip(stamps, found, strict=True):
        read = [n for n in nums if n]
        if not read or not all(f in read for f in st.figures):
            continue
        st.figures = read
        st.partial = None in nums or number_boxes(st.ink)[1]
    return len(ONE_MODELS)


def _unagreed(numbers: dict[str, list[list[str]]], figures: list[str]) -> list[str]:
    """Numbers that half the readings of one model or more give, kept by no agreement and no part of a kept
    one (``10 مارس 2023``: both models give ``10``; one gives the condensed year as ``2073`` three times in
    four, the other ``02``, ``1023``): the stamp holds a number left unread."""
    out = []
    for rs in numbers.values():
        for w in dict.fromkeys(w for r in rs for w in r):
            if 2 * sum(w in r for r in rs) >= len(rs) and not any(w in f for f in figures):
                out.append(w)
    return out


def _line_for(st: Stamp, lines: list[TextLine], to_pt: float) -> TextLine | None:
    """The printed line the stamp sits on: under or across it, overlapping it across or beside its end
    (a blank's dots, which the line's box may leave out) within four stamp heights."""
    top, bottom = st.top * to_pt, st.bottom * to_pt
    h = bottom - top
    x0, x1 = st.x0 * to_pt - 4 * h, st.x1 * to_pt + 4 * h
    mid = (top + bottom) / 2
    best, dist = None, None
    for ln in lines:
        if ln.x1 < x0 or ln.x0 > x1:
            continue
        if not (ln.top - 1.5 * h <= mid <= ln.bottom):
            continue
        d = abs((ln.top + ln.bottom) / 2 - mid)
        if dist is None or d < dist:
            best, dist = ln, d
    return best


def _insert(ln: TextLine, words: list[str], centre: float, boxes: list[tuple[str, float, float, float, float]] | None) -> None:
    """``words`` (left to right) put into the line at the place of ``centre`` (points): among its word
    boxes when they are the line's words, else by the share of the line's width on either side."""
    text = ln.text.split()
    rtl = bool(re.search("[\u0600-\u06ff]", ln.text))
    if rtl:
        words = list(reversed(words))
    if boxes and len(boxes) == len(text):
        pos = sum(1 for b in boxes if ((b[1] + b[3]) / 2 > centre) == rtl)
    else:
        width = max(ln.x1 - ln.x0, 1e-6)
        share = (ln.x1 - centre) / width if rtl else (centre - ln.x0) / width
        pos = round(min(1.0, max(0.0, share)) * len(text))
    ln.text = " ".join(text[:pos] + words + text[pos:])


def _read_through(st: Stamp, ln: TextLine, boxes: list[tuple[str, float, float, float, float]] | None,
                  to_pt: float) -> bool:
    """Did the page's reading find a number in the ink of a stamp left in the image, the blue crossing a printed
    line? The line runs on well past the stamp (a blue line of its own does not); the number's word stands in the
    stamp's box, its centre inside its span, and the stamp is no taller than twice the word (a block of blue
    print lines, a logo, is)."""
    x0, x1, top, bottom = st.x0 * to_pt, st.x1 * to_pt, st.top * to_pt, st.bottom * to_pt
    if not boxes or ln.x1 - ln.x0 < THROUGH * (x1 - x0):
        return False
    for w, bx0, bt, bx1, bb in boxes:
        digits = sum(ch.isdigit() for ch in w)
        if (digits and 2 * digits >= sum(ch.isalnum() for ch in w) and x0 <= (bx0 + bx1) / 2 <= x1
                and bt < bottom and bb > top and bottom - top <= 2 * (bb - bt)):
            return True
    return False


def place(stamps: list[Stamp], lines: list[TextLine], word_boxes: dict, dpi: float,
          rtl_words: dict | None = None) -> tuple[int, int]:
    """Put each figure stamp's agreed numbers into the line it sits on; leave in doubt a line whose digits the
    page read in the ink of a stamp that was not read as figures (``rtl_words``: the Arabic lines' word boxes).
    Returns (numbers placed, stamps left in doubt)."""
    from .confidence import DIGITS

    to_pt = 72.0 / dpi
    placed = unsure = 0
    months: list[tuple[TextLine, Stamp]] = []
    for st in stamps:
        if st.faint:
            continue
        ln = _line_for(st, lines, to_pt)
        if ln is None:
            continue
        if not st.kept:
            listed = word_boxes.get(id(ln)) or (rtl_words or {}).get(id(ln), ("", None))[1]
            if _read_through(st, ln, listed, to_pt):  # a worn pad's figures the stamp readings took for letters
                ln.doubt = ln.doubt or DIGITS
                unsure += 1
            continue
        if st.figures:
            listed = word_boxes.get(id(ln))
            arabic = (rtl_words or {}).get(id(ln))
            if listed is None and arabic is not None and arabic[0] == ln.text:
                listed = arabic[1]  # an Arabic line's word boxes, its text as read
            _insert(ln, st.figures, (st.x0 + st.x1) / 2 * to_pt, listed)
            placed += len(st.figures)
            if st.month:
                months.append((ln, st))
            elif st.named:  # a month the models do not agree on: the line waits for the document (stamp_dates.py)
                from .stamp_dates import waiting

                waiting(ln).append((_pair(ln, st), st.named))
            if st.partial or st.month or st.named:  # a number left unread, a month read from a hand-like face or left
                # unread: in doubt
                ln.doubt = ln.doubt or DIGITS
                unsure += 1
        else:  # left in the page image, read with its line as before: in doubt
            ln.doubt = ln.doubt or DIGITS
            unsure += 1
    for ln, st in months:  # once every stamp's figures are placed (the word boxes hold for the text as read)
        _between(ln, st)
    return placed, unsure


def _pair(ln: TextLine, st: Stamp) -> list[str]:
    """A date stamp's two figures in the order the line's text holds them."""
    return list(reversed(st.figures)) if re.search("[\u0600-\u06ff]", ln.text) else list(st.figures)


def _between(ln: TextLine, st: Stamp) -> None:
    """A date stamp's month put between its two figures where they stand side by side in the line."""
    pair = _pair(ln, st)
    text = ln.text.split()
    for i in range(len(text) - 1):
        if text[i:i + 2] == pair:
            ln.text = " ".join(text[:i + 1] + [str(st.month)] + text[i + 1:])
            return
