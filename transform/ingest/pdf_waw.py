"""The conjunction و parted from its word by a space the layer wrote but the page does not show.

Word writes a space inside some Arabic words and draws its glyph over the letter before it, the
next letter set against that letter (:mod:`pdf_kashida` turns those spaces back into a kashida
on pages that show lone letters). After the conjunction و it does the same in lines with no other
sign of it (a decree's centred countersigning lines: ``و قعه``, ``و زير``, ``و التنمية`` where the
page prints ``وقعه``, ``وزير``, ``والتنمية``), and pdfium keeps the space.

The conjunction is also printed apart now and then (``اسم و نسب``, ``و النظام``, ``المعدات و
النفقات``): the truth writes those apart, and their layers show a real gap, the space's glyph
not over the و. So a lone و's space is read as inside the word only when

- the space's glyph is drawn over the و (more than half its width),
- the next letter stands closer to the و than :data:`TIGHT` of the two letters' band, and
- the page's own word spaces after a letter that joins nothing (ر, و, ا, د...), where the same
  tail reaches under the next word, are clearly wider (their median at least :data:`WIDER`
  times this gap): a producer that draws every such word space tight (the ESEC's) gives no
  evidence, and its lone و keeps its space.

Such a space becomes U+0640 (same length: the page's character indices stay), which
``pdf_clean.clean_text`` removes later, as :mod:`pdf_kashida` does.
"""

from __future__ import annotations

import re
from statistics import median

import pypdfium2 as pdfium

from .pdf_kashida import Box, _CharBoxes

_LETTERS = "\u0621-\u063a\u0641-\u064a"
_MARKS = "\u0640\u064b-\u0652"
# a one-letter word و (no letter or mark before it) followed by a written space and a letter
LONE_WAW = re.compile(f"(?<![{_LETTERS}{_MARKS}])\u0648 (?=[{_LETTERS}])")
# a word space after a word of two letters or more ending on a letter that joins nothing
_WORD_SPACE = re.compile(f"[{_LETTERS}][\u0627\u0622\u0623\u0625\u062f\u0630\u0631\u0632\u0648\u0629\u0649] (?=[{_LETTERS}])")
TIGHT = 0.12  # the و and the next letter closer than this share of their band: no gap to see
WIDER = 2.5  # the page's word spaces after a non-joining letter at least this many times wider
SAMPLE = 24  # word spaces of the page measured at most


def mend(textpage: pdfium.PdfTextPage, text: str) -> str:
    """``text`` (the text page's characters) with each lone و's unseen space turned into U+0640."""
    if LONE_WAW.search(text) is None:
        return text
    return mend_boxes(_CharBoxes(textpage), text)


def mend_boxes(box: Box, text: str) -> str:
    """:func:`mend` with the characters' tight boxes given by ``box`` (index -> left, bottom, right, top)."""
    found = list(LONE_WAW.finditer(text))
    tight: list[tuple[int, float]] = []
    for m in found:
        k = m.start()
        gap = _tight_gap(box, k)
        if gap is not None:
            tight.append((k + 1, gap))
    if not tight:
        return text
    widths = _page_spaces(box, text, {k for k, _ in tight})
    if not widths:
        return text
    typical = median(widths)
    out = list(text)
    changed = False
    for k, gap in tight:
        if typical >= WIDER * max(gap, 0.01):
            out[k] = "\u0640"
            changed = True
    return "".join(out) if changed else text


def _gap(box: Box, k: int) -> tuple[float, bool] | None:
    """(gap between the letter at ``k`` and the letter after the space at ``k + 1``, as a share of
    their band; is the space drawn over that letter), None without boxes."""
    try:
        a, s, b = box(k), box(k + 1), box(k + 2)
    except pdfium.PdfiumError:
        return None
    band = max(a[3], b[3]) - min(a[1], b[1])
    if band <= 0:
        return None
    width = s[2] - s[0]
    over = width > 0 and min(s[2], a[2]) - max(s[0], a[0]) > 0.5 * width
    return (a[0] - b[2]) / band, over


def _tight_gap(box: Box, k: int) -> float | None:
    """The lone و at ``k``: its gap when its space is drawn over it and the next letter is set close."""
    found = _gap(box, k)
    if found is None or not found[1] or not -TIGHT < found[0] < TIGHT:
        return None
    return found[0]


def _page_spaces(box: Box, text: str, skip: set[int]) -> list[float]:
    """Gaps (shares of the letters' band) of up to :data:`SAMPLE` of the page's word spaces after a
    non-joining letter ending a word of two letters or more."""
    out: list[float] = []
    for m in _WORD_SPACE.finditer(text):
        k = m.start() + 1
        if k + 1 in skip:
            continue
        found = _gap(box, k)
        if found is not None:
            out.append(found[0])
            if len(out) >= SAMPLE:
                break
    return out
