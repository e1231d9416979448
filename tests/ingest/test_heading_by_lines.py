"""A cover's by-line is no heading (issue 17): Cabestany's compte financier unique prints under its title ``Compte
financier unique (M57)`` the vote's mode ``Voté par Nature`` / ``BUDGET PRINCIPAL`` in the same bold 14 pt; main read it
as a second level-1 heading (pdf_page_titles.cover_fields). The by-line is a field of the cover, as ``ANNEE 2024`` is:
no body text, the cover stays a title page and the parts of p. 7 stand one level under its title. Pages 1 and 7 are
copied and read without OCR."""

from __future__ import annotations

from pathlib import Path

from transform.model import Heading, Paragraph

from ._realpages import block_text, outline, read_pages


def test_a_by_line_under_the_title_is_a_paragraph(tmp_path: Path) -> None:
    blocks = read_pages("cabestany-cfu-2024.pdf", [0, 6], tmp_path)
    by = [b for b in blocks if block_text(b).startswith("Voté par Nature")]
    assert [type(b) for b in by] == [Paragraph], [(type(b).__name__, block_text(b)) for b in by]
    heads = outline(blocks)
    assert heads[0] == (1, "Compte financier unique (M57)")
    assert not any(t.startswith("Voté par") for _, t in heads), heads[:4]
    assert any(isinstance(b, Heading) and block_text(b) == "Compte financier unique (M57)" for b in blocks)
    part = next(t for _, t in heads if t.startswith("I – INFORMATIONS"))
    assert dict((t, lv) for lv, t in heads)[part] == 2
