"""A year's raised era sign kept (``transform/ocr/year_suffix.py``).

The Tangier council notice (``tanger-ar-session-2020-10``) p. 1 prints ``1436ه``, ``2015م`` and ``2020م`` with
the sign small and raised at the digits' left; the page's readings gave ``1436"``/``1436``, ``2015«``/``22015``
and ``2020``. Its other years, and every other year of the corpus's OCR'd pages, carry no sign."""

from __future__ import annotations

import numpy as np

from tests.ocr._pagebits import corpus_page, glyph_mask
from transform.ingest.base import TextLine
from transform.ocr.raised_calls import columns
from transform.ocr.year_suffix import era_sign, raised_sign, year_suffixes

DIGITS = [(40, 52, 10, 40), (56, 68, 10, 40), (72, 84, 10, 40), (88, 100, 10, 40)]


def _L(text: str, x0: float, top: float, x1: float, bottom: float) -> TextLine:
    return TextLine(text=text, x0=x0, top=top, x1=x1, bottom=bottom, page=1)


def _drawn(glyphs: list[tuple[int, int, int, int]], width: int = 110, height: int = 44) -> np.ndarray:
    return glyph_mask(glyphs, width, height)


def test_a_small_raised_mark_before_the_digits_is_the_sign() -> None:
    assert raised_sign(columns(_drawn([(20, 34, 6, 20), *DIGITS])))  # ه: wider than high, up at the digits' top
    assert raised_sign(columns(_drawn([(26, 34, 6, 28), *DIGITS])))  # م: narrow, its tail down to mid-height
    assert raised_sign(columns(_drawn([(8, 14, 30, 40), (26, 34, 6, 28), *DIGITS])))  # a comma after it, on the baseline
    assert not raised_sign(columns(_drawn(DIGITS)))  # nothing printed after the year
    assert not raised_sign(columns(_drawn([(30, 31, 8, 10), *DIGITS])))  # a speck is no sign (Sfax p. 1's table)
    assert not raised_sign(columns(_drawn([(26, 34, 30, 40), *DIGITS])))  # small on the baseline: a point
    assert not raised_sign(columns(_drawn([(26, 34, 10, 40), *DIGITS])))  # full height: a digit or a letter
    assert not raised_sign(columns(_drawn([(20, 34, 6, 20), *DIGITS[:2]])))  # two digits only: no year


def test_the_sign_is_the_years_era() -> None:
    assert era_sign(1436) == "ه" and era_sign(2015) == "م" and era_sign(1982) == "م"
    assert era_sign(1700) is None and era_sign(2150) is None and era_sign(1250) is None


def test_the_tangier_notices_years_get_their_printed_sign_only() -> None:
    pimg = corpus_page("tanger-ar-session-2020-10.pdf", 0)
    # tesseract's word boxes (points) of p. 1's lines, as the first reading listed them
    decree = _L("الصادر في 20 رمضان 1436 الموافق ل 07يوليوز 2015 يُعلن رئيس", 36, 154, 382, 172)
    decree_boxes = [("الصادر", 348, 155, 382, 170), ("في", 331, 156, 343, 172), ("20", 311, 157, 325, 167),
                    ("رمضان", 273, 156, 305, 170), ("1436", 234, 154, 268, 167), ("الموافق", 191, 155, 228, 170),
                    ("ل", 181, 155, 185, 166), ("07يوليوز", 135, 155, 175, 170), ("22015", 94, 154, 129, 167),
                    ("يُعلن", 66, 155, 87, 170), ("رئيس", 36, 157, 61, 170)]
    session = _L("2020 في (02) جلستين", 406, 210, 530, 228)
    session_boxes = [("«2020", 495, 210, 530, 223), ("à", 474, 211, 487, 228), ("(02)", 449, 213, 470, 225),
                     ("جلستين", 406, 211, 444, 226)]
    bare = _L("أكتوبر 2020 حسب", 272, 236, 359, 257)  # the next line's year: printed without a sign
    bare_boxes = [("أكتوبر", 329, 238, 359, 254), ("2020", 299, 241, 323, 251), ("حسب", 272, 236, 293, 257)]
    # the thickened reading's word for 2015, the sign read as a guillemet
    thick = _L("07يوليوز 2015« يُعلن", 66, 154, 175, 170)
    thick_boxes = [("07يوليوز", 134, 155, 176, 170), ("2015«", 94, 154, 129, 167), ("يُعلن", 66, 155, 87, 170)]
    lines = [decree, session, bare, thick]
    rtl = {id(decree): (decree.text, decree_boxes), id(session): ("2020 في (02) جلستين.", session_boxes),
           id(bare): (bare.text, bare_boxes), id(thick): (thick.text, thick_boxes)}
    assert year_suffixes(pimg, lines, rtl) == 4
    assert decree.text == "الصادر في 20 رمضان 1436ه الموافق ل 07يوليوز 2015م يُعلن رئيس"
    assert session.text == "2020م في (02) جلستين"  # its listing out of step with the text (a number pass): boxes used
    assert thick.text == "07يوليوز 2015م يُعلن" and rtl[id(thick)][1][1][0] == "2015"
    assert bare.text == "أكتوبر 2020 حسب" and bare.doubt is None
    assert decree.doubt == "ocr_low_confidence"  # the letter is the era's, not read: in doubt
