"""A light right-to-left scan with ruled tables, and the month names its OCR misreads.

The Municipality of Sfax's recruitment notice (``tn-sfax-ar-balagh-2022``) is five landscape
JPEG pages of about 110 ppi. Its nine-column tables are ruled in pale grey, broken every few
pixels at Otsu's threshold, so no grid was found and the cells were read across the rules,
line by line. The grid is now looked for again in pale grey; the right-to-left lines' words are
put in the cells under their own boxes; and month names read one letter wrong beside a number
(``أكتوير``, ``سيتمبر``) are put right against a closed list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from tests.ocr._pagebits import read_corpus_page
from transform.evaluation import normalize
from transform.model import Table
from transform.model.walk import iter_blocks
from transform.ocr.months import repair_months
from transform.ocr.tables import _Filler
from transform.ocr.tables_grid import Grid, GridCell, find_grids

SFAX = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "tn-sfax-ar-balagh-2022.pdf"


def _fix(text: str) -> str:
    return " ".join(repair_months(text.split()))


def test_month_names_one_letter_off_beside_a_number_are_put_right() -> None:
    assert _fix("17 أكتوير 2022") == "17 أكتوبر 2022"
    assert _fix("المؤرخ في 02 سيتمبر 1982") == "المؤرخ في 02 سبتمبر 1982"
    assert _fix("28 أوث 1992") == "28 أوت 1992"  # three letters: same stroke, other dots
    assert _fix("في 3 رمصان 1445") == "في 3 رمضان 1445"
    assert _fix("بين 5 نوفمير و") == "بين 5 نوفمبر و"  # the hamza-less spelling as read stays
    assert _fix("5 اكتوير") == "5 اكتوبر"


def test_a_month_repair_never_touches_a_right_word_nor_guesses() -> None:
    for text in [
        "أكتوير الماضي",  # no number beside it: not a date
        "17 جوار 2022",  # a word the Arabic word list knows stays
        "9 محرم 1448 (25 يونيو 2026)",  # right month names stay
        "10 مار 2020",  # three letters, the letter is no dot of the month's (مارس is longer anyway)
        "5 يونلو",  # one letter from يونيو and from يوليو: which one is not known
        "12 كتاب 3",  # no month is one letter away
    ]:
        assert _fix(text) == text, text


def _pale_grid_page(grey: int) -> Image.Image:
    """A 3 x 2 ruled grid drawn in ``grey`` rules broken every few pixels, the way a light JPEG
    scan enlarged for OCR shows them, with dark text in its cells."""
    img = Image.new("L", (1200, 700), 255)
    d = ImageDraw.Draw(img)
    xs, ys = [100, 450, 800, 1100], [100, 300, 500]
    for x in xs:
        for y in range(ys[0], ys[-1] + 1, 6):
            d.line([(x, y), (x, y + 3)], fill=grey, width=2)
            d.line([(x, y + 4), (x, y + 5)], fill=235, width=2)
    for y in ys:
        for x in range(xs[0], xs[-1] + 1, 6):
            d.line([(x, y), (x + 3, y)], fill=grey, width=2)
            d.line([(x + 4, y), (x + 5, y)], fill=235, width=2)
    for x in xs[:-1]:
        for y in ys[:-1]:
            d.rectangle([x + 40, y + 60, x + 200, y + 90], fill=20)
    return img


def test_a_grid_ruled_in_pale_grey_is_found_in_a_second_look() -> None:
    img = _pale_grid_page(215)
    assert find_grids(img, 250) == []  # at Otsu's threshold the rules are dashes
    grids = find_grids(img, 250, pale=True)
    assert len(grids) == 1 and grids[0].ncols == 3 and grids[0].nrows == 2
    blank = Image.new("L", (1200, 700), 255)
    ImageDraw.Draw(blank).rectangle([100, 100, 1100, 130], fill=225)  # a grey band is no grid
    assert find_grids(blank, 250, pale=True) == []


def test_a_right_to_left_line_across_a_column_rule_is_placed_word_by_word_in_logical_order() -> None:
    # two columns at 72 dpi: right cell 100-200 (first in reading order), left cell 0-100
    grid = Grid([0, 100, 200], [0, 50], [GridCell(0, 0), GridCell(0, 1)])
    filler = _Filler(grid, 1.0, 6.0)
    # tesseract lists an Arabic line from the right: "تاريخ ختم" in the right cell, then
    # "17 أكتوير 2022" in the left one (the day drawn rightmost, the year leftmost)
    listed = [("تاريخ", 160, 10, 195, 20), ("ختم", 120, 10, 150, 20), ("17", 75, 10, 95, 20),
              ("أكتوير", 40, 10, 70, 20), ("2022", 5, 10, 35, 20)]
    assert filler.place_words(listed, rtl=True)
    cells = {key: " ".join(p.text for p in s.pieces) for key, s in filler.slots.items() if s.pieces}
    assert cells == {(0, 1): "تاريخ ختم", (0, 0): "17 أكتوبر 2022"}


def _rows(table: Table) -> list[list[str]]:
    return [[normalize(" ".join(s.text for s in c.sentences)) for c in row] for row in table.rows]


def sfax_table_read_right(rows: list[list[str]]) -> list[str]:
    """What is wrong with page 1's table as read (nothing: an empty list): nine columns from
    the right, the header's first cells, the first post's number and title, the dates of the
    spanning cells and the decree's date in the general conditions."""
    wrong = []
    if not rows or len(rows[0]) != 9:
        return ["not nine columns"]
    if rows[0][:3] != [normalize("العدد"), normalize("الصنف"), normalize("الخطط")]:
        wrong.append(f"header {rows[0][:3]}")
    body = rows[1] if len(rows) > 1 else []
    if len(body) != 9 or body[0] != "04" or normalize("ساعي صفقات") not in body[2]:
        wrong.append(f"first row {body[:3]}")
    if len(body) == 9:
        if normalize("17 أكتوبر 2022") != body[7]:
            wrong.append(f"closing date {body[7]!r}")
        if normalize("المؤرخ في 02 سبتمبر") not in body[6] or "1229" not in body[6]:
            wrong.append("the decree's date in the general conditions")
    return wrong


def test_the_sfax_check_fails_on_the_table_read_across_its_rules() -> None:
    # what main made of page 1: no grid, the lines read across the rules into paragraphs; the
    # same words put in columns from the left, or month names left misread, fail as well
    assert sfax_table_read_right([])
    header = [normalize(w) for w in ["العدد", "الصنف", "الخطط", "المهام", "الشروط الخاصة", "الكفاءة", "الشروط العامة",
                                     "تاريخ ختم", "تاريخ إجراء"]]
    body = ["04", "4", normalize("ساعي صفقات"), "", "", "", normalize("عدد 1229 لسنة 1982 المؤرخ في 02 سبتمبر 1982"),
            normalize("17 أكتوبر 2022"), normalize("17 نوفمبر 2022")]
    assert sfax_table_read_right([header, body]) == []
    assert sfax_table_read_right([header[::-1], body[::-1]])
    misread = [*body[:7], normalize("17 أكتوير 2022"), body[8]]
    assert sfax_table_read_right([header, misread])


@pytest.mark.slow
def test_the_sfax_notice_page_1_gives_its_ruled_table_cell_by_cell(tmp_path: Path) -> None:
    doc = read_corpus_page(SFAX, 1)
    assert doc.meta.pages[0].method == "ocr"
    tables = [b for _, b in iter_blocks(doc) if isinstance(b, Table)]
    assert len(tables) == 1
    rows = _rows(tables[0])
    assert sfax_table_read_right(rows) == []
    assert len(rows) == 3 and all(c.header for c in tables[0].rows[0])
    assert tables[0].rows[1][7].rowspan == 2  # the closing date spans both posts


def test_latin_words_read_unsure_on_an_arabic_page_are_strays_whatever_their_case() -> None:
    from transform.ocr.tesseract import _strays

    line = "Le زلا Ai 40 bc"  # عاما ولا يتعدى 40 سنة, read with the French model
    assert _strays(line, None) == []  # by their form none is suspect: the line is more Latin than Arabic
    assert sorted(_strays(line, ["Le", "Ai", "bc"])) == ["Ai", "Le", "bc"]
    assert _strays("مدينة Béni Mellal", None) == []  # a name read sure stays
