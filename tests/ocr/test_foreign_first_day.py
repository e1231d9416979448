"""A kept earlier OCR's `1*` before a month's name is `1er` (foreign_vote._first_of_month; Putanges p. 16)."""

from __future__ import annotations

from transform.ocr.foreign_vote import vote_line


def test_the_first_of_a_month_read_with_a_mark_is_1er() -> None:
    # p. 16's layer: `du 1* avril 2024` (ours read `12`): French writes the first of a month `1er` only
    line = "rappelle que le camping sera ouvert du 1* avril 2024"
    assert vote_line(line, "rappelle que le camping sera ouvert du 12 avril 2024") == (
        "rappelle que le camping sera ouvert du 1er avril 2024", 1)
    assert vote_line("le 1° mai 2024 et 1* de plus", "le 1 mai 2024 et 1 de plus")[0] == "le 1er mai 2024 et 1* de plus"
    assert vote_line("au 19° avril 2024", "au 19 avril 2024")[0] == "au 19° avril 2024"  # ours no ordinal: stays
