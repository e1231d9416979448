"""Coloured-ink dates read apart (``ink.py``): a worn stamp's year kept only as a year, a pale date stamp read from
its grey levels and put at its place.

NARSA's decision is a phone scan with two blue date stamps. P. 2's closing date ``2023 <month> 03`` is stamped over
the dot leaders with a worn pad: its whole reading is letters (no figure stamp), so it stayed in the page image and its
line read ``يوم 1 وهو``. P. 1's date ``2023 <month> 18`` is a dry pad's pale grey blue standing alone beside the title
row: no line of the page held it and it was only flagged. The crops below are frozen from the 250 dpi colour render
(``tests/ocr/data/ink/``, 8 KB); the months (a ruq'a band) are never read.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from transform.ingest.base import TextLine
from transform.ocr import confidence, ink, stamp_digits, stamps
from transform.ocr.faint_stamps import pale_ink

DATA = Path(__file__).resolve().parent / "data" / "ink"


def test_a_year_read_by_one_model_is_kept_when_the_other_reads_no_year() -> None:
    # NARSA p. 2's worn year, read one by one: eng 2023 four times, the script model loses or doubles a digit
    assert ink.year_read({"eng": ["2023"] * 4, "Arabic": ["223", "2223", "2223", "2023"]}) == "2023"
    # NARSA p. 1's pale year: the other readings (2073, 7023) are no year a stamp can carry
    assert ink.year_read({"eng": ["2023", "2023", "2073", "2023"], "Arabic": ["7023", "7023", "2023", "7023"]}) == "2023"
    # two years read: they contest each other
    assert ink.year_read({"eng": ["2023"] * 4, "Arabic": ["2019", "2019", "2023", "2023"]}) is None
    # fewer than half of all the readings
    assert ink.year_read({"eng": ["2023", "2023", "", ""], "Arabic": ["", "", "", ""]}) is None
    # a day or a number is never taken by this rule
    assert ink.year_read({"eng": ["10"] * 4, "Arabic": ["19"] * 4}) is None
    assert ink.year_read({"eng": ["2073"] * 4, "Arabic": ["2073"] * 4}) is None  # far ahead: no year a stamp carries
    assert ink.is_year("1958") and not ink.is_year("1899") and not ink.is_year("023") and ink.is_day("03")
    assert not ink.is_day("32") and not ink.is_day("0")


def _date_ink() -> np.ndarray:
    """``2023 <month> 1 0`` drawn as columns: four touching digit columns, a low wide scrawl, two digits apart."""
    a = np.zeros((40, 200), bool)
    for x in (0, 10, 20, 30):
        a[0:40, x:x + 10] = True
        a[5:35, x + 3:x + 7] = False
    a[14:34, 60:110] = True
    a[1:40, 150:154] = True
    a[0:39, 175:187] = True
    return a


def test_a_stamp_read_as_letters_becomes_a_figure_stamp_when_its_numbers_are_a_date(monkeypatch) -> None:
    calls = []

    def numbers(inks, timeout):
        calls.append(len(inks))
        return [["2023", None], ["2023", "10"], ["1234", "55"], ["2023", "2024"]][:len(inks)]

    monkeypatch.setattr(stamp_digits, "read_numbers", numbers)
    worn, dated, other, two = (stamps.Stamp(0, 0, 200, 40, _date_ink(), _date_ink()) for _ in range(4))
    line = np.zeros((40, 200), bool)
    line[10:30, :] = True  # one run of letters' ink: no date stamp's shape, not read
    text = stamps.Stamp(0, 0, 200, 40, line, line)
    figure = stamps.Stamp(0, 0, 200, 40, _date_ink(), _date_ink(), figures=["10"], kept=True)
    assert ink.read_dates([worn, text, dated, figure, other, two], 60, None) == 2 and calls == [4]
    assert (worn.figures, worn.kept, worn.partial, worn.dated) == (["2023"], True, True, True)  # the month unread: in doubt
    assert dated.figures == ["2023", "10"] and dated.kept
    assert not other.kept and not other.figures  # 1234 is no year, 55 no day
    assert not two.kept  # two years: no date
    assert not text.kept and figure.figures == ["10"]  # letters, and a figure stamp read before, left alone
    # the script model missing: nothing read
    again = stamps.Stamp(0, 0, 200, 40, _date_ink(), _date_ink())
    assert ink.read_dates([again], 60, {"eng", "fra", "ara"}) == 0 and not again.kept


def test_a_pale_stamps_grey_levels_keep_its_strokes_dark_on_white_paper() -> None:
    rgb = np.full((20, 30, 3), 250, np.uint8)
    rgb[5:15, 10:12] = (200, 205, 235)  # a pale blue stroke
    rgb[5:15, 20:22] = (175, 185, 230)  # a darker one
    g = ink.shade(rgb)
    assert g[0, 0] == 255 and g[10, 21] == 0 and 0 < g[10, 11] < 200


def _pale(figures: list[str]) -> stamps.Stamp:
    box = np.ones((16, 52), bool)  # NARSA p. 1's stamp: x 137-189 pt, y 82-98 pt at 72 dpi
    return stamps.Stamp(137, 82, 189, 98, box, np.zeros_like(box), figures=figures, partial=True, faint=True,
                        shade=np.zeros((16, 52), np.uint8))


def test_a_pale_dates_year_goes_into_the_line_of_its_row_at_its_place() -> None:
    # NARSA p. 1: the stamp stands left of the title row ``- - - 091 ... قرار`` (the number at the right margin)
    row = TextLine("---091 قرار", 280.0, 84.0, 560.0, 98.0)
    lower = TextLine("بشأن فتح باب الترشيح", 200.0, 110.0, 400.0, 124.0)
    lines = [row, lower]
    assert ink.place_pale([_pale(["2023"])], lines, 72.0) == 1
    assert row.text == "---091 قرار 2023" and row.doubt == confidence.DIGITS and lines == [row, lower]
    assert lower.doubt is None


def test_a_pale_date_alone_is_a_line_of_its_own_in_doubt_and_an_unread_one_adds_nothing() -> None:
    above = TextLine("المملكة المغربية", 100.0, 40.0, 300.0, 54.0)
    below = TextLine("بشأن فتح باب الترشيح", 100.0, 120.0, 300.0, 134.0)
    lines = [above, below]
    assert ink.place_pale([_pale([])], lines, 72.0) == 0 and lines == [above, below]
    assert ink.place_pale([_pale(["2023", "18"])], lines, 72.0) == 1
    assert [ln.text for ln in lines] == ["المملكة المغربية", "18 2023", "بشأن فتح باب الترشيح"]
    assert lines[1].doubt == confidence.DIGITS and lines[1].page == above.page
    # read already: a line of the reading lies on the stamp
    on = [TextLine("2023 18", 137.0, 83.0, 189.0, 97.0)]
    assert ink.place_pale([_pale(["2023"])], on, 72.0) == 0 and on[0].text == "2023 18"


@pytest.fixture(scope="module")
def narsa_pale() -> stamps.Stamp:
    rgb = np.asarray(Image.open(DATA / "narsa-p1-pale-date.png").convert("RGB"))
    mask = pale_ink(rgb)
    return stamps.Stamp(0, 0, rgb.shape[1], rgb.shape[0], mask, np.zeros_like(mask), faint=True, shade=ink.shade(rgb))


def test_narsas_pale_date_stamp_is_shaped_like_a_date(narsa_pale) -> None:
    assert ink.date_shaped(narsa_pale.ink)


@pytest.mark.slow
def test_narsas_pale_year_is_read_from_its_grey_levels(narsa_pale) -> None:
    # p. 1's stamp, frozen from the render: its mask's strokes gave 2073, 2773, 273 and 13, 23 (nothing kept);
    # its grey levels give the year (the day's 8 is too broken: not read); 2 tesseract calls
    assert ink.read_shaded([narsa_pale], 120) == [["2023", None]]


@pytest.mark.slow
def test_narsas_worn_closing_date_gives_its_year() -> None:
    # p. 2's stamp over the dot leaders, its blue ink frozen: the script model reads 223 / 2223, eng 2023
    a = np.asarray(Image.open(DATA / "narsa-p2-worn-date-ink.png").convert("L")) > 127
    st = stamps.Stamp(0, 0, a.shape[1], a.shape[0], a, a)
    assert ink.read_dates([st], 120, None) == 2
    assert (st.figures, st.kept, st.partial) == (["2023"], True, True)


def test_a_worn_date_read_apart_is_cleared_from_the_page_image_but_its_black_print() -> None:
    # NARSA p. 2: the stamp's pale day and month (too pale for its blue mask) were read with the line as ``١ الوه``;
    # once its year is read apart, its whole box is paper again but for black print (the dot leaders)
    grey = np.full((20, 40), 250, np.uint8)
    grey[5:15, 5:10] = 90  # blue ink (its mask)
    grey[5:15, 20:25] = 200  # the pale month
    grey[16, :] = 20  # a dot leader's black
    blue = np.zeros((20, 40), bool)
    blue[5:15, 5:10] = True
    worn = stamps.Stamp(0, 0, 40, 20, blue, blue.copy(), figures=["2023"], kept=True, partial=True, dated=True)
    out = np.asarray(stamps.clean(Image.fromarray(grey), [worn]))
    assert (out[5:15, 5:10] == 255).all() and (out[5:15, 20:25] == 255).all() and (out[16] == 20).all()
    # a figure stamp read whole keeps the rest of its box as scanned
    whole = stamps.Stamp(0, 0, 40, 20, blue, blue.copy(), figures=["2023"], kept=True)
    out = np.asarray(stamps.clean(Image.fromarray(grey), [whole]))
    assert (out[5:15, 5:10] == 255).all() and (out[5:15, 20:25] == 200).all()
