"""A ruled Arabic table cut by page breaks is one table, its outline numbers as the page shows them.

Modelled on order 1033.21 pp. 6-10: notes at the foot of a table's page read as a numbered list (``(9) ...``)
stand between two parts of the table; the table's last row carried alone to the next page (``3-13 | ...``) was
read in typed order (``13-3``, a one-row part shows no outline of its own) under rows shown as drawn."""

from __future__ import annotations

from transform.ingest.pdf_table_join import join_continued_tables
from transform.model import Cell, ListBlock, ListItem, Paragraph, Sentence, Table


def _cell(text: str) -> Cell:
    return Cell(sentences=[Sentence(id=f"s{abs(hash(text)) % 10**8}", text=text)] if text else [])


def _table(page: int, rows: list[list[str]]) -> Table:
    return Table(id=f"t{page}", page=page, rows=[[_cell(t) for t in row] for row in rows])


def _notes(page: int, *texts: str) -> ListBlock:
    return ListBlock(id=f"l{page}", page=page, ordered=True,
                     items=[ListItem(sentences=[Sentence(id=f"n{k}", text=t)]) for k, t in enumerate(texts)])


ABOVE = [["12", "علاقات الشغل الجماعية", ""], ["1-12", "اتفاقية الشغل", ""], ["13", "عملية المراقبة", ""],
         ["1-13", "عرقلة عمل العون", ""], ["2-13", "الإدلاء بالسجلات", ""]]


def _column(blocks: list) -> list[str]:
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return [" ".join(s.text for s in r[0].sentences) for r in tables[0].rows]


def test_a_carried_last_row_takes_the_drawn_order_of_the_rows_above() -> None:
    out = join_continued_tables([_table(9, ABOVE), _table(10, [["13-3", "هوية المشغل", ""]])])
    assert _column(out)[-1] == "3-13"  # main: 13-3


def test_notes_read_as_a_list_stand_between_two_parts() -> None:
    notes = _notes(7, "(9) المواضيع المنصوص عليها في النصوص التشريعية والتنظيمية الجاري بها العمل.")
    last = Paragraph(id="p", page=7, sentences=[Sentence(id="x", text="(10)مخالفة/جنحة/طبيعة أخرى.")])
    out = join_continued_tables([_table(7, ABOVE[:2]), notes, last, _table(8, ABOVE[2:])])
    assert len(_column(out)) == 5  # main: two tables
    assert isinstance(out[1], ListBlock) and out[2] is last  # the notes follow the joined table


def test_guards() -> None:
    # a list of items that are no notes, or on the new part's page, keeps the parts apart
    items = _notes(7, "1. البند الأول من القائمة")
    assert sum(isinstance(b, Table) for b in join_continued_tables([_table(7, ABOVE[:2]), items, _table(8, ABOVE[2:])])) == 2
    # rows above shown in typed order (a left-to-right outline) or two carried pairs: nothing turned
    typed = [["13", "x", ""], ["13-1", "y", ""], ["13-2", "z", ""]]
    assert _column(join_continued_tables([_table(9, typed), _table(10, [["13-3", "هوية", ""]])]))[-1] == "13-3"
    two = join_continued_tables([_table(9, ABOVE), _table(10, [["13-3", "هوية", ""], ["13-4", "كذا", ""]])])
    assert _column(two)[-2:] == ["13-3", "13-4"]
    # a left-to-right table: untouched
    latin = [[t if "-" in t or t.isdigit() else "Label" for t in row] for row in ABOVE]
    assert _column(join_continued_tables([_table(9, latin), _table(10, [["13-3", "Label", ""]])]))[-1] == "13-3"
