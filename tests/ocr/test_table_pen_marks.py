"""A pen's stroke under an amount is no second price (``transform/ocr/tables.py``, ``_one_shape``
and ``_drop_pen_marks``).

Putanges' minutes (``putanges-pv-2024-03-25``, a 200 ppi scan) p. 12: the sewerage budget's
investment table has labels on two printed lines (`020 DEPENSES` / `IMPREVUES`) beside one
amount (`0,00€`), and a hand-drawn stroke under two amounts that tesseract reads `7` and `1`.
Taken for a column of prices bound line by line, each such row was cut in two (`020 DEPENSES |
0,00 | 001 EXCEDENT | 125 199,51` then `IMPREVUES | 7 | REPORTE`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from transform.evaluation import normalize
from transform.evaluation.corpus import read_document
from transform.model import Table
from transform.ocr.tables import _one_shape

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from _realpages import copy_pages, doc_blocks  # noqa: E402


def test_prices_bound_line_by_line_are_written_alike() -> None:
    assert _one_shape(["0,84", "1,12", "2,80"])
    assert _one_shape(["12", "7"])  # counts (no decimal mark) stay a column
    assert not _one_shape(["0,00€", "7"])


@pytest.mark.slow
def test_a_label_on_two_lines_beside_one_amount_is_one_row(tmp_path: Path) -> None:
    pdf = copy_pages("putanges-pv-2024-03-25.pdf", [11], tmp_path)
    tables = [b for b in doc_blocks(read_document(pdf, "auto")) if isinstance(b, Table)]
    rows = [[normalize(" ".join(s.text for s in c.sentences)) for c in row] for t in tables for row in t.rows]
    first = [r for r in rows if r and r[0].startswith("020")]
    assert len(first) == 1, rows
    assert first[0][0] == normalize("020 DEPENSES IMPREVUES") and first[0][2] == normalize("001 EXCEDENT REPORTE")
    assert first[0][1].startswith("0,00") and "7" not in first[0][1]
    assert not [r for r in rows if r and r[0] in (normalize("IMPREVUES"), normalize("IMMOBILISATION"))]
