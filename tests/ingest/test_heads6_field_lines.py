"""Headings that are not headings: a line set like a title whose only value is a date, a reference number or a unit,
or a formula, is a field of its page (``pdf_not_heads``); a meeting's title ending on a bare date stays a heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation.corpus import read_document
from transform.ingest.pdf_not_heads import field_line
from transform.model import Heading, Paragraph

from ._realpages import FILES, block_text, doc_blocks, read_pages


def _kinds(blocks: list[object]) -> tuple[list[str], list[str]]:
    heads = [block_text(b) for b in blocks if isinstance(b, Heading)]
    paras = [block_text(b) for b in blocks if isinstance(b, Paragraph)]
    return heads, paras


@pytest.mark.parametrize(("name", "page", "line"), [
    ("montpellier-subventions-2014.pdf", 29, "Publiée le : 18 février 2014"),
    ("cese-ar-avis-biodiversite-2025.pdf", None, "إحالة ذاتية رقم 2025/88"),
    ("jora-fr-lf2025-etats.pdf", None, "Unité : DA"),  # page 13's unit, over the whole statement
    ("montpellier-tarifs-2014.pdf", 4, "Tarif journée (sans repas) = Revenu mensuel* x taux d’effort correspondant"),
])
def test_field_line_is_a_paragraph(tmp_path: Path, name: str, page: int | None, line: str) -> None:
    """The page ``page`` (0-based; None: the whole document) read: ``line`` is no heading of its own, a paragraph."""
    if page is None:
        if not (FILES / name).exists():
            pytest.skip("the corpus file is missing")
        blocks = doc_blocks(read_document(FILES / name, ocr="never"))
    else:
        blocks = read_pages(name, [page], tmp_path)
    heads, paras = _kinds(blocks)
    assert line not in heads
    assert any(line in p for p in paras)


def test_meeting_title_with_a_bare_date_stays_a_heading(tmp_path: Path) -> None:
    heads, _ = _kinds(read_pages("couthenans-cr-2022-01.pdf", [0], tmp_path))
    assert "CR du conseil municipal 21 janvier 2022" in heads


@pytest.mark.parametrize(("text", "field"), [
    ("Date de publication : 3 mars 2021", True),
    ("Fait à Rabat le : 12 juin 2019", True),
    ("Séance publique du lundi 16 décembre 2013", False),  # no colon: left alone (a cover's line ranks its sizes)
    ("الوحدة : درهم", True),
    ("(En milliers de DH)", True),
    ("Saisine n° 12/2024", True),
    ("Décret n° 2-26-395 du 12 mars 2026", False),  # an official text's title
    ("مرسوم رقم 2.09.197", False),
    ("Séance du conseil 21 janvier 2022", False),  # a bare date closing a noun phrase
    ("III. Produits et taxes miniers", False),
    ("x=2", False),
])
def test_field_forms(text: str, field: bool) -> None:
    assert field_line(text) is field
