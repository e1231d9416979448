"""Latin letters read inside the cells of a scanned Arabic table, and words the Arabic word list
does not know, are read again with the Arabic script model (``transform/ocr/tables_script.py``).

The joint order 1096.26 (``adala-ar-joint-order-1096-26``) ends on a ruled table of the limits
above which soft wheat may be refused: label | limit, each limit followed by ``(على الأكثر)``.
Read ``ara+fra``, ``على`` came out as ``le`` or ``de`` in four cells (``le 3 الأكثر``), so four
of its rows were wrong though their cells were all there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from transform.evaluation.corpus import read_document
from transform.model import Table
from transform.ocr.tables_script import _LATIN_WORD, _agrees, _better_words, _keeps_numbers

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from _realpages import copy_pages, doc_blocks  # noqa: E402


def test_a_new_reading_must_be_the_same_printed_line() -> None:
    assert _agrees("le 3 الأكثر", "3 على الأكثر")  # the Arabic letters kept come back, in order
    assert _agrees("RES IE", "المنصب")  # nothing Arabic kept: any Arabic reading is the line
    assert not _agrees("مكلف سم التفتيش Ceci لرئيس قسم", "وزارة الصحة")  # a neighbour's line, a stamp
    assert not _agrees("الوزن الخاص", "")
    assert _keeps_numbers("le 3 الأكثر", "3 على الأكثر")
    assert not _keeps_numbers("بالأمر عدد 1551 Jl", "بالأمر عدد 155 لسنة")  # a digit lost: the first reading stays
    assert not _keeps_numbers("17 Ul 2022", "7 أكتوبر 2022")


def test_unknown_words_are_replaced_only_by_known_ones_word_for_word() -> None:
    assert _better_words("القتفاع", "القطاع")
    assert not _better_words("القطاع", "القطاع")  # nothing unknown: the first reading stays
    assert not _better_words("القتفاع النقطة", "القطاع")  # a word lost
    assert not _better_words("القتفاع", "القتضاع")  # the new reading is no better known


@pytest.mark.slow
def test_the_limits_of_the_wheat_table_keep_their_arabic_words(tmp_path: Path) -> None:
    pdf = copy_pages("adala-ar-joint-order-1096-26.pdf", [8], tmp_path)
    tables = [b for b in doc_blocks(read_document(pdf, "auto")) if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[" ".join(s.text for s in c.sentences) for c in row] for row in tables[0].rows]
    limits = [r[1] for r in rows if len(r) == 2 and r[0].startswith(("البذور", "الشعير"))]
    assert len(limits) == 6, rows
    assert not [c for r in rows for c in r if _LATIN_WORD.search(c)], rows
    assert sum("على الأكثر" in c for c in limits) >= 5, limits


@pytest.mark.slow
def test_the_agendas_sector_header_is_read_again_into_a_known_word(tmp_path: Path) -> None:
    """Tangier's session notice p. 2: the header `القطاع`, stretched by kashida, was read `القتفاع`."""
    pdf = copy_pages("tanger-ar-session-2020-10.pdf", [1], tmp_path)
    tables = [b for b in doc_blocks(read_document(pdf, "auto")) if isinstance(b, Table)]
    assert len(tables) == 1
    head = [" ".join(s.text for s in c.sentences) for c in tables[0].rows[0]]
    assert head == ["القطاع", "النقطة"], head
