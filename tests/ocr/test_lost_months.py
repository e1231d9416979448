"""A date read without its handwritten month is left in doubt, never completed (transform/ocr/lost_months.py,
seventeenth session).

The Santé decision's title (ma-sante-ar-decision-2023 p. 1) is dated by a blue stamp, ``15`` and ``2023``, with the
month ``مارس`` written by hand between them: the reader keeps ``15 2023``. Its line was in doubt only because
tesseract read the whole title unsure; read sure, it would have reached the review page as sound. These tests fail on
main (no such module). The page read whole, its title followed to the review's reasons, is tested in
test_stray_place.py, which reads the same page (one reading per test file, shared).
"""

from __future__ import annotations

import pytest

from transform.ingest.base import TextLine
from transform.ingest.pdf_tables import FoundTable
from transform.model import Table
from transform.ocr.confidence import DIGITS, OCR_LOW
from transform.ocr.lost_months import mark_lost_months, month_lost

TITLE = ". قرار لوزير الصحة والحماية الاجتماعية رقم ......................... 4104 صادر بتاريخ........................ 15 2023 بفتح باب الترشح لشغل"


@pytest.mark.parametrize("text", [TITLE, "صادر بتاريخ ١٥ ٢٠٢٣", "الصادر في 3 1444"])
def test_a_day_right_before_a_year_is_a_date_that_lost_its_month(text: str) -> None:
    assert month_lost(text)


@pytest.mark.parametrize("text", [
    "الصادر في 15 مارس 2023", "الصادر في 4 شعبان 1377 (24 فبراير 1958)", "رقم 15/2023 بتاريخ", "الأعوام 12 2023 2024",
    "برسم سنتي 2022 2023", "Fait à Rabat le 15 2023", "رقم 1299-13 الصادر"])
def test_a_whole_date_a_number_or_a_french_line_is_not(text: str) -> None:
    assert not month_lost(text)


def test_the_line_is_put_in_doubt_and_its_text_kept() -> None:
    sure = TextLine(text=TITLE, x0=57.0, top=130.0, x1=545.0, bottom=159.0, page=1)
    sure.confidence = 0.92  # read sure: no doubt of its own
    unsure = TextLine(text=TITLE, x0=57.0, top=200.0, x1=545.0, bottom=229.0, page=1)
    unsure.confidence, unsure.doubt = 0.6, OCR_LOW
    whole = TextLine(text="الصادر في 15 مارس 2023", x0=57.0, top=260.0, x1=545.0, bottom=280.0, page=1)
    cell = TextLine(text="بتاريخ 15 2023", x0=57.0, top=300.0, x1=545.0, bottom=320.0, page=1)
    table = FoundTable(Table(rows=[]), 295.0, 325.0, 40.0, 550.0)  # a table's cell is the table's to judge
    assert mark_lost_months([sure, unsure, whole, cell], [table]) == 2
    assert sure.doubt == DIGITS and unsure.doubt == DIGITS and whole.doubt is None and cell.doubt is None
    assert sure.text == TITLE  # no month put in
