"""Type drawn over a watermark's grey binarised as it would be on paper (grey_ground.py): the edges
of its strokes are divided by the grey under them, so that the words on a court's emblem reach
tesseract neither bold nor blotted; a page with no grey layer removed is untouched."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from transform.ocr.grey_ground import flatten_edges
from transform.ocr.render import PageImage, otsu_threshold, preprocess

NASKH = Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf")
DPI = 250.0
TEXT = "والإجراءات المضمنة بالوثائق المدلى بها أنجزت بعد انقضاء أجل"
needs_font = pytest.mark.skipif(not NASKH.exists(), reason="Noto Naskh Arabic is needed to draw the test page")


def _page(ground: int | None) -> Image.Image:
    """Twelve lines of 12 pt Naskh, anti-aliased as a render is; ``ground``: the grey of a block
    drawn under the middle of the text (a watermark's emblem), None for none."""
    img = Image.new("L", (1800, 1300), 255)
    draw = ImageDraw.Draw(img)
    if ground is not None:
        draw.ellipse((300, 400, 800, 900), fill=ground)
    font = ImageFont.truetype(str(NASKH), 42)
    for row in range(12):
        draw.text((120, 120 + row * 90), TEXT, font=font, fill=0)
    return img


def _binarised(img: Image.Image) -> np.ndarray:
    k = 72 / DPI
    return np.asarray(preprocess(PageImage(img, DPI, 1, img.width * k, img.height * k), scanned=False).image) == 0


@needs_font
def test_type_over_a_dark_grey_comes_out_as_thin_as_on_paper() -> None:
    on_paper = _binarised(_page(None))
    inside = np.zeros_like(on_paper)
    inside[480:820, 380:720] = True  # well inside the grey block
    away = np.ones_like(on_paper)
    away[390:910, 290:810] = False  # off the block and its rim
    for ground in (70, 100):  # the judgment's emblem is drawn in greys of 60-110
        read = _binarised(_page(ground))
        ink, extra = on_paper[inside].sum(), (read & ~on_paper)[inside].sum()
        # before: every stroke over the grey a pixel thicker on each side (0.7-0.8 as much ink again)
        assert extra < 0.1 * ink, (ground, extra, ink)
        assert (read & on_paper)[inside].sum() > 0.97 * ink  # and none of the type lost
        assert (read == on_paper)[away].mean() > 0.998  # the type on paper as before (the threshold moves a little)


@needs_font
def test_a_page_without_a_grey_layer_is_not_touched() -> None:
    page = _page(None)
    level = otsu_threshold(page)
    out, changed = flatten_edges(page, level)
    assert changed == 0 and out is page
    pale = _page(235)  # a pale shading, lighter than the threshold: nothing removed, nothing flattened
    k = 72 / DPI
    pimg = PageImage(pale, DPI, 1, pale.width * k, pale.height * k)
    assert preprocess(pimg, scanned=False).cleaned == 0.0


def test_an_edge_pixel_is_divided_by_the_ground_around_it() -> None:
    """A stroke's core (0) and its anti-aliased edge (a blend of ink and the grey 100) on a ground of
    100: the edge comes out as the same blend over white paper would be."""
    a = np.full((40, 40), 255, dtype=np.uint8)
    a[5:35, 5:35] = 100  # the grey layer
    a[10:30, 14:26] = 0  # a stroke
    a[10:30, 13] = 50  # its edges: half ink, half grey
    a[10:30, 26] = 50
    out, changed = flatten_edges(Image.fromarray(a), 150)
    b = np.asarray(out)
    assert changed > 0
    assert (b[10:30, 14:26] == 0).all()
    assert abs(int(b[20, 13]) - 128) <= 2 and abs(int(b[20, 26]) - 128) <= 2  # 50 x 255 / 100
    assert (b[0:4] == 255).all() and (b[15, 8] == 100)  # paper and the grey away from the type unchanged
