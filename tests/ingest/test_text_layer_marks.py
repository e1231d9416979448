"""Text-layer repairs of issue 17: bracketed note markers in right-to-left lines, and table cells
given the ligature order their lines were read with (adala-ar-order-1033-21, a ministry's form)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.ingest.pdf_bidi import fix_brackets
from transform.ingest.pdf_table_glyphs import _ligatures_as_line
from transform.model import Paragraph, Table

from ._realpages import read_pages

SOURCE = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "adala-ar-order-1033-21.pdf"


def test_a_marker_in_brackets_opens_and_closes() -> None:
    # a font maps both bracket glyphs to one code: the marker's brackets come back the same way
    assert fix_brackets("(1(وضع علامة X في الخانة") == "(1)وضع علامة X في الخانة"
    assert fix_brackets(")*(يحرر التقرير") == "(*)يحرر التقرير"
    assert fix_brackets("نوع الزيارة )1(:") == "نوع الزيارة (1):"
    # right already, or not a marker: left alone
    assert fix_brackets("(1) وضع علامة") == "(1) وضع علامة"
    assert fix_brackets("(المادة 534 من القانون)") == "(المادة 534 من القانون)"
    assert fix_brackets("الفصل 12)3(") != "الفصل 12(3)"  # digits against the bracket: a number, not a marker


def _boxes(shared: set[int]) -> object:
    """x extents where the letters at the ``shared`` indices have one box (one glyph)."""
    def box(i: int) -> tuple[float, float]:
        j = min(shared) if i in shared else i
        return float(10 * j), float(10 * j + 8)
    return box


def test_cell_ligatures_follow_the_line_reading() -> None:
    cell = "لألجراء"  # the glyph of lam + alef-hamza emitted back to front: its two letters share a box
    assert _ligatures_as_line(cell, _boxes({1, 2}), "العدد الإجمالي للأجراء") == "للأجراء"
    # the same box sharing on a document whose lines read the ligature as it stands: nothing changes
    assert _ligatures_as_line("للأجراء", _boxes({1, 2}), "العدد الإجمالي للأجراء") == "للأجراء"
    # letters in boxes of their own: nothing to swap, whatever the line says
    assert _ligatures_as_line(cell, _boxes(set()), "للأجراء") == cell


@pytest.fixture(scope="module")
def blocks(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    # pages 3 and 4: the form's notes and its first tables
    return read_pages(SOURCE.name, [2, 3], tmp_path_factory.mktemp("order1033"), headings=False)


def test_real_form_notes_and_table_header(blocks: list[object]) -> None:
    paras = [" ".join(s.text for s in b.sentences) for b in blocks if isinstance(b, Paragraph)]
    notes = [p for p in paras if p.startswith("(") and p[1:2].isdigit()]  # (the article cited in brackets is text too)
    assert [n[:3] for n in notes[:4]] == ["(1)", "(2)", "(3)", "(4)"]
    assert notes[0].startswith("(1)وضع علامة X في الخانة أو الخانات المناسبة")
    cells = [" ".join(s.text for s in c.sentences) for b in blocks if isinstance(b, Table) for row in b.rows for c in row]
    assert "العدد الإجمالي للأجراء" in cells
    assert not any("لألجراء" in c for c in cells)
