"""A stretched display title read again without its stretch.

A notice's one-word title is often set large and stretched with long kashida strokes
(`بـــــــــلاغ`): tesseract's layout then boxes half of it and reads it with the Latin model
(`med` at 41 %), and neither model reads the box again. On a page whose letters are mostly
Arabic, a short line read unsure and at least MIN_HEIGHT times as tall as the body's lines is
cut from the page whole (its ink followed left and right of tesseract's box), its stretch taken
out (runs of columns holding only a thin stroke, longer than a third of the line's height, are
cut short) and read again with ``ara``. The reading is kept when it is Arabic letters read with
confidence; a word the lists do not know that becomes a known word by one letter of the same
skeleton (the hollow `غ` of such titles read `ع`: `بلاع` -> `بلاغ`), and only one such word,
is put right. The script of the line is decided by its shape and the page, not by the model
that read it first.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from ..errors import ToolError
from .lexicon import AR_LETTERS, known_ar, normalise_ar
from .months import _SKELETON, _SKELETONS
from .recover import runs
from .render import PageImage, binarise, otsu_threshold

if TYPE_CHECKING:
    from .tesseract import OcrResult

_EDGE = "()[]{}.,:;،؛!?؟\"'«»-–_|*•"
MIN_HEIGHT = 1.6  # a title at least this many times as tall as the body's lines
MAX_CONF = 60.0  # ...read under this confidence
MAX_WORDS = 2
ACCEPT_CONF = 70.0  # the new reading must be at least this sure
THIN = 0.3  # a column whose ink is at most this share of the line's height is stretch
KEEP = 0.15  # a run of stretch is cut to this share of the line's height
MAX_LINES = 4


def _squeezed(pimg: PageImage, x0: float, top: float, x1: float, bottom: float) -> Image.Image | None:
    """The line's ink row, followed beyond its box while the ink goes on, with its stretch cut."""
    k = pimg.dpi / 72.0
    y0, y1 = int(top * k), int(bottom * k) + 1
    h = y1 - y0
    if h < 8:
        return None
    grey = pimg.image.convert("L").crop((0, max(0, y0 - h // 6), pimg.image.width, min(pimg.image.height, y1 + h // 6)))
    ink = np.asarray(binarise(grey, otsu_threshold(grey))) < 128
    cols = ink.any(axis=0)
    bx0, bx1 = int(x0 * k), int(x1 * k) + 1
    seg = next(((a, b) for a, b in runs(cols, max_gap=int(0.6 * h)) if a < bx1 and bx0 < b), None)
    if seg is None:
        return None
    a, b = seg
    part = ink[:, a:b]
    has = part.any(axis=0)
    first = np.argmax(part, axis=0)
    last = part.shape[0] - 1 - np.argmax(part[::-1], axis=0)
    thin = has & (last - first + 1 <= THIN * h)
    keep = np.ones(part.shape[1], dtype=bool)
    for s, e in runs(thin):
        if e - s > THIN * h:
            keep[s + int(KEEP * h): e] = False
    if keep.all():
        return None  # nothing stretched: the line was read as it is printed
    return Image.fromarray(np.asarray(grey)[:, a:b][:, keep])


def _one_dot_off(word: str) -> str:
    """``word`` put right by one letter of the same skeleton when that gives the only known word."""
    if known_ar(normalise_ar(word)):
        return word
    found = set()
    for i, ch in enumerate(word):
        group = _SKELETON.get(ch)
        if group is None:
            continue
        for other in _SKELETONS[group]:
            if other != ch and known_ar(normalise_ar(cand := word[:i] + other + word[i + 1:])):
                found.add(cand)
    return found.pop() if len(found) == 1 else word


def reread_stretched(pimg: PageImage, result: OcrResult, timeout: float, arabic_page: bool) -> int:
    """Read again the stretched titles of an Arabic page; returns how many lines changed."""
    from .tesseract import read_rows  # tesseract.py calls this module

    if not arabic_page:
        return 0
    unstuttered(result)
    body = [ln.bottom - ln.top for ln in result.lines if len(ln.text.split()) >= 3]
    if len(body) < 3:
        return 0
    usual = median(body)
    picked = [ln for ln in result.lines if len(ln.text.split()) <= MAX_WORDS and ln.bottom - ln.top >= MIN_HEIGHT * usual
              and result.line_conf.get(id(ln), 100.0) < MAX_CONF][:MAX_LINES]
    changed = 0
    for ln in picked:
        img = _squeezed(pimg, ln.x0, ln.top, ln.x1, ln.bottom)
        if img is None:
            continue
        pad = img.height // 3
        framed = Image.new("L", (img.width + 2 * pad, img.height + 2 * pad), 255)
        framed.paste(img, (pad, pad))
        try:
            sub = read_rows(PageImage(framed, pimg.dpi, pimg.page, 0, 0), [(0, 0, framed.width, framed.height)], "ara", timeout)[0]
        except ToolError:
            return changed
        words = [w for x in sub.lines for w in x.text.split()]
        if not words or sub.confidence < ACCEPT_CONF or not all(AR_LETTERS.match(w) for w in words):
            continue
        ln.text = " ".join(_one_dot_off(w) for w in words)
        result.line_conf[id(ln)] = sub.confidence
        changed += 1
    return changed


MIN_BAND = 8  # a band of ink rows lower than this (pixels) is a speck, not a line of text


def squeezed_cell(grey: np.ndarray) -> np.ndarray | None:
    """A table cell's crop (grey, paper around its ink) with the kashida stretch of its words cut
    short, or None when no word of it is stretched. Each line of ink (a band of inked rows) is
    looked at on its own: a run of columns holding only a thin stroke (at most THIN of the band's
    height), longer than THIN of it, is stretch; a column is cut where it is stretch in one line
    and stretch or blank in every other (a header `المهـــــام` read `الهج حا` whole). In a cell of
    body text the joins of some words are cut as well: the caller keeps the new reading only where
    it scores better (on Sfax's cells of posts, as many lines read worse as better, the cells as a
    whole better)."""
    img = Image.fromarray(grey)
    ink = np.asarray(binarise(img, otsu_threshold(img))) < 128
    bands = [(a, b) for a, b in runs(ink.any(axis=1), max_gap=1) if b - a >= MIN_BAND]
    if not bands:
        return None
    cut = np.ones(ink.shape[1], dtype=bool)  # may go: stretch or blank in every line so far
    some = np.zeros(ink.shape[1], dtype=bool)  # stretch cut in some line
    for a, b in bands:
        part = ink[a:b]
        h = b - a
        has = part.any(axis=0)
        first = np.argmax(part, axis=0)
        last = part.shape[0] - 1 - np.argmax(part[::-1], axis=0)
        thin = has & (last - first + 1 <= THIN * h)
        stretch = np.zeros_like(has)
        for s, e in runs(thin):
            if e - s > THIN * h:
                stretch[s + int(KEEP * h): e] = True
        some |= stretch
        cut &= stretch | ~has
    cut &= some
    if not cut.any():
        return None
    return grey[:, ~cut]


MIN_STUTTER = 5  # letters of a word read with a stutter at least
_TOOTH = set("بتثنيفق")  # what a stretch stroke is read as: a tooth or a small bowl on the baseline
_NO_JOIN = set("اأإآدذرزوؤة")  # letters that join nothing after them: no kashida follows them


def _unstutter(word: str, known: set[str]) -> str:
    """``word``, unknown to the lists, with one stutter taken out when that gives a word of
    ``known`` (the page's own words): a kashida after a letter read as a tooth and the letter
    again (`صفاقـس` read `صفاقفقس`: the letter before and after two letters is the same, and the
    two go; the first of the two a tooth or a small bowl, the letter before it one that joins the
    next: a spelling's variant on the same page, `الأليمنيوم` beside `اليمنيوم`, stays). Not against the lists: they hold so many short keys that a right word unknown to them
    often loses two letters into one of them (`تحتسب` -> `تسب`, `الموكولة` -> `المولة`: 79 of the
    16,330 Arabic words of the corpus's truth pages did)."""
    if len(word) < MIN_STUTTER or not AR_LETTERS.match(word) or known_ar(normalise_ar(word)) or word in known:
        return word
    found = {cand for i in range(1, len(word) - 1) if word[i - 1] == word[i + 1] and word[i] in _TOOTH
             and word[i - 1] not in _NO_JOIN and (cand := word[:i] + word[i + 2:]) in known}
    return found.pop() if len(found) == 1 else word


def unstuttered(result: OcrResult) -> int:
    """Words of an Arabic page read with a stutter put right (:func:`_unstutter`), against the
    word lists and the page's own words (a town's name no list holds, read whole in another line:
    Sfax's letterhead `بلدية صفاقفقس` under the notice's `بلدية صفاقس`). Returns how many changed."""
    words = {w.strip(_EDGE) for ln in result.lines for w in ln.text.split()}
    known = {w for w in words if len(w) >= MIN_STUTTER - 2 and AR_LETTERS.match(w)}
    changed = 0
    for ln in result.lines:
        parts = ln.text.split()
        new = []
        for w in parts:
            core = w.strip(_EDGE)
            fixed = _unstutter(core, known - {core}) if core else core
            new.append(w.replace(core, fixed) if fixed != core else w)
        if new != parts:
            ln.text = " ".join(new)
            changed += 1
    return changed
