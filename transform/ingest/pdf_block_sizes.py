"""Type sizes of PDF lines for grouping: each line's rounded size, direction and baseline; the body size and the
heading sizes of a document; the usual line pitch per size; a page set in a heading size throughout
(:func:`_page_body`); OCR'd lines' sizes snapped to one. Split out of :mod:`pdf_blocks`."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from operator import itemgetter
from typing import TypeVar

from ..structure.legal import legal_heading
from .base import TextLine
from .pdf_bidi import is_rtl_line
from .pdf_block_kinds import _HAS_WORD, SENTENCE_END, _leader
from .pdf_block_runs import _GROUP
from .pdf_calls import _load_native

PAGE_BODY_LINES = 8  # lines of one larger size that make it the body of their page
L = TypeVar("L", bound=TextLine)
Feature = tuple[float, bool, float]  # rounded size, right to left, baseline of one line
_LINE_FEATURES = getattr(_load_native(), "line_features", None)  # None: not built, or hidden (TAYSIR_PDF_NATIVE=0)
_PITCHES = getattr(_GROUP, "pitches", None)  # _group.pitches: _pitches_py in C (None: not built, or hidden)


def _baseline(line: TextLine) -> float:
    return float(getattr(line, "baseline", 0.0) or line.bottom)


def _rtl(line: TextLine) -> bool:
    val = getattr(line, "rtl", None)
    return bool(val) if val is not None else is_rtl_line(line.text)


def _size(line: TextLine) -> float:
    return round((line.size or 0.0) * 2) / 2


def _feature(line: TextLine) -> Feature:
    return (_size(line), _rtl(line), _baseline(line))


def _features_py(pages: list[list[TextLine]]) -> list[list[Feature]]:
    return [[(_size(ln), _rtl(ln), _baseline(ln)) for ln in lines] for lines in pages]


def _features(pages: list[list[TextLine]]) -> list[list[Feature]]:
    """Size, direction and baseline of every line, read once (grouping asks for them many times); in one
    native call per page when the optional extension is built (``_chars.line_features``: the same values,
    the lines it cannot read as usual given to :func:`_feature`)."""
    if _LINE_FEATURES is None:
        return _features_py(pages)
    return [_LINE_FEATURES(lines if type(lines) is list else list(lines), _feature) for lines in pages]


def body_size(pages: list[list[TextLine]], feats: list[list[Feature]] | None = None) -> float:
    feats = feats if feats is not None else _features(pages)
    counts: dict[float, int] = {}
    for lines, fs in zip(pages, feats, strict=True):
        for ln, f in zip(lines, fs, strict=True):
            counts[f[0]] = counts.get(f[0], 0) + len(ln.text)
    return max(counts.items(), key=itemgetter(1))[0] if counts else 0.0  # the first of equals, as Counter.most_common


def heading_sizes(pages: list[list[TextLine]], body: float, feats: list[list[Feature]] | None = None) -> list[float]:
    """Sizes larger than the body text that are used on short lines, largest first."""
    feats = feats if feats is not None else _features(pages)
    sizes: Counter[float] = Counter()
    if body:
        for lines, fs in zip(pages, feats, strict=True):
            for ln, f in zip(lines, fs, strict=True):
                if f[0] >= body * 1.1 and len(ln.text) <= 200 and _HAS_WORD.search(ln.text):
                    sizes[f[0]] += 1  # an ornament (``* * *``) set large is no heading size
    return sorted(sizes, reverse=True)


def _pitches(feats: list[list[Feature]]) -> dict[tuple[float, bool], float]:
    """The usual baseline step between two lines of one paragraph, per (size, direction) (in C when the optional
    ``_group`` extension is built: the same steps, sorted the same way)."""
    return _PITCHES(feats) if _PITCHES is not None else _pitches_py(feats)


def _pitches_py(feats: list[list[Feature]]) -> dict[tuple[float, bool], float]:
    steps: dict[tuple[float, bool], list[float]] = {}
    for fs in feats:
        for (sa, ra, ba), (sb, rb, bb) in zip(fs, fs[1:], strict=False):
            if sa != sb or ra != rb:
                continue
            d = bb - ba
            size = sa or 10.0
            if 0.9 * size <= d <= 3.0 * size:
                steps.setdefault((sa, ra), []).append(d)
    out = {}
    for key, vals in steps.items():
        vals.sort()
        out[key] = vals[max(0, len(vals) // 4 - 1)] if len(vals) >= 4 else min(vals)
    return out


def _page_body(lines: list[TextLine], feats: list[Feature], hsizes: list[float]) -> float | None:
    """A heading size that is the body of this page: it carries most of the page's characters on at
    least :data:`PAGE_BODY_LINES` lines, most of them plain and running to the column's width or
    ending sentences (a dahir's page set in 16 pt in a Bulletin whose columns are in 11 pt: its
    paragraphs are paragraphs, not one heading running over the page). Text-layer pages only, not a
    contents page; None on most pages."""
    if not lines or not hasattr(lines[0], "baseline"):
        return None  # OCR's size estimates swing from line to line: a text layer's sizes only
    chars: Counter[float] = Counter()
    for ln, f in zip(lines, feats, strict=True):
        if f[0] in hsizes:
            chars[f[0]] += len(ln.text)
    if not chars:
        return None
    size, n = chars.most_common(1)[0]
    if 2 * n < sum(len(ln.text) for ln in lines):
        return None
    own = [ln for ln, f in zip(lines, feats, strict=True) if f[0] == size]
    plain = sum(1 for ln in own if not ln.bold)
    if len(own) < PAGE_BODY_LINES or 2 * plain <= len(own) or sum(1 for ln in own if _leader(ln.text)) >= 2:
        return None  # a contents page (entries ending with dot leaders and a page number) keeps its sizes' ranks
    return size


def _snap_ocr_sizes(lines: list[L]) -> list[L]:
    """OCR'd lines (no baseline from a text layer) of the usual height get one size.

    Sizes estimated from OCR word heights swing by a third from line to line (digits, Latin
    words, letters without ascenders), which would cut every paragraph, while the height of
    the lines' boxes stays within a few points: lines of about the page's usual height
    (within 25 %) take the usual size; a heading's taller line keeps its own.
    """
    if len(lines) < 2 or hasattr(lines[0], "baseline"):
        return lines
    heights = sorted(ln.bottom - ln.top for ln in lines)
    usual_h = heights[len(heights) // 2]
    body = [ln.size for ln in lines if ln.size and abs((ln.bottom - ln.top) - usual_h) <= 0.25 * usual_h]
    if not body or usual_h <= 0:
        return lines
    usual = sorted(body)[len(body) // 2]
    out: list[L] = []
    width = max(ln.x1 - ln.x0 for ln in lines)
    for k, ln in enumerate(lines):
        h = ln.bottom - ln.top
        if ln.size != usual and (abs(h - usual_h) <= 0.25 * usual_h or _short_last(lines, k, out, usual_h)
                                 or _paragraph_end(lines, k, out, usual, usual_h, width)):
            ln = dataclasses.replace(ln, size=usual)
        out.append(ln)
    return out


def _short_last(lines: list[L], k: int, done: list[L], usual_h: float) -> bool:
    """A line lower than the usual height (a few letters without ascenders or descenders: ``d'alerte :``, ``la mise en
    demeure.``) right under a line of its tesseract paragraph (the same estimated size) that took the usual size and
    does not end a sentence: that size too (left at its paragraph's estimate, it was read as a heading's size and cut
    from the paragraph it ends). Neither line may open a legal unit (``TITRE X`` over its name, ``Article 7``)."""
    if k == 0:
        return False
    ln, prev = lines[k], lines[k - 1]
    return (ln.bottom - ln.top < 0.75 * usual_h and prev.size == ln.size and done[k - 1].size != prev.size
            and ln.page == prev.page and 0 <= ln.top - prev.bottom <= usual_h and not SENTENCE_END.search(prev.text)
            and legal_heading(ln.text.strip()) is None and legal_heading(prev.text.strip()) is None)


FULL = 0.8  # a line this share of the page's widest line or wider runs to its column's end
END_SHARE = 0.6  # a paragraph's last line at most this share of the full line above it
END_WORDS = 8
_ENDS = re.compile(r"[.:;؛]\s*[\"»”’)]*$")


def _paragraph_end(lines: list[L], k: int, done: list[L], usual: float, usual_h: float, width: float) -> bool:
    """A paragraph's short last line read at a size of its own (a tesseract paragraph of its own: ``للعقد أربع (04)
    سنوات.``, its digits and brackets standing taller; ``متصلة.`` lower), right under a full line at the usual size
    that does not end a sentence, starting at that line's start edge and ending a sentence itself: the usual size."""
    if k == 0:
        return False
    ln, prev = lines[k], lines[k - 1]
    if not (done[k - 1].size == usual and ln.page == prev.page and 0 <= ln.top - prev.bottom <= usual_h
            and ln.bottom - ln.top <= 1.6 * usual_h and prev.x1 - prev.x0 >= FULL * width
            and ln.x1 - ln.x0 <= END_SHARE * (prev.x1 - prev.x0) and len(ln.text.split()) <= END_WORDS
            and _ENDS.search(ln.text) and not SENTENCE_END.search(prev.text)):
        return False
    rtl = is_rtl_line(prev.text)
    start = abs(ln.x1 - prev.x1) if rtl else abs(ln.x0 - prev.x0)
    return start <= usual_h and legal_heading(ln.text.strip()) is None and legal_heading(prev.text.strip()) is None
