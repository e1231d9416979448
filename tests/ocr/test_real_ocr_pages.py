"""Real OCR'd pages of the corpus (tests/realdocs) read through the whole reader: dates whole and
in order after the numbers' second reading, a bold line standing apart made a heading."""

from __future__ import annotations

from pathlib import Path

import pytest
from ocr_testkit import one_page

from transform.evaluation import normalize, read_document
from transform.model import Heading
from transform.model.walk import iter_blocks

REALDOCS = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def _text(block) -> str:  # type: ignore[no-untyped-def]
    return normalize(" ".join(s.text for s in getattr(block, "sentences", [])))


@pytest.mark.slow
def test_decree_dates_come_back_whole_and_in_order(tmp_path: Path) -> None:
    """Decree 2.26.530, page 2: a 126 dpi scan under a garbage text layer. Read with its layout,
    tesseract lost the first digit of ``23 من صفر 1387``; the line read again (and confirmed
    by a third reading) gives it back, and no digit is added to ``2026،``."""
    doc = read_document(one_page(REALDOCS / "adala-ar-decree-2-26-530.pdf", 2, tmp_path / "p2.pdf"))
    assert doc.meta.pages[0].method == "ocr"
    body = " ".join(_text(b) for b in [b for _, b in iter_blocks(doc)])
    for date in ("455.67 الصادر في 23 من صفر 1387 (2 يونيو 1967)", "9 محرم 1448 (25 يونيو 2026)",
                 "الأحد 20 سبتمبر 2026"):
        assert normalize(date) in body, date
    assert "22026" not in body
    headings = [_text(b) for b in [b for _, b in iter_blocks(doc)] if isinstance(b, Heading)]
    assert [h for h in headings if h.startswith("المادة")] == ["المادة الأولى", "المادة الثانية", "المادة الثالثة"]


@pytest.mark.slow
def test_a_bold_line_standing_apart_is_a_heading(tmp_path: Path) -> None:
    """A prefect's order scanned at 150 dpi, page 2: the centred bold ``ARRÊTE`` between the
    recitals and the articles is a heading; the bold list items and the recitals are not."""
    doc = read_document(one_page(REALDOCS / "hautesaone-arrete-eau-2023.pdf", 2, tmp_path / "p2.pdf"))
    headings = [_text(b) for b in [b for _, b in iter_blocks(doc)] if isinstance(b, Heading)]
    assert "ARRÊTE" in headings
    assert any(h.startswith("Article 1") for h in headings) and any(h.startswith("Article 2") for h in headings)
    assert not any("CONSIDÉRANT" in h or "Vallée Doubs" in h or "Vosges" in h for h in headings), headings
