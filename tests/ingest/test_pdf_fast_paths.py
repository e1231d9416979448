"""The fast paths of PDF line reading give exactly what the plain paths give.

* pypdfium2 calls without ctypes argument conversion (``pdf_text._unchecked``) versus
  pypdfium2's checked bindings, on the committed sample PDFs (Arabic, French, tables);
* the one-scan direction and repair decision (``read_line``) versus the reference
  ``is_rtl_line`` / ``has_strong`` / ``logical_line`` chain, on every kind of line.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ingest import pdf_calls, pdf_tables, pdf_text
from transform.ingest.pdf_bidi import (
    GLUE_BUDGET,
    ORDER_BUDGET,
    Box,
    WordOrderProbe,
    has_strong,
    is_rtl_line,
    logical_line,
    read_line,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PDFS = sorted(SAMPLES.glob("*.pdf"))


def _read(path: Path) -> list[list[dict]]:  # type: ignore[type-arg]
    pdf = pdfium.PdfDocument(str(path))
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            lines = pdf_text.page_lines(page, tp, i + 1)
            out.append([dataclasses.asdict(ln) for ln in lines] + [{"edges": pdf_tables.path_edges(page, page.get_height())}])
            tp.close()
            page.close()
        return out
    finally:
        pdf.close()


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_unchecked_calls_read_what_checked_bindings_read(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert pdf_text.FAST and pdf_tables.FAST_OBJECTS  # the fast path is the one in use
    fast = _read(path)
    monkeypatch.setattr(pdf_calls, "FAST", False)  # read by TextPageCalls (pdf_calls, split from pdf_text)
    monkeypatch.setattr(pdf_tables, "FAST_OBJECTS", False)
    checked = _read(path)
    assert sum(len(p) for p in fast) > 10
    assert fast == checked


def _boxes(text: str, rtl_words: bool) -> list[tuple[float, float]]:
    """Character boxes of a line drawn left to right (Arabic words drawn right to left when ``rtl_words``)."""
    out = [(5.0 * k, 5.0 * k + 5.0) for k in range(len(text))]
    if rtl_words:  # reverse the boxes inside each Arabic word
        i = 0
        while i < len(text):
            j = i
            while j < len(text) and "\u0620" <= text[j] <= "\u064a":
                j += 1
            if j > i:
                out[i:j] = out[i:j][::-1]
            i = max(j, i + 1)
    return out


LINES = [
    "تقديم الميزانية.",  # pure Arabic: one scan
    "• برنامج التنمية الجهوية",  # bullet
    "قدره 000 000 250 1 درهم",  # spaced number: group repair
    "البرنامج ) 2027 - 2022 ( تجتمع",  # brackets: full repair
    "البشرية Office INDH والمكتب",  # Latin inside Arabic
    "Le budget 2026 (DH).",  # pure French
    "Le conseil (الجهة) vote",  # Arabic inside French
    "Décision du conseil communal",  # Latin-1 letters
    "1 250 000",  # no letters: direction from the context
    "— 12 —",
    "الميزانية 2026 budget",
    "Budget 2026 الميزانية citoyen",
    "\ufefb\ufe8e",  # presentation forms
]


@pytest.mark.parametrize("context_rtl", [False, True])
@pytest.mark.parametrize("rtl_words", [False, True])
def test_read_line_matches_the_reference_chain(context_rtl: bool, rtl_words: bool) -> None:
    for text in LINES:
        boxes = _boxes(text, rtl_words)
        ref_box, ref_calls = _spy(boxes)
        fast_box, fast_calls = _spy(boxes)
        rtl = is_rtl_line(text) if has_strong(text) else context_rtl
        want = logical_line(text, ref_box, 10.0, rtl=rtl, probe=WordOrderProbe())
        settled = WordOrderProbe()
        settled.glue_budget = settled.order_budget = 0  # the page's word-space and letter-order probes are spent (their cost: below)
        got, got_rtl = read_line(text, fast_box, 10.0, context_rtl, settled)
        assert (got, got_rtl) == (want, rtl), text
        assert fast_calls == ref_calls, text  # no more position queries than before


def test_the_word_space_probe_costs_a_few_lines_per_page() -> None:
    """Arabic lines are checked for unwritten word spaces (GLUE_BUDGET lines with a long run) and
    for letters an /ActualText span swapped (ORDER_BUDGET lines) on a few lines of a page; a page
    read right then costs nothing more, and its lines read as before."""
    page = ["برنامج التنمية الجهوية والمستشفيات العمومية"] * 10
    probe = WordOrderProbe()
    counts = []
    for text in page:
        boxes = _boxes(text, True)
        box, calls = _spy(boxes)
        got, _ = read_line(text, box, 10.0, True, probe)
        spent = WordOrderProbe()
        spent.glue_budget = spent.order_budget = 0
        assert got == read_line(text, lambda i, b=boxes: b[i], 10.0, True, spent)[0] == text
        counts.append(len(calls))
    assert all(n > 0 for n in counts[:GLUE_BUDGET]) and not any(counts[max(GLUE_BUDGET, ORDER_BUDGET) + 1:]), counts
    assert not probe.glued


def _spy(boxes: list[tuple[float, float]]) -> tuple[Box, list[int]]:
    calls: list[int] = []

    def box(i: int) -> tuple[float, float]:
        calls.append(i)
        return boxes[i]

    return box, calls
