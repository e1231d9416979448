"""The grouping's per-line features read natively (``_chars.line_features``) are exactly the Python ones
(``pdf_block_sizes._features_py``): on every page the grouping is given while real corpus documents are
read (French in two columns, Arabic, a long Word export with tables), and on lines the native reader
hands back to Python (OCR'd lines without a baseline or a direction, odd sizes)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from transform.evaluation.corpus import read_document
from transform.ingest import pdf_block_sizes, pdf_blocks
from transform.ingest.base import TextLine
from transform.ingest.pdf_text import PdfLine

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"
DOCS = ["bo-fr-loi-cadre-50-21.pdf", "adala-ar-decree-2-09-197.pdf", "adala-arfr-decree-2-22-630.pdf"]

native = pytest.mark.skipif(pdf_block_sizes._LINE_FEATURES is None, reason="the optional extension _chars is not built")


def _same(a: list[list[tuple[float, bool, float]]], b: list[list[tuple[float, bool, float]]]) -> None:
    assert a == b
    for fa, fb in zip(a, b, strict=True):
        for x, y in zip(fa, fb, strict=True):  # the same types and signs too (a key of the pitch table)
            assert [type(v) for v in x] == [type(v) for v in y]
            assert math.copysign(1.0, x[0]) == math.copysign(1.0, y[0])


@native
@pytest.mark.parametrize("name", DOCS)
def test_native_features_of_real_pages(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = FILES / name
    if not path.exists():
        pytest.skip("the corpus file is missing")
    seen: list[int] = []
    real = pdf_blocks._features

    def both(pages: list[list[TextLine]]) -> list[list[tuple[float, bool, float]]]:
        got = real(pages)
        _same(got, pdf_block_sizes._features_py(pages))
        seen.append(sum(len(p) for p in pages))
        return got

    monkeypatch.setattr(pdf_blocks, "_features", both)
    doc = read_document(path, ocr="never")
    assert doc.sections and seen and seen[0] >= 100  # every line of the document went through both


@native
def test_native_features_hand_back_unusual_lines() -> None:
    ocr = TextLine("سطر مقروء", 10.0, 20.0, 90.0, 32.0, size=11.26)  # OCR'd: no rtl, no baseline
    lines = [
        ocr,
        TextLine("Ligne lue", 10.0, 40.0, 90.0, 52.0, size=0.0),
        PdfLine("demi", 0.0, 0.0, 1.0, 12.0, size=2.25, baseline=11.0),  # 4.5 rounds to 4 (half to even)
        PdfLine("trois quarts", 0.0, 0.0, 1.0, 12.0, size=2.75, baseline=11.0),  # 5.5 rounds to 6
        PdfLine("négatif", 0.0, 0.0, 1.0, 12.0, size=-0.2, baseline=11.0),  # -0.0 in C: 0.0 in Python
        PdfLine("sans ligne de base", 0.0, 0.0, 1.0, 12.5, size=9.0, baseline=0.0, rtl=True),
        PdfLine("taille entière", 0.0, 0.0, 1.0, 12.0, size=9, baseline=11.0),  # type: ignore[arg-type]
        PdfLine("سطر", 0.0, 0.0, 1.0, 12.0, size=12.3, baseline=10.5, rtl=True),
    ]
    got = pdf_block_sizes._features([lines])
    _same(got, pdf_block_sizes._features_py([lines]))
    assert got[0][0] == (11.5, True, 32.0)  # direction from the text, baseline from the bottom
    assert got[0][2][0] == 2.0 and got[0][3][0] == 3.0 and got[0][5] == (9.0, True, 12.5)
    nan = [PdfLine("x", 0.0, 0.0, 1.0, 12.0, size=float("nan"), baseline=11.0)]
    with pytest.raises(ValueError):
        pdf_block_sizes._features_py([nan])
    with pytest.raises(ValueError):  # handed back to Python, which refuses it the same way
        pdf_block_sizes._features([nan])
