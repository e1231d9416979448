"""Rendered vector pages read a second time with thickened strokes, the more confident reading kept.

A page drawn as vectors (a broken text layer, a judgment whose glyphs are outlines) is
binarised before OCR, and a light typeface then reaches tesseract with strokes two or three
pixels wide at 250 dpi: dots merge with their letters or vanish (``النفاذ`` read ``التفاذ``,
``بها`` read ``بما``). The same page with every stroke one pixel thicker on each side (a 3 x 3
minimum filter on the binarised image) read, in plain tesseract runs, 0.80 -> 0.90 and
0.82 -> 0.89 of a Casablanca judgment's words and 0.90 -> 0.92, 0.93 -> 0.98 of the Tangier
council notice's; on pages set in a darker or smaller type (a CESE report, a Bulletin officiel
page) it read a little worse. Tesseract's mean word confidence tells the two apart: it rose
by 1-2 points on three of the four pages the thicker strokes read better and stayed level on
the three they read worse. So each rendered vector page is read again thickened and the
reading kept only when its confidence is higher by at least MARGIN points (this costs a second
tesseract run on such pages, not on scans). A page set in a light face (light_face.py) is read a
third time, thickened, from a larger render, whose known words mend the kept reading's unknown
ones. Scans are left alone: their strokes are the
scanner's, and their OCR is what ``bench/ocr.py`` times against bare tesseract.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from .light_face import LIGHT_DPI, learnt_confusions, light_face, mend, word_counts
from .number_readings import settle_lines
from .render import RenderError, render_page

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..model import PageReport

MARGIN = 0.5  # points of mean word confidence the thickened reading must gain
SURE = 90.0  # a page read with at least this mean word confidence is not read again (clean type:
# the corpus's French pages at 92-94 % gained nothing; it spares ocr=always a second run per page)

OcrPage = Callable[..., "tuple[list[TextLine], PageReport]"]
Used = dict[int, tuple[list[str], bool, "float | None", str]]  # index -> langs, scanned, scan dpi, why


def thicken(img: Image.Image) -> Image.Image:
    """A binarised page with every dark stroke one pixel thicker on each side."""
    return img.filter(ImageFilter.MinFilter(3))


def word_confidence(lines: list[TextLine]) -> float:
    """Mean confidence (0-100) of the words of OCR'd lines, each line weighted by its words."""
    total = words = 0.0
    for ln in lines:
        n = len(ln.text.split())
        if ln.confidence is not None and n:
            total += ln.confidence * 100 * n
            words += n
    return total / words if words else 0.0


def reread_thickened(pdf: pdfium.PdfDocument, pool: ThreadPoolExecutor, used: Used, out: list[list[TextLine]],
                     reports: list[PageReport | None], timeout: float, ocr_page: OcrPage, skip: set[int] | None = None) -> None:
    """Read the rendered vector pages of ``used`` (OCR'd, not scanned, read under SURE confidence)
    again with thickened strokes and keep the more confident reading; ``skip``: pages already
    read again (small print)."""
    futures: dict[Future[tuple[list[TextLine], PageReport]], int] = {}
    larger: dict[int, Future[tuple[list[TextLine], PageReport]]] = {}  # light faces' third reading (light_face.py)
    for i, (langs, scanned, dpi, why) in used.items():
        rep = reports[i]
        if scanned or rep is None or rep.method != "ocr" or not out[i] or (skip and i in skip):
            continue
        if word_confidence(out[i]) >= SURE:
            continue
        try:
            pimg = render_page(pdf, i)
            big = render_page(pdf, i, LIGHT_DPI) if light_face(pimg, out[i]) else None
        except RenderError:
            continue
        futures[pool.submit(ocr_page, pimg, langs, timeout=timeout, scanned=False, why=why, scan_dpi=dpi, thick=True)] = i
        if big is not None:
            larger[i] = pool.submit(ocr_page, big, langs, timeout=timeout, scanned=False, why=why, scan_dpi=dpi, thick=True)
    second: dict[int, list[TextLine]] = {}  # the reading not kept, of each page read again
    for fut, i in futures.items():
        lines, rep = fut.result()
        before, after = word_confidence(out[i]), word_confidence(lines)
        second[i] = out[i] if rep.method == "ocr" and lines and after >= before + MARGIN else lines
        if rep.method == "ocr" and lines and after >= before + MARGIN:
            settle_lines(lines, out[i])  # a date or year the first reading had whole (number_readings.py)
            out[i], reports[i] = lines, rep
            rep.reason += f"; read again with thickened strokes (confidence {after:.0f}% against {before:.0f}%)"
        elif rep.method == "ocr" and lines:
            settle_lines(out[i], lines)  # ... or the thickened one
    seen = word_counts([out[i] for i in used]) if larger else None
    learnt = learnt_confusions([out[i] for i in used]) if larger else None
    for i, fut in larger.items():  # a light face's unknown words, read known from the larger render
        lines, rep = fut.result()
        kept = reports[i]
        if rep.method == "ocr" and lines and seen and kept is not None and (count := mend(out[i], lines, seen, second.get(i), learnt)):
            kept.reason += f"; {count} unknown word{'s' if count > 1 else ''} read again from a {LIGHT_DPI:.0f} dpi render (light face)"
