"""The cheap look at a picture (pdf_pictures_look): a coloured JPEG photo is settled from its stream decoded small,
never drawn by pdfium at full size; a JPEG whose stream alone says nothing (a dark ground under a mask) is drawn as
before. Real pages of the Seine guide: p. 41's colour picture (488 x 537 pixels) and p. 19's grey diagram."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest._realpages import FILES
from transform.ingest import pdf_pictures as pp
from transform.ingest.pdf_picture_text import image_rects
from transform.ingest.pdf_pictures_look import image_object, jpeg_small

GUIDE = FILES / "seine-normandie-guide-erc-2024.pdf"


def _largest(page: Any) -> tuple[float, float, float, float]:
    return max(image_rects(page, page.get_height()), key=lambda r: (r[2] - r[0]) * (r[3] - r[1]))


@pytest.fixture
def guide() -> Any:
    import pypdfium2 as pdfium

    if not GUIDE.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(GUIDE))
    yield pdf
    pdf.close()


def test_colour_photo_settled_from_its_stream_decoded_small(guide: Any) -> None:
    page = guide[40]
    r = _largest(page)
    small = jpeg_small(image_object(page, r), (60, 60))
    assert small is not None and small.mode == "RGB"
    assert small.size[0] <= 488 // 4 and small.size[1] <= 537 // 4  # libjpeg's scaled decoding, not the full image

    def no_drawing(*_a: Any, **_k: Any) -> Any:
        raise AssertionError("the photo was drawn by pdfium")

    page.render = no_drawing  # type: ignore[method-assign]
    assert pp.paper_like(page, r) is False


def test_grey_jpeg_under_a_mask_still_drawn(guide: Any) -> None:
    page = guide[18]
    r = _largest(page)
    small = jpeg_small(image_object(page, r), (40, 20))
    assert small is not None  # a plain JPEG stream, dark alone: its mask makes the paper
    assert pp.paper_like(page, r) is True  # drawn, mostly paper: asked of tesseract as on main
