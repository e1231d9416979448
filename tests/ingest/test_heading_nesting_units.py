"""Heading levels and texts of real pages where a numbering of another kind divides a numbered heading
(``أ.`` under ``1.``, ``أ-`` under ``2-``: transform/ingest/pdf_outline.py) and where a bare legal label
takes the long name centred under it (``الباب الثاني`` / its two-line name: transform/ingest/pdf_blocks.py);
the comparisons fail on a flat outline, a bold sentence made a heading and a name left apart."""

from __future__ import annotations

from pathlib import Path

from transform.ingest.pdf_outline import numbering
from transform.model import Heading

from ._realpages import block_text, outline, read_pages


def relative(got: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Levels counted from the shallowest one read (copied pages lose the headings above them)."""
    top = min((level for level, _ in got), default=1)
    return [(level - top, text) for level, text in got]


def mismatches(expected: list[tuple[int, str]], got: list[tuple[int, str]]) -> list[str]:
    """Where ``got`` differs from ``expected`` (relative levels; a heading's text must start as expected)."""
    got = relative(got)
    out = [f"expected {e}, got {g}" for e, g in zip(expected, got, strict=False) if e[0] != g[0] or not g[1].startswith(e[1])]
    if len(expected) != len(got):
        out.append(f"{len(expected)} headings expected, {len(got)} read: {got}")
    return out


# The Ministry of Justice's performance project, pp. 2, 5 and 6: the lettered sections "أ." and "ج." divide
# "1." (the hand-checked truth of page 5 has "ج." one level under "2." of page 6); sizes set them alike.
JUSTICE = [
    (0, "1. محددات نفقات الموظفين"),
    (1, "أ. بنية أعداد الموظفين"),
    (1, "ج. توزيع نفقات الموظفين"),
    (0, "2. محددات نفقات المعدات"),
]

# The order 1033.21's annexed report form, pp. 4: "أ-" and "ب-" under "2-" (truth: levels 5 and 6).
REPORT_FORM = [
    (0, "2- أصناف الأجراء المتواجدين"),
    (1, "أ- أصناف وعدد أجراء المقاولة"),
    (1, "ب- عدد أجراء المقاولات الأخرى"),
]

# The finance law's budget tables, p. 8: the budget title and its name centred under it on two lines, one heading;
# the unit "(بالدرهم)" under them is a note of its own.
BUDGET_TITLE = "الباب الثاني التوزيع على القطاعات الوزارية أو المؤسسات حسب الفصول للإعتمادات المفتوحة فيما يتعلق بنفقات الإستثمار الخاصة بالميزانية العامة للسنة المالية 2024"


def test_lettered_sections_divide_the_numbered_ones(tmp_path: Path) -> None:
    got = [h for h in outline(read_pages("ma-pdp-justice-2024.pdf", [1, 4, 5], tmp_path))
           if numbering(h[1]) and not str(numbering(h[1])).startswith("named:")]  # programmes and projects: test_levels_units_annexes
    assert mismatches(JUSTICE, got) == []


def test_report_form_items_nest(tmp_path: Path) -> None:
    got = [h for h in outline(read_pages("adala-ar-order-1033-21.pdf", [3], tmp_path)) if numbering(h[1])]
    assert mismatches(REPORT_FORM, got) == []


def test_the_comparison_fails_on_a_flat_outline_or_an_added_heading() -> None:
    assert mismatches(JUSTICE, [(2, text) for _, text in JUSTICE])  # every heading at one level
    assert mismatches(REPORT_FORM, [(3, t) for _, t in REPORT_FORM[:1]] + [(3, t) for _, t in REPORT_FORM[1:]])
    padded = [(2, JUSTICE[0][1]), (3, "بتحليل معطيات جداول بنية أعداد الموظفين يتضح أن"), *[(lv + 2, t) for lv, t in JUSTICE[1:]]]
    assert mismatches(JUSTICE, padded)  # a sentence made a heading
    assert mismatches(JUSTICE, [(lv + 2, t) for lv, t in JUSTICE]) == []  # only relative levels count


def test_budget_title_takes_its_name(tmp_path: Path) -> None:
    blocks = read_pages("bo-ar-7259-2023-lf2024-tables.pdf", [7], tmp_path)
    heads = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert BUDGET_TITLE in heads
    texts = [block_text(b) for b in blocks]
    assert "(بالدرهم)" in texts  # the unit under the name stays a paragraph
    assert "الباب الثاني" not in heads  # the label is not left alone (the bad reading main gave)
