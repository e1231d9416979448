"""A total, a group's title and the next account in one ruled box (``pdf_table_stacks``).

The finance law's table of the special treasury accounts (Bulletin officiel 7259, p. 11459): each
bold group title (``3.5-حسابات العمليات النقدية``) is set in the ruled box of the total above it and
of the group's first account, and ``للتذكرة`` ("for the record") stands in the amounts' column
where an account has no sum. The box was one row: the total's label glued to the title and to the
account, its amount beside the account's code (``3.1.0.0.5.13.001`` read beside ``للتذكرة``). A
word standing in a column of amounts is a value; a line opening on a group's outline number, or one
on which two other cells stand (the code and the amount), opens a row."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import read_pages
from transform.model import Table


def test_a_box_of_total_title_and_account_is_three_rows(tmp_path: Path) -> None:
    rows = [[" ".join(s.text for s in c.sentences) for c in row]
            for b in read_pages("bo-ar-7259-2023-lf2024-tables.pdf", [2], tmp_path) if isinstance(b, Table) for row in b.rows]
    assert ["", "3.4-حسابات الانخراط في الهيئات الدولية", ""] in rows
    assert ["3.1.0.0.4.13.021", "حساب الإنخراط في مؤسسات بروتن وودس", "للتذكرة"] in rows
    assert ["", "مجموع موارد حسابات الانخراط في الهيئات الدولية", "للتذكرة"] in rows
    assert ["", "3.5-حسابات العمليات النقدية", ""] in rows
    assert ["3.1.0.0.5.13.001", "فروق الصرف في عمليات بيع وشراء العملات الأجنبية", "100 000 000"] in rows
    assert ["", "مجموع موارد حسابات التمويل", "43 078 000"] in rows
    assert ["", "3.9-حسابات النفقات من المخصصات", ""] in rows
    assert ["3.1.0.0.9.04.002", "النفقات الخاصة بتنمية الأقاليم الصحراوية", "للتذكرة"] in rows
