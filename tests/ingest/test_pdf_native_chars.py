"""The compiled per-page pdfium queries (``transform/ingest/_chars.c``) give exactly what the
Python queries of ``pdf_text`` give: every line's text, start, rectangles, extent, font size,
font name and flags, styled character and baseline, on French, Arabic, two-column and table
pages of the repository's PDFs."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ingest import pdf_text

ROOT = Path(__file__).resolve().parents[2]
PDFS = [
    ROOT / "tests/ingest/reading/plan-fr.pdf",
    ROOT / "tests/ingest/reading/decree-ar.pdf",
    ROOT / "tests/ingest/reading/numbers-ar.pdf",
    ROOT / "tests/ingest/reading/ligatures-ar.pdf",
    ROOT / "samples/budget-citoyen-2026.pdf",
    ROOT / "tests/realdocs/files/bo-fr-loi-cadre-50-21.pdf",  # two columns
    ROOT / "tests/realdocs/files/cese-ar-avis-biodiversite-2025.pdf",  # vowel marks placed apart (lines in pieces)
    ROOT / "tests/realdocs/files/montpellier-tarifs-2014.pdf",  # tables
]

native = pytest.mark.skipif(pdf_text._NATIVE is None, reason="the optional extension _chars is not built (no C compiler)")


def _both(path: Path, max_pages: int = 6) -> list[tuple[object, object]]:
    """(native, Python) pieces and styles of the first pages of ``path``."""
    pdf = pdfium.PdfDocument(str(path))
    out = []
    try:
        for i in range(min(len(pdf), max_pages)):
            page = pdf[i]
            tp = page.get_textpage()
            text, _ = pdf_text.page_text(tp)
            height = page.get_height()
            got = pdf_text._NATIVE.pieces(pdf_text._ADDRESSES, pdf_text.TextPageCalls(tp).h.value, text, height)
            calls = pdf_text.TextPageCalls(tp)
            pieces = pdf_text._pieces_py(calls, text)
            out.append((got, (pieces, [pdf_text._style_py(calls, p, height) for p in pieces])))
            tp.close()
            page.close()
    finally:
        pdf.close()
    return out


@native
@pytest.mark.parametrize("path", PDFS, ids=[p.stem for p in PDFS])
def test_native_queries_equal_the_python_queries(path: Path) -> None:
    pages = _both(path)
    assert sum(len(got[0]) for got, _ in pages) >= 5
    for got, want in pages:
        assert got == want  # floats compared exactly: the same pdfium calls, the same arithmetic


def _lines(path: Path) -> list[tuple[str, float, bool, float]]:
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    tp = page.get_textpage()
    try:
        return [(ln.text, ln.size, ln.bold, round(ln.baseline, 1)) for ln in pdf_text.page_lines(page, tp, 1)]
    finally:
        tp.close()
        page.close()
        pdf.close()


@native
def test_page_lines_read_the_same_with_and_without_the_extension(monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "tests/ingest/reading/plan-fr.pdf"
    fast = _lines(path)
    monkeypatch.setattr(pdf_text, "_NATIVE", None)
    assert _lines(path) == fast


@pytest.mark.parametrize("use_native", [True, False], ids=["native", "python"])
def test_sizes_boldness_and_baselines_are_read(use_native: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if use_native and pdf_text._NATIVE is None:
        pytest.skip("the optional extension _chars is not built")
    if not use_native:
        monkeypatch.setattr(pdf_text, "_NATIVE", None)
    fr = _lines(ROOT / "tests/ingest/reading/plan-fr.pdf")
    assert fr[0] == ("Commune de Béni Mellal – Plan d'action communal", 9.0, False, 66.4)  # running header
    assert fr[1][1:] == (16.0, True, 97.4)  # the title, bold and large
    assert ("Chapitre premier", 11.0, True, 204.8) in fr
    assert ("Orientations générales", 11.0, True, 232.5) in fr
    ar = _lines(ROOT / "tests/ingest/reading/decree-ar.pdf")
    assert ar[0][1:] == (9.0, False, 66.4)
    assert ar[1][0].startswith("قرار لرئيس مجلس الجهة رقم 12.26") and ar[1][1:] == (16.0, True, 100.5)
    assert ("إن رئيس مجلس الجهة،", 12.0, False, 162.1) in ar


@native
def test_bad_arguments_raise_instead_of_crashing() -> None:
    with pytest.raises(TypeError):
        pdf_text._NATIVE.pieces((1, 2), 1, "text", 10.0)
    with pytest.raises(ValueError):
        pdf_text._NATIVE.pieces(pdf_text._ADDRESSES, 0, "text", 10.0)
