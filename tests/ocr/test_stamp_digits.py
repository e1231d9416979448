"""A date stamp's numbers read one by one (``stamp_digits.py``), and where they go in an Arabic line (``stamps.py``).

The Ministry of Energy's decision is dated with a blue date stamp, ``2023 <handwritten month> 10``, the year in a
condensed face. Read as one line the stamp gave ``2073 vr 19``, ``1023 4 10``: the day was placed and the year lost
(p. 1 and the signature date of p. 2), and the closing date ``2023 <month> 03`` agreed on nothing and was read with
its line as ``44``. Cut into its runs of digit columns, each number read alone widened, digits only, by ``eng`` and
the script model, every year and day of the three stamps is agreed; the month is not read and leaves the line in doubt.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from transform.ingest.base import TextLine
from transform.ocr import confidence, stamp_digits, stamps

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def _bar(ink: np.ndarray, x: int, top: int, bottom: int, width: int = 4) -> None:
    ink[top:bottom, x:x + width] = True


def _date_ink() -> np.ndarray:
    """``2023 <hand> 1 0`` drawn as columns: four touching digit columns, a low wide scrawl, two digits apart."""
    ink = np.zeros((40, 200), bool)
    for x in (0, 10, 20, 30):  # the year: tall columns that touch
        ink[0:40, x:x + 10] = True
        ink[5:35, x + 3:x + 7] = False
    ink[14:34, 60:110] = True  # the handwritten month: lower, wide
    _bar(ink, 150, 1, 40)
    _bar(ink, 175, 0, 39, 12)
    return ink


def test_the_digit_runs_and_the_handwriting_between_are_told() -> None:
    boxes, between = stamp_digits.number_boxes(_date_ink())
    assert [(x0, x1) for x0, x1, _t, _b in boxes] == [(0, 40), (150, 187)]
    assert between
    # a number alone (no writing between): no month to miss
    ink = np.zeros((40, 60), bool)
    _bar(ink, 5, 0, 40)
    _bar(ink, 20, 0, 40)
    assert stamp_digits.number_boxes(ink) == ([(5, 24, 0, 40)], False)


def test_a_number_is_kept_only_when_half_the_readings_of_each_model_give_it() -> None:
    assert stamp_digits.agreed({"eng": ["2023", "2023", "2023", "2923"], "Arabic": ["223", "2023", "2023", "2023"]}) == "2023"
    assert stamp_digits.agreed({"eng": ["10", "19", "10", "19"], "Arabic": ["10"] * 4}) == "10"
    # NARSA's worn year: one model 2023, the other 2223 twice and 2023 once: nothing kept
    assert stamp_digits.agreed({"eng": ["2023"] * 4, "Arabic": ["223", "2223", "2223", "2023"]}) is None
    assert stamp_digits.agreed({"eng": ["2", "2", "2", "2"], "Arabic": ["2", "2", "8", ""]}) is None  # one digit: no number


def _stamp(figures: list[str], partial: bool) -> stamps.Stamp:
    ink = _date_ink()
    return stamps.Stamp(0, 0, 200, 40, ink, ink, figures=figures, kept=True, partial=partial)


def test_numbers_read_one_by_one_replace_the_stamps_only_when_they_hold_the_agreed_ones(monkeypatch) -> None:
    monkeypatch.setattr(stamp_digits, "read_numbers", lambda inks, timeout: [["2023", "10"], ["2023", None], ["2073", "19"]])
    day, none, other = _stamp(["10"], True), _stamp([], False), _stamp(["10"], True)
    assert stamps._one_by_one([day, none, other], 60, None) == 2
    assert day.figures == ["2023", "10"] and day.partial  # the month between is not read: still in doubt
    assert none.figures == ["2023"] and none.partial  # a number unread
    assert other.figures == ["10"] and other.partial  # the agreed 10 is not among them: the first reading stands
    # the script model missing: nothing read
    again = _stamp(["10"], True)
    assert stamps._one_by_one([again], 60, {"eng", "fra", "ara"}) == 0 and again.figures == ["10"]


def test_the_numbers_go_in_an_arabic_line_at_the_stamps_place_among_its_words() -> None:
    # MTEDD p. 2: the closing date stamped over the dots after ``يوم``, the line running on after it
    # (by the share of the line's width, as before, they went one word too far: the dots take no word)
    ln = TextLine("وإلى غاية يوم في الساعة الثالثة بعد الزوال", 100.0, 400.0, 500.0, 412.0)
    words = [("وإلى", 470.0, 400.0, 500.0, 412.0), ("غاية", 440.0, 400.0, 465.0, 412.0), ("يوم", 415.0, 400.0, 435.0, 412.0),
             ("في", 180.0, 400.0, 190.0, 412.0), ("الساعة", 150.0, 400.0, 175.0, 412.0), ("الثالثة", 125.0, 400.0, 148.0, 412.0),
             ("بعد", 112.0, 400.0, 123.0, 412.0), ("الزوال", 100.0, 400.0, 110.0, 412.0)]
    ink = np.zeros((12, 60), bool)
    st = stamps.Stamp(280, 388, 340, 400, ink, ink, figures=["2023", "03"], kept=True, partial=True)
    stamps.place([st], [ln], {}, 72.0, {id(ln): (ln.text, words)})
    assert ln.text == "وإلى غاية يوم 03 2023 في الساعة الثالثة بعد الزوال"
    assert ln.doubt == confidence.DIGITS


@pytest.fixture(scope="module")
def energy_stamps() -> dict[int, list[stamps.Stamp]]:
    import pypdfium2 as pdfium

    path = FILES / "ma-mtedd-ar-decision-2023.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(path))
    out = {}
    try:
        for i in (0, 1):  # the colour render at 250 dpi, as render.with_stamps makes it
            page = pdf[i]
            rgb = page.render(scale=250 / 72.0).to_pil().convert("RGB")
            out[i] = stamps.find(np.asarray(rgb), 250.0)
    finally:
        pdf.close()
    return out


@pytest.mark.slow
def test_the_energy_decisions_date_stamps_read_one_by_one(energy_stamps) -> None:
    # the date stamps: the groups holding handwriting between two digit runs (the number stamp and the web
    # addresses are read whole by stamps.read_all)
    dated = [st for i in (0, 1) for st in energy_stamps[i] if stamp_digits.number_boxes(st.ink)[1]
             and len(stamp_digits.number_boxes(st.ink)[0]) == 2]
    found = stamp_digits.read_numbers([st.ink for st in dated], 120)
    assert found == [["2023", "10"], ["2023", "03"], ["2023", "10"]]
