"""Headings and their levels where one official text follows another, on real pages.

An Egyptian law is printed in two parts: the law that promulgates it (its title in two sizes,
then four articles) and the code it promulgates (its title at body weight, a bare chapter label
with its name in another size, then the articles). Each text's units are counted from its own
title; a title cut where its size changes is one heading. A Bulletin officiel title cut where it
wraps onto a line that opens in lower case is one heading too.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import outline, read_pages
from transform.ingest.pdf_block_kinds import legal_levels
from transform.ingest.pdf_blocks import _Group
from transform.ingest.pdf_title_joins import join_continued as _join_continued
from transform.structure.legal import legal_heading


def outline_errors(found: list[tuple[int, str]], expected: list[tuple[int, str]]) -> list[str]:
    """What differs between two outlines: a heading missing or extra, or at another level."""
    errors = []
    texts = [t for _, t in found]
    for level, text in expected:
        if text not in texts:
            errors.append(f"missed: {text}")
        elif (level, text) not in found:
            errors.append(f"level: {text}")
    errors += [f"extra: {t}" for _, t in found if t not in {t for _, t in expected}]
    return errors


EG_LAW = [
    (1, "قانون رقم 8 لسنة 2022 بشأن إصدار قانون المنشآت الفندقية والسياحية"),
    (2, "(المادة الأولى)"),
    (2, "(المادة الثانية)"),
    (2, "(المادة الثالثة)"),
    (2, "(المادة الرابعة)"),
    (1, "قانون المنشآت الفندقية والسياحية"),
    (2, "( الباب الأول ) أحكام عامة"),
    (3, "مادة ( 1 ) :"),
]


def test_promulgating_law_and_its_code_have_their_own_levels(tmp_path: Path) -> None:
    found = outline(read_pages("eg-ar-law-8-2022.pdf", [0, 2], tmp_path))
    assert outline_errors(found, EG_LAW) == []


def test_the_outline_check_fails_on_bad_outlines() -> None:
    flat = [(1, t) for _, t in EG_LAW]  # every heading at level 1
    assert outline_errors(flat, EG_LAW) and all(e.startswith("level:") for e in outline_errors(flat, EG_LAW)[1:])
    bold_sentence = [*EG_LAW, (3, "تسرى أحكام هذا القانون والقانون المرافق على جميع المنشآت الفندقية")]
    assert outline_errors(bold_sentence, EG_LAW) == ["extra: تسرى أحكام هذا القانون والقانون المرافق على جميع المنشآت الفندقية"]
    cut = [(1, "قانون رقم 8 لسنة 2022"), (2, "بشأن إصدار قانون المنشآت الفندقية والسياحية"), *EG_LAW[1:]]
    assert "missed: قانون رقم 8 لسنة 2022 بشأن إصدار قانون المنشآت الفندقية والسياحية" in outline_errors(cut, EG_LAW)


def test_bulletin_title_wrapped_onto_a_lower_case_line_is_one_heading(tmp_path: Path) -> None:
    found = outline(read_pages("bo-fr-7262-2024.pdf", [3], tmp_path))
    titles = [(lv, t) for lv, t in found if t.startswith("Loi n° 61-22")]
    assert len(titles) == 1 and titles[0][0] == 2
    assert titles[0][1].endswith("édictant des mesures propres à garantir les animaux domestiques contre les maladies contagieuses")
    assert not any(t.startswith("contre les") for _, t in found)
    assert (1, "TEXTES GENERAUX") in found and (3, "Article premier") in found


class _Line:
    """A text line as the grouping sees it (only what the passes read)."""

    def __init__(self, text: str, top: float, size: float = 12.0, bold: bool = False) -> None:
        self.text, self.top, self.bottom, self.baseline = text, top, top + size, top + size
        self.x0, self.x1, self.size, self.bold, self.page = 100.0, 300.0, size, bold, 1


def _heading(text: str, top: float, level: int = 0, size: float = 12.0) -> _Group:
    g = _Group(kind="heading", lines=[_Line(text, top, size)], size=size, level=level, legal=legal_heading(text))
    return g


def test_each_official_text_counts_its_units_from_its_title() -> None:
    groups = [_heading("Loi n° 1-22 portant promulgation", 10, level=1), _heading("Article premier", 40),
              _heading("Article 2", 70), _heading("Loi n° 2-22 relative aux ports", 100, level=1),
              _heading("Chapitre premier", 130), _heading("Article premier", 160)]
    legal_levels(groups)
    assert [g.level for g in groups] == [1, 2, 2, 1, 2, 3]


def test_a_title_goes_on_only_on_a_line_that_opens_like_its_rest() -> None:
    parts = [_heading("Loi n° 61-22 modifiant le dahir édictant des", 10, level=2, size=14.0),
             _heading("contre les maladies contagieuses", 28, level=3),
             _heading("Article premier", 60, level=3)]
    joined = _join_continued(parts)
    assert [len(g.lines) for g in joined] == [2, 1]
    apart = [_heading("Les grandes orientations", 10, level=1, size=14.0), _heading("Le contexte", 28, level=2)]
    assert len(_join_continued(apart)) == 2  # a capital and a title that ends on a noun: two headings


def test_a_part_label_with_its_ordinal_first_is_a_legal_unit() -> None:
    assert legal_heading("QUATRIEME PARTIE").rank == legal_heading("Partie IV").rank
    assert legal_heading("Deuxième titre : Dispositions générales").title == "Dispositions générales"
    assert legal_heading("deuxième partie.") is None  # a line of a sentence, not a label
    assert legal_heading("Deuxième chapitre de la vie") is None


def test_algerian_states_part_label_heads_the_page_apart_from_the_titles_under_it(tmp_path: Path) -> None:
    found = outline(read_pages("jora-fr-lf2025-etats.pdf", [0, 19], tmp_path))
    texts = [t for _, t in found]
    k = texts.index("QUATRIEME PARTIE")
    assert texts[k:k + 3] == ["QUATRIEME PARTIE", "ETATS DE LA LOI DE FINANCES POUR L’ANNEE 2025", "ETAT « A » : RECETTES"]
    assert found[k][0] == 1
