"""A lettered series inside an official text is one level under the text's title (issue 17; pdf_levels.lettered_under_title).

The Bulletin officiel 7440 p. 9 ends an order of the minister of equipment delimiting the roadstead of Nador West Med (its
title on p. 8): after its first article, three bold zone titles, ``a. La zone de mouillage Ouest :``, ``b. ...``, ``c. ...``,
each over a paragraph and a table. Set at the title's size, they were read at the title's level, beside it (held-out set 3;
the truth has them at 3 under the order's title at 2). Nothing inside a text stands at its title's level: a series lettered
from ``a`` read there goes one level under the title, with the headings under each letter.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from transform.evaluation.corpus import read_document
from transform.ingest.pdf_levels import lettered_under_title

from ._realpages import FILES, doc_blocks, level_differences, outline

TITLE = "Arrêté du ministre de l'équipement et de l'eau n° 1925-25 relatif à la délimitation de la rade"


def _head(text: str, level: int, page: int = 9) -> SimpleNamespace:
    line = SimpleNamespace(text=text, page=page)
    return SimpleNamespace(kind="heading", text=text, lines=[line], level=level, legal=None)


def _levels(heads: list[SimpleNamespace]) -> list[int]:
    lettered_under_title(heads)  # type: ignore[arg-type]
    return [h.level for h in heads]


def test_a_lettered_series_goes_under_the_text_s_title() -> None:
    heads = [_head(TITLE, 2, 8), _head("a. La zone de mouillage Ouest :", 2), _head("Coordonnées", 3),
             _head("b. La zone de mouillage Est :", 2), _head("c. La zone de pilotage obligatoire :", 1)]
    assert _levels(heads) == [2, 3, 4, 3, 3]  # the heading read under "a." moves with it


def test_only_a_series_from_its_first_letter_moves() -> None:
    # "M." (a name's initial) and a series read from "b." are no lettered series opening under the title
    assert _levels([_head(TITLE, 2, 8), _head("M. le Directeur des ports", 2)]) == [2, 2]
    assert _levels([_head(TITLE, 2, 8), _head("b. La zone Est :", 2), _head("c. La zone P :", 2)]) == [2, 2, 2]


def test_letters_outside_a_text_or_already_under_it_stay() -> None:
    assert _levels([_head("Rapport de présentation", 1, 1), _head("A. Le contexte", 1)]) == [1, 1]  # no official text
    assert _levels([_head(TITLE, 2, 8), _head("a. La zone Ouest :", 4)]) == [2, 4]  # read under the title already
    assert _levels([_head(TITLE, 2, 8), _head("Annexe", 3), _head("a. La zone Ouest :", 2)]) == [2, 3, 2]  # an annex's own


def test_bulletin_zone_titles_under_the_order_s_title() -> None:
    """The whole issue is read (about a second): pages copied on their own read the letters right by chance of sizes."""
    path = FILES / "bo-fr-7440-2025.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    got = outline(doc_blocks(read_document(path, ocr="never")))
    expected = [(2, "Arrêté du ministre de l’équipement et de l’eau"), (3, "a. La zone de mouillage Ouest"),
                (3, "b. La zone de mouillage Est"), (3, "c. La zone de pilotage obligatoire"),
                (2, "Arrêté du ministre de l’industrie et du commerce")]
    assert level_differences(expected, got, absolute=True) == [], got
