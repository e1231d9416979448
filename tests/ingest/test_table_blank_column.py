"""A ruled grid whose only row with text side by side is its header (a minutes' signatures grid: `Noms` /
`Signatures`, each row a councillor's name beside an empty cell to sign in) is a table, though the cheap
test of :func:`pdf_tables.candidate` used to stop every page with fewer than two such rows before walking
its rules (Preuilly's minutes p. 9, held-out set 4). The same page without the rules stays text."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.context import RunContext
from transform.ingest import ingest
from transform.model import Table
from transform.options import TransformOptions

NAMES = ["Jean-Paul CHARRIER", "Gérard THOREAU", "Marie-José STAMFELJ", "Henri ROBERT", "Yolande DEBERNE"]
PROSE = ("La séance est levée à 20H50. Le Conseil Municipal a délibéré quinze fois au cours de cette séance, "
         "dont les délibérations sont listées ci-dessous et transmises au contrôle de légalité.")


def _page(path: Path, ruled: bool) -> Path:
    """A4: a paragraph, then a grid of two columns: a header row and five rows of a name beside an empty cell."""
    from fpdf import FPDF

    doc = FPDF(unit="pt", format="A4")
    doc.add_page()
    doc.set_font("helvetica", "", 11)
    doc.set_xy(60, 80)
    doc.multi_cell(470, 15, PROSE)
    y = 200.0
    for k, (left, right) in enumerate([("Noms", "Signatures"), *((n, "") for n in NAMES)]):
        doc.set_font("helvetica", "B" if k else "", 11)
        doc.set_xy(60, y)
        doc.cell(200, 36, left, border=1 if ruled else 0)
        doc.cell(220, 36, right, border=1 if ruled else 0)
        y += 36
    doc.output(str(path))
    return path


def _blocks(path: Path) -> list[object]:
    doc = ingest(path, RunContext(options=TransformOptions(ocr="never"), out_dir=path.parent, stem=path.stem, source=path))
    return [b for s in doc.sections for b in s.blocks]


def _text(cell: object) -> str:
    return " ".join(s.text for s in cell.sentences)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("blank_column")


def test_a_signatures_grid_is_a_table_of_names_and_empty_cells(folder: Path) -> None:
    tables = [b for b in _blocks(_page(folder / "ruled.pdf", True)) if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert [_text(c) for c in rows[0]] == ["Noms", "Signatures"] and all(c.header for c in rows[0])
    assert [_text(r[0]) for r in rows[1:]] == NAMES
    assert all(_text(r[1]) == "" for r in rows[1:])


def test_the_same_lines_without_rules_are_no_table(folder: Path) -> None:
    blocks = _blocks(_page(folder / "plain.pdf", False))
    assert not any(isinstance(b, Table) for b in blocks)
    text = " ".join(" ".join(s.text for s in getattr(b, "sentences", [])) for b in blocks)
    assert all(n in text for n in NAMES)
