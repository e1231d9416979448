"""Heading levels left wrong (issue 17, tests/realdocs/README.md "Levels nest as printed"), on real corpus pages read
without OCR:

* an annex's title on six centred bold lines, the first filling the column (BO 7440 p. 4: grouping cut it off and
  read it as a paragraph), is one heading, up to an official text's title's length (pdf_title_joins); the annex's
  ``Article premier`` and its ``Article 2`` three pages on stand one level under it, not two and three;
* a named series that skips numbers (``مشروع 7 :`` then ``مشروع 10 :``, the projects 8 and 9 read as a list) keeps its
  level, and a bold bulleted heading after an underlined subtitle (``• الصندوق الخاص لدعم المحاكم``, the justice
  project p. 10) is the peer of the bulleted heading before it (pdf_peer_levels);
* a quoted article's label and title (``«المادة 124. - إجراءات الإعفاءات``, a finance law quoting the tax code
  pages away from its own article) is a paragraph (pdf_quoted_heads).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation.corpus import read_document
from transform.ingest.pdf_block_group import _Group
from transform.ingest.pdf_text import PdfLine
from transform.model import Heading, Paragraph
from transform.structure.legal import legal_heading

from ._realpages import FILES, block_text, doc_blocks, level_differences, outline, read_pages

ANNEX = "Annexe à l’arrêté de la ministre de l’économie et des finances n° 1697-25"

# BO 7440 pp. 4-7: the arrêté's title, its annex's title over its own articles (the truth of p. 7 writes the annex's
# Article 2 under the arrêté; corrected to one level under the annex, see the report)
BO7440 = [
    (1, "Arrêté de la ministre de l’économie et des finances n° 1697-25"),
    (2, ANNEX),
    (3, "Article premier"),
    (3, "Article 2"),
]

# the justice project (the whole file, 16 pages), pp. 7-10: the projects of programme 300 and their bulleted budgets
# (truth of pp. 13 and 14: projects 5, bullets 6; the underlined subtitle between the two bullets of p. 9-10 is under
# the first). Read without OCR, the box title over the projects (text of a picture) is not read: levels relative.
JUSTICE = [
    (5, "مشروع 7 :"),
    (6, "ميزانية التسيير"),
    (6, "ميزانية الاستثمار"),
    (5, "مشروع 10 :"),
    (6, "ميزانية التسيير"),
    (6, "الصندوق الخاص لدعم المحاكم"),
]


def test_an_annex_title_cut_after_its_full_first_line_is_one_heading(tmp_path: Path) -> None:
    got = outline(read_pages("bo-fr-7440-2025.pdf", [3, 4, 5, 6], tmp_path))
    annex = [text for _, text in got if text.startswith(ANNEX)]
    assert len(annex) == 1 and annex[0].endswith("approuvant le règlement général de l’Autorité marocaine du marché des capitaux")
    assert not any(text.startswith("(14 juillet 2016)") for _, text in got)
    assert level_differences(BO7440, got) == []


def test_a_series_that_skips_numbers_and_a_peer_after_an_underlined_subtitle() -> None:
    path = FILES / "ma-pdp-justice-2024.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    got = outline(doc_blocks(read_document(path, ocr="never")))
    assert level_differences(JUSTICE, got) == []
    k = next(i for i, (_, text) in enumerate(got) if text.startswith("إعانة لفائدة"))
    assert got[k][0] > got[k - 1][0] and got[k - 1][1] == "ميزانية التسيير"  # under the bullet before it


def test_quoted_articles_of_a_quoted_code_are_paragraphs(tmp_path: Path) -> None:
    blocks = read_pages("bo-ar-7259-2023-lf2024.pdf", [28], tmp_path)
    quoted = [b for b in blocks if block_text(b).startswith("«المادة")]
    assert len(quoted) >= 5
    assert all(isinstance(b, Paragraph) for b in quoted)
    assert not any(isinstance(b, Heading) and block_text(b).startswith("«") for b in blocks)


def _head(text: str, page: int) -> _Group:
    line = PdfLine(text, 72.0, 100.0, 400.0, 110.0, size=10.0, bold=True, page=page, baseline=110.0)
    return _Group(kind="heading", lines=[line], size=10.0, level=6, body=10.0, legal=legal_heading(text))  # type: ignore[misc]


def test_a_quoted_code_away_from_the_quoting_texts_units_has_no_headings() -> None:
    from transform.ingest.pdf_quoted_heads import quoted_heads

    groups = [_head("المادة 6", page=3), _head("«المادة 124. - إجراءات الإعفاءات", page=29),
              _head("«المادة 125. - تخصيص حصيلة الضريبة والتدابير الانتقالية", page=29), _head("المادة 7", page=40)]
    quoted_heads(groups)
    assert [g.kind for g in groups] == ["heading", "paragraph", "paragraph", "heading"]
    assert groups[1].legal is None and groups[1].level == 0


def test_the_comparisons_fail_on_the_old_levels() -> None:
    old = [(1, BO7440[0][1]), (2, ANNEX), (4, "Article premier"), (4, "Article 2")]
    assert level_differences(BO7440, old) != []
    old_justice = [(lv if not text.startswith(("مشروع 10", "الصندوق")) else {"م": 3, "ا": 2}[text[0]], text)
                   for lv, text in JUSTICE]  # main's levels
    assert level_differences(JUSTICE, old_justice, absolute=True) != []


def _bold_head(text: str, level: int, page: int, bold: bool = True, size: float = 14.0) -> _Group:
    line = PdfLine(text, 300.0, 100.0, 555.0, 100.0 + size, size=size, bold=bold, page=page, baseline=100.0 + size)
    return _Group(kind="heading", lines=[line], size=size, level=level, body=14.0, rtl=True)  # type: ignore[misc]


def test_peers_on_groups() -> None:
    """As the nesting left the justice project's pp. 7-10 when its box title was read: ``مشروع 10 :`` at 3 (the projects
    8 and 9 read as a list broke the series), the bullet after the underlined subtitle at 2."""
    from transform.ingest.pdf_peer_levels import peer_levels

    groups = [_bold_head("مشروع 7 : انجاز محكمة الاستئناف بكلميم", 5, 7), _bold_head("ميزانية التسيير", 6, 8),
              _bold_head("مشروع 10 : تدبير الموارد", 3, 9), _bold_head("ميزانية التسيير", 4, 9),
              _bold_head("إعانة لفائدة المؤسسة المحمدية لقضاة وموظفي العدل", 5, 9, bold=False),
              _bold_head("الصندوق الخاص لدعم المحاكم", 2, 10), _bold_head("برنامج 301 : نجاعة الإدارة القضائية", 3, 11)]
    peer_levels(groups)
    assert [g.level for g in groups] == [5, 6, 5, 6, 6, 6, 3]


def test_an_issue_line_over_a_gazettes_masthead_is_a_paragraph() -> None:
    """BO 5952 bis p. 1 (OCR'd): the issue's number and date, printed over ``BULLETIN OFFICIEL`` and read under it, is a
    paragraph (its truth); a document's title holding a date (``CR du conseil municipal 21 janvier 2022``) stays."""
    from transform.ingest.pdf_levels import dateline_over_title

    issue = _bold_head("Centième année - N° 5952 bis 14 rejeb 1432 (17 juin 2011)", 2, 1)
    groups = [issue, _bold_head("BULLETIN OFFICIEL", 1, 1), _bold_head("TEXTES GENERAUX", 2, 1)]
    dateline_over_title(groups)
    assert [g.kind for g in groups] == ["paragraph", "heading", "heading"] and [g.level for g in groups[1:]] == [1, 2]
    title = [_bold_head("CR du conseil municipal 21 janvier 2022", 1, 1), _bold_head("Présents", 2, 1)]
    dateline_over_title(title)
    assert [g.kind for g in title] == ["heading", "heading"]


def test_a_contents_slide_before_the_first_part_stays_under_the_decks_title() -> None:
    """Cabestany's budget-orientation deck (truth of p. 2): the title slide, then ``Table des matières`` read under the
    title, then the parts ``I.``, ``II.`` read at the title's level: the parts go under the title, the contents slide
    stays one level under it (main put it two levels under)."""
    from transform.ingest.pdf_levels import cover_title

    groups = [_bold_head("RAPPORT D'ORIENTATIONS BUDGÉTAIRES", 1, 1), _bold_head("Table des matières", 2, 2),
              _bold_head("I. Indications liminaires", 1, 3), _bold_head("Principe du rapport", 2, 3),
              _bold_head("II. Eléments généraux de contexte", 1, 6)]
    cover_title(groups)
    assert [g.level for g in groups] == [1, 2, 2, 3, 2]
