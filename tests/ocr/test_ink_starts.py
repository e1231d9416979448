"""Where an OCR'd title's ink starts, its dropped mark included (transform/ocr/ink_starts.py), and the levels of
underlined OCR'd titles set by it (transform/ingest/pdf_scan_heads.py ``_indent_levels``).

The Sfax notice (``tn-sfax-ar-balagh-2022`` p. 5) marks its sub-titles ``❖`` and a sub-title under them ``*``, a
little further in; OCR read the marks ``_``, ``*`` or dropped them, and the line boxes' edges stand 5.5 pt apart
between ranks against 2 pt between siblings: under the 11.5 pt (one size) the boxes' cue asks for, so
``كيفية تقديم ملف الترشح`` came out at its parent's level. Measured on the ink, the edges are the marks' own and the
step is INK_INDENT sizes. The three titles' boxes and ink edges below are frozen from that page's reading."""

from __future__ import annotations

from PIL import Image, ImageDraw

from transform.ingest.base import TextLine
from transform.ingest.pdf_block_group import _Group
from transform.ingest.pdf_scan_heads import _indent_levels
from transform.ocr.ink_starts import mark_ink_starts
from transform.ocr.render import PageImage


def test_the_ink_start_takes_in_a_mark_the_box_left_out() -> None:
    img = Image.new("L", (400, 100), 255)
    draw = ImageDraw.Draw(img)
    draw.rectangle((100, 40, 300, 60), fill=0)  # the words
    draw.rectangle((312, 44, 320, 56), fill=0)  # a mark, 12 px off (under a line height)
    draw.rectangle((380, 40, 390, 60), fill=0)  # something far beyond: not the line's
    pimg = PageImage(image=img, dpi=72.0, page=1, width_pt=400.0, height_pt=100.0)
    ln = TextLine("عنوان", 100.0, 40.0, 301.0, 60.0, size=20.0, underline=True)
    plain = TextLine("نص", 100.0, 40.0, 301.0, 60.0, size=20.0)
    mark_ink_starts(pimg, [ln, plain])
    assert ln.ink is not None and abs(ln.ink[1] - 320.0) <= 1.0 and abs(ln.ink[0] - 100.0) <= 1.0
    assert plain.ink is None  # only underlined lines (titles) are measured


def _title(text: str, top: float, x0: float, x1: float, ink: tuple[float, float] | None) -> _Group:
    ln = TextLine(text, x0, top, x1, top + 12.0, size=11.5, page=5, confidence=0.9, underline=True, ink=ink)
    return _Group(kind="heading", lines=[ln], size=11.5, rtl=True, level=3, body=11.5)


def _sfax(ink: bool) -> list[_Group]:
    return [_title("عند الترشح للامتحان المهني_:", 100.0, 609.7, 725.5, (609.7, 725.2) if ink else None),
            _title("_كيفية تقديم ملف الترشح :", 190.0, 620.4, 720.0, (620.4, 719.7) if ink else None),
            _title("* عند النجاح في الامتحان المهني :", 290.0, 600.8, 727.5, (600.8, 727.2) if ink else None)]


def test_titles_levelled_by_where_their_ink_starts() -> None:
    groups = _sfax(ink=True)
    _indent_levels(groups)
    assert [g.level for g in groups] == [3, 4, 3]


def test_without_the_ink_the_boxes_edges_keep_them_siblings() -> None:
    groups = _sfax(ink=False)
    _indent_levels(groups)
    assert [g.level for g in groups] == [3, 3, 3]
