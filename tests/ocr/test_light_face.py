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


SECOND = "والحكم عليه بأداء الوجيبة المذكورة وفسخ عقد الكراء"


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


def test_only_a_light_page_is_read_a_third_time_and_mended(monkeypatch: pytest.MonkeyPatch) -> None:
    """strokes.reread_thickened's wiring, tesseract stubbed: page 0 is light (a 300 dpi reading, its
    words mend the kept one), page 1 is not (no third reading)."""
    from concurrent.futures import ThreadPoolExecutor

    from transform.model import PageReport
    from transform.ocr import strokes

    rendered: list[tuple[int, float]] = []

    def render(_pdf: object, i: int, dpi: float = 250.0) -> PageImage:
        rendered.append((i, dpi))
        return PageImage(Image.new("L", (10, 10), 255), dpi, i + 1, 10.0, 10.0)

    def read(pimg: PageImage, _langs: list[str], **_kw: object) -> tuple[list[TextLine], PageReport]:
        text = (LARGER if pimg.dpi == 300.0 else KEPT) if pimg.page == 1 else SECOND
        line = _line(text)
        line.confidence = 0.9
        return [line], PageReport(page=pimg.page, method="ocr", reason="OCR")

    monkeypatch.setattr(strokes, "render_page", render)
    monkeypatch.setattr(strokes, "light_face", lambda pimg, _lines: pimg.page == 1)
    first = [_line(OTHER), _line(SECOND)]
    for ln in first:
        ln.confidence = 0.8
    out = [[first[0]], [first[1]]]
    reports: list[PageReport | None] = [PageReport(page=1, method="ocr"), PageReport(page=2, method="ocr")]
    used = {0: (["ar"], False, None, "vector"), 1: (["ar"], False, None, "vector")}
    with ThreadPoolExecutor(2) as pool:
        strokes.reread_thickened(object(), pool, used, out, reports, 10.0, read)  # type: ignore[arg-type]
    assert sorted(rendered) == [(0, 250.0), (0, 300.0), (1, 250.0)]
    # page 0: the thickened reading kept (surer), its unknown words mended from the larger render
    assert out[0][0].text == LARGER and "2 unknown words read again from a 300 dpi render" in reports[0].reason
    # page 1: the thickened reading kept as it was read
    assert out[1][0].text == SECOND and "light face" not in reports[1].reason
