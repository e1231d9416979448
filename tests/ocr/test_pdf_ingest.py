"""Through the real PDF ingester: per-page reports land in the Document, OCR'd text becomes blocks."""

from __future__ import annotations

from pathlib import Path

import ocr_testkit as pdfkit
import pytest
from ocr_testkit import MIXED_SAMPLE, make_ctx

from transform.ingest import INGESTERS


def test_mixed_document_with_wrong_arabic_mapping(work: Path, tmp_path: Path) -> None:
    if not MIXED_SAMPLE.exists():
        pytest.skip("samples/budget-citoyen-2026.pdf not built")
    bad = pdfkit.permute_tounicode(MIXED_SAMPLE, work / "budget-wrong-arabic.pdf")
    doc = INGESTERS.create("pdf").ingest(bad, make_ctx(tmp_path))
    methods = [p.method for p in doc.meta.pages]
    assert methods == ["ocr", "ocr", "text"]  # page 2 mixes garbled Arabic with good French
    assert "Arabic words" in doc.meta.pages[1].reason
    text = " ".join(s.text for b in doc.sections[0].blocks for s in (getattr(b, "sentences", None) or []))
    for word in ("الميزانية المواطنة", "بني ملال", "1 250 000 000", "Budget citoyen"):
        assert word in text, word
