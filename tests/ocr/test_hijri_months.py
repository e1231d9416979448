"""Hijri months named with an ordinal and ``فاتح`` (the first day) in OCR'd dates (``months.repair_months``).

The Ministry of Health's decision cites ``المرسوم رقم 2.72.373 بتاريخ فاتح ربيع الثاني 1394 (24 أبريل 1974)``;
the page read ``فاح ريبع الثاني 1394``: the dots of ``ب`` and ``ي`` in each other's place, and ``ت`` lost.
"""

from __future__ import annotations

import pytest

from transform.ocr.months import repair_months


def _fixed(text: str) -> str:
    return " ".join(repair_months(text.split()))


def test_the_health_decisions_hijri_date_is_put_right() -> None:
    read = "وعلى المرسوم رقم، 2.72.373 بتاريخة فاح ريبع الثاني 1394 (24 أبريل 1974) بإحداث"
    assert _fixed(read) == "وعلى المرسوم رقم، 2.72.373 بتاريخة فاتح ربيع الثاني 1394 (24 أبريل 1974) بإحداث"
    assert _fixed("في 12 ريبع الأول 1442") == "في 12 ربيع الأول 1442"
    assert _fixed("في 12 رييع الأول 1442") == "في 12 ربيع الأول 1442"  # one letter's dots off
    assert _fixed("منذ فاح دجنبر 2018 إلى") == "منذ فاتح دجنبر 2018 إلى"


def test_a_month_between_a_day_and_a_year_with_two_letters_off() -> None:
    # the Casablanca judgment p. 1, as read: ``عن المدة من فاتح دجنبر 2018`` with ``دجدير`` (ن read د, ب read ي)
    assert _fixed("عن لئدة من فاتح دجدير 2018 إلى") == "عن لئدة من فاتح دجنبر 2018 إلى"
    assert _fixed("في 15 دجدير 2018") == "في 15 دجنبر 2018"
    # not between a day and a year: as read
    for text in ("في 15 دجدير من", "دجدير 2018", "في 150 دجدير 2018"):
        assert _fixed(text) == text, text


@pytest.mark.parametrize("text", [
    "ريبع الثاني من السنة",  # no year after the ordinal: no date
    "فاح العطر 1394",  # not before a month's name
    "فتح ماي للعموم",  # a month's name without its year
    "منذ فاتح دجنبر 2018",  # right as read
    "ربيع الثاني 1394",
    "ريبع الدين 1394",  # no ordinal after it
    "سيبع الثاني 1394",  # not a month's strokes
])
def test_words_that_are_no_such_date_stay(text: str) -> None:
    assert _fixed(text) == text
