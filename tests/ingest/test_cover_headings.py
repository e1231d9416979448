"""A gazette's cover (Bulletin officiel n° 7440, French translation edition, page 1): the lines of its subscription
panel and the titles of its sommaire's entries are no headings; the cover's own headings stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation.corpus import read_document
from transform.model import Heading, Paragraph

from ._realpages import FILES, block_text, doc_blocks

NAME = "bo-fr-7440-2025.pdf"


@pytest.fixture(scope="module")
def blocks() -> list[object]:
    path = FILES / NAME
    if not path.exists():
        pytest.skip("the corpus file is missing")
    return doc_blocks(read_document(Path(path), ocr="never"))


def _headings(blocks: list[object]) -> list[str]:
    return [block_text(b) for b in blocks if isinstance(b, Heading)]


def test_panel_line_in_small_capitals_is_text(blocks: list[object]) -> None:
    """``Rabat - Chellah``, set in small capitals between ``IMPRIMERIE OFFICIELLE`` and the phone numbers, is a line
    of the panel."""
    assert not any("Chellah" in h for h in _headings(blocks))
    texts = [block_text(b) for b in blocks if isinstance(b, Paragraph)]
    at = next(i for i, t in enumerate(texts) if "IMPRIMERIE OFFICIELLE" in t)
    assert any("Rabat - Chellah" in t for t in texts[at:at + 2])


def test_contents_entry_cut_by_a_column_is_text(blocks: list[object]) -> None:
    """The sommaire's entry on the BERD guarantee, whose description runs from the foot of the left column into the
    right one and ends in leaders and ``2503``, is a paragraph, like the other entries."""
    heads = _headings(blocks)
    assert not any(h.startswith("Accord pour la garantie") for h in heads)
    assert any(block_text(b).startswith("Accord pour la garantie d'un prêt conclu entre le Royaume du Maroc")
               for b in blocks if isinstance(b, Paragraph))


def test_cover_headings_stay(blocks: list[object]) -> None:
    """The cover's title and the sommaire's parts are still headings, in order."""
    heads = _headings(blocks)
    order = [heads.index(h) for h in ("BULLETIN OFFICIEL", "SOMMAIRE", "TEXTES GENERAUX", "TEXTES PARTICULIERS")]
    assert order == sorted(order)


def test_edition_name_under_the_title_is_text(blocks: list[object]) -> None:
    """``EDITION DE TRADUCTION OFFICIELLE``, centred under ``BULLETIN OFFICIEL`` at body weight on a cover that holds
    the sommaire, names the edition: a paragraph right after the title, and ``SOMMAIRE`` is the next level down."""
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and block_text(b) == "BULLETIN OFFICIEL")
    after = blocks[at + 1]
    assert isinstance(after, Paragraph) and block_text(after) == "EDITION DE TRADUCTION OFFICIELLE"
    title = blocks[at]
    sommaire = next(b for b in blocks if isinstance(b, Heading) and block_text(b) == "SOMMAIRE")
    assert (title.level, sommaire.level) == (1, 2)  # type: ignore[attr-defined]
