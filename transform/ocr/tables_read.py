"""Reading the cells of a ruled grid on an OCR'd page: a line cut at the column rules it runs
across (its words split where they match the parts read again), the words of cells that look
empty, and the text helpers the table builder shares (see :mod:`tables`)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import combinations
from math import comb
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ToolError
from .tables_grid import Grid, GridCell, Ink

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

log = logging.getLogger("transform.ocr")

MATCH = 0.6  # mean similarity under which a cut line takes the re-read parts instead of its words
MAX_CUT_WAYS = 5000  # ways to cut one line tried at most
EMPTY_INK_IN2 = 0.01  # ink (square inches) that makes an empty cell worth reading...
GLYPH_INK_IN2 = 0.0015  # ...or this much, when it stands as high as a printed digit at least
GLYPH_IN = 0.06  # (a lone ``4`` in a cell of a light scan holds about 0.002 in2 of ink)
EMPTY_CONF = 60.0  # tesseract's confidence a word read in an empty cell needs
_AR = re.compile(r"[\u0600-\u06ff]")
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")
_RULE_MARKS = " |¦[]"
BAND_GAP_IN = 0.02  # ink rows this close (inches) are one printed line (a letter's dots)
BAND_MIN_IN = 0.06  # a printed line of a cell is at least this high (inches)...
BAND_MAX_IN = 0.3  # ...and at most this high
BAND_MIN_W_IN = 0.15  # a stretch of a band's ink this wide at least (inches) is worth reading
BAND_INK = 0.1  # share of a band's stretch that is ink at least (printed words; a scan's specks are sparse)
MAX_BANDS = 30  # cell lines read again per table at most


@dataclass
class _Piece:
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    conf: float | None = None  # a cell's line read on its own: tesseract's word confidence of it, 0..1 (tables_cells.py)


@dataclass
class _Slot:
    cell: GridCell
    y0: float  # the cell's rules above and below it, pixels
    y1: float
    pieces: list[_Piece] = field(default_factory=list)


def _rtl(texts: list[str]) -> bool:
    joined = " ".join(texts)
    return len(_AR.findall(joined)) > len(_LAT.findall(joined))


def _clean(text: str) -> str:
    """A cell's text without the strokes of a rule read as characters."""
    return " ".join(w for w in text.split() if w.strip(_RULE_MARKS)).strip(_RULE_MARKS)


def _sim(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() if a or b else 1.0


def _agree(a: str, b: str) -> float:
    """How well a run of words and a reading of it agree: their similarity, or the share of the
    shorter one found in the other (a reading with a stray mark beside it: ``1,40 00000``)."""
    if not a or not b:
        return 1.0 if a == b else 0.0
    m = SequenceMatcher(None, a, b, autojunk=False)
    short = min(len(a), len(b))
    cover = sum(blk.size for blk in m.get_matching_blocks()) / short if short >= 3 else 0.0
    return max(m.ratio(), cover)


def split_words(words: list[str], parts: list[str | None]) -> list[str] | None:
    """``words`` (a line in logical order) cut into len(parts) runs that best match ``parts``
    (pieces of the same line read again; None: a piece not read again, it takes what lies
    between the others); None when the match is poor. Every way to cut is tried (a line has
    a few cuts and a few dozen words at most)."""
    n, m = len(words), len(parts)
    if m == 1:
        return [" ".join(words)]
    if n < m or all(p is None for p in parts) or comb(n - 1, m - 1) > MAX_CUT_WAYS:
        return None
    best: tuple[float, tuple[int, ...]] | None = None
    for cut in combinations(range(1, n), m - 1):
        bounds = (0, *cut, n)
        score = sum(_sim(" ".join(words[bounds[j]:bounds[j + 1]]), p) for j, p in enumerate(parts) if p is not None)
        if best is None or score > best[0]:
            best = (score, bounds)
    assert best is not None
    bounds = best[1]
    out = [" ".join(words[bounds[j]:bounds[j + 1]]) for j in range(m)]
    scores = [_agree(o, p) for o, p in zip(out, parts, strict=True) if p is not None]
    return out if sum(scores) / len(scores) >= MATCH else None


def _tight(pimg: PageImage, box: tuple[int, int, int, int], margin: int) -> tuple[int, int, int, int]:
    """The box shrunk to the ink in it, plus a margin: white space beside a word was read as
    ``0000`` or ``ا`` in a single-line reading."""
    crop = np.asarray(pimg.image.crop(box)) < 128
    cols = np.flatnonzero(crop.any(axis=0))
    if not len(cols):
        return box
    x0, x1 = box[0] + int(cols[0]), box[0] + int(cols[-1]) + 1
    return (max(box[0], x0 - margin), box[1], min(box[2], x1 + margin), box[3])


def _read_again(pimg: PageImage, cuts: list[tuple[TextLine, list[tuple[_Slot, float, float]]]],
                empties: list[tuple[_Slot, tuple[int, int, int, int]]], langs: str, empty_langs: str,
                timeout: float, bands: list[tuple[_Slot, tuple[int, int, int, int]]] | None = None,
                rtl: bool = False) -> None:
    """Cut the lines that run across column rules and put their parts in their cells: every
    part but the widest is read again, and the line's words are split where they match.
    Cells that hold ink but no line (a short header word tesseract's layout skipped) are
    read as one line each, with ``empty_langs`` (the Arabic script model reads a header word
    stretched by kashida that ``ara+fra`` takes for French), in a second call. ``bands``: printed
    lines of cells that hold others but that no OCR'd line covers (:func:`_uncovered`), read as
    empty cells are; in a right-to-left table a reading mostly in Latin letters is refused."""
    from .tesseract import read_rows

    k = pimg.dpi / 72.0
    pad = max(2, int(0.05 * pimg.dpi))  # clear of the rule (its strokes read as 0 or l)
    boxes: list[tuple[int, int, int, int]] = []
    spans: list[list[tuple[float, float]]] = []  # each part's stretch of the line, points
    for ln, parts in cuts:
        vpad = max(3, int((ln.bottom - ln.top) * k / 3))
        spans.append([(max(ln.x0, x0), min(ln.x1, x1)) for _slot, x0, x1 in parts])
        widest = max(range(len(parts)), key=lambda j: spans[-1][j][1] - spans[-1][j][0])
        for j, (slot, x0, x1) in enumerate(parts):
            if j == widest:
                continue
            # inside the cell's rules (a rule in the crop is read as 0000 or ----), around the
            # line's ink (a margin: its box is tight)
            left = max(int(x0 * k) + pad, int(ln.x0 * k) - 2 * pad)
            right = min(int(x1 * k) - pad, int(ln.x1 * k) + 2 * pad)
            top = max(int(ln.top * k) - vpad, int(slot.y0) + pad // 2)
            bottom = min(int(ln.bottom * k) + vpad, int(slot.y1) - pad // 2)
            boxes.append((max(0, left), max(0, min(top, int(ln.top * k))), min(pimg.image.width, max(right, left + 1)),
                          min(pimg.image.height, max(bottom, int(ln.bottom * k)))))
    boxes = [_tight(pimg, box, pad) for box in boxes]
    bands = bands or []
    alone = empties + bands
    try:
        if empty_langs == langs:  # one tesseract call (the models are loaded once)
            both = read_rows(pimg, boxes + [box for _slot, box in alone], langs, timeout)
            done, empty_reads = both[:len(boxes)], both[len(boxes):]
        else:
            done = read_rows(pimg, boxes, langs, timeout) if boxes else []
            empty_reads = read_rows(pimg, [box for _slot, box in alone], empty_langs, timeout) if alone else []
        readings = [" ".join(x.text for x in r.lines) for r in done]
    except ToolError as exc:
        log.info("page %d: table cells not read again (%s)", pimg.page, exc)
        readings, empty_reads = [""] * len(boxes), []
    for n, ((slot, box), res) in enumerate(zip(alone, empty_reads, strict=False)):
        text = _clean(" ".join(x.text for x in res.lines))
        if n >= len(empties) and rtl and not _rtl([text]):
            continue  # a band of an Arabic table read as Latin letters: a stretched word misread
        if text and res.confidence >= EMPTY_CONF:
            slot.pieces.append(_Piece(text, box[1] / k, box[3] / k, box[0] / k, box[2] / k, round(res.confidence / 100.0, 3)))
    it = iter(readings)
    for (ln, parts), stretch in zip(cuts, spans, strict=True):
        widest = max(range(len(parts)), key=lambda j: stretch[j][1] - stretch[j][0])
        texts: list[str | None] = [None if j == widest else _clean(next(it)) for j in range(len(parts))]
        order = list(reversed(range(len(parts)))) if _rtl([ln.text]) else list(range(len(parts)))  # logical order
        kept = [j for j in order if texts[j] is None or texts[j]]  # a part read as nothing holds nothing
        words = [w for w in ln.text.split() if w.strip(_RULE_MARKS)]
        split = split_words(words, [texts[j] for j in kept])
        if split is None:  # no trustworthy cut: the widest cell takes the whole line
            kept, split = [widest], [" ".join(words)]
        for j, text in zip(kept, split, strict=True):
            if _clean(text):
                slot, (a, b) = parts[j][0], stretch[j]
                slot.pieces.append(_Piece(_clean(text), ln.top, ln.bottom, a, b))


def _inked_box(ink: Ink, grid: Grid, cell: GridCell, dpi: float) -> tuple[int, int, int, int] | None:
    """The box around the ink inside a cell's rules (image pixels), when it holds some: a word
    at least, on one line at most (what a single-line reading can read)."""
    n = ink.scale
    inset = max(3, int(0.05 * dpi))
    x0, x1 = int(grid.xs[cell.col]) + inset, int(grid.xs[cell.col + cell.colspan]) - inset
    y0, y1 = int(grid.ys[cell.row]) + inset, int(grid.ys[cell.row + cell.rowspan]) - inset
    if x1 - x0 < inset or y1 - y0 < inset:
        return None
    inside = ink.mask[y0 // n:y1 // n, x0 // n:x1 // n]
    area = int(inside.sum()) * n * n
    if area < GLYPH_INK_IN2 * dpi * dpi:
        return None
    rows, cols = np.flatnonzero(inside.any(axis=1)), np.flatnonzero(inside.any(axis=0))
    if area < EMPTY_INK_IN2 * dpi * dpi and (rows[-1] - rows[0] + 1) * n < GLYPH_IN * dpi:
        return None  # a speck, not a lone digit
    if (rows[-1] - rows[0]) * n > 0.35 * dpi:  # more than a line of text
        return None
    top, left = (y0 // n + int(rows[0])) * n, (x0 // n + int(cols[0])) * n
    bottom, right = (y0 // n + int(rows[-1]) + 1) * n, (x0 // n + int(cols[-1]) + 1) * n
    return (max(0, left - inset), max(0, top - inset), right + inset, bottom + inset)


def _uncovered(ink: Ink, grid: Grid, slot: _Slot, dpi: float, k: float,
               lines: list[tuple[float, float, float, float]], inside_rules: bool = False) -> list[tuple[int, int, int, int]]:
    """Boxes (image pixels) of the printed lines of a cell holding some text that no OCR'd line
    covers: tesseract's layout skips a line of a cell now and then (Sfax's `حمولتها 3.5 أطنان.`
    under the rest of its task), which a single-line reading reads. ``lines``: the boxes
    (points) of the page's lines in the grid. A printed line is a band of the cell's ink rows
    (gaps of a dot's height joined) at least BAND_MIN_IN and at most BAND_MAX_IN high. ``inside_rules`` (a
    left-to-right table): the boxes stay clear of the cell's column rules (an Arabic word's kashida may run up
    to its rule: there the ink by the rule is the word's, and the box keeps its margin)."""
    n = ink.scale
    cell = slot.cell
    inset = max(3, int(0.05 * dpi))
    x0, x1 = int(grid.xs[cell.col]) + inset, int(grid.xs[cell.col + cell.colspan]) - inset
    y0, y1 = int(grid.ys[cell.row]) + inset // 2, int(grid.ys[cell.row + cell.rowspan]) - inset // 2
    if x1 - x0 < inset or y1 - y0 < inset:
        return []
    inside = ink.mask[y0 // n:y1 // n, x0 // n:x1 // n]
    out = []
    for a, b in _band_runs(inside.any(axis=1), max(1, int(BAND_GAP_IN * dpi / n))):
        h = (b - a) * n
        if h < BAND_MIN_IN * dpi or h > BAND_MAX_IN * dpi:
            continue
        top, bottom = (y0 // n + a) * n, (y0 // n + b) * n
        over = [box for box in lines if min(box[3], bottom * k) - max(box[1], top * k) > 0.4 * min(h * k, box[3] - box[1])]
        # the band's stretches of ink (words farther apart than twice its height are apart)
        for c0, c1 in _band_runs(inside[a:b].any(axis=0), max(1, 2 * (b - a))):
            left, right = (x0 // n + c0) * n, (x0 // n + c1) * n
            if right - left < BAND_MIN_W_IN * dpi or inside[a:b, c0:c1].mean() < BAND_INK:
                continue  # a speck, a stroke of a stamp, a scan's grain
            covered = sum(max(0.0, min(box[2], right * k) - max(box[0], left * k)) for box in over)
            if covered < 0.5 * (right - left) * k:
                a, b = left - inset, right + inset
                if inside_rules:  # Latin letters never join a rule: the crop stays inside the cell's rules, whose stroke
                    # beside a word cost it its confidence (Haute-Saône's names: `Lantenot` 25 -> 87, under EMPTY_CONF, lost)
                    a, b = max(a, x0 - inset // 2), min(b, x1 + inset // 2)
                out.append((max(0, a), max(0, top - inset // 2), b, bottom + inset // 2))
    return out


def _band_runs(rows: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Start and end (exclusive) of the runs of True, runs at most ``gap`` apart joined."""
    idx = np.flatnonzero(rows)
    if idx.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(idx) > gap + 1)
    starts = np.concatenate(([idx[0]], idx[breaks + 1]))
    ends = np.concatenate((idx[breaks], [idx[-1]])) + 1
    return list(zip(starts.tolist(), ends.tolist(), strict=True))
