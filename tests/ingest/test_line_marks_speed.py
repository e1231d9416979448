"""A raised call's digits searched in a line with the digits first (``pdf_line_marks._digit_run``): the regular
expression engine skips ahead to them instead of trying a lookbehind at every place of the line; the same matches as
the lookbehind-first pattern, compiled once per run of digits."""

from __future__ import annotations

import re

from transform.ingest import pdf_line_marks

LINES = ["", "12", "112", "121", "x12y", "a 12 b 12", "0012 00 100 000", "1 318 400 درهم سنة 2025", "المغرب12 و13",
         "٣٣ ٣ ٣٣٣", "المجلس٣ (٣)", "\n12\n", "12\r\n1212 12", "gris).55 55.5 5,5"]


def test_the_same_matches_as_the_lookbehind_first_pattern() -> None:
    for digits in ("1", "12", "55", "00", "3", "٣", "٣٣", "5"):
        old = re.compile(f"(?<![0-9\u0660-\u0669]){re.escape(digits)}(?![0-9\u0660-\u0669])")
        for line in LINES:
            assert [m.span() for m in pdf_line_marks._digit_run(digits).finditer(line)] == [m.span() for m in old.finditer(line)], (digits, line)
    assert pdf_line_marks._digit_run("12") is pdf_line_marks._digit_run("12")  # compiled once


def test_a_raised_run_is_found_among_level_ones() -> None:
    # ``1`` of ``1 318 400`` level with the line, the call ``1`` after ``درهم`` raised 5 points
    piece = "1 318 400 درهم1 سنة"
    raised_at = piece.index("درهم1") + 4
    y = {raised_at: 105.0}
    assert pdf_line_marks._raised(piece, "1", 0, 100.0, 10.0, lambda i: y.get(i, 100.0))
    assert not pdf_line_marks._raised(piece, "1", 0, 100.0, 10.0, lambda i: 100.0)
    assert not pdf_line_marks._raised("11 درهم", "1", 0, 100.0, 10.0, lambda i: 105.0)  # no free-standing 1
