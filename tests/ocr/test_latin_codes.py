"""Latin capitals of codes read as digits in an Arabic line, read again with the Latin model
(``transform/ocr/latin_codes.py``).

Tangier's council agenda (``tanger-ar-session-2020-10``) p. 1 prints the land title ``G/2432`` in an
Arabic line; NARSA's decision (``ma-narsa-ar-decision-2023``) p. 2 the form ``(نموذج F1 )`` among
``F2`` and ``F3``. The page reading gave ``6/2432`` and ``61``."""

from __future__ import annotations

from pathlib import Path

from tests.ocr._pagebits import Line as _L
from tests.ocr._pagebits import corpus_page
from transform.ingest.pdf_tables import FoundTable
from transform.model import Cell, Sentence, Table
from transform.ocr.latin_codes import Change, candidates, code_letters, coded_cells, latin_codes, lettered
from transform.ocr.render import PageImage

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"
DPI = 250.0


def _page(name: str, index: int) -> PageImage:
    return corpus_page(name, index, DPI)


def _line(words: list[tuple[str, float, float, float, float]]) -> tuple[_L, dict[int, tuple[str, list]]]:
    text = " ".join(w[0] for w in words)
    ln = _L(text, min(w[1] for w in words), min(w[2] for w in words), max(w[3] for w in words), max(w[4] for w in words))
    return ln, {id(ln): (text, list(words))}


def test_only_a_capital_in_the_first_digits_place_is_taken() -> None:
    assert lettered("6/2432", "G/2432") == "G/2432"
    assert lettered("61", "FI") == "F1"  # the Latin model's I for the one: the first reading's digit kept
    assert lettered("6/2432", "G/2482") is None  # another digit
    assert lettered("6/2432", "6/2432") is None  # read as the digit again
    assert lettered("61", "F") is None  # a digit lost
    assert lettered("61", "6F") is None  # a letter elsewhere
    assert lettered("61", "fI") is None  # no capital


def test_which_words_are_asked() -> None:
    codes = code_letters(["نموذج (F2 ؛", "أدائها (نموذج (F3", "عدد 2018/178 بتاريخ 21"])
    assert codes == {2: {"F"}}
    words = ["الرسم", "6/2432", "2018/178", "61", "21", "(45)", "2023"]
    got = [(words[n], letters) for n, _b, _c, _a, letters in candidates(words, codes)]
    assert got == [("6/2432", None), ("61", {"F"}), ("21", {"F"}), ("(45)", {"F"})]
    assert [words[c[0]] for c in candidates(words, {})] == ["6/2432"]  # no code on the page: two digits stay


def test_a_change_is_made_in_the_one_cell_holding_the_word() -> None:
    def table(*texts: str) -> FoundTable:
        rows = [[Cell(sentences=[Sentence(id="", text=t)]) for t in texts]]
        return FoundTable(Table(rows=rows), 100.0, 200.0, 50.0, 500.0)

    one = table("3- تحيين الرسم العقاري 6/2432 الكائن", "ملاحظات")
    ch = Change("6/2432", "G/2432", 176.5, 152.4, 223.5, 165.9)
    assert coded_cells([one], [ch]) == 1
    assert one.table.rows[0][0].sentences[0].text == "3- تحيين الرسم العقاري G/2432 الكائن"
    two = table("6/2432", "6/2432")  # which one the ink was read at is not known: neither
    assert coded_cells([two], [ch]) == 0
    outside = table("6/2432 الكائن")
    assert coded_cells([outside], [Change("6/2432", "G/2432", 176.5, 552.4, 223.5, 565.9)]) == 0


def test_the_land_title_of_the_tangier_agenda_gets_its_letter() -> None:
    # tesseract's word boxes (points) of p. 1's line as the page reading gave it
    ln, rtl = _line([("العقاري", 249.4, 551.5, 287.1, 567.1), ("6/2432", 176.5, 552.4, 223.5, 565.9),
                     ("الكائن", 142.8, 551.5, 170.5, 564.8)])
    changes = latin_codes(_page("tanger-ar-session-2020-10.pdf", 0), [ln], rtl, 60.0)  # type: ignore[list-item]
    assert [(c.old, c.new) for c in changes] == [("6/2432", "G/2432")]
    assert ln.text == "العقاري G/2432 الكائن"
    assert rtl[id(ln)] == (ln.text, [("العقاري", 249.4, 551.5, 287.1, 567.1), ("G/2432", 176.5, 552.4, 223.5, 565.9),
                                     ("الكائن", 142.8, 551.5, 170.5, 564.8)])


def test_the_narsa_form_code_among_its_family_and_a_real_number_kept() -> None:
    pimg = _page("ma-narsa-ar-decision-2023.pdf", 1)
    form, rtl = _line([("(نموذج", 86.4, 104.3, 112.6, 116.9), ("61", 74.6, 105.4, 82.9, 112.6), (")؛", 63.9, 104.5, 69.7, 114.6)])
    family, rtl2 = _line([("(لموذج", 225.2, 123.8, 250.8, 136.5), ("(F2", 205.9, 123.8, 222.0, 134.2)])
    # the footer's printed `37` (a phone number's digits), asked as if it stood in an Arabic line: it stays
    phone, rtl3 = _line([("الهاتف", 240.0, 754.0, 260.0, 761.0), ("37", 215.4, 754.6, 222.9, 760.3)])
    changes = latin_codes(pimg, [form, family, phone], {**rtl, **rtl2, **rtl3}, 60.0)  # type: ignore[list-item]
    assert [(c.old, c.new) for c in changes] == [("61", "F1")]
    assert form.text == "(نموذج F1 )؛"
    assert phone.text == "الهاتف 37"
