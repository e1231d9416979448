"""Labels broken on purpose inside one ruled box (``pdf_table_stacks._short_rows``).

Cabestany's compte financier unique p. 13, its balance sheet: one ruled box holds
`Comptes de régularisation (III)` over `Écarts de conversion actif (IV)` on the assets' side and
the liabilities' pair beside them, no amount in either row. Both lines of each cell were one
label (`Comptes de régularisation (III) Écarts de conversion actif (IV)`): two rows read as one.
Each line ends far short of its column's widest line, so the next line's first word would have
fitted after it: a line broken on purpose, not a wrapped label."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import read_pages
from transform.model import Table


def _rows(name: str, indexes: list[int], folder: Path) -> list[list[str]]:
    return [[" ".join(s.text for s in c.sentences) for c in row]
            for b in read_pages(name, indexes, folder) if isinstance(b, Table) for row in b.rows]


def test_two_labels_broken_on_purpose_are_two_rows(tmp_path: Path) -> None:
    """And a wrapped label stays whole: the results table p. 7's fund names fill their column."""
    rows = _rows("cabestany-cfu-2024.pdf", [6, 12], tmp_path)
    assert ["Comptes de régularisation (III)", "", "Comptes de régularisation (III)", ""] in rows
    assert ["Écarts de conversion actif (IV)", "", "Écarts de conversion passif (IV)", ""] in rows
    total = next(r for r in rows if r[0].startswith("TOTAL GÉNÉRAL"))
    assert total[1] == "106 648,46" and total[3] == "106 648,46"
    firsts = [r[0] for r in rows]
    assert "32600-LOGT LES HAUTS DU MOULINAS" in firsts and "32700-LOT PARCS GERMANOR CABESTANY" in firsts

