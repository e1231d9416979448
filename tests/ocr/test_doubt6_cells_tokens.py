"""Doubt on the errors that reached the reader unflagged (sixth round): an OCR'd table cell read under 0.80 is in
doubt on its own (transform/ocr/doubt_cells.py), and a token of letters ending with one digit is odd
(transform/ocr/odd_tokens.py, ``letter_digit``). Cells shaped as BO 5952 bis p. 1's rate table (read at 0.74-0.76),
tokens as the corpus's pages read them (the Saudi law's ``ا9`` for the ligature ``الله``)."""

from __future__ import annotations

from transform.model import Cell, Paragraph, Sentence, Table
from transform.ocr.confidence import OCR_LOW
from transform.ocr.doubt_cells import CELL_BELOW, mark_weak_cells
from transform.ocr.odd_tokens import ODD, letter_digit, mark_odd, odd_spans


def _c(text: str, conf: float | None, doubt: str | None = None) -> Cell:
    return Cell(sentences=[Sentence(id="c", text=text)], confidence=conf, doubt=doubt)


def _rates(conf: float) -> Table:
    return Table(page=1, rows=[[_c("EDITIONS", 0.94), _c("TARIFS D'ABONNEMENT", 0.87)],
                               [_c("Edition générale", conf), _c("400DH", conf)],
                               [_c("Edition de traduction officielle", 0.86), _c("150 DH", 0.86)]])  # fmt: skip


def test_an_ocr_cell_read_under_the_cell_bar_is_in_doubt_on_its_own() -> None:
    t = _rates(0.74)
    assert mark_weak_cells([t]) == 2
    assert [[c.doubt for c in r] for r in t.rows] == [[None, None], [OCR_LOW, OCR_LOW], [None, None]]
    assert t.doubt == OCR_LOW  # the table holding a doubtful cell is doubtful, as confidence.apply makes it


def test_cells_read_well_enough_text_layer_cells_and_tables_in_doubt_throughout_are_left_so() -> None:
    sound = _rates(CELL_BELOW + 0.01)
    assert mark_weak_cells([sound]) == 0 and sound.doubt is None
    layer = Table(page=1, rows=[[_c("Edition générale", None), _c("400 DH", None)]])  # a text layer rates no cell
    assert mark_weak_cells([layer]) == 0
    whole = _rates(0.74)
    whole.doubt = "layout_table_prose"  # the whole table in doubt: no cell made the only place of it
    assert mark_weak_cells([whole]) == 0 and all(c.doubt is None for r in whole.rows for c in r)
    low = _rates(0.74)
    low.confidence = 0.5
    assert mark_weak_cells([low]) == 0
    empty = Table(page=1, rows=[[_c("a", 0.9), _c("", 0.2)], [_c("b", 0.9), _c("c", 0.9)]])
    assert mark_weak_cells([empty]) == 0  # an empty cell holds nothing to misread


def test_a_token_of_letters_ending_with_one_digit_is_odd_and_marked_in_its_sentence() -> None:
    for token in ("ا9", "با9", "(أقسم", "يتجاوز1", "ع1", "général.1"):
        assert letter_digit(token) == (token != "(أقسم"), token
    for token in ("و2", "و8.", "(و3)", "2015م", "و20", "أكتوبر2019", "المادة", "p.1", "1,5", "n°2"):
        assert not letter_digit(token), token
    text = "بسم ا9 الرحمن الرحيم"
    assert [text[a:b] for a, b in odd_spans(text)] == ["ا9"]
    assert odd_spans("عملا بالمادتين 1 و2 أعلاه") == []
    p = Paragraph(page=1, sentences=[Sentence(id="s", text="(أقسم با9 العظيم أن أكون مخلصا لديني)")])
    assert mark_odd([p]) == 1 and p.doubt == ODD
    s = p.sentences[0]
    assert s.doubt == ODD and [s.text[a:b] for a, b in s.unsure] == ["با9"]
