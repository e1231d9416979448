"""Display type in a municipal magazine (transform/ingest/pdf_display_titles.py, pdf_levels.display_title), on the
spreads of Cabestany's budget dossier (the whole two-page file) read without OCR: a display title cut at its comma, a
title whose lines a callout beside it interleaves, a list set large as bulleted lines, a bold standfirst and a pull
quote set a point larger, the display title's level. Each test fails on main at 751cb97."""

from __future__ import annotations

import pytest

from tests.ingest._realpages import FILES, block_text, doc_blocks
from transform.evaluation.corpus import read_document
from transform.model import Heading, ListBlock, Paragraph

MAGAZINE = "cabestany-budget-2024-cabesinfo.pdf"


@pytest.fixture(scope="module")
def spreads() -> tuple[list[object], list[object]]:
    """The blocks of the two spreads (the whole two-page dossier read: a copied page keeps its running tab ``Dossier``)."""
    source = FILES / MAGAZINE
    if not source.exists():
        pytest.skip("the corpus file is missing")
    blocks = doc_blocks(read_document(source, ocr="never"))
    return blocks, blocks


def _headings(blocks: list[object]) -> list[str]:
    return [block_text(b) for b in blocks if isinstance(b, Heading)]


def _items(blocks: list[object]) -> list[str]:
    return [" ".join(s.text for s in it.sentences) for b in blocks if isinstance(b, ListBlock) for it in b.items]


def test_a_display_title_cut_at_its_comma_is_one_heading(spreads: tuple[list[object], list[object]]) -> None:
    found = _headings(spreads[0])
    assert "Budget municipal, responsabilité et détermination" in found
    assert "responsabilité et détermination" not in found


def test_title_lines_parted_by_a_callout_beside_them_are_put_back(spreads: tuple[list[object], list[object]]) -> None:
    found = _headings(spreads[1])
    assert "Au service du quotidien" in found and "LES DÉPENSES EN FONCTIONNEMENT" in found
    assert found.index("Au service du quotidien") < found.index("LES DÉPENSES EN FONCTIONNEMENT")  # the title, then the callout
    assert not any(t.endswith("inscrits du quotidien") or t == "EN FONCTIONNEMENT" for t in found)
    assert not any(t.startswith(("16,279", "9,084")) for t in found)  # a key figure set large is text (drop_asides)
    assert "16,279 millions d’€ inscrits" in [block_text(b) for b in spreads[1] if isinstance(b, Paragraph)]


def test_a_list_set_large_in_bulleted_lines_is_a_list(spreads: tuple[list[object], list[object]]) -> None:
    blocks = spreads[0]
    items = _items(blocks)
    assert "Accélération du plan de transition énergétique" in items
    assert "Haut niveau de service public, maintien des services existants" in items  # the bolder second line goes on
    assert any(t.startswith("Des investissements majeurs, l’accompagnement de projets futurs") for t in items)
    assert any(t.startswith("Injuste, la Dotation globale") for t in items)
    assert not any(t.lstrip("• ").startswith(("Accélération", "Sobriété", "Inflation", "Injuste", "maintien"))
                   for t in _headings(blocks))
    assert "Les grandes orientations" in _headings(blocks)  # the box's title stays


def test_a_bold_standfirst_and_a_pull_quote_are_paragraphs(spreads: tuple[list[object], list[object]]) -> None:
    blocks = spreads[0]
    found = _headings(blocks)
    assert not any(t.startswith(("Dernier filet de sécurité", "Tout cela n’aurait pas été possible")) for t in found)
    texts = [block_text(b) for b in blocks if isinstance(b, Paragraph)]
    assert any(t.startswith("Dernier filet de sécurité pour nos concitoyens") for t in texts)
    assert any(t.startswith("Tout cela n’aurait pas été possible") for t in texts)
    assert "Comparatif des taux d'imposition" in found  # a box's bold title set larger stays a heading


def test_the_display_title_is_level_one_over_a_box_title_set_larger(spreads: tuple[list[object], list[object]]) -> None:
    """The spread's display title (34 pt) is level 1; the box title ``Les grandes orientations``, set at 57 pt in a
    script face, and the other box titles are level 2 under it (pdf_levels.display_title)."""
    levels = {block_text(b): b.level for b in spreads[0] if isinstance(b, Heading)}
    assert levels["Budget municipal, responsabilité et détermination"] == 1
    assert levels["Les grandes orientations"] == 2
    assert levels["Le contexte pour Cabestany"] == 2 and levels["Comparatif des taux d'imposition"] == 2
