"""The key to an abbreviation is no heading (issue 17): under BO 7262's model register (p. 27) two bold lines set a little
smaller than the body, ``CNIE : Carte Nationale d’Identité Electronique`` and ``TS : titre de séjour au Maroc``, spaced
off the table and the note, were read as headings (pdf_heading_drops.drop_abbreviation_keys). Pages 25-29 are copied
and read without OCR (on p. 27 alone their size is the body's and they stay paragraphs)."""

from __future__ import annotations

from pathlib import Path

from transform.model import Heading, Paragraph

from ._realpages import block_text, read_pages


def test_abbreviation_keys_are_paragraphs(tmp_path: Path) -> None:
    blocks = read_pages("bo-fr-7262-2024.pdf", [24, 25, 26, 27, 28], tmp_path)
    keys = [b for b in blocks if block_text(b).startswith(("CNIE", "TS :"))]
    assert [type(b) for b in keys] == [Paragraph, Paragraph], [(type(b).__name__, block_text(b)) for b in keys]
    titles = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert any(t.startswith("Modèle du registre spécial des ventes") for t in titles)


def test_the_initials_must_spell_the_acronym() -> None:
    from transform.ingest.pdf_heading_drops import _stands_for

    assert _stands_for("CNIE", "Carte Nationale d’Identité Electronique".split())
    assert _stands_for("TS", "titre de séjour au Maroc".split())
    assert not _stands_for("PLU", "Les orientations du plan".split())
    assert not _stands_for("TS", "Situation du territoire".split())
