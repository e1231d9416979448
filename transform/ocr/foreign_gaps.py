"""Ink a kept earlier OCR's layer left unread, read by our OCR and put in doubt.

An earlier OCR's invisible layer (ocrmypdf, a copier's "searchable PDF") that our OCR sample agrees
with is kept (decide._earlier_ocr), yet such an engine drops what it could not segment: a row printed
on a shaded band, an amount standing alone at the right of a table without rules, a short word at a
line's start; and where it met a shaded row it glues it to the row above into one line twice as
tall, losing that row's words or amounts. Nothing in the layer's words shows the loss (foreign_layer
judges the words it has), so a blind reader would get a subsidies list whose group totals and amounts
are simply not there.

Here the page image is compared with the layer: every layer line paints its runs (``segments``) as
covered, padded a little; a line more than GLUED times the page's usual line height is taken as two
rows glued and paints nothing. The ink left uncovered, once specks and a shading's dither are opened
away, is cut into bands and pieces (a column gap apart); each piece of text size is read by our OCR
(one tesseract call for the page, single-line crops as in foreign_vote) and kept only when the reading
looks like print (:func:`plausible`). Then:

* a piece beside a layer line of its band is added to that line, at its left or right end
  (`ACTIV'ORNE` + `1 500,00`; `Il` before `va...`);
* a band no layer line holds becomes a line of its own, in reading order (`SUBVENTIONS A CARACTERE
  SCOLAIRE 710,00`); a glued line is replaced by its bands' readings, only when every band of it was
  read (else it stays, in doubt);
* every line touched gets confidence SUSPECT_CONFIDENCE and ``text_layer_unsure``: one engine's reading
  of ink the other lost is no sound reading; a piece read as nothing leaves its line in doubt too.

Lines, pieces and reading order only; the layer's own words are never rewritten here.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ToolError
from .confidence import TEXT_UNSURE
from .foreign_layer import SUSPECT_CONFIDENCE
from .foreign_vote import padded_boxes
from .lexicon import known_fr
from .render import binarise_page
from .tesseract import read_rows, tess_langs

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..ingest.base import TextLine
    from .render import PageImage

GLUED = 1.7  # a layer line this many times the page's median line height holds two rows
PAD = 0.25  # a line's runs cover this share of its height above and below (ascenders, accents)
PAD_X = 3.0  # and this many points at each end
MIN_BAND = 0.45  # a band of uncovered ink lower than this share of the median line height is a speck
MAX_BAND = 1.6  # higher than this share, a signature or a drawing, not a line of print
MIN_WIDTH = 0.45  # a piece narrower than this share of the median line height is a rule or a speck
GAP = 1.5  # pieces of a band this many line heights apart are read apart (a table's columns)
MIN_CONF = 50.0  # tesseract's mean word confidence under which a piece's reading is not taken
MIN_INK = 0.08  # a piece's ink share of its box under this is dust
SPANS = 0.8  # a glued line is replaced by its bands' readings only when they cover this share of its runs
HOLLOW = 0.01  # a layer run whose box holds less solid ink than this share was read in a shading's dither
ROW_OVERLAP = 0.5  # a layer line holds a band when their heights overlap by this share of the band

_NUMBER = re.compile(r"^[(\-–]?\d[\d.,  ]*[€%]?[):;.,]?$")
_CAPS = re.compile(r"^[A-ZÀ-ÖØ-Þ0-9][A-ZÀ-ÖØ-Þ0-9'’.\-]*[):;.,]?$")
_TITLE = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿœ'’\-]+[):;.,]?$")
_EDGE_MARKS = re.compile(r"^[‘’'`\"“”|_.,~]+(?=\w)|(?<=[\w)])[‘’'`\"“”|_~]+$")  # a shading's dither read as a mark


@dataclass
class Piece:
    """Uncovered ink of one band (points): where it lies and, once read, what it says."""

    top: float
    bottom: float
    x0: float
    x1: float
    text: str = ""
    words: list[tuple[str, float, float]] = field(default_factory=list)  # each word read and its x extent (points)


def _median_height(lines: list[TextLine]) -> float:
    hs = sorted(ln.bottom - ln.top for ln in lines if ln.text.strip())
    return hs[len(hs) // 2] if hs else 0.0


def _open(mask: np.ndarray) -> np.ndarray:
    """Erode then dilate by a 3x3 square: single pixels and a dither's dots go, strokes stay."""
    e = mask.copy()
    e[1:] &= mask[:-1]
    e[:-1] &= mask[1:]
    f = e.copy()
    f[:, 1:] &= e[:, :-1]
    f[:, :-1] &= e[:, 1:]
    d = f.copy()
    d[1:] |= f[:-1]
    d[:-1] |= f[1:]
    g = d.copy()
    g[:, 1:] |= d[:, :-1]
    g[:, :-1] |= d[:, 1:]
    return g


def glued_lines(lines: list[TextLine], med: float) -> list[TextLine]:
    """The layer's lines that hold two rows (more than GLUED times the median line height)."""
    return [ln for ln in lines if med > 0 and ln.bottom - ln.top > GLUED * med]


def hollow_runs(solid: np.ndarray, dpi: float, line: TextLine) -> list[tuple[float, float]]:
    """The runs of a layer line whose box holds no ink of a stroke (``solid``: the page's ink opened, :func:`_open`):
    words an earlier OCR read in a shading's dither (`de`, `se`, `Fo` beside a shaded row)."""
    k = dpi / 72.0
    top, bottom = int(line.top * k), int(line.bottom * k) + 1
    out = []
    for a, b in getattr(line, "segments", None) or []:
        box = solid[top:bottom, int(a * k):int(b * k) + 1]
        if box.size and box.mean() < HOLLOW:
            out.append((a, b))
    return out


def unsure_lines(lines: list[TextLine], solid: np.ndarray, dpi: float) -> list[TextLine]:
    """The layer lines read again whole: two rows glued (:func:`glued_lines`), or a run read in dither
    (:func:`hollow_runs`)."""
    glued = glued_lines(lines, _median_height(lines))
    return glued + [ln for ln in lines if ln not in glued and hollow_runs(solid, dpi, ln)]


def lost_pieces(ink: np.ndarray, dpi: float, lines: list[TextLine], unsure: list[TextLine] | None = None) -> list[Piece]:
    """The pieces of uncovered ink of text size (see the module docstring); ``ink``: the page's
    binarised ink mask at ``dpi``; ``unsure``: the lines that cover nothing (glued rows by default)."""
    med = _median_height(lines)
    if med <= 0:
        return []
    k = dpi / 72.0
    height, width = ink.shape
    covered = np.zeros_like(ink)
    glued = {id(ln) for ln in (glued_lines(lines, med) if unsure is None else unsure)}
    for ln in lines:
        if id(ln) in glued or not ln.text.strip():
            continue
        pad = PAD * (ln.bottom - ln.top)
        top, bottom = max(0, int((ln.top - pad) * k)), min(height, int((ln.bottom + pad) * k) + 1)
        for a, b in getattr(ln, "segments", None) or [(ln.x0, ln.x1)]:
            covered[top:bottom, max(0, int((a - PAD_X) * k)):min(width, int((b + PAD_X) * k) + 1)] = True
    left = _open(ink & ~covered)
    rows = np.flatnonzero(left.any(axis=1))
    if not rows.size:
        return []
    out: list[Piece] = []
    cuts = np.flatnonzero(np.diff(rows) > 1)
    for s, e in zip(np.r_[rows[0], rows[cuts + 1]], np.r_[rows[cuts], rows[-1]], strict=True):
        h = (e + 1 - s) / k
        if not MIN_BAND * med <= h <= MAX_BAND * med:
            continue
        cols = np.flatnonzero(left[s:e + 1].any(axis=0))
        splits = np.flatnonzero(np.diff(cols) > GAP * med * k)
        for a, b in zip(np.r_[cols[0], cols[splits + 1]], np.r_[cols[splits], cols[-1]], strict=True):
            if (b + 1 - a) / k < MIN_WIDTH * med or left[s:e + 1, a:b + 1].mean() < MIN_INK:
                continue
            out.append(Piece(s / k, (e + 1) / k, a / k, (b + 1) / k))
    return out


def plausible(text: str) -> bool:
    """Does a piece's reading look like print: every word a number, a word the French lists know, a
    capitals or capitalised word, or a short French word, and one letter or digit at least?"""
    words = text.split()
    if not words or not re.search(r"\w", text):
        return False
    for w in words:
        core = w.strip("(),.;:«»\"'’")
        if not core:
            continue
        if not (_NUMBER.match(w) or _CAPS.match(core) or _TITLE.match(core) or (len(core) > 2 and known_fr(core))
                or core.lower() in {"à", "a", "de", "du", "la", "le", "et", "en", "il", "au", "un"}):
            return False
    return True


_SPACED = re.compile(r"(?<![\d.,])\d{1,3} \d{3},\d{2}\b")  # `1 000,00`: thousands set apart by a space
_DOTTED = re.compile(r"(?<![\d.,])(\d{1,3})\.(\d{3},\d{2})\b")  # `7.210,00`


def grouping(lines: list[TextLine]) -> Callable[[str], str]:
    """How the page's layer groups an amount's thousands, applied to a word we read: where it prints
    `1 000,00` and never `1.000,00`, our `7.210,00` (a thin space read as a dot) is `7 210,00`."""
    text = "\n".join(ln.text for ln in lines)
    if _SPACED.search(text) and not _DOTTED.search(text):
        return lambda w: _DOTTED.sub(r"\1 \2", w)
    return lambda w: w


def _read(pimg: PageImage, pieces: list[Piece], langs: list[str], timeout: float,
          spaced: Callable[[str], str] = lambda w: w) -> bool:
    boxes = padded_boxes(pimg, pieces, 0.3)
    try:
        results = read_rows(pimg, boxes, tess_langs(langs), timeout)
    except ToolError:
        return False
    for p, res in zip(pieces, results, strict=True):
        read = [(_EDGE_MARKS.sub("", w), x0, x1) for x in res.lines for w, x0, _t, x1, _b in res.word_boxes.get(id(x), [])]
        words = [(spaced(w), x0, x1) for w, x0, x1 in read if w]
        text = " ".join(w for w, _, _ in words) if words else " ".join(
            _EDGE_MARKS.sub("", w) for x in res.lines for w in x.text.split())
        if res.confidence >= MIN_CONF and plausible(text):
            p.text, p.words = text, words or [(text, p.x0, p.x1)]
    return True


def _doubt(ln: TextLine) -> None:
    ln.confidence, ln.doubt = SUSPECT_CONFIDENCE, TEXT_UNSURE
    ln.lost_ink = True  # type: ignore[attr-defined]  # a table holding it is in doubt (ingest/pdf_lost_rows.py)


def _holds(ln: TextLine, top: float, bottom: float) -> bool:
    return min(ln.bottom, bottom) - max(ln.top, top) > ROW_OVERLAP * (bottom - top)


def _extend(ln: TextLine, piece: Piece) -> None:
    """Add a piece's reading at the left or right end of a layer line of its band."""
    segments = list(getattr(ln, "segments", None) or [(ln.x0, ln.x1)])
    ln.read_words = [*getattr(ln, "read_words", []), *piece.words]  # type: ignore[attr-defined]  # (table glyphs)
    if piece.x0 >= ln.x1:
        ln.text = f"{ln.text} {piece.text}"
        segments.append((piece.x0, piece.x1))
    else:
        ln.text = f"{piece.text} {ln.text}"
        segments.insert(0, (piece.x0, piece.x1))
    ln.x0, ln.x1 = min(ln.x0, piece.x0), max(ln.x1, piece.x1)
    if hasattr(ln, "segments"):
        ln.segments = segments
        ln.gaps = [b[0] - a[1] for a, b in zip(segments, segments[1:], strict=False)]  # type: ignore[attr-defined]
    _doubt(ln)


def _new_line(template: TextLine, band: list[Piece], size: float, start: int) -> TextLine:
    """A line of its own for a band no layer line holds, shaped like ``template`` in the page's body size;
    ``start``: a negative number of its own (no text-page character is its: a table takes it by its glyphs
    made from our reading, pdf_table_glyphs.read_words)."""
    top, bottom = min(p.top for p in band), max(p.bottom for p in band)
    extra: dict[str, Any] = {}
    if hasattr(template, "segments"):
        segments = [(p.x0, p.x1) for p in band]
        extra = {"segments": segments, "gaps": [b[0] - a[1] for a, b in zip(segments, segments[1:], strict=False)],
                 "baseline": bottom - 0.2 * (bottom - top), "start": start, "count": 0, "parts": [], "wide_parts": [],
                 "call": ""}
    ln = replace(template, text=" ".join(p.text for p in band), x0=band[0].x0, x1=band[-1].x1, top=top, bottom=bottom,
                 size=size or template.size, bold=False, underline=False, fill=False, ink=None, mended=(), **extra)
    ln.read_words = [w for p in band for w in p.words]  # type: ignore[attr-defined]  # its only glyphs (count 0)
    _doubt(ln)
    return ln


def _spans(line: TextLine, pieces: list[Piece], hollow: Sequence[tuple[float, float]] = ()) -> bool:
    """Do the pieces read cover most of a glued line's runs (SPANS of their width: a speck's junk word
    may go, a name or a title may not)?"""
    runs = [r for r in getattr(line, "segments", None) or [(line.x0, line.x1)] if r not in hollow]  # dither: nothing to lose
    covered = sum(max([0.0, *(min(b, p.x1) - max(a, p.x0) for p in pieces)]) for a, b in runs)
    return covered >= SPANS * sum(b - a for a, b in runs)


def _bands(pieces: list[Piece]) -> list[list[Piece]]:
    bands: dict[tuple[float, float], list[Piece]] = {}
    for p in pieces:
        bands.setdefault((p.top, p.bottom), []).append(p)
    return [sorted(b, key=lambda p: p.x0) for _, b in sorted(bands.items())]


def _place(lines: list[TextLine], new: TextLine) -> int:
    """Where a new line goes in reading order: after the last line above it in its column (a line it
    overlaps across), else before the first line below it."""
    half = 0.5 * (new.bottom - new.top)
    above = [n for n, ln in enumerate(lines) if ln.bottom <= new.top + half and ln.x1 > new.x0 and ln.x0 < new.x1]
    if above:
        return above[-1] + 1
    return next((n for n, ln in enumerate(lines) if ln.top >= new.bottom - half), len(lines))


def _folio(band: list[Piece], lines: list[TextLine]) -> bool:
    """A lone number above or below all the layer's lines: the page number, which the ingester took out of
    the lines before they came here (pdf_folio)."""
    return (len(band) == 1 and band[0].text.isdigit() and len(band[0].text) <= 3
            and (band[0].top >= max(ln.bottom for ln in lines) or band[0].bottom <= min(ln.top for ln in lines)))


def read_lost(pimg: PageImage, lines: list[TextLine], langs: list[str], timeout: float) -> int:
    """Read the ink the layer ``lines`` left unread and put it in (see the module docstring); ``lines``
    is changed in place. Returns how many lines were added or changed (all of them in doubt). One
    tesseract call for the page, none when no ink is left uncovered."""
    if not lines:
        return 0
    binary = binarise_page(pimg)
    ink = np.asarray(binary.image) < 128
    solid = _open(ink)
    glued = unsure_lines(lines, solid, pimg.dpi)
    pieces = lost_pieces(ink, pimg.dpi, lines, glued)
    if not pieces or not _read(binary, pieces, langs, timeout, grouping(lines)):
        return 0
    plain = [ln for ln in lines if ln not in glued]
    sizes = sorted(ln.size for ln in plain if ln.size)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    touched: list[TextLine] = []
    new: list[TextLine] = []
    fresh = itertools.count(-1, -1)  # the new lines' own start numbers
    by_glued: dict[int, list[list[Piece]]] = {}
    for band in _bands(pieces):
        top, bottom = band[0].top, band[0].bottom
        holder = next((g for g in glued if _holds(g, top, bottom) or g.top <= (top + bottom) / 2 <= g.bottom), None)
        if holder is not None:
            by_glued.setdefault(id(holder), []).append(band)
            continue
        row = [ln for ln in plain if _holds(ln, top, bottom)]
        if len(row) == 1:
            for p in band:
                if not p.text:
                    touched.append(row[0])
                elif p.x0 >= row[0].x1 or p.x1 <= row[0].x0:
                    _extend(row[0], p)
                    touched.append(row[0])
                else:  # inside the line's span, between its runs: where its words go is not known
                    touched.append(row[0])
            continue
        if row or not all(p.text for p in band) or _folio(band, lines):
            touched.extend(row)
            continue
        template = min(plain or lines, key=lambda ln: abs(ln.top - top))
        new.append(_new_line(template, band, body, next(fresh)))
    for g in glued:
        bands = by_glued.get(id(g), [])
        if bands and all(p.text for band in bands for p in band) and _spans(g, [p for band in bands for p in band], hollow_runs(solid, pimg.dpi, g)):
            at = lines.index(g)
            lines[at:at + 1] = [_new_line(g, band, body, next(fresh)) for band in bands]
            touched.extend(lines[at:at + len(bands)])
        elif bands:
            _doubt(g)
            touched.append(g)
    for ln in new:
        lines.insert(_place(lines, ln), ln)
    for ln in touched:
        _doubt(ln)
    return len({id(ln) for ln in touched}) + len(new)
