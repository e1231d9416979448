"""Why a source page was refused, told to the reviewer: the reader's reasons (English, for logs and
``taysir inspect``) sorted into the kinds the review page explains, each with what to do."""

from __future__ import annotations

import pytest

from service.web.review_view import UNREAD_WHY, unread_pages, unread_why
from transform.model import Document

# reasons as transform/ocr writes them (decide.py, pages.py, image.py)
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
    ("OCR found no text (blank, too faint or not a text page)", "unsure", None),
]


@pytest.mark.parametrize(("reason", "kind", "dpi"), CASES)
def test_each_reason_gets_its_kind(reason: str, kind: str, dpi: int | None) -> None:
    assert unread_why(reason) == (UNREAD_WHY[kind], dpi)


def test_a_confidence_percentage_is_not_taken_for_a_resolution() -> None:
    # "52%" or "confidence 41%" must not read as a scan of 52 or 41 dpi
    why, dpi = unread_why("OCR could not read this page reliably (confidence 41%, 3%/0% known words)")
    assert why == UNREAD_WHY["unsure"] and dpi is None


def test_unread_pages_keep_page_and_reason_and_skip_blank_pages() -> None:
    doc = Document.model_validate({"meta": {"title": "t", "pages": [
        {"page": 1, "method": "text", "reason": "text layer looks sound"},
        {"page": 2, "method": "unreadable", "reason": "blank page: nothing to read"},
        {"page": 3, "method": "unreadable", "reason": "OCR found no text; the page was scanned at about 52 dpi: rescan it at 300 dpi"},
    ]}, "sections": []})
    got = unread_pages(doc)
    assert [(u.page, u.why, u.dpi) for u in got] == [(3, UNREAD_WHY["low_dpi"], 52)]
