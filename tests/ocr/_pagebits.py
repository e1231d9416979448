"""Shared bits of the OCR pass tests: an OCR'd line as the passes see it, a corpus page rendered as OCR sees it, and
a corpus page read through the whole reader once per test process (:func:`read_corpus_page`)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ingest.base import TextLine
from transform.ocr.render import PageImage

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


@dataclass
class Line:
    """An OCR'd line's text and box (PDF points), all a pass reads of a ``TextLine``."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def page_lines(pages: list[list[str]], first_page: int = 1) -> list[list[TextLine]]:
    """Pages of OCR'd lines made from their texts, one 15 pt line every 20 pt down each page (the document-wide
    passes' input), pages numbered from ``first_page``."""
    return [[TextLine(text=t, x0=50.0, top=20.0 * n, x1=540.0, bottom=20.0 * n + 15, page=first_page + k)
             for n, t in enumerate(texts)] for k, texts in enumerate(pages)]


def boxed_line(listed: list[tuple[str, float, float, float, float]]):  # type: ignore[no-untyped-def]
    """One OCR'd line made of ``(word, x0, top, x1, bottom)`` boxes (PDF points) and its reading result (90 %,
    the word boxes listed): what a page pass gets for a line."""
    from transform.ocr.tesseract import OcrResult

    text = " ".join(w for w, *_b in listed)
    ln = TextLine(text=text, x0=listed[0][1], top=min(b[2] for b in listed), x1=listed[-1][3],
                  bottom=max(b[4] for b in listed), page=1)
    return ln, OcrResult([ln], 90.0, len(listed), {id(ln): 90.0}, word_boxes={id(ln): listed})


def glyph_mask(glyphs: list[tuple[int, int, int, int]], width: int, height: int):  # type: ignore[no-untyped-def]
    """An ink mask (bool, ``height`` x ``width``) with a filled box per glyph (x0, x1, top, bottom)."""
    import numpy as np

    ink = np.zeros((height, width), dtype=bool)
    for x0, x1, t, b in glyphs:
        ink[t:b, x0:x1] = True
    return ink


def corpus_page(path: Path | str, index: int, dpi: float = 250.0) -> PageImage:
    """Page ``index`` (0-based) of a corpus PDF (a name in tests/realdocs/files or a path) rendered grey at ``dpi``;
    the test is skipped when the file is missing."""
    path = FILES / path if isinstance(path, str) else path
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        w, h = page.get_size()
        img = page.render(scale=dpi / 72).to_pil().convert("L")
    finally:
        pdf.close()
    return PageImage(img, dpi, index + 1, w, h)


_READINGS: dict[tuple[str, int, str], object] = {}


def read_corpus_page(name: str | Path, page: int, ocr: str = "auto"):  # type: ignore[no-untyped-def]
    """What Taysir reads (``transform.evaluation.read_document``) from page ``page`` (1-based) of a corpus PDF (a
    name in tests/realdocs/files or a path), copied into a PDF of its own; skipped when the file is missing.

    A scanned page takes 10-60 s to OCR, and several test modules assert on the same page: it is read once per
    test process (keyed on file, page and OCR mode) and each caller gets a deep copy, so no test sees another's
    changes. Use it wherever a test reads one whole corpus page; a page read with others stays a reading of its own,
    and a test that patches the reader (monkeypatch, environment) must read the page itself."""
    import pikepdf

    from transform.evaluation.corpus import read_document

    src = FILES / name if isinstance(name, str) else name
    if not src.exists():
        pytest.skip("the corpus file is missing")
    key = (str(src.resolve()), page, ocr)
    if key not in _READINGS:
        with tempfile.TemporaryDirectory(prefix="taysir-page-") as tmp:
            one = Path(tmp) / f"{src.stem}-p{page}.pdf"
            with pikepdf.open(src) as pdf, pikepdf.new() as out:
                out.pages.append(pdf.pages[page - 1])
                out.save(one)
            _READINGS[key] = read_document(one, ocr)
    return _READINGS[key].model_copy(deep=True)  # type: ignore[attr-defined]
