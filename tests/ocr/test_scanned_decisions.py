"""Words and numbers of scanned Arabic decisions (issue 17): the Ministry of Health's 200 ppi
flatbed scan (``ma-sante-ar-decision-2023``) read through the OCR functions on a band of its
first page, and the repairs' rules on the misreadings the corpus showed.

* ``رقم`` whose ``قم`` ligature tesseract reads ``رم``, ``رق``, ``رغ``; ``الاجتاعية`` for
  الاجتماعية (a stacked ``م`` lost), ``المدبرية`` for المديرية (dots): unsure words put right
  against the word list (spelling.py);
* month names with a letter lost (``فراير``, ``نوفبر``, ``جادى``) beside a number (months.py);
* decree number ``2.11.681`` read ``1`` in the page's layout, whole on the line read alone
  and on the enlarged crop (numbers.py, votes.lost_part).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.evaluation import normalize
from transform.ocr.months import repair_months
from transform.ocr.numbers import merge_numbers
from transform.ocr.pages import ocr_page
from transform.ocr.render import render_page, scan_resolution
from transform.ocr.spelling import LOW_CONF, repair_unsure, repair_word, sure_words
from transform.ocr.votes import lost_part

SANTE = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "ma-sante-ar-decision-2023.pdf"
UNSURE, SURE = LOW_CONF - 30, LOW_CONF + 20


def _fix(text: str) -> str:
    return " ".join(repair_months(text.split()))


def test_a_month_name_with_a_letter_lost_gets_it_back_beside_a_number() -> None:
    assert _fix("4 شعبان 1377 (24 فراير 1958)") == "4 شعبان 1377 (24 فبراير 1958)"
    assert _fix("الصادر في 21 نوفبر 1994 في شأن") == "الصادر في 21 نوفمبر 1994 في شأن"
    assert _fix("في 5 جادى الآخرة 1434") == "في 5 جمادى الآخرة 1434"
    assert _fix("في 12 دجبر 2020") == "في 12 دجنبر 2020"


def test_a_month_repair_takes_no_word_and_no_guess() -> None:
    for text in [
        "5 ماس 2023",  # ماس is a word of the list as it stands
        "10 مار 2020",
        "3 يولي 2020",  # يوليو or يوليه: which one is not known
        "فراير الماضي",  # no number beside it
        "2 شبان 2019",  # شعبان less a letter, but a word
    ]:
        assert _fix(text) == text, text


def test_unsure_words_one_letter_off_a_known_word_are_put_right() -> None:
    words = ["وعلى", "المرسوم", "رم", "2.94.285", "لوزارة", "الصحة", "والحماية", "الاجتاعية", "المدبرية", "الشروظ"]
    confs = [92.0, 92.0, UNSURE, 91.0, 93.0, 93.0, 90.0, UNSURE, UNSURE, UNSURE]
    assert repair_unsure(words, confs) == ["وعلى", "المرسوم", "رقم", "2.94.285", "لوزارة", "الصحة", "والحماية",
                                           "الاجتماعية", "المديرية", "الشروط"]
    assert repair_word("الخاضة،") == "الخاصة،"  # punctuation at its edge kept
    assert repair_word("الترشج") == "الترشح"
    assert repair_word("والماية") == "والحماية"  # a stacked ح lost
    assert repair_word("مصصلحة") == "مصلحة"  # a letter read twice
    assert repair_word("امحكمة") == "المحكمة"  # the article's ل under a stacked م
    assert repair_unsure(["رتم", "2019/2"], [UNSURE, SURE]) == ["رقم", "2019/2"]


def test_sure_right_or_ambiguous_words_stay() -> None:
    # read with confidence: never touched, even one letter off a known word
    assert repair_unsure(["الاجتاعية", "رم", "12"], [SURE, SURE, SURE]) == ["الاجتاعية", "رم", "12"]
    # رقم is only settled before a number, a dotted blank or a noun it heads on forms (test_form_words.py)
    assert repair_unsure(["رم", "الصادر"], [UNSURE, SURE]) == ["رم", "الصادر"]
    for word in [
        "الصحة", "المركزية", "يحدد", "ويمكن", "تتعلق",  # known words and verbs the list lacks as such
        "السبد",  # السيد or السند: two candidates
        "أمكراز",  # a name: no candidate
        "فراير",  # a month one letter off is left to repair_months, beside its number
    ]:
        assert repair_word(word) == word, word


def test_a_word_the_page_reads_sure_elsewhere_stays() -> None:
    """``الطرقية`` (road, of Morocco's road-safety agency) is not in the list and is one dot from
    ``الطرفية``: read unsure once on a page that prints it sure elsewhere, it stays."""
    words = ["للسلامة", "الطرقية", "الوطنية", "للسلامة", "الطرقية؛", "التظام"]
    confs = [92.0, 93.0, 90.0, 91.0, UNSURE, UNSURE]
    sure = sure_words(words, confs)
    assert repair_unsure(words, confs, sure) == [*words[:5], "النظام"]
    # what the list alone would make of it (apart from للسلامة: beside it, the term السلامة الطرقية settles it)
    assert repair_unsure(words[4:5], confs[4:5]) == ["الطرفية؛"]
    assert repair_unsure(words, confs)[4] == "الطرقية؛"


def test_a_reference_number_whose_groups_were_lost_comes_back_only_when_read_twice() -> None:
    assert lost_part("1", "2.11.681") and lost_part("6599", "65.99") and lost_part("13", "1299-13")
    assert not lost_part("2023", "2.11.681")  # not its digits
    assert not lost_part("2.11.681", "2.11.681") and not lost_part("12", "12")
    line = "وعلى المرسوم رقم 1 الصادر في 28 من ذي الحجة 1432"
    second = "وعلى المرسوم رقم 2.11.681 الصادر في 28 من ذي الحجة 1432"
    assert merge_numbers(line, second, True, third=second)[0] == second
    assert merge_numbers(line, second, True, third=line)[0] == line  # the enlarged reading does not confirm


@pytest.mark.slow
def test_health_decision_recitals_read_right() -> None:
    """Page 1's recitals (decrees 1.58.008 to 2.72.373), read as the reader reads the scan: the
    ``رقم`` that tesseract read ``رم``/``رق``/``رغ`` before a number, the months with a letter
    lost, and decree 2.11.681, whose groups the page's layout lost, come back."""
    if not SANTE.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(SANTE))
    try:
        res = scan_resolution(pdf[0])
        assert res is not None
        lines, report = ocr_page(render_page(pdf, 0), ["ar", "fr"], timeout=300, scanned=True, why="test", scan_dpi=res[0])
    finally:
        pdf.close()
    assert report.method == "ocr"
    text = normalize(" ".join(ln.text for ln in lines))
    for expected in ("رقم 1.58.008", "(24 فبراير 1958)", "رقم 1.58.295", "رقم 2.94.285", "21 نوفمبر 1994",
                     "رقم 2.11.681 الصادر في 28 من ذي الحجة 1432", "5 جمادى الآخرة 1434", "رقم 1299-13"):
        assert normalize(expected) in text, expected
    assert text.count(normalize("الاجتماعية")) >= 2
