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

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .base import TextLine
from .pdf_bidi import clean_text, has_strong, logical_line

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


class _Buffers:
    """ctypes out-parameters reused for every call (creating them per call costs more than the call)."""

    def __init__(self) -> None:
        self.l, self.t, self.r, self.b = (ctypes.c_double() for _ in range(4))
        self.refs = (ctypes.byref(self.l), ctypes.byref(self.t), ctypes.byref(self.r), ctypes.byref(self.b))
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.xy = (ctypes.byref(self.x), ctypes.byref(self.y))
        self.rect = pdfium_c.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)


_BUF = _Buffers()


def char_box(textpage: object, index: int) -> tuple[float, float]:
    """x extent of one character (loose box: font advance, cheap)."""
    pdfium_c.FPDFText_GetLooseCharBox(textpage, index, _BUF.rect_ref)
    return _BUF.rect.left, _BUF.rect.right


def font_style(textpage: object, index: int) -> tuple[float, bool]:
    """Font size and boldness of the character at ``index``."""
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    n = pdfium_c.FPDFText_GetFontInfo(textpage, index, _BUF.name, 128, _BUF.flags_ref)
    name = _BUF.name.value[: max(n - 1, 0)].decode("latin-1").lower() if n else ""
    bold = any(w in name for w in BOLD_WORDS) or bool(_BUF.flags.value & FORCE_BOLD) or pdfium_c.FPDFText_GetFontWeight(textpage, index) >= 600
    return float(size), bold


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
    raw = textpage.raw
    height = page.get_height()
    text, count = page_text(textpage)
    lines: list[PdfLine] = []
    pos = 0
    refs = _BUF.refs
    for piece in text.split("\r\n"):
        start = pos
        pos += len(piece) + 2
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        n_rects = pdfium_c.FPDFText_CountRects(raw, start, len(piece))
        rects: list[tuple[float, float, float, float]] = []
        for k in range(n_rects):
            pdfium_c.FPDFText_GetRect(raw, k, *refs)
            if _BUF.r.value > _BUF.l.value:
                rects.append((_BUF.l.value, _BUF.t.value, _BUF.r.value, _BUF.b.value))
        if not rects:
            continue
        size, bold = font_style(raw, start + lead)
        pdfium_c.FPDFText_GetCharOrigin(raw, start + lead, *_BUF.xy)
        baseline = height - _BUF.y.value
        x0 = min(r[0] for r in rects)
        x1 = max(r[2] for r in rects)
        top = height - max(r[1] for r in rects)
        bottom = height - min(r[3] for r in rects)
        segments = _segments(rects, gap=1.5 * (size or 10))
        context_rtl = lines[-1].rtl if lines else False
        logical = logical_line(piece, lambda i, _s=start: char_box(raw, _s + i), size or 10.0, context_rtl)
        clean = " ".join(clean_text(logical).split())
        if not clean:
            continue
        line = PdfLine(
            text=clean, x0=x0, top=top, x1=x1, bottom=bottom, size=size, bold=bold, page=page_no,
            baseline=baseline, segments=segments, start=start, count=len(piece),
        )
        line.rtl = _is_rtl(clean) if has_strong(clean) else context_rtl
        line.gaps = [b[0] - a[1] for a, b in zip(segments, segments[1:])]
        lines.append(line)
    return lines


def _is_rtl(text: str) -> bool:
    from .pdf_bidi import is_rtl_line

    return is_rtl_line(text)


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
