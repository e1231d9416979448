"""PDF ingest: pypdfium2 text and geometry, OCR hook, blocks, tables.

Steps for one document (each bounded: page limit, a deadline checked between pages,
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
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pypdfium2 as pdfium

from .._gc import gc_paused
from ..errors import InputError
from ..model import Block, Document, DocumentMeta, Section, Table
from . import INGESTERS
from .base import TextLine
from .pdf_blocks import drop_page_furniture, drop_running_lines, group_lines, groups_to_blocks
from .pdf_open import open_pdf
from .pdf_tables import FoundTable, candidate, find_tables
from .pdf_text import page_lines

if TYPE_CHECKING:
    from ..context import RunContext

log = logging.getLogger("transform.ingest.pdf")
MAX_SECONDS = 300.0


def _cell_texts(row: list) -> list[str]:  # type: ignore[type-arg]
    return [" ".join(s.text for s in c.sentences) for c in row]


def join_continued_tables(blocks: list[Block]) -> list[Block]:
    """A table that goes on at the top of the next page is one table (a repeated header row is dropped)."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            isinstance(block, Table)
            and isinstance(prev, Table)
            and block.page is not None
            and prev.page is not None
            and block.page == prev.page + 1
            and block.rows
            and prev.rows
            and len(block.rows[0]) == len(prev.rows[0])
        ):
            rows = block.rows
            if _cell_texts(rows[0]) == _cell_texts(prev.rows[0]):
                rows = rows[1:]
            else:
                for cell in rows[0]:
                    cell.header = False
            prev.rows.extend(rows)
            continue
        out.append(block)
    return out


def _outside(lines: list[TextLine], tables: list[FoundTable]) -> list[TextLine]:
    def inside(ln: TextLine, t: FoundTable) -> bool:
        cy = (ln.top + ln.bottom) / 2
        return t.top - 2 <= cy <= t.bottom + 2 and ln.x1 > t.x0 and ln.x0 < t.x1

    return [ln for ln in lines if not any(inside(ln, t) for t in tables)]


class PdfIngester:
    formats: ClassVar[tuple[str, ...]] = ("pdf",)

    def ingest(self, path: Path, ctx: RunContext) -> Document:
        options = ctx.options
        deadline = time.monotonic() + min(options.timeout_s, MAX_SECONDS)
        pdf = open_pdf(path, options.max_pages)
        try:
            n = len(pdf)
            text_pages: list[list[TextLine]] = []
            tables: list[list[FoundTable]] = []
            widths: list[float] = []
            heights: list[float] = []
            with gc_paused():
                for i in range(n):
                    if time.monotonic() > deadline:
                        raise InputError(
                            f"{path.name}: reading the PDF took too long (stopped at page {i + 1} of {n}).",
                            hint="Split the document into smaller parts and send them one by one.",
                        )
                    lines, found, width, height = self._read_page(pdf, i, path.name)
                    text_pages.append(lines)
                    tables.append(found)
                    widths.append(width)
                    heights.append(height)
            title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
            from ..ocr import confidence, read_pages

            pages, reports = read_pages(path, text_pages, ctx, pdf=pdf)  # the open document: its fonts are parsed
        finally:
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
        for i, lines in enumerate(pages):
            rep = reports[i] if i < len(reports) else None
            found = tables[i] if rep is None or rep.method == "text" else []
            kept.append(_outside(lines, found) if found else lines)
            for t in found:
                t.table.page = i + 1
            used_tables.append([(t.top, t.table) for t in found])
        with gc_paused():
            kept = drop_running_lines(kept, heights)
            groups = group_lines(kept, used_tables, widths)
            blocks = join_continued_tables(groups_to_blocks(groups))
            confidence.apply(blocks, groups, reports)  # blocks pdf_blocks left unrated get their lines' confidence
        if title and (
            title.lower() in ("untitled", "sans titre", "document", "sans nom")
            or title.lower().startswith("microsoft word -")
            or title.lower().endswith((".doc", ".docx", ".odt", ".pdf", ".rtf"))
        ):
            title = None  # producer boilerplate, not a title: the first heading is used instead
        meta = DocumentMeta(title=title, source_name=path.name, source_format="pdf", page_count=n, pages=list(reports))
        return Document(meta=meta, sections=[Section(blocks=blocks)])

    def _read_page(self, pdf: pdfium.PdfDocument, i: int, name: str) -> tuple[list[TextLine], list[FoundTable], float, float]:
        try:
            page = pdf[i]
        except pdfium.PdfiumError:
            raise InputError(f"{name}: page {i + 1} of the PDF is damaged and cannot be read.", hint="Export the document again and re-send it.") from None
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                lines = drop_page_furniture(page_lines(page, textpage, i + 1), height)
                found: list[FoundTable] = []
                edges, runs = candidate(page, lines, height)
                if edges or runs:
                    found = find_tables(page, textpage, lines, width, height, (edges, runs))
            finally:
                textpage.close()
        finally:
            page.close()
        return list(lines), found, width, height


INGESTERS.register("pdf", PdfIngester)
