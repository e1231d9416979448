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
from . import confidence
from .quality import AGREE, BAD, Quality, agreement, assess, langs_of
from .render import (
    BLANK_INK,
    ENLARGE_BELOW,
    LOW_SCAN_DPI,
    PageImage,
    RenderError,
    check_render,
    image_cover,
    ink_share,
    preprocess,
    render_page,
    render_scan,
    scan_dpi,
    too_large,
)
from .scans import covers_ink, drop_overlays, sparse
from .sizes import snap_sizes
from .tesseract import TESS_LANG, installed_langs, ocr_image, tess_langs

if TYPE_CHECKING:
    from ..context import RunContext
    from ..ingest.base import TextLine

log = logging.getLogger("transform.ocr")
SAMPLE_DPI = 200  # resolution of the quick OCR sample that settles borderline pages
SAMPLE_LINES = 8  # text-layer lines compared with the sample
MIN_OCR_CONF = 60.0  # mean tesseract word confidence under which a page is not readable
SURE_OCR_CONF = 70.0  # below this, OCR text that also fails the word-list score is not readable
PAGE_TIMEOUT_CAP = 300.0  # seconds for one page at most, whatever the run's timeout
SCAN_COVER = 0.5  # images covering at least this share of the page make it a scan
OVERLAY = "the text layer"
MIN_MORE_WORDS = 10  # OCR of a page whose short layer is an overlay must find at least this many more words


def workers() -> int:
    """OCR pages run in parallel on at most two cores (the project's target machine)."""
    return max(1, min(2, os.cpu_count() or 1))


def unreadable(page: int, reason: str, langs: list[str] | None = None, score: float | None = None) -> PageReport:
    return PageReport(page=page, method="unreadable", reason=reason, score=score, langs=langs or [])


def ocr_langs(q: Quality | None) -> list[str]:
    """OCR languages for a page, from the scripts its text layer shows: both models always (a
    French page can hold an Arabic name, and the reverse), the dominant script first, since
    tesseract takes the reading direction of its layout from the first language (with
    ``ara+fra`` a French table is read column by column from the right). French first only for
    a layer that is not garbage and shows no Arabic letter at all; otherwise (Arabic seen, no
    layer, a rejected layer whose letters mean nothing) Arabic first."""
    if q is not None and q.verdict in ("good", "borderline") and q.langs == ["fr"] and not q.signals.get("ar_letters"):
        return ["fr", "ar"]
    return ["ar", "fr"]


def _low_dpi_hint(dpi: float | None) -> str:
    if dpi is not None and dpi < LOW_SCAN_DPI:
        return f"; the page was scanned at about {dpi:.0f} dpi: rescan it at 300 dpi"
    return ""


def ocr_page(pimg: PageImage, langs: list[str], *, timeout: float, scanned: bool, why: str,
             scan_dpi: float | None = None) -> tuple[list[TextLine], PageReport]:
    """Blank check, preprocessing, tesseract, and a verdict on what came back. Thread-safe."""
    page = pimg.page
    if ink_share(pimg.image) < BLANK_INK:
        return [], unreadable(page, "blank page: nothing to read")
    models = _models()
    use = [lang for lang in langs if lang not in TESS_LANG or TESS_LANG[lang] in models]
    if not use:
        missing = [TESS_LANG[lang] for lang in langs if lang in TESS_LANG]
        return [], unreadable(page, f"no OCR model installed for {', '.join(missing)}; install tesseract-ocr-{missing[0]}", langs)
    codes = tess_langs(use)
    try:
        result = ocr_image(preprocess(pimg, scanned=scanned), codes, timeout=timeout)
    except ToolError as exc:
        return [], unreadable(page, f"OCR failed: {exc}", langs)
    text = "\n".join(ln.text for ln in result.lines)
    if not result.lines:
        return [], unreadable(page, f"OCR found no text (blank, too faint or not a text page){_low_dpi_hint(scan_dpi)}", langs)
    q = assess(text)
    found = langs_of(text) or langs
    if result.confidence < MIN_OCR_CONF or (q.score < BAD and result.confidence < SURE_OCR_CONF):
        return [], unreadable(
            page,
            f"OCR could not read this page reliably as Arabic or French (confidence {result.confidence:.0f}%, "
            f"{q.signals.get('ar_hit', 0) * 100:.0f}%/{q.signals.get('fr_hit', 0) * 100:.0f}% known words): "
            f"an unsupported script or a very poor scan{_low_dpi_hint(scan_dpi)}",
            found, q.score,
        )
    for ln in result.lines:
        ln.confidence, ln.doubt = confidence.from_ocr(result.line_conf.get(id(ln), result.confidence))
    doubtful = sum(1 for ln in result.lines if ln.doubt)
    reason = (f"{why}; OCR ({codes}, {result.words} words, confidence {result.confidence:.0f}%"
              f"{f', {doubtful} of {len(result.lines)} lines unsure' if doubtful else ''})")
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
    try:
        pimg = render_page(pdf, index, SAMPLE_DPI)
    except RenderError:
        return 0.0
    k = pimg.dpi / 72.0
    x0 = max(0, int(min(ln.x0 for ln in picked) * k) - 10)
    y0 = max(0, int(min(ln.top for ln in picked) * k) - 10)
    x1 = min(pimg.image.width, int(max(ln.x1 for ln in picked) * k) + 10)
    y1 = min(pimg.image.height, int(max(ln.bottom for ln in picked) * k) + 10)
    if x1 - x0 < 10 or y1 - y0 < 10:
        return 0.0
    crop = PageImage(pimg.image.crop((x0, y0, x1, y1)), pimg.dpi, pimg.page, pimg.width_pt, pimg.height_pt)
    try:
        res = ocr_image(crop, tess_langs(langs), timeout=timeout, psm=6)
    except ToolError:
        return 0.0
    return agreement("\n".join(ln.text for ln in picked), "\n".join(ln.text for ln in res.lines))


def _keep_text(page: int, lines: list[TextLine], q: Quality, why: str, agree: float | None = None) -> PageReport:
    conf, doubt = confidence.from_text_layer(q.score, agree)
    confidence.mark_lines(lines, conf, doubt)
    return PageReport(page=page, method="text", reason=why, score=q.score, langs=q.langs)


def _never(path: Path, text_pages: list[list[TextLine]], qualities: list[Quality]) -> list[PageReport]:
    """``ocr=never``: text layers are used as they are; a layer judged broken stops the run."""
    broken = [(i + 1, q) for i, q in enumerate(qualities) if q.verdict == "bad"]
    if broken:
        pages = ", ".join(str(p) for p, _ in broken[:10]) + ("..." if len(broken) > 10 else "")
        raise InputError(
            f"{path.name}: the text layer of page{'s' if len(broken) > 1 else ''} {pages} is broken "
            f"({broken[0][1].reason}), and OCR is off (ocr=never), so the text cannot be read right.",
            hint="Convert it again with OCR allowed (ocr=auto, or --ocr auto on the command line).",
        )
    reports = []
    for i, q in enumerate(qualities):
        if q.verdict == "empty":
            reports.append(unreadable(i + 1, "no text layer on this page, and OCR is off (ocr=never)"))
        elif q.verdict == "good":
            reports.append(_keep_text(i + 1, text_pages[i], q, "text layer used (OCR is off)"))
        else:
            reports.append(_keep_text(i + 1, text_pages[i], q, f"text layer used although it looks wrong ({q.reason}); OCR is off (ocr=never)"))
    return reports


def _decide(pdf: pdfium.PdfDocument, i: int, lines: list[TextLine], q: Quality, mode: str, can_ocr: bool,
            timeout: float) -> tuple[PageReport | None, str]:
    """Keep the text layer (a report) or send the page to OCR (None and why: a reason starting
    with OVERLAY means the layer is only an overlay on a page image)."""
    if mode == "always":
        return None, "OCR requested for every page (ocr=always)"
    if q.verdict == "empty":
        try:
            if image_cover(pdf[i]) > 0 or ink_share(check_render(pdf, i).image) >= BLANK_INK:
                return None, "no text layer, the page is an image"
        except RenderError as exc:
            return unreadable(i + 1, f"no text layer, and {exc}"), ""
        return unreadable(i + 1, "blank page: no text layer and nothing drawn"), ""
    if q.verdict in ("good", "borderline") and sparse(lines, q):
        # a few words over a page image: a phone-scanner banner, a stamp, a partial OCR layer
        page = pdf[i]
        if image_cover(page) >= SCAN_COVER:
            covered = covers_ink(pdf, i, lines)
            if covered is not None and covered < 0.5:
                return None, (f"{OVERLAY} ({int(q.signals.get('words', 0))} words) covers only {covered:.0%} of what "
                              "the page image shows (a scan with a banner, a stamp or a partial text layer)")
    if q.verdict == "good":
        return _keep_text(i + 1, lines, q, f"text layer looks sound (score {q.score:.2f})"), ""
    if q.verdict == "borderline" and can_ocr:
        agree = _sample_agrees(pdf, i, lines, ocr_langs(q), timeout)
        if agree >= AGREE:
            return _keep_text(i + 1, lines, q, f"borderline score {q.score:.2f} ({q.reason}) but an OCR sample agrees ({agree:.2f})", agree), ""
        return None, f"text layer score {q.score:.2f} ({q.reason}) and an OCR sample disagrees ({agree:.2f})"
    return None, f"text layer rejected, score {q.score:.2f}: {q.reason}"


def read_pages(pdf_path: Path, text_pages: list[list[TextLine]], ctx: RunContext) -> tuple[list[list[TextLine]], list[PageReport]]:
    """Judge each page's text layer and OCR the pages that need it (see docs/ocr.md)."""
    mode = ctx.options.ocr
    timeout = min(ctx.options.timeout_s, PAGE_TIMEOUT_CAP)
    out: list[list[TextLine]] = [list(p) for p in text_pages]
    qualities = [assess("\n".join(ln.text for ln in lines)) for lines in text_pages]
    if mode == "never":
        return out, _never(pdf_path, out, qualities)

    reports: list[PageReport | None] = [None] * len(text_pages)
    todo: list[tuple[int, list[str], str]] = []  # (index, langs, why)
    kept = {i: (lines, q) for i, (lines, q) in enumerate(zip(out, qualities, strict=True)) if q.verdict in ("good", "borderline")}
    overlays: dict[int, list[TextLine]] = {}
    heights: dict[int, float] = {}
    try:
        pdf = pdfium.PdfDocument(str(pdf_path))
    except pdfium.PdfiumError as exc:
        raise InputError(f"{pdf_path.name}: the PDF cannot be opened for OCR ({exc}).") from None
    try:
        try:
            TESSERACT.require()
            can_ocr = True
        except MissingDependencyError:
            if mode == "always":  # OCR was asked for explicitly: say what is missing
                raise
            can_ocr = False
        for i, q in enumerate(qualities):
            report, why = _decide(pdf, i, out[i], q, mode, can_ocr, timeout)
            if report is not None:
                reports[i] = report
            elif why.startswith(OVERLAY):  # the layer's scripts say nothing about the page
                overlays[i] = out[i]
                todo.append((i, ocr_langs(None), why))
            else:
                todo.append((i, ocr_langs(q), why))
        if todo and not can_ocr:
            ctx.warn("ingest.ocr", "tesseract is not installed: pages that need OCR keep their text layer or are skipped",
                     engine="tesseract")
            for i, _langs, why in todo:
                q = qualities[i]
                reports[i] = (unreadable(i + 1, f"{why}; OCR is not installed") if q.verdict == "empty"
                              else _keep_text(i + 1, out[i], q, f"{why}; kept because OCR is not installed"))
            todo = []
            log.warning("OCR unavailable for %s", pdf_path.name)
        _run_ocr(pdf, todo, out, reports, timeout)
        heights = {i: pdf[i].get_height() for i in overlays}
    finally:
        pdf.close()
    _settle(todo, out, reports, kept, overlays, heights)
    final = [r if r is not None else unreadable(n + 1, "not processed") for n, r in enumerate(reports)]
    if final and not any(ln.text.strip() for lines in out for ln in lines):
        raise InputError(f"{pdf_path.name}: no readable text was found in the PDF, not even with OCR ({_why_nothing(final)}).",
                         hint="Check the scan quality (at least 300 dpi, straight pages, good contrast) and send it again.")
    return out, final


def _settle(todo: list[tuple[int, list[str], str]], out: list[list[TextLine]], reports: list[PageReport | None],
            kept: dict[int, tuple[list[TextLine], Quality]], overlays: dict[int, list[TextLine]], heights: dict[int, float]) -> None:
    """After OCR: drop what only re-read an app's banner, and fall back to a usable text layer
    where OCR read nothing better (a photo with its caption, a page tesseract cannot read)."""
    for i, layer in overlays.items():
        rep = reports[i]
        if rep is None or rep.method != "ocr":
            continue
        out[i] = drop_overlays(out[i], layer, heights[i])
        if len(" ".join(ln.text for ln in out[i]).split()) < len(" ".join(ln.text for ln in layer).split()) + MIN_MORE_WORDS:
            out[i] = []
            reports[i] = unreadable(i + 1, f"OCR of the page image found no more text than the layer ({rep.reason})")
    for i, _langs, why in todo:
        rep = reports[i]
        if rep is not None and rep.method == "unreadable" and i in kept:
            lines, q = kept[i]
            out[i] = list(lines)
            reports[i] = _keep_text(i + 1, out[i], q, f"{why}, but OCR could not read the page ({rep.reason}): text layer kept")


def _why_nothing(reports: list[PageReport]) -> str:
    """The pages' reasons, identical ones grouped: 'pages 1-3: blank page; page 4: ...'."""
    groups: dict[str, list[int]] = {}
    for r in reports:
        groups.setdefault(r.reason, []).append(r.page)
    parts = []
    for reason, pages in list(groups.items())[:4]:
        span = str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}" if pages[-1] - pages[0] == len(pages) - 1 else ", ".join(map(str, pages[:6]))
        parts.append(f"page{'s' if len(pages) > 1 else ''} {span}: {reason}")
    return "; ".join(parts) + ("; ..." if len(groups) > 4 else "")


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
            out[i] = []
            big = too_large(*page.get_size())
            if big:
                reports[i] = unreadable(i + 1, big, langs)
                continue
            dpi = scan_dpi(page)
            scanned = dpi is not None and image_cover(page) >= SCAN_COVER
            try:
                pimg = render_scan(pdf, i, dpi) if scanned and dpi is not None and dpi < ENLARGE_BELOW else render_page(pdf, i)
            except RenderError as exc:
                reports[i] = unreadable(i + 1, str(exc), langs)
                continue
            if len(pending) >= limit:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                collect(done)
            pending[pool.submit(ocr_page, pimg, langs, timeout=timeout, scanned=scanned, why=why,
                                scan_dpi=dpi if scanned else None)] = i
        collect(set(pending))
    snap_sizes([ln for i, _langs, _why in todo for ln in out[i]])
