"""An Arabic table cell whose line pdfium laid out left to right (a French line of the next cell
at the same height) comes out with its words in visual order; the cell reading puts them back
(pdf_table_glyphs._visual_words), and leaves a cell already in logical order alone."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import read_pages
from transform.ingest.pdf_table_glyphs import _visual_words
from transform.model import Table


def _rows(blocks: list[object]) -> list[list[str]]:
    return [[" ".join(s.text for s in c.sentences) for c in row] for b in blocks if isinstance(b, Table) for row in b.rows]


def test_arabic_cell_beside_a_french_line(tmp_path: Path) -> None:
    rows = _rows(read_pages("adala-ar-decree-2-13-531.pdf", [2], tmp_path))
    assert len(rows) == 14, rows
    # the row whose left cell shares its height with "(assistant administratif du 2ème grade)"
    assert rows[10][1] == "مساعد إداري من الدرجة الثانية.", rows[10]
    assert rows[10][0].startswith("مساعد إداري من الدرجة الثانية؛")
    assert "assistant administratif du 2ème grade" in rows[10][0]
    # every cell of the grades column reads "<grade> من الدرجة <rank>." in logical order
    assert all(r[1].split()[1:3] == ["من", "الدرجة"] or r[1].split()[2:4] == ["من", "الدرجة"] for r in rows[1:]), rows


def _box_of(xs: list[tuple[float, float]]):  # type: ignore[no-untyped-def]
    return lambda i: xs[i]


def test_logical_cell_is_left_alone() -> None:
    """A cell line in logical order (first word drawn rightmost) is not re-read; one drawn in visual
    order (first word leftmost) is; a Latin cell never is."""
    text = "مساعد إداري"  # 5 letters, a space, 5 letters
    right_to_left = [(100.0 - 5 * i - 5, 100.0 - 5 * i) for i in range(len(text))]  # first letter rightmost
    assert not _visual_words(text, _box_of(right_to_left))
    words_left_first = [(50.0 + 5 * i, 55.0 + 5 * i) for i in range(6)] + [(10.0 + 5 * i, 15.0 + 5 * i) for i in range(5)]
    # "مساعد" (and the space) drawn at x 50-80, "إداري" at x 10-35: the first word is right of the last
    assert not _visual_words(text, _box_of(words_left_first))
    visual = [(10.0 + 5 * i, 15.0 + 5 * i) for i in range(6)] + [(50.0 + 5 * i, 55.0 + 5 * i) for i in range(5)]
    assert _visual_words(text, _box_of(visual))  # the first word drawn leftmost: visual order
    assert not _visual_words("assistant administratif", _box_of([(5.0 * i, 5.0 * i + 5) for i in range(23)]))
