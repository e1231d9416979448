"""Stray digits written in white on white: in the text layer, not on the page.

A Word layer may carry a few characters filled white where nothing dark lies under them (a note
call's or page number's digits left behind, hidden by their colour): pdfium gives them like any
other text, and the reader glued them to the words they were drawn against (``المراقبة(*)2``, a
``3`` after ``الزيارة:``, ``5(*)يحرر``), where the printed page shows nothing. Such characters
become spaces (same length: the page's character indices stay).

The test is paid only where the page text shows a short digit run standing at the start of one of
pdfium's lines (the place these strays take: they are drawn apart from the line they end up in)
and that run is filled white; only then is the glyph's region rendered and looked at: a glyph
filled white over a dark box (white text on a shaded band, a page number in a coloured ribbon)
shows, so it stays; one whose region is blank is unseen. The white run is widened to the white
characters next to it (``(2-``).
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .crop_frame import crop_offset

# one or two digits opening a pdfium line, followed by a space, a bracket, a sign or the line's end
STRAY = re.compile("\n[0-9]{1,2}(?=[ ()*\\-\r])")  # (the line break matched, not looked behind: a literal start is fast)
WHITE = 240  # every colour channel at least this: filled white
SCALE = 2.0  # rendering scale of the strays' region (144 dpi)
DARK = 160  # a pixel darker than this (0-255 grey) is ink
INKED = 0.03  # a region with at least this share of dark pixels shows something
WIDEN = 4  # white neighbours looked at on each side of a white stray


_RGBA = [ctypes.c_uint() for _ in range(4)]
_RGBA_REFS = [ctypes.byref(c) for c in _RGBA]


def _white(raw: object, index: int) -> bool:
    """Is the character at ``index`` filled white?"""
    if not pdfium_c.FPDFText_GetFillColor(raw, index, *_RGBA_REFS):
        return False
    r, g, b, alpha = (c.value for c in _RGBA)
    return min(r, g, b) >= WHITE and alpha > 0


class _Region:
    """The page rendered over the union of a white run's boxes (a small crop: pdfium walks the whole
    page, but rasterises only the crop)."""

    def __init__(self, page: pdfium.PdfPage, boxes: list[tuple[float, float, float, float]]) -> None:
        width, height = page.get_size()
        ox, oy = crop_offset(page)  # the render shows the CropBox, which may not start at the origin (crop_frame.py)
        self.left = max(min(b[0] for b in boxes) - 0.5, ox)
        self.top = min(max(b[3] for b in boxes) + 0.5, oy + height)
        right = min(max(b[2] for b in boxes) + 0.5, ox + width)
        bottom = max(min(b[1] for b in boxes) - 0.5, oy)
        try:
            crop = (self.left - ox, bottom - oy, ox + width - right, oy + height - self.top)
            self.image = page.render(scale=SCALE, crop=crop, grayscale=True).to_pil().convert("L")
        except (pdfium.PdfiumError, ValueError):
            self.image = None

    def blank(self, box: tuple[float, float, float, float]) -> bool:
        """Does the page show nothing (no dark pixel to speak of) in the box (left, bottom, right, top)?"""
        left, bottom, right, top = box
        if self.image is None or right <= left or top <= bottom:
            return False
        x0, y0 = int((left - self.left) * SCALE), int((self.top - top) * SCALE)
        x1, y1 = int((right - self.left) * SCALE + 0.999), int((self.top - bottom) * SCALE + 0.999)
        w, h = self.image.size  # (a crop reaching outside the image would be padded black)
        hist = self.image.crop((max(x0, 0), max(y0, 0), min(x1, w), min(y1, h))).histogram()
        total = sum(hist)
        return total > 0 and sum(hist[:DARK]) < INKED * total


def blank_unseen(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str) -> str:
    """``text`` (the text page's characters) with the unseen white strays turned into spaces."""
    raw = textpage.raw
    runs: list[tuple[int, int, list[tuple[float, float, float, float]]]] = []
    for m in STRAY.finditer(text):
        a, b = m.start() + 1, m.end()
        if not _white(raw, a):
            continue
        while b < len(text) and b - m.end() < WIDEN and text[b] not in " \r\n" and _white(raw, b):
            b += 1
        boxes = []
        for i in range(a, b):
            try:
                boxes.append(textpage.get_charbox(i))
            except pdfium.PdfiumError:
                continue
        if boxes:
            runs.append((a, b, boxes))
    if not runs:
        return text
    out = list(text)
    for a, b, boxes in runs:
        region = _Region(page, boxes)
        if all(region.blank(box) for box in boxes):
            out[a:b] = " " * (b - a)
    return "".join(out)
