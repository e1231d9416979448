"""A raised note call against a number's end taken off the number (``transform/ocr/raised_calls.py``).

The joint order 1096.26 (``adala-ar-joint-order-1096-26``) p. 2 prints ``2026-2027`` and the call
``1`` raised at its left; the page reading gave ``2026-12027``."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.ocr._pagebits import Line as _L
from tests.ocr._pagebits import corpus_page, glyph_mask
from transform.ocr.raised_calls import columns, raised_calls, raised_lead, without_call

PDF = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "adala-ar-joint-order-1096-26.pdf"
DPI = 250.0


def _drawn(glyphs: list[tuple[int, int, int, int]], width: int = 120, height: int = 40) -> np.ndarray:
    return glyph_mask(glyphs, width, height)


def test_a_small_raised_glyph_before_full_digits_is_a_call() -> None:
    digits = [(20, 32, 10, 40), (36, 48, 10, 40), (52, 64, 10, 40), (68, 80, 10, 40)]
    assert raised_lead(columns(_drawn([(4, 10, 2, 20), *digits]))) == 1  # 0.6 high, foot 0.67 up
    assert raised_lead(columns(_drawn([(2, 8, 2, 20), (10, 16, 2, 20), *digits]))) == 2
    assert raised_lead(columns(_drawn(digits))) == 0
    assert raised_lead(columns(_drawn([(4, 10, 10, 40), *digits]))) == 0  # a full digit (a 1)
    assert raised_lead(columns(_drawn([(4, 10, 25, 40), *digits]))) == 0  # small on the baseline: a point
    assert raised_lead(columns(_drawn([(2, 16, 8, 14), *digits]))) == 0  # wider than high: a dash
    assert raised_lead(columns(_drawn([(4, 10, 2, 20), (20, 32, 10, 40), (36, 48, 10, 40)]))) == 0  # two digits kept only


def test_the_call_is_written_as_the_text_layer_writes_it() -> None:
    assert without_call("2026-12027", "12027", 1) == "2026-2027[1]"
    assert without_call("12027.", "12027", 1) == "2027[1]."
    assert without_call("2026-12026", "12027", 1) is None  # the drawn run is not in the word


def test_the_joint_orders_year_range_loses_its_call() -> None:
    pimg = corpus_page(PDF, 1, DPI)
    # tesseract's word boxes (points) of p. 2's line, as drawn; the line's text as the reading gave it
    ranged = [("12027-2026", 104.5, 265.2, 214.8, 285.1), ("التسويق", 225.0, 266.0, 280.0, 289.7)]
    ln = _L("التسويق 2026-12027", 104.5, 265.2, 280.0, 289.7)
    # the order's number and the Hijri year of p. 2's title, full digits (a point on the baseline): kept
    title = [("1096.26", 82.1, 141.4, 157.5, 158.1), ("رقم", 160.0, 141.0, 180.0, 158.0)]
    plain = _L("رقم 1096.26", 82.1, 136.8, 180.0, 162.4)
    year = [("1447", 234.7, 173.4, 280.5, 189.8), ("الحجة", 285.0, 173.0, 320.0, 190.0)]
    hijri = _L("الحجة 1447", 234.7, 168.8, 320.0, 194.7)
    rtl = {id(ln): (ln.text, ranged), id(plain): (plain.text, title), id(hijri): (hijri.text, year)}
    assert raised_calls(pimg, [ln, plain, hijri], rtl) == 1  # type: ignore[list-item]
    assert ln.text == "التسويق 2026-2027[1]"
    assert rtl[id(ln)][1][0][0] == "2027-2026"
    assert plain.text == "رقم 1096.26"
    assert hijri.text == "الحجة 1447"
