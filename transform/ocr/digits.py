"""Numbers are checked, not trusted: each font's digits are read back from what it prints.

A PDF font can decode its digit glyphs to other digits (a broken or rewritten ToUnicode map):
the page passes every letter test while `17 ماي 2021` reads `71 ماي 0207`. The mapping is a
property of the font, so the check is made per font, cheaply:

1. **Sample.** Pages that keep their text layer and hold digits are grouped by the style of
   their digit lines (size, bold); the fewest pages that show every style are opened (at most
   MAX_PAGES; every page of a short document). The digit runs on them give, per font, the
   digits the document uses.
2. **Fingerprint.** pdfium's ``FPDFFont_GetGlyphPath`` takes a *Unicode* code point and goes
   through the font's ToUnicode map backwards: the outline it returns for "1" is the glyph the
   text layer decodes as "1". A few numbers of each such outline (advance, segment count, first
   points) key a cache: a font seen before (the same document again, the same producer's
   subset) costs no OCR.
3. **Read.** Uncached fonts: their digit glyphs are drawn side by side from the outlines and
   read by tesseract as one line restricted to digits (one call for all fonts). Fonts whose
   glyphs cannot be drawn (Type 3, invisible OCR layers over a scan) or read are checked on the
   page instead: a few of their digit runs are cut from a render and read the same way.
4. **Correct.** A font whose printed digits differ from its decoded ones is *suspect*: on every
   text-layer page, the digit runs set in it are translated to what the glyphs show (a
   permutation read from the font itself, so every digit it prints is covered); a run that
   cannot be translated leaves its line with ``doubt = "digits_disagree"``.

The font outlines, their drawing and the digit reading are in :mod:`transform.ocr.digit_glyphs`.
Measured cost: see docs/ocr.md (bench/ingest.py with and without the check).
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from ..errors import ToolError
from ..ingest.crop_frame import box_on_render, crop_offset
from ..ingest.pdf_calls import _unchecked
from ..ingest.pdf_kept import cover_pages
from . import confidence
from .digit_glyphs import DIGIT_SETS, draw_glyphs, fold, font_name, glyph_sig, outline, read_digit_images, run_box

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..ingest.pdf_kept import KeptPages
    from ..model import PageReport

_DIGIT_RUN = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]+")
_ANY_DIGIT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
_ARABIC = re.compile("[\u0621-\u064a]")
MAX_PAGES = 4  # pages opened to find the document's digit fonts (every style of digit line covered)
MIN_CONF = 70.0  # tesseract confidence needed to call a font's digits wrong
SURE_CONF = 85.0  # ...and to contradict a suspect font's reading with a run cut from the page
MAX_RUN_CROPS = 6  # digit runs read on the page per font that cannot be drawn
MAX_FIX_PAGES = 400  # pages corrected for a suspect font at most (a bound, not a sample)
CACHE_LIMIT = 4096
_READ: dict[tuple[float, ...], tuple[str, float]] = {}  # glyph fingerprint -> (digit it shows, confidence)


@dataclass
class FontDigits:
    """What one font prints for the digits the document decodes with it."""

    name: str
    digits: set[str] = field(default_factory=set)
    sigs: dict[str, tuple[float, ...] | None] = field(default_factory=dict)  # decoded digit -> fingerprint of its glyph
    outlines: dict[str, list[list[tuple[float, float]]]] = field(default_factory=dict)  # glyphs not read before
    invisible: bool = False
    runs: list[tuple[int, int, int, str]] = field(default_factory=list)  # page, first and end char index, decoded
    read: dict[str, str] = field(default_factory=dict)  # decoded digit -> digit its glyph shows
    conf: float = 100.0  # the lowest confidence of those readings
    mapping: dict[str, str] = field(default_factory=dict)  # decoded -> printed, where they differ
    ambiguous: set[str] = field(default_factory=set)  # decoded digits whose glyphs read two ways: never translated
    verdict: str = "unchecked"  # agree | disagree | unsure | unchecked

    @property
    def family(self) -> str:
        return next((s for s in DIGIT_SETS if any(d in s for d in self.digits)), DIGIT_SETS[0])


def clear_cache() -> None:
    """Forget the digit glyphs read so far."""
    _READ.clear()


def has_digits(lines: list[TextLine]) -> bool:
    return any(_ANY_DIGIT.search(ln.text) for ln in lines)


def sample_pages(pages: dict[int, list[TextLine]]) -> list[int]:
    """The fewest pages (at most MAX_PAGES) whose digit lines show every style (size, bold,
    Arabic or not) of digit line in the document; the pages with most digits first."""
    styles: dict[int, dict[tuple[float, bool, bool], int]] = {}
    search = _ANY_DIGIT.search
    for i, lines in pages.items():
        page = styles.setdefault(i, {})
        for ln in lines:
            if search(ln.text):
                key = (round(ln.size * 2) / 2, ln.bold, bool(_ARABIC.search(ln.text)))
                page[key] = page.get(key, 0) + 1
        if not page:
            del styles[i]
    return sorted(cover_pages(styles, MAX_PAGES))


# ---------------------------------------------------------------- pdfium: fonts of digit runs

# FPDFText_GetTextObject without ctypes' argument conversion (pdf_calls._unchecked): a text object's address or None
_TEXT_OBJECT = _unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p) or (
    lambda tp, i: ctypes.cast(pdfium_c.FPDFText_GetTextObject(ctypes.cast(tp, pdfium_c.FPDF_TEXTPAGE), i), ctypes.c_void_p).value)

def collect_fonts(pdf: pdfium.PdfDocument, indexes: list[int], fonts: dict[str, FontDigits] | None = None,
                  kept: KeptPages | None = None) -> dict[str, FontDigits]:
    """The fonts that print digits on these pages, with their digits, outlines and a few runs
    (a page the ingester kept open is not loaded again)."""
    fonts = {} if fonts is None else fonts
    for i in indexes:
        textpage = kept.textpage(i) if kept is not None else None
        page = None
        if textpage is None:
            page = pdf[i]
            textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            handles: dict[int, str] = {}
            objects: dict[int, tuple[FontDigits, bool, Any]] = {}  # a text object's font and mode, asked once per object
            raw = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
            for m in _DIGIT_RUN.finditer(text):
                at = _TEXT_OBJECT(raw, m.start())
                if not at:
                    continue
                seen = objects.get(at)
                if seen is None:
                    obj = ctypes.cast(at, pdfium_c.FPDF_PAGEOBJECT)
                    font = pdfium_c.FPDFTextObj_GetFont(obj)
                    addr = ctypes.cast(font, ctypes.c_void_p).value or 0
                    name = handles.get(addr)
                    if name is None:
                        name = handles[addr] = font_name(font)
                    seen = objects[at] = (fonts.setdefault(name, FontDigits(name)),
                                          pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, font)
                fd, invisible, font = seen
                fd.invisible = fd.invisible or invisible
                for d in set(m.group()) - fd.digits:
                    fd.digits.add(d)
                    fd.sigs[d] = sig = glyph_sig(font, d)
                    if sig and sig not in _READ:  # drawn only when never read before
                        fd.outlines[d] = outline(font, d)
                if len(m.group()) >= 2 and len(fd.runs) < 4 * MAX_RUN_CROPS:
                    fd.runs.append((i, m.start(), m.end(), m.group()))
        finally:
            if page is not None:  # loaded here, not the ingester's
                textpage.close()
                page.close()
    return fonts


def judge_fonts(fonts: dict[str, FontDigits], timeout: float) -> None:
    """Read the digit glyphs of each font (the cache first) and set its verdict and mapping."""
    todo: dict[str, list[tuple[FontDigits, list[str]]]] = {}
    for fd in fonts.values():
        if fd.invisible:
            continue
        new = [d for d in sorted(fd.digits) if fd.sigs.get(d) and fd.sigs[d] not in _READ and fd.outlines.get(d)]
        if new:
            todo.setdefault(fd.family, []).append((fd, new))
    for family, group in todo.items():
        drawn = [(fd, ds, draw_glyphs([fd.outlines[d] for d in ds])) for fd, ds in group]
        ready = [(fd, ds, img) for fd, ds, img in drawn if img is not None]
        readings = read_digit_images([img for _, _, img in ready], family, timeout)
        retry: list[tuple[FontDigits, str, Image.Image]] = []
        for (fd, ds, _img), (read, conf) in zip(ready, readings, strict=True):
            if len(read) == len(ds) and conf >= MIN_CONF:
                for d, r in zip(ds, read, strict=True):
                    _remember(fd, d, r, conf)
            else:  # a glyph lost, doubled or unsure in the line: each glyph is read again, drawn
                # three times (a lone glyph gives tesseract no context: a lone 4 read as nothing)
                retry += [(fd, d, img) for d in ds if (img := draw_glyphs([fd.outlines[d]] * 3)) is not None]
        triples = read_digit_images([img for _, _, img in retry], family, timeout) if retry else []
        for (fd, d, _img), (read, _conf) in zip(retry, triples, strict=True):
            if len(read) == 3 and len(set(read)) == 1:  # three glyphs read alike: the reading, whatever its score
                _remember(fd, d, read[0], MIN_CONF)
    for fd in fonts.values():
        _verdict(fd)


def _remember(fd: FontDigits, digit: str, read: str, conf: float) -> None:
    sig = fd.sigs.get(digit)
    if sig is None:
        return
    if len(_READ) >= CACHE_LIMIT:
        _READ.clear()
    _READ[sig] = (read, conf)


def _verdict(fd: FontDigits) -> None:
    if fd.invisible or not fd.digits:
        fd.verdict = "unchecked" if not fd.digits else "unsure"
        return
    known = {d: _READ[sig] for d in fd.digits if (sig := fd.sigs.get(d)) is not None and sig in _READ}
    fd.read = {d: r for d, (r, _c) in known.items()}
    fd.conf = min((c for _r, c in known.values()), default=0.0)
    fd.mapping = {d: r for d, r in fd.read.items() if fold(d, fd.family) != r}
    if len(known) < len(fd.digits):
        fd.verdict = "unsure"
    elif not fd.mapping:
        fd.verdict = "agree"
    elif fd.conf >= MIN_CONF and len(set(fd.read.values())) == len(fd.read):  # a permutation, read with confidence
        fd.verdict = "disagree"
    else:
        fd.verdict = "unsure"


def _read_runs(pdf: pdfium.PdfDocument, picks: list[tuple[FontDigits, tuple[int, int, int, str]]],
               timeout: float) -> list[tuple[FontDigits, str, str, float]]:
    """Cut these digit runs from 300 dpi renders and read them as digits: (font, decoded run
    in its family, digits read, confidence) for each run that could be cut."""
    crops: list[tuple[FontDigits, str, Image.Image]] = []
    for fd, (page_i, start, end, decoded) in picks:
        page = pdf[page_i]
        textpage = page.get_textpage()
        try:
            w, h = page.get_size()
            box = run_box(textpage, start, end, h)
            if box is None:
                continue
            x0, top, x1, bottom = box_on_render(box, crop_offset(page))  # the render shows the CropBox (crop_frame.py)
            pad = 0.3 * (bottom - top)
            img = page.render(scale=300 / 72, grayscale=True,
                              crop=(max(0.0, x0 - pad), max(0.0, h - bottom - pad), max(0.0, w - x1 - pad), max(0.0, top - pad)))
            crops.append((fd, decoded, img.to_pil().convert("L")))
        except (pdfium.PdfiumError, MemoryError):
            continue
        finally:
            textpage.close()
            page.close()
    out = []
    for family in {fd.family for fd, _, _ in crops}:
        group = [c for c in crops if c[0].family == family]
        for (fd, decoded, _img), (read, conf) in zip(group, read_digit_images([img for _, _, img in group], family, timeout), strict=True):
            out.append((fd, fold(decoded, family), read, conf))
    return out


def check_runs_on_page(pdf: pdfium.PdfDocument, fonts: dict[str, FontDigits], timeout: float) -> None:
    """Read a few digit runs of a font on the page itself, where its glyphs could not be drawn
    or read (a confident, consistent difference makes it suspect), or to confirm a suspect
    font's permutation (a glyph the font decodes two ways, a digit read two ways, is left in
    doubt rather than translated)."""
    picks = []
    for fd in fonts.values():
        if fd.verdict in ("unsure", "unchecked"):
            picks += [(fd, r) for r in fd.runs[:MAX_RUN_CROPS]]
        elif fd.verdict == "disagree":
            picks += [(fd, r) for r in [r for r in fd.runs if set(r[3]) & set(fd.mapping)][:MAX_RUN_CROPS]]
    votes: dict[str, dict[str, dict[str, int]]] = {}
    for fd, decoded, read, conf in _read_runs(pdf, picks, timeout) if picks else []:
        if conf < (SURE_CONF if fd.verdict == "disagree" else MIN_CONF) or len(read) != len(decoded):
            continue
        for d, r in zip(decoded, read, strict=True):
            by = votes.setdefault(fd.name, {}).setdefault(d, {})
            by[r] = by.get(r, 0) + 1
    for name, by_digit in votes.items():
        fd = fonts[name]
        if fd.verdict == "disagree":  # the page must not contradict the glyphs' reading
            fd.ambiguous |= {d for d, rs in by_digit.items() if sum(rs.values()) - rs.get(fd.read.get(d, d), 0) >= max(1, rs.get(fd.read.get(d, d), 0))}
            continue
        fd.ambiguous |= {d for d, rs in by_digit.items() if len(rs) > 1}
        seen = {d: max(rs, key=lambda r: rs[r]) for d, rs in by_digit.items()}
        fd.read = seen
        fd.mapping = {d: r for d, r in seen.items() if d != r}
        fd.verdict = "disagree" if fd.mapping else ("agree" if set(seen) >= fd.digits else "unsure")


# ---------------------------------------------------------------- putting the text right

def correct_pages(pdf: pdfium.PdfDocument, pages: dict[int, list[TextLine]],
                  fonts: dict[str, FontDigits]) -> dict[int, tuple[int, int, set[str]]]:
    """Translate the digit runs of suspect fonts on these pages; (runs fixed, runs left in
    doubt, the fonts concerned) per page index."""
    suspect = {fd.name: fd for fd in fonts.values() if fd.verdict == "disagree"}
    out: dict[int, tuple[int, int, set[str]]] = {}
    for i, lines in list(pages.items())[:MAX_FIX_PAGES]:
        page = pdf[i]
        textpage = page.get_textpage()
        try:
            height = page.get_height()
            text = textpage.get_text_range()
            handles: dict[int, str] = {}
            runs: list[tuple[str, tuple[float, float, float, float] | None, FontDigits | None]] = []
            for m in _DIGIT_RUN.finditer(text):
                obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, m.start())
                font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
                addr = ctypes.cast(font, ctypes.c_void_p).value or 0 if font else 0
                name = handles.get(addr) if addr else None
                if addr and name is None:
                    name = handles[addr] = font_name(font)
                if name in suspect:
                    runs.append((m.group(), run_box(textpage, m.start(), m.end(), height), suspect[name]))
        finally:
            textpage.close()
            page.close()
        if runs:
            out[i] = (*_rewrite(lines, runs), {fd.name for _r, _b, fd in runs if fd is not None})
    return out


def _rewrite(lines: list[TextLine], runs: list[tuple[str, tuple[float, float, float, float] | None, FontDigits | None]]) -> tuple[int, int]:
    """Replace each decoded run by the digits its glyphs show, in the line that holds it: the
    first whole digit run of the line with that text not replaced already."""
    fixed = doubtful = 0
    guarded: dict[int, list[tuple[int, int]]] = {}  # id(line) -> spans already put right
    for decoded, box, fd in runs:
        assert fd is not None
        line = _line_at(lines, box)
        if line is None:
            doubtful += 1
            continue
        spans = guarded.setdefault(id(line), [])
        hit = next((m for m in re.finditer(f"(?<![0-9\u0660-\u0669\u06f0-\u06f9]){re.escape(decoded)}(?![0-9\u0660-\u0669\u06f0-\u06f9])", line.text)
                    if not any(a < m.end() and m.start() < b for a, b in spans)), None)
        # an invisible OCR layer over a scan errs word by word, not by a font's permutation:
        # its disagreeing runs are flagged, never translated
        if hit is None or fd.invisible or any(d not in fd.read or d in fd.ambiguous for d in decoded):
            line.doubt = confidence.DIGITS
            doubtful += 1
            continue
        printed = "".join(_in_family(fd.mapping.get(d, d), d) for d in decoded)
        line.text = line.text[: hit.start()] + printed + line.text[hit.end():]
        delta = len(printed) - len(decoded)
        guarded[id(line)] = [(a + delta if a >= hit.end() else a, b + delta if b >= hit.end() else b) for a, b in spans]
        guarded[id(line)].append((hit.start(), hit.start() + len(printed)))
        fixed += 1
    return fixed, doubtful


def _in_family(digit: str, like: str) -> str:
    """``digit`` written in the digit family of ``like`` (the text keeps its own digits)."""
    return fold(digit, next((s for s in DIGIT_SETS if like in s), DIGIT_SETS[0]))


def _line_at(lines: list[TextLine], box: tuple[float, float, float, float] | None) -> TextLine | None:
    if box is None:
        return None
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    best, dist = None, float("inf")
    for ln in lines:
        if ln.x0 - 2 <= cx <= ln.x1 + 2 and ln.top - 2 <= cy <= ln.bottom + 2:
            d = abs((ln.top + ln.bottom) / 2 - cy)
            if d < dist:
                best, dist = ln, d
    return best


def cross_check(pdf: pdfium.PdfDocument, out: list[list[TextLine]], reports: list[PageReport | None], timeout: float,
                kept: KeptPages | None = None) -> list[str]:
    """Check the digits of the text-layer pages of a document and put them right where a font
    decodes them wrong; the pages' reports say so. Returns notes for the document. ``kept``: text
    pages the ingester left open (:mod:`transform.ingest.pdf_kept`)."""
    pages = {i: lines for i, lines in enumerate(out) if reports[i] is not None and reports[i].method == "text" and has_digits(lines)}  # type: ignore[union-attr]
    if not pages:
        return []
    fonts = collect_fonts(pdf, sample_pages(pages), kept=kept)
    try:
        judge_fonts(fonts, timeout)
        check_runs_on_page(pdf, fonts, timeout)
        if not any(fd.verdict == "disagree" for fd in fonts.values()):
            return []
        # the sample found a font that decodes digits wrong: every page is opened for it
        fonts = collect_fonts(pdf, list(pages), kept=kept)
        judge_fonts(fonts, timeout)
        check_runs_on_page(pdf, fonts, timeout)
    except ToolError as exc:
        return [f"digits not checked: {exc}"]
    results = correct_pages(pdf, pages, fonts)
    for i, (fixed, doubtful, names) in results.items():
        rep = reports[i]
        if rep is None:
            continue
        what = "; ".join(describe(fonts[n]) for n in sorted(names))
        note = f"; digits read from the printed glyphs: {fixed} number{'s' if fixed != 1 else ''} corrected ({what})"
        if doubtful:
            note += f", {doubtful} {confidence.DIGITS_NOTE}"
        rep.reason += note
    return [f"digits corrected on {len(results)} page(s): " + "; ".join(describe(fd) for fd in fonts.values() if fd.verdict == "disagree")]


def describe(fd: FontDigits) -> str:
    """'NotoSans-Bold prints 2 for the text layer's 0, 7 for 1'."""
    pairs = sorted(fd.mapping.items())
    return f"{fd.name.split('+')[-1]} prints " + ", ".join(
        f"{r} for the text layer's {d}" if n == 0 else f"{r} for {d}" for n, (d, r) in enumerate(pairs))
