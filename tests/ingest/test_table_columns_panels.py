"""Text-layer tables as printed: a table continued at the top of the next column is one table, read
after the text above its first part; a boxed panel in a table's frame is text, not a column; a
table's header cells read with the words the line reading puts back.

Corpus pages read whole (blocks in reading order, no OCR): BO 7259 (Arabic) p. 17, whose tariff
table «أ) fills the right-hand column and goes on at the top of the left-hand one; BO 7262 (French)
p. 162, whose price list runs from the left column into the right one; BO 7440's cover, whose
ABONNEMENT panel stands in the rates' frame beside the rates. Then two readings of BO 7259's
producer: entries listed in one ruled row, one row each; written spaces drawn inside a glyph.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import block_text, line_texts, read_pages
from transform.model import Table

BO_AR = "bo-ar-7259-2023-lf2024.pdf"
BO_7262 = "bo-fr-7262-2024.pdf"
BO_7440 = "bo-fr-7440-2025.pdf"


def _cells(t: Table) -> list[list[str]]:
    return [[" ".join(s.text for s in c.sentences) for c in row] for row in t.rows]


def _all_text(t: Table) -> str:
    return " ".join(" ".join(r) for r in _cells(t))


def test_an_arabic_table_continued_in_the_next_column_is_one_table_in_its_place(tmp_path: Path) -> None:
    blocks = read_pages(BO_AR, [16], tmp_path)
    tables = [b for b in blocks if isinstance(b, Table)]
    first = next(t for t in tables if "الجعة" in _all_text(t) or "الغازية" in _all_text(t))
    text = _all_text(first)
    assert "الغازية" in text and "الجعة" in text and "1150,00" in text, text  # both parts, one table
    assert _cells(first)[0][:2] == ["بيان المنتجات", "وحدة التحصيل"], _cells(first)[0]  # lam-alef, the space after ة
    rows = [r[0] for r in _cells(first)]
    assert rows.index(next(r for r in rows if r.startswith("ه)"))) < rows.index(next(r for r in rows if r.startswith("و)")))
    order = [block_text(b) if not isinstance(b, Table) else "<table>" for b in blocks]
    article = next(k for k, t in enumerate(order) if t.startswith("المادة 5"))
    assert order.index("<table>") > article, order[:6]  # after the article that introduces it, not before


def test_a_french_price_list_continued_in_the_next_column_is_one_table(tmp_path: Path) -> None:
    blocks = read_pages(BO_7262, [161], tmp_path)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1, [_cells(t)[:2] for t in tables]
    text = _all_text(tables[0])
    assert "Davidoff Classic" in text and "Chesterfield I (100 .cig)" in text and "125,00" in text, text


def test_a_panel_in_a_tables_frame_is_text_after_the_table(tmp_path: Path) -> None:
    blocks = read_pages(BO_7440, [0], tmp_path)
    table = next(b for b in blocks if isinstance(b, Table))
    text = _all_text(table)
    assert "250 DH" in text and "Edition générale" in text
    assert "IMPRIMERIE" not in text and "101402900442310133" not in text and "Compte" not in text, text
    order = [block_text(b) if not isinstance(b, Table) else "<table>" for b in blocks]
    at = order.index("<table>")
    after = " ".join(order[at + 1:at + 10])
    assert "IMPRIMERIE OFFICIELLE" in after and "310 810 101402900442310133" in after, order[at:at + 10]


def test_header_cells_read_with_the_letters_the_line_reading_put_back(tmp_path: Path) -> None:
    # table «ع): its header cells' lam-alef (`املنتجات`) and a space written before ة (`وحد ةالتحصيل`)
    blocks = read_pages(BO_AR, [16], tmp_path)
    tyres = next(b for b in blocks if isinstance(b, Table) and "الإطارات" in _all_text(b))
    assert _cells(tyres)[0][:2] == ["بيان المنتجات", "وحدة التحصيل"], _cells(tyres)[0]
    assert _cells(tyres)[1][1:] == ["كلغ", "4"], _cells(tyres)[1]


def test_entries_listed_in_one_ruled_row_are_one_row_each(tmp_path: Path) -> None:
    blocks = read_pages(BO_AR, [16], tmp_path)
    first = next(b for b in blocks if isinstance(b, Table) and "الغازية" in _all_text(b))
    rows = _cells(first)
    assert rows[4] == ["- - - بإضافة 5 غرامات أو أقل من السكر في كل 100 ملل", "كذلك", "30,00"], rows[4]
    assert rows[7] == ["- - غيرها", "كذلك", "20,00"], rows[7]
    assert rows[1][1] == "1 هيكتولتر حجم" and rows[1][2] == "", rows[1]
    beer = next(k for k, r in enumerate(rows) if r[0].startswith("2) - الجعة"))
    assert rows[beer + 1][:2] == ["أ) جعة بدون كحول", "كذلك"], rows[beer + 1]
    assert rows[beer + 2] == ["ب) جعات أخرى", "كذلك", "1550,00"], rows[beer + 2]


def test_written_spaces_drawn_inside_a_glyph_stay_between_words() -> None:
    lines = line_texts(BO_AR, 17)
    # the list label keeps the space the truth writes after it (`pdf_line_marks.label_space`)
    assert "«أ) المكوس الداخلية على استهلاك المشروبات والكحول المرتبة" in lines, lines[:12]
    assert "«المطاطية ولو كانت مركبة على الأطواق" in lines
    lines = line_texts(BO_AR, 20)
    assert "«غير أنه عندما يقل الربح الصافي المحقق من طرف هذه الشركات" in lines
