"""A cover's by-line is no heading (issue 17): Cabestany's compte financier unique prints under its title ``Compte
financier unique (M57)`` the vote's mode ``Voté par Nature`` / ``BUDGET PRINCIPAL`` in the same bold 14 pt; main read it
as a second level-1 heading (pdf_heading_drops.drop_by_lines). Pages 1-7 are copied and read without OCR."""

from __future__ import annotations

from pathlib import Path

from transform.model import Heading, Paragraph

from ._realpages import block_text, outline, read_pages


def test_a_by_line_under_the_title_is_a_paragraph(tmp_path: Path) -> None:
    blocks = read_pages("cabestany-cfu-2024.pdf", list(range(7)), tmp_path)
    by = [b for b in blocks if block_text(b).startswith("Voté par Nature")]
    assert [type(b) for b in by] == [Paragraph], [(type(b).__name__, block_text(b)) for b in by]
    heads = outline(blocks)
    assert heads[0] == (1, "Compte financier unique (M57)")
    assert sum(1 for level, _ in heads if level == 1) == 1, heads[:4]
    assert any(isinstance(b, Heading) and block_text(b) == "Compte financier unique (M57)" for b in blocks)
