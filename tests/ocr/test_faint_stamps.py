"""Pale stamps standing alone that no line of the page's reading holds leave their nearest line in doubt (``faint_stamps.py``).

NARSA's decision is dated with a dry pad's grey-blue stamp ``2023 <month> 18`` above its title ``قرار``, off any
printed line: too pale for ``stamps.find`` (darkest channel 150-200, blue over red 20-60) and never a line of
tesseract's, so the date was missing without any doubt. Its ink is too broken to read; the title under it is now
``digits_disagree`` (the review page's "check against the source") and the page's report counts the stamp.
The inks below are drawn; the real page is read by the last test (one render, no tesseract call).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from transform.ingest.base import TextLine
from transform.ocr import confidence, faint_stamps, stamps

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"
PALE = (175, 190, 208)  # a dry pad's grey blue: darkest 175, blue over red 33
PAPER = (252, 252, 250)


def _page(colour: tuple[int, int, int] = PALE, *, printed_beside: bool = False, fill: bool = False) -> np.ndarray:
    rgb = np.full((400, 600, 3), PAPER, np.uint8)
    if fill:
        rgb[100:150, 100:300] = colour  # a shaded band
    else:
        for x in (100, 115, 130, 145, 220, 245):  # six figures' strokes 50 px high (and a gap for a month)
            rgb[100:150, x:x + 5] = colour
        rgb[120:140, 170:200] = colour  # a low scrawl
    if printed_beside:
        rgb[110:140, 270:370] = (20, 20, 20)  # a printed word on the stamp's line, a few pixels off
    return rgb


def test_a_pale_group_standing_alone_is_found() -> None:
    found = faint_stamps.find(_page(), 250.0)
    assert [(st.x0, st.top, st.x1, st.bottom, st.faint) for st in found] == [(100, 100, 250, 150, True)]


@pytest.mark.parametrize("kw", [{"printed_beside": True}, {"fill": True}, {"colour": (20, 40, 120)}, {"colour": (40, 60, 200)}])
def test_no_faint_group_on_a_printed_line_in_shading_or_in_dark_or_strong_ink(kw: dict) -> None:
    # on a printed line (stamps.find's case), a shaded band, a navy heading, a stamp blue enough for stamps.find
    assert faint_stamps.find(_page(**kw), 250.0) == []


def _faint(x0: int, top: int, x1: int, bottom: int) -> stamps.Stamp:
    ink = np.ones((bottom - top, x1 - x0), bool)
    return stamps.Stamp(x0, top, x1, bottom, ink, np.zeros_like(ink), faint=True)


def test_the_line_nearest_an_unread_faint_stamp_is_left_in_doubt() -> None:
    # NARSA p. 1 as read (points): the stamp at 137-189 x 82-98; ``---091 قرار`` to its right, the title's first
    # line under it, a line further down
    number = TextLine("---091 قرار", 222.0, 89.0, 490.0, 106.0)
    title = TextLine("بشأن فتح باب الترشيح لشغل منصب للمسؤولية", 113.0, 114.0, 341.0, 130.0)
    far = TextLine("شاغر بالمصالح المركزية من فئة رئيس مصلحة", 124.0, 138.0, 340.0, 154.0)
    st = _faint(round(137 * 250 / 72), round(82 * 250 / 72), round(189 * 250 / 72), round(98 * 250 / 72))
    assert faint_stamps.flag([st], [number, title, far], 250.0) == 1
    assert title.doubt == confidence.DIGITS and far.doubt is None and number.doubt is None
    # no line near it: told in the page's report only
    alone = TextLine("شاغر بالمصالح المركزية من فئة رئيس مصلحة", 124.0, 338.0, 340.0, 354.0)
    assert faint_stamps.flag([st], [alone], 250.0) == 1 and alone.doubt is None
    # a line of the reading lies on it (the page read what was stamped): nothing told
    read = TextLine("2023 18", 137.0, 84.0, 189.0, 97.0)
    other = TextLine("بشأن فتح باب الترشيح لشغل منصب للمسؤولية", 113.0, 114.0, 341.0, 130.0)
    assert faint_stamps.flag([st], [read, other], 250.0) == 0
    assert other.doubt is None and read.doubt is None
    # the figure stamps are stamps.place's: a faint one is none of its business
    assert stamps.place([st], [title], {}, 250.0) == (0, 0)


def test_narsas_pale_date_stamp_is_found_on_the_page() -> None:
    path = FILES / "ma-narsa-ar-decision-2023.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        rgb = np.asarray(pdf[0].render(scale=250 / 72.0).to_pil().convert("RGB"))
    finally:
        pdf.close()
    found = faint_stamps.find(rgb, 250.0)
    # one group, above the title, at the page's left half (the date stamp); the number 091 at the right is dark
    assert len(found) == 1
    st = found[0]
    assert st.top < rgb.shape[0] / 8 and st.x1 < rgb.shape[1] / 2
    assert stamps.find(rgb, 250.0) == [] or all(s.x1 < st.x0 or s.x0 > st.x1 or s.bottom < st.top or s.top > st.bottom
                                               for s in stamps.find(rgb, 250.0))
