"""A PDF's pages are loaded once: the OCR hook's scan check of a page with little text (is the
layer a banner over a page image?) takes the image cover the ingester measured while the
page was open, instead of loading the page again."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.context import RunContext
from transform.ingest import ingest
from transform.options import TransformOptions

LONG = (
    "Le conseil de la commune a examiné le budget de l'année et les projets de voirie, "
    "d'éclairage public et d'assainissement prévus dans les quartiers de la ville. "
)


def _pdf(path: Path) -> Path:
    from fpdf import FPDF

    doc = FPDF()
    doc.set_font("helvetica", size=11)
    doc.add_page()
    doc.multi_cell(0, 6, (LONG * 12).encode("latin-1", "replace").decode("latin-1"))
    doc.add_page()  # a page with one short line: the OCR hook checks it for a scan under it
    doc.cell(0, 6, "Annexe : liste des projets")
    doc.output(str(path))
    return path


def test_a_page_with_little_text_is_not_loaded_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _pdf(tmp_path / "two-pages.pdf")
    loads: list[int] = []
    real = pdfium.PdfDocument.get_page

    def counted(self: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
        loads.append(index)
        return real(self, index)

    monkeypatch.setattr(pdfium.PdfDocument, "get_page", counted)
    doc = ingest(path, RunContext(options=TransformOptions(), out_dir=tmp_path, stem=path.stem, source=path))
    assert [r.method for r in doc.meta.pages] == ["text", "text"]
    assert "Annexe : liste des projets" in [s.text for sec in doc.sections for b in sec.blocks for s in getattr(b, "sentences", [])]
    assert sorted(loads) == [0, 1]  # each page once (the scan check used to load page 2 again)
