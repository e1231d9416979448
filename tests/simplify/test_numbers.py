from __future__ import annotations

import pytest

from transform.simplify.numbers import canonical_values, say_int, say_number, write_amount
from transform.simplify.speak import is_speakable, speakable

GUIDE_TABLE = {  # DARIJA_GUIDE §3.5
    12: "طناش", 2026: "ألفين و ستة و عشرين", 22: "تنين و عشرين", 4000: "ربع آلاف", 78: "تمنية و سبعين",
    317: "تلتمية و سبعطاش", 250000: "ميتين و خمسين ألف", 320000000: "تلتمية و عشرين مليون",
    1250000000: "مليار و ميتين و خمسين مليون", 2800000000: "جوج مليار و تمنمية مليون", 75000000: "خمسة و سبعين مليون",
    29: "تسعة و عشرين",
}


@pytest.mark.parametrize("n,words", GUIDE_TABLE.items())
def test_guide_table(n: int, words: str) -> None:
    assert say_int(n) == words


def test_counted_teens_take_r() -> None:
    assert say_int(11000) == "حداشر ألف"
    assert say_int(11, counted=True) == "حداشر"
    assert say_int(11) == "حداش"


@pytest.mark.parametrize("value,written", [(1250000000, "مليار و 250 مليون"), (320000000, "320 مليون"), (2.8e9, "2 مليار و 800 مليون"),
                                          (4000, "4000"), (28374, "28 ألف و 374"), (75e6, "75 مليون")])
def test_written_amounts(value: float, written: str) -> None:
    assert write_amount(value) == written


@pytest.mark.parametrize("text,values", [
    ("1 250 000 000 درهم", ["1250000000"]), ("1.250.000.000 DH", ["1250000000"]), ("1 250 MDH", ["1250000000"]),
    ("مليار و 250 مليون درهم", ["1250000000"]), ("2,8 milliards de dirhams", ["2800000000"]),  # decimal comma: 2.8, never 28
    ("2 مليار و 800 مليون", ["2800000000"]), ("1 milliard 250 millions", ["1250000000"]), ("28 ألف و 374", ["28374"]),
    ("78%", ["78"]), ("78 في المائة", ["78"]), ("15/03/2026", ["date:2026-03-15"]), ("15 مارس 2026", ["date:2026-03-15"]),
    ("le 15 mars 2026", ["date:2026-03-15"]), ("القانون 111.14", ["law:111.14"]), ("2022-2027", ["2022", "2027"]),
    ("ثلاث دورات", ["3"]), ("trois exercices", ["3"]), ("une commune", []),
])
def test_canonical_values(text: str, values: list[str]) -> None:
    assert canonical_values(text) == values


def test_speakable_verbalises_everything() -> None:
    out = speakable("الجهة غادي تبني 12 مركز صحي ف 2025 ب مليار و 250 مليون درهم، 78 ف المية، القانون 111.14، 2,8.")
    assert is_speakable(out), out
    assert "طناشر مركز" in out  # counted form before a noun
    assert "مليار و ميتين و خمسين مليون درهم" in out
    assert "تمنية و سبعين ف المية" in out
    assert "مية و حداش نقطة ربعطاش" in out
    assert say_number("2,8") in out


def test_speakable_symbols() -> None:
    out = speakable("من 2022-2027 و 50% / ONEE")
    assert is_speakable(out)
    assert "ألفين و تنين و عشرين حتى ألفين و سبعة و عشرين" in out


def test_hyphenated_article_numbers_stay_one_identifier() -> None:
    """Issue 18: `المادة 11-17` of a finance law was written `11 - 17` (two numbers instead of one identifier)."""
    from transform.simplify.metrics import check_segment
    from transform.simplify.msa import DocState, simplify_sentence

    src = "وتم تغييرها بالمادة 1-17 من قانون المالية رقم 22.12 للسنة المالية 2012، وتطبق المادة 11-17 منه."
    out = " ".join(simplify_sentence(src, DocState()).pieces)
    assert "1-17" in out and "11-17" in out and "22.12" in out
    chk = check_segment(src, out, speakable(out))
    assert not chk.numbers_missing and not chk.numbers_new
    # a year range is still a range, a date still a date
    out2 = " ".join(simplify_sentence("البرنامج 2022-2027 المصادق عليه في 15-03-2026.", DocState()).pieces)
    assert "من 2022 حتى 2027" in out2 and "15 مارس 2026" in out2


def test_page_and_issue_numbers_are_written_as_printed() -> None:
    from transform.simplify.msa import DocState, simplify_sentence

    out = " ".join(simplify_sentence("الجريدة الرسمية عدد 6826 بتاريخ 2 ربيع الأول 1441 (31 أكتوبر 2019) ص 10155.", DocState()).pieces)
    assert "رقم 6826" in out and "ف الصفحة 10155" in out and "ألف" not in out
