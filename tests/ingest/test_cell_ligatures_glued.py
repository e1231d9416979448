"""A table cell's lam-alef put in order where the line reading did, though the cell glues words the line
spaced or keeps its guillemets in pdfium's order (BO 7259's finance-law tables, held-out set 4)."""

from __future__ import annotations

from transform.ingest.pdf_table_glyphs import _ligatures_as_line


def _boxes(shared: set[int]) -> object:
    """x extents where the letters at the ``shared`` indices have one box (one glyph)."""
    def box(i: int) -> tuple[float, float]:
        j = min(shared) if i in shared else i
        return float(10 * j), float(10 * j + 8)
    return box


def test_a_glued_cell_takes_the_ligature_its_spaced_line_reads() -> None:
    # the cell glues منتجات to الألبان (no space written); the line reads them spaced, the lam-alef in order
    assert _ligatures_as_line("4 -منتجاتاأللبان :", _boxes({10, 11}), "4 - منتجات الألبان :") == "4 -منتجاتالألبان :"


def test_a_cell_with_guillemets_takes_the_ligature_of_its_line() -> None:
    # the cell's guillemets still in pdfium's order (»...«), the line's in logical order («...»)
    cell = "»سكر شكوالتي«"
    line = "- - بديل الشكولاتة «سكر شكولاتي» نسبة تفوق 65"
    assert _ligatures_as_line(cell, _boxes({8, 9}), line) == "»سكر شكولاتي«"


def test_letters_the_line_does_not_hold_are_still_left_as_they_are() -> None:
    # spaces aside, the swapped word must still be read so in the line: otherwise nothing changes
    assert _ligatures_as_line("4 -منتجاتاأللبان :", _boxes({10, 11}), "4 - منتجات الحليب :") == "4 -منتجاتاأللبان :"
    assert _ligatures_as_line("»سكر شكوالتي«", _boxes({8, 9}), "«سكر شكوالتي»") == "»سكر شكوالتي«"
