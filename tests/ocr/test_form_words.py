"""Words of a ministry's application forms read from a 200 ppi scan (issue 17: Santé's decision).

The words and confidences are tesseract's on the corpus's scan (frozen here, no page is read):
``رقم`` misread before a dotted blank and in the label cell ``رقم التأجير``, and the ``ح`` of
``الترشح`` / ``المترشح(ة)`` read ``م`` after the ``ش``. The measure that right words stay is taken
on every line of the corpus's truth pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transform.ocr.spelling import repair_unsure

TRUTH = Path(__file__).resolve().parents[1] / "realdocs" / "truth"


def test_raqm_before_a_blank_and_in_a_pay_number_label() -> None:
    title = ["قرار", "لوزير", "الصحة", "رق", ".........................", "صادر"]
    assert repair_unsure(title, [83.0, 84.0, 86.0, 61.0, 39.0, 87.0])[3] == "رقم"
    for read, conf in [("رم", 59.0), ("رق", 56.0), ("رغ", 87.0), ("ره", 45.0)]:
        assert repair_unsure([read, "التأجير"], [conf, 92.0]) == ["رقم", "التأجير"], read
    # read very sure, or before another word: as read
    assert repair_unsure(["رق", "التأجير"], [96.0, 92.0]) == ["رق", "التأجير"]
    assert repair_unsure(["رق", "الإنسان"], [60.0, 92.0])[0] == "رق"


def test_final_ha_after_shin_read_mim() -> None:
    words = ["طلب", "الترشم", "لشغل", "توقيع", "المترشم(ة)", "كفاءة", "المترشم(ة)."]
    confs = [90.0, 81.0, 93.0, 93.0, 42.0, 88.0, 39.0]
    assert repair_unsure(words, confs) == ["طلب", "الترشح", "لشغل", "توقيع", "المترشح(ة)", "كفاءة", "المترشح(ة)."]
    # a final م after another letter stays: المبرم (a contract concluded), تسلمكم
    assert repair_unsure(["المبرم", "تسلمكم"], [50.0, 50.0]) == ["المبرم", "تسلمكم"]


def test_truth_lines_are_left_as_written() -> None:
    """Every Arabic line of the truth pages, as if read unsure (50 %) and fairly sure (85 %): the
    words these rules touch (``رقم`` before a blank or a form noun, ``ش`` and a final ``م``, a
    bracketed feminine mark) change nothing there."""
    lines = []
    for page in sorted(TRUTH.glob("*/p*.md")):
        body = re.sub(r"<!--.*?-->", " ", page.read_text(encoding="utf-8").split("---", 2)[-1], flags=re.S)
        lines += [ln.split() for ln in body.splitlines() if re.search("(^|[ (])ر[قمغفعهة]? |شم|\\(ة", ln)]
    if len(lines) < 20:
        pytest.skip("real-document corpus not present")
    for words in lines:
        for conf in (50.0, 85.0):
            got = repair_unsure(words, [conf] * len(words))
            touched = [(a, b) for a, b in zip(words, got, strict=True)
                       if a != b and (b.startswith("رقم") or "شح" in b or "(ة" in a)]
            assert not touched, touched


def test_a_form_label_term_is_settled_before_the_word_alone() -> None:
    """``تارية الطلب`` (p. 3's date cell, read at 60 %): the stacked-letter repair alone makes
    ``تجارية`` (commercial); beside ``الطلب`` it is the form's تاريخ الطلب."""
    words = ["تارية", "الطلب", "توقيع", "المترشم(ة)"]
    assert repair_unsure(words, [60.0, 92.0, 92.0, 47.0]) == ["تاريخ", "الطلب", "توقيع", "المترشح(ة)"]
    assert repair_unsure(["تارية", "التجارة"], [60.0, 92.0])[0] == "تجارية"  # no term: the word's own repair


def test_a_short_heading_cut_by_a_stray_takes_its_word_back() -> None:
    """The article heading in a shaded bar (p. 1, read ``المادة nl لى:`` at 64 %, ``nl`` unsure):
    the script model's re-reading ``المادة الأولى:`` (67 %) replaces the stray and the piece of
    ``الأولى`` left beside it. A piece that begins or ends no known word read in its place stays,
    and so does a capitalised word (a name, ``DU`` of a French letterhead)."""
    from transform.ocr.strays import _short_strays, replace_strays

    line = "المادة nl لى:"
    assert _short_strays(line, ["nl"]) == ["nl"]
    assert _short_strays("ROYAUME DU MAROC", ["DU"]) == []
    assert replace_strays(line, "المادة الأولى:", _short_strays(line, ["nl"])) == "المادة الأولى:"
    assert replace_strays(line, "المادة الثانية:", ["nl"]) is None  # لى begins or ends no word read there
    assert replace_strays(line, "المادة الأولى:", []) is None  # no stray, nothing replaced
