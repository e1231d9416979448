"""Two text-layer repairs of issue 17 (transform/ingest/pdf_bidi.py): a word space written at the
junction of two Arabic words whose loose boxes overlap (a bold font in a table cell), and a glyph
without a Unicode value inside an Arabic word (the teeth of seen drawn apart). Real pages, and
the bad outputs each repair must leave alone."""

from __future__ import annotations

from pathlib import Path

from transform.ingest.pdf_bidi import clean_text, visual_to_logical
from transform.model import Table

from ._realpages import block_text, read_pages

# two Arabic words drawn right to left, letters 6 wide every 5 (loose boxes overlapping), the
# second word's box reaching 0.5 into the first's, a space written at the junction
FIRST = [(95.0, 101.0), (90.0, 96.0), (85.0, 91.0), (80.0, 86.0)]
SECOND = [(74.5, 80.5), (69.5, 75.5), (64.5, 70.5), (59.5, 65.5)]
SPACE = (78.5, 81.5)


def reread(text: str, boxes: list[tuple[float, float]]) -> str:
    return visual_to_logical(text, lambda i: boxes[i], rtl=True, size=10.0)


def test_a_written_space_between_overlapping_arabic_words_is_kept() -> None:
    assert reread("ابجد هوزح", [*FIRST, SPACE, *SECOND]) == "ابجد هوزح"
    # no space written: the overlap alone makes no word space (one word drawn in two pieces)
    assert reread("ابجدهوزح", [*FIRST, *SECOND]) == "ابجدهوزح"
    # a space written elsewhere on the line proves nothing at this junction
    far = [(30.0, 33.0), (24.0, 30.0)]
    assert reread("ابجدهوزح س", [*FIRST, *SECOND, *far]) == "ابجدهوزح س"


def test_unmapped_glyph_inside_a_word() -> None:
    assert clean_text("بمقت\ufffdضى مراسيم") == "بمقتضى مراسيم"
    assert clean_text("التأمين الإجباري الأسا\ufffdسي") == "التأمين الإجباري الأساسي"
    assert clean_text("لقوة ال\ufffdشيء المق\ufffdضي به") == "لقوة الشيء المقضي به"
    # garbage keeps its marks for the text-layer judge: U+FFFD alone, before another letter in a
    # word that is no word, at a word's edge
    for bad in ("\ufffd\ufffd\ufffd", "ابجد\ufffdهوز", "\ufffdسلام", "سلام\ufffd", "abc\ufffdsi"):
        assert clean_text(bad) == bad


def test_bulletin_7259_page_2_reads_its_words(tmp_path: Path) -> None:
    text = "\n".join(block_text(b) for b in read_pages("bo-ar-7259-2023-lf2024.pdf", [1], tmp_path))
    assert "بمقتضى مراسيم خلال السنة المالية 2024" in text
    assert "\ufffd" not in text


def test_table_cell_of_order_1033_keeps_its_word_spaces(tmp_path: Path) -> None:
    tables = [b for b in read_pages("adala-ar-order-1033-21.pdf", [3], tmp_path) if isinstance(b, Table)]
    text = "\n".join(" ".join(s.text for s in cell.sentences) for t in tables for row in t.rows for cell in row)
    assert "الأجراء الأحداث" in text
    assert "الأجراءالأحداث" not in text
