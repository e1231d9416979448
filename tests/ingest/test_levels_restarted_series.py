"""A numbered series that starts again under the next part (issue 17, tests/realdocs/README.md "Levels nest as
printed"): decree 2.09.197's model report numbers ``1.``, ``2.`` under ``I-`` under ``أ- الأجراء الدائمون:``, then
``ب- الأجراء الموسميون:`` opens ``1.``, ``2.`` again right under it. Main gave the new ``1.`` the old series' level (one
too deep, under nothing); it is ``ب-``'s first division (pdf_outline._restarts). Pages 4 and 10 are copied and read
without OCR; levels relative to ``أ-``."""

from __future__ import annotations

from pathlib import Path

from ._realpages import level_differences, outline, read_pages

# truth of p. 4 (أ- 4, I- 5, 1. 6) and p. 10 (ب- 4, 1. 5, 2. 5, 1.2 6)
EXPECTED = [
    (4, "أ- الأجراء الدائمون"),
    (5, "I- تقديم المؤسسة"),
    (6, "1. إثبات الهوية"),
    (4, "ب-"),
    (5, "1. المتوسط الشهري"),
    (5, "2. المؤشرات الرئيسية"),
    (6, "1.2 حوادث الشغل"),
]


def test_a_series_restarted_under_the_next_part(tmp_path: Path) -> None:
    got = outline(read_pages("adala-ar-decree-2-09-197.pdf", [3, 9], tmp_path))
    assert level_differences(EXPECTED, got) == []


def test_the_comparison_fails_on_the_old_series_level() -> None:
    deep = [(6 if text.startswith(("1. المتوسط", "2. المؤشرات")) else lv, text) for lv, text in EXPECTED]
    assert level_differences(EXPECTED, deep) != []
