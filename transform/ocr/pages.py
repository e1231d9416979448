"""The per-page policy: which pages keep their text layer, which are OCR'd, which are unreadable."""

from __future__ import annotations

import logging
import os
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

from .._exec import TESSERACT
from ..errors import InputError, MissingDependencyError, ToolError
from ..model import PageReport
from .quality import AGREE, BAD, Quality, agreement, assess, langs_of
from .render import BLANK_INK, MIN_SCAN_DPI, PageImage, image_cover, ink_share, preprocess, render_page, scan_dpi
from .sizes import snap_sizes
from .tesseract import TESS_LANG, installed_langs, ocr_image, tess_langs

if TYPE_CHECKING:
    from ..context import RunContext
    from ..ingest.base import TextLine

log = logging.getLogger("transform.ocr")
SAMPLE_DPI = 200  # resolution of the quick OCR sample that settles borderline pages
SAMPLE_LINES = 8  # text-layer lines compared with the sample
MIN_OCR_CONF = 40.0  # mean tesseract word confidence under which a page is not readable
SURE_OCR_CONF = 70.0  # below this, OCR text that also fails the word-list score is not readable
PAGE_TIMEOUT_CAP = 300.0  # seconds for one page at most, whatever the run's timeout


def workers() -> int:
    """OCR pages run in parallel on at most two cores (the project's target machine)."""
    return max(1, min(2, os.cpu_count() or 1))


def unreadable(page: int, reason: str, langs: list[str] | None = None, score: float | None = None) -> PageReport:
    return PageReport(page=page, method="unreadable", reason=reason, score=score, langs=langs or [])


def ocr_page(pimg: PageImage, langs: list[str], *, timeout: float, scanned: bool, why: str) -> tuple[list[TextLine], PageReport]:
    """Blank check, preprocessing, tesseract, and a verdict on what came back. Thread-safe."""
    page = pimg.page
    if ink_share(pimg.image) < BLANK_INK:
        return [], unreadable(page, "blank page: nothing to read")
    missing = [TESS_LANG[lang] for lang in langs if lang in TESS_LANG and TESS_LANG[lang] not in _models()]
    if missing:
        return [], unreadable(page, f"no OCR model installed for {', '.join(missing)}; install tesseract-ocr-{missing[0]}", langs)
    codes = tess_langs(langs)
    try:
        result = ocr_image(preprocess(pimg, scanned=scanned), codes, timeout=timeout)
    except ToolError as exc:
        return [], unreadable(page, f"OCR failed: {exc}", langs)
    text = "\n".join(ln.text for ln in result.lines)
    if not result.lines:
        return [], unreadable(page, "OCR found no text (blank, too faint or not a text page)", langs)
    q = assess(text)
    found = langs_of(text) or langs
    if result.confidence < MIN_OCR_CONF or (q.score < BAD and result.confidence < SURE_OCR_CONF):
        return [], unreadable(
            page,
            f"OCR could not read this page as Arabic or French (confidence {result.confidence:.0f}%, "
            f"{q.signals.get('ar_hit', 0) * 100:.0f}%/{q.signals.get('fr_hit', 0) * 100:.0f}% known words): "
            "an unsupported script or a very poor scan",
            found, q.score,
        )
    reason = f"{why}; OCR ({codes}, {result.words} words, confidence {result.confidence:.0f}%)"
    return result.lines, PageReport(page=page, method="ocr", reason=reason, score=q.score, langs=found)


_MODELS: set[str] | None = None


def _models() -> set[str]:
    global _MODELS  # noqa: PLW0603 - a per-process cache of `tesseract --list-langs`
    if _MODELS is None:
        _MODELS = installed_langs()
    return _MODELS


def _sample_agrees(pdf: pdfium.PdfDocument, index: int, lines: list[TextLine], langs: list[str], timeout: float) -> float:
    """OCR the region of the first text-layer lines and compare it with their text."""
    picked = [ln for ln in lines if ln.text.strip()][:SAMPLE_LINES]
    if not picked:
        return 0.0
    pimg = render_page(pdf, index, SAMPLE_DPI)
    k = SAMPLE_DPI / 72.0
    x0 = max(0, int(min(ln.x0 for ln in picked) * k) - 10)
    y0 = max(0, int(min(ln.top for ln in picked) * k) - 10)
    x1 = min(pimg.image.width, int(max(ln.x1 for ln in picked) * k) + 10)
    y1 = min(pimg.image.height, int(max(ln.bottom for ln in picked) * k) + 10)
    if x1 - x0 < 10 or y1 - y0 < 10:
        return 0.0
    crop = PageImage(pimg.image.crop((x0, y0, x1, y1)), SAMPLE_DPI, pimg.page, pimg.width_pt, pimg.height_pt)
    try:
        res = ocr_image(crop, tess_langs(langs), timeout=timeout, psm=6)
    except ToolError:
        return 0.0
    return agreement("\n".join(ln.text for ln in picked), "\n".join(ln.text for ln in res.lines))


def _report_text(page: int, q: Quality, why: str) -> PageReport:
    return PageReport(page=page, method="text", reason=why, score=q.score, langs=q.langs)


def read_pages(pdf_path: Path, text_pages: list[list[TextLine]], ctx: RunContext) -> tuple[list[list[TextLine]], list[PageReport]]:
    """Judge each page's text layer and OCR the pages that need it (see docs/ocr.md)."""
    mode = ctx.options.ocr
    timeout = min(ctx.options.timeout_s, PAGE_TIMEOUT_CAP)
    out: list[list[TextLine]] = [list(p) for p in text_pages]
    reports: list[PageReport | None] = [None] * len(text_pages)
    todo: list[tuple[int, list[str], str]] = []  # (index, langs, why)
    qualities = [assess("\n".join(ln.text for ln in lines)) for lines in text_pages]

    if mode == "never":
        for i, q in enumerate(qualities):
            if q.verdict == "empty":
                reports[i] = unreadable(i + 1, "no text layer on this page, and OCR is off (ocr=never)")
            elif q.verdict == "good":
                reports[i] = _report_text(i + 1, q, "text layer used (OCR is off)")
            else:
                reports[i] = _report_text(i + 1, q, f"text layer used although it looks wrong ({q.reason}); OCR is off (ocr=never)")
        return out, [r for r in reports if r is not None]

    try:
        pdf = pdfium.PdfDocument(str(pdf_path))
    except pdfium.PdfiumError as exc:
        raise InputError(f"{pdf_path.name}: the PDF cannot be opened for OCR ({exc}).") from None
    ocr_ok = True
    try:
        try:
            TESSERACT.require()
            tesseract_missing = False
        except MissingDependencyError:
            if mode == "always":  # OCR was asked for explicitly: say what is missing
                raise
            tesseract_missing = True
        for i, q in enumerate(qualities):
            if mode == "always":
                todo.append((i, q.langs, "OCR requested for every page (ocr=always)"))
            elif q.verdict == "good":
                reports[i] = _report_text(i + 1, q, f"text layer looks sound (score {q.score:.2f})")
            elif q.verdict == "empty":
                if image_cover(pdf[i]) > 0 or ink_share(render_page(pdf, i, 36).image) >= BLANK_INK:
                    todo.append((i, q.langs, "no text layer, the page is an image"))
                else:
                    reports[i] = unreadable(i + 1, "blank page: no text layer and nothing drawn")
            elif q.verdict == "borderline" and not tesseract_missing:
                agree = _sample_agrees(pdf, i, text_pages[i], q.langs, timeout)
                if agree >= AGREE:
                    reports[i] = _report_text(i + 1, q, f"borderline score {q.score:.2f} ({q.reason}) but an OCR sample agrees ({agree:.2f})")
                else:
                    todo.append((i, q.langs, f"text layer score {q.score:.2f} ({q.reason}) and an OCR sample disagrees ({agree:.2f})"))
            else:
                todo.append((i, q.langs, f"text layer rejected, score {q.score:.2f}: {q.reason}"))
        if todo and tesseract_missing:
            ocr_ok = False
            ctx.warn("ingest.ocr", "tesseract is not installed: pages that need OCR keep their text layer or are skipped",
                     engine="tesseract")
            for i, _langs, why in todo:
                q = qualities[i]
                reports[i] = (unreadable(i + 1, f"{why}; OCR is not installed") if q.verdict == "empty"
                              else _report_text(i + 1, q, f"{why}; kept because OCR is not installed"))
            todo = []
        _run_ocr(pdf, todo, out, reports, timeout)
    finally:
        pdf.close()
    if not ocr_ok:
        log.warning("OCR unavailable for %s", pdf_path.name)
    return out, [r if r is not None else unreadable(n + 1, "not processed") for n, r in enumerate(reports)]


def _run_ocr(pdf: pdfium.PdfDocument, todo: list[tuple[int, list[str], str]], out: list[list[TextLine]],
             reports: list[PageReport | None], timeout: float) -> None:
    """Render pages here (pdfium is single-threaded) and OCR them on the worker threads."""
    if not todo:
        return
    pending: dict[Future[tuple[list[TextLine], PageReport]], int] = {}
    limit = 2 * workers()  # bounded look-ahead: at most this many rendered pages in memory

    def collect(done: set[Future[tuple[list[TextLine], PageReport]]]) -> None:
        for fut in done:
            idx = pending.pop(fut)
            lines, rep = fut.result()
            out[idx], reports[idx] = lines, rep

    with ThreadPoolExecutor(max_workers=workers(), thread_name_prefix="ocr") as pool:
        for i, langs, why in todo:
            page = pdf[i]
            dpi = scan_dpi(page)
            scanned = dpi is not None and image_cover(page) > 0.5
            if scanned and dpi is not None and dpi < MIN_SCAN_DPI:
                reports[i] = unreadable(i + 1, f"scanned at about {dpi:.0f} dpi, too low to read (at least {MIN_SCAN_DPI} dpi needed; "
                                               "rescan at 300 dpi)", langs)
                out[i] = []
                continue
            pimg = render_page(pdf, i)
            if len(pending) >= limit:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                collect(done)
            pending[pool.submit(ocr_page, pimg, langs, timeout=timeout, scanned=scanned, why=why)] = i
        collect(set(pending))
    snap_sizes([ln for i, _langs, _why in todo for ln in out[i]])
