"""Which pages keep their text layer: the per-page decision (a sound layer is kept, a borderline
one is settled by an OCR sample, an empty one or a layer laid over a scan by an earlier OCR goes
to OCR), and the reports of pages kept or unreadable. Used by :mod:`pages`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

from ..errors import InputError
from ..ingest.crop_frame import image_on_lines, lines_on_render, page_offset
from ..model import PageReport
from . import confidence, foreign_layer
from .foreign_vote import read_layer_lines, reread_suspects
from .partial_scan import UNREAD, covers_framed_ink
from .quality import AGREE, Quality, agreement, fixes
from .render import BLANK_INK, PageImage, RenderError, check_render, image_cover, ink_share, render_page
from .scans import covers_ink, sparse
from .weight import mark_underlines

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..ingest.base import TextLine

SAMPLE_DPI = 200  # resolution of the quick OCR sample that settles borderline pages
SAMPLE_LINES = 8  # text-layer lines compared with the sample
MIN_FIXES = 3  # sampled words OCR puts right (by the word lists) that make a borderline layer wrong
SCAN_COVER = 0.5  # images covering at least this share of the page make it a scan
OVERLAY = "the text layer"


def unreadable(page: int, reason: str, langs: list[str] | None = None, score: float | None = None) -> PageReport:
    return PageReport(page=page, method="unreadable", reason=reason, score=score, langs=langs or [])


def ocr_langs(q: Quality | None, expect: list[str] | None = None) -> list[str]:
    """OCR languages for a page, from the scripts its text layer shows: both models always (a
    French page can hold an Arabic name, and the reverse), the dominant script first, since
    tesseract takes the reading direction of its layout from the first language (with
    ``ara+fra`` a French table is read column by column from the right). French first for a
    layer that is not garbage and shows no Arabic letter at all. A page whose layer says
    nothing (no layer, an overlay, a rejected layer) takes ``expect``, the order the document's
    sound pages (or its pages OCR'd so far) show; Arabic first when nothing is known."""
    if q is not None and q.verdict in ("good", "borderline"):
        return ["fr", "ar"] if q.langs == ["fr"] and not q.signals.get("ar_letters") else ["ar", "fr"]
    return list(expect or ["ar", "fr"])


def _sample_agrees(pdf: pdfium.PdfDocument, index: int, lines: list[TextLine], langs: list[str],
                   timeout: float, pimg: PageImage | None = None) -> tuple[float, int, int]:
    """OCR a sample of text-layer lines one by one and compare each with its text.

    Up to SAMPLE_LINES lines of at least three words, spread over the page, are cut from a
    render and read as single lines in one tesseract call (no page layout to get wrong: a
    region read as a block lost whole rows of ruled tables). The agreement is the
    length-weighted mean of the per-line similarities, order-sensitive within each line.
    """
    usable = [ln for ln in lines if len(ln.text.split()) >= 3] or [ln for ln in lines if ln.text.strip()]
    if not usable:
        return 0.0, 0, 0
    if pimg is None:
        try:
            pimg = render_page(pdf, index, SAMPLE_DPI)
        except RenderError:
            return 0.0, 0, 0
    usable = [ln for ln in lines_on_render(usable, page_offset(pdf, index)) if _on_image(pimg, ln)]  # off the page: no ink to read
    if not usable:
        return 0.0, 0, 0
    step = max(1, len(usable) // SAMPLE_LINES)
    picked = usable[::step][:SAMPLE_LINES]
    reads = read_layer_lines(pimg, picked, langs, timeout)
    if reads is None:
        return 0.0, 0, 0
    scored = []
    fixed = broken = 0
    for ln, read in zip(picked, reads, strict=True):
        scored.append((agreement(ln.text, read), len(ln.text)))
        f, b = fixes(ln.text, read)
        fixed, broken = fixed + f, broken + b
    scored.sort()
    if len(scored) >= 5:  # one line cut badly (a crop across two cells) does not decide
        scored = scored[1:]
    weight = sum(w for _, w in scored)
    return (sum(a * w for a, w in scored) / weight if weight else 0.0), fixed, broken


def _on_image(pimg: PageImage, ln: TextLine) -> bool:
    """Does the line's box lie on the rendered page (a crop of at least a pixel each way)?"""
    k = pimg.dpi / 72.0
    return ln.x0 * k < pimg.image.width - 1 and ln.x1 > ln.x0 and ln.x1 > 0 and ln.top * k < pimg.image.height - 1 and ln.bottom > max(ln.top, 0)


def _keep_text(page: int, lines: list[TextLine], q: Quality, why: str, agree: float | None = None) -> PageReport:
    conf, doubt = confidence.from_text_layer(q.score, agree)
    confidence.mark_lines(lines, conf, doubt)
    return PageReport(page=page, method="text", reason=why, score=q.score, langs=q.langs)


def _never(path: Path, text_pages: list[list[TextLine]], qualities: list[Quality],
           invisible: Sequence[bool] = ()) -> list[PageReport]:
    """``ocr=never``: text layers are used as they are; a layer judged broken stops the run. A page whose
    text is invisible (``invisible[i]``: an earlier OCR's layer) has its misread-looking lines put in doubt,
    as with OCR allowed (foreign_layer.py), since no reading of ours can check them."""
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
            continue
        doubtful = foreign_layer.mark_suspect_lines(text_pages[i]) if i < len(invisible) and invisible[i] else 0
        why = "text layer used (OCR is off)" if q.verdict == "good" else \
            f"text layer used although it looks wrong ({q.reason}); OCR is off (ocr=never)"
        reports.append(_keep_text(i + 1, text_pages[i], q, why + foreign_layer.note(doubtful)))
    return reports


def _earlier_ocr(pdf: pdfium.PdfDocument, i: int, lines: list[TextLine], q: Quality, timeout: float,
                 wrong: list[int]) -> tuple[PageReport | None, str]:
    """A page whose sound-looking text is invisible, laid over a scan by an earlier OCR: its letters
    are that engine's guesses (accents dropped, `Ie` for `le`, digits run together), which the
    word lists alone do not catch. An OCR sample decides, as for a borderline layer; after two
    pages of the document shown wrong (``wrong``), the others of the same layer go to OCR unsampled."""
    head = "the page is a scan under an invisible text layer made by an earlier OCR"
    if len(wrong) >= 2:
        return None, f"{head}, shown wrong on pages {wrong[0] + 1} and {wrong[1] + 1}"
    try:
        pimg: PageImage | None = render_page(pdf, i, SAMPLE_DPI)
    except RenderError:
        pimg = None
    verdict, agree, fixed = _by_sample(pdf, i, lines, q, timeout, pimg)
    if verdict == "wrong":
        wrong.append(i)
        return None, f"{head}, and an OCR sample puts right {fixed} of its words the word lists do not know"
    if verdict == "agrees" and pimg is not None and _ruled(pimg):
        return None, f"{head} over a ruled table, whose cells its lines do not keep apart (an OCR sample agrees: {agree:.2f})"
    if verdict == "agrees":
        # the passes below change the lines they cut: they cut the render moved into the lines' frame (crop_frame.py)
        framed = image_on_lines(pimg, page_offset(pdf, i)) if pimg is not None else None
        if framed is not None:  # the layer's lines keep the titles' underlines the image shows (a heading's cue)
            mark_underlines(framed, lines)
        from .foreign_figures import note as figures_note
        from .foreign_figures import read_amounts

        figures = read_amounts(pdf, i, lines, pimg, timeout) if pimg is not None else (0, 0)  # every amount read again
        mended = reread_suspects(framed, lines, ocr_langs(q), timeout) if framed is not None else 0  # our reading votes
        lost = 0
        if framed is not None:  # ink it left unread, check marks read as letters (numpy: loaded only for such pages)
            from .check_marks import layer_marks
            from .foreign_gaps import read_lost

            lost = read_lost(framed, lines, ocr_langs(q), timeout)
            layer_marks(framed, lines)
        doubtful = foreign_layer.mark_suspect_lines(lines)  # its words' own doubt (another engine's reading)
        note = foreign_layer.note(doubtful, mended, lost) + figures_note(*figures)
        return _keep_text(i + 1, lines, q, f"{head}; an OCR sample agrees ({agree:.2f}){note}", agree), ""
    return None, f"{head}, and an OCR sample disagrees ({agree:.2f})"


def _ruled(pimg: PageImage) -> bool:
    """Does the page image show a ruled grid (two columns and a row at least, framed all round)?
    An earlier OCR's layer reads such a table as lines running across its cells (a label, its
    prices and the next column's label in one line), which our OCR puts back cell by cell
    (tables.py: tesseract's word boxes in the grid's cells)."""
    from .tables_grid import find_grids  # numpy: loaded only for scans under an earlier OCR's layer

    try:
        return bool(find_grids(pimg.image, pimg.dpi))
    except (ValueError, IndexError, MemoryError):
        return False


def _by_sample(pdf: pdfium.PdfDocument, i: int, lines: list[TextLine], q: Quality, timeout: float,
               pimg: PageImage | None = None) -> tuple[str, float, int]:
    """What an OCR sample says of a text layer: ``wrong`` (OCR puts right at least MIN_FIXES words
    the word lists do not know, and more than it breaks), ``agrees`` or ``disagrees``; with the
    agreement and the number of fixes. ``pimg``: the page already rendered at SAMPLE_DPI."""
    agree, fixed, broken = _sample_agrees(pdf, i, lines, ocr_langs(q), timeout, pimg)
    if fixed >= MIN_FIXES and fixed > broken:
        return "wrong", agree, fixed
    return ("agrees" if agree >= AGREE else "disagrees"), agree, fixed


def _decide(pdf: pdfium.PdfDocument, i: int, lines: list[TextLine], q: Quality, mode: str, can_ocr: bool,
            timeout: float, cover: float | None = None, invisible: bool = False,
            wrong: list[int] | None = None) -> tuple[PageReport | None, str]:
    """Keep the text layer (a report) or send the page to OCR (None and why: a reason starting
    with OVERLAY means the layer is only an overlay on a page image). ``cover``: the page's
    image_cover when the ingester measured it while the page was open; ``invisible``: the page's text
    is invisible (an earlier OCR's layer); ``wrong``: the document's such pages found wrong so far."""
    if mode == "always":
        return None, "OCR requested for every page (ocr=always)"
    if q.verdict == "empty":
        try:
            if (image_cover(pdf[i]) if cover is None else cover) > 0 or ink_share(check_render(pdf, i).image) >= BLANK_INK:
                return None, "no text layer, the page is an image"
        except RenderError as exc:
            return unreadable(i + 1, f"no text layer, and {exc}"), ""
        return unreadable(i + 1, "blank page: no text layer and nothing drawn"), ""
    if q.verdict in ("good", "borderline") and sparse(lines, q):
        # a few words over a page image: a phone-scanner banner, a stamp, a partial OCR layer
        if (image_cover(pdf[i]) if cover is None else cover) >= SCAN_COVER:
            covered = covers_ink(pdf, i, lines)
            if covered is not None and covered < 0.5:
                return None, (f"{OVERLAY} ({int(q.signals.get('words', 0))} words) covers only {covered:.0%} of what "
                              "the page image shows (a scan with a banner, a stamp or a partial text layer)")
            framed = covers_framed_ink(pdf, i, lines)  # the text rows inside a frame (partial_scan.py)
            if framed is not None and framed < UNREAD:
                return None, (f"{OVERLAY} ({int(q.signals.get('words', 0))} words) covers only {framed:.0%} of the text "
                              "rows the page image shows inside its frames (a framed scan under a few typed lines)")
    if q.verdict == "good" and can_ocr and invisible:
        return _earlier_ocr(pdf, i, lines, q, timeout, wrong if wrong is not None else [])
    if q.verdict == "good" and can_ocr and q.score < confidence.DOUBT_BELOW:
        # sound, but its score would leave every line in doubt: an OCR sample settles it as for a borderline
        # layer (one that agrees vouches for the lines, one that puts words right sends the page to OCR)
        verdict, agree, fixed = _by_sample(pdf, i, lines, q, timeout)
        if verdict == "wrong":
            return None, (f"text layer score {q.score:.2f} and an OCR sample reads {fixed} of its unknown words as known "
                          "ones (the font decodes some letters wrong)")
        if verdict == "agrees":
            return _keep_text(i + 1, lines, q, f"text layer looks sound (score {q.score:.2f}) and an OCR sample agrees ({agree:.2f})", agree), ""
    if q.verdict == "good":
        doubtful = foreign_layer.mark_suspect_lines(lines) if invisible else 0  # an earlier OCR's layer, unchecked
        return _keep_text(i + 1, lines, q, f"text layer looks sound (score {q.score:.2f}){foreign_layer.note(doubtful, 0)}"), ""
    if q.verdict == "borderline" and can_ocr:
        verdict, agree, fixed = _by_sample(pdf, i, lines, q, timeout)
        if verdict == "wrong":
            return None, (f"text layer score {q.score:.2f} ({q.reason}) and an OCR sample reads {fixed} of its unknown "
                          f"words as known ones (the font decodes some letters wrong)")
        if verdict == "agrees":
            return _keep_text(i + 1, lines, q, f"borderline score {q.score:.2f} ({q.reason}) but an OCR sample agrees ({agree:.2f})", agree), ""
        return None, f"text layer score {q.score:.2f} ({q.reason}) and an OCR sample disagrees ({agree:.2f})"
    return None, f"text layer rejected, score {q.score:.2f}: {q.reason}"


CLEAN_HIT = 0.35  # a rejected layer whose words are this often known is text, not a font's garbage


def clean_layer(q: Quality) -> bool:
    """A text layer judged bad only because its words are unknown (names in capitals), not broken:
    no replacement, private-use or presentation-form codes, few impossible letter runs, one script's
    words found in the word lists often enough, and enough words to judge."""
    s = q.signals
    hit = max(s.get("fr_hit", 0.0), s.get("ar_hit", 0.0))
    impossible = max(s.get("fr_impossible", 1.0), s.get("ar_impossible", 1.0))
    return (q.verdict == "bad" and s.get("words", 0) >= 20 and s.get("bad_share", 1.0) == 0
            and s.get("presentation_share", 1.0) == 0 and impossible < 0.2 and hit >= CLEAN_HIT)
