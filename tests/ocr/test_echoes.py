"""Words misread where the page prints the same phrase sound elsewhere (transform/ocr/echoes.py, seventeenth session).

The frozen lines are the Santé decision's first page (ma-sante-ar-decision-2023 p. 1) as the reader makes them: the
ministry's name ``الصحة والحماية الاجتماعية`` read right on some lines and ``والهاية``, ``واخماية``, ``Al``,
``الاجةاعية`` on others. The content tests fail on main (no such module); the truth check holds the rule to changing
no word of any truth page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ocr._pagebits import page_lines
from transform.ocr.echoes import echo_document, echo_words, settle_document, settle_page

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


# The Santé decision's two application forms and its list of posts (pp. 2, 3, 4) as the reader makes them, and three lines
# of its first page: each form's title prints one word unread (D, QU) that the document reads sound on another page.
P2 = ["ملحق: نموذج طلب D لشغل منصب رئيس قسم بالإدارة RSA لوزارة الصحة والحماية الاجتماعية.",
      "رأي الرئيس المباشر حول كفاءة المترشح(ة)", "تاريخ الطلب"]
P3 = ["ملحق: نموذج طلب الترشح لشغل منصب رئيس مصلحة بالإدارة المركزية لوزارة الصحة QU الاجتماعية.",
      "راي الرئيس المباشر حول كفاءة المترشح(ة)", "تاريخ الطلب"]
P4 = ["وزارة الصحة والحماية الإجتماعية", "Ministère de la Santé",
      "| لجامحة مناصب رؤساء الأقسام ورؤساء المصالح الشاغرة بالإارة الموكزية لوزارة الصحة والحماية الاجتماعية 2 أ"]
P1_LINES = [P1[3], "بالإدارة المركزية لوزارة الصحة.", "وتنظيم بعض الأقسام والمصالح التابعة للإدارة المركزية لوزارة الصحة والحماية الاجتماعية."]


def test_a_forms_title_is_settled_by_the_phrases_of_the_documents_other_pages() -> None:
    assert [settle_page(p) for p in (P2, P3)] == [P2, P3]  # alone, a form page repeats no phrase
    out = settle_document([P1_LINES, P2, P3, P4])
    assert out[0] == P1_LINES
    assert out[1][0] == P2[0].replace(" D ", " الترشح ")  # p. 3's sound reading of طلب الترشح لشغل (a Latin stray)
    assert "RSA" in out[1][0]  # three capitals: an acronym for all the rule knows, left as read
    assert out[2][0] == P3[0].replace(" QU ", " والحماية ")  # the ministry's name, read sound on pp. 1 and 4
    assert "بالإدارة المركزية لوزارة الصحة والحماية" in out[3][2]  # بالإارة, الموكزية: the phrase of pp. 1-3
    assert out[3][:2] == P4[:2]  # the letterhead's الإجتماعية as printed
    assert out[1][1:] == P2[1:] and out[2][1:] == P3[1:]  # راي (a hamza left out) stays as printed


def test_a_latin_token_after_the_conjunction_written_apart_is_settled_by_the_other_printings() -> None:
    """Decree 2.19.720's model letter, frozen as read: p. 8's ``أثناء`` read ``ei`` once its tall blank is painted
    out; pp. 5-7 print ``و أثناء (زيارة`` (the conjunction written apart: no sound word of two letters)."""
    pages = [["و أثناء (زيارة المراقبة/ أو بمناسبة معاينة الوثائق) التي فمنا بها"],
             ["و أثناء (زيارة المراقبة/ أو بمناسبة معاينة الوثائق) التي قمنا بها ب (مكان وعنوان"],
             ["و أثناء زيارة المراقبة التي قمنا بها ب (مكان وعنوان المعاينة) في (اليوم باسمه وعدده"],
             ["و ei زيارة المراقبة التي قمنا بها ب ( مكان وعنوان المعاينة) في (اليوم باسهه وعدده"]]
    out = settle_document(pages)
    assert out[3] == [pages[3][0].replace(" ei ", " أثناء ")]
    assert out[:3] == pages[:3]


def test_the_conjunction_written_apart_settles_no_arabic_word() -> None:
    """An Arabic word after ``و`` is no model switching: the outer ``و`` is no anchor for it. ``بمباسنة`` is two
    letters off ``بمناسبة`` (a third of it: enough for a three, too many for a pair of seven letters): it stays."""
    pages = [["و بمناسبة معاينة الوثائق"], ["و بمناسبة معاينة الوثائق"], ["و بمباسنة معاينة الوثائق"]]  # two letters off
    assert settle_document(pages) == pages


@pytest.mark.parametrize("pages", [
    # no phrase across a page break: وزير ending one page and الصحة opening the next are no pair
    [["السيد وزير"], ["الصحة العمومية"], ["السيد وزير"], ["الصحة العمومية"], ["قال السيد وزبر الصحة"]],
    # the document's pages disagree on the phrase's middle word: none is taken
    [["وزارة الصحة والحماية الاجتماعية"], ["وزارة الصحة والتنمية الاجتماعية"], ["وزارة الصحة Al الاجتماعية"]],
    # a word with a suffix another page prints bare is a word of its own
    [["مبلغ درهم سنويا"], ["مبلغ درهم سنويا"], ["مبلغ درهما سنويا"]],
    # a verb's person: the 2024 finance law prints both أن تعرض للاستهلاك and أن يعرض للاستهلاك (p. 19, as read)
    [["«الفصل 10. - لا يمكن أن تعرض للاستهلاك", "أن تعرض للاستهلاك"],
     ["«الفصل 42 المكرر. - لا يمكن أن يعرض للاستهلاك الغازوال",
      "2 - يجب أن يعرض للاستهلاك ابتداء من فاتح يناير 2025 طبقا"]],
])
def test_what_the_document_cannot_vouch_for_stays(pages: list[list[str]]) -> None:
    assert settle_document(pages) == pages


def test_the_document_pass_keeps_each_lines_doubt_and_says_how_many_lines_changed() -> None:
    pages = page_lines([P2, P3], first_page=2)
    for ln in pages[0]:
        ln.confidence, ln.doubt = 0.55, "ocr_low_confidence"
    assert echo_document(pages) == 2  # each title settled by the other's sound reading (a Latin stray: once is enough)
    assert "طلب الترشح لشغل" in pages[0][0].text and "الصحة والحماية الاجتماعية" in pages[1][0].text
    assert all(ln.doubt == "ocr_low_confidence" and ln.confidence == 0.55 for ln in pages[0])


def _truth_texts(page: Path) -> list[str]:
    body = re.sub(r"<!--.*?-->", " ", page.read_text(encoding="utf-8").split("---", 2)[-1], flags=re.S)
    texts: list[str] = []
    for line in (x.strip() for x in body.splitlines()):
        if line.startswith("|"):
            texts += [c.strip() for c in line.strip("|").split("|") if c.strip() and not set(c.strip()) <= set("-:")]
        elif line:
            texts.append(re.sub(r"^(#+|-|\d+[.)])\s+", "", line))
    return texts


def truth_documents_changed(settle: Callable[[list[list[str]]], list[list[str]]]) -> list[str]:
    """What a document-wide pass ``settle`` (a document's pages of texts -> the same, settled) changes when it is given
    each truth document's pages together: ``doc: read -> settled`` per word (per line when the words do not pair)."""
    docs = sorted(d for d in TRUTH.iterdir() if d.is_dir() and list(d.glob("p*.md")))
    assert len(docs) >= 45
    changed = []
    for d in docs:
        pages = [_truth_texts(p) for p in sorted(d.glob("p*.md"))]
        for t, out in zip(pages, settle(pages), strict=True):
            for x, y in zip(t, out, strict=True):
                if x != y:
                    pairs = zip(x.split(), y.split(), strict=True) if len(x.split()) == len(y.split()) else [(x, y)]
                    changed += [f"{d.name}: {a} -> {b}" for a, b in pairs if a != b]
    return changed


def test_no_word_of_any_truth_page_is_changed() -> None:
    pages = sorted(TRUTH.glob("*/p*.md"))
    assert len(pages) >= 150
    changed = [f"{p.parent.name}/{p.name}: {a} -> {b}" for p in pages for t in [_truth_texts(p)]
               for x, y in zip(t, settle_page(t), strict=True) if x != y for a, b in zip(x.split(), y.split(), strict=True) if a != b]
    assert changed == []


def test_no_word_of_any_truth_document_is_changed_by_its_pages_together() -> None:
    assert truth_documents_changed(settle_document) == []
