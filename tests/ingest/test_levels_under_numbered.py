"""Unnumbered headings printed like the numbered ones before them go under the last of them (pdf_nesting).

The Ministry of Justice's performance project (held-out set 3, p. 13): ``■ مشروع 3 :`` and the budget lines under
it (``• ميزانية التسيير``) are set alike, 15 pt bold; the outline put the numbered projects under their programme
(level 5 in the truth) and left the unnumbered titles at their size's level, above their own project. Beside the
projects they would be numbered: they go one level under the project before them. A ``Conclusion`` after a
numbered series whose first member is read at its level stays its sibling."""

from __future__ import annotations

from transform.ingest.pdf_block_group import _Group
from transform.ingest.pdf_nesting import nest_unnumbered
from transform.ingest.pdf_text import PdfLine


def _head(text: str, level: int, page: int, size: float = 15.0) -> _Group:
    line = PdfLine(text, 100.0, 100.0, 500.0, 100.0 + size, size=size, bold=True, page=page, baseline=100.0 + size)
    return _Group(kind="heading", lines=[line], size=size, rtl=True, level=level, body=15.0)


def _body(page: int) -> _Group:
    text = "تعتزم الوزارة تخصيص مبلغ أولي من ميزانية التسيير لتغطية مصاريف المساعدة القضائية " * 3
    return _Group(kind="paragraph", lines=[PdfLine(text, 50.0, 300.0, 550.0, 315.0, size=15.0, page=page, baseline=315.0)],
                  size=15.0, rtl=True, body=15.0)


def test_budget_titles_go_under_the_numbered_project_before_them() -> None:
    # the levels as sizes and outline gave them: "2." (19 pt) 3, the programme 4, the projects 5, the budget titles 3
    heads = [_head("2. محددات نفقات المعدات", 3, 6, 19.0), _head("برنامج 301 : نجاعة الإدارة القضائية", 4, 11),
             _head("مشروع 2 : أداء المحاكم في الميدان الجنائي", 5, 12), _head("ميزانية التسيير", 3, 12),
             _head("الصندوق الخاص لدعم المحاكم:", 3, 13), _head("مشروع 3 : الولوج إلى القانون والعدالة", 5, 13),
             _head("ميزانية التسيير", 3, 13)]
    groups = [x for h in heads for x in (h, _body(h.lines[0].page))]
    nest_unnumbered(groups)
    assert [h.level for h in heads] == [3, 4, 5, 6, 6, 5, 6]


def test_an_unnumbered_heading_after_a_series_read_at_its_level_stays_its_sibling() -> None:
    heads = [_head("I. Contexte", 2, 1), _head("1. Les données", 3, 1), _head("II. Analyse", 2, 2),
             _head("1. Les résultats", 3, 2), _head("Conclusion", 2, 3)]
    groups = [x for h in heads for x in (h, _body(h.lines[0].page))]
    nest_unnumbered(groups)
    assert [h.level for h in heads] == [2, 3, 2, 3, 2]


def test_a_series_goes_on_at_its_members_level_on_the_next_page() -> None:
    # p. 6 put its projects under the box's title (5); p. 7's were read at the size's level, above their own box
    from transform.ingest.pdf_nesting import _series_on

    heads = [_head("برنامج 300 : المواكبة والقيادة", 3, 6), _head("مشروع 2 : تدبير الربائد", 5, 6),
             _head("مشروع 3 : توسيع وتجهيز مقر الوزارة", 3, 7), _head("مشروع 4 : بناء و تجهيز مراكز الأرشيف", 3, 7),
             _head("برنامج 301 : نجاعة الإدارة القضائية", 3, 11), _head("مشروع 5 : أداء المحاكم", 3, 11)]
    _series_on(heads, {id(h): 3 for h in heads})
    assert [h.level for h in heads] == [3, 5, 5, 5, 3, 3]  # the next programme closes the series
