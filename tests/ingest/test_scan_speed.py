"""Whole-page scans made by byte searches or an encoder: the same answers as the patterns they replace."""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium

from transform.ingest.pdf_calls import page_text
from transform.ingest.pdf_digit_groups import RUN, runs
from transform.ingest.unicode import _SURROGATE, has_surrogates

from ._realpages import copy_pages


def _pattern_runs(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in RUN.finditer(text)]


def _pattern_surrogates(texts: list[str]) -> bool:
    joined = "".join(texts)
    return not joined.isascii() and _SURROGATE.search(joined) is not None


def test_random_texts() -> None:
    rng = random.Random(7)
    alphabet = "0123456789 aé\u0661\u0644\n\ud800\udc00\U0001d400-.’"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert runs(text) == _pattern_runs(text), repr(text)
        assert has_surrogates([text]) == _pattern_surrogates([text]), repr(text)
    assert runs("12 1234 123456-2024x999") == [(3, "1234"), (8, "123456"), (15, "2024")]
    assert has_surrogates(["abc", "d\ud835"]) and has_surrogates(["\udc00"]) and not has_surrogates(["é", "\U0001d400", "ـ"])


def test_real_pages(tmp_path: Path) -> None:
    # a French guide (years, amounts in thousands) and an Arabic budget table's pages
    found = 0
    for name, pages in (("seine-normandie-guide-erc-2024.pdf", [3, 10, 22, 30]), ("bo-ar-7259-2023-lf2024-tables.pdf", [0, 1])):
        pdf = pdfium.PdfDocument(str(copy_pages(name, pages, tmp_path)))
        try:
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                text, _ = page_text(textpage)
                textpage.close()
                page.close()
                assert runs(text) == _pattern_runs(text)
                assert has_surrogates([text]) == _pattern_surrogates([text]) is False
                found += len(runs(text))
        finally:
            pdf.close()
    assert found > 20
