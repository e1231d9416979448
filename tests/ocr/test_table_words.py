"""Unknown words of a document's OCR'd tables put right by a word the tables read elsewhere
(`transform/ocr/table_words.py`); cells frozen from Sfax's notice as the corpus run reads them."""

from __future__ import annotations

from pathlib import Path

from transform.model import Cell, Sentence, Table
from transform.ocr.table_words import words_from_tables

ROOT = Path(__file__).resolve().parents[2]


def _cell(text: str, header: bool = False) -> Cell:
    return Cell(sentences=[Sentence(id="", text=text, notes={})] if text else [], header=header)


def _text(cell: Cell) -> str:
    return " ".join(s.text for s in cell.sentences)


def test_a_word_read_right_elsewhere_puts_the_misreading_right() -> None:
    tables = [
        Table(rows=[[_cell("*شهادة في إثيات كفاءة أو خبرة و قادر على انجاز المهام الموكولة إليه.")],
                    [_cell("مكلف با : أصلاح و صيانة محركات الشاحنات و المعدات الثقيئة و الجرارات.")]]),
        Table(rows=[[_cell("*شهادة في إثبات الكفاءة أو الخبرة في الاختصاص")],
                    [_cell("- تركيب و إصلاح أجزاء كهربائية للسيارات و الآلات الثقيلة")]]),
    ]
    assert words_from_tables(tables) == 2
    assert "إثبات كفاءة" in _text(tables[0].rows[0][0])
    assert "المعدات الثقيلة و الجرارات." in _text(tables[0].rows[1][0])


def test_two_near_words_leave_it_as_read() -> None:
    tables = [Table(rows=[[_cell("• سثه لا يقل عن 18 عاما")], [_cell("• سته لايفل")], [_cell("• سنه لا يقل")]])]
    words_from_tables(tables)
    assert _text(tables[0].rows[0][0]) == "• سثه لا يقل عن 18 عاما"


def test_no_truth_table_word_of_the_corpus_changes() -> None:
    from transform.evaluation.truth import load_truth_dir

    seen = 0
    for folder in sorted((ROOT / "tests" / "realdocs" / "truth").iterdir()):
        tables = [Table(rows=[[_cell(c.text, c.header) for c in row] for row in b.rows])
                  for page in load_truth_dir(folder) for b in page.tables()]
        seen += len(tables)
        assert words_from_tables(tables) == 0, folder.name
    assert seen > 20


def test_a_word_read_twice_in_a_row_is_read_once() -> None:
    tables = [Table(rows=[[_cell("مكلف بانجاز كل العمليات المتعلقة بالانارة العمومية و صيانة مختلف تجهيزاتها تجهيزاتها . د")],
                          [_cell("و و الزراعات الكبرى 1982 1982")]])]
    words_from_tables(tables)
    assert _text(tables[0].rows[0][0]) == "مكلف بانجاز كل العمليات المتعلقة بالانارة العمومية و صيانة مختلف تجهيزاتها . د"
    assert _text(tables[0].rows[1][0]) == "و و الزراعات الكبرى 1982 1982"  # short words and numbers stay
