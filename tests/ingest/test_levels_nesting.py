"""Heading levels nest as printed (issue 17, tests/realdocs/README.md "Levels nest as printed"), on real corpus pages:
an unnumbered heading under the heading printed before it (transform/ingest/pdf_nesting.py), a text's first article
one level under its title (pdf_block_kinds.legal_levels), a level held by one stray heading dropped
(pdf_levels.lone_level), a meeting's date line beside the title (pdf_levels.dateline_over_title), numbers of
deliberations and dashed section numbers (pdf_outline.numbering), the tens of Arabic ordinals (structure/legal.py),
a title printed again on the text's first page (pdf_levels.repeated_titles).
Whole documents are read (a copied page loses what is above it) and compared at the truth pages' levels; a copied
page is compared relative to its first heading."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from transform.evaluation.corpus import read_document
from transform.ingest.pdf_outline import numbering
from transform.model import Heading
from transform.structure.legal import ARTICLE, legal_heading

from ._realpages import FILES, block_text, doc_blocks, outline, read_pages
from ._realpages import level_differences as differences


@cache
def whole(name: str) -> tuple[tuple[int, int, str], ...]:
    """(page, level, text) of every heading of a whole corpus document, read without OCR."""
    path = FILES / name
    if not path.exists():
        pytest.skip("the corpus file is missing")
    blocks = doc_blocks(read_document(path, ocr="never"))
    return tuple((b.page or 0, b.level, block_text(b)) for b in blocks if isinstance(b, Heading))


def on_pages(name: str, pages: set[int]) -> list[tuple[int, str]]:
    return [(level, text) for page, level, text in whole(name) if page in pages]


# the Ministry of Justice's performance project, pp. 2-3 (truth levels: "1." 2, أ. 3, the boxed تعليق under it 4, the
# distributions under تعليق 5); main read the box and the distributions at 2, the level of "1."
JUSTICE = [
    (2, "1. محددات نفقات الموظفين"),
    (3, "أ. بنية أعداد الموظفين"),
    (4, "■ تعليق"),
    (5, "التوزيع حسب الدرجات"),
    (5, "التوزيع حسب المصالح"),
]

# decree 2.22.630, p. 2 (truth: the title 1, article 1 before the first chapter 2, الباب 2, الفصل 3, article 2 at 4;
# main read article 1 at its rank's level, 4)
DECREE_630 = [
    (0, "مرسوم رقم 2.22.630"),
    (1, "المادة الأولى"),
    (1, "الباب الأول"),
    (2, "الفصل الأول"),
    (3, "المادة 2"),
]

# Montpellier's grants, pp. 1-2 (truth of p. 2: the parts "2)" at 2): the title is the level-1 heading, the session's
# date printed over it holds nothing: a paragraph since the twelfth session (the tariffs' truth, p. 1: a field of the
# registry's form) (main: the date 1, the title 2, the parts 3)
GRANTS = [
    (1, "Attributions de subventions Exercice 2014"),
    (2, "1) Attributions de subventions dans le cadre de la qualité"),
    (2, "2) Attributions de subventions dans le cadre de l"),
]

# the Seine-Normandie guide (truth: Introduction 2 on p. 4, the box's heading on p. 6 at 3): the annex 2's title, set
# larger than the other annexes' titles, is no level above them (main: Introduction 3, the box 3, the annex 2 at 2)
GUIDE = [
    (2, "Introduction"),
    (3, "Rapports de compatibilité"),
    (3, "Définition urbain / rural"),
    (2, "ANNEXE 1"),
    (2, "ANNEXE 2"),
    (2, "ANNEXE 3"),
]


# order 1033.21, pp. 2-4 (truth: ملحق 2, the model 3, the report's title 4, its numbered parts 5, their lettered parts
# 6; main read the parts at the report's level)
REPORT = [
    (0, "قرار لوزير الشغل"),
    (1, "ملحق"),
    (2, "نموذج التقرير"),
    (3, "تقرير حول زيارة المراقبة"),
    (4, "1- معطيات حول الزيارة"),
    (4, "2- أصناف الأجراء"),
    (5, "أ- أصناف وعدد أجراء"),
]


def test_form_title_over_its_parts(tmp_path: Path) -> None:
    assert differences(REPORT, outline(read_pages("adala-ar-order-1033-21.pdf", [1, 2, 3], tmp_path))) == []


def test_box_under_the_lettered_heading() -> None:
    assert differences(JUSTICE, on_pages("ma-pdp-justice-2024.pdf", {2, 3}), absolute=True) == []


def test_first_article_under_the_title(tmp_path: Path) -> None:
    assert differences(DECREE_630, outline(read_pages("adala-arfr-decree-2-22-630.pdf", [1], tmp_path))) == []


def test_session_date_over_the_title() -> None:
    assert differences(GRANTS, on_pages("montpellier-subventions-2014.pdf", {1, 2}), absolute=True) == []


def test_lone_level_and_box_heading() -> None:
    assert differences(GUIDE, on_pages("seine-normandie-guide-erc-2024.pdf", {4, 6, 38, 39, 40}), absolute=True) == []
    levels = sorted({level for _, level, _ in whole("seine-normandie-guide-erc-2024.pdf")})
    assert levels == list(range(1, len(levels) + 1))  # no level left empty


# the Saudi regions law (truth: the cover's title 1, "نص النظام" 2, the law's title with its year 3, the royal order 4;
# p. 2: the law's title printed again 3, its articles 4; main read the title again at 2 and the articles at 3)
REGIONS = [
    (1, "نظام المناطق"),
    (2, "نص النظام"),
    (3, "نظام المناطق 1412"),
    (4, "أمر ملكي"),
    (3, "نظام المناطق"),
    (4, "المادة الأولى"),
    (4, "المادة الثانية"),
]


def test_title_printed_again() -> None:
    got = on_pages("boe-sa-ar-regions-law-1412.pdf", {1, 2, 6})
    assert differences(REGIONS, got, absolute=True) == []
    assert [lv for lv, t in got if t.startswith(("المادة العشرون", "المادة الحادية والعشرون"))] == [4, 4]


def test_numbers_and_ordinals() -> None:
    assert numbering("20240325 13 Taux d'imposition des taxes directes locales 2024,") == "reference"
    assert numbering("2020- 047 REDEVANCE POUR OCCUPATION DU DOMAINE PUBLIC PAR ORANGE") == "reference"
    assert numbering("1-2 : La restauration scolaire :") == "decimal2"
    assert numbering("1 – Les tarifs relatifs aux services à la population") == "number"
    assert numbering("2022-2027 : programme") is None and numbering("Année 2024 : bilan") is None
    for text in ("المادة العشرون", "المادة الحادية والعشرون", "المادة الثامنة والثلاثون", "المادة الأربعون"):
        label = legal_heading(text)
        assert label is not None and label.rank == ARTICLE, text
    assert legal_heading("المادة العشرونية") is None


def test_the_comparison_fails_on_a_wrong_outline() -> None:
    assert differences(JUSTICE, JUSTICE, absolute=True) == []
    assert differences(JUSTICE, [(lv + 1, t) for lv, t in JUSTICE], absolute=True)  # shifted by one
    assert differences(JUSTICE, [(lv + 1, t) for lv, t in JUSTICE])  == []  # (relative)
    assert differences(JUSTICE, JUSTICE[:2] + [(2, t) for _, t in JUSTICE[2:]], absolute=True)  # what main read
    assert differences(DECREE_630, [(1, DECREE_630[0][1]), (4, DECREE_630[1][1])] + [(lv + 1, t) for lv, t in DECREE_630[2:]])
    assert differences(GUIDE, [(lv, t) for lv, t in GUIDE[:4]])  # a heading not read
