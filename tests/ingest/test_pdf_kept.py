"""The ingester keeps the pages with most digit lines open for the digit cross-check."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from transform.ingest.pdf_kept import KeptPages
from transform.ingest.pdf_text import page_lines
from transform.ocr import digits

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "note-budget-2027.pdf"


def test_keeps_the_pages_with_most_digit_lines_and_closes_the_rest() -> None:
    pdf = pdfium.PdfDocument(str(SAMPLE))
    kept = KeptPages(limit=2)
    weights = {}
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            lines = page_lines(page, textpage, i + 1)
            weights[i] = sum(1 for ln in lines if any(ch.isdigit() for ch in ln.text))
            if not kept.offer(i, page, textpage, lines):
                textpage.close()
                page.close()
        heaviest = sorted(weights, key=lambda i: -weights[i])[:2]
        assert {i for i in weights if kept.textpage(i) is not None} == set(heaviest)
        # the cross-check reads the same fonts from a kept page as from a page it loads itself
        with_kept = digits.collect_fonts(pdf, heaviest, kept=kept)
        loaded = digits.collect_fonts(pdf, heaviest)
        assert {n: sorted(f.digits) for n, f in with_kept.items()} == {n: sorted(f.digits) for n, f in loaded.items()}
        assert [f.runs for f in with_kept.values()] == [f.runs for f in loaded.values()]
        assert with_kept  # the note prints digits
    finally:
        kept.close()
        pdf.close()
    assert kept.textpage(heaviest[0]) is None


def test_a_page_without_digits_is_not_kept() -> None:
    pdf = pdfium.PdfDocument(str(SAMPLE))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        assert not KeptPages().offer(0, page, textpage, [])
        assert not KeptPages(limit=0).offer(0, page, textpage, page_lines(page, textpage, 1))
        textpage.close()
        page.close()
    finally:
        pdf.close()
