"""Lines of text with geometry from one PDF page, through pypdfium2's text page.

pdfium already groups characters into lines (it emits a generated ``\\r\\n`` between
them). Per line we ask pdfium for its rectangles (x/y extent and the gaps between
runs, used to spot table rows), the baseline, the font size and whether the font is
bold: a handful of calls per line, so a page costs little more than bare text
extraction. Right-to-left lines that pdfium cannot order are repaired from character
boxes (see :mod:`pdf_bidi`).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .base import TextLine
from .pdf_bidi import Box, WordOrderProbe, clean_text, has_strong, is_rtl_line, logical_line

MAX_CHARS_PER_PAGE = 400_000  # beyond this a page is cut (no real page holds that much text)
BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demibold", "extrabold")
FORCE_BOLD = 1 << 18


@dataclass
class PdfLine(TextLine):
    """A :class:`TextLine` with what block grouping needs: baseline, direction, run gaps."""

    baseline: float = 0.0  # y of the baseline, from the top of the page
    rtl: bool = False
    gaps: list[float] = field(default_factory=list)  # widths of the wide gaps between runs (table columns)
    segments: list[tuple[float, float]] = field(default_factory=list)  # x extents of the runs, left to right
    start: int = 0  # index of the first character in the page's text page
    count: int = 0


def _prototype(fn: Any, restype: Any, *argtypes: Any) -> Any:
    """The same C function called through a plain prototype (integer handles and addresses).

    pypdfium2's bindings convert and check every argument; on the few calls made per line
    that conversion costs more than pdfium's work, so the hot calls skip it. Falls back to
    the pypdfium2 binding when the address cannot be taken.
    """
    try:
        addr = ctypes.cast(fn, ctypes.c_void_p).value
        return ctypes.CFUNCTYPE(restype, *argtypes)(addr) if addr else None
    except (TypeError, ValueError, ctypes.ArgumentError):
        return None


_P, _I, _D = ctypes.c_void_p, ctypes.c_int, ctypes.c_double
_LOOSE = _prototype(pdfium_c.FPDFText_GetLooseCharBox, _I, _P, _I, _P)
_COUNT_RECTS = _prototype(pdfium_c.FPDFText_CountRects, _I, _P, _I, _I)
_GET_RECT = _prototype(pdfium_c.FPDFText_GetRect, _I, _P, _I, _P, _P, _P, _P)
_FONT_SIZE = _prototype(pdfium_c.FPDFText_GetFontSize, _D, _P, _I)
_FONT_INFO = _prototype(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong, _P, _I, _P, ctypes.c_ulong, _P)
_ORIGIN = _prototype(pdfium_c.FPDFText_GetCharOrigin, _I, _P, _I, _P, _P)
FAST = all(f is not None for f in (_LOOSE, _COUNT_RECTS, _GET_RECT, _FONT_SIZE, _FONT_INFO, _ORIGIN))


class TextPageCalls:
    """The per-line pdfium queries for one text page, with reused out-parameters.

    Not thread-safe (pdfium itself is not): one instance per text page, one thread.
    """

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.raw = textpage.raw
        self.l, self.t, self.r, self.b = (ctypes.c_double() for _ in range(4))
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.rect = pdfium_c.FS_RECTF()
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.h: Any
        self.rect_args: tuple[Any, ...]
        self.xy_args: tuple[Any, ...]
        self.rect_ptr: Any
        self.name_ptr: Any
        self.flags_ptr: Any
        if FAST:
            self.h = ctypes.cast(self.raw, ctypes.c_void_p).value
            self.rect_args = tuple(ctypes.addressof(v) for v in (self.l, self.t, self.r, self.b))
            self.xy_args = (ctypes.addressof(self.x), ctypes.addressof(self.y))
            self.rect_ptr = ctypes.addressof(self.rect)
            self.name_ptr, self.flags_ptr = ctypes.addressof(self.name), ctypes.addressof(self.flags)
        else:
            self.h = self.raw
            self.rect_args = tuple(ctypes.byref(v) for v in (self.l, self.t, self.r, self.b))
            self.xy_args = (ctypes.byref(self.x), ctypes.byref(self.y))
            self.rect_ptr = ctypes.byref(self.rect)
            self.name_ptr, self.flags_ptr = self.name, ctypes.byref(self.flags)
        self._loose = _LOOSE if FAST else pdfium_c.FPDFText_GetLooseCharBox
        self._count_rects = _COUNT_RECTS if FAST else pdfium_c.FPDFText_CountRects
        self._get_rect = _GET_RECT if FAST else pdfium_c.FPDFText_GetRect
        self._font_size = _FONT_SIZE if FAST else pdfium_c.FPDFText_GetFontSize
        self._font_info = _FONT_INFO if FAST else pdfium_c.FPDFText_GetFontInfo
        self._origin = _ORIGIN if FAST else pdfium_c.FPDFText_GetCharOrigin

    def char_box(self, index: int) -> tuple[float, float]:
        """x extent of one character (loose box: font advance, cheap)."""
        self._loose(self.h, index, self.rect_ptr)  # type: ignore[operator]
        return self.rect.left, self.rect.right

    def rects(self, start: int, count: int) -> list[tuple[float, float, float, float]]:
        """pdfium's rectangles over a character range: (left, top, right, bottom), PDF coordinates."""
        n = self._count_rects(self.h, start, count)  # type: ignore[operator]
        out = []
        get, args = self._get_rect, self.rect_args
        left, top, right, bottom = self.l, self.t, self.r, self.b
        for k in range(n):
            get(self.h, k, *args)  # type: ignore[operator]
            if right.value > left.value:
                out.append((left.value, top.value, right.value, bottom.value))
        return out

    def origin_y(self, index: int) -> float:
        self._origin(self.h, index, *self.xy_args)  # type: ignore[operator]
        return self.y.value

    def font_style(self, index: int) -> tuple[float, bool]:
        """Font size and boldness of the character at ``index`` (boldness cached per font name)."""
        size = self._font_size(self.h, index)  # type: ignore[operator]
        n = self._font_info(self.h, index, self.name_ptr, 128, self.flags_ptr)  # type: ignore[operator]
        flags = self.flags.value
        key = self.name.raw[: max(n - 1, 0)] + bytes([flags & 0xFF, (flags >> 16) & 0xFF])
        bold = _BOLD_BY_FONT.get(key)
        if bold is None:
            name = key.decode("latin-1").lower()
            bold = any(w in name for w in BOLD_WORDS) or bool(flags & FORCE_BOLD) or pdfium_c.FPDFText_GetFontWeight(self.raw, index) >= 600
            if len(_BOLD_BY_FONT) < 4096:
                _BOLD_BY_FONT[key] = bold
        return float(size), bold


_BOLD_BY_FONT: dict[bytes, bool] = {}


def page_text(textpage: pdfium.PdfTextPage) -> tuple[str, int]:
    """All characters of the page (pdfium's generated line breaks included), indexable like the text page."""
    count = min(pdfium_c.FPDFText_CountChars(textpage.raw), MAX_CHARS_PER_PAGE)
    if count <= 0:
        return "", 0
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: read one by one so indices stay aligned
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(count))
    return text, count


def page_lines(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, page_no: int) -> list[PdfLine]:
    """The page's lines in pdfium's reading order, in logical character order."""
    calls = TextPageCalls(textpage)
    height = page.get_height()
    text, count = page_text(textpage)
    lines: list[PdfLine] = []
    pos = 0
    context_rtl = False
    probe = WordOrderProbe()
    for piece in text.split("\r\n"):
        start = pos
        pos += len(piece) + 2
        if not piece or piece.isspace():
            continue
        rects = calls.rects(start, len(piece))
        if not rects:
            continue
        x0 = x1 = rects[0][0]
        r_top = r_bottom = rects[0][1]
        for r in rects:
            if r[0] < x0:
                x0 = r[0]
            if r[2] > x1:
                x1 = r[2]
            if r[1] > r_top:
                r_top = r[1]
            if r[3] < r_bottom:
                r_bottom = r[3]
        lead = len(piece) - len(piece.lstrip())
        size, bold = calls.font_style(start + lead)
        baseline = height - calls.origin_y(start + lead)
        rtl = is_rtl_line(piece) if has_strong(piece) else context_rtl
        logical = logical_line(piece, _line_box(calls, start), size or 10.0, rtl=rtl, probe=probe)
        clean = " ".join(clean_text(logical).split())
        if not clean:
            continue
        segments = _segments(rects, gap=1.5 * (size or 10)) if len(rects) > 1 else [(x0, x1)]
        line = PdfLine(
            text=clean,
            x0=x0,
            top=height - r_top,
            x1=x1,
            bottom=height - r_bottom,
            size=size,
            bold=bold,
            page=page_no,
            baseline=baseline,
            rtl=rtl,
            segments=segments,
            start=start,
            count=len(piece),
        )
        if len(segments) > 1:
            line.gaps = [b[0] - a[1] for a, b in zip(segments, segments[1:], strict=False)]
        lines.append(line)
        context_rtl = rtl
    return lines


def _line_box(calls: TextPageCalls, start: int) -> Box:
    def box(i: int) -> tuple[float, float]:
        return calls.char_box(start + i)

    return box


def _segments(rects: list[tuple[float, float, float, float]], gap: float) -> list[tuple[float, float]]:
    """x extents of the line's runs: rectangles closer than ``gap`` are merged."""
    spans = sorted((r[0], r[2]) for r in rects)
    out = [list(spans[0])]
    for a, b in spans[1:]:
        if a - out[-1][1] <= gap:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]
