"""The judgment's watermark names printed grey beside the bench's short lines (page 1 of the
Casablanca judgment): removed with the rest of the layer, the bench's lines read without them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from transform.ocr.render import PageImage, otsu_threshold, preprocess, render_page
from transform.ocr.tesseract import ocr_image
from transform.ocr.watermark import remove_grey_layer

JUDGMENT = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "ma-tc-casa-jugement-2271-2020.pdf"
WATERMARK_WORDS = ("المملكة", "المغربية", "المغربيه", "المجلس", "المحلس", "للسلطة", "للسلطه", "الاستئناف", "الأعلى", "الاعلى")


def _page1() -> PageImage:
    if not JUDGMENT.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(JUDGMENT))
    try:
        return render_page(pdf, 0)
    finally:
        pdf.close()


def test_the_watermark_beside_the_short_lines_is_removed_and_the_type_kept() -> None:
    pimg = _page1()
    level = otsu_threshold(pimg.image)
    out, layer = remove_grey_layer(pimg.image, pimg.dpi, level)
    a, b = np.asarray(pimg.image), np.asarray(out)
    assert (b[a <= 32] <= 32).all()  # the black type is untouched
    # the whole grey layer darker than the threshold is gone, in the body beside the lines too
    assert layer.removed == pytest.approx(layer.share) and layer.removed > 0.25
    # the left of the bench's band (the names printed grey, no black type there) is paper once binarised
    h, w = a.shape
    band = (slice(int(h * 0.54), int(h * 0.63)), slice(int(w * 0.15), int(w * 0.40)))
    assert (a[band] <= level).sum() > 1500
    assert (b[band] <= level).sum() < 20


def test_the_bench_lines_are_read_without_the_watermark_names() -> None:
    pimg = preprocess(_page1(), scanned=False)
    h = pimg.image.height
    top = int(h * 0.50)
    crop = PageImage(pimg.image.crop((0, top, pimg.image.width, int(h * 0.64))), pimg.dpi, 1, pimg.width_pt, pimg.height_pt * 0.14)
    text = " ".join(line.text for line in ocr_image(crop, "ara", timeout=60, psm=6).lines)
    assert not [w for w in WATERMARK_WORDS if w in text], text
    for word in ("عريب", "رئيسا", "ومقررا", "عضوا", "خديجة", "الضبط"):
        assert word in text, text
