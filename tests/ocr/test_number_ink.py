"""A number of an Arabic line whose ink runs past the digits tesseract read (number_ink.py).

Frozen crops of held-out Adala pages read with forced OCR (250 dpi) and tesseract's word boxes
there: ``536`` read ``6``, ``1.03.194`` read ``4 .``, ``1.61.346`` read ``6`` (its ``6`` inside the
next word's box); and ``1442`` read right beside ``(13``. The crop re-reads are replaced by fixed
answers, so no tesseract runs here.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from transform.ingest.base import TextLine
from transform.ocr import confidence, number_ink
from transform.ocr.render import PageImage

DATA = Path(__file__).parent / "data" / "number_ink"
DPI = 250
K = DPI / 72


def _case(name: str) -> tuple[Image.Image, str, list[tuple[str, float, float, float, float]]]:
    spec = json.loads((DATA / "boxes.json").read_text(encoding="utf-8"))[name]
    return Image.open(DATA / f"{name}.png").convert("L"), spec["text"], [tuple(b) for b in spec["boxes"]]


def _unread(name: str, word: str):
    image, _text, boxes = _case(name)
    n = next(i for i, b in enumerate(boxes) if b[0] == word)
    return number_ink.unread_ink(np.asarray(image), K, boxes[n], boxes[:n] + boxes[n + 1:])


def test_a_number_whose_ink_runs_past_its_box_is_found():
    assert _unread("lost_536", "6")[2:] == (3, False)  # 5 and 3 unread beside the 6
    assert _unread("lost_1-03-194", "4")[2:] == (6, False)  # six digits' ink, the points read apart
    found = _unread("lost_1-61-346", "6")
    assert found[3] is True  # the 6 of 61 lies in the next word's box: where the number ends is unknown


def test_a_number_read_whole_is_left_alone():
    assert _unread("sound_1442", "1442") is None
    assert _unread("sound_1442", "(13") is None


@pytest.mark.parametrize(("old", "reads", "count", "want"), [
    ("6", ["536", "536"], 3, "536"),
    ("4", ["1.03.194", "1.03.194"], 6, "1.03.194"),
    ("6", ["536", "336"], 3, None),  # the models differ
    ("6", ["53", "53"], 3, None),  # fewer digits than the ink shows
    ("6", ["5.3", "5.3"], 2, None),  # the digit first read is not in it
    ("2", ["2-", "2-"], 1, None),  # no number's form
])
def test_taken(old, reads, count, want):
    assert number_ink.taken(old, reads, count) == want


def _run(name: str, answers: list[str], monkeypatch) -> tuple[TextLine, dict]:
    image, text, boxes = _case(name)
    ln = TextLine(text, min(b[1] for b in boxes), 0.0, max(b[3] for b in boxes), image.height / K)
    rtl = {id(ln): (text, list(boxes))}
    monkeypatch.setattr(number_ink, "read_crops", lambda crops, **kw: [[(a, 90.0)] for a in answers[:len(crops)]])
    pimg = PageImage(image=image, dpi=DPI, page=1, width_pt=image.width / K, height_pt=image.height / K)
    number_ink.number_ink(pimg, [ln], rtl, 10.0)
    return ln, rtl


def test_the_whole_ink_read_alike_by_both_models_is_written(monkeypatch):
    ln, rtl = _run("lost_536", ["536"], monkeypatch)
    assert ln.text == "536 منه؛" and ln.doubt is None
    assert rtl[id(ln)][0] == ln.text and rtl[id(ln)][1][0][0] == "536"
    ln, _ = _run("lost_1-03-194", ["1.03.194"], monkeypatch)
    assert ln.text == "1.03.194 بتاريخ 14 من رجب" and ln.doubt is None  # the point read apart is part of it


def test_a_number_not_settled_puts_its_line_in_doubt(monkeypatch):
    ln, _ = _run("lost_536", [""], monkeypatch)
    assert ln.text == "6 منه؛" and ln.doubt == confidence.DIGITS


def test_a_number_whose_end_is_unknown_is_written_in_doubt(monkeypatch):
    ln, _ = _run("lost_1-61-346", ["1.346"], monkeypatch)
    assert ln.text.startswith("1.346 ") and ln.doubt == confidence.DIGITS
