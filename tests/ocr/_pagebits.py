"""Shared bits of the OCR pass tests: an OCR'd line as the passes see it, and a corpus page rendered as OCR sees it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest

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
