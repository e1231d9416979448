"""Hand-checked braille cells: every expectation is written as dot numbers from the braille codes
(Unified Arabic Braille chart as published by Mada; CBFU for French), not copied from liblouis output."""

from __future__ import annotations

import pytest

from transform.braille import BrailleOptions, translate_text


def dots(spec: str) -> str:
    """``"1245-1-12356"`` -> Unicode braille; ``0`` is a blank cell."""
    return "".join(chr(0x2800 + sum(1 << (int(d) - 1) for d in cell if d != "0")) for cell in spec.split("-"))


AR = [
    ("بيت", "12-24-2345"),
    ("خبز", "1346-12-1356"),
    ("كاع", "13-1-12356"),
    # Moroccan and borrowed letters (our table ar-ma-g1, docs/braille.md)
    ("ڭاع", "1245-1-12356"),  # ڭ U+06AD = gaf cell 1245
    ("ݣاع", "1245-1-12356"),  # ݣ U+0763, same sound, same cell
    ("گاع", "1245-1-12356"),  # گ U+06AF, Persian braille
    ("پاريس", "1234-1-1235-24-234"),  # پ U+067E = 1234, Persian braille
    ("ڤيلا", "4-1236-24-1236"),  # ڤ U+06A4 = 4-1236, لا = 1236
    ("فيلا", "124-24-1236"),
    # digits: number sign 3456 then a-j cells, Western and Arabic-Indic alike
    ("2026", "3456-12-245-12-124"),
    ("٢٠٢٦", "3456-12-245-12-124"),
    ("1 250 000 درهم", "3456-1-12-15-245-245-245-245-0-145-1235-125-134"),
    ("١٬٢٥٠٬٠٠٠ درهم", "3456-1-12-15-245-245-245-245-0-145-1235-125-134"),
    ("78 %", "3456-1245-125-0-25-1234"),
    ("٧٨ ٪", "3456-1245-125-0-25-1234"),
    ("15/03/2026", "3456-1-15-456-36-3456-245-14-456-36-3456-12-245-12-124"),
    ("نعم، لا؟", "1345-12356-134-5-0-1236-236"),
]


@pytest.mark.parametrize(("text", "spec"), AR)
def test_arabic_cells(text: str, spec: str) -> None:
    assert translate_text(text, "ar") == dots(spec)


def test_darija_uses_the_moroccan_table() -> None:
    assert translate_text("ڭاع ڤ پ", "ary") == dots("1245-1-12356-0-4-1236-0-1234")


FR_G1 = [
    ("Élève", "46-123456-123-2346-1236-15"),
    ("à l'école", "12356-0-123-3-123456-14-135-123-15"),
    ("Ça coûte", "46-12346-1-0-14-135-156-2345-15"),
    ("ÉTAT", "46-46-123456-2345-1-2345"),
]


@pytest.mark.parametrize(("text", "spec"), FR_G1)
def test_french_grade1_accents_and_capitals(text: str, spec: str) -> None:
    assert translate_text(text, "fr", BrailleOptions(french="g1")) == dots(spec)


FR_G2 = [
    # Antoine digits: prefix 6, 1=16 2=126 5=156 0=3456 7=12456 8=1256; DH = caps-word 46-46 + d h
    ("1 250 000 DH", "6-16-126-156-3456-3456-3456-3456-0-46-46-145-125"),
    ("1\u202f250\u202f000\u00a0DH", "6-16-126-156-3456-3456-3456-3456-0-46-46-145-125"),
    ("78 %", "6-12456-1256-0-5-346"),
    ("15/03/2026", "6-16-156-34-3456-146-34-126-3456-126-1246"),
    ("2,8", "6-126-2-1256"),
]


@pytest.mark.parametrize(("text", "spec"), FR_G2)
def test_french_numbers_amounts_dates(text: str, spec: str) -> None:
    assert translate_text(text, "fr") == dots(spec)


def test_french_arabic_indic_digits_are_not_dropped() -> None:
    # fr-bfu silently turns ٧ into a blank cell; we normalise to ASCII digits first
    assert translate_text("٧٨ %", "fr") == dots("6-12456-1256-0-5-346")


def test_english_ueb() -> None:
    assert translate_text("78 %", "en") == dots("3456-1245-125-0-46-356")
