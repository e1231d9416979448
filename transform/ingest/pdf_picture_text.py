"""Titles printed as pictures: a line of text drawn as an image, with no text layer over it.

Word exports a WordArt title as images (or as 2x2 images whose soft masks carry the letters); a
report's shaded box may be a picture of its caption. A reader sees a title; the text layer holds
nothing there, so the words were lost. Such an image is found by its shape and place, and only
its region is OCR'd:

* the sign, paid on every page (one pass over its lines, in reading order, and the top of the
  highest): a hole in the text (a line followed by one that starts more than 3 of its heights
  and less than 200 pt below it), or text that starts low on the page (its top line more than
  11 % of the page height down: room for a title over the first line); pages with neither stop
  there;
* on a page with a sign, the page's objects walked once (their type through the table search's
  unchecked prototypes), image objects one text line high (8 to 60 pt, at least twice as wide
  as high) that no text line covers, either in a hole (text above and below them) or over the
  page's first line (nothing above them, their bottom at most two of that line's heights over
  it, their top out of the top 6 % of the page: a running header drawn as an image band lies in
  the margin, further above the text, and is left alone);
* the images of one title (pieces of a line, lines stacked) are merged into one region,
  rendered at 300 dpi and read by tesseract (``transform.ocr``'s public helpers), the
  languages those of the page;
* kept only when tesseract is sure (mean word confidence 70 at least) and most of its words
  (3 letters or more) are words of the lists of ``transform/ocr/data``: a logo, a photo or a
  chart's label gives neither.

The lines are inserted after the text line just above them, so reading order holds; they carry tesseract's
confidence, which tells the heading rules that no weight was read for them (an annex's title printed as a picture,
:func:`pdf_labels.ocr_annex_titles`). A month
name read with another alef (``آكتوبر``: tesseract's hamza forms are a guess) is written as the
closed list of month names spells it, where one name only fits.
"""

from __future__ import annotations

import ctypes
import logging
import weakref
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .bidi_chars import ARABIC_LETTER, LATIN_LETTER
from .crop_frame import crop_offset
from .pdf_tables import _COUNT_OBJECTS as _FAST_COUNT
from .pdf_tables import _GET_OBJECT as _FAST_OBJECT
from .pdf_tables import _OBJ_TYPE as _FAST_TYPE
from .pdf_tables import FAST_OBJECTS
from .pdf_text import PdfLine

if TYPE_CHECKING:
    from .base import TextLine

log = logging.getLogger(__name__)

HOLE_LINES = 3.0  # a gap between two lines wider than this many line heights may hold a picture
MAX_HOLE = 200.0  # points; a wider gap holds a figure or ends the text
MIN_HEIGHT, MAX_HEIGHT = 8.0, 60.0  # an image one printed line high, in points
MIN_ASPECT = 2.0  # at least this many times wider than high
DPI = 300.0
MIN_CONF = 70.0
MIN_KNOWN = 0.6  # share of the words (3 letters or more) found in the word lists
LOW_START = 0.11  # share of the page height: text starting lower may have a picture title over it
TOP_MARGIN = 0.06  # share of the page height: an image starting higher is a running band
TIMEOUT = 30.0

Rect = tuple[float, float, float, float]  # x0, top, x1, bottom (points, from the page's top)
_READ: weakref.WeakValueDictionary[int, PdfLine] = weakref.WeakValueDictionary()  # the lines read from pictures


def from_picture(line: object) -> bool:
    """Was ``line`` read by OCR from a picture of text (:func:`picture_lines`)?"""
    return _READ.get(id(line)) is line


def has_hole(lines: list[TextLine]) -> bool:
    """The cheap sign: a line followed (in reading order) by one that starts further below it than
    HOLE_LINES line heights and at most MAX_HOLE points (a page's end, a photo, a chart leave more)."""
    prev = None
    for ln in lines:
        if prev is not None:
            h = prev.bottom - prev.top
            if HOLE_LINES * h < ln.top - prev.bottom < MAX_HOLE:
                return True
        prev = ln
    return False


_COUNT, _OBJECT, _TYPE = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType
_FORM_COUNT, _FORM_OBJECT = pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject
IMAGE, FORM = pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM


_LAST: list[tuple[object, list[Rect]]] = []  # the last page walked and its images (titles and figures share one walk)


def image_rects(page: pdfium.PdfPage, height: float) -> list[Rect]:
    """Every image object of the page (in its forms too), as top-left rectangles: one type query per object,
    through the table search's unchecked prototypes (no argument conversion, no wrapper objects) when they could
    be made; bounds for the images only. The answer for the page last walked is kept (while that page object
    lives), so the titles (:func:`picture_lines`) and the figures (``pdf_pictures``) walk a page once."""
    if _LAST and _LAST[0][0] is page:
        return _LAST[0][1]
    found = []
    raw = page.raw
    if FAST_OBJECTS:
        h = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
        objects = []
        for k in range(_FAST_COUNT(h)):
            obj = _FAST_OBJECT(h, k)
            if obj and ((kind := _FAST_TYPE(obj)) == IMAGE or kind == FORM):
                objects.append((_OBJECT(raw, k), kind))  # the checked handle, for the few objects asked more
    else:
        objects = [(obj, _TYPE(obj)) for k in range(_COUNT(raw)) if (obj := _OBJECT(raw, k))]
    for obj, kind in objects:
        if kind == IMAGE:
            found.append(obj)
        elif kind == FORM:
            found.extend(o for j in range(_FORM_COUNT(obj)) if _TYPE(o := _FORM_OBJECT(obj, j)) == IMAGE)
    out: list[Rect] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj in found:
        if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            out.append((left.value, height - top.value, right.value, height - bottom.value))
    _LAST[:] = [(page, out)]
    return out


def forget_walk() -> None:
    """Let the page last walked go (:func:`image_rects` keeps it while its page is read)."""
    _LAST.clear()


def _images(page: pdfium.PdfPage, height: float) -> list[Rect]:
    """Line-high image objects of the page (in its forms too), as top-left rectangles."""
    out = []
    for r in image_rects(page, height):
        h, w = r[3] - r[1], r[2] - r[0]
        if MIN_HEIGHT <= h <= MAX_HEIGHT and w >= MIN_ASPECT * h:
            out.append(r)
    return out


def _covered(r: Rect, lines: list[TextLine]) -> bool:
    """Does a text line lie over the rectangle (text printed on a banner)?"""
    for ln in lines:
        dy = min(r[3], ln.bottom) - max(r[1], ln.top)
        dx = min(r[2], ln.x1) - max(r[0], ln.x0)
        if dy > 0.3 * (ln.bottom - ln.top) and dx > 0:
            return True
    return False


def _merge(rects: list[Rect]) -> list[Rect]:
    """Rectangles of one title (side by side on one line, or lines stacked close) as one."""
    out: list[Rect] = []
    for r in sorted(rects, key=lambda r: (r[1], r[0])):
        for k, m in enumerate(out):
            gap_y = max(r[1] - m[3], m[1] - r[3])
            gap_x = max(r[0] - m[2], m[0] - r[2])
            line_h = min(r[3] - r[1], m[3] - m[1])
            if gap_y < 0.6 * line_h and gap_x < 3 * line_h:
                out[k] = (min(m[0], r[0]), min(m[1], r[1]), max(m[2], r[2]), max(m[3], r[3]))
                break
        else:
            out.append(r)
    return out


def known_share(text: str) -> float:
    """The share of the words of three letters or more of ``text`` found in the word lists."""
    from ..ocr.lexicon import known_ar, known_fr, normalise_ar

    words = [w.strip(".,:;()،؛") for w in text.split()]
    words = [w for w in words if len(w) >= 3 and (ARABIC_LETTER.search(w) or LATIN_LETTER.search(w))]
    if not words:
        return 0.0
    return sum(1 for w in words if (known_ar(normalise_ar(w)) if ARABIC_LETTER.search(w) else known_fr(w))) / len(words)


_known_share = known_share  # its name before figures (pdf_pictures) shared it


# Month names spelt with a hamza or madda on their alef (the forms tesseract confuses).
_HAMZA_MONTHS = "آذار أيار أيلول أبريل إبريل أغسطس أكتوبر أفريل أوت".split()


def _month_spelling(text: str) -> str:
    """``text`` with a word that is a month name but for its alef's hamza spelt as the name is."""
    from ..ocr.lexicon import normalise_ar

    words = text.split()
    for k, w in enumerate(words):
        core = w.strip("().,،:؛")
        if len(core) < 4 or core[0] not in "اأإآ" or core in _HAMZA_MONTHS:
            continue
        fits = [n for n in _HAMZA_MONTHS if normalise_ar(n) == normalise_ar(core)]
        if len(fits) == 1:
            words[k] = w.replace(core, fits[0])
    return " ".join(words)


def _read_region(page: pdfium.PdfPage, r: Rect, page_no: int, langs: str) -> list[PdfLine]:
    from ..ocr.render import PageImage
    from ..ocr.tesseract import ocr_image

    width, height = page.get_size()
    ox, oy = crop_offset(page)  # the render shows the CropBox, which may not start at the origin (crop_frame.py)
    pad = 0.25 * min(r[3] - r[1], 20.0)
    x0, top, x1, bottom = max(ox, r[0] - pad), max(-oy, r[1] - pad), min(ox + width, r[2] + pad), min(height - oy, r[3] + pad)
    bitmap = page.render(scale=DPI / 72.0, crop=(x0 - ox, height - oy - bottom, ox + width - x1, top + oy), grayscale=True, may_draw_forms=True)
    image = bitmap.to_pil().convert("L")
    result = ocr_image(PageImage(image, DPI, page_no, x1 - x0, bottom - top), langs, timeout=TIMEOUT, psm=6)
    text = " ".join(ln.text for ln in result.lines)
    if not result.lines or result.confidence < MIN_CONF or known_share(text) < MIN_KNOWN:
        return []
    out = []
    for ln in result.lines:
        words = ln.text.split()
        if words and not any(c.isalnum() for c in words[0]):  # a bullet drawn in the picture (❖ read `.:.`)
            ln.text = " ".join(words[1:])
        ln.text = _month_spelling(ln.text)
        rtl = len(ARABIC_LETTER.findall(ln.text)) >= len(LATIN_LETTER.findall(ln.text))
        out.append(PdfLine(text=ln.text, x0=ln.x0 + x0, top=ln.top + top, x1=ln.x1 + x0, bottom=ln.bottom + top,
                           size=ln.size, bold=False, page=page_no, baseline=ln.bottom + top, rtl=rtl,
                           confidence=ln.confidence))  # read by OCR: the heading rules take no weight from it
        _READ[id(out[-1])] = out[-1]
    return out


def _placed(r: Rect, tops: list[float], first: TextLine, height: float) -> bool:
    """Is the image where a title printed as a picture stands: in a hole of the text (lines
    above and below it), or right over the page's first line with nothing above it but the
    margin?"""
    if any(t < r[1] for t in tops):
        return any(t > r[3] for t in tops)
    return r[1] > TOP_MARGIN * height and 0.0 <= first.top - r[3] <= 2.0 * (first.bottom - first.top)


def picture_lines(page: pdfium.PdfPage, lines: list[PdfLine], page_no: int) -> list[PdfLine]:
    """``lines`` with the text of the line-high pictures of text found in its holes or over its
    first line inserted in reading order (the same list when there is none)."""
    if not lines:
        return lines
    height = page.get_height()
    hole = has_hole(lines)
    first = min(lines, key=lambda ln: ln.top)  # after the hole sign: most pages with a hole are walked anyway
    if not hole and first.top <= LOW_START * height:
        return lines
    tops = [ln.top for ln in lines]
    found = [r for r in _images(page, height) if _placed(r, tops, first, height) and not _covered(r, lines)]
    if not found:
        return lines
    arabic = sum(1 for ln in lines if ln.rtl) * 2 >= len(lines)
    langs = "ara" if arabic else "fra"  # one model: a mixed one reads an Arabic word as Latin (`due` for `شمسية`)
    out = list(lines)
    for r in _merge(found):
        try:
            new = _read_region(page, r, page_no, langs)
        except Exception as exc:  # noqa: BLE001 - a picture left unread is the old behaviour, never an error
            log.debug("picture text on page %s not read: %s", page_no, exc)
            continue
        if not new:
            continue
        above = [k for k, ln in enumerate(out) if ln.bottom <= r[1] + 2]
        at = max(above, key=lambda k: out[k].top) + 1 if above else 0
        out[at:at] = new
    return out
