"""Digits the page read in the ink of a stamp that was not read as figures leave their line in doubt (stamps.py).

NARSA's closing date is stamped ``2023 .. 03`` in a worn pad's pale blue over the dotted line of article 5. The
stamp is found on the line but its own readings are letters (``7}``, ``«C2``), so it stays in the page image and
the page reads the line ``يوم PL 1 وهو آخر أجل لقبول الترشيحات.``: the year is published as ``1``, unflagged.
The line is now ``digits_disagree``. The line's geometry and word boxes below are the page's (points), frozen.
"""

from __future__ import annotations

import numpy as np

from transform.ingest.base import TextLine
from transform.ocr import confidence, stamps

DPI = 250.0
TO_PX = DPI / 72.0
NARSA_WORDS = [("يوم", 496.8, 270.4, 508.3, 277.9), ("1", 448.1, 267.6, 451.6, 276.8), ("PL", 400.9, 267.6, 445.0, 277.6),
               ("وهو", 340.1, 270.4, 354.0, 277.9), ("آخر", 324.6, 266.4, 338.1, 277.9), ("أجل", 308.4, 265.8, 322.3, 277.1),
               ("لقبول", 285.7, 266.7, 306.1, 277.9), ("الترشيحات.", 243.9, 267.3, 283.1, 277.3)]


def _stamp(x0: int, top: int, x1: int, bottom: int, *, kept: bool = False) -> stamps.Stamp:
    ink = np.zeros((bottom - top, x1 - x0), bool)
    return stamps.Stamp(x0, top, x1, bottom, ink, ink, kept=kept)


def _narsa_line() -> tuple[TextLine, dict]:
    ln = TextLine("يوم PL 1 وهو آخر أجل لقبول الترشيحات.", 243.9, 265.8, 508.3, 277.9)
    return ln, {id(ln): (ln.text, list(NARSA_WORDS))}


def test_narsas_stamped_year_read_as_1_is_in_doubt() -> None:
    ln, rtl = _narsa_line()
    placed, unsure = stamps.place([_stamp(1391, 928, 1568, 965)], [ln], {}, DPI, rtl)
    assert (placed, unsure) == (0, 1)
    assert ln.doubt == confidence.DIGITS
    assert ln.text == "يوم PL 1 وهو آخر أجل لقبول الترشيحات."  # nothing guessed, nothing written


def test_no_doubt_without_a_number_read_in_the_stamp() -> None:
    # the same line with the stamp's ink read as letters only: nothing to flag
    ln, rtl = _narsa_line()
    rtl[id(ln)] = (ln.text, [w if w[0] != "1" else ("PL", *w[1:]) for w in NARSA_WORDS])
    assert stamps.place([_stamp(1391, 928, 1568, 965)], [ln], {}, DPI, rtl) == (0, 0)
    assert ln.doubt is None
    # a web address read with a digit in its garbage (``www.mem.gov.ma:3iLit``) is not a number
    ln2 = TextLine("على الموقع www.mem.gov.ma:3iLit الإلكتروني لقطاع التنمية", 100.0, 400.0, 500.0, 410.0)
    boxes = {id(ln2): [("www.mem.gov.ma:3iLit", 420.0, 401.0, 480.0, 409.0), ("لقطاع", 200.0, 400.0, 230.0, 410.0)]}
    assert stamps.place([_stamp(round(415 * TO_PX), round(400 * TO_PX), round(485 * TO_PX), round(410 * TO_PX))],
                        [ln2], boxes, DPI) == (0, 0)
    assert ln2.doubt is None


def test_a_blue_line_or_a_block_of_blue_print_is_no_stamp_over_a_line() -> None:
    # a blue footer line read alone: the line is the stamp's own ink, its numbers printed
    foot = TextLine("Tél. : 05 37 57 04 70", 150.0, 700.0, 260.0, 709.0)
    boxes = {id(foot): [("05", 180.0, 700.0, 190.0, 709.0), ("37", 192.0, 700.0, 202.0, 709.0)]}
    assert stamps.place([_stamp(round(148 * TO_PX), round(700 * TO_PX), round(262 * TO_PX), round(709 * TO_PX))],
                        [foot], boxes, DPI) == (0, 0)
    # four blue print lines grouped as one (29 pt high) over a line of 7 pt digits, the logo beside: not a stamp's ink
    wide = TextLine("NARSA Tél. : (212) 5 37 71 22 80/01", 12.0, 745.0, 400.0, 760.0)
    boxes = {id(wide): [("NARSA", 12.0, 745.0, 60.0, 760.0), ("(212)", 200.0, 752.0, 220.0, 759.0), ("37", 230.0, 752.0, 240.0, 759.0)]}
    assert stamps.place([_stamp(round(168 * TO_PX), round(743 * TO_PX), round(400 * TO_PX), round(772 * TO_PX))],
                        [wide], boxes, DPI) == (0, 0)
    assert foot.doubt is None and wide.doubt is None
