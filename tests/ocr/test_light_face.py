"""A light face's unknown words mended from a larger render's reading (light_face.py): the measure
that tells a light face, the words mended and the words left as read."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from transform.ingest.base import TextLine
from transform.ocr.light_face import LIGHT_RATIO, light_face, mend, stroke_ratio, word_counts
from transform.ocr.render import PageImage

NASKH = Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf")
DPI = 250.0
BODY = "وبناء على المذكرة الجوابية المدلى بها من طرف نائب المدعى عليه"


def _page(thin: bool) -> tuple[PageImage, list[TextLine]]:
    """Eight lines of 14 pt Naskh at 250 dpi, anti-aliased as a render is; ``thin``: every stroke
    made a pixel thinner on each side (a light face)."""
    img = Image.new("L", (1800, 1000), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(NASKH), 50)
    k = 72 / DPI
    lines = []
    for row in range(8):
        x0, top, x1, bottom = draw.textbbox((100, 80 + row * 110), BODY, font=font)
        draw.text((100, 80 + row * 110), BODY, font=font, fill=0)
        lines.append(TextLine(BODY, x0 * k, top * k, x1 * k, bottom * k))
    if thin:
        img = img.filter(ImageFilter.MaxFilter(3))
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    return PageImage(img, DPI, 1, img.width * k, img.height * k), lines


@pytest.mark.skipif(not NASKH.exists(), reason="Noto Naskh Arabic is needed to draw the test page")
def test_a_light_face_is_told_from_a_regular_one_by_its_strokes_against_its_lines() -> None:
    regular, lines = _page(thin=False)
    light, same = _page(thin=True)
    assert stroke_ratio(regular, lines) > LIGHT_RATIO + 0.01
    assert stroke_ratio(light, same) < LIGHT_RATIO - 0.01
    assert not light_face(regular, lines) and light_face(light, same)
    assert not light_face(light, same[:3])  # too few body lines to measure


def _line(text: str, top: float = 100.0) -> TextLine:
    return TextLine(text, 40.0, top, 550.0, top + 16.0, page=2)


# as the judgment's p. 2 reads them: kept (thickened, 250 dpi), the larger render (300 dpi), the other 250 dpi reading
KEPT = "المبالغ بصندوق المحكمة، لذلك ينعمس الحكم بعدم اختصاص هذه المحكمة لبنظر في الموضوع والحكم"
LARGER = "المبالغ بصندوق المحكمة، لذلك يلتمس الحكم بعدم اختصاص هذه المحكمة للنظر في الموضوع والحكم"
OTHER = "المبالغ بصندوق المحكمة. لذلك يلنمس الحكم بعدم اختصاص هذه المحكمة لنظر في الموضوع والحكم"


def test_unknown_words_are_mended_from_the_larger_reading() -> None:
    kept = [_line(KEPT)]
    seen = word_counts([kept])
    assert mend(kept, [_line(LARGER, 102.0)], seen, [_line(OTHER, 99.0)]) == 2
    assert kept[0].text == LARGER


def test_a_word_read_twice_or_read_alike_by_the_other_reading_stays() -> None:
    kept = [_line(KEPT)]
    seen = word_counts([kept, [_line("ينعمس لبنظر", 300.0)]])  # each read twice in the document
    assert mend(kept, [_line(LARGER)], seen, None) == 0
    # the other reading at 250 dpi reads the word alike: two readings against one (`الوجيبة`, right, stays)
    kept = [_line("والحكم عليه بأداء الوجيبة المذكورة وفسخ عقد الكراء")]
    larger = [_line("والحكم عليه بأداء الوخيمة المذكورة وفسخ عقد الكراء")]
    other = [_line("والحكم عليه بأداء الوجيبة المذكورة وفسخ عقد")]
    assert mend(kept, larger, word_counts([kept]), other) == 0
    assert "الوجيبة" in kept[0].text


@pytest.mark.parametrize(("kept", "larger"), [
    ("تقديم طلب بعرض", "تقديم طنب بعرض"),  # a known word is never touched (both ways)
    ("تقديم طنب بعرض", "تقديم طلب بعرض"),
    ("بتاريخ 2019/09/13 وأن", "بتاريخ 2019/09/18 وأن"),  # nor a number
    ("لذلك ينعمس الحكم", "لذلك يلتمسونهم الحكم"),  # more than a letter longer
    ("لذلك ينعمس الحكم", "لذلك مستقبل الحكم"),  # more than two letters off
    ("لذلك ينعمس الحكم", "لذلك يلتمس"),  # nothing aligned one for one
])
def test_nothing_but_an_unknown_word_a_letter_or_two_off_a_known_one_is_mended(kept: str, larger: str) -> None:
    lines = [_line(kept)]
    mend(lines, [_line(larger)], Counter(), None)
    assert lines[0].text == kept


def test_lines_that_do_not_overlap_are_not_matched() -> None:
    kept = [_line(KEPT, 100.0)]
    assert mend(kept, [_line(LARGER, 140.0)], word_counts([kept]), None) == 0
