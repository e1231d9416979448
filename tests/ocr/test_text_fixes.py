"""Pure parts of the OCR path: TSV parsing, logical order, size clustering, row finding."""

from __future__ import annotations

from PIL import Image, ImageDraw

from transform.ingest.base import TextLine
from transform.ocr.recover import insert_in_order, uncovered_segments
from transform.ocr.render import PageImage, estimate_skew
from transform.ocr.sizes import snap_sizes
from transform.ocr.tesseract import logical_rtl_words, parse_tsv

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def row(level: int, block: int, par: int, line: int, word: int, box: tuple[int, int, int, int], conf: float, text: str) -> str:
    return "\t".join(map(str, (level, 1, block, par, line, word, *box, conf, text)))


def page(dpi: float = 250) -> PageImage:
    return PageImage(Image.new("L", (2067, 2923), 255), dpi, 3, 595.0, 842.0)


def test_rtl_runs_of_numbers_and_latin_are_put_back_in_order() -> None:
    assert logical_rtl_words("يبلغ 000 000 250 1 درهم".split()) == "يبلغ 1 250 000 000 درهم".split()
    assert logical_rtl_words("جهة Khénifra Mellal Béni".split()) == "جهة Béni Mellal Khénifra".split()
    assert logical_rtl_words("سنة 2026".split()) == ["سنة", "2026"]


def test_parse_tsv_geometry_punctuation_and_bullets() -> None:
    tsv = "\n".join([
        HEADER,
        row(4, 1, 1, 1, 0, (250, 250, 1500, 60), -1, ""),
        row(5, 1, 1, 1, 1, (1600, 250, 150, 60), 91, "\u200fبرنامج"),
        row(5, 1, 1, 1, 2, (1400, 250, 180, 60), 90, "التنمية,"),
        row(5, 1, 1, 1, 3, (1300, 250, 60, 50), 88, "250"),
        row(5, 1, 1, 1, 4, (1250, 250, 30, 50), 88, "1"),
        row(4, 2, 1, 1, 0, (250, 500, 1000, 40), -1, ""),
        row(5, 2, 1, 1, 1, (250, 500, 20, 20), 60, "+"),
        row(5, 2, 1, 1, 2, (300, 500, 200, 40), 95, "Désenclaver"),
        row(5, 2, 1, 1, 3, (520, 500, 100, 40), 95, "les"),
        row(5, 2, 1, 1, 4, (640, 500, 100, 40), 95, "douars"),
    ])
    res = parse_tsv(tsv, page())
    assert [ln.text for ln in res.lines] == ["برنامج التنمية، 1 250", "• Désenclaver les douars"]
    first = res.lines[0]
    assert (round(first.x0, 1), round(first.top, 1)) == (72.0, 72.0)
    assert first.page == 3 and first.size > res.lines[1].size
    assert res.words == 8 and 80 < res.confidence < 95


def test_sizes_are_clustered_to_half_points() -> None:
    lines = [TextLine("نص " * 20, 0, 0, 1, 1, size=s) for s in (11.2, 11.8, 12.3, 11.5)]
    lines.append(TextLine("عنوان", 0, 0, 1, 1, size=17.6))
    snap_sizes(lines)
    assert {ln.size for ln in lines[:4]} == {11.5}
    assert lines[4].size == 17.5


def test_skipped_row_is_found_and_inserted_in_reading_order() -> None:
    pimg = page(72)
    draw = ImageDraw.Draw(pimg.image)
    for y in (100, 140, 180):
        draw.rectangle((100, y, 500, y + 20), fill=0)
    known = [TextLine("a", 100, 100, 500, 120), TextLine("c", 100, 180, 500, 200)]
    segs = uncovered_segments(pimg, known)
    assert len(segs) == 1 and abs(segs[0][1] - 140) <= 1
    insert_in_order(known, TextLine("b", 100, 140, 500, 160))
    assert [ln.text for ln in known] == ["a", "b", "c"]


def test_skew_is_measured() -> None:
    img = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(img)
    for y in range(200, 1400, 60):
        draw.rectangle((150, y, 1050, y + 18), fill=0)
    assert abs(estimate_skew(img)) < 0.3
    assert abs(estimate_skew(img.rotate(-2.0, fillcolor=255)) - 2.0) <= 0.25  # the rotation that straightens it
