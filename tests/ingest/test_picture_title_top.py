"""A title printed as a picture over the page's first line (pdf_picture_text): decree 2.19.770's
annex opens its page 4 with its title drawn as an image, right under the running header band
(an image too) and over the table; no text line lies above the title, so the hole sign never
fired and the title (with the decree's number and date) was lost. The running band itself,
in the top margin and further from the text, stays unread."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from tests.ingest._realpages import FILES
from transform._exec import TESSERACT
from transform.ingest import pdf_picture_text as pic
from transform.ingest.pdf_furniture import split_page_numbers
from transform.ingest.pdf_text import page_lines

needs_tesseract = pytest.mark.skipif(not TESSERACT.available(), reason="tesseract is not installed")


def _page(name: str, page_no: int):
    path = FILES / name
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[page_no - 1]
    lines, _ = split_page_numbers(page_lines(page, page.get_textpage(), page_no), page.get_height())
    return pdf, page, lines


@needs_tesseract
def test_title_over_the_first_line_is_read_first() -> None:
    pdf, page, lines = _page("adala-ar-decree-2-19-770.pdf", 4)
    out = pic.picture_lines(page, lines, 4)
    new = [ln for ln in out if ln not in lines]
    assert [ln.text for ln in new] == [
        "ملحق المرسوم رقم 2.19.770 الصادر في 9 صفر 1441 (8 أكتوبر 2019)",
        "برفع مبالغ الإيرادات الممنوحة للمصابين بحوادث الشغل والأمراض المهنية أو لذوي حقوقهم",
    ]
    assert out[: len(new)] == new  # before the table's header row, in reading order
    assert out[len(new)].text.startswith("الفترة")
    assert all(ln.rtl and ln.page == 4 for ln in new)
    pdf.close()


def test_running_band_over_a_cover_is_left_alone() -> None:
    # page 1 starts low (the decree's cover under the header band): the sign fires, the only
    # line-high image is the band in the top margin, far above the first line: nothing is read
    pdf, page, lines = _page("adala-ar-decree-2-19-770.pdf", 1)
    assert min(ln.top for ln in lines) > pic.LOW_START * page.get_height()
    assert pic._images(page, page.get_height())  # the band is there ...
    assert pic.picture_lines(page, lines, 1) is lines  # ... and is not taken for a title
    pdf.close()


def test_placed_over_the_first_line_only_when_close_and_out_of_the_margin() -> None:
    class Line:
        top, bottom = 115.0, 131.0

    first, height = Line(), 842.0
    tops = [115.0, 145.0]
    assert pic._placed((92.0, 71.0, 457.0, 100.0), tops, first, height)  # the annex title
    assert not pic._placed((71.0, 35.0, 524.0, 70.0), tops, first, height)  # the band: margin, 45 pt off
    assert not pic._placed((92.0, 55.0, 457.0, 80.0), tops, first, height)  # 35 pt off the first line
    assert not pic._placed((92.0, 20.0, 457.0, 110.0), tops, first, height)  # starts in the margin
    assert not pic._placed((92.0, 150.0, 457.0, 170.0), [115.0], first, height)  # under all text


def test_month_names_spelt_as_the_list_spells_them() -> None:
    assert pic._month_spelling("(8 آكتوبر 2019)") == "(8 أكتوبر 2019)"
    assert pic._month_spelling("9 اغسطس") == "9 أغسطس"
    assert pic._month_spelling("ابريل") == "ابريل"  # أبريل or إبريل: two names fit, left alone
    assert pic._month_spelling("أب الأسرة") == "أب الأسرة"  # short words are not months
    assert pic._month_spelling("أكتوبر") == "أكتوبر"
