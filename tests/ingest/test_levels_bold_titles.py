"""A group title and a numbered part's title run into one bold block (issue 17, tests/realdocs/README.md "Levels nest as
printed"): BO 7259's p. 48 prints ``النفقات من الميزانية العامة ...`` (two bold lines) over ``I. - الميزانية العامة``,
one bold block of three lines over ``المادة 44``; read as a paragraph, the articles and the ``II.-``/``III.-`` parts after
it went one and two levels up (pdf_numbered_heads.split_bold_titles). Pages 2, 48 and 49 are copied (the law's title
and its first part, then the second part) and read without OCR; levels relative to the law's title."""

from __future__ import annotations

from pathlib import Path

from ._realpages import level_differences, outline, read_pages

# truth of p. 2 and p. 49: the law's title 2, "الجزء الأول" 3, "I." 5, articles 6; "II.-" 5, "المادة 47" 6
EXPECTED = [
    (2, "قانون المالية رقم 55.23"),
    (3, "الجزء الأول"),
    (5, "I . - الضرائب"),
    (6, "المادة الأولى"),
    (3, "الجزء الثاني"),
    (4, "النفقات من الميزانية العامة"),
    (5, "I. - الميزانية العامة"),
    (6, "المادة 44"),
    (6, "المادة 46"),
    (5, "II.- ميزانيات مرافق الدولة"),
    (6, "المادة 47"),
    (5, "III.- الحسابات الخصوصية"),
    (6, "المادة 49"),
]


def test_group_title_and_numbered_part_in_one_bold_block(tmp_path: Path) -> None:
    got = outline(read_pages("bo-ar-7259-2023-lf2024.pdf", [1, 47, 48], tmp_path))
    assert level_differences(EXPECTED, got) == []


def test_the_comparison_fails_on_parts_beside_the_articles() -> None:
    flat = [(lv if not text.startswith(("II.-", "III.-")) else 6, text) for lv, text in EXPECTED]
    assert level_differences(EXPECTED, flat) != []
