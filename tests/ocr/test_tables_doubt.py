"""A ruled table the page read well is not read again cell by cell (transform/ocr/tables_doubt.py).

The cells are those of our own Arabic and French sample tables as the page reads them, and the
same cells with the faults the per-cell reading exists for: a Latin word in an Arabic cell, a
rule's stroke read as a letter, many words no list knows.
"""

from __future__ import annotations

from types import SimpleNamespace

from transform.ocr.tables_doubt import needs_cells
from transform.ocr.tables_read import _Piece


def _table(*cells: str) -> SimpleNamespace:
    slots = {(n, 0): SimpleNamespace(pieces=[_Piece(t, 0.0, 1.0, 0.0, 1.0)] if t else []) for n, t in enumerate(cells)}
    return SimpleNamespace(slots=slots)


AR = ["المجال", "المبلغ بالدرهم", "الحصة", "البنيات التحتية والطرق القروية", "412 500 000", "33 في المائة", ""]
FR = ["Domaine", "Montant (DH)", "Part", "Infrastructures et routes rurales", "412 500 000", "33 %",
      "Eau potable et irrigation", "237 500 000", "19 %", "Région Béni Mellal-Khénifra", "74 400 000", "40 %", "Total"]


def test_tables_read_well_are_not_read_again() -> None:
    assert not needs_cells(_table(*AR), rtl=True)
    assert not needs_cells(_table(*FR), rtl=False)  # a name and an abbreviation are a small share


def test_a_foreign_word_or_a_stray_letter_puts_the_table_in_doubt() -> None:
    assert needs_cells(_table(*AR, "عامل فلاح LS. A"), rtl=True)  # Latin strokes in an Arabic cell
    assert needs_cells(_table(*AR[:-1], "ب 412 500 000"), rtl=True)  # a rule's stroke read as a letter
    assert needs_cells(_table(*FR, "Eau potable وا"), rtl=False)


def test_many_unknown_words_put_the_table_in_doubt() -> None:
    assert needs_cells(_table("المجال", "البنيبات التحتيبة", "والتنئمية القرويبة"), rtl=True)
    assert needs_cells(_table("Domaine", "Mnotant", "Pratenaire", "Contribtion"), rtl=False)
