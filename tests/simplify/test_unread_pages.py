"""Pages the reader refused, told to people: the reader's reason (English, for logs and ``taysir
inspect``) sorted into kinds (``PageReport.refusal``), worded with what to do in the quality report
(Arabic, French, English) and on the review page (the interface catalogues)."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.web.review_view import UNREAD_WHY, unread_pages
from transform.model import Document, PageReport
from transform.simplify.engine import simplify_document
from transform.simplify.report import build_report, report_html

from .conftest import make_doc

# reasons as transform/ocr writes them (decide.py, pages.py, image.py, render.py)
CASES = [
    ("OCR could not read this page reliably as Arabic or French (confidence 41%, 3%/0% known words): an unsupported "
     "script or a very poor scan; the page was scanned at about 44 dpi: rescan it at 300 dpi", "low_dpi", 44),
    ("image resolution about 60 dpi, too coarse to read", "low_dpi", 60),
    ("no OCR model installed for ar; install tesseract-ocr-ara", "not_installed", None),
    ("text layer unreadable; OCR is not installed", "not_installed", None),
    ("no text layer on this page, and OCR is off (ocr=never)", "ocr_off", None),
    ("OCR failed: tesseract timed out after 120 s", "failed", None),
    ("the page is 500 x 300 cm, too large to render for OCR", "failed", None),
    ("OCR read the page at 52% confidence, too unsure to keep", "unsure", None),
    ("OCR could not read this page reliably (confidence 41%, 3%/0% known words)", "unsure", None),  # 41% is no resolution
    # a page refused upright and turned (orientation.py's SEEMS): the person is asked for an upright scan
    ("OCR could not read this page reliably as Arabic or French (confidence 38%, 20%/0% known words); the page seems "
     "to have been scanned sideways: scan it upright and send it again", "turned", None),
]


@pytest.mark.parametrize(("reason", "kind", "dpi"), CASES)
def test_each_reason_gets_its_kind(reason: str, kind: str, dpi: int | None) -> None:
    assert PageReport(page=1, method="unreadable", reason=reason).refusal() == (kind, dpi)


def _pages() -> list[dict]:
    return [{"page": 1, "method": "text", "reason": "text layer looks sound"},
            {"page": 2, "method": "unreadable", "reason": "blank page: nothing to read"},
            {"page": 3, "method": "unreadable", "reason": "OCR found no text; the page was scanned at about 52 dpi: rescan it at 300 dpi"}]


def test_review_page_lists_refused_pages_with_their_reason_and_skips_blank_ones() -> None:
    doc = Document.model_validate({"meta": {"title": "t", "pages": _pages()}, "sections": []})
    assert [(u.page, u.why, u.dpi) for u in unread_pages(doc)] == [(3, UNREAD_WHY["low_dpi"], 52)]


def test_quality_report_names_refused_pages_and_says_so_in_its_verdict(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, "تبلغ ميزانية الجهة 2,8 مليار درهم.\n")
    res = simplify_document(doc)
    clean = build_report(res, engine="rules")
    assert clean["unread_pages"] == [] and "illisible" not in clean["verdict"]["summary"]["fr"]  # type: ignore[index]
    res.document.meta.pages = [PageReport.model_validate(p) for p in _pages()]
    rep = build_report(res, engine="rules")
    assert [(p["page"], p["why"]["fr"]) for p in rep["unread_pages"]] == [  # type: ignore[union-attr]
        (3, "numérisée à environ 52 points par pouce, trop peu pour la lecture optique : demandez une numérisation à 300 points par pouce")]
    summary = rep["verdict"]["summary"]  # type: ignore[index]
    assert "1 page(s) de l'original illisible(s)" in summary["fr"] and "لم تستطع الآلة قراءتها" in summary["ar"]
    page = report_html(rep)
    assert "n’a pas pu lire" in page and "52 نقطة" in page and "rescan it" not in page  # no English reason in the French page
