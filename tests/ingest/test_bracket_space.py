"""A word space written between an Arabic word and a bracket whose loose boxes overlap a little
(Times New Roman Bold in a table cell of order 1033.21 p. 4: ``الأحداث(بين`` for ``الأحداث (بين``):
it counts when the bracket is drawn against the word on its other side, not when it holds this
word (pdfium misplaces spaces around brackets). Tokens as ``pdf_visual_order._tokens`` gives them,
left to right, with the page's x extents."""

from __future__ import annotations

from transform.ingest.pdf_visual_order import _with_spaces

SIZE = 12.0


def _text(vis: list[tuple[str, float, float, str]]) -> str:
    return "".join(t[0] for t in _with_spaces(vis, SIZE))


def test_a_written_space_between_a_word_and_a_bracket_held_by_the_next_word() -> None:
    # بين, its bracket (overlapping بين by 3.6 pt), the written space, الأحداث (overlapping the bracket by 0.6 pt)
    vis = [("نيب", 278.43, 294.99, "R"), (")", 291.39, 298.95, "N"), (" ", 295.38, 301.95, "N"), ("ثادحألا", 298.38, 322.74, "R")]
    assert _text(vis) == "نيب) ثادحألا"


def test_a_bracket_held_by_this_word_takes_no_space() -> None:
    # the same space written, but the bracket is drawn against الأحداث and apart from بين
    vis = [("نيب", 278.43, 290.9, "R"), (")", 291.39, 298.95, "N"), (" ", 295.38, 301.95, "N"), ("ثادحألا", 298.38, 322.74, "R")]
    assert _text(vis) == "نيب)ثادحألا"
    # no space written at the junction: none made
    vis = [("نيب", 278.43, 294.99, "R"), (")", 291.39, 298.95, "N"), ("ثادحألا", 298.38, 322.74, "R")]
    assert _text(vis) == "نيب)ثادحألا"
