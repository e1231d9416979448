"""A line read across the cells of a ruled row that is no table, cut at the rules between its words.

A scanned form closes on a single ruled row of cells: a shaded label, a blank to fill in, a second
label, a second blank (``تاريخ الطلب`` | ... | ``توقيع المترشح(ة)`` | ..., the application forms
annexed to decision ma-sante). Tesseract reads the row as one line, the two labels joined across the
blank between them; the table finder (``tables.py``) finds the grid but keeps no table of one row
(nothing to line up), so the line stayed whole and the two labels came out as one paragraph. A
person reads two labels, one per cell.

So, after the page's tables are found, a line that no table took is cut where two of its words
stand :data:`WIDE` line heights apart or more (and :data:`OVER_GAPS` times its other word gaps)
with a vertical rule standing in the gap: a rule crossing the line's band, a thin dark band with
paper either side (``columns.ruled``: not an emblem, not a letter). Each part becomes a line of its
own, with its words' box; the page's block grouping makes them paragraphs of their own. A part followed by a blank
cell (the :data:`WIDE` line heights after its end, in its reading direction, hold a rule and hardly any other ink:
under :data:`BLANK` of the band dark) is marked ``fill``, as a label a dot leader follows (``fills.py``): a field's
label, never a heading, however its cell centres it on the page. A gap of
blank paper (a signature's date and place set apart, a label and its amount in an unruled table)
is no cell's border and stays whole, as does a line whose text a pass rewrote after tesseract (its
word listing no longer tells where its words stand), and a line one of whose parts is no label (under :data:`LETTERS`
of its signs letters, or no word of :data:`WORD` letters: ``9`` | ``000``, a mark of a diagram). The page's right-to-left lines give their
right-hand part first.

A short part of an Arabic line that holds Latin letters was read across the cells with ``ara+fra`` switching models
(``تاريخ`` read ``à 6`` beside ``الطلب``). The stray-word re-reading (``strays.py``) ran on the whole line, where those
two tokens were a small share of a line read at 68 %; the part alone, read again with ``ara``, reads ``تاريخ الطلب``,
at a lower confidence (41 %) that the stray margins refuse. A cell's label is short and its words are the language's:
the re-reading is taken when the word list knows every word of it, it keeps the part's Arabic words and replaces only
its Latin and digit tokens, and brings no number; the part keeps the lower confidence and its doubt, so the review page
still asks for it to be checked.

The test is a few comparisons per line; the image is looked at only in a gap that wide, and tesseract is asked again
only for such a part (one call for the page).
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median
from typing import TYPE_CHECKING

from .columns import ruled

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..ingest.pdf_tables import FoundTable
    from .render import PageImage
    from .tesseract import OcrResult

WIDE = 4.0  # a cell's border: a gap between two words at least this many line heights wide...
OVER_GAPS = 3.0  # ...and this many times the line's other word gaps (their median)
BLANK = 0.03  # a cell's band darker than this share (a rule's few columns aside) holds writing: not a blank to fill
INK = 128  # a darker pixel is ink (as ``columns.ruled`` counts it)
SHORT = 3  # words of a part read again for its Latin letters (a cell's label)
LETTERS = 0.6  # share of a part's signs that are letters: a label, not a number or a mark
WORD = 3  # ...and the letters of its longest word at least
_EDGE = "()[]{}.,:;،؛!?؟\"'«»-–_|*•"

Box = tuple[str, float, float, float, float]  # a word and its box in points


def _words(ln: TextLine, result: OcrResult) -> tuple[list[Box], bool] | None:
    """The line's words with their boxes while its text is still theirs, and whether it is right to left."""
    listed = result.rtl_words.get(id(ln))
    if listed is not None:
        return (list(listed[1]), True) if listed[0] == ln.text else None
    boxes = result.word_boxes.get(id(ln))
    if boxes and [b[0] for b in boxes] == ln.text.split():
        return list(boxes), False
    return None


def _cuts(boxes: list[Box], ruled_img: PageImage) -> list[float]:
    """The x (points) of each wide gap of the line with a rule standing in it."""
    by_x = sorted(boxes, key=lambda b: b[1])
    height = median(b[4] - b[2] for b in by_x)
    gaps = [(by_x[i + 1][1] - by_x[i][3], by_x[i][3], by_x[i + 1][1]) for i in range(len(by_x) - 1)]
    cuts = []
    for n, (gap, lo, hi) in enumerate(gaps):
        rest = [g for m, (g, _a, _b) in enumerate(gaps) if m != n] or [0.0]
        if gap < WIDE * height or gap < OVER_GAPS * max(1e-6, median(rest)):
            continue
        px = ruled_img.dpi / 72.0
        top, bottom = min(b[2] for b in by_x), max(b[4] for b in by_x)
        if ruled(ruled_img.image, lo * px, hi * px, top * px, bottom * px):
            cuts.append((lo + hi) / 2)
    return cuts


def _wordy(words: list[Box]) -> bool:
    """Is a part a label: most of its signs letters, and a word of :data:`WORD` letters or more?"""
    signs = "".join(w[0] for w in words)
    return sum(c.isalpha() for c in signs) >= LETTERS * max(1, len(signs)) and any(
        sum(c.isalpha() for c in w[0]) >= WORD for w in words)


def _blank_after(part: TextLine, rtl: bool, ruled_img: PageImage) -> bool:
    """Is the part followed, in its reading direction, by a ruled blank cell (see the module's docstring)?"""
    import numpy as np  # loaded only where a page is OCR'd

    px = ruled_img.dpi / 72.0
    span = WIDE * part.height
    lo, hi = (part.x0 - span, part.x0) if rtl else (part.x1, part.x1 + span)
    lo, hi = max(0.0, lo * px), min(float(ruled_img.image.width), hi * px)
    top, bottom = part.top * px, part.bottom * px
    if hi - lo < 2 or not ruled(ruled_img.image, lo, hi, top, bottom):
        return False
    band = np.asarray(ruled_img.image.crop((int(lo), int(top), int(hi), int(bottom))).convert("L")) < INK  # crop first
    return bool(band.size) and float(band.mean()) < BLANK


def _part(ln: TextLine, words: list[Box], rtl: bool, result: OcrResult) -> TextLine:
    from .tesseract import line_text

    if rtl:
        text = line_text([w[0] for w in words], [(w[1] + w[3]) / 2 for w in words], True)
    else:
        text = " ".join(w[0] for w in words)
    new = replace(ln, text=text, x0=min(w[1] for w in words), x1=max(w[3] for w in words), ink=None)
    result.line_conf[id(new)] = result.line_conf.get(id(ln), result.confidence)
    if rtl:
        result.rtl_words[id(new)] = (text, words)
        if id(ln) in result.word_confs:  # the part's own words' confidence (tesseract's, in the listing's order)
            confs = dict(zip((id(b) for b in result.rtl_words[id(ln)][1]), result.word_confs[id(ln)], strict=False))
            mine = result.word_confs[id(new)] = [confs.get(id(w), 0.0) for w in words]
            result.line_conf[id(new)] = sum(mine) / len(mine)
    else:
        result.word_boxes[id(new)] = words
    return new


def _reread(image: PageImage, parts: list[TextLine], langs: str, timeout: float) -> int:
    """The Arabic parts holding Latin letters read again alone with ``ara`` (one call); a reading is taken when it
    holds no Latin letter and no number the part did not, keeps the part's Arabic words in order and replaces only its
    other tokens (``strays.keeps_the_rest``), and the word list knows every word of it. The part keeps the lower of
    the two confidences, and its doubt. Returns how many were replaced."""
    from . import confidence
    from .spelling import _known
    from .strays import keeps_the_rest, splice_numbers
    from .tesseract import _AR, _LAT, _pad, read_rows

    if "ara" not in langs.split("+"):
        return 0
    odd = [p for p in parts if _LAT.search(p.text) and len(_AR.findall(p.text)) > len(_LAT.findall(p.text))
           and len(p.text.split()) <= SHORT]
    if not odd:
        return 0
    k = image.dpi / 72.0
    boxes = [_pad(image, int(p.x0 * k), int(p.top * k), int(p.x1 * k) + 1, int(p.bottom * k) + 1) for p in odd]
    done = 0
    for part, sub in zip(odd, read_rows(image, boxes, "ara", timeout), strict=True):
        text = " ".join(x.text for x in sub.lines)
        others = [w for w in part.text.split() if not _AR.search(w)]
        words = [w.strip(_EDGE) for w in text.split()]
        if (not text or _LAT.search(text) or splice_numbers(part.text, text) != text or not keeps_the_rest(part.text, text, others)
                or not all(w and _known(w) for w in words)):
            continue
        conf, low = confidence.from_ocr(sub.confidence)
        part.text = text
        if part.confidence is None or conf < part.confidence:
            part.confidence = conf
        part.doubt = part.doubt or low
        done += 1
    return done


def cut_ruled_rows(lines: list[TextLine], tables: list[FoundTable], image: PageImage, ruled_img: PageImage,
                   result: OcrResult, langs: str, timeout: float) -> list[TextLine]:
    """``lines`` with each line across the cells of a ruled row outside the tables cut at its rules (see the
    module's docstring); ``lines`` itself when none is. ``image``: the page as tesseract read it (its parts holding
    Latin letters are read again there when ``langs``, the page's models, hold ``ara``)."""
    out: list[TextLine] = []
    made: list[TextLine] = []
    changed = False
    for ln in lines:
        got = _words(ln, result) if not any(t.took(ln) for t in tables) else None
        cuts = _cuts(got[0], ruled_img) if got is not None and len(got[0]) >= 2 else []
        if not cuts or got is None:
            out.append(ln)
            continue
        words, rtl = got
        edges = [float("-inf"), *sorted(cuts), float("inf")]
        parts = [[w for w in words if lo < (w[1] + w[3]) / 2 <= hi] for lo, hi in zip(edges, edges[1:], strict=False)]
        parts = [p for p in parts if p]
        if not all(_wordy(p) for p in parts):
            out.append(ln)  # a number or a mark in a cell of its own (``9`` | ``000``): no label, left whole
            continue
        if rtl:
            parts.reverse()  # the right-hand cell first
        for p in parts:
            new = _part(ln, p, rtl, result)
            new.fill = new.fill or _blank_after(new, rtl, ruled_img)
            out.append(new)
            made.append(new)
        changed = True
    if made:
        _reread(image, made, langs, timeout)
    return out if changed else lines
