"""pdfium's per-character queries for one text page, called without ctypes' argument conversion.

The hot per-line calls (rectangles, font size and name, origins, loose boxes) go through plain
prototypes (:func:`_unchecked`); the optional compiled module ``_chars`` makes the per-page
queries in one native call when it is built (:data:`_NATIVE`). Split from :mod:`pdf_text`.
"""

from __future__ import annotations

import ctypes
import os
import struct
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

MAX_CHARS_PER_PAGE = 400_000  # beyond this a page is cut (no real page holds that much text)
BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demibold", "extrabold")
FORCE_BOLD = 1 << 18
MEDIUM_TEXT_SIZE = 14.0  # a medium weight in its own colour below this size (points) reads as bold


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


def _unchecked(fn: Any, restype: Any) -> Any:
    """The C function with a result type but no argument types: ctypes then converts nothing.

    Declared argument types make ctypes build a converted object for every argument of
    every call, which costs more than the per-line calls themselves (about 40 % of each
    call). Without them a Python int goes as a C ``int`` and a ctypes object (the text page
    handle as ``c_void_p``, out-parameters as ``byref``) as its pointer, so the callers
    below pass exactly those: every argument of these functions is an ``int``, a pointer
    or (``buflen``) a ``c_ulong`` object.
    """
    proto = _prototype(fn, restype)
    if proto is not None:
        proto.argtypes = None
    return proto


_I, _D = ctypes.c_int, ctypes.c_double
_LOOSE = _unchecked(pdfium_c.FPDFText_GetLooseCharBox, _I)
_COUNT_RECTS = _unchecked(pdfium_c.FPDFText_CountRects, _I)
_GET_RECT = _unchecked(pdfium_c.FPDFText_GetRect, _I)
_FONT_SIZE = _unchecked(pdfium_c.FPDFText_GetFontSize, _D)
_FONT_INFO = _unchecked(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong)
_ORIGIN = _unchecked(pdfium_c.FPDFText_GetCharOrigin, _I)
_MATRIX = _unchecked(pdfium_c.FPDFText_GetMatrix, _I)
FAST = all(f is not None for f in (_LOOSE, _COUNT_RECTS, _GET_RECT, _FONT_SIZE, _FONT_INFO, _ORIGIN, _MATRIX))
NATIVE_ENV = "TAYSIR_PDF_NATIVE"  # "0": the Python per-line queries even when the extension is built
PLAIN_ENV = "TAYSIR_PDF_PLAIN"  # "0": every line through page_lines' Python loop (the reference of _chars.plain_lines)


def _address(fn: Any) -> int | None:
    try:
        return ctypes.cast(fn, ctypes.c_void_p).value
    except (TypeError, ValueError, ctypes.ArgumentError):
        return None


def _load_native() -> Any:
    """The optional compiled per-page queries (``_chars.c``), or None (not built, hidden, off)."""
    off = ("0", "false", "no", "off")
    if os.environ.get(NATIVE_ENV, "1").strip().lower() in off or os.environ.get("TAYSIR_HIDE_EXTENSIONS", "").strip().lower() in ("1", "true", "yes", "on"):
        return None
    try:
        from . import _chars  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _chars


# CountRects, GetRect, GetFontSize, GetMatrix, GetFontInfo, GetCharOrigin: the functions _chars.pieces calls
_ADDRESSES = tuple(_address(f) for f in (pdfium_c.FPDFText_CountRects, pdfium_c.FPDFText_GetRect, pdfium_c.FPDFText_GetFontSize,
                                         pdfium_c.FPDFText_GetMatrix, pdfium_c.FPDFText_GetFontInfo, pdfium_c.FPDFText_GetCharOrigin))
_NATIVE = _load_native() if FAST and all(_ADDRESSES) else None
_LOOSE_ADDRESS = _address(pdfium_c.FPDFText_GetLooseCharBox) if _NATIVE is not None and hasattr(_NATIVE, "loose_boxes") else None
# CountObjects, GetObject, GetType, GetBounds, Path_GetDrawMode, GetFillColor, GetStrokeColor: the functions
# _chars.thin_rules calls (pdf_underlines walks a page's objects for its thin rules through them)
_OBJECT_ADDRESSES = tuple(_address(f) for f in (pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType,
                                                pdfium_c.FPDFPageObj_GetBounds, pdfium_c.FPDFPath_GetDrawMode,
                                                pdfium_c.FPDFPageObj_GetFillColor, pdfium_c.FPDFPageObj_GetStrokeColor))
_RULES = _NATIVE if hasattr(_NATIVE, "thin_rules") and all(_OBJECT_ADDRESSES) else None
_PLAIN = hasattr(_NATIVE, "plain_lines") and os.environ.get(PLAIN_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


class TextPageCalls:
    """The per-line pdfium queries for one text page, with reused out-parameters.

    Not thread-safe (pdfium itself is not): one instance per text page, one thread.
    """

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.raw = textpage.raw
        self.out = (ctypes.c_double * 6)()  # left, top, right, bottom of a rectangle; x, y of a char origin
        self.rect = pdfium_c.FS_RECTF()
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.matrix = pdfium_c.FS_MATRIX()
        self.matrix_ptr = ctypes.byref(self.matrix)
        self.h: Any
        self.rect_args: tuple[Any, ...]
        self.xy_args: tuple[Any, ...]
        self.rect_ptr: Any
        self.name_ptr: Any
        self.flags_ptr: Any
        self.buflen: Any = 128
        self.native = FAST  # the handle is a c_void_p: _chars.pieces can take its value
        if FAST:  # ctypes objects only (see _unchecked)
            self.h = ctypes.c_void_p(ctypes.cast(self.raw, ctypes.c_void_p).value)
            step = ctypes.sizeof(ctypes.c_double)
            self.rect_args = tuple(ctypes.byref(self.out, k * step) for k in range(4))
            self.xy_args = (ctypes.byref(self.out, 4 * step), ctypes.byref(self.out, 5 * step))
            self.rect_ptr = ctypes.byref(self.rect)
            self.name_ptr, self.flags_ptr = ctypes.byref(self.name), ctypes.byref(self.flags)
            self.buflen = ctypes.c_ulong(128)
        else:
            self.h = self.raw
            cells = [ctypes.c_double.from_buffer(self.out, k * ctypes.sizeof(ctypes.c_double)) for k in range(6)]
            self.rect_args = tuple(ctypes.byref(c) for c in cells[:4])
            self.xy_args = (ctypes.byref(cells[4]), ctypes.byref(cells[5]))
            self.rect_ptr = ctypes.byref(self.rect)
            self.name_ptr, self.flags_ptr = self.name, ctypes.byref(self.flags)
        self._loose = _LOOSE if FAST else pdfium_c.FPDFText_GetLooseCharBox
        self._count_rects = _COUNT_RECTS if FAST else pdfium_c.FPDFText_CountRects
        self._get_rect = _GET_RECT if FAST else pdfium_c.FPDFText_GetRect
        self._font_size = _FONT_SIZE if FAST else pdfium_c.FPDFText_GetFontSize
        self._font_info = _FONT_INFO if FAST else pdfium_c.FPDFText_GetFontInfo
        self._origin = _ORIGIN if FAST else pdfium_c.FPDFText_GetCharOrigin
        self._matrix = _MATRIX if FAST else pdfium_c.FPDFText_GetMatrix

    def char_box(self, index: int) -> tuple[float, float]:
        """x extent of one character (loose box: font advance, cheap)."""
        self._loose(self.h, index, self.rect_ptr)  # type: ignore[operator]
        return self.rect.left, self.rect.right

    def rects(self, start: int, count: int) -> list[tuple[float, float, float, float]]:
        """pdfium's rectangles over a character range: (left, top, right, bottom), PDF coordinates."""
        h = self.h
        n = self._count_rects(h, start, count)  # type: ignore[operator]
        out = []
        get, args, cells = self._get_rect, self.rect_args, self.out
        for k in range(n):
            get(h, k, *args)  # type: ignore[operator]
            rect = _FOUR_DOUBLES(cells)  # one C call (iterating a ctypes array reads item by item)
            if rect[2] > rect[0]:
                out.append(rect)
        return out

    def size_at(self, index: int) -> float:
        """The font size of one character as pdfium stores it (no matrix: compared with a size of the same line)."""
        return float(self._font_size(self.h, index))  # type: ignore[operator]

    def origin_y(self, index: int) -> float:
        self._origin(self.h, index, *self.xy_args)  # type: ignore[operator]
        return self.out[5]

    def origin_x(self, index: int) -> float:
        self._origin(self.h, index, *self.xy_args)  # type: ignore[operator]
        return self.out[4]

    def reach_below(self, index: int) -> float:
        """How far the glyph of one character reaches under its baseline, as a share of its height
        (tight box; rare: see ligatures.lost_heh)."""
        left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        if not pdfium_c.FPDFText_GetCharBox(self.raw, index, left, right, bottom, top) or top.value <= bottom.value:
            return 0.0
        return (self.origin_y(index) - bottom.value) / (top.value - bottom.value)

    def font_style(self, index: int, height: float = 0.0) -> tuple[float, bool]:
        """Font size as printed and boldness of the character at ``index`` (boldness cached per font name)."""
        size, name, flags = self.font_facts(index, height)
        return size, self.bold(index, name, flags)

    def font_facts(self, index: int, height: float = 0.0) -> tuple[float, bytes, int]:
        """Font size as printed, font name and flags of the character at ``index``.

        pdfium's font size is the size set in the content stream; producers such as InDesign
        set it to 1 and scale the text matrix instead (``1 Tf`` with a 10-point matrix), so
        when the line's ``height`` does not fit that size the size is multiplied by the scale
        of the character's matrix (one more call, for those lines only).
        """
        size = self._font_size(self.h, index)  # type: ignore[operator]
        if (height > 2.0 * size or height < 0.4 * size) and self._matrix(self.h, index, self.matrix_ptr):  # type: ignore[operator]
            m = self.matrix
            scale = abs(m.a * m.d - m.b * m.c) ** 0.5
            if scale > 0:
                size *= scale
        n = self._font_info(self.h, index, self.name_ptr, self.buflen, self.flags_ptr)  # type: ignore[operator]
        # the name (pdfium leaves the buffer alone when it does not fit: not cached then)
        return float(size), (self.name.value if 0 < n <= 128 else b""), self.flags.value

    def bold(self, index: int, name: bytes, flags: int) -> bool:
        """Is the font of the character at ``index`` bold (cached per font name and the flag bits that matter)?"""
        key = (name, flags & 0xFF00FF)
        bold = _BOLD_BY_FONT.get(key) if name else None
        if bold is None:
            lower = name.decode("latin-1").lower()
            weight = pdfium_c.FPDFText_GetFontWeight(self.raw, index)
            bold = any(w in lower for w in BOLD_WORDS) or bool(flags & FORCE_BOLD) or weight >= 600
            if not bold and ("medium" in lower or 500 <= weight < 600):
                # a medium weight counts as bold only at text sizes and set apart in its own colour (not cached:
                # the answer depends on the character's size and ink, and medium fonts are rare); at display
                # sizes the size speaks, not a medium weight (a callout's large words are no heading)
                return self.font_facts(index, float("inf"))[0] < MEDIUM_TEXT_SIZE and _inked(self.raw, index)
            if name and len(_BOLD_BY_FONT) < 4096:
                _BOLD_BY_FONT[key] = bold
        return bold


def _inked(raw: Any, index: int) -> bool:
    """Is the character at ``index`` filled in a colour of its own (not black or a dark grey: white or a hue)?"""
    rgba = [ctypes.c_uint() for _ in range(4)]
    if not pdfium_c.FPDFText_GetFillColor(raw, index, *(ctypes.byref(c) for c in rgba)):
        return False
    return max(c.value for c in rgba[:3]) >= 100


_BOLD_BY_FONT: dict[tuple[bytes, int], bool] = {}
_FOUR_DOUBLES = struct.Struct("4d").unpack_from


def page_text(textpage: pdfium.PdfTextPage) -> tuple[str, int]:
    """All characters of the page (pdfium's generated line breaks included), indexable like the text page."""
    count = min(pdfium_c.FPDFText_CountChars(textpage.raw), MAX_CHARS_PER_PAGE)
    if count <= 0:
        return "", 0
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: read one by one so indices stay aligned
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(count))
    return text, count
