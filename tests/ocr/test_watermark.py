"""The grey layer under the type of a rendered page (watermark.py): removed where it lies under
black type, never touched on clean pages, on grey type standing apart or on a pale shading."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from transform.ocr.render import otsu_threshold, preprocess, render_page
from transform.ocr.watermark import remove_grey_layer

REALDOCS = Path(__file__).resolve().parents[1] / "realdocs" / "files"
FONT = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
DPI = 250.0


def _page(watermark: bool, grey_heading: bool = False, body: bool = True) -> Image.Image:
    """A page of black lines of type (250 dpi, 12 pt); optionally a large grey word drawn under
    them (a watermark) and a grey line of type standing on its own above them."""
    img = Image.new("L", (1500, 1400), 255)
    draw = ImageDraw.Draw(img)
    if watermark:
        big = ImageFont.truetype(str(FONT), 260)
        draw.text((120, 420), "COURT", font=big, fill=140)
    if grey_heading:
        draw.text((150, 80), "A heading set in grey type", font=ImageFont.truetype(str(FONT), 60), fill=110)
    font = ImageFont.truetype(str(FONT), 42)
    for row in range(14 if body else 0):
        draw.text((150, 250 + row * 75), "the council decided on the budget of the year 2026", font=font, fill=0)
    return img


@pytest.mark.skipif(not FONT.exists(), reason="Noto Sans is needed to draw the test page")
def test_a_grey_word_under_black_type_is_removed_and_the_type_kept() -> None:
    page = _page(watermark=True)
    level = otsu_threshold(page)
    out, layer = remove_grey_layer(page, DPI, level)
    assert layer.removed > 0.1 and layer.under >= 0.5
    a, b = np.asarray(page), np.asarray(out)
    assert (b[a == 0] == 0).all()  # every pixel of the black type is still there
    # the watermark's own pixels (darker than the threshold) are gone, but where they touch the type
    wm = np.asarray(_page(watermark=True, body=False)) <= level
    by_type = np.asarray(_page(watermark=False).filter(ImageFilter.MinFilter(5))) <= 32
    assert wm.sum() > 20000
    assert (b[wm & ~by_type] == 255).mean() > 0.97
    # binarised, the page is the page without its watermark, but for the rim touching the type
    clean = np.asarray(_page(watermark=False)) <= level
    left = (b <= level) & ~clean
    assert left.sum() < 0.05 * wm.sum()
    assert ((b <= level) & clean).sum() == clean.sum()


@pytest.mark.skipif(not FONT.exists(), reason="Noto Sans is needed to draw the test page")
def test_a_clean_page_and_grey_type_standing_apart_are_left_alone() -> None:
    for page in (_page(watermark=False), _page(watermark=False, grey_heading=True)):
        out, layer = remove_grey_layer(page, DPI, otsu_threshold(page))
        assert out is page and layer.removed == 0.0


@pytest.mark.parametrize(("doc", "page"), [
    ("cese-ar-avis-biodiversite-2025", 5),  # grey and coloured type, a blue running header
    ("indh-cadrage-2025", 1),  # colour graphics and a coloured title
    ("adala-ar-decree-2-14-343", 1),  # a large pale logo watermark beside the title
    ("bo-fr-7262-2024", 3),  # a plain text page
    ("tanger-ar-session-2020-10", 1),  # a table header shaded in pale blue: paler than the threshold
])
def test_real_pages_without_a_watermark_under_the_type_are_unchanged(doc: str, page: int) -> None:
    pdf = pdfium.PdfDocument(str(REALDOCS / f"{doc}.pdf"))
    try:
        pimg = render_page(pdf, page - 1)
    finally:
        pdf.close()
    out, layer = remove_grey_layer(pimg.image, pimg.dpi, otsu_threshold(pimg.image))
    assert out is pimg.image, (doc, page, layer)
    assert preprocess(pimg, scanned=False).cleaned == 0.0


def test_the_judgment_watermark_is_found_and_removed() -> None:
    """The Casablanca judgment (vector outlines, no text layer): the court's emblem and names are
    printed in grey under the body text of page 2; they are removed before OCR, the type is kept."""
    pdf = pdfium.PdfDocument(str(REALDOCS / "ma-tc-casa-jugement-2271-2020.pdf"))
    try:
        pimg = render_page(pdf, 1)
    finally:
        pdf.close()
    level = otsu_threshold(pimg.image)
    out, layer = remove_grey_layer(pimg.image, pimg.dpi, level)
    assert layer.under > 0.9 and layer.removed > 0.15
    a, b = np.asarray(pimg.image), np.asarray(out)
    assert (b[a <= 32] <= 32).all()  # the black type is untouched
    # the watermark band (the court's names, grey 100-150, in the middle of the page) is paper now
    band = slice(int(a.shape[0] * 0.55), int(a.shape[0] * 0.65))
    off_type = np.asarray(pimg.image.filter(ImageFilter.MinFilter(5)))[band] > 32  # not the type's grey edges
    grey_before = ((a[band] > 90) & (a[band] <= level) & off_type).sum()
    grey_after = ((b[band] > 90) & (b[band] <= level) & off_type).sum()
    assert grey_before > 5000 and grey_after < 0.05 * grey_before
    cleaned = preprocess(pimg, scanned=False)
    assert cleaned.cleaned == pytest.approx(layer.removed)
    assert set(np.unique(np.asarray(cleaned.image))) <= {0, 255}
