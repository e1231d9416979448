"""Decimal titles that lost their first digit, and the unnumbered titles printed right under them (issue 17).

The CESE's opinion on biodiversity sets its ``2.1.1.`` / ``2.1.2.`` titles in 13 pt bold on two lines, the second
hung under the first's words; its text layer lost the number's first digit (``.1.2. التنوع ...``) and the letter
of the 14 pt ``أ.`` titles under them (``. التنوع ...``). Grouping cut the two lines apart (two one-line
paragraphs: no heading at all), and once joined the 14 pt ``أ.`` title ranked above its 13 pt ``2.1.2.`` by size.
Truth (p. 27-28): ``2.1`` 3, ``2.1.2`` 4, ``أ.`` 5, the 10 pt ``استنزاف الموارد ...`` 6
(pdf_headings._cut_bold_pairs, pdf_nesting._under_decimal and _cut_sibling, pdf_outline.cut_depth).
The levels are placed on the cut form; the lost digit and letter come back once the blocks are grouped
(pdf_actual_text, twenty-second session), so the headings are asserted with their whole numbers."""

from __future__ import annotations

import pytest

from transform.ingest.pdf_outline import cut_depth, numbering, opens_decimal

from ._realpages import outline, read_pages


@pytest.fixture(scope="module")
def heads(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[int, str]]:
    # pp. 22-28 (0-based 21-27), text layer only
    return outline(read_pages("cese-ar-avis-biodiversite-2025.pdf", list(range(21, 28)), tmp_path_factory.mktemp("cese")))


def _level(heads: list[tuple[int, str]], start: str) -> int:
    return next(lv for lv, t in heads if t.startswith(start))


def test_a_decimal_title_on_two_lines_is_one_heading(heads: list[tuple[int, str]]) -> None:
    title = next(t for _, t in heads if t.startswith("2.1.2. التنوع البيولوجي البحري"))
    assert title.endswith("والسيادة الوطنية")  # its second line, hung under the first, is in it


def test_titles_under_a_decimal_title_that_lost_a_digit(heads: list[tuple[int, str]]) -> None:
    section = _level(heads, "1.2.تنوع بيولوجي متعدد")  # 2.1 (the page prints it 1.2.)
    first = _level(heads, "1.1.2. التنوع البيولوجي الفلاحي")  # 2.1.1 (printed 1.1.2.)
    second = _level(heads, "2.1.2. التنوع البيولوجي البحري")  # 2.1.2
    assert first == second == section + 1
    lettered = _level(heads, "أ. التنوع البيولوجي البحري وقطاع الصيد")  # 14 pt under 13 pt
    assert lettered == second + 1
    assert _level(heads, "أ. التنوع البيولوجي الفلاحي والقطاع") == first + 1
    assert _level(heads, "استنزاف الموارد وتدهور النظم البيئية البحرية") == lettered + 1


def test_cut_depth() -> None:
    assert cut_depth(".1.2. التنوع البيولوجي") == 3
    assert cut_depth(".1.2.3 Titre") == 4
    assert opens_decimal(".1.2. التنوع") and opens_decimal("2.1.2. Titre")
    for text in (". التنوع البيولوجي", ".2.تنوع بيولوجي", "2.1. Titre", "...", ".5 % des communes", "1.2.3"):
        assert cut_depth(text) is None, text
    assert numbering(".1.2. التنوع البيولوجي") is None  # its depth is not known to the outline
