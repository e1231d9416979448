"""A section number whose first part pdfium lost with the replacement text of a space glyph.

InDesign writes an Arabic paragraph's numbering (``2.1.2.`` before a title) with each glyph in a
marked span carrying a replacement text (``/Span <</ActualText ...>> BDC``), and it hands out the
logical characters to the glyphs left to right as drawn, whatever glyph each is: the first digit
``2`` goes on the space drawn left of the number, the digits' own glyphs get the next ones and the
last glyph a tab. pdfium gives the replacement text of every glyph but that of the space (a space
glyph's span gives no character), so the line reads ``.1.2. التنوع``: the number lost its first
part, and a dot now opens the line (a numbering never does).

Only such a line is looked at (a right-to-left line opening with a dot and a digit): the page's
text objects on the line's band, from its right end leftwards while they hold only digits, dots
and blanks, are read left to right, each by its replacement text when it has one, else by pdfium's
own characters. That reading is kept only when it is a well-formed numbering that ends with what
pdfium read (it only adds the lost first part); otherwise the line stays as read.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterable
from itertools import chain, compress, repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import pypdfium2.raw as pdfium_c

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from .pdf_text import PdfLine

# what opens such a line: a dot, then what pdfium kept of the number (".1.2.", ".", ".II")
LOST_LEAD = re.compile(r"\.[0-9IVX.]*")
# what the number read from the text objects must be: a decimal number of two parts or more ("2.1.2.", "3.1."),
# a number ("1."), a Roman one ("II.") or a list letter ("أ.", "ت.": abjad or alphabetical order)
NUMBERING = re.compile(r"[0-9]+(?:\.[0-9]+)+\.?|[0-9]{1,2}\.|[IVX]{1,4}\.|[\u0621-\u064a]\.")
NUMBERISH = re.compile(r"[0-9IVX.\s]*|\s*[\u0621-\u064a][.\s]*")  # one of a number's text objects (a title's words are not)
REACH = 2.0  # text objects looked at up to this many font sizes right of the line's end
_BUF = 64  # UTF-16 code units read from one object or one replacement text


def mark_lost_leads(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, lines: list[PdfLine]) -> int:
    """Find the lost first part of the numbers that open the page's right-to-left lines: each such line's
    ``lead`` is set to (what pdfium read, the number read whole); returns how many lines were marked.

    The text is left as pdfium read it until :func:`restore_leads`: the passes that place headings know the cut
    form (``pdf_outline.cut_depth``, ``pdf_nesting``), and a page whose numbers are all cut keeps the levels they
    give; the number comes back whole once the blocks are grouped."""
    suspects = [ln for ln in lines if ln.rtl and ln.text[:1] == "."]
    if not suspects:
        return 0
    objects = _text_objects(page)
    height = page.get_height()
    marked = 0
    for ln in suspects:
        lead = LOST_LEAD.match(ln.text)
        assert lead is not None
        number = _read_number(objects, textpage, ln, height)
        if number is None or number == lead.group(0) or not _holds(number, lead.group(0)):
            continue
        ln.lead = (lead.group(0), number)
        marked += 1
    return marked


def restore_leads(groups: Iterable[Any]) -> None:
    """The numbers :func:`mark_lost_leads` read whole put back at the start of the groups' lines (a line whose text no
    longer opens as pdfium read it is left alone)."""
    lines = list(chain.from_iterable(map(attrgetter("lines"), groups)))
    for ln in compress(lines, map(getattr, lines, repeat("lead"), repeat(None))):  # (the per-line test in C: most lines have none)
        lead = ln.lead  # type: ignore[attr-defined]
        if ln.text.startswith(lead[0]):  # type: ignore[attr-defined]
            ln.text = lead[1] + ln.text[len(lead[0]):]  # type: ignore[attr-defined]
            ln.lead = None  # type: ignore[attr-defined]


def _holds(number: str, lead: str) -> bool:
    """Does the number read hold every character pdfium read of it (the reading only adds what was lost, or puts
    pdfium's characters in order: ``.II`` read ``II.``)?"""
    rest = list(number)
    for ch in lead:
        if ch not in rest:
            return False
        rest.remove(ch)
    return True


def _text_objects(page: pdfium.PdfPage) -> list[tuple[Any, float, float, float, float]]:
    """The page's text objects with their bounds (left, bottom, right, top; PDF coordinates)."""
    out = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    for k in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, k)
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_TEXT and pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
            out.append((obj, left.value, bottom.value, right.value, top.value))
    return out


def _read_number(objects: list[tuple[Any, float, float, float, float]], textpage: pdfium.PdfTextPage,
                 ln: PdfLine, height: float) -> str | None:
    """The numbering at the right end of ``ln`` read from its text objects (see the module docstring), or None."""
    low, high = height - ln.bottom, height - ln.top  # the line's band, PDF coordinates
    reach = ln.x1 + REACH * (ln.size or 10.0)
    # a space glyph's object has no height: its bottom (the baseline) inside the band is enough
    near = [o for o in objects if low - 1.0 <= o[2] <= high + 1.0 and ln.x0 <= (o[1] + o[3]) / 2 <= reach]
    near.sort(key=lambda o: -(o[1] + o[3]))
    parts: list[tuple[float, str]] = []
    for obj, left, _bottom, right, _top in near:
        text = _actual_text(obj)
        if text is None:
            text = _own_text(obj, textpage)
        if not NUMBERISH.fullmatch(text):
            break  # the title's words: the number is behind
        parts.append((left + right, text))
    reading = "".join(t for _, t in sorted(parts)).translate({ord(c): None for c in " \t\r\n"})
    return reading if NUMBERING.fullmatch(reading) else None


def _actual_text(obj: Any) -> str | None:
    """The replacement text of the marked span the object is drawn in, or None when it has none (the string's
    bytes as written: UTF-16 after its byte order mark, else one byte a character)."""
    size = ctypes.c_ulong()
    buf = (ctypes.c_ubyte * (2 * _BUF))()
    for k in range(pdfium_c.FPDFPageObj_CountMarks(obj)):
        mark = pdfium_c.FPDFPageObj_GetMark(obj, k)
        if mark and pdfium_c.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", buf, ctypes.sizeof(buf), ctypes.byref(size)):
            raw = bytes(buf)[: min(size.value, ctypes.sizeof(buf))]
            if raw[:2] == b"\xfe\xff":
                return raw[2 : len(raw) & ~1].decode("utf-16-be", errors="replace")
            return raw.decode("latin-1")
    return None


def _own_text(obj: Any, textpage: pdfium.PdfTextPage) -> str:
    """pdfium's characters of the object."""
    buf = (ctypes.c_ushort * _BUF)()
    n = pdfium_c.FPDFTextObj_GetText(obj, textpage.raw, buf, ctypes.sizeof(buf))
    return _utf16(bytes(buf)[: max(0, n)]) if n > 0 else ""


def _utf16(raw: bytes) -> str:
    """A UTF-16LE buffer of pdfium's without its terminating nul and byte order mark."""
    if len(raw) % 2:
        raw = raw[:-1]
    return raw.decode("utf-16-le", errors="replace").replace("\x00", "").replace("\ufeff", "")
