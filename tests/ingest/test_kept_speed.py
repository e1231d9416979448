"""The pages the ingester keeps open are those the digit cross-check opens: it loads none again (issue 23)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from transform.ingest.pdf_kept import SAMPLED, KeptPages, _styles, cover_pages
from transform.ingest.pdf_text import page_lines
from transform.ocr import digits

from ._realpages import copy_pages


def _offered(path: Path, limit: int = 6) -> tuple[set[int], list[int]]:
    """(pages kept open, pages the cross-check's sample opens) when every page of ``path`` is offered in turn."""
    pdf = pdfium.PdfDocument(str(path))
    kept = KeptPages(limit=limit)
    pages = {}
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            lines = page_lines(page, textpage, i + 1)
            if digits.has_digits(lines):
                pages[i] = lines
            if not kept.offer(i, page, textpage, lines):
                textpage.close()
                page.close()
        return {i for i in range(len(pdf)) if kept.textpage(i) is not None}, digits.sample_pages(pages)
    finally:
        kept.close()
        pdf.close()


def test_the_pages_the_cross_check_samples_stay_open(tmp_path: Path) -> None:
    # the Montpellier price list: its pages with most digit lines are not those whose digit lines show every
    # style (keeping the heaviest pages made the cross-check load its three sampled pages again)
    open_pages, sample = _offered(copy_pages("montpellier-tarifs-2014.pdf", list(range(27)), tmp_path))
    assert len(sample) == 3
    assert set(sample) <= open_pages
    assert len(open_pages) == 6


class _Line:
    def __init__(self, text: str, size: float, bold: bool) -> None:
        self.text, self.size, self.bold = text, size, bold


def test_the_sample_is_the_cross_checks_own() -> None:
    assert SAMPLED == digits.MAX_PAGES
    plain, title, arabic, small, big = ("12", 10.0, False), ("Article 3", 12.0, True), ("سنة ٢٠٢٤", 9.0, False), ("5 €", 8.0, False), ("2024", 14.0, True)
    pages = {0: [plain] * 30, 1: [plain, plain, title], 2: [arabic], 3: [plain] * 40, 4: [big, arabic], 5: [small] * 3, 6: [title, small]}
    for chosen in ([0, 1, 2, 3, 4, 5, 6], [0, 2, 3, 5], [0, 3], [1, 2, 4, 5, 6], [0, 3, 5, 6]):
        lines = {i: [_Line(*ln) for ln in pages[i]] for i in chosen}
        assert cover_pages({i: _styles(lines[i]) for i in chosen}) == digits.sample_pages(lines)  # type: ignore[arg-type]
    lines = {i: [_Line(*ln) for ln in pages[i]] for i in pages}
    assert cover_pages({i: _styles(lines[i]) for i in pages}) == [1, 4, 5]  # the most styles first, then the most new ones


def test_styles_count_digit_lines_as_the_cross_check_does() -> None:
    lines = [_Line("Article 3", 10.2, False), _Line("سنة ٢٠٢٤", 10.0, False), _Line("sans chiffre", 10.0, False), _Line("12 €", 10.0, False)]
    assert _styles(lines) == {(10.0, False, False): 2, (10.0, False, True): 1}  # type: ignore[arg-type]
