"""Words misread where the page prints the same phrase sound elsewhere (transform/ocr/echoes.py, seventeenth session).

The frozen lines are the Santé decision's first page (ma-sante-ar-decision-2023 p. 1) as the reader makes them: the
ministry's name ``الصحة والحماية الاجتماعية`` read right on some lines and ``والهاية``, ``واخماية``, ``Al``,
``الاجةاعية`` on others. The content tests fail on main (no such module); the truth check holds the rule to changing
no word of any truth page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transform.ocr.echoes import echo_words, settle_page

TRUTH = Path(__file__).resolve().parents[1] / "realdocs" / "truth"

P1 = [
    "وزارة الصحة والحماية الإجتماعية",
    ". قرار لوزير الصحة والهاية الاجتماعية رقم ......................... 4104 صادر بجاركد........................ يفتح 15 2023 باب الترشح لشغل",
    "المناصب الشاغرة لرؤساء الأقسام ورؤساء Hall بالإدارة المركزية لوزارة الصحة AU، الاجتاعية.",
    "وعلى قرار وزير الصحة والحماية الاجتماعية رقم 9237 الصادر في 14 يوليوز 2022 بإعادة تظم قسم الاعلام والتواصل بوزارة",
    "_وعلى قرار وزير الصحة وامانة الاجتماعية رقم 244.23 الصادر في 03 رجب 1344 (25 يناير 2023) بتحديد اختصاصات",
    "وتنظيم بعض الأقسام والمصاط التابعة للإدارة المركزية لوزارة الصحة والحماية، الاجةاعية.",
    "الاجتاعية gl التباري بشأنها بقرار السيد وزير الصحة Al الاجتماعية À، 22/2642 بنارية 01 مارس 2022 المعلن",
    "تعلن وزارة الصحة واخماية الاجتماعية عن فتح باب الزثح لشغل مناصب رؤساء الأقسام ورؤساء اللصاخ الشاغرة",
    "Site: www.sante.gov.ma",
]


def test_the_ministrys_name_misread_is_put_right_by_its_sound_readings() -> None:
    out = settle_page(P1)
    assert "الصحة والحماية الاجتماعية رقم ...." in out[1]  # والهاية: two letters off, between the phrase's words
    assert out[7].startswith("تعلن وزارة الصحة والحماية الاجتماعية عن")  # واخماية
    assert "وزير الصحة والحماية الاجتماعية À،" in out[6]  # Al: a Latin token where the phrase's middle word stands
    assert out[5].endswith("لوزارة الصحة والحماية، الاجتماعية.")  # الاجةاعية beside a word it is read with, punctuation kept
    assert out[0] == P1[0]  # the letterhead's spelling as printed (الإجتماعية) stays
    assert "وامانة" in out[4]  # a known word (وأمانة) is no misreading the page can settle
    assert "AU، الاجتاعية." in out[2]  # no sound word beside them: left as read
    assert out[8] == P1[8]  # a French line is not looked at


def test_the_lines_keep_their_doubt_and_a_tables_lines_are_left_alone() -> None:
    from transform.ingest.base import TextLine
    from transform.ingest.pdf_tables import FoundTable
    from transform.model import Table

    lines = [TextLine(text=t, x0=50.0, top=20.0 * n, x1=540.0, bottom=20.0 * n + 15, page=1) for n, t in enumerate(P1)]
    for ln in lines:
        ln.confidence, ln.doubt = 0.6, "ocr_low_confidence"
    table = FoundTable(Table(rows=[]), 135.0, 155.0, 40.0, 550.0)  # takes the line of واخماية (top 140)
    assert echo_words(lines, [table]) >= 3
    assert "والهاية" not in lines[1].text and "واخماية" in lines[7].text
    assert all(ln.doubt == "ocr_low_confidence" and ln.confidence == 0.6 for ln in lines)


@pytest.mark.parametrize("texts", [
    # an acronym is no stray: رقم CIN stays though the page reads رقم البطاقة الوطنية twice
    ["رقم البطاقة الوطنية", "رقم البطاقة الوطنية", "رقم CIN الوطنية"],
    # a word with a suffix the page also prints bare is a word of its own
    ["مبلغ درهم سنويا", "مبلغ درهم سنويا", "مبلغ درهما سنويا"],
    # a phrase read sound once does not settle an unknown word (twice needed)
    ["السيد وزير الصحة", "السيد وزبر الصحة"],
])
def test_what_the_page_cannot_vouch_for_stays(texts: list[str]) -> None:
    assert settle_page(texts) == texts


def _truth_texts(page: Path) -> list[str]:
    body = re.sub(r"<!--.*?-->", " ", page.read_text(encoding="utf-8").split("---", 2)[-1], flags=re.S)
    texts: list[str] = []
    for line in (x.strip() for x in body.splitlines()):
        if line.startswith("|"):
            texts += [c.strip() for c in line.strip("|").split("|") if c.strip() and not set(c.strip()) <= set("-:")]
        elif line:
            texts.append(re.sub(r"^(#+|-|\d+[.)])\s+", "", line))
    return texts


def test_no_word_of_any_truth_page_is_changed() -> None:
    pages = sorted(TRUTH.glob("*/p*.md"))
    assert len(pages) >= 150
    changed = [f"{p.parent.name}/{p.name}: {a} -> {b}" for p in pages for t in [_truth_texts(p)]
               for x, y in zip(t, settle_page(t), strict=True) if x != y for a, b in zip(x.split(), y.split(), strict=True) if a != b]
    assert changed == []
