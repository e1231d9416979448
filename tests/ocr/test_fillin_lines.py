"""Fill-in lines of a skewed, blurred scan taken out before tesseract reads the page, their labels kept.

Decree 2.19.720's model letters (``adala-ar-decree-2-19-720`` pp. 5-8, a ~100 dpi scan set a little
askew) print a dotted blank after each label (`• رقم البطاقة المهنية: ..........`). Along such a
line the dots climb a pixel every fifty or so and a blurred scan runs two, three or four of them
together, so the leader finder (leaders.py) found the blank in pieces and left the rest, which
tesseract read as words (`• رقم البطاقة lt عد en 0`, a line `nat née ee nnneeenennes ...`).
A long chain of dots may now slope and hold dots run together, and a found leader is carried on
over the thin clean ink beside its ends."""

from __future__ import annotations

import pytest
from ocr_testkit import band_lines

from transform.evaluation import normalize

# the band of page 7 from the greeting to the three labelled blanks (shares of the page height)
TRUTH = ["سلام تام بوجود مولانا الإمام", "وبعد نحن العون المكلف أو الأعوان المكلفون بتفتيش الشغل",
         "الاسم الشخصي والعائلي", "الصفة المهنية", "رقم البطاقة المهنية"]


@pytest.mark.slow
def test_the_blanks_of_a_skewed_model_letter_are_not_read_as_words() -> None:
    lines = band_lines("adala-ar-decree-2-19-720", 7, 0.38, 0.50)
    body = normalize(" ".join(lines))
    for label in ("الاسم الشخصي والعائلي", "الصفة المهنية", "رقم البطاقة"):
        assert label in body, (label, lines)  # each label kept
    assert not any("nnn" in ln or "née" in ln for ln in lines), lines  # no line made of a blank's dots
    # every word read beyond the printed ones is a blank read as letters (36 words on main's code)
    printed = sum(len(t.split()) for t in TRUTH)
    assert len(body.split()) <= printed + 3, lines
