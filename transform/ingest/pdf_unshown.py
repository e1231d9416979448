"""Whole lines written in white on white: in the text layer, not on the page.

A Word or Aspose export may carry a title filled white where nothing dark lies under it (a part's
name kept for the navigation pane over a divider page that prints it large elsewhere: the justice
performance project's p. 1 holds ``الجزء الثالث : محددات النفقات`` in white at the top, a heading a
sighted reader never sees). pdfium gives it like any other text. :mod:`pdf_unseen` blanks stray
white digits; this blanks white lines, on the same test: only a line whose first character is
filled white is looked at (one ctypes call per line of the page), its white characters are
gathered, and their region is rendered: white on a dark band or a picture shows, and stays; white
on bare paper (nearly all its pixels white: a stamp's ring crossing the line leaves it unseen) is
unseen and becomes spaces (same length: the page's character indices stay).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pypdfium2 as pdfium

from .pdf_unseen import SCALE, _Region, _white

if TYPE_CHECKING:
    from collections.abc import Iterator

MIN_CHARS = 3  # a white line shorter than this is pdf_unseen's (a stray digit) or nothing
PAPER = 235  # a pixel at least this light (0-255 grey) is bare paper
MARKED = 0.15  # fewer of the line's pixels than this off white: unseen (a stamp's ring may cross it)


def _line_starts(text: str) -> Iterator[int]:
    """Index of the first character of each of pdfium's lines."""
    yield 0
    at = text.find("\n")
    while at != -1:
        yield at + 1
        at = text.find("\n", at + 1)


def _marked(region: _Region, boxes: list[tuple[float, float, float, float]]) -> float:
    """Share of the pixels in the boxes (left, bottom, right, top) that are not bare paper. White letters
    on a light grey band count whole, where :meth:`_Region.blank`, which looks for dark ink, would not see them."""
    if region.image is None:
        return 1.0
    w, h = region.image.size
    total = marked = 0
    for left, bottom, right, top in boxes:
        x0, y0 = int((left - region.left) * SCALE), int((region.top - top) * SCALE)
        x1, y1 = int((right - region.left) * SCALE + 0.999), int((region.top - bottom) * SCALE + 0.999)
        if x1 <= x0 or y1 <= y0:
            continue
        hist = region.image.crop((max(x0, 0), max(y0, 0), min(x1, w), min(y1, h))).histogram()
        total, marked = total + sum(hist), marked + sum(hist[:PAPER])
    return marked / total if total else 1.0


def blank_unshown(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str) -> str:
    """``text`` (the text page's characters) with its lines filled white on blank paper turned into spaces."""
    raw = textpage.raw
    found: list[tuple[int, int, list[tuple[float, float, float, float]]]] = []
    for a in _line_starts(text):
        if a >= len(text) or text[a] in "\r\n" or not _white(raw, a):
            continue
        b = a
        while b < len(text) and text[b] not in "\r\n" and (text[b] == " " or _white(raw, b)):
            b += 1
        end = text.find("\n", a)
        end = len(text) if end == -1 else end
        if text[b:end].strip("\r ") or len(text[a:b].strip()) < MIN_CHARS:  # a line white only in part: leave it
            continue
        boxes = []
        for i in range(a, b):
            if text[i] == " ":
                continue
            try:
                boxes.append(textpage.get_charbox(i))
            except pdfium.PdfiumError:
                continue
        if boxes:
            found.append((a, b, boxes))
    if not found:
        return text
    out = list(text)
    for a, b, boxes in found:
        region = _Region(page, boxes)
        if _marked(region, boxes) < MARKED:
            out[a:b] = " " * (b - a)
    return "".join(out)
