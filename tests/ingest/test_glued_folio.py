"""A page number printed at the far end of a footer's line (a slide's source, then its folio) is
furniture; the rest of the line stays in the body, and numbers that are no folio stay too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest._realpages import block_text
from transform.evaluation.corpus import read_document
from transform.ingest.pdf_folio import glued_folios
from transform.ingest.pdf_text import PdfLine
from transform.model import Document

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def _body(doc: Document, page: int) -> list[str]:
    found: list[str] = []

    def walk(section: object) -> None:
        for b in section.blocks:  # type: ignore[attr-defined]
            if getattr(b, "page", None) == page:
                found.append(block_text(b))
        for sub in section.sections:  # type: ignore[attr-defined]
            walk(sub)

    for s in doc.sections:
        walk(s)
    return found


def test_slide_source_keeps_its_text_and_loses_its_folio() -> None:
    """Cabestany's budget-orientation deck, p. 7: ``Source : Le Monde`` at the foot of the slide and
    the folio ``7`` at the far right of the same baseline, which pdfium reads as one line (pages 6 and
    8 print their folio alone at that place). The ``7`` was read out in the body."""
    path = FILES / "cabestany-rob-2026.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    doc = read_document(path, ocr="never")
    body = _body(doc, 7)
    assert "Source : Le Monde" in body
    assert not any(t.rstrip().endswith("Le Monde 7") for t in body)
    assert any(f.page == 7 and f.kind == "page_number" and f.text == "7" for f in doc.furniture)


def _line(text: str, x0: float, x1: float, top: float, page: int, segments: list[tuple[float, float]]) -> PdfLine:
    gaps = [b[0] - a[1] for a, b in zip(segments, segments[1:], strict=False)]
    return PdfLine(text, x0, top, x1, top + 8.0, 12.0, False, page, top + 7.0, False, gaps, segments, 0, len(text))


def test_numbers_that_are_no_folio_stay() -> None:
    """A footer's number close to its words, a number at the far end of a footer line on a page that
    numbers otherwise with no folio at that place, and a body line's number far apart all stay."""
    h = 540.0
    close = _line("Source : Insee 2", 73.0, 180.0, 511.0, 2, [(73.0, 170.0), (175.0, 180.0)])  # 5 pt apart
    elsewhere = _line("Total des recettes 45", 73.0, 886.0, 511.0, 3, [(73.0, 160.0), (881.0, 886.0)])  # 45 on page 3
    body = _line("Crédits ouverts 4", 73.0, 886.0, 250.0, 4, [(73.0, 160.0), (881.0, 886.0)])  # mid-page
    pages = [[], [close], [elsewhere], [body]]
    out, found = glued_folios(pages, [h] * 4, [[], [], [], []])
    assert found == []
    assert [ln.text for lines in out for ln in lines] == ["Source : Insee 2", "Total des recettes 45", "Crédits ouverts 4"]


def test_folio_series_of_the_other_pages_confirms_it() -> None:
    """A document numbered from 11 on its first page: the far-end ``13`` of page 3's footer stands where
    page 2 printed ``12`` alone, in the same series: it is the folio. The same line with ``14`` is not."""
    h = 540.0
    alone = _line("12", 881.0, 886.0, 511.0, 2, [(881.0, 886.0)])
    glued = _line("Source : Le Monde 13", 73.0, 886.0, 511.4, 3, [(73.0, 162.0), (881.0, 886.0)])
    out, found = glued_folios([[], [], [glued]], [h] * 3, [[], [alone], []])
    assert [(f.page, f.text) for f in found] == [(3, "13")]
    assert out[2][0].text == "Source : Le Monde" and out[2][0].x1 == 162.0
    wrong = _line("Source : Le Monde 14", 73.0, 886.0, 511.4, 3, [(73.0, 162.0), (881.0, 886.0)])
    out, found = glued_folios([[], [], [wrong]], [h] * 3, [[], [alone], []])
    assert found == [] and out[2][0].text == "Source : Le Monde 14"
