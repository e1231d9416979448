"""Real corpus pages read through the whole PDF ingester, for tests that assert their blocks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.evaluation.corpus import read_document
from transform.model import Heading, ListBlock, Paragraph

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def block_text(block: object) -> str:
    """A heading's or paragraph's text; a list's items joined by `` | ``; '' for other blocks."""
    if isinstance(block, (Heading, Paragraph)):
        return " ".join(s.text for s in block.sentences)
    if isinstance(block, ListBlock):
        return " | ".join(" ".join(s.text for s in it.sentences) for it in block.items)
    return ""


def read_pages(name: str, indexes: list[int], folder: Path, *, headings: bool = True) -> list[object]:
    """The blocks (section headings in their place when ``headings``) of the pages ``indexes``
    (0-based) of corpus file ``name``, copied into a PDF of their own and read without OCR.
    Skips when the corpus file is absent."""
    return doc_blocks(read_document(copy_pages(name, indexes, folder), ocr="never"), headings)


def copy_pages(name: str, indexes: list[int], folder: Path) -> Path:
    """The pages ``indexes`` (0-based) of corpus file ``name`` copied into a PDF of their own in ``folder``.
    Skips when the corpus file is absent."""
    source = FILES / name
    if not source.exists():
        pytest.skip("the corpus file is missing")
    src, out = pdfium.PdfDocument(str(source)), pdfium.PdfDocument.new()
    out.import_pages(src, indexes)
    path = folder / f"{source.stem}-pages.pdf"
    out.save(str(path))
    out.close()
    src.close()
    return path


def doc_blocks(doc: object, headings: bool = True) -> list[object]:
    """A document's blocks in reading order, each section's heading first when ``headings``."""
    found: list[object] = []

    def walk(section: object) -> None:
        if headings and section.heading is not None:  # type: ignore[attr-defined]
            found.append(section.heading)  # type: ignore[attr-defined]
        found.extend(section.blocks)  # type: ignore[attr-defined]
        for sub in section.sections:  # type: ignore[attr-defined]
            walk(sub)

    for s in doc.sections:  # type: ignore[attr-defined]
        walk(s)
    return found


def outline(blocks: list[object]) -> list[tuple[int, str]]:
    """(level, text) of the headings among ``blocks``, in order."""
    return [(b.level, block_text(b)) for b in blocks if isinstance(b, Heading)]  # type: ignore[attr-defined]


def level_differences(expected: list[tuple[int, str]], got: list[tuple[int, str]], *, absolute: bool = False) -> list[str]:
    """Each expected heading (by the start of its text) must be read, in order, at its level (``absolute``), or at
    its level counted from the first one (copied pages lose the headings above them); other headings read between
    them do not count here. [] when the outline is right."""
    out: list[str] = []
    base: int | None = 0 if absolute else None
    k = 0
    for level, start in expected:
        while k < len(got) and not got[k][1].startswith(start):
            k += 1
        if k == len(got):
            return out + [f"not read: {start}"]
        base = got[k][0] - level if base is None else base
        if got[k][0] - base != level:
            out.append(f"{start}: level {got[k][0] - base}, expected {level}")
        k += 1
    return out


@contextmanager
def corpus_page(name: str, page_no: int) -> Iterator[tuple[pdfium.PdfPage, pdfium.PdfTextPage]]:
    """Page ``page_no`` (1-based) of a corpus file and its text page, the file closed afterwards;
    the test is skipped when the corpus file is missing."""
    path = FILES / name
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[page_no - 1]
        yield page, page.get_textpage()
    finally:
        pdf.close()


def line_texts(name: str, page_no: int) -> list[str]:
    """The text of each line :func:`transform.ingest.pdf_text.page_lines` reads on page ``page_no``
    (1-based) of a corpus file: the line reading alone, before blocks and structure."""
    from transform.ingest.pdf_text import page_lines

    with corpus_page(name, page_no) as (page, textpage):
        return [ln.text for ln in page_lines(page, textpage, page_no)]
