"""A row rule of a ruled table that tesseract reads as letters is not cell text.

On the 200 ppi flatbed scan of the Ministry of Health's list of vacant posts
(``ma-sante-ar-decision-2023`` page 4) tesseract reads several of the table's row rules, and a
stamp's stroke along one, as words: ``سسسب``, ``سس سس ساس``, ``———``, ``EDO``, ``لل ا``. They
were put in the cells above or below the rule (``لل ا مديرية التجهيزات والصيائة``). A word, or
a flat line, whose middle lies on a row rule drawn under it is now left out of the table; a
boundary inside a cell that spans several rows is no rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ocr._pagebits import read_corpus_page
from transform.model import Table
from transform.model.walk import iter_blocks
from transform.ocr.tables_fill import _Filler
from transform.ocr.tables_grid import Grid, GridCell

SANTE = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "ma-sante-ar-decision-2023.pdf"
RULE_WORD = re.compile(r"^(?:[سش]{2,}[ب]?|ساس|—+|EDO)$")


def _filler() -> _Filler:
    """Two columns, three rows 100 px high (1 px = 1 pt); the left column's cell spans rows 1-2."""
    cells = [GridCell(0, 0), GridCell(0, 1), GridCell(1, 0, rowspan=2), GridCell(1, 1), GridCell(2, 1)]
    return _Filler(Grid(xs=[0, 200, 400], ys=[0, 100, 200, 300], cells=cells), 1.0, 6.0)


def test_a_box_on_a_drawn_row_rule_is_the_rule_and_a_word_between_rules_is_text() -> None:
    f = _filler()
    assert f.on_rule(250, 98, 330, 102)  # a flat mark on the rule between rows 0 and 1
    assert f.on_rule(250, 185, 330, 215)  # a word-high box centred on the rule under row 1
    assert f.on_rule(50, 85, 120, 115)  # the rule under row 0 is drawn in the left column too
    assert not f.on_rule(250, 130, 330, 160)  # a word inside its row
    assert not f.on_rule(250, 170, 330, 196)  # a word resting just above the rule: its middle is off it
    assert not f.on_rule(50, 185, 120, 215)  # inside the merged cell: no rule is drawn at y = 200
    boxes = [("نص", 250.0, 130.0, 330.0, 160.0), ("سسس", 250.0, 198.0, 330.0, 202.0)]
    assert [b[0] for b in f.off_rules(boxes)] == ["نص"]


def test_a_box_where_a_row_rule_meets_a_column_rule_is_the_rules() -> None:
    f = _filler()
    # a box on the column rule x = 200 whose middle falls just inside the merged cell (no rule
    # drawn at y = 200 there) but on the level of the rule drawn in the right column: the corner
    # of the rules read as letters (Health's `لك` in a spanning division cell); failed before
    assert f.on_rule(196, 192, 203, 208)  # middle at x = 199.5: the right column's rule crosses
    assert not f.on_rule(150, 192, 190, 208)  # a word of the merged cell clear of the column rule
    assert not f.on_rule(196, 130, 203, 160)  # at the column rule but between row rules


@pytest.mark.slow
def test_the_list_of_posts_keeps_no_rule_read_as_letters_in_its_cells(tmp_path: Path) -> None:
    doc = read_corpus_page(SANTE, 4)
    tables = [b for _, b in iter_blocks(doc) if isinstance(b, Table)]
    assert len(tables) == 1
    cells = [" ".join(s.text for s in c.sentences) for row in tables[0].rows for c in row]
    assert len(cells) >= 40
    junk = [w for c in cells for w in c.split() if RULE_WORD.match(w)]
    assert junk == [], junk
    # the cells on either side of a rule read as letters start with their own words
    assert any(c.startswith("مديرية التجهيزات") for c in cells), cells
    assert any(c.startswith("قسم المعدات والتجهيزات") for c in cells), cells
    assert any(c.startswith("رئيس مصلحة الصيانة") for c in cells), cells
    assert any(c.startswith("رئيس مصلحة الإعلام المؤسساتي") for c in cells), cells
