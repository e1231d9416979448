"""BO 5952 bis p. 1 (an OCR'd cover): the subscription panel's telephone numbers. Tesseract read one of them
``05.37,76.54.13`` (a point with a tail on the 200 ppi bilevel scan); ``cover_numbers.comma_phones`` gives the point
back in a telephone number's five pairs only, and nowhere else (issue 17: a number is read right or is in doubt)."""

from __future__ import annotations

import pytest

from transform.ocr.cover_numbers import comma_phones, year_period
from transform.ocr.tesseract import line_text


def test_the_covers_third_number_read_with_its_points() -> None:
    line = "Tél. : 05.37.76.50.24 - 05.37.76.50.25 05.37,76.54.13"
    assert comma_phones(line) == "Tél. : 05.37.76.50.24 - 05.37.76.50.25 05.37.76.54.13"
    assert line_text(line.split(), [float(k) for k in range(len(line.split()))], False).endswith("05.37.76.54.13")


@pytest.mark.parametrize("text", [
    "prix 0,50 DH",  # a decimal comma
    "1,25.30.40.50",  # no leading 0: not a telephone number
    "05,37,76.54.13",  # two commas: not one point misread
    "05.37,76.54.13.5",  # digits go on
    "le taux de 12,50 %",
])
def test_other_commas_kept(text: str) -> None:
    assert comma_phones(text) == text


def test_sentence_end_after_the_number() -> None:
    assert comma_phones("Appeler le 03.63,37.92.40.") == "Appeler le 03.63.37.92.40."


@pytest.mark.parametrize(("read", "right"), [("6 mois | lan", "6 mois | 1 an"), ("6 mois lan", "6 mois 1 an"),
                                             ("Gmois Lan", "Gmois Lan"), ("de l'an 2011", "de l'an 2011"),
                                             ("Lan Xiang, 6 mois", "Lan Xiang, 6 mois")])
def test_the_rate_boxs_year(read: str, right: str) -> None:
    assert year_period(read) == right
