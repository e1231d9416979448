"""Latin capitals of codes read as digits in an Arabic line (issue 17).

Arabic documents write some references with a Latin capital: a land title ``G/2432`` (Tangier's
council agenda, p. 1), a form ``نموذج F1`` (NARSA's decision, p. 2). The page reading, led by the
Arabic model, reads the capital as a digit it looks like: ``6/2432``, ``61``. A reader then meets
another number (``6/2432`` is no title; ``61`` no form), and braille and speech say it.

Two kinds of number words of an Arabic line are cut from the page image and read again as one line
with the Latin model (``eng`` when installed, else ``fra``), capitals, digits and ``/ -`` allowed
(one tesseract call for the page's words, through a list file):

- one character before a slash and digits (``6/2432``): the shape of a lettered reference;
- a number of the length of a code ``F2`` read as a capital and digits elsewhere in the page's
  Arabic lines, when the re-reading gives the same capital (a family of codes: ``F1`` among
  ``F2`` and ``F3``).

The word takes the reading's capital only when it stands in the place of the first digit and every
other character reads as first read (``FI`` for ``61``: an ``I`` or ``O`` read for a ``1`` or ``0``
counts as it), at ``MIN_CONF`` or more: no other character of the word changes.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, NamedTuple

from PIL import Image, ImageOps

from ..errors import ToolError
from .crop_reads import pixel_box

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..ingest.pdf_tables import FoundTable
    from .render import PageImage

log = logging.getLogger("transform.ocr")
SCALE = 2
MIN_CONF = 75.0
PAD = 0.15  # the crop reaches this share of the word's height past its box
MAX_WORDS = 12  # words read again per page at most
ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-"
_LETTERED = re.compile(r"\d/\d{2,}")
_CODE = re.compile(r"[(\[]?([A-Z])(\d{1,3})[)\].,;:؛،]?")
_NUMBER = re.compile(r"([(\[]?)(\d{2,4})([)\].,;:؛،]?)")

_AS_DIGITS = str.maketrans("IO", "10")

Boxes = list[tuple[str, float, float, float, float]]


class Change(NamedTuple):
    """A word read again as a code: the first reading's word, the new one, its box (points)."""

    old: str
    new: str
    x0: float
    top: float
    x1: float
    bottom: float


def lettered(old: str, new: str) -> str | None:
    """``old`` with its first character, a digit, in the capital ``new`` reads there, when ``new``
    reads the rest as first read (an ``I`` or ``O`` of the Latin reading taken as the ``1`` or ``0``
    it stands in place of: the first reading's digits are kept), else None."""
    new = new.strip()
    if (len(new) == len(old) > 1 and old[0].isdigit() and "A" <= new[0] <= "Z"
            and new[1:].translate(_AS_DIGITS) == old[1:]):
        return new[0] + old[1:]
    return None


def code_letters(texts: list[str]) -> dict[int, set[str]]:
    """The capitals of the codes (a capital and 1-3 digits) among ``texts``' words, by code length."""
    out: dict[int, set[str]] = {}
    for text in texts:
        for w in text.split():
            if m := _CODE.fullmatch(w):
                out.setdefault(1 + len(m.group(2)), set()).add(m.group(1))
    return out


def candidates(words: list[str], codes: dict[int, set[str]]) -> list[tuple[int, str, str, str, set[str] | None]]:
    """(index, before, core, after, letters) of the words to read again; ``letters`` None: any capital."""
    out: list[tuple[int, str, str, str, set[str] | None]] = []
    for n, w in enumerate(words):
        if _LETTERED.fullmatch(w):
            out.append((n, "", w, "", None))
        elif (m := _NUMBER.fullmatch(w)) and len(m.group(2)) in codes:
            out.append((n, m.group(1), m.group(2), m.group(3), codes[len(m.group(2))]))
    return out


def latin_codes(pimg: PageImage, lines: list[TextLine], rtl_words: dict[int, tuple[str, Boxes]],
                timeout: float) -> list[Change]:
    """Read again the words of the Arabic lines that may be Latin codes (see the module's
    docstring); a line's text and its entry of ``rtl_words`` change together. Returns the changes
    (for :func:`coded_cells`)."""
    from .amount_cells import read_lines
    from .pages import _models

    arabic = [ln for ln in lines if id(ln) in rtl_words]
    codes = code_letters([ln.text for ln in arabic])
    asked: list[tuple[TextLine, int, str, str, str, set[str] | None]] = []
    for ln in arabic:
        text, boxes = rtl_words[id(ln)]
        if text != ln.text:  # a later pass rewrote the line: its boxes no longer name its words
            continue
        words = [b[0] for b in boxes]
        for n, before, core, after, letters in candidates(words, codes):
            if ln.text.split().count(words[n]) == 1:
                asked.append((ln, n, before, core, after, letters))
    asked = asked[:MAX_WORDS]
    if not asked:
        return []
    k = pimg.dpi / 72.0
    grey = pimg.image.convert("L")
    images = []
    for ln, n, *_ in asked:
        _w, x0, top, x1, bottom = rtl_words[id(ln)][1][n]
        pad = PAD * (bottom - top)
        crop = grey.crop(pixel_box(x0, top, x1, bottom, k, grey.width, grey.height, pad))
        crop = crop.resize((crop.width * SCALE, crop.height * SCALE), Image.Resampling.LANCZOS)
        images.append(ImageOps.expand(crop, border=max(10, crop.height // 2), fill=255))
    try:
        reads = read_lines(images, timeout, ALLOWED, "eng" if "eng" in _models() else "fra")
    except ToolError as exc:
        log.info("page %d: Latin codes not read again (%s)", pimg.page, exc)
        return []
    changed: list[Change] = []
    for (ln, n, before, core, after, letters), (read, conf) in zip(asked, reads, strict=False):
        new = lettered(core, read)
        if new is None or conf < MIN_CONF or (letters is not None and new[0] not in letters):
            continue
        text, boxes = rtl_words[id(ln)]
        old = boxes[n][0]
        word = before + new + after
        boxes[n] = (word, *boxes[n][1:])
        ln.text = " ".join(word if w == old else w for w in ln.text.split())
        rtl_words[id(ln)] = (ln.text, boxes)
        log.info("page %d: %r read again as the code %r (%.0f %%)", pimg.page, old, word, conf)
        changed.append(Change(old, word, *boxes[n][1:]))
    return changed


def coded_cells(tables: list[FoundTable], changes: list[Change]) -> int:
    """The changes of :func:`latin_codes` made in the ruled tables too, whose cells were placed or
    read before or apart from the lines: in the table whose frame holds the word's box, the one
    cell whose text holds the first reading's word once. Returns the cells changed."""
    done = 0
    for ch in changes:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        for ft in tables:
            if not (ft.x0 <= cx <= ft.x1 and ft.top <= cy <= ft.bottom):
                continue
            holding = [s for row in ft.table.rows for cell in row for s in cell.sentences if ch.old in s.text.split()]
            if len(holding) == 1 and holding[0].text.split().count(ch.old) == 1:
                s = holding[0]
                s.text = " ".join(ch.new if w == ch.old else w for w in s.text.split())
                done += 1
    return done
