"""A list's check mark read as a letter (check_marks.py): Putanges' minutes print ``✓ Vote le budget 2024``, read
``Y_ Vote`` or ``Ÿ Vote``; letters standing first on a line (``Y``, ``V``, ``A``, a slash) are no check mark.
Synthetic lines drawn with DejaVu, no tesseract call."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.ocr._pagebits import boxed_line
from transform.ingest.base import TextLine
from transform.ocr.check_marks import MARK, check_marks, check_shape, layer_marks
from transform.ocr.render import PageImage

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DPI = 200.0


def _glyph(text: str, size: int = 40) -> np.ndarray:
    img = Image.new("L", (120, 120), 255)
    ImageDraw.Draw(img).text((20, 20), text, font=ImageFont.truetype(str(FONT), size), fill=0)
    return np.asarray(img) < 128


def _drawn_check() -> Image.Image:
    """A check mark as a pen draws it: a short arm down to a foot, a long stroke up to the right."""
    img = Image.new("L", (120, 120), 255)
    ImageDraw.Draw(img).line([(30, 62), (44, 82), (78, 32)], fill=0, width=6)
    return img


def test_the_check_marks_shape() -> None:
    assert check_shape(_glyph("✓")) and check_shape(_glyph("✔"))
    assert check_shape(np.asarray(_drawn_check()) < 128)
    for letter in "YVAXvy/J":
        assert not check_shape(_glyph(letter)), letter


def _page(mark: str, gap: int = 40) -> tuple[PageImage, list[tuple[str, float, float, float, float]]]:
    img = Image.new("L", (900, 160), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 36)
    draw.text((20, 50), mark, font=font, fill=0)
    boxes = [draw.textbbox((20, 50), mark, font=font)]
    x = boxes[0][2] + gap
    for w in ("Vote", "le", "budget"):
        draw.text((x, 50), w, font=font, fill=0)
        boxes.append(draw.textbbox((x, 50), w, font=font))
        x = boxes[-1][2] + 14
    listed = [(w, b[0] * 72 / DPI, b[1] * 72 / DPI, b[2] * 72 / DPI, b[3] * 72 / DPI)
              for w, b in zip(["Y_", "Vote", "le", "budget"], boxes, strict=True)]
    return PageImage(image=img, dpi=DPI, page=1, width_pt=900 * 72 / DPI, height_pt=160 * 72 / DPI), listed


_line = boxed_line


def test_a_check_mark_read_as_a_letter_is_written_as_the_mark() -> None:
    image, listed = _page("✓")
    ln, result = _line(listed)
    assert check_marks(image, [ln], result) == 1
    assert ln.text == f"{MARK} Vote le budget"
    assert result.word_boxes[id(ln)][0][0] == MARK


def test_a_letter_first_on_a_line_stays() -> None:
    for mark, gap in (("Y", 40), ("V", 40), ("✓", 4)):  # a letter's shape, or no gap after the mark
        image, listed = _page(mark, gap)
        ln, result = _line(listed)
        assert check_marks(image, [ln], result) == 0, mark
        assert ln.text == "Y_ Vote le budget"


def test_no_letter_of_the_installed_latin_fonts_has_the_marks_shape() -> None:
    import string

    names = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSerif-BoldItalic.ttf", "NotoSans-Regular.ttf",
             "NotoSerif-Bold.ttf", "NotoSerifDisplay-Bold.ttf", "NotoSans-BoldItalic.ttf")
    fonts = [p for p in Path("/usr/share/fonts/truetype").glob("*/*.ttf") if p.name in names]  # Z and / passed a first rule
    assert len(fonts) >= 3
    for font in fonts:
        for ch in string.ascii_letters + "ŸÿÀ/\\<>":
            img = Image.new("L", (80, 80), 255)
            ImageDraw.Draw(img).text((15, 10), ch, font=ImageFont.truetype(str(font), 34), fill=0)
            assert not check_shape(np.asarray(img) < 128), (font.name, ch)


def _layer_line(listed: list[tuple[str, float, float, float, float]], first: str) -> TextLine:
    """The line as a kept earlier OCR's layer gives it: its text and box, no word boxes."""
    return TextLine(" ".join([first, *(w for w, *_b in listed[1:])]), listed[0][1], min(b[2] for b in listed),
                    listed[-1][3], max(b[4] for b in listed), size=12)


def test_a_kept_layers_check_mark_read_as_a_letter_is_written_as_the_mark() -> None:
    # Putanges p. 16: ocrmypdf's layer reads the list's check marks `v`, `Y`, `Y’_`: the ink at the line's start decides
    for read in ("v", "Y", "Y’_", "*_"):
        image, listed = _page("✓")
        ln = _layer_line(listed, read)
        assert layer_marks(image, [ln]) == 1, read
        assert ln.text == f"{MARK} Vote le budget"


def test_a_kept_layers_first_letter_stays() -> None:
    for mark, read in (("Y", "Y"), ("V", "V"), ("A", "A")):
        image, listed = _page(mark)
        ln = _layer_line(listed, read)
        assert layer_marks(image, [ln]) == 0, mark
        assert ln.text == f"{read} Vote le budget"
    image, listed = _page("✓")
    ln = _layer_line(listed, "Vote")  # a line whose first word is a word: not looked at
    ln.text = "Vote le budget"
    assert layer_marks(image, [ln]) == 0
