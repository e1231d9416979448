"""A line of numbers only under an Arabic line, OCR'd (``tesseract.parse_tsv``).

Joint order 1096.26's cover ends its seven-line Arabic title with a line holding only the season,
printed ``2027-2026`` (typed ``2026-2027``: two Arabic numbers drawn right to left). Tesseract takes
a line without letters for a left-to-right one and lists what is drawn, so the range came out
``2027-2026``; the same range inside an Arabic line was already read ``2026-2027``. A line without
letters now takes the direction of the Arabic line before it, as a text layer's line does
(``pdf_bidi``'s context), for its numbers joined by dashes only. The boxes are made up (200 dpi).
"""

from __future__ import annotations

from PIL import Image

from transform.ocr.render import PageImage
from transform.ocr.tesseract import parse_tsv

HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
# tesseract lists an Arabic line's words right to left
TITLE = [("وعرضه", 1180, 900, 110, 50, 92.0), ("للبيع", 1050, 900, 100, 50, 92.0), ("برسم", 930, 900, 90, 50, 91.0),
         ("موسم", 810, 900, 90, 50, 93.0), ("التسويق", 640, 900, 140, 50, 92.0)]
SEASON = [("2027-2026", 720, 975, 200, 45, 94.0)]
FRENCH = [("Campagne", 600, 900, 200, 45, 94.0), ("agricole", 820, 900, 180, 45, 94.0)]
RATE = [("12%", 760, 975, 80, 45, 94.0)]


def _texts(lines: list[list[tuple[str, int, int, int, int, float]]]) -> list[str]:
    rows = [HEAD]
    for n, words in enumerate(lines, 1):
        x0, y0 = min(w[1] for w in words), min(w[2] for w in words)
        x1, y1 = max(w[1] + w[3] for w in words), max(w[2] + w[4] for w in words)
        rows.append(f"4\t1\t1\t1\t{n}\t0\t{x0}\t{y0}\t{x1 - x0}\t{y1 - y0}\t-1\t")
        for k, (text, left, top, width, height, conf) in enumerate(words, 1):
            rows.append(f"5\t1\t1\t1\t{n}\t{k}\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}")
    page = PageImage(Image.new("L", (1654, 2339), 255), 200, 1, 1654 * 72 / 200, 2339 * 72 / 200)
    return [ln.text for ln in parse_tsv("\n".join(rows) + "\n", page).lines]


def test_a_range_alone_under_an_arabic_line_reads_right_to_left() -> None:
    assert _texts([TITLE, SEASON]) == ["وعرضه للبيع برسم موسم التسويق", "2026-2027"]


def test_a_line_of_numbers_after_a_latin_line_or_alone_is_read_as_listed() -> None:
    assert _texts([FRENCH, SEASON])[-1] == "2027-2026"
    assert _texts([SEASON]) == ["2027-2026"]


def test_only_numbers_joined_by_dashes_change() -> None:
    assert _texts([TITLE, RATE])[-1] == "12%"
