"""Digit glyphs: a PDF font's outlines read through pdfium, drawn, and read back by tesseract.

The font side of the digit cross-check (:mod:`transform.ocr.digits`): the outline of the glyph a
font's ToUnicode map decodes as a given digit, a cheap fingerprint of it, the box of a digit run
on the page, and the reading of drawn glyphs or page crops as one line of digits.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageChops, ImageDraw

from .crop_reads import read_crops

DIGIT_SETS = ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
GLYPH_PX = 64  # em height of the drawn glyphs


# ---------------------------------------------------------------- pdfium: fonts of digit runs

def font_name(font: Any) -> str:
    buf = ctypes.create_string_buffer(256)
    n = pdfium_c.FPDFFont_GetBaseFontName(font, buf, 256)
    return buf.value.decode("latin-1", "replace") if n > 0 else "?"


def outline(font: Any, ch: str) -> list[list[tuple[float, float]]]:
    """The outline of the glyph the font's ToUnicode map decodes as ``ch`` (em units), as
    polygons (curves flattened)."""
    path = pdfium_c.FPDFFont_GetGlyphPath(font, ord(ch), 1.0)
    if not path:
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    contours: list[list[tuple[float, float]]] = []
    cur: list[tuple[float, float]] = []
    pending: list[tuple[float, float]] = []
    for i in range(pdfium_c.FPDFGlyphPath_CountGlyphSegments(path)):
        seg = pdfium_c.FPDFGlyphPath_GetGlyphPathSegment(path, i)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        kind, p = pdfium_c.FPDFPathSegment_GetType(seg), (x.value, y.value)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if len(cur) > 2:
                contours.append(cur)
            cur, pending = [p], []
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            pending.append(p)
            if len(pending) == 3 and cur:  # cubic: two control points and the end point
                (x1, y1), (x2, y2), (x3, y3) = pending
                x0, y0 = cur[-1]
                for t in (0.25, 0.5, 0.75, 1.0):
                    u = 1 - t
                    cur.append((u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                                u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3))
                pending = []
        else:
            cur.append(p)
        if pdfium_c.FPDFPathSegment_GetClose(seg):
            if len(cur) > 2:
                contours.append(cur)
            cur, pending = [], []
    if len(cur) > 2:
        contours.append(cur)
    return contours


_XY = (ctypes.c_float(), ctypes.c_float())


def glyph_sig(font: Any, ch: str) -> tuple[float, ...] | None:
    """A fingerprint of the glyph the font decodes as ``ch``: its segment count and five of its
    points (cheap: a dozen pdfium calls, where the full outline takes hundreds). Two different
    digit glyphs sharing all of them would have to share their outline's structure too."""
    path = pdfium_c.FPDFFont_GetGlyphPath(font, ord(ch), 1.0)
    if not path:
        return None
    n = pdfium_c.FPDFGlyphPath_CountGlyphSegments(path)
    x, y = _XY
    out: list[float] = [n]
    for i in range(0, n, max(1, n // 5))[:5]:
        pdfium_c.FPDFPathSegment_GetPoint(pdfium_c.FPDFGlyphPath_GetGlyphPathSegment(path, i), ctypes.byref(x), ctypes.byref(y))
        out += (round(x.value, 4), round(y.value, 4))
    return tuple(out)


def run_box(textpage: pdfium.PdfTextPage, start: int, end: int, height: float) -> tuple[float, float, float, float] | None:
    """The run's box in PDF points, top-left origin (x0, top, x1, bottom)."""
    boxes = [textpage.get_charbox(k) for k in range(start, end)]
    boxes = [b for b in boxes if b[2] > b[0] and b[3] > b[1]]
    if not boxes:
        return None
    left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return left, height - top, right, height - bottom


# ---------------------------------------------------------------- drawing and reading

def draw_glyphs(outlines: list[list[list[tuple[float, float]]]]) -> Image.Image | None:
    """The glyphs side by side, black on white, GLYPH_PX to the em (holes kept: even-odd)."""
    boxes = []
    for contours in outlines:
        pts = [p for c in contours for p in c]
        if not pts:
            return None
        boxes.append((min(p[0] for p in pts), max(p[0] for p in pts), min(p[1] for p in pts), max(p[1] for p in pts)))
    em, gap, margin = GLYPH_PX, GLYPH_PX * 0.45, GLYPH_PX * 0.8
    top = max(b[3] for b in boxes)
    depth = min(b[2] for b in boxes)
    width = int(sum((b[1] - b[0]) * em + gap for b in boxes) - gap + 2 * margin)
    height = int((top - depth) * em + 2 * margin)
    if width < 4 or height < 4 or width * height > 4_000_000:
        return None
    ink = Image.new("1", (width, height), 0)
    x = margin
    for contours, b in zip(outlines, boxes, strict=True):
        glyph = Image.new("1", ink.size, 0)
        for c in contours:
            shape = Image.new("1", ink.size, 0)
            ImageDraw.Draw(shape).polygon([(x + (px - b[0]) * em, margin + (top - py) * em) for px, py in c], fill=1)
            glyph = ImageChops.logical_xor(glyph, shape)
        ink = ImageChops.logical_or(ink, glyph)
        x += (b[1] - b[0]) * em + gap
    return ImageChops.invert(ink.convert("L"))


def read_digit_images(images: list[Image.Image], family: str, timeout: float,
                      lang: str | None = None) -> list[tuple[str, float]]:
    """Read each image as one line of digits (one tesseract call, a list file); digits are
    returned in ``family`` (Western or Arabic-Indic) with the mean word confidence. ``lang``: the
    model (by default ``fra`` for Western digits, ``ara`` for the others)."""
    if not images:
        return []
    lang = lang or ("fra" if family == DIGIT_SETS[0] else "ara")
    out = []
    for ws in read_crops(images, lang=lang, psm=7, allowed=family, timeout=timeout, stem="d"):
        text = "".join(w for w, _ in ws)
        out.append((fold(text, family), sum(c for _, c in ws) / len(ws) if ws else 0.0))
    return out


def fold(text: str, family: str) -> str:
    """Digits of any family written in ``family``; other characters dropped."""
    out = []
    for ch in text:
        for s in DIGIT_SETS:
            k = s.find(ch)
            if k >= 0:
                out.append(family[k])
                break
    return "".join(out)
