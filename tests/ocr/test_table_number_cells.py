"""Number cells of scanned Arabic tables (issue 17): a percent sign read as ``#`` or ``"``
(``transform/ocr/table_percent.py``) and a lone digit read as Latin letters
(``transform/ocr/table_digits.py``).

The joint order 1096.26 p. 7 (``adala-ar-joint-order-1096-26``) lists soft wheat's defects with a
limit each, ``1 %``, ``1%``, ``2 %``, ``2,5 %``, ``1 %``: main read three of them ``1 #``, ``#1`` and
``2"``. The Sfax notice p. 2 (``tn-sfax-ar-balagh-2022``) gives each post its grade in a column of
one-digit cells: main read the heavy-lorry driver's ``5`` as ``s``."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ocr._pagebits import read_corpus_page
from transform.model import Table
from transform.ocr.table_percent import percent_cells

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from _realpages import doc_blocks  # noqa: E402


@dataclass
class _C:
    col: int
    text: str


def _fixed(texts: list[tuple[int, str]]) -> list[str]:
    cells = [_C(c, t) for c, t in texts]
    percent_cells(cells)
    return [c.text for c in cells]


def test_a_percent_read_as_a_hash_or_a_quote_comes_back_in_a_column_of_percents() -> None:
    read = [(0, "الشوائب المختلفة"), (1, "1 #"), (0, "البذور النابتة"), (1, "#1"), (0, "البذور المنكسرة"), (1, '2"'),
            (0, "البذور المجففة"), (1, "2,5 %"), (0, "الشعير"), (1, "1 %")]
    assert _fixed(read)[1::2] == ["1 %", "1 %", "2 %", "2,5 %", "1 %"]


def test_without_percents_read_right_in_the_column_nothing_changes() -> None:
    assert _fixed([(1, "1 #"), (1, "2,5 %"), (1, "7")]) == ["1 #", "2,5 %", "7"]  # one percent: not enough
    assert _fixed([(1, "1 #"), (0, "2 %"), (0, "3 %")]) == ["1 #", "2 %", "3 %"]  # percents of another column
    # a cell with more than a number and the sign stays as read; so does a bare number
    assert _fixed([(1, "1 # و"), (1, "4"), (1, "2 %"), (1, "3 %")]) == ["1 # و", "4", "2 %", "3 %"]


def _rows(doc: object) -> list[list[str]]:
    tables = [b for b in doc_blocks(doc) if isinstance(b, Table)]
    return [[" ".join(s.text for s in c.sentences) for c in row] for t in tables for row in t.rows]


@pytest.mark.slow
def test_the_wheat_defects_keep_their_percent_signs(tmp_path: Path) -> None:
    rows = _rows(read_corpus_page("adala-ar-joint-order-1096-26.pdf", 7))
    limits = [r[-1] for r in rows if r and r[0].startswith(("البذور", "الشوائب", "الشعير"))]
    assert len(limits) == 5, rows
    assert all(c.replace(" ", "") in ("1%", "2%", "2,5%") for c in limits), limits
    assert not [c for r in rows for c in r if "#" in c or '"' in c], rows


@pytest.mark.slow
def test_the_lorry_drivers_grade_is_read_as_a_digit(tmp_path: Path) -> None:
    rows = _rows(read_corpus_page("tn-sfax-ar-balagh-2022.pdf", 2))
    lorry = [r for r in rows if any("سائق في الوزن الثقيل" in c for c in r)]
    assert lorry, rows
    grade = lorry[0].index(next(c for c in lorry[0] if "سائق في الوزن الثقيل" in c)) - 1
    assert lorry[0][grade] == "5", lorry[0][:4]
    assert not [c for r in rows for c in r if c in ("s", "bis")], [r[:4] for r in rows]


def test_a_rule_at_a_crops_side_is_cut_off_before_the_digits_are_read() -> None:
    import numpy as np
    from PIL import Image

    from transform.ocr.cell_numbers import _inside_rules

    a = np.full((30, 60), 255, dtype=np.uint8)
    a[8:22, 20:26] = 0  # a digit
    a[8:22, 32:38] = 0  # another
    a[:, 55:57] = 0  # a column rule standing in the right side
    cut = np.asarray(_inside_rules(Image.fromarray(a)))
    assert cut.shape[1] == 55  # the rule is gone, the digits are all there
    assert (cut < 128).sum() == 2 * 14 * 6
    a[:, 55:57] = 255
    assert _inside_rules(Image.fromarray(a)).size == (60, 30)  # no rule: nothing cut


@pytest.mark.slow
def test_a_year_at_a_cell_lines_start_keeps_its_four_digits(tmp_path: Path) -> None:
    """Sfax p. 1: the line ``1992 المؤرخ في 28 أوت 1992`` starts at the cell's right rule; main read
    its first year ``2`` in a box as wide as four digits."""
    cells = [c for r in _rows(read_corpus_page("tn-sfax-ar-balagh-2022.pdf", 1)) for c in r]
    cell = next((c for c in cells if "1551" in c), None)
    assert cell is not None, cells
    assert "1551 لسنة 1992 المؤرخ في 28" in cell, cell
