"""Header rows of OCR'd ruled tables (``tables_heads.py``; docs/ocr.md, 2026-12-06, fifteenth
session, wip/tables): a title set across every column is the table's first header row, and a row
of labels under a header cell that spans columns is a header row too. The wheat order's annexes
(a scan under a garbage layer) print their title inside the frame; annex III has its column
heads under it, annex I its first label and value."""

from __future__ import annotations

from pathlib import Path

import pytest
from ocr_testkit import one_page

from transform.evaluation import normalize, read_document
from transform.model import Table
from transform.model.walk import iter_blocks
from transform.ocr.tables_heads import header_rows

REALDOCS = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def _table(page: int, tmp_path: Path) -> Table:
    path = REALDOCS / "adala-ar-joint-order-1096-26.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    doc = read_document(one_page(path, page, tmp_path / f"p{page}.pdf"))
    assert doc.meta.pages[0].method == "ocr"
    [t] = [b for _, b in iter_blocks(doc) if isinstance(b, Table)]
    return t


def _texts(row: list) -> list[str]:  # type: ignore[type-arg]
    return [normalize(" ".join(s.text for s in c.sentences)) for c in row]


@pytest.mark.slow
def test_a_title_over_column_heads_makes_two_header_rows(tmp_path: Path) -> None:
    t = _table(9, tmp_path)  # annex III
    assert _texts(t.rows[0]) == [normalize("الحدود المسموح بها في القمح اللين الموجه لصناعة الدقيق المدعوم")]
    assert t.rows[0][0].colspan == 2 and t.rows[0][0].header  # main: no header at all
    assert _texts(t.rows[1]) == [normalize("المميزات"), normalize("الحدود المسموح بها")]
    assert all(c.header for c in t.rows[1])
    assert not any(c.header for row in t.rows[2:] for c in row)


@pytest.mark.slow
def test_a_title_over_a_label_and_its_value_is_one_header_row(tmp_path: Path) -> None:
    t = _table(7, tmp_path)  # annex I
    assert t.rows[0][0].colspan == 2 and t.rows[0][0].header  # main: a data cell
    assert _texts(t.rows[1])[0] == normalize("الوزن الخاص")
    assert not any(c.header for row in t.rows[1:] for c in row)  # `77 كيلوغرام للهيكتوليتر`: a value, not a head


class _C:
    def __init__(self, row: int, col: int, text: str, colspan: int = 1, rowspan: int = 1) -> None:
        self.row, self.col, self.text, self.colspan, self.rowspan = row, col, text, colspan, rowspan


def test_header_rows_of_cells_as_putanges_budget_sections_print_them() -> None:
    """Putanges' minutes, p. 10 and p. 12 (OCR'd): a section's heads over its sub-heads; the body
    of the second table is printed on the next page, so its two header rows are all it holds."""
    two_sides = [_C(0, 0, "DEPENSES", 3), _C(0, 3, "RECETTES", 3),
                 *[_C(1, k, t) for k, t in enumerate(["", "Report", "Propositions", "", "Report", "Propositions"])]]
    assert header_rows(two_sides) == 2
    one_side = [_C(0, 0, "RECETTES", 4), *[_C(1, k, t) for k, t in enumerate(["", "PROPOSITIONS", "", "PROPOSITIONS"])],
                *[_C(2, k, t) for k, t in enumerate(["020 DEPENSES IMPREVUES", "0,00€", "001 EXCEDENT REPORTE", "125 199,51€"])]]
    assert header_rows(one_side) == 2
    body_under = [_C(0, 0, "DEPENSES", 2), _C(0, 2, "RECETTES", 2),
                  *[_C(1, k, t) for k, t in enumerate(["011 CHARGES", "756 350,00€", "002 EXCEDENT", "1 542 121,54€"])]]
    assert header_rows(body_under) == 1
    merged_label = [_C(0, 0, "المالية", rowspan=2), _C(0, 1, "الدراسة"), _C(1, 1, "إجراء تحويلات")]
    assert header_rows(merged_label) == 0
    form = [_C(r, k, t) for r, pair in enumerate([("Nom du navire", "…"), ("Immatriculation", "…"), ("Tonnage brut", "…")])
            for k, t in enumerate(pair)]
    assert header_rows(form) == 0  # a label beside dots to fill in: no header row
