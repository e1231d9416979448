"""Pages of small print read again at a higher resolution (split from :mod:`transform.ocr.pages`; ``read`` is its
``ocr_page``)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

from .number_readings import settle_lines
from .render import OCR_DPI, RenderError, render_page

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..model import PageReport

SMALL_PRINT_PX = 26.0  # OCR'd lines lower than this (pixels at OCR_DPI) are small print...
READ_PRINT_PX = 36.0  # ...read again at the resolution that makes them about this high
MAX_PRINT_DPI = 400.0


def reread_small_print(pdf: pdfium.PdfDocument, pool: ThreadPoolExecutor, used: dict[int, tuple[list[str], bool, float | None, str]],
                       out: list[list[TextLine]], reports: list[PageReport | None], timeout: float,
                       read: Callable[..., tuple[list[TextLine], PageReport]]) -> set[int]:
    """Pages of small print (OCR'd lines under SMALL_PRINT_PX pixels high at the OCR resolution)
    are rendered again so that their lines reach about READ_PRINT_PX, and read again; the
    reading with more words wins, at a confidence no more than 2 points lower. A 6 pt
    two-column motion read 0.79 of its words at 250 dpi, 0.99 at 350 dpi. Returns the pages read again."""
    futures = {}
    for i, (langs, scanned, dpi, why) in used.items():
        rep = reports[i]
        heights = sorted(ln.bottom - ln.top for ln in out[i] if len(ln.text) > 20)
        if rep is None or rep.method != "ocr" or len(heights) < 5:
            continue
        px = heights[len(heights) // 2] * OCR_DPI / 72.0
        if px >= SMALL_PRINT_PX:
            continue
        try:
            pimg = render_page(pdf, i, min(MAX_PRINT_DPI, OCR_DPI * READ_PRINT_PX / px))
        except RenderError:
            continue
        futures[pool.submit(read, pimg, langs, timeout=timeout, scanned=scanned, why=why, scan_dpi=dpi)] = (i, pimg.dpi)
    for fut, (i, at) in futures.items():
        lines, rep = fut.result()
        old = reports[i]
        if rep.method == "ocr" and old is not None and len(lines) and _words(lines) > _words(out[i]) and \
                _conf(lines) >= _conf(out[i]) - 0.02:
            settle_lines(lines, out[i])  # a date or year the first reading had whole (number_readings.py)
            out[i], reports[i] = lines, rep
            rep.reason += f"; small print read again at {at:.0f} dpi"
        elif rep.method == "ocr" and lines:
            settle_lines(out[i], lines)
    return {i for i, _at in futures.values()}


def _words(lines: list[TextLine]) -> int:
    return sum(len(ln.text.split()) for ln in lines)


def _conf(lines: list[TextLine]) -> float:
    rated = [ln.confidence for ln in lines if ln.confidence is not None]
    return sum(rated) / len(rated) if rated else 0.0

