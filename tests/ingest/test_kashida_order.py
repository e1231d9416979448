"""A stretched word whose kashida is a glyph of its own (the Egyptian Gazette, law 8/2022 p. 9:
``سداد رسم`` read ``س داد رس مـ``): pdfium puts a space in the gap, :mod:`pdf_kashida` turns it back into
a tatweel, but the character keeps the space's empty box, set against the next letter. The line's
order check (:mod:`pdf_letter_order`) must not take that box for a letter drawn out of order."""

from __future__ import annotations

from transform.ingest.pdf_letter_order import reorder

WIDTHS = {"ص": 6.8, "ا": 0.95, "د": 5.16, "ر": 5.16, "س": 6.8, "م": 5.3}


def _line(text: str) -> tuple[str, dict[int, tuple[float, float]]]:
    """Right-to-left boxes: each letter left of the one before, a word space between words; a tatweel
    gets a gap of its own, 5 wide, but a box of no width just past the left edge of the next letter
    (where pdfium put its space: ``س`` 155.5-162.3, space 144.08, ``د`` 144.51-149.86)."""
    boxes: dict[int, tuple[float, float]] = {}
    x = 300.0
    for i, ch in enumerate(text):
        if ch == " ":
            boxes[i] = (x - 3.0, x - 3.0)
            x -= 3.0
        elif ch == "\u0640":
            x -= 5.0
            edge = x - WIDTHS[text[i + 1]] - 0.4
            boxes[i] = (edge, edge)
        else:
            w = WIDTHS[ch]
            boxes[i] = (x - w, x)
            x -= w
    return text, boxes


def test_a_mended_kashida_leaves_the_words_whole() -> None:
    # "صادر": its د and ر have equal widths and touch (a span's mark); the kashidas have no width
    text, boxes = _line("صادر سـداد رسـم")
    assert reorder(text, boxes.__getitem__, 10.0) is None
