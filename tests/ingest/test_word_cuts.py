"""Arabic words a text layer cuts in two (``pdf_kashida.mend_page``): a space Word wrote inside a
word on a page with only one or two lone letters (``قب ل``, ``ل خطر``: pages below the kashida sign,
looked at only beside those letters), and a space pdfium put in a stretch whose vowel marks stand
after it (``رس ًميا``, ``تُ َحدد``). Read from pdfium's text of the real pages: no full reading."""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2 as pdfium
import pytest

from tests.ingest._realpages import FILES
from transform.ingest import pdf_kashida

KASHIDA = "\u0640"


def _page(name: str, index: int) -> Iterator[tuple[pdfium.PdfPage, pdfium.PdfTextPage, str]]:
    path = FILES / name
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[index]
    textpage = page.get_textpage()
    yield page, textpage, textpage.get_text_range()
    textpage.close()
    page.close()
    pdf.close()


@pytest.fixture(scope="module")
def decree_p2() -> Iterator[tuple[pdfium.PdfPage, pdfium.PdfTextPage, str]]:
    yield from _page("adala-ar-decree-2-19-720.pdf", 1)


@pytest.fixture(scope="module")
def decree_p4() -> Iterator[tuple[pdfium.PdfPage, pdfium.PdfTextPage, str]]:
    yield from _page("adala-ar-decree-2-19-720.pdf", 3)


def test_a_space_drawn_against_a_lone_letter_parts_nothing(decree_p2: tuple, decree_p4: tuple) -> None:
    for (page, textpage, text), cut, whole in ((decree_p4, "قب ل", "قب" + KASHIDA + "ل"), (decree_p2, "ل خطر", "ل" + KASHIDA + "خطر")):
        assert cut in text and not pdf_kashida.suspect(text)  # below the page sign: the old reading left the cut
        mended = pdf_kashida.mend_page(page, textpage, text)
        assert len(mended) == len(text)  # indices stay
        assert whole in mended and cut not in mended
        # only that space changed
        assert sum(a != b for a, b in zip(text, mended, strict=True)) == 1


def test_real_word_spaces_beside_lone_letters_stay() -> None:
    # order 1033.21 p. 3: a form's "ل ......" and "ب......" (a preposition before dots to fill in), and the
    # decree's other words: nothing but the cut changes
    for page, textpage, text in _page("adala-ar-order-1033-21.pdf", 2):
        assert 0 < pdf_kashida.lone_count(text) < pdf_kashida.SIGN
        assert pdf_kashida.mend_page(page, textpage, text) == text


def test_marks_after_the_space_of_a_stretch() -> None:
    # Egyptian law 8/2022 p. 12: "رسميا" stretched by a kashida glyph, its tanween given after pdfium's space
    for page, textpage, text in _page("eg-ar-law-8-2022.pdf", 11):
        assert "رس \u064bميا" in text
        mended = pdf_kashida.mend_page(page, textpage, text)
        assert "رس" + KASHIDA + "\u064bميا" in mended
        assert "محررا رس" in mended  # the word space before it stays


def test_marks_on_both_sides_of_a_space_between_touching_letters() -> None:
    # CESE p. 53: "تُحدد" with pdfium's space between the damma of ت and the fatha of ح (the letters touch)
    for page, textpage, text in _page("cese-ar-avis-biodiversite-2025.pdf", 52):
        assert "تُ َح" in text
        mended = pdf_kashida.mend_page(page, textpage, text)
        assert "تُ" + KASHIDA + "َح" in mended
        assert "عملهـا، تُ" in mended  # the space before the word stays
