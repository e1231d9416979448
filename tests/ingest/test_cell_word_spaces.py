"""Word spaces drawn as gaps in table cells (pdf_respace.cell_spaces): the Ministry of Justice's
performance project sets its bold Arabic row labels with no space character between the words
(`النفقاتالدائمة`); the line reading put the spaces back, the cells (read from their characters)
did not. A cell line is re-spaced only where each new word is a word of its printed line as read,
and an Arabic comma followed by a word-space gap starts a new word (`والموظفين،وكذا`)."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import read_pages
from transform.ingest.pdf_respace import _gap_spaces, cell_spaces
from transform.model import Table

SIZE = 15.0


def _box(widths_gaps: list[tuple[str, float]]):
    """A right-to-left box function: each character drawn 5 pt wide, right to left, with the
    given gap (points) before it."""
    boxes, x = [], 500.0
    for _ch, gap in widths_gaps:
        x -= gap
        boxes.append((x - 5.0, x))
        x -= 5.0
    return lambda i: boxes[i]


def _layout(text: str, gaps: dict[int, float]):
    return _box([(ch, gaps.get(i, 0.0)) for i, ch in enumerate(text)])


def _cells(table: Table) -> list[str]:
    return [" ".join(s.text for s in c.sentences) for row in table.rows for c in row]


def test_real_cells_get_their_word_spaces(tmp_path: Path) -> None:
    blocks = read_pages("ma-pdp-justice-2024.pdf", [2, 4], tmp_path)  # pages 3 and 5 (103 and 105 of the report)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 2
    regions = _cells(tables[0])
    for label in ("جهة الشرق", "جهة فاس - مكناس", "جهة مراكش - آسفي", "جهة كلميم - واد نون"):
        assert label in regions
    labels = _cells(tables[1])
    for label in ("النفقات الدائمة", "المناصب المحذوفة", "عمليات الإدماج", "نفقات الموظفين المتوقعة"):
        assert label in labels
    assert not any("النفقاتالدائمة" in c or "جهةفاس" in c for c in regions + labels)
    assert "3 042 988 000" in labels and "3 179 307 000" in labels  # the amounts untouched


def test_cell_left_alone_when_the_line_reading_did_not_space_it() -> None:
    text = "جهةفاس"
    box = _layout(text, {3: 2.3})  # a word-space gap between the two words
    assert cell_spaces(text, box, SIZE, "جهة فاس 945 816")[0] == "جهة فاس"
    # the printed line as read holds the run as it is: nothing to put back
    assert cell_spaces(text, box, SIZE, "جهةفاس 945 816")[0] == text
    # the gap rule would make a word that is not in the line as read: the cell stays as it is
    assert cell_spaces(text, box, SIZE, "جه ةفاس")[0] == text


def test_touching_letters_and_comma_gaps() -> None:
    word = "المعطيات"
    assert _gap_spaces(word, _layout(word, {}), SIZE)[0] == word  # letters of one word touch
    assert _gap_spaces(word, _layout(word, {4: 0.6}), SIZE)[0] == word  # a kerning gap is no space
    joined = "الموظفين،وكذا"
    comma = joined.index("،")
    assert _gap_spaces(joined, _layout(joined, {comma + 1: 2.3}), SIZE)[0] == "الموظفين، وكذا"
    assert _gap_spaces(joined, _layout(joined, {}), SIZE)[0] == joined  # drawn against the comma: as written
