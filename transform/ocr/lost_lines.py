"""Lines the noise filter dropped that hold text: read again on their ink band (issue 17).

``noise.noise`` drops an OCR'd line that tesseract read unsure and that holds no words. Most such
lines are stamps, rules, emblems or a letterhead in a script the models do not know; but a printed
line on a grey ground (a form's box title on its shading) is read unsure too, as letters in the
wrong places (``ري اليس البلشر حول كفا لمرشو(ة)`` for ``رأي الرئيس المباشر حول كفاءة المترشح(ة)``),
and was dropped in silence with them.

Here a dropped line whose box holds a band of dark glyphs of the page's text height, cut into
several letter-shaped pieces (:func:`ink_band`), is read again on that band alone (the box's rules
and shading around it left out: ``--psm 13``, one call for the page's candidates). The re-reading is
kept when the word lists know most of its words (:func:`known_share`), or when a second reading of the
same crop (``--psm 7``) gives the same text, then in doubt. Anything else stays dropped as before:
junk reaching the reader is as bad as lost text. A stamp, a rule or a speck has no such band (too
thin, too pale, one long piece or too few); a Tifinagh letterhead has one but its re-reading is no
words of any list.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import confidence
from .lexicon import ar_key, arabic_words, fr_key, french_words, normalise_ar
from .noise import _junk

if TYPE_CHECKING:
    import numpy as np

    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

DARK = 100  # a glyph's core pixel is darker than this (a grey ground, a light dashed rule are not)
BAND_MIN, BAND_MAX = 0.6, 2.5  # the dark band's height against the page's median line height
PIECES = 3  # letter-shaped pieces (runs of dark columns no wider than PIECE_W bands) at least
PIECE_W = 4.0
PIECE_GAP = 1  # columns of paper a piece's run may skip (a letter's thin joint)
KNOWN = 0.6  # share of the re-reading's words (three letters or more) the word lists hold as they are...
MIN_KNOWN = 2  # ...and at least this many of them (the lists hold short stems: clitics are not taken off here)
SURE = 0.6  # ...read at this confidence at least (common scale: a letterhead's junk is read under it)
PAD = 3  # pixels of the page around the band's ink in the crop read again
MAX_LINES = 8  # a page's dropped lines read again at most (a page of specks pays nothing more)
_AR = re.compile(r"[\u0600-\u06ff]")
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")
_WORD = re.compile(r"[^\W\d_]{3,}")


def ink_band(a: np.ndarray, box: tuple[int, int, int, int], line_h: float) -> tuple[int, int, int, int] | None:
    """The pixel box of the dark glyphs inside ``box`` of the grey page ``a``, when they make one band
    of text height cut into at least PIECES letter-shaped pieces; else None."""
    from .recover import runs

    x0, y0, x1, y1 = box
    dark = a[y0:y1, x0:x1] < DARK
    if not dark.any():
        return None
    bands = runs(dark.sum(axis=1) > 0, max_gap=1)
    top, bottom = max(bands, key=lambda r: int(dark[r[0]:r[1]].sum()))
    h = bottom - top
    if not BAND_MIN * line_h <= h <= BAND_MAX * line_h:
        return None
    cols = runs(dark[top:bottom].sum(axis=0) > 0, max_gap=PIECE_GAP)
    pieces = [(c0, c1) for c0, c1 in cols if c1 - c0 <= PIECE_W * h]
    if len(pieces) < PIECES or len(pieces) < len(cols) - 1:  # a rule's long run among them: no text line
        return None
    return x0 + cols[0][0], y0 + top, x0 + cols[-1][1], y0 + bottom


def known_share(text: str) -> tuple[int, float]:
    """How many words of ``text`` (three letters or more) the word lists hold as they are (an Arabic word
    with its article or not, a French one in the singular), and their share."""
    words = _WORD.findall(text)
    if not words:
        return 0, 0.0
    ar, fr = arabic_words(), french_words()
    hits = sum(ar_key(normalise_ar(w)) in ar or fr_key(w) in fr or w.lower() in fr for w in words)
    return hits, hits / len(words)


def _median_height(lines: list[TextLine]) -> float:
    hs = sorted(ln.bottom - ln.top for ln in lines if ln.bottom > ln.top)
    return hs[len(hs) // 2] if hs else 0.0


def _models(text: str, langs: str) -> str:
    """The page's tesseract models (``ara+fra``) kept to the script of ``text`` when it holds one only."""
    ar, lat = bool(_AR.search(text)), bool(_LAT.search(text))
    codes = langs.split("+")
    mine = [c for c in codes if (c == "ara") == ar] if ar != lat else codes
    return "+".join(mine or codes)


def rescue(image: PageImage, result: OcrResult, dropped: list[TextLine], kept: list[TextLine], langs: str,
           timeout: float) -> list[tuple[int, TextLine]]:
    """The dropped lines read again on their ink band and kept: (the index in ``dropped``, its new line), the
    new lines' word listings added to ``result``; see the module's docstring."""
    line_h = _median_height(kept) * image.dpi / 72.0
    if not dropped or line_h <= 0:
        return []
    import numpy as np  # on use: `import transform` stays light

    from .tesseract import read_rows

    a = np.asarray(image.image.convert("L"))
    k = image.dpi / 72.0
    boxes, which = [], []
    for n, ln in enumerate(dropped):
        box = (max(0, int(ln.x0 * k)), max(0, int(ln.top * k)), min(a.shape[1], int(ln.x1 * k) + 1),
               min(a.shape[0], int(ln.bottom * k) + 1))
        if box[2] - box[0] < 10 or box[3] - box[1] < 4:
            continue
        band = ink_band(a, box, line_h)
        if band is not None:
            which.append(n)
            boxes.append((max(0, band[0] - PAD), max(0, band[1] - PAD), min(a.shape[1], band[2] + PAD),
                          min(a.shape[0], band[3] + PAD)))
    which, boxes = which[:MAX_LINES], boxes[:MAX_LINES]
    by_model: dict[str, list[int]] = {}  # a line read in one script is read again with that script's models only
    for i, n in enumerate(which):
        by_model.setdefault(_models(dropped[n].text, langs), []).append(i)
    read: dict[int, OcrResult] = {}
    for models, picked in by_model.items():
        read.update(zip(picked, read_rows(image, [boxes[i] for i in picked], models, timeout), strict=True))
    out = []
    for i, n in enumerate(which):
        sub = read[i]
        if len(sub.lines) != 1:
            continue
        ln = sub.lines[0]
        text = ln.text
        if not text.strip() or any(_junk(t.replace("(", "").replace(")", "")) for t in text.split()):  # ``المترشح(ة)`` is a word
            continue
        hits, share = known_share(text)
        if hits < MIN_KNOWN or share < KNOWN or hits <= known_share(dropped[n].text)[0]:
            continue  # no words, or no more of them than the page's reading had (a letterhead, a stamp)
        ln.confidence, low = confidence.from_ocr(sub.line_conf.get(id(ln), sub.confidence))
        if ln.confidence < SURE:
            continue
        ln.doubt = ln.doubt or low
        result.line_conf.update(sub.line_conf)
        result.word_boxes.update(sub.word_boxes)
        result.rtl_words.update(sub.rtl_words)
        result.word_confs.update(sub.word_confs)
        out.append((n, ln))
    out.sort(key=lambda x: x[0])
    return out
