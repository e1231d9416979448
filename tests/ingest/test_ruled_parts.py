"""Set 4's text-layer table faults, on small synthetic inputs: a part titled again with ``(suite)`` over a table
going on from the page before marks its repeated header row (ingest/pdf_title_repeats.py)."""

from __future__ import annotations

from transform.ingest.pdf_title_repeats import mark_repeated_heads
from transform.model import Cell, Heading, Paragraph, Sentence, Table

HEAD = ("N° Compte", "Intitulé", "Contenu", "Solde Au 31/12/2023")


def _cells(*texts: str, header: bool = False) -> list[Cell]:
    return [Cell(sentences=[Sentence(id="s", text=t)] if t else [], header=header) for t in texts]


def _heading(text: str, page: int) -> Heading:
    return Heading(sentences=[Sentence(id="s", text=text)], page=page, level=4)


def _para(text: str, page: int) -> Paragraph:
    return Paragraph(sentences=[Sentence(id="s", text=text)], page=page)


def _part(page: int, *firsts: str) -> Table:
    return Table(page=page, rows=[_cells(*HEAD, header=True)] + [_cells(f, "Fonds", "Ce compte est ouvert", "1 000") for f in firsts])


def _accounts(second: str) -> list[object]:
    return [_heading("I : Comptes de commerce", 9), _para("Unité : DA", 9), _part(9, "301 001/000"),
            _heading("II : Comptes d'affectation spéciale", 9), _para("Unité : DA", 9), _part(9, "302 001/000"),
            _heading(second, 10), _part(10, "302 042/000", "302 051/000")]


def test_a_title_printed_again_with_suite_marks_the_repeated_header_row() -> None:
    blocks = _accounts("II : Comptes d'affectation spéciale (suite)")
    assert mark_repeated_heads(blocks) == 1
    assert [b.repeats_head for b in blocks if isinstance(b, Table)] == [0, 0, 1]


def test_another_title_keeps_its_header_row() -> None:
    for second in ("III : Comptes de prêts (suite)", "III : Comptes de prêts", "I : Comptes de commerce (suite)"):
        blocks = _accounts(second)  # another part's title (or the part before's: not the title over the table above)
        assert mark_repeated_heads(blocks) == 0, second
