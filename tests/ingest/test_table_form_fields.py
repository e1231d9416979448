"""A ruled form on a text layer whose rows are a label, then dots to fill in (``Row.labelled_field``).

The Bulletin officiel n° 7448, p. 28: the model declaration annexed to the red coral order, a ruled
box of fourteen rows, a bold label on the left and a dotted blank on the right, no header row. Each
row is one line of two runs, the second only dots; a row of dot leaders was never side by side
(a contents line), so the page never reached the ruled-grid search and the form was read as
fifteen paragraphs."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import read_pages
from transform.model import Table


def _cell(c: object) -> str:
    return " ".join(s.text for s in c.sentences)  # type: ignore[attr-defined]


def test_label_and_dots_rows_are_a_table(tmp_path: Path) -> None:
    blocks = read_pages("bo-fr-7448-2025.pdf", [27], tmp_path)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[_cell(c) for c in row] for row in tables[0].rows]
    assert len(rows) == 14 and all(len(r) == 2 for r in rows)
    labels = [r[0] for r in rows]
    assert labels[:3] == ["Nom du navire", "Immatriculation", "Tonnage brut"]
    assert labels[6] == "Prénom, nom et nationalité des plongeurs Numéro d'autorisation ou carte professionnelle"
    assert labels[-1] == "Unité de transformation de corail Destinataire du corail rouge pêché (nom/patente)"
    assert all(r[1] and not any(ch.isalnum() for ch in r[1]) for r in rows)  # the blanks: dots only
    text = " ".join(_cell(c) for row in tables[0].rows for c in row)
    assert "Signature" not in text  # the signature places under the box stay text
    assert any(not isinstance(b, Table) and "Signature du capitaine" in getattr(b, "sentences", [None])[0].text for b in blocks
               if getattr(b, "sentences", None))
