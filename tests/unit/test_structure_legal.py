"""Legal units as headings, and sentences never cut inside a number or a label."""

from __future__ import annotations

import pytest

from transform.structure.legal import ARTICLE, CHAPTER, FASL, SECTION, TITLE, legal_heading, levels
from transform.structure.segment import split_sentences


@pytest.mark.parametrize(
    ("line", "rank", "title"),
    [
        ("المادة الأولى", ARTICLE, ""),
        ("المادة 2", ARTICLE, ""),
        ("المادة الحادية عشرة", ARTICLE, ""),
        ("المادة 6 مكررة", ARTICLE, ""),
        ("الباب الأول: أحكام عامة", CHAPTER, "أحكام عامة"),
        ("القسم الثاني", TITLE, ""),
        ("الفرع الثاني", SECTION, ""),
        ("Article premier", ARTICLE, ""),
        ("ARTICLE PREMIER", ARTICLE, ""),
        ("ART. 2. – Le ministre", ARTICLE, "Le ministre"),
        ("« Article 49. – Saisine du collège des sanctions", ARTICLE, "Saisine du collège des sanctions"),
        ("Chapitre V", CHAPTER, ""),
        ("Section première. – Regroupement des établissements publics", SECTION, "Regroupement des établissements publics"),
    ],
)
def test_unit_labels(line: str, rank: int, title: str) -> None:
    label = legal_heading(line)
    assert label is not None and label.rank == rank and label.title == title


@pytest.mark.parametrize(
    "line",
    [
        "المادة 3 من القانون رقم 12.34 تنسخ",  # a sentence about an article, not its label
        "Article 3 de la loi n° 12-34 est abrogé.",
        "Articles 2 et 3",
        "Titre de séjour",
        "المادة 12: يتم تطبيق هذه المقتضيات على جميع الجماعات الترابية وفق الشروط المحددة في النصوص التنظيمية،",
    ],
)
def test_sentences_are_not_labels(line: str) -> None:
    assert legal_heading(line) is None


def test_levels_follow_the_units_a_document_uses() -> None:
    assert levels({CHAPTER, ARTICLE}) == {CHAPTER: 1, ARTICLE: 2}
    assert levels({ARTICLE}, first=2) == {ARTICLE: 2}
    # الفصل is a chapter beside المادة, an article (older codes) without it
    assert levels({FASL, ARTICLE})[FASL] == 1
    assert levels({FASL})[FASL] == 1 and levels({TITLE, FASL})[FASL] == 2


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("بمقتضى المرسوم رقم 2.26. 530 الصادر في 2026.", ["بمقتضى المرسوم رقم 2.26. 530 الصادر في 2026."]),
        ("طبقا للمادتين 12. و 15 من القانون. وبعد المداولة", ["طبقا للمادتين 12. و 15 من القانون.", "وبعد المداولة"]),
        ("la somme de 1. 250 000 DH est versée.", ["la somme de 1. 250 000 DH est versée."]),
        ("au 31. 12. 2026 au plus tard.", ["au 31. 12. 2026 au plus tard."]),
        ("ARTICLE PREMIER. – Est approuvé le texte. ART. 2. – Le ministre", ["ARTICLE PREMIER. – Est approuvé le texte.", "ART. 2. – Le ministre"]),
        ("صدر في 2026. 15 عضوا حضروا.", ["صدر في 2026.", "15 عضوا حضروا."]),  # a year, then a new sentence
        ("Vu le décret n° 2.26.530 du 9 mai. Le texte", ["Vu le décret n° 2.26.530 du 9 mai.", "Le texte"]),
    ],
)
def test_sentences_never_cut_a_number(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


@pytest.mark.parametrize("line", ["مادة ( ١ ) :", "مادة (45)", "مادة 12"])
def test_egyptian_article_labels(line: str) -> None:
    # Egyptian laws write the article without the article word's ال and its number in brackets
    label = legal_heading(line)
    assert label is not None and label.rank == ARTICLE and label.title == ""


@pytest.mark.parametrize("line", ["(الباب الثانى)", "الفصل الحادى عشر", "( الباب التمهيدى )"])
def test_egyptian_ordinals_with_dotless_final_yeh(line: str) -> None:
    # the Egyptian Gazette writes a final yeh without dots (law 8/2022 p. 9: "(الباب الثانى)" over its title)
    label = legal_heading(line)
    assert label is not None and label.unit in ("الباب", "الفصل") and label.title == ""


@pytest.mark.parametrize("line", ["مادة (1) من القانون المرافق تسرى على المنشآت", "مادة دراسية جديدة"])
def test_a_sentence_opening_with_madda_is_no_label(line: str) -> None:
    assert legal_heading(line) is None


def test_egyptian_article_label_is_a_heading_on_the_real_page(tmp_path: object) -> None:
    from tests.ingest._realpages import block_text, read_pages
    from transform.model import Heading

    blocks = read_pages("eg-ar-law-8-2022.pdf", [2], tmp_path)  # type: ignore[arg-type]
    headings = [" ".join(block_text(b).split()) for b in blocks if isinstance(b, Heading)]
    assert "مادة ( 1 ) :" in headings or "مادة (1) :" in headings, headings


def test_egyptian_chapter_label_and_its_title_are_one_heading(tmp_path: object) -> None:
    from tests.ingest._realpages import block_text, read_pages
    from transform.model import Heading

    blocks = read_pages("eg-ar-law-8-2022.pdf", [8], tmp_path)  # type: ignore[arg-type]
    headings = [" ".join(block_text(b).split()) for b in blocks if isinstance(b, Heading)]
    assert "(الباب الثانى) إجراءات الترخيص" in headings, headings
    assert "سداد رسم لا يقل" in " ".join(" ".join(block_text(b).split()) for b in blocks)  # the stretched words whole
