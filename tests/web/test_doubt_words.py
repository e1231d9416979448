"""Every doubt code the reader writes on a line or a cell has its own words on the review page, in both languages.

A code without an entry shows the generic "the reader is not sure of this text": true, but it does not tell staff
what to look for. The codes are taken from the modules that write them, so a renamed code fails here."""

from __future__ import annotations

import pytest

from service.web import words
from service.web.i18n import translations
from transform.ingest.table_sums import SUMS
from transform.ocr.doc_profile import AMBIGUOUS
from transform.ocr.line_doubt import WEAK
from transform.ocr.odd_tokens import ODD

CODES = ("ocr_low_confidence", "digits_disagree", SUMS, AMBIGUOUS, WEAK, ODD)


@pytest.mark.parametrize("code", CODES)
def test_doubt_has_its_own_words(code: str) -> None:
    text = words.DOUBTS.get(code)
    assert text and text != words.DOUBT_OTHER
    arabic = translations("ar").gettext(text)
    assert arabic != text and any("\u0600" <= ch <= "\u06ff" for ch in arabic)


def test_ambiguous_word_tells_staff_to_check_the_word() -> None:
    arabic = translations("ar").gettext(words.DOUBTS[AMBIGUOUS])
    assert "كلمة" in arabic and "الأصل" in arabic
