"""A point drawn between the digits of a number, found in the number's box (number_dots.py): on
drawn numbers, and on decree 2.19.720's annexed form, whose ``القانون رقم 65.99`` every reading
gave as ``6599``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from ocr_testkit import CORPUS_FILES
from PIL import Image, ImageDraw, ImageFont

from tests.ocr._pagebits import read_corpus_page
from transform.evaluation import normalize
from transform.model.walk import iter_blocks
from transform.ocr.number_dots import point_after

FONT = Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf")


def _ink(text: str, speck: tuple[int, int, int, int] | None = None) -> np.ndarray:
    img = Image.new("L", (400, 90), 255)
    draw = ImageDraw.Draw(img)
    draw.text((10, 5), text, font=ImageFont.truetype(str(FONT), 48), fill=0)
    if speck:
        draw.rectangle(speck, fill=0)
    ink = np.asarray(img) < 128
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]  # the word's box, tight as tesseract gives it


@pytest.mark.skipif(not FONT.exists(), reason="Noto Naskh Arabic is needed to draw the numbers")
def test_the_point_is_found_where_it_is_drawn() -> None:
    assert point_after(_ink("65.99"), 4) == 2
    assert point_after(_ink("1.250"), 4) == 1
    assert point_after(_ink("6599"), 4) is None  # no point drawn: nothing found
    # a square mark on the baseline in the gap is a point; above the baseline, or as tall as a
    # stroke, it is not; nor are two marks
    assert point_after(_ink("65 99", speck=(67, 52, 71, 56)), 4) == 2
    assert point_after(_ink("65 99", speck=(67, 30, 71, 34)), 4) is None
    assert point_after(_ink("65 99", speck=(67, 25, 70, 56)), 4) is None
    assert point_after(_ink("6.5.99"), 4) is None
    # the count of digits must match the ink: a reading with a digit too many or too few is not pointed
    assert point_after(_ink("65.99"), 5) is None and point_after(_ink("65.99"), 3) is None


@pytest.mark.slow
def test_the_labour_codes_number_keeps_its_point(tmp_path: Path) -> None:
    doc = read_corpus_page(CORPUS_FILES / "adala-ar-decree-2-19-720.pdf", 6)
    assert doc.meta.pages[0].method == "ocr"
    body = " ".join(normalize(" ".join(s.text for s in getattr(b, "sentences", []))) for _, b in iter_blocks(doc))
    assert "65.99" in body and "6599" not in body, body
