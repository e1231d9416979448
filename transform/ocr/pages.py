"""The per-page policy: which pages keep their text layer, which are OCR'd, which are unreadable.

``read_pages`` judges every page (decide.py), OCRs those that need it (``_run_ocr``: rendered here,
read on worker threads) and settles what each keeps (settle.py). ``ocr_page`` reads one page as a
list of steps: blank and models checks, the image prepared, tesseract (``_read``), the unreadable
verdicts, then the passes over the reading (page_passes.py) and the page's report."""

from __future__ import annotations

import logging
import os
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

from .._exec import TESSERACT
from ..errors import InputError, MissingDependencyError, ToolError
from ..ingest.crop_frame import page_offset
from ..model import PageReport
from . import page_passes as passes
from .decide import (  # noqa: F401 - named here by tests and bench/ocr_borderline.py
    OVERLAY,
    SAMPLE_DPI,
    SCAN_COVER,
    _decide,
    _keep_text,
    _never,
    _ruled,
    _sample_agrees,
    clean_layer,
    ocr_langs,
    unreadable,
)
from .digits import cross_check
from .fills import mark_fills
from .foreign_vouch import vouch
from .noise import NOISE_CONF  # noqa: F401 - named here by tests
from .noise import noise as _noise  # noqa: F401 - named here by tests
from .numbers import COARSE_DPI, NUMBERS_DPI
from .order import _other_order
from .orientation import sideways
from .page_passes import PageRun, Tally
from .quality import BAD, GOOD, assess, langs_of
from .render import (
    BLANK_INK,
    ENLARGE_BELOW,
    LOW_SCAN_DPI,
    PageImage,
    RenderError,
    image_cover,
    ink_share,
    preprocess,
    render_page,
    render_scan,
    scan_resolution,
    too_large,
    with_stamps,
)
from .settle import settle as _settle  # the old name, named here by tests too
from .settle import why_nothing as _why_nothing
from .sizes import snap_sizes
from .small_print import reread_small_print
from .stamp_dates import settle_document as settle_stamped
from .strokes import reread_thickened, thicken
from .tesseract import (
    _AR,
    _LAT,
    DOMINANT,
    SCRIPT_MODEL,
    TESS_LANG,
    installed_langs,
    ocr_image,
    script_langs,
    tess_langs,
)

if TYPE_CHECKING:
    from ..context import RunContext
    from ..ingest.base import TextLine
    from ..ingest.pdf_kept import KeptPages
    from .tesseract import OcrResult

log = logging.getLogger("transform.ocr")
FLOOR_OCR_CONF = 40.0  # mean tesseract word confidence under which a page is not readable
MIN_OCR_CONF = 60.0  # ...nor under this unless its words are sound (text-layer score >= GOOD)
SURE_OCR_CONF = 70.0  # below this, OCR text that also fails the word-list score is not readable
MOSTLY_UNSURE = 0.5  # ...and below it too, a page with more than this share of its lines unsure
ORDER_MARGIN = 3.0  # a page read again in its script's order keeps that reading unless this much less confident
PAGE_TIMEOUT_CAP = 300.0  # seconds for one page at most, whatever the run's timeout


def workers() -> int:
    """OCR pages run in parallel on at most two cores (the project's target machine)."""
    return max(1, min(2, os.cpu_count() or 1))



def script_order(ar_letters: float, latin_letters: float) -> list[str] | None:
    """["fr", "ar"] or ["ar", "fr"] when one script clearly leads (DOMINANT of the letters of a
    text of at least 200 letters), French first only when it does, None when too little is known."""
    total = ar_letters + latin_letters
    if total < 200:
        return None
    return ["fr", "ar"] if latin_letters >= DOMINANT * total else ["ar", "fr"]


def _low_dpi_hint(dpi: float | None) -> str:
    if dpi is not None and dpi < LOW_SCAN_DPI:
        return f"; the page was scanned at about {dpi:.0f} dpi: rescan it at 300 dpi"
    return ""


def ocr_page(pimg: PageImage, langs: list[str], *, timeout: float, scanned: bool, why: str,
             scan_dpi: float | None = None, thick: bool = False, turn: bool = True) -> tuple[list[TextLine], PageReport]:
    """Blank check, preprocessing, tesseract, a verdict on what came back, the passes over the
    reading (page_passes.py), and the page's report. Thread-safe.

    ``langs`` is a guess (dominant script first); when the page turns out to be written in the
    other script, it is read again in that order and the more confident reading kept.
    ``thick``: a rendered vector page's strokes are thickened after binarising (strokes.py).
    ``turn``: a page judged unreadable is asked whether it was scanned turned (orientation.py).
    """
    page = pimg.page
    if ink_share(pimg.image) < BLANK_INK:
        return [], unreadable(page, "blank page: nothing to read")
    models = _models()
    use = [lang for lang in langs if lang not in TESS_LANG or TESS_LANG[lang] in models]
    if not use:
        missing = [TESS_LANG[lang] for lang in langs if lang in TESS_LANG]
        return [], unreadable(page, f"no OCR model installed for {', '.join(missing)}; install tesseract-ocr-{missing[0]}", langs)
    image = _prepared(pimg, scanned=scanned, thick=thick, timeout=timeout, models=models)
    from .leaders import leaders_and_boxes  # numpy: loaded only where a page is OCR'd

    ruled = image  # before its dot leaders are painted over: a dashed table rule looks like one (tables.py)
    image, leaders, fills = leaders_and_boxes(image)
    # the second reader works where ara errs most: coarse scans and rendered vector pages (on
    # 300 dpi scans its extra call cost 0.19 of bench/ocr.py's ratio to bare tesseract)
    second = (scan_dpi is not None and scan_dpi < COARSE_DPI) or not scanned
    script = SCRIPT_MODEL["ara"] if second and SCRIPT_MODEL["ara"] in models else None
    try:
        result, use = _read(image, use, script, timeout)
    except ToolError as exc:
        return [], unreadable(page, f"OCR failed: {exc}", langs)

    seems: list[str] = []  # asked once; why the page seems turned when no turned reading was kept (orientation.py)

    def upright(down: bool = False) -> tuple[list[TextLine], PageReport] | None:
        """The page read again turned upright when it was scanned turned (orientation.py), else None."""
        if not turn or seems:
            return None
        from .orientation import read_turned

        got = read_turned(pimg, ruled, models, timeout, lambda turned: ocr_page(
            turned, langs, timeout=timeout, scanned=scanned, why=why, scan_dpi=scan_dpi, thick=thick, turn=False),
            down, result.confidence)
        seems.append(got.seems)
        return got.reading

    if sideways(result.lines) and (read := upright(down=True)) is not None:  # read down the page: turned a quarter
        return read
    codes = tess_langs(use)
    if not result.lines:
        return [], unreadable(page, f"OCR found no text (blank, too faint or not a text page){_low_dpi_hint(scan_dpi)}", langs)
    text = "\n".join(ln.text for ln in result.lines)
    q = assess(text)
    found = langs_of(text) or langs
    # unreadable: a confidence too low whatever the words, low with words that are not all
    # known (a 60 dpi scan read at 56 %), or not high with words that make no sense (a Thai page)
    if (result.confidence < FLOOR_OCR_CONF or (result.confidence < MIN_OCR_CONF and q.score < GOOD)
            or (q.score < BAD and result.confidence < SURE_OCR_CONF)):
        if (read := upright()) is not None:  # a page scanned sideways or upside down, read turned upright
            return read
        return [], unreadable(
            page,
            f"OCR could not read this page reliably as Arabic or French (confidence {result.confidence:.0f}%, "
            f"{q.signals.get('ar_hit', 0) * 100:.0f}%/{q.signals.get('fr_hit', 0) * 100:.0f}% known words): "
            f"an unsupported script or a very poor scan{_low_dpi_hint(scan_dpi)}{''.join(seems)}",
            found, q.score,
        )
    vote = script_langs(codes, models)
    renumber = second or (scan_dpi is not None and scan_dpi < NUMBERS_DPI)
    run = PageRun(timeout, codes, script, vote, renumber)
    tally = Tally(leaders=leaders)
    tally.renumbered = passes.numbers(image, result, run)
    lines = passes.kept_lines(result, ruled, tally, image, run)
    passes.stamped(pimg, lines, result, tally)
    if tally.doubtful > MOSTLY_UNSURE * len(lines) and result.confidence < SURE_OCR_CONF:
        # most lines unsure at a middling confidence: what is kept would be mostly wrong (order 137.19's
        # 77 dpi form, its dot leaders taken out: 30 of 44 lines unsure at 60 %, 0.14 of its words right)
        if (read := upright()) is not None:
            return read
        return [], unreadable(
            page,
            f"OCR could not read this page reliably: {tally.doubtful} of {len(lines)} lines unsure (confidence "
            f"{result.confidence:.0f}%){_low_dpi_hint(scan_dpi)}{''.join(seems)}",
            found, q.score,
        )
    lines, tables = passes.finish(image, ruled, lines, result, run, tally)
    mark_fills(lines, fills, image.dpi)  # the lines a leader follows: a form's fields (fills.py)
    from .tables import with_tables  # numpy: loaded only where a page is OCR'd

    reason = f"{why}; OCR ({codes}, {', '.join(passes.notes(result, image, pimg, lines, tables, run, tally))})"
    return lines, with_tables(PageReport(page=page, method="ocr", reason=reason, score=q.score, langs=found), tables)


def _prepared(pimg: PageImage, *, scanned: bool, thick: bool, timeout: float, models: set[str]) -> PageImage:
    """The page image tesseract reads: its blue stamps read apart, preprocessed, thickened if asked."""
    if pimg.stamps:  # blue groups on the printed lines: the figure stamps read apart, then taken out (stamps.py)
        from .stamps import read_all

        read_all(pimg.stamps, pimg.dpi, timeout, models)
    image = preprocess(pimg, scanned=scanned)
    if thick and not scanned:
        image = PageImage(thicken(image.image), image.dpi, image.page, image.width_pt, image.height_pt, image.skew_deg,
                          image.source_dpi, image.cleaned)
    return image


def _read(image: PageImage, use: list[str], script: str | None, timeout: float) -> tuple[OcrResult, list[str]]:
    """Tesseract's reading of the page, and the languages kept: read again in the other script's
    order when the page turns out to lead with it, that reading kept unless clearly less confident."""
    result = ocr_image(image, tess_langs(use), timeout=timeout, script=script)
    other = _other_order(result, use)
    if other:  # not when only a table's cells stand side by side (tables_order.py)
        from .tables_order import order_matters
        other = other if order_matters(image, result.lines) else None
    if other:
        again = ocr_image(image, tess_langs(other), timeout=timeout, script=script)
        if again.confidence >= result.confidence - ORDER_MARGIN:  # the right order, unless clearly worse read
            result, use = again, other
    return result, use


_MODELS: set[str] | None = None


def _models() -> set[str]:
    global _MODELS  # noqa: PLW0603 - a per-process cache of `tesseract --list-langs`
    if _MODELS is None:
        _MODELS = installed_langs()
    return _MODELS



def read_pages(pdf_path: Path, text_pages: list[list[TextLine]], ctx: RunContext,
               pdf: pdfium.PdfDocument | None = None, open_pages: KeptPages | None = None) -> tuple[list[list[TextLine]], list[PageReport]]:
    """Judge each page's text layer and OCR the pages that need it (see docs/ocr.md).

    ``pdf``: the document already open (the caller's, left open; pdfium has parsed its fonts),
    else ``pdf_path`` is opened here; ``open_pages``: text pages the ingester left open for the digit
    cross-check, and what it measured of pages while they were open (image cover, invisible text)."""
    mode = ctx.options.ocr
    timeout = min(ctx.options.timeout_s, PAGE_TIMEOUT_CAP)
    out: list[list[TextLine]] = [list(p) for p in text_pages]
    qualities = [assess("\n".join(ln.text for ln in lines)) for lines in text_pages]
    if mode == "never":
        hidden = [open_pages.invisible(i) for i in range(len(out))] if open_pages is not None else []
        return out, _never(pdf_path, out, qualities, hidden)

    reports: list[PageReport | None] = [None] * len(text_pages)
    todo: list[tuple[int, list[str] | None, str]] = []  # (index, langs, why); None: the document's order
    kept = {i: (lines, q) for i, (lines, q) in enumerate(zip(out, qualities, strict=True)) if q.verdict in ("good", "borderline")}
    clean = {i: (list(lines), q) for i, (lines, q) in enumerate(zip(out, qualities, strict=True)) if clean_layer(q)}
    overlays: dict[int, list[TextLine]] = {}
    own = pdf is None
    if pdf is None:
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
        wrong: list[int] = []
        foreign = False
        for i, q in enumerate(qualities):
            cover = open_pages.cover(i) if open_pages is not None else None
            invisible = open_pages.invisible(i) if open_pages is not None else False
            foreign = foreign or invisible  # an earlier OCR's layer, whose amounts foreign_figures may leave to vouch
            report, why = _decide(pdf, i, out[i], q, mode, can_ocr, timeout, cover, invisible, wrong)
            if report is not None:
                reports[i] = report
            elif why.startswith(OVERLAY):  # the layer's scripts say nothing about the page
                overlays[i] = out[i]
                todo.append((i, None, why))
            else:
                todo.append((i, ocr_langs(q) if q.verdict in ("good", "borderline") else None, why))
        if todo and not can_ocr:
            ctx.warn("ingest.ocr", "tesseract is not installed: pages that need OCR keep their text layer or are skipped",
                     engine="tesseract")
            for i, _langs, why in todo:
                q = qualities[i]
                reports[i] = (unreadable(i + 1, f"{why}; OCR is not installed") if q.verdict == "empty"
                              else _keep_text(i + 1, out[i], q, f"{why}; kept because OCR is not installed"))
            todo = []
            log.warning("OCR unavailable for %s", pdf_path.name)
        sound = [q for q in qualities if q.verdict == "good"]
        expect = script_order(sum(q.signals.get("ar_letters", 0) for q in sound), sum(q.signals.get("latin_letters", 0) for q in sound))
        _run_ocr(pdf, todo, out, reports, timeout, expect)
        _settle(todo, out, reports, kept, overlays, {i: pdf[i].get_height() for i in overlays}, clean,
                {i: page_offset(pdf, i) for i in overlays})
        if foreign:  # (only an invisible layer's page has amounts left to vouch for: decide._earlier_ocr)
            vouch(out)  # a kept earlier OCR's amounts the document prints elsewhere (foreign_vouch.py)
        settle_stamped(out)  # a stamped date's month the models left open, printed elsewhere (stamp_dates.py)
        if can_ocr and ctx.options.ocr != "always":
            for note in cross_check(pdf, out, reports, timeout, open_pages):
                log.info("%s: %s", pdf_path.name, note)
    finally:
        if own:
            pdf.close()
    final = [r if r is not None else unreadable(n + 1, "not processed") for n, r in enumerate(reports)]
    if final and not any(ln.text.strip() for lines in out for ln in lines):
        raise InputError(f"{pdf_path.name}: no readable text was found in the PDF, not even with OCR ({_why_nothing(final)}).",
                         hint="Check the scan quality (at least 300 dpi, straight pages, good contrast) and send it again.")
    return out, final


def _run_ocr(pdf: pdfium.PdfDocument, todo: list[tuple[int, list[str] | None, str]], out: list[list[TextLine]],
             reports: list[PageReport | None], timeout: float, expect: list[str] | None) -> None:
    """Render pages here (pdfium is single-threaded) and OCR them on the worker threads.

    Pages without script information follow ``expect``; when nothing is known (a document of
    scans), the first such page is read alone and its script sets the order for the others."""
    if not todo:
        return
    pending: dict[Future[tuple[list[TextLine], PageReport]], int] = {}
    limit = 2 * workers()  # bounded look-ahead: at most this many rendered pages in memory
    learnt = [0, 0]  # Arabic and Latin letters of the pages OCR'd so far

    def collect(done: set[Future[tuple[list[TextLine], PageReport]]]) -> None:
        for fut in done:
            idx = pending.pop(fut)
            lines, rep = fut.result()
            out[idx], reports[idx] = lines, rep
            for ln in lines:
                learnt[0] += len(_AR.findall(ln.text))
                learnt[1] += len(_LAT.findall(ln.text))

    used: dict[int, tuple[list[str], bool, float | None, str]] = {}  # index -> langs, scanned, scan dpi, why
    with ThreadPoolExecutor(max_workers=workers(), thread_name_prefix="ocr") as pool:
        for i, langs, why in todo:
            page = pdf[i]
            out[i] = []
            big = too_large(*page.get_size())
            if big:
                reports[i] = unreadable(i + 1, big, langs or [])
                continue
            if langs is None:
                if expect is None and pending:  # learn the document's script from its first page
                    collect(set(pending))
                expect = expect or script_order(*learnt)
                langs = ocr_langs(None, expect)
            res = scan_resolution(page)
            dpi = res[0] if res else None
            scanned = res is not None and image_cover(page) >= SCAN_COVER
            try:
                pimg = render_scan(pdf, i, res[1]) if scanned and res is not None and res[0] < ENLARGE_BELOW else render_page(pdf, i)
            except RenderError as exc:
                reports[i] = unreadable(i + 1, str(exc), langs)
                continue
            if scanned:  # blue figures stamped on the printed lines taken out, read apart (stamps.py)
                pimg = with_stamps(pdf, i, pimg)
            if len(pending) >= limit:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                collect(done)
            used[i] = (langs, scanned, dpi if scanned else None, why)
            pending[pool.submit(ocr_page, pimg, langs, timeout=timeout, scanned=scanned, why=why,
                                scan_dpi=dpi if scanned else None)] = i
        collect(set(pending))
        small = reread_small_print(pdf, pool, used, out, reports, timeout, ocr_page)
        reread_thickened(pdf, pool, used, out, reports, timeout, ocr_page, skip=small)
    snap_sizes([ln for i, _langs, _why in todo for ln in out[i]])
