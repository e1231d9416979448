"""A ruled table whose every row runs out in dot leaders up to its column rule is a table (pdf_table_leaders)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.ingest.test_ruled_parts import _rows, blocks_of
from transform.model import Table

POSTS = [("Ministere de l'Interieur", "7.944"), ("Administration de la Defense", "7.000"),
         ("Ministere de la Sante", "5.500"), ("Ministere des Finances", "2.600"), ("Cour des comptes", "60")]
CONTENTS = ["Premiere partie .................................... 3", "Deuxieme partie .................................... 9",
            "Troisieme partie .................................. 14"]


def _page(path: Path) -> Path:
    """A4: a line of two runs (signatures), a ruled two-column grid of posts by ministry (no header row), every
    label followed by dot leaders up to the column rule, the number in the next cell; under it a framed contents list (leaders, no
    column rule)."""
    from fpdf import FPDF

    doc = FPDF(unit="pt", format="A4")
    doc.add_page()
    doc.set_font("helvetica", "", 10)
    doc.set_line_width(0.5)
    doc.text(45, 100, "Le ministre delegue")
    doc.text(380, 100, "Le directeur du budget")
    x0, rule, x1, y = 45.0, 330.0, 420.0, 160.0
    rows = POSTS
    for k, (label, count) in enumerate(rows):
        base = y + 18 * k + 13
        doc.text(x0 + 3, base, label + " " + "." * max(4, int((rule - x0 - 10 - doc.get_string_width(label)) / doc.get_string_width("."))))
        doc.text(x1 - 5 - doc.get_string_width(count), base, count)
    for k in range(len(rows) + 1):
        doc.line(x0, y + 18 * k, x1, y + 18 * k)
    for x in (x0, rule, x1):
        doc.line(x, y, x, y + 18 * len(rows))
    y = 400.0
    for k, text in enumerate(CONTENTS):
        doc.text(x0 + 3, y + 18 * k + 13, text)
    for top in (y, y + 18 * len(CONTENTS)):
        doc.line(x0, top, x1, top)
    for x in (x0, x1):
        doc.line(x, y, x, y + 18 * len(CONTENTS))
    doc.output(str(path))
    return path


@pytest.fixture(scope="module")
def blocks(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return blocks_of(_page(tmp_path_factory.mktemp("leaders") / "posts.pdf"))


def test_leader_rows_of_a_ruled_grid_are_a_table(blocks: list[object]) -> None:
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1, [_rows(t) for t in tables]
    rows = _rows(tables[0])
    assert [r[-1] for r in rows] == [c for _, c in POSTS], rows
    assert [r[0].rstrip(". ").strip() for r in rows] == [p for p, _ in POSTS], rows


def test_a_framed_contents_list_stays_text(blocks: list[object]) -> None:
    tables = [b for b in blocks if isinstance(b, Table)]
    assert not any("partie" in c for t in tables for r in _rows(t) for c in r), [_rows(t) for t in tables]
    texts = [type(b).__name__ + ": " + " ".join(s.text for s in getattr(b, "sentences", None) or []) for b in blocks]
    assert sum("partie" in t for t in texts) >= 1 and any("Troisieme partie" in t for t in texts), texts


def _grid(rules: list[float]) -> SimpleNamespace:
    v = [{"orientation": "v", "object_type": "line", "x0": x, "x1": x, "top": 0.0, "bottom": 100.0} for x in rules]
    return SimpleNamespace(edges=v, x0=rules[0], x1=rules[-1], top=0.0, bottom=100.0)


def _row(segments: list[tuple[float, float]], leader: bool = True) -> SimpleNamespace:
    return SimpleNamespace(leader=leader, segments=segments, top=40.0, bottom=50.0)


def test_leader_row_needs_a_column_rule_between_its_runs() -> None:
    from transform.ingest.pdf_table_leaders import leader_row_in_grid

    assert leader_row_in_grid(_row([(12.0, 195.0), (205.0, 240.0)]), _grid([10.0, 200.0, 250.0]))
    assert not leader_row_in_grid(_row([(12.0, 150.0), (160.0, 195.0)]), _grid([10.0, 200.0, 250.0]))  # both runs in one cell
    assert not leader_row_in_grid(_row([(12.0, 195.0), (205.0, 240.0)]), _grid([10.0, 250.0]))  # a frame, no column rule
    assert not leader_row_in_grid(_row([(12.0, 195.0), (205.0, 240.0)], leader=False), _grid([10.0, 200.0, 250.0]))
