"""A lone Latin word inside an Arabic line read again alone from its ink with ara (lone_latin.py): the Casablanca
judgment's `Ages` (عضوا) and `dl` (وأن, then after the date it stood before); codes, Roman numbers, `bis` and Latin
terms of several words stay."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from transform.ingest.base import TextLine
from transform.ocr.lone_latin import _lone, _replaced, reread_lone_latin
from transform.ocr.render import preprocess, render_page
from transform.ocr.tesseract import OcrResult

from ._pagebits import FILES

_BOX = (0.0, 0.0, 1.0, 1.0)


def _listing(*words: str) -> list[tuple[str, float, float, float, float]]:
    return [(w, *_BOX) for w in words]


def test_only_a_lone_latin_word_of_letters_is_a_candidate() -> None:
    words = _listing("حميد", "أوصالح", "Ages")
    assert _lone("Ages", 2, words)
    assert not _lone("G/2432", 1, _listing("العقاري", "G/2432", "الكائن"))  # a land title's code
    assert not _lone("F1", 1, _listing("نموذج", "F1", "من"))
    assert not _lone("II", 1, _listing("رقم", "II", "بهذا"))  # an annex's Roman number
    assert not _lone("bis", 1, _listing("5", "bis", "من"))
    assert not _lone("Masse", 1, _listing("phase", "Masse", "دون"))  # beside another Latin word: a term
    assert not _lone("(CV)", 1, _listing("ذاتية", "(CV)", "تحمل"))  # a term in brackets
    assert not _lone("CV", 2, _listing("ذاتية", "(", "CV", ")", "تحمل"))  # its brackets read apart


def test_beside_a_number_the_line_is_made_again_in_its_order() -> None:
    # tesseract's listing (right to left) of the judgment's p. 3 line: `dl` ran left to right with the date
    listing = [(w, x, 0.0, x + 10, 10.0) for w, x in
               (("بتاريخ", 320.0), ("2019/09/13", 260.0), ("وأن", 240.0), ("هذا", 220.0))]
    assert _replaced("بتاريخ dl 2019/09/13 هذا", "dl", "وأن", listing) == "بتاريخ 2019/09/13 وأن هذا"
    # away from a number the word is replaced where it stands
    assert _replaced("حميد أوصالح Ages", "Ages", "عضوا.", _listing("حميد", "أوصالح", "عضوا.")) == "حميد أوصالح عضوا."


@pytest.fixture(scope="module")
def judgment_p1():
    path = FILES / "ma-tc-casa-jugement-2271-2020.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    try:
        return preprocess(render_page(pdf, 0), scanned=False)  # its watermark removed, binarised, as the reader does
    finally:
        pdf.close()


def _line(text: str, words: list[tuple[str, float, float, float, float]], confs: list[float]):
    ln = TextLine(text=text, x0=min(w[1] for w in words), top=min(w[2] for w in words), x1=max(w[3] for w in words),
                  bottom=max(w[4] for w in words), page=1)
    return ln, OcrResult([ln], 87.0, len(words), {id(ln): sum(confs) / len(confs)}, rtl_words={id(ln): (text, words)},
                         word_confs={id(ln): confs})


@pytest.mark.slow
def test_the_benchs_member_read_as_latin_is_read_again_from_its_ink(judgment_p1) -> None:
    # the bench's third line as the page reading gave it (words and boxes in points, tesseract's listing)
    words = [("حميد", 471.456, 484.992, 491.904, 495.36), ("أوصالح", 435.456, 480.384, 467.424, 498.816),
             ("Ages", 400.896, 483.264, 431.136, 496.8)]
    ln, result = _line("حميد أوصالح Ages", words, [91.9, 85.8, 64.7])
    extra = TextLine(text="عريب حميد رئيسا ومقررا.", x0=400.0, top=440.0, x1=500.0, bottom=455.0, page=1)
    assert reread_lone_latin(judgment_p1, [extra, ln], result, 60.0) == 1
    assert ln.text.rstrip(".") == "حميد أوصالح عضوا"
    assert result.rtl_words[id(ln)][1][2][0].rstrip(".") == "عضوا"  # the listing kept in step


@pytest.mark.slow
def test_a_code_in_an_arabic_line_is_not_read_again(judgment_p1) -> None:
    words = [("حميد", 471.456, 484.992, 491.904, 495.36), ("أوصالح", 435.456, 480.384, 467.424, 498.816),
             ("G12", 400.896, 483.264, 431.136, 496.8)]
    ln, result = _line("حميد أوصالح G12", words, [91.9, 85.8, 64.7])
    assert reread_lone_latin(judgment_p1, [ln], result, 60.0) == 0
    assert ln.text == "حميد أوصالح G12"
