"""A line's character boxes read in one native call (``_chars.loose_boxes``, used by
``pdf_text._line_box`` once a line's boxes are asked for again and again) are exactly the boxes
the per-character ctypes query gives, and the lines of Arabic pages (where the word-space and
letter-order probes ask for every letter's box) read the same with and without it."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ingest import pdf_text

ROOT = Path(__file__).resolve().parents[2]
ARABIC = ROOT / "tests/realdocs/files/bo-ar-7259-2023-lf2024.pdf"  # words without written spaces: the probes read every letter
PDFS = [ARABIC, ROOT / "tests/ingest/reading/decree-ar.pdf", ROOT / "tests/realdocs/files/bo-fr-loi-cadre-50-21.pdf"]

native = pytest.mark.skipif(pdf_text._LOOSE_ADDRESS is None, reason="the optional extension _chars is not built (no C compiler)")


def _pages(path: Path, max_pages: int = 3):
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(min(len(pdf), max_pages)):
            page = pdf[i]
            tp = page.get_textpage()
            try:
                yield page, tp
            finally:
                tp.close()
                page.close()
    finally:
        pdf.close()


@native
@pytest.mark.parametrize("path", PDFS, ids=[p.stem for p in PDFS])
def test_batched_boxes_equal_single_queries(path: Path) -> None:
    checked = 0
    for _page, tp in _pages(path):
        calls = pdf_text.TextPageCalls(tp)
        text, count = pdf_text.page_text(tp)
        start = 0
        for piece in text.split("\r\n"):
            if len(piece) > pdf_text.BATCH_AFTER:
                want = [calls.char_box(start + k) for k in range(len(piece))]
                box = pdf_text._line_box(calls, start, len(piece))
                got = [box(k) for k in range(len(piece))]  # the first BATCH_AFTER single, then from the batch
                assert got == want  # floats compared exactly
                assert box(-1) == calls.char_box(start - 1) if start else True  # outside the line: a single query
                checked += len(piece)
            start += len(piece) + 2
        assert start - 2 == count
    assert checked > 500


@native
def test_out_parameter_written_as_the_single_queries_write_it() -> None:
    for _page, tp in _pages(ARABIC, 1):
        calls = pdf_text.TextPageCalls(tp)
        boxes = pdf_text._NATIVE.loose_boxes(pdf_text._LOOSE_ADDRESS, calls.h.value, 3, 5, pdf_text.ctypes.addressof(calls.rect))
        assert (calls.rect.left, calls.rect.right) == boxes[-1] == calls.char_box(7)
        assert len(boxes) == 5


def _lines(path: Path) -> list[tuple[str, bool, float, float]]:
    out = []
    for page_no, (page, tp) in enumerate(_pages(path, 4), 1):
        out += [(ln.text, ln.rtl, ln.x0, ln.x1) for ln in pdf_text.page_lines(page, tp, page_no)]
    return out


class _Counting:
    """The extension with its batched box reads counted."""

    def __init__(self, real: object) -> None:
        self.real, self.batches = real, 0
        self.pieces = real.pieces  # type: ignore[attr-defined]

    def loose_boxes(self, *args: object) -> object:
        self.batches += 1
        return self.real.loose_boxes(*args)  # type: ignore[attr-defined]


@native
def test_arabic_lines_read_the_same_without_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _Counting(pdf_text._NATIVE)
    monkeypatch.setattr(pdf_text, "_NATIVE", counting)
    batched = _lines(ARABIC)
    assert counting.batches >= 20  # the probes' lines went through the batch
    assert sum(1 for _, rtl, _, _ in batched if rtl) >= 20
    assert any("قانون المالية" in t for t, _, _, _ in batched)
    monkeypatch.setattr(pdf_text, "_LOOSE_ADDRESS", None)
    assert _lines(ARABIC) == batched
