"""A statement's closing lines are no headings: a field whose only value is a date (``Date d’édition :
18/02/2025``) and a signatory's place-and-date line (``..., Maire A CABESTANY, le 03/04/2025``), both set in the
bold of the statement's title block (Cabestany's CFU p. 71, held-out set 4). A title ending on an amount after its
colon stays a heading."""

from __future__ import annotations

import pytest

from transform.model import Heading

from ._realpages import block_text, read_pages


@pytest.fixture(scope="module")
def blocks(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return read_pages("cabestany-cfu-2024.pdf", [70], tmp_path_factory.mktemp("cfu71"))


def test_closing_lines_of_a_statement_are_no_headings(blocks: list[object]) -> None:
    headings = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert "V – ARRETE ET SIGNATURES V" in headings
    assert not any("18/02/2025" == h.split(" : ")[-1] for h in headings), headings
    assert not any(h.endswith("le 03/04/2025") for h in headings), headings
    texts = [block_text(b) for b in blocks]
    assert any(t.startswith("Date d’édition : 18/02/2025") for t in texts)


@pytest.mark.parametrize(("text", "dated"), [
    ("Date d’édition : 18/02/2025", True),
    ("Date de dépôt : 3.4.2024", True),
    ("PUGNET EDITH (epugnet-xt), Maire A CABESTANY, le 03/04/2025", True),
    ("Axe 2 « Appui à la généralisation du préscolaire en milieu rural » : 294 MDH", False),
    ("Article 1 : Objet", False),
    ("Chapitre 2 : Dispositions du 12/03/2024", False),
    ("2020-041 CONSEIL D’ADMINISTRATION DU COLLEGE : Désignation des délégués", False),
])
def test_the_rule_reads_a_bare_date_only(text: str, dated: bool) -> None:
    from transform.ingest.pdf_heading_drops import _DATE_FIELD, _DATED

    assert bool(_DATE_FIELD.match(text) or _DATED.search(text)) == dated
