"""Fixtures for the OCR tests: scanned and corrupted versions of the sample PDFs, made here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ocr_testkit as pdfkit  # noqa: E402  (helpers shared with the test modules)
from ocr_testkit import AR_SAMPLE, FR_SAMPLE, merge_pdfs, page_texts  # noqa: E402


@pytest.fixture(scope="session")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ocr")


@pytest.fixture(scope="session")
def own_pdf(work: Path) -> Path:
    """A small bilingual text PDF of our own (page 1 Arabic, page 2 French, page 3 blank)."""
    return pdfkit.make_pdf(work / "own.pdf", [(pdfkit.AR_TEXT, "ar"), (pdfkit.FR_TEXT, "fr"), ("", "fr")])


@pytest.fixture(scope="session")
def ar_source(own_pdf: Path) -> Path:
    return AR_SAMPLE if AR_SAMPLE.exists() else own_pdf


@pytest.fixture(scope="session")
def fr_source(own_pdf: Path) -> Path:
    return FR_SAMPLE if FR_SAMPLE.exists() else own_pdf


@pytest.fixture(scope="session")
def scanned_mix(work: Path, ar_source: Path, fr_source: Path, own_pdf: Path) -> tuple[Path, list[str]]:
    """Image-only PDF: [Arabic scan 300 dpi, French scan 300 dpi (skewed), blank page, 60 dpi scan]."""
    ar_page = 0
    fr_page = 0 if fr_source != own_pdf else 1
    a = pdfkit.scan_pdf(ar_source, work / "scan_ar.pdf", 300, pages=[ar_page])
    f = pdfkit.scan_pdf(fr_source, work / "scan_fr.pdf", 300, pages=[fr_page], skew=1.2, noise=True)
    blank = pdfkit.scan_pdf(own_pdf, work / "scan_blank.pdf", 150, pages=[2])
    low = pdfkit.scan_pdf(ar_source, work / "scan_low.pdf", 60, pages=[ar_page])
    truth = [page_texts(ar_source)[ar_page], page_texts(fr_source)[fr_page], "", ""]
    return merge_pdfs(work / "scanned_mix.pdf", [a, f, blank, low]), truth
