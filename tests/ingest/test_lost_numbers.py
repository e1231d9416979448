"""Numbers the text layer gives away from their place: a section number's first part lost with a space glyph's
replacement text (``pdf_actual_text``), a note's number pdfium files in another line's text (``pdf_strays``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.ingest._realpages import block_text, line_texts, outline, read_pages
from transform.ingest import pdf_actual_text, pdf_strays

CESE = "cese-ar-avis-biodiversite-2025.pdf"


def test_number_read_whole_only_when_it_holds_what_pdfium_read() -> None:
    assert pdf_actual_text._holds("2.1.2.", ".1.2.")
    assert pdf_actual_text._holds("II.", ".II")  # the same characters, put in order
    assert pdf_actual_text._holds("أ.", ".")
    assert not pdf_actual_text._holds("3.1.", ".2.")  # pdfium read a 2 the reading does not hold
    assert not pdf_actual_text._holds("1.", "..")
    for good in ("2.1.2.", "3.1.", "1.", "II.", "أ.", "ت."):
        assert pdf_actual_text.NUMBERING.fullmatch(good), good
    for bad in ("2.1.2.\t", ".1.2.", "12345.", "و.1.", "في."):
        assert not pdf_actual_text.NUMBERING.fullmatch(bad), bad


def test_a_title_word_is_no_part_of_a_number() -> None:
    assert pdf_actual_text.NUMBERISH.fullmatch("ت") and pdf_actual_text.NUMBERISH.fullmatch(". ")
    assert not pdf_actual_text.NUMBERISH.fullmatch("التنوع")


def test_lead_restored_only_on_the_text_it_was_read_from() -> None:
    a = SimpleNamespace(text=".1.2. التنوع البيولوجي", lead=(".1.2.", "2.1.2."))
    b = SimpleNamespace(text="نص آخر", lead=(".1.2.", "2.1.2."))  # rewritten since: left alone
    c = SimpleNamespace(text=". فهم")  # no lead found
    pdf_actual_text.restore_leads([SimpleNamespace(lines=[a, b]), SimpleNamespace(lines=[c])])  # the blocks' lines
    assert (a.text, b.text, c.text) == ("2.1.2. التنوع البيولوجي", "نص آخر", ". فهم")


@pytest.fixture(scope="module")
def cese_27(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return read_pages(CESE, [26], tmp_path_factory.mktemp("cese27"))


def test_report_headings_keep_their_numbers_and_levels(cese_27: list[object]) -> None:
    heads = outline(cese_27)
    texts = [t for _, t in heads]
    numbered = next(h for h in heads if "التنوع البيولوجي البحري:" in h[1])
    lettered = next(h for h in heads if "التنوع البيولوجي البحري وقطاع الصيد" in h[1])
    assert numbered[1].startswith("2.1.2. التنوع البيولوجي البحري"), texts
    assert lettered[1].startswith("أ. التنوع البيولوجي البحري وقطاع الصيد"), texts
    assert lettered[0] == numbered[0] + 1  # the letter's division under the numbered section, as before
    assert not any(t.startswith(".") for t in texts)
    # the lines as pdfium reads them keep the cut form until the blocks are grouped (the levels are placed on it)
    assert any(t.startswith(".1.2. التنوع البيولوجي البحري") for t in line_texts(CESE, 27))


def test_a_number_inside_a_sentence_is_left_alone(cese_27: list[object]) -> None:
    body = " ".join(block_text(b) for b in cese_27)
    assert "تتجاوز 1.2 مليون كيلومتر" in body


def test_note_number_goes_back_to_its_note() -> None:
    lines = line_texts("adala-ar-decree-2-19-720.pdf", 2)
    assert lines[-1].startswith("1 - الجريدة الرسمية عدد 6961")
    item = next(t for t in lines if "المخالفات التي تمت معاينتها وطبيعتها" in t)
    assert not item.startswith("1")


def test_label_digit_goes_back_to_its_cell() -> None:
    lines = line_texts("adala-ar-order-1033-21.pdf", 8)
    assert "8-5" in lines
    assert not any(t.startswith("89-") for t in lines)


class _Calls:
    """The two per-character queries the strays' search makes, on a made-up piece."""

    def __init__(self, ys: dict[int, float], sizes: dict[int, float]) -> None:
        self.ys, self.sizes = ys, sizes

    def origin_y(self, i: int) -> float:
        return self.ys.get(i, 170.0)

    def size_at(self, i: int) -> float:
        return self.sizes.get(i, 16.0)


def _piece(text: str, start: int, rects: list[tuple[float, float, float, float]]) -> tuple:
    return (text, start, rects, min(r[0] for r in rects), max(r[1] for r in rects), max(r[2] for r in rects), min(r[3] for r in rects))


def test_stray_digit_taken_from_a_tall_piece() -> None:
    body = _piece("-1abc def", 0, [(480.0, 178.0, 492.0, 162.0), (521.0, 91.0, 524.0, 86.0), (300.0, 178.0, 479.0, 162.0)])
    note = _piece("- note text", 20, [(159.0, 91.0, 517.0, 81.0)])
    calls = _Calls({1: 86.0}, {1: 8.0})
    styles = [(16.0, b"", 0, 4, 0.0), (12.0, b"", 0, 25, 0.0)]
    text = "-1abc def" + " " * 11 + "- note text"
    text2, pieces, strays = pdf_strays.take_strays(calls, text, [body, note], styles)  # type: ignore[arg-type]
    assert [s.digits for s in strays] == ["1"] and strays[0].home == 20
    assert pieces[0][0] == "- abc def" and text2[1] == " " and len(text2) == len(text)
    assert pieces[0][6] == 162.0  # the piece's band without the stray
    line = SimpleNamespace(text="- note text", start=20, count=11, x0=159.0, x1=517.0, rtl=True, call="")
    pdf_strays.put_back(calls, [line], strays)  # type: ignore[arg-type]
    assert line.text == "1 - note text" and line.call == "1 " and line.x1 == pytest.approx(524.0)


def test_no_stray_where_the_far_ink_holds_letters_or_no_line_is_beside_it() -> None:
    body = _piece("-xabc def", 0, [(480.0, 178.0, 492.0, 162.0), (521.0, 91.0, 524.0, 86.0), (300.0, 178.0, 479.0, 162.0)])
    note = _piece("- note text", 20, [(159.0, 91.0, 517.0, 81.0)])
    far = _piece("- note text", 20, [(159.0, 91.0, 400.0, 81.0)])  # 121 pt from the digit: no line beside it
    styles = [(16.0, b"", 0, 4, 0.0), (12.0, b"", 0, 25, 0.0)]
    calls = _Calls({1: 86.0}, {1: 8.0})
    assert pdf_strays.take_strays(calls, "x" * 31, [body, note], styles)[2] == []  # type: ignore[arg-type]
    digit = ("-1abc def", *body[1:])
    assert pdf_strays.take_strays(calls, "x" * 31, [digit, far], styles)[2] == []  # type: ignore[arg-type]
