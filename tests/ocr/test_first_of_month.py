"""``1er juillet`` in an OCR'd French line: tesseract reads the raised ``er`` as ``%``
(number_readings.first_of_month, applied in tesseract.line_text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ocr_testkit import CORPUS_FILES, one_page

from transform.evaluation import read_document
from transform.model.walk import iter_blocks
from transform.ocr.number_readings import first_of_month


def test_a_percent_sign_before_a_month_is_the_first_days_er() -> None:
    assert first_of_month("le vendredi 28 rejeb 1432 (1% juillet 2011), le projet") == "le vendredi 28 rejeb 1432 (1er juillet 2011), le projet"
    assert first_of_month("du 1% Février 2020") == "du 1er Février 2020"
    # a true percentage, another day or a word only starting like a month is left as read
    for kept in ("une hausse de 1% des recettes", "21% juillet", "1,1% juillet", "1% maison", "le 1%"):
        assert first_of_month(kept) == kept, kept


@pytest.mark.slow
def test_the_referendums_date_is_read_as_printed(tmp_path: Path) -> None:
    src = CORPUS_FILES / "bo-fr-5952bis-2011.pdf"
    if not src.exists():
        pytest.skip("real-document corpus not present")
    doc = read_document(one_page(src, 2, tmp_path / "p2.pdf"))
    assert doc.meta.pages[0].method == "ocr"
    text = " ".join(" ".join(s.text for s in getattr(b, "sentences", [])) for _, b in iter_blocks(doc))
    assert "(1er juillet 2011)" in text and "1%" not in text, text
