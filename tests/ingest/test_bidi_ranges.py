"""Two numbers joined by a hyphen in an Arabic text-layer line (``pdf_bidi``, ``pdf_visual_order._ascending_pair``).

A pair drawn ascending is read as drawn when it sits inside a sentence. Before, only a pair with an
Arabic word before it on its own line counted, with numbers of as many digits: decree 2.13.531 p. 2
prints ``وتم تغييرها بالمادة`` at the end of one line and ``1-17 من قانون المالية ...`` at the start
of the next, and the pair was read ``17-1``. A pair that opens a line after a table cell or a short
line stays an outline number (``3-1`` drawn ``1-3``, order 1033.21 p. 7), and a pair drawn
descending (a range ``2027-2026`` typed ``2026-2027``) keeps the right-to-left reading.

The line is synthetic: pdfium's text and glyph positions modelled on decree 2.13.531 p. 2's line
(x in points, the number at the line's right end as printed).
"""

from __future__ import annotations

from types import SimpleNamespace

from transform.ingest.pdf_bidi import WordOrderProbe, read_line

SIZE = 14.0
# pdfium's text of the line and where each piece is drawn (x0, x1): Arabic words right to left,
# digits left to right
PIECES = [("1", 495.2, 503.2), ("-", 503.3, 508.6), ("17", 508.5, 524.6), (" ", 491.2, 491.2), ("من", 476.5, 491.2),
          (" ", 472.5, 476.5), ("قانون", 445.4, 472.5), (" ", 441.4, 445.4), ("المالية", 411.5, 441.3),
          (" ", 407.5, 411.4), ("2012", 375.0, 407.0), ("؛", 370.0, 375.0)]


def _line(pieces: list[tuple[str, float, float]]) -> tuple[str, list[tuple[float, float]]]:
    text, boxes = "", []
    for piece, x0, x1 in pieces:
        step = (x1 - x0) / len(piece)
        rtl = any("\u0600" <= c <= "\u06ff" for c in piece)
        for k in range(len(piece)):
            a = x1 - (k + 1) * step if rtl else x0 + k * step
            boxes.append((a, a + step))
        text += piece
    return text, boxes


def _read(before: object | None, pieces: list[tuple[str, float, float]] = PIECES) -> str:
    text, boxes = _line(pieces)
    probe = WordOrderProbe()
    probe.before, probe.right = before, max(x1 for _, _, x1 in pieces)
    return read_line(text, lambda i: boxes[i], SIZE, True, probe)[0]


WIDE = SimpleNamespace(text="وتعويضها بالمادة 18 من قانون المالية رقم 43.10 وتم تغييرها بالمادة", rtl=True, x0=67.0, x1=524.5)


def test_a_pair_opening_a_line_that_goes_on_a_sentence_reads_as_drawn() -> None:
    assert _read(WIDE) == "1-17 من قانون المالية 2012؛"


def test_a_pair_opening_a_line_after_a_cell_or_a_finished_sentence_keeps_the_arabic_reading() -> None:
    cell = SimpleNamespace(text="3 تنظيم الشغل", rtl=True, x0=401.0, x1=524.5)  # a narrow line: a cell, not a paragraph
    ended = SimpleNamespace(text=WIDE.text + "؛", rtl=True, x0=67.0, x1=524.5)  # the sentence before is over
    indented = SimpleNamespace(text=WIDE.text, rtl=True, x0=67.0, x1=440.0)  # another column's or block's line
    for before in (None, cell, ended, indented):
        assert _read(before) == "17-1 من قانون المالية 2012؛", before


def test_a_pair_drawn_descending_keeps_the_right_to_left_reading() -> None:
    # a range typed 2026-2027 drawn 2027-2026: the sentence going on does not make it one run
    pieces = [("2027", 472.0, 504.0), ("-", 504.0, 508.6), ("2026", 508.6, 524.6), (" ", 468.0, 468.0),
              *((t, x0 - 24.0, x1 - 24.0) for t, x0, x1 in PIECES[4:])]
    assert _read(WIDE, pieces) == "2026-2027 من قانون المالية 2012؛"


def test_a_pair_inside_the_line_with_numbers_of_unequal_length_reads_as_drawn() -> None:
    # the same pair after an Arabic word on its own line: `بالمادة 1-17 من` (the equal-length rule had read 17-1)
    pieces = [("بالمادة", 526.0, 560.0), (" ", 524.6, 526.0), *PIECES]
    assert _read(None, pieces) == "بالمادة 1-17 من قانون المالية 2012؛"
