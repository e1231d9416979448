"""A speck at a line's end read as a lone digit is dropped; a printed digit stays
(``transform/ocr/end_specks.py``).

Couthenans' minutes (``couthenans-cr-2022-10``) p. 3: a dash of dust beside the end of the
motion's paragraph ``... de notre économie.`` was read ``1``, a page number left in the body."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from tests.ocr._pagebits import Line as _L
from tests.ocr._pagebits import read_corpus_page
from transform.model import Paragraph
from transform.ocr.end_specks import drop_end_specks
from transform.ocr.render import PageImage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from _realpages import block_text, doc_blocks  # noqa: E402


def _page(last_ink: tuple[int, int]) -> tuple[PageImage, _L, dict[int, list[tuple[str, float, float, float, float]]]]:
    """A 72 dpi page (1 px = 1 pt): three words 20 px high and a last one-digit word whose ink
    spans the rows ``last_ink`` inside its box."""
    img = Image.new("L", (400, 100), 255)
    d = ImageDraw.Draw(img)
    words = [("notre", 10, 60), ("belle", 70, 120), ("économie.", 130, 220)]
    for _w, x0, x1 in words:
        d.rectangle((x0, 40, x1, 59), fill=0)
    d.rectangle((240, last_ink[0], 244, last_ink[1]), fill=0)
    boxes = [(w, float(x0), 38.0, float(x1), 62.0) for w, x0, x1 in words] + [("1", 238.0, 38.0, 246.0, 62.0)]
    ln = _L("notre belle économie. 1", 10.0, 38.0, 246.0, 62.0)
    return PageImage(img, 72.0, 1, 400.0, 100.0), ln, {id(ln): boxes}


def test_a_speck_read_as_a_last_digit_is_dropped() -> None:
    pimg, ln, boxes = _page((50, 52))  # a dash 3 px high
    assert drop_end_specks(pimg, [ln], boxes) == 1  # type: ignore[list-item]
    assert ln.text == "notre belle économie."
    assert [b[0] for b in boxes[id(ln)]] == ln.text.split() and ln.x1 == 220.0


def test_a_printed_last_digit_stays() -> None:
    for ink in ((40, 59), (40, 52)):  # a full-height 1, and a superscript note call
        pimg, ln, boxes = _page(ink)
        assert drop_end_specks(pimg, [ln], boxes) == 0  # type: ignore[list-item]
        assert ln.text == "notre belle économie. 1"


@pytest.mark.slow
def test_couthenans_motion_paragraph_ends_without_the_speck(tmp_path: Path) -> None:
    blocks = doc_blocks(read_corpus_page("couthenans-cr-2022-10.pdf", 3))
    texts = [block_text(b) for b in blocks if isinstance(b, Paragraph)]
    ending = [t for t in texts if "notre économie" in t]
    assert ending and all(t.rstrip().endswith("économie.") for t in ending), ending
