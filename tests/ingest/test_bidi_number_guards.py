"""Guards beside test_bidi_number_groups: the numbers the new rules must leave as they were read.

An outline number that opens an Arabic line (``3-1``: section 3, item 1, drawn ``1-3``) and a
year range drawn descending (``2026-2027`` drawn ``2027-2026``) keep the Arabic reading; these
pass on the code before the rules too, and fail if the pair rule reaches them.
"""

from __future__ import annotations

from tests.ingest._realpages import line_texts


def test_outline_numbers_opening_a_line_keep_the_arabic_reading() -> None:
    lines = line_texts("adala-ar-order-1033-21.pdf", 7)
    assert "3-1" in lines and "3-2" in lines
    assert "1-3" not in lines


def test_year_range_drawn_descending() -> None:
    lines = line_texts("adala-ar-joint-order-1096-26.pdf", 2)
    assert sum("2026-2027" in t for t in lines) == 2
    assert not any("2027-2026" in t for t in lines)
