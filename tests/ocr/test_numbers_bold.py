"""Numbers read again line by line, and bold lines told from their strokes (numbers.py, weight.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from transform.ingest.base import TextLine
from transform.ocr.numbers import better_number, merge_numbers
from transform.ocr.render import PageImage
from transform.ocr.weight import line_strokes, mark_bold, standing_apart, stroke_width

FONTS = Path("/usr/share/fonts/truetype/noto")


# -- numbers -------------------------------------------------------------------------------


def test_a_lost_digit_is_put_back() -> None:
    text, n = merge_numbers("الصادر في 3 من صفر 1387 (2 يونيو 1967)", "الصادر في 23 من صفر 1387 (2 يونيو 1967)", surer=False)
    assert n == 1 and text == "الصادر في 23 من صفر 1387 (2 يونيو 1967)"
    text, n = merge_numbers("الشوائب المختلفة: من 1,1 إلى 3 % 2,0", "من 1,1 إلى 3 90 7 2,80", surer=False)
    assert n == 1 and text.endswith("3 % 2,80"), text  # a decimal that lost a digit; the soup around it is not taken


def test_a_misread_digit_needs_a_surer_second_reading() -> None:
    first, second = "2 من رمضان 1415 (22 فبراير 1005)", "22 من رمضان 1415 (22 فبراير 1995)"
    text, n = merge_numbers(first, second, surer=True)
    assert n == 2 and text == "22 من رمضان 1415 (22 فبراير 1995)"
    text, n = merge_numbers(first, second, surer=False)  # only the lost digit: 1005 stays
    assert n == 1 and text == "22 من رمضان 1415 (22 فبراير 1005)"


def test_a_third_reading_must_agree() -> None:
    line = "يتم، عند حلول الساعة الثانية صباحا من يوم الأحد 20 سبتمبر 2026، الرجوع"
    second = "يتم، عند حلول الساعة الثانية صباحا من يوم الأحد 20 سبتمبر 22026، الرجوع"  # a comma read as a digit
    assert merge_numbers(line, second, surer=True)[1] == 1  # alone, the second reading would be taken...
    assert merge_numbers(line, second, surer=True, third=line) == (line, 0)  # ...the third does not confirm it
    text, n = merge_numbers("في 3 من صفر 1387", "في 23 من صفر 1387", surer=False, third="في 23 من صفر 1387")
    assert n == 1 and text == "في 23 من صفر 1387"


def test_numbers_in_another_order_or_shorter_are_not_taken() -> None:
    line = "صادر في 18 من ذي الحجة 1447 (4 يونيو 2026)"
    assert merge_numbers(line, "2026 صادر في 18 من ذي الحجة 1447 (4 يونيو", surer=True) == (line, 0)  # 4 is not 1447
    assert merge_numbers("أكتوبر 22015م", "أكتوبر 2015", surer=True)[1] == 0  # shorter: not told from a lost digit
    assert not better_number("4", "1447", surer=True)
    assert not better_number("12.5", "125", surer=True)  # separators must agree
    assert not better_number("1234", "9876", surer=True)  # more than two digits changed
    assert better_number("12.5", "12.55", surer=False)


# -- bold ----------------------------------------------------------------------------------


def _page(lines: list[tuple[str, bool]], font: str, size: int = 34) -> tuple[PageImage, list[TextLine]]:
    regular = ImageFont.truetype(str(FONTS / f"{font}-Regular.ttf"), size)
    bold = ImageFont.truetype(str(FONTS / f"{font}-Bold.ttf"), size)
    img = Image.new("L", (1800, 120 + 70 * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    out = []
    for n, (text, is_bold) in enumerate(lines):
        y = 60 + 70 * n
        box = draw.textbbox((100, y), text, font=bold if is_bold else regular)
        draw.text((100, y), text, font=bold if is_bold else regular, fill=0)
        k = 72.0 / 250.0
        out.append(TextLine(text=text, x0=box[0] * k, top=box[1] * k, x1=box[2] * k, bottom=box[3] * k, size=10.0))
    return PageImage(img, 250.0, 1, img.width * 72 / 250, img.height * 72 / 250), out


@pytest.mark.skipif(not (FONTS / "NotoSans-Bold.ttf").exists(), reason="Noto fonts not installed")
@pytest.mark.parametrize(("font", "body", "title"), [
    ("NotoSans", "Les restrictions d'usage de l'eau applicables sont de niveau alerte", "ARRÊTE"),
    ("NotoNaskhArabic", "تحدد معايير جودة الدقيق المدعوم بنوعيه طبقا للخصائص الواردة في القرار", "المادة السادسة"),
])
def test_bold_lines_are_found_from_their_strokes(font: str, body: str, title: str) -> None:
    rows = [(body, False)] * 3 + [(title, True)] + [(body, False)] * 3 + [(body[:40], True)]
    pimg, lines = _page(rows, font)
    assert mark_bold(pimg, lines) == 2
    assert [ln.bold for ln in lines] == [False, False, False, True, False, False, False, True]
    strokes = line_strokes(pimg, lines)
    assert all(s is not None for s in strokes)
    assert strokes[3] > 1.25 * strokes[0]  # type: ignore[operator]


@pytest.mark.skipif(not (FONTS / "NotoSans-Bold.ttf").exists(), reason="Noto fonts not installed")
def test_no_bold_without_body_lines_to_compare_or_on_a_regular_page() -> None:
    pimg, lines = _page([("ARRÊTE", True), ("Article 1", False)], "NotoSans")
    assert mark_bold(pimg, lines) == 0  # too few body lines: nothing is claimed
    pimg, lines = _page([("Les restrictions d'usage de l'eau applicables sont de niveau alerte", False)] * 6, "NotoSans")
    assert mark_bold(pimg, lines) == 0


@pytest.mark.skipif(not (FONTS / "NotoSans-Bold.ttf").exists(), reason="Noto fonts not installed")
def test_bold_lines_inside_a_block_are_not_marked() -> None:
    """The lines of a bold sentence in a paragraph, or of a bold title block, are close to the
    lines around them: marked bold, each would become a heading of its own."""
    body = "Les restrictions d'usage de l'eau applicables sont de niveau alerte"
    pimg, lines = _page([(body, False)] * 6 + [("ARRÊTE", True)], "NotoSans")
    stacked = []
    for n, ln in enumerate(lines):
        h = ln.bottom - ln.top
        top = 20 + n * 1.3 * h if n < 6 else 20 + 9 * 1.3 * h  # six lines of a block, then one standing apart
        stacked.append(TextLine(text=ln.text, x0=ln.x0, top=top, x1=ln.x1, bottom=top + h, size=10.0))
    lines = [TextLine(text="Nos communes doivent faire face", x0=ln.x0, top=ln.top, x1=ln.x1, bottom=ln.bottom) for ln in stacked[:1]]
    assert standing_apart(stacked[6], stacked) and not any(standing_apart(ln, stacked) for ln in stacked[:6])
    assert not standing_apart(lines[0], [lines[0], stacked[1]])


def test_stroke_width_of_drawn_bars() -> None:
    import numpy as np

    thin = np.zeros((60, 200), dtype=bool)
    thin[10:50, 20:23] = thin[10:50, 60:63] = thin[10:50, 100:103] = True
    thick = np.zeros((60, 200), dtype=bool)
    thick[10:50, 20:26] = thick[10:50, 60:66] = thick[10:50, 100:106] = True
    a, b = stroke_width(thin), stroke_width(thick)
    assert a is not None and b is not None
    assert 2.5 <= a <= 3.5 and 5.0 <= b <= 6.5
    assert stroke_width(np.zeros((10, 10), dtype=bool)) is None
