"""Heading levels of official texts read from real corpus pages (issue 17, level agreement): ``الفصل`` under
``الباب``, a plain heading among a text's units under the unit that holds
it, an annex one level under its text's title with its own title under the label
(transform/ingest/pdf_block_kinds.legal_levels, pdf_levels.py); named numbers (``برنامج 300 :`` / ``مشروع 1 :``,
pdf_outline.py); notes numbered ``(1)``, ``(2)`` at a page's foot (pdf_block_kinds.foot_notes). The outlines are
the hand-checked truth pages' levels, counted from the first heading read (copied pages lose what is above); no
heading two levels under the one that holds it (pdf_levels.close_gaps)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation.corpus import read_document
from transform.ingest.pdf_outline import numbering
from transform.model import ListBlock, Paragraph
from transform.structure.legal import ARTICLE, CHAPTER, FASL, SECTION, levels

from ._realpages import FILES, block_text, doc_blocks, outline, read_pages
from ._realpages import level_differences as differences

# decree 2.22.630, p. 2 (truth levels 1-4): a chapter (الباب), the الفصل under it and the article under the الفصل
# (its first article, printed before the first chapter, keeps its rank's level: the truth pages of this decree and of
# the joint order 1096.26 place such an article differently)
DECREE_630 = [
    (0, "مرسوم رقم 2.22.630"),
    (1, "الباب الأول"),
    (2, "الفصل الأول"),
    (3, "المادة 2"),
]

# order 1033.21, pp. 2 and 3 (truth: the order's title, its articles; ملحق 2, the model 3, the report's title 4)
ORDER_1033 = [
    (0, "قرار لوزير الشغل"),
    (1, "المادة الأولى"),
    (1, "ملحق"),
    (2, "نموذج التقرير المتعلق بزيارة المراقبة"),
    (3, "تقرير حول زيارة المراقبة"),
]

# the finance law 2024 in Arabic, p. 2 (truth levels 2-6): "I. -" under the chapter, the articles and the heading
# "الرسوم الجمركية ..." under "I. -"
FINANCE_LAW = [
    (0, "قانون المالية رقم 55.23"),
    (1, "الجزء الأول"),
    (2, "الباب الأول"),
    (3, "I"),
    (4, "المادة الأولى"),
    (4, "الرسوم الجمركية"),
]

# the Ministry of Justice's performance project, p. 6 (truth: 2. at 2, the programme at 3, its projects below)
PROGRAMME = [
    (0, "2. محددات نفقات المعدات"),
    (1, "برنامج 300"),
    (2, "مشروع 1"),
    (2, "مشروع 2"),
]


# the minutes of Couthenans, p. 1 (truth: the title at 1, the three headings under it at 2): "Ordre du jour" and
# "Préambule" are set smaller than the agenda item after them, which no longer leaves them two levels down
MINUTES = [
    (0, "CR du conseil municipal"),
    (1, "Ordre du jour"),
    (1, "Préambule"),
    (1, "1. Mise à jour du plan communal"),
]


def test_no_gap_under_the_title(tmp_path: Path) -> None:
    assert differences(MINUTES, outline(read_pages("couthenans-cr-2022-10.pdf", [0], tmp_path))) == []


def test_fasl_under_bab(tmp_path: Path) -> None:
    assert differences(DECREE_630, outline(read_pages("adala-arfr-decree-2-22-630.pdf", [1], tmp_path))) == []


def test_annexed_report_form_under_its_order(tmp_path: Path) -> None:
    got = outline(read_pages("adala-ar-order-1033-21.pdf", [1, 2], tmp_path))
    assert differences(ORDER_1033, got) == []
    report = next(k for k, (_, text) in enumerate(got) if text.startswith("تقرير حول زيارة المراقبة"))
    assert all(level >= got[report][0] for level, _ in got[report + 1:])  # the report's parts stay in the annex


def test_plain_heading_among_units(tmp_path: Path) -> None:
    assert differences(FINANCE_LAW, outline(read_pages("bo-ar-7259-2023-lf2024.pdf", [1], tmp_path))) == []


def test_programme_and_projects(tmp_path: Path) -> None:
    assert numbering("برنامج 300 : المواكبة والقيادة") == "named:برنامج"
    assert numbering("Année 2024 : bilan") is None and numbering("Annexe 1 : liste") is None
    assert differences(PROGRAMME, outline(read_pages("ma-pdp-justice-2024.pdf", [5], tmp_path))) == []


def test_bracketed_notes_are_notes() -> None:
    # the whole document: on page 19 alone the notes' small type carries most of the text outside the table
    path = FILES / "cabestany-cfu-2024.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    blocks = [b for b in doc_blocks(read_document(path, ocr="never"), headings=False) if getattr(b, "page", None) == 19]
    notes = [block_text(b) for b in blocks if isinstance(b, Paragraph) and b.role == "note"]
    assert [n[:4] for n in notes] == [f"({k}) " for k in range(1, 9)]
    assert notes[3] == "(4) DI 040 = RF 042"
    assert not any(isinstance(b, ListBlock) and "(1)" in block_text(b) for b in blocks)


def test_fasl_rank_and_the_comparison() -> None:
    assert levels({CHAPTER, FASL, SECTION, ARTICLE}) == {CHAPTER: 1, FASL: 2, SECTION: 3, ARTICLE: 4}
    assert levels({FASL, ARTICLE})[FASL] == 1 and levels({FASL})[FASL] == 1
    assert differences(DECREE_630, [(lv + 2, t) for lv, t in DECREE_630]) == []  # only relative levels count
    assert differences(DECREE_630, [(1, t) for _, t in DECREE_630])  # a flat outline fails
    bad = [(1, DECREE_630[0][1]), (2, DECREE_630[1][1]), (2, DECREE_630[2][1]), (3, DECREE_630[3][1])]
    assert differences(DECREE_630, bad)  # what main read: الفصل beside الباب
    assert differences(ORDER_1033, [(1, t) for _, t in ORDER_1033[:2]] + [(2, t) for _, t in ORDER_1033[2:]])
    assert differences(ORDER_1033, [(lv, t) for lv, t in ORDER_1033[:3]])  # a heading not read fails


# the French Bulletin officiel 7262, p. 4 (truth: the rubric at 1, the dahir and the law it promulgates at 2, the law's
# first article at 3): sizes and weights set the rubric and the titles alike
BULLETIN = [
    (0, "TEXTES GENERAUX"),
    (1, "Dahir n° 1-23-85"),
    (1, "Loi n° 61-22"),
    (2, "Article premier"),
]


def test_rubric_over_the_texts(tmp_path: Path) -> None:
    # with the cover, whose masthead sets the size ranks as in the whole issue; the rubric again in its contents
    blocks = read_pages("bo-fr-7262-2024.pdf", [0, 3], tmp_path)
    assert differences(BULLETIN, outline([b for b in blocks if getattr(b, "page", None) == 2])) == []
