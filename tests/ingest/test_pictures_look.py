"""The cheap look at a picture (pdf_pictures_look): a coloured JPEG photo is settled from its stream decoded small,
never drawn by pdfium at full size; a JPEG whose stream alone says nothing (a dark ground under a mask) is drawn as
before, and a drawing's black shapes (outside dark bands) settle it too. Real pages: the Seine guide's p. 41 colour
picture (488 x 537 pixels) and p. 19 grey diagram, the Cabestany ROB's p. 11 table pasted under a dark header."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest._realpages import FILES
from transform.ingest import pdf_pictures as pp
from transform.ingest.pdf_picture_text import image_rects
from transform.ingest.pdf_pictures_look import coloured_jpeg, image_object, jpeg_small

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
    assert coloured_jpeg(page, r, pp.LOOK_DPI, pp.MAX_COLOURED) is True


def test_photo_never_looked_at_again() -> None:
    class NoPages:
        def __getitem__(self, _i: int) -> Any:
            raise AssertionError("a page was loaded for a photo")

    photo = pp.PictureFigure(page=3, rect=(50.0, 100.0, 300.0, 300.0), lang="fr", photo=True)
    pp.read_figures(NoPages(), [photo], [pp.PageReport(page=3, method="text")])
    assert photo.probed and photo.paragraphs == [] and photo.confidence is None


def test_grey_jpeg_under_a_mask_drawn_and_its_black_shapes_seen(guide: Any) -> None:
    page = guide[18]  # p. 19: a grey diagram with black boxes and arrows, a JPEG whose mask makes its paper
    r = _largest(page)
    small = jpeg_small(image_object(page, r), (40, 20))
    assert small is not None  # a plain JPEG stream, dark alone: its stream settles nothing
    assert coloured_jpeg(page, r, pp.LOOK_DPI, pp.MAX_COLOURED) is False
    assert pp.paper_like(page, r) is False  # drawn: mostly paper, no colour, but 13 % solid ink in shapes


def test_drawn_ink_outside_dark_bands() -> None:
    import numpy as np

    haze = np.full((60, 100, 3), 255, dtype=np.uint8)
    haze[5:55:4, 10:90] = 150  # lines of small text drawn at 24 dpi: grey, never solid
    assert pp.drawn_ink(haze) == 0.0
    banner = haze.copy()
    banner[0:4, :] = 20  # a table's dark header row across the picture
    assert pp.drawn_ink(banner) == 0.0
    shapes = haze.copy()
    shapes[20:30, 10:20] = 0  # a black box and an arrow of a diagram
    shapes[40:42, 30:70] = 0
    assert pp.drawn_ink(shapes) > pp.MAX_DARK


def test_picture_of_a_table_under_its_header_band_still_asked() -> None:
    import pypdfium2 as pdfium

    path = FILES / "cabestany-rob-2026.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[10]  # p. 11: the VAT fractions' table pasted as a picture, its header row dark
        r = min(image_rects(page, page.get_height()), key=lambda x: x[1])  # the upper one, 422 x 94 points
        assert pp.paper_like(page, r) is True
    finally:
        pdf.close()
