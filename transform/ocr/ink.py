"""Dates in coloured ink: a stamp's year and day read apart, kept only as a date can be (issue 17).

Ministry decisions are dated with a blue date stamp, ``2023 <month> 10``: the figures in a condensed face, the month
between them on a band in a hand-like (ruq'a) face. :mod:`stamps` and :mod:`stamp_digits` read the figure stamps
(a first whole reading mostly digits) number by number and keep a number that half the readings of *each* of two
models give. Two stamps of NARSA's phone scan were left out:

* **a worn stamp over dot leaders** (p. 2's closing date): its whole reading is letters, so it was no figure stamp
  and stayed in the page image, its line read ``يوم 1 وهو``. :func:`read_dates` reads the numbers of any stamp left
  so whose ink has a date stamp's shape (two runs of digit columns, lower ink between: :func:`date_shaped`);
* **a pale stamp standing alone** (p. 1's date, a dry pad beside the title row, :mod:`faint_stamps`): no line of the
  page held it; it was only flagged. Its mask's strokes are broken (read ``2073``, ``273``, ``13``), so it is read
  from its grey levels (:func:`shade`, :func:`read_shaded`) and, once read, put at its place (:func:`place_pale`):
  into the line of its row, at its side, or else as a line of its own.

What is kept is restricted to what a date can be (:func:`year_read`, :func:`_date`): a **year** (1900 up to next
year) given by half of all the readings of both models and half of one model's, no reading giving another year
(the other model's ``2223``, ``7023``, ``2073`` are failed readings, not a second candidate); a **day** (1-31) only
when both models agree as before; nothing else. A stamp whose numbers are not one year and a day or nothing is left as
it was. The line that takes a stamp's figures is always put in doubt (``digits_disagree``): the month is never read.
It was tried: on its own colour layer, cleaned and enlarged to four heights, ``ara`` and ``Arabic`` read the stamped
``مارس`` as ``ماس``, ``مار``, ``راي``, ``ميس``, ``مارب`` and ``ماي`` (another month) and ``ابريل`` as ``ارال``,
``اسل``: no reading settles a month, so none is guessed here (:mod:`lost_months` keeps such a line in doubt).
:mod:`stamp_months` (twentieth session) reads the band many times and writes a month only when both models name it.
"""

from __future__ import annotations

import datetime
import re

import numpy as np

_AR = re.compile("[\u0621-\u064a]")
CONTRAST = 15  # a pale stamp's grey levels: lighter than the paper's median less this is paper
MARGIN = 4  # pixels around a run of digit columns cut with it
DIGIT_HEIGHT = 0.7  # a stamp's figures stand this share of their line's font size (a line made for a pale date)
PALE_CONFIDENCE = 0.5  # a line made for a pale stamp's date: read from a worn print, one model's year
FIRST_YEAR = 1900  # the earliest year a stamp's year is taken as


def last_year() -> int:
    """The latest year a stamp can carry: next year (a decision dated ahead for the new year)."""
    return datetime.date.today().year + 1


def is_year(text: str) -> bool:
    """Is ``text`` a Gregorian year a stamp can carry (four digits, 1900 up to next year)?"""
    return len(text) == 4 and text.isdigit() and FIRST_YEAR <= int(text) <= last_year()


def year_read(texts: dict[str, list[str]]) -> str | None:
    """The year the readings of a stamp's number give (see the module's doc), else None.

    ``texts``: each model's readings of the one number (digits only, one string per reading)."""
    readings = [t for rs in texts.values() for t in rs]
    years = {t for t in readings if is_year(t)}
    if len(years) != 1:
        return None  # no year, or two years read: the readings contest each other
    year = years.pop()
    if 2 * readings.count(year) < len(readings):
        return None
    if not any(rs and 2 * rs.count(year) >= len(rs) for rs in texts.values()):
        return None
    return year


def is_day(text: str) -> bool:
    """Is ``text`` a day of a month (1-31, ``03`` as a stamp prints it)?"""
    return 1 <= len(text) <= 2 and text.isdigit() and 1 <= int(text) <= 31


def date_shaped(ink) -> bool:
    """Is a stamp's ink a date stamp's: two runs of digit columns with ink between them (its month)?"""
    from .stamp_digits import number_boxes

    boxes, between = number_boxes(ink)
    return between and len(boxes) == 2


def read_dates(stamps: list, timeout: float, models: set[str] | None) -> int:
    """Coloured stamps on a printed line whose whole reading was no figures (a worn pad over dot leaders read as
    letters) but whose ink is a date stamp's, their two numbers read one by one (:func:`stamp_digits.read_numbers`).
    A stamp whose numbers are a year (:func:`year_read`'s terms) and, beside it, a day or nothing becomes a figure
    stamp: taken out of the page image, its numbers put into its line, the line in doubt (the month between is not
    read). Pale stamps standing alone of a date's shape are read from their grey levels (:func:`read_shaded`) on the
    same terms; their figures are placed by :func:`place_pale`. Any other reading leaves a stamp as it was. One call
    per model for each kind found on the page; returns the tesseract calls made."""
    from ..errors import ToolError
    from .stamp_digits import MODELS, read_numbers

    todo = [st for st in stamps if not st.kept and not st.faint and date_shaped(st.ink)]
    if models is not None and not all(m in models for m in MODELS):
        return 0
    pale = [st for st in stamps if st.faint and st.shade is not None and date_shaped(st.ink)]
    calls = 0
    try:
        if todo:
            for st, nums in zip(todo, read_numbers([st.ink for st in todo], timeout), strict=True):
                if read := _date(nums):
                    st.figures, st.kept, st.partial, st.dated = read, True, True, True
            calls += len(MODELS)
        if pale:  # read from their grey levels; never taken out of the image (the page's reading never saw them)
            for st, nums in zip(pale, read_shaded(pale, timeout), strict=True):
                if read := _date(nums):
                    st.figures, st.partial = read, True
            calls += len(MODELS)
    except ToolError:
        return calls  # the stamps stay as they were, read with their lines or flagged as before
    return calls


def _date(nums: list[str | None]) -> list[str] | None:
    """A stamp's numbers when they are a date's: one year, and beside it a day or nothing."""
    read = [n for n in nums if n]
    years = [n for n in read if is_year(n)]
    if len(years) != 1 or not all(n in years or is_day(n) for n in read):
        return None
    return read


def shade(rgb: np.ndarray) -> np.ndarray:
    """A pale stamp's box as grey levels (uint8, ink dark on white): how much darker than the paper each pixel is,
    from the paper's level less a contrast margin (white) to the box's darkest (black). A dry pad's strokes fall
    apart when a mask cuts them; their grey levels still join. The box stands alone (no print in or beside it)."""
    low = rgb.min(axis=2).astype(np.float32)
    paper = float(np.median(low)) - CONTRAST
    darkest = float(np.percentile(low, 2))
    v = np.clip((paper - low) / max(paper - darkest, 20.0), 0.0, 1.0)
    return (255 * (1 - v)).astype(np.uint8)


def read_shaded(stamps: list, timeout: float) -> list[list[str | None]]:
    """Each pale stamp's numbers left to right (as :func:`stamp_digits.read_numbers`), read from its grey levels:
    each run of digit columns cut with a margin, enlarged to two heights and widened twice, digits only, by the two
    models; a number kept as both agree (:func:`stamp_digits.agreed`) or as a year (:func:`year_read`)."""
    from PIL import Image

    from .stamp_digits import number_boxes, read_boxes, sizes

    boxes = [number_boxes(st.ink)[0] for st in stamps]
    images = []
    for st, bs in zip(stamps, boxes, strict=True):
        for x0, x1, top, bottom in bs:
            crop = st.shade[max(0, top - MARGIN):bottom + MARGIN, max(0, x0 - MARGIN):x1 + MARGIN]
            images += sizes(Image.fromarray(np.pad(crop, 10, constant_values=255)), bottom - top)
    return read_boxes(boxes, images, timeout, "ink")


def place_pale(stamps: list, lines: list, dpi: float) -> int:
    """A pale date stamp standing alone whose year was read becomes a line of its own at its place, in doubt (its
    month is not read; ``digits_disagree``: check against the source). Returns how many lines were made."""
    from ..ingest.base import TextLine
    from .confidence import DIGITS
    from .recover import insert_in_order

    to_pt = 72.0 / dpi
    made = 0
    page = lines[0].page if lines else 1
    for st in stamps:
        if not (st.faint and st.figures):
            continue
        x0, x1, top, bottom = st.x0 * to_pt, st.x1 * to_pt, st.top * to_pt, st.bottom * to_pt
        if any(ln.x0 < x1 and ln.x1 > x0 and min(ln.bottom, bottom) - max(ln.top, top) >= (bottom - top) / 2
               for ln in lines):
            continue  # a line of the reading holds it already
        row = [ln for ln in lines if min(ln.bottom, bottom) - max(ln.top, top) >= (bottom - top) / 2]
        if row:  # a line of the same row, beside it: the figures go into it at their place (as stamps.place does)
            from .stamps import _insert

            ln = min(row, key=lambda ln: max(ln.x0 - x1, x0 - ln.x1))
            _insert(ln, list(st.figures), (x0 + x1) / 2, None)
            ln.doubt = ln.doubt or DIGITS
            made += 1
            continue
        arabic = sum(1 for ln in lines if _AR.search(ln.text)) * 2 > len(lines)
        words = list(reversed(st.figures)) if arabic else list(st.figures)  # a date stamp prints the year leftmost
        new = TextLine(" ".join(words), x0, top, x1, bottom, size=round((bottom - top) / DIGIT_HEIGHT, 1), page=page,
                       confidence=PALE_CONFIDENCE, doubt=DIGITS)
        insert_in_order(lines, new)
        made += 1
    return made
