"""PDF ingest: pypdfium2 text and geometry, OCR hook, blocks, tables.

Steps for one document (each bounded: page limit, CPU-time and clock bounds checked between pages,
object and character caps per page):

1. open with pypdfium2 (:mod:`pdf_open`: encrypted, damaged, truncated, empty, too long
   -> :class:`InputError`);
2. per page, lines in logical order with size, boldness, baseline and run gaps
   (:mod:`pdf_text`, :mod:`pdf_bidi`); a cheap test picks the pages that may hold tables
   and only those go through pdfplumber's table finder (:mod:`pdf_tables`);
3. ``transform.ocr.read_pages`` judges each page's text layer and may replace its lines
   with OCR; its reports land in ``doc.meta.pages``;
4. lines are grouped into headings, paragraphs and lists (:mod:`pdf_blocks`), tables are
   placed where they sit on the page, and a table continued on the next page is joined.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pypdfium2 as pdfium

from .._gc import gc_paused
from ..errors import InputError
from ..model import Block, Document, DocumentMeta, Furniture, PageReport, Section, Table
from . import INGESTERS, pdf_tables
from .base import TextLine
from .layout_doubt import mark_layout
from .ligatures import LigatureProbe, repair_cells
from .pdf_actual_text import restore_leads
from .pdf_blocks import group_lines, groups_to_blocks
from .pdf_boxes import mark_boxes
from .pdf_furniture import split_page_numbers, split_running_lines
from .pdf_glued import mark_glued, unglue_blocks
from .pdf_hidden import invisible_layer
from .pdf_kept import KeptPages
from .pdf_open import open_pdf
from .pdf_paragraphs import rejoin_paragraphs
from .pdf_picture_text import picture_lines
from .pdf_pictures import page_figures, place_figures, read_figures
from .pdf_regions import TableBox
from .pdf_rotated import may_be_turned, turned_lines, turned_tables
from .pdf_table_join import join_continued_tables
from .pdf_tables import FoundTable
from .pdf_text import page_lines
from .pdf_title_repeats import mark_repeated_heads
from .pdf_underlines import mark_underlines
from .pdf_walk import walked
from .unicode import has_surrogates, mark_clean, repair_document

if TYPE_CHECKING:
    from ..context import RunContext

log = logging.getLogger("transform.ingest.pdf")
MAX_CPU_SECONDS = 300.0  # the text-layer reading of one document, in this thread's CPU time
_cpu, _wall = time.thread_time, time.monotonic  # the two clocks of ``_Budget`` (tests move them)


class _Budget:
    """When to stop reading a PDF's pages: after :data:`MAX_CPU_SECONDS` of this thread's CPU time (the document's
    own work: the same on an idle or a busy machine, so a long valid document is not refused because other jobs
    share the cores), or after ``wall_s`` seconds on the clock (the run's bound on one call: nothing hangs)."""

    def __init__(self, wall_s: float) -> None:
        self.cpu_end = _cpu() + MAX_CPU_SECONDS
        self.wall_end = _wall() + wall_s

    def spent(self) -> bool:
        return _cpu() > self.cpu_end or _wall() > self.wall_end


def _outside(lines: list[TextLine], tables: list[FoundTable]) -> list[TextLine]:
    """The lines that no table took (text beside a table, in its frame but in no cell, stays)."""
    return [ln for ln in lines if not any(t.took(ln) for t in tables)]


def _ocr_tables(rep: PageReport) -> list[FoundTable]:
    from ..ocr.tables import tables_of  # numpy: imported only when a page was OCR'd

    return tables_of(rep)


def _little_text(lines: Sequence[TextLine]) -> bool:
    """Fewer visible characters than the OCR hook's test for a layer over a scan (scans.sparse)
    needs, counted as the text-layer judge counts them (a page it asks about that is not
    found here is loaded again by the hook, as before)."""
    from ..ocr.scans import SPARSE_CHARS

    if sum(len(ln.text) for ln in lines) >= 2 * SPARSE_CHARS:  # most pages: a full page of text
        return False
    return sum(map(len, "\n".join(ln.text for ln in lines).split())) < SPARSE_CHARS


def _surrogates_possible(pages: list[list[TextLine]], blocks: list[Block], furniture: list[Furniture], meta: DocumentMeta) -> bool:
    """May the document hold a UTF-16 surrogate half (see :mod:`unicode`)? Every text of its headings, paragraphs
    and lists is made of its lines' texts (string work on text without surrogates makes none); tables, whose cells
    come from other readers, are repaired here (few and small)."""
    texts = [ln.text for lines in pages for ln in lines]
    texts += [part.text for lines in pages for ln in lines for part in getattr(ln, "parts", None) or ()]
    texts += [f.text for f in furniture] + [r.reason for r in meta.pages] + [meta.title or ""]
    for block in blocks:
        if isinstance(block, Table):
            repair_document(block)
    return has_surrogates(texts)


class PdfIngester:
    formats: ClassVar[tuple[str, ...]] = ("pdf",)

    def ingest(self, path: Path, ctx: RunContext) -> Document:
        # The cyclic collector stays paused for the whole reading, and resumes only once the reading's frame
        # (every page's lines, their runs and features) is gone: each collection run during it walked every
        # line of the document and freed nothing, and the one that follows a pause walks all that the pause
        # let build up, so resuming while the lines are still alive made them walked once more.
        with gc_paused():
            return self._ingest(path, ctx)

    def _ingest(self, path: Path, ctx: RunContext) -> Document:
        options = ctx.options
        budget = _Budget(options.timeout_s)
        pdf = open_pdf(path, options.max_pages)
        kept_pages = KeptPages()  # text pages the digit cross-check would load again
        try:
            n = len(pdf)
            text_pages: list[list[TextLine]] = []
            tables: list[list[FoundTable]] = []
            widths: list[float] = []
            heights: list[float] = []
            furniture: list[Furniture] = []
            ligatures = LigatureProbe()
            figures: list = []  # pictures on text-layer pages (pdf_pictures)
            for i in range(n):
                if budget.spent():
                    raise InputError(
                        f"{path.name}: reading the PDF took too long (stopped at page {i + 1} of {n}).",
                        hint="Split the document into smaller parts and send them one by one.",
                    )
                numbers: list[TextLine] = []
                lines, found, width, height = self._read_page(pdf, i, path.name, ligatures, numbers, kept_pages,
                                                              pictures=options.ocr != "never", above=tables[-1] if tables else None, figures=figures)
                furniture.extend(Furniture(page=i + 1, kind="page_number", text=ln.text) for ln in numbers)
                text_pages.append(lines)
                tables.append(found)
                widths.append(width)
                heights.append(height)
            title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
            from ..ocr import confidence, read_pages
            from ..ocr.cell_doubt import DIGITS_READ, layer_cells
            from ..ocr.figures import scan_figures
            from ..ocr.foreign_layer import LOST_NOTE
            from ..ocr.foreign_vouch import carry_into_cells
            from .pdf_lost_rows import tables_again

            pages, reports = read_pages(path, text_pages, ctx, pdf=pdf, open_pages=kept_pages)  # the open document: its fonts are parsed
            read_figures(pdf, figures, reports)  # the pictures of pages read by their layer, asked and read (pdf_pictures)
            figures += scan_figures(pdf, pages, reports)  # a map or a chart on an OCR'd page: a figure, not prose (ocr/figures)
            from ..ocr.orientation import frame, notice

            for i, rep in enumerate(reports):  # a scan read turned upright: its lines are in the turned frame
                widths[i], heights[i] = frame(rep, widths[i], heights[i])
                if rep.method == "text" and LOST_NOTE in rep.reason:  # a kept layer's lost ink read: its tables again
                    tables[i] = tables_again(pdf, i, pages[i], tables[i], widths[i], heights[i])
                if turned := notice(rep):
                    ctx.warn("ingest.ocr", turned, engine="tesseract")
        finally:
            kept_pages.close()
            pdf.close()
        if not any(ln.text.strip() for lines in pages for ln in lines):
            if options.ocr == "never":
                raise InputError(
                    f"{path.name}: the PDF has no text layer (its pages are images, e.g. a scan), so it needs OCR.",
                    hint="Convert it again with OCR allowed (ocr=auto, or --ocr auto on the command line).",
                )
            raise InputError(
                f"{path.name}: no readable text was found in the PDF, not even with OCR.",
                hint="Check the scan quality (at least 300 dpi, straight pages) and send it again.",
            )
        used_tables: list[list[tuple[float, Table]]] = []
        kept: list[list[TextLine]] = []
        ocr_tables: list[Table] = []
        for i, lines in enumerate(pages):
            rep = reports[i] if i < len(reports) else None
            found = tables[i] if rep is None or rep.method == "text" else _ocr_tables(rep)  # an OCR'd page's ruled tables
            kept.append(_outside(lines, found) if found else lines)
            mended = found and any(getattr(ln, "amount_mends", None) for ln in lines)  # a kept layer's amounts put right
            for t in found:
                t.table.page = i + 1
                if ligatures.proved:
                    repair_cells(t.table.rows)
                if mended:
                    carry_into_cells(t.table.rows, [ln for ln in lines if t.took(ln)])
                if rep is not None and rep.method == "text" and DIGITS_READ in rep.reason:  # the digit check reached only lines
                    layer_cells(t.table.rows, [ln for ln in lines if t.took(ln)], rep.reason)
            used_tables.append([TableBox(t.top, t.table, t.x0, t.x1, t.bottom) for t in found])
            if rep is not None and rep.method != "text":
                ocr_tables += [t.table for t in found]
        if ocr_tables:
            from ..ocr.repeated_cells import vote_repeated
            from ..ocr.table_words import words_from_tables

            vote_repeated(ocr_tables)  # a cell printed on several pages, read once by a vote of its copies
            words_from_tables(ocr_tables)  # an unknown word one letter off a word the tables read elsewhere
        if sum(rep is not None and rep.method != "text" for rep in reports) >= 3:  # lines printed on several OCR'd pages
            from ..ocr.repeated_lines import vote_lines  # (a model letter), read once by a vote of their printings

            vote_lines(kept, reports)
        if len(read := [kept[i] for i, rep in enumerate(reports) if rep.method == "ocr"]) > 1:
            from ..ocr.echoes import echo_document

            echo_document(read)  # a misread word where another OCR'd page prints its phrase sound (the issuer's name)
        if read:
            from ..ocr.doc_words import doc_words

            doc_words(read)  # a light face's confused letter (الطنب), where the document reads the word sound elsewhere
        kept, running = split_running_lines(kept, heights)
        if read:  # after the running lines are told by their text as read (a title made sound looked like one)
            from ..ocr.junk_latin import drop_marked

            drop_marked(read)  # a lone Latin word read unsure in an Arabic line that no pass read again: junk (junk_latin.py)
        furniture = sorted(furniture + running, key=lambda f: f.page)
        groups = group_lines(kept, used_tables, widths, heights)
        groups = rejoin_paragraphs(groups)  # paragraphs cut between two lines of one justified block (pdf_paragraphs)
        restore_leads(groups)  # numbers whose first part pdfium lost, read whole (pdf_actual_text)
        groups = place_figures(groups, figures, reports)  # pictures on text-layer pages in reading order (pdf_pictures)
        blocks = groups_to_blocks(groups)
        mark_repeated_heads(blocks)  # a statement's header row printed again under its repeated title block (pdf_title_repeats)
        blocks = join_continued_tables(blocks)
        arabic = {i + 1 for i, rep in enumerate(reports) if rep.method == "text" and "ar" in (rep.langs or ())}
        glued = unglue_blocks(blocks, arabic) if arabic else None  # Arabic words glued with no gap, split (pdf_glued)
        confidence.apply(blocks, groups, reports)  # blocks pdf_blocks left unrated get their lines' confidence
        mark_layout(blocks, [r.page for r in reports if r.method == "ocr"])  # weak layout decisions in doubt (layout_doubt)
        mark_glued(blocks, glued)  # those left glued, in doubt
        if title and (
            title.lower() in ("untitled", "sans titre", "document", "sans nom")
            or title.lower().startswith("microsoft word -")
            or title.lower().endswith((".doc", ".docx", ".odt", ".pdf", ".rtf", ".indd", ".qxd", ".qxp", ".pub"))
        ):
            title = None  # producer boilerplate, not a title: the first heading is used instead
        meta = DocumentMeta(title=title, source_name=path.name, source_format="pdf", page_count=n, pages=list(reports))
        doc = Document(meta=meta, sections=[Section(blocks=blocks)], furniture=furniture)
        if not _surrogates_possible(pages, blocks, furniture, meta):
            mark_clean(doc)  # the generic walk of ingest.repair_document would find nothing
        return doc

    def _read_page(
        self, pdf: pdfium.PdfDocument, i: int, name: str, ligatures: LigatureProbe | None = None,
        numbers: list[TextLine] | None = None, kept: KeptPages | None = None, pictures: bool = False,
        above: list[FoundTable] | None = None, figures: list | None = None,
    ) -> tuple[list[TextLine], list[FoundTable], float, float]:
        """Lines (page numbers taken out, into ``numbers``), tables and size of one page; the page
        stays open in ``kept`` when the digit cross-check may want it."""
        try:
            page = pdf[i]
        except pdfium.PdfiumError:
            raise InputError(f"{name}: page {i + 1} of the PDF is damaged and cannot be read.", hint="Export the document again and re-send it.") from None
        textpage = None
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            lines = page_lines(page, textpage, i + 1, ligatures)
            turned = may_be_turned(lines) and turned_lines(page, textpage, lines, i + 1)  # a page set sideways (pdf_rotated)
            lines, found_numbers = split_page_numbers(turned or lines, height)
            if numbers is not None:
                numbers.extend(found_numbers)
            if pictures:  # titles printed as pictures of text, in holes of the text (pdf_picture_text)
                lines = picture_lines(page, lines, i + 1)
            if pictures and figures is not None:  # large pictures: a figure block each, their text read (pdf_pictures)
                figures.extend(page_figures(page, lines, i + 1))
            if kept is not None and (lines or found_numbers) and invisible_layer(textpage):
                kept.note_invisible(i)  # an earlier OCR's layer: the OCR hook checks it
            found: list[FoundTable] = []
            cand = pdf_tables.candidate(page, lines, height, textpage, above) if not turned else None  # above: the page before's
            if cand:
                found = pdf_tables.find_tables(textpage, lines, cand, width, height)
            if turned:  # its tables and rules in the turned frame (underlines not looked for there)
                found = turned_tables(page, lines, height)
            else:
                with walked(page):  # the page's objects walked once for both searches (pdf_walk)
                    mark_underlines(page, lines, height, found, cand.h_rules if cand is not None else None)  # titles marked by a rule under them
                    mark_boxes(page, lines, width, height)  # lines set in a row of drawn boxes (a slide's chevrons: pdf_boxes)
            if kept is not None and _little_text(lines):  # the OCR hook checks such a page for a scan under it
                from ..ocr.render import image_cover

                kept.note_cover(i, image_cover(page))
            if kept is not None and kept.offer(i, page, textpage, lines):
                textpage = page = None  # the keeper closes them
        finally:
            if textpage is not None:
                textpage.close()
            if page is not None:
                page.close()
        return list(lines), found, width, height


INGESTERS.register("pdf", PdfIngester)
