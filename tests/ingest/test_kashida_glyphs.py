"""Stretched Arabic words whose kashida is a glyph without Unicode (the Egyptian Official
Gazette, law 8 of 2022): pdfium puts a space in the stretch, the reader takes it back."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from tests.ingest._realpages import FILES, block_text, read_pages
from transform.ingest import pdf_kashida

LAW = "eg-ar-law-8-2022.pdf"


@pytest.fixture(scope="module")
def first_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    blocks = read_pages(LAW, [0], tmp_path_factory.mktemp("kashida"))
    return "\n".join(block_text(b) for b in blocks)


def test_stretched_words_come_back_whole(first_page: str) -> None:
    # as printed: each of these words is stretched by a kashida glyph somewhere inside it
    for word in ("هذا القانون والقانون", "على جميع", "تسرى أحكام", "واستيفاء", "المنشآت", "لرؤساء"):
        assert word in first_page, word
    # the cut pieces pdfium's text gives are gone (the vowel mark pdfium put inside واستيفاء too)
    for piece in ("ه ذا", "القان ون", "عل ى", "تس رى", "واس "):
        assert piece not in first_page, piece
    assert "\u0640" not in first_page


def test_real_word_spaces_stay(first_page: str) -> None:
    # words that follow each other on the line keep their space
    for words in ("المادة الأولى", "أحكام هذا", "رئيس الجمهورية"):
        assert words in first_page, words
    # no two words glued: every word of the enacting formula is apart
    assert re.search("قرر مجلس النواب القانون", first_page)


def test_pdfium_text_is_cut_without_the_repair() -> None:
    # the measure can fail: pdfium's own text of the page has the cut words the repair mends
    path = FILES / LAW
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    assert "ه ذا" in text and pdf_kashida.suspect(text)
    mended = pdf_kashida.mend(page, textpage, text)
    assert len(mended) == len(text)  # the page's character indices stay
    assert "ه ذا" not in mended and "هـذا" in mended
    assert "أحكام ه" in mended  # a space between two words is not a stretch
    pdf.close()


def test_no_stroke_no_change() -> None:
    # lone letters on a page with no Unicode-less glyph: nothing is joined
    page = pdfium.PdfDocument.new().new_page(200, 200)
    text = "أ ب ت ث كلمة ه ذا"
    assert pdf_kashida.suspect(text)
    assert pdf_kashida.mend(page, page.get_textpage(), text) == text


def test_persian_code_points_read_as_arabic_letters(tmp_path: object) -> None:
    # the Gazette's font sets final alef maksura with the Farsi yeh code point (U+06CC)
    blocks = read_pages(LAW, [22], tmp_path)  # type: ignore[arg-type]
    text = "\n".join(block_text(b) for b in blocks)
    assert "مأمورى" in text and "\u06cc" not in text
    from transform.ingest.pdf_bidi import clean_text

    assert clean_text("مأموری علی کتاب") == "مأمورى على كتاب"
    assert clean_text("شیخ") == "شيخ"  # inside a word: yeh
    assert clean_text("پیمان") == "پیمان"  # a Persian word (پ) is left alone
