"""Numbers settled by a vote between the ``ara`` and the script ``Arabic`` models (votes.py), on
the readings tesseract gave for real lines of the corpus, and on a real OCR'd page."""

from __future__ import annotations

from pathlib import Path

import pytest
from ocr_testkit import one_page

from transform.evaluation import normalize, read_document
from transform.evaluation.normalize import number_tokens
from transform.model.walk import iter_blocks
from transform.ocr.tesseract import SCRIPT_MODEL, installed_langs, script_langs
from transform.ocr.votes import close, percent_signs, vote

REALDOCS = Path(__file__).resolve().parents[1] / "realdocs" / "files"

# Joint order 1096.26 p. 2 (126 dpi scan): the page's reading, then the line read again by each model.
PAGE = "2 من رمضان 1415 (22 فبراير 1005(« كما تم تتميمه ولا سيما المادتين 22 و23 منه؛"
ARA = "22 من رمضان 1415 (22 فبراير 1995)» كما تم تتميمه ولا سيما المادتين 22 و23 منه؛."
SCRIPT = "22 من رمضان 1415 (22 فبرایر 1995)» کما تم تتمیمه ولا سیما المادتین 22 و23 منه؛"


def test_two_models_agreeing_put_a_number_right() -> None:
    assert vote(PAGE, [("ara+fra", ARA), ("Arabic+fra", SCRIPT)]) == {0: "22", 3: "1995"}


def test_one_model_alone_changes_nothing() -> None:
    assert vote(PAGE, [("ara+fra", ARA), ("ara+fra", ARA)]) == {}
    assert vote(PAGE, [("Arabic+fra", SCRIPT)]) == {}


def test_a_digit_both_models_add_at_one_scale_is_outvoted() -> None:
    """Decree 2.26.530 p. 2: ``2026،`` read as ``22026`` (ara), ``2026`` (script), and as ``42026`` by
    both models on the enlarged crop. Two backers against the page and the script's first reading: kept."""
    page = "يوم الأحد 20 سبتمبر 2026» الرجوع إلى"
    readings = [("ara+fra", "يوم الأحد 20 سبتمبر 22026 الرجوع إلى."), ("Arabic+fra", "يوم الأحد 20 سبتمبر 2026ء الرجوع إلى"),
                ("ara+fra", "يوم الأحد 20 سبتمبر 42026 الرجوع إلى."), ("Arabic+fra", "يوم الأحد 20 سبتمبر 42026 الرجوع إلى")]
    assert vote(page, readings) == {}


def test_a_digit_added_by_the_page_reading_is_removed_when_three_readings_agree() -> None:
    """Tangier council p. 1: a superscript letter after the year read as a digit (``22015``)."""
    page = "الصادر في 20 رمضان 1436 الموافق ل 07يوليوز 22015 يُعلن رئيس"
    readings = [("ara+fra", "الصادر في 20 رمضان 1436* الموافق ل 07ايوليوز 22015 يُعلن رئيس"),
                ("Arabic+fra", "الصادر في 20 رمضان 1436 الموافق ل 07يوليوز 2015“ بعلن رئيس"),
                ("ara+fra", "الصادر في 20 رمضان 1436* الموافق ل 07يوليوز 2015 يُعلن رئيس"),
                ("Arabic+fra", "الصادر في 20 رمضان 1436“ الموافق ل 07يوليوز 2015“ بعلن رئيس")]
    assert vote(page, readings) == {3: "2015"}
    assert vote(page, readings[:2]) == {}  # one reading each way: the page's token stays


def test_close_tokens_only() -> None:
    assert close("1005", "1995") and close("3", "23") and close("22015", "2015")
    assert not close("1234", "9876")  # three digits changed
    assert not close("12.5", "125")  # separators differ
    assert not close("4", "1447")


def test_percent_signs_read_as_digits_are_put_back() -> None:
    text, n = percent_signs("-74 90 فيما يخص الدقيق الخاص.", ["-74 % فيما يخص الدقيق الخاص.", "-74 % فيما يخص الدقيق الخاص"])
    assert n == 1 and text == "-74 % فيما يخص الدقيق الخاص."
    assert [t.text for t in number_tokens(normalize(text))] == ["74%"]
    # joint order p. 8: the sign drawn before the number (``% 3``) read as ``9/0``; the script
    # model's second reading has junk of its own after it, the word before it places the sign
    text, n = percent_signs("من 1,1 إلى 9/03 1,26", ["من 1,1 إلى 3% (| 1,26", "من 1,1 إلى 3% ٠-126٠“"])
    assert n == 1 and text == "من 1,1 إلى 3 % 1,26"


def test_percent_needs_every_script_reading_and_digit_junk() -> None:
    page = "-74 90 فيما يخص الدقيق الخاص."
    assert percent_signs(page, ["-74 % فيما يخص الدقيق الخاص.", "-74 90 فيما يخص الدقيق الخاص."]) == (page, 0)
    assert percent_signs(page, []) == (page, 0)
    assert percent_signs("من 2,6 إلى 6 90 في", ["من 2,6 إلى 6 في"]) == ("من 2,6 إلى 6 90 في", 0)
    words = "عدد 74 الجريدة"  # a real word where the sign would go: not junk
    assert percent_signs(words, ["عدد 74%"]) == (words, 0)
    twice = "من 1 إلى 903 ومن 1 إلى 6"  # the word before the sign occurs twice: no place for it
    assert percent_signs(twice, ["من 1 إلى 3% ومن 1 إلى 6"]) == (twice, 0)


def test_script_model_is_optional() -> None:
    assert script_langs("ara+fra", {"ara", "fra"}) is None
    assert script_langs("ara+fra", {"ara", "fra", "Arabic"}) == "Arabic+fra"
    assert script_langs("fra+ara", {"ara", "fra", "Arabic"}) == "fra+Arabic"
    assert script_langs("fra", {"fra", "Arabic"}) is None


@pytest.mark.slow
def test_joint_order_page_numbers_and_dates_in_order(tmp_path: Path) -> None:
    """Joint order 1096.26, p. 2 (a 126 dpi scan): every number and date of its recitals comes back
    identical and in order; ``1995`` was read ``1005`` and put right only by the two models' vote."""
    if SCRIPT_MODEL["ara"] not in installed_langs():
        pytest.skip("tesseract-ocr-script-arab not installed")
    doc = read_document(one_page(REALDOCS / "adala-ar-joint-order-1096-26.pdf", 2, tmp_path / "p2.pdf"))
    assert doc.meta.pages[0].method == "ocr"
    assert "number" in doc.meta.pages[0].reason and "read again" in doc.meta.pages[0].reason
    body = normalize(" ".join(s.text for b in [b for _, b in iter_blocks(doc)] for s in getattr(b, "sentences", [])))
    assert normalize("22 من رمضان 1415 (22 فبراير 1995") in body
    expected = ["12.94", "1.95.8", "22", "1415", "22 فبراير 1995", "22", "23"]
    found = [t.text for t in number_tokens(body)]
    pos = 0
    for tok in expected:  # in this order
        pos = found.index(tok, pos) + 1
    assert "1005" not in found
