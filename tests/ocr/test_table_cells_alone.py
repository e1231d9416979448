"""The cells of a scanned ruled table read each on its own (``transform/ocr/tables_cells.py``).

The Sfax notice p. 3 (``tn-sfax-ar-balagh-2022``) is a light 110 ppi scan whose table still leans
after the page is deskewed (its column rules by about 15 px over the table at 250 dpi). Tesseract's
page layout ran its lines across the rules: main read the electrician's post `كهربائي تنوير عمومي` as
`RES 5 وام` (the count `5` of the next column in it), the aluminium joiner's `نجارة (اليمنيوم)` as
`bis (اليمنيوم)`, left that row's count empty and read the first one `7`."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from transform.evaluation.corpus import read_document
from transform.model import Table
from transform.ocr.tables_cells import (
    _keeps_numbers,
    _line_by_line,
    _numbers_back,
    _page_numbers,
    _score,
    _strays_around,
    _unruled,
)
from transform.ocr.tables_read import _Piece

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from _realpages import copy_pages, doc_blocks  # noqa: E402


def test_a_slanted_rule_and_its_fringe_are_painted_out_and_the_words_stay() -> None:
    crop = np.full((600, 300), 255, dtype=np.uint8)
    m = 12
    for y in range(600):  # a left rule leaning 8 px down the cell, grey with a paler fringe
        x = m - 4 + y * 8 // 600
        crop[y, x:x + 4] = 190
        crop[y, x + 4:x + 6] = 240
        crop[y, 300 - m - 2:300 - m + 2] = 190  # a straight right rule
    crop[m - 2:m + 2, :] = 190  # the top and bottom rules
    crop[600 - m - 2:600 - m + 2, :] = 190
    crop[100:130, 30:120] = 120  # a word close to the left rule
    out = _unruled(crop, 250, m)
    assert (out[:, :30] == 255).all() and (out[:, 300 - m - 4:] == 255).all()
    assert (out[:m + 3] == 255).all() and (out[600 - m - 3:] == 255).all()
    assert (out[100:130, 30:120] == 120).all()  # the word is untouched


def test_the_word_lists_choose_the_reading_of_an_arabic_cell() -> None:
    page, alone = _score("RES 5 وام", True), _score("كهربائي تنوير عمومي", True)
    assert alone[1] > page[1] and alone[0] == 3
    assert _score("ا ا 00", True) == (0, -4)  # a rule's strokes read as alefs
    assert _score("Total des recettes", False)[0] == 3


def test_a_cell_reading_that_loses_the_page_s_numbers_is_not_taken() -> None:
    assert not _keeps_numbers("وين :2022 والأيام الموالية", "والأياه الموالية 17نوفمبر 2022")
    assert _keeps_numbers("17 نوفمبر 2022 والأيام الموالية", "والأياه الموالية 17نوفمبر 2022")
    assert _keeps_numbers("عامل فلاحي مختص", "عامل فلاح لاحي 5 LS. A 1")  # a lone digit among words is not kept


def test_a_year_read_as_its_last_digit_takes_the_page_s_reading() -> None:
    pieces = [_Piece("2 كما تم إتمامه", 0, 1, 0, 1), _Piece("2 المؤرخ في 28", 2, 3, 0, 1), _Piece("عدد 7 لسنة", 4, 5, 0, 1)]
    _numbers_back(pieces, "تحتسب 1982 كما تم 28 1992 المؤرخ في 1992 عدد 1229 لسنة")
    assert [p.text for p in pieces] == ["1982 كما تم إتمامه", "1992 المؤرخ في 28", "عدد 7 لسنة"]
    date = [_Piece("7 أكتوبر 2022", 0, 1, 0, 1)]  # a date cell opening on its day: one number of the page ends so
    _numbers_back(date, "ps 17 2022")
    assert date[0].text == "17 أكتوبر 2022"
    alone = [_Piece("2 كما تم", 0, 1, 0, 1)]  # several of the page's numbers end so: which one is not known
    _numbers_back(alone, "1982 تم 1992 2022")
    assert alone[0].text == "2 كما تم"
    assert _score("17 أكتوبر 2022", True) == (1, 1)  # a month's name is a known word


def test_each_printed_line_keeps_the_better_reading_and_the_page_s_numbers() -> None:
    alone = [_Piece("• تونسي الجنسية.", 116, 129, 308, 367), _Piece("#-يقيقنا يحقوقة الندية", 143, 153, 286, 367),
             _Piece("1982 المؤرخ في 28", 456, 467, 288, 370), _Piece("5", 480, 490, 300, 310)]
    page = [_Piece("• تونسي الجنسية.", 116, 129, 308, 367), _Piece("• متمتعا بحقوقه المدنية", 143, 153, 286, 367),
            _Piece("1992 المتورع :في 28", 451, 468, 288, 370), _Piece("7", 481, 489, 301, 309)]
    got = [p.text for p in _line_by_line(alone, page, True)]
    # the page's line is better read; the own line's words with the page's checked year; a lone number stays as read alone
    assert got == ["• تونسي الجنسية.", "• متمتعا بحقوقه المدنية", "1992 المؤرخ في 28", "5"]
    assert _page_numbers("17 أكتوبر 2022", "2022 pal 17") == "17 أكتوبر 2022"  # the same numbers in the page's order: kept


def test_a_number_with_stray_marks_beside_it_is_read_alone() -> None:
    assert _strays_around("06", "t 06", True)
    assert not _strays_around("06", "t 08", True) and not _strays_around("5", "s", True)


@pytest.mark.slow
def test_the_sfax_posts_on_a_leaning_scan_are_read_in_their_cells(tmp_path: Path) -> None:
    doc = read_document(copy_pages("tn-sfax-ar-balagh-2022.pdf", [2], tmp_path), "auto")
    tables = [b for b in doc_blocks(doc) if isinstance(b, Table)]
    rows = [[" ".join(s.text for s in c.sentences) for c in row] for t in tables for row in t.rows]
    body = [r for r in rows if r and r[0] in ("08", "03", "01")]
    assert len(body) == 4, rows
    assert [r[1] for r in body] == ["5", "5", "5", "5"], rows  # the grades
    assert body[1][2] == "كهربائي تنوير عمومي", body[1]
    assert body[2][2] == "نجارة (اليمنيوم)", body[2]
    assert body[0][5].startswith("*شهادة في إثبات الكفاءة"), body[0]


def test_specks_of_a_blank_column_do_not_fill_an_empty_cell() -> None:
    """Sfax p. 4's blank "special conditions" column, read alone as `صم 0` (short keys the lists all hold),
    stays empty; a cell's real words, or a short word read sure, still fill a cell the page left empty."""
    from transform.ocr.tables_cells import _fills_empty

    assert not _fills_empty("صم 0", 60.0, True)
    assert _fills_empty("* متحصل على شهادة الكفاءة", 60.0, True)
    assert _fills_empty("نعم", 92.0, True)


def test_a_cell_read_alone_with_only_specks_more_keeps_the_page_reading() -> None:
    """Sfax p. 4: `ات سائق اليات ثقيلة` read alone (the end of `اليات` read again) against the page's
    `سائق اليات ثقيلة`: the page's reading stays; a real word more, or the lone `و`, is no speck."""
    from transform.ocr.tables_cells import _specks_more

    assert _specks_more("ات سائق اليات ثقيلة", "سائق اليات ثقيلة")
    assert not _specks_more("سائق اليات ثقيلة جدا", "سائق اليات ثقيلة")
    assert not _specks_more("و صيانتها", "صيانتها")
    assert not _specks_more("سائق 12", "سائق")
