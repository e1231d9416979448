"""Skipped rows read again, less an emblem the layout read nothing in (recover.py, issue 17).

The Santé decision's annexed list (p. 4): tesseract's layout finds the coat of arms between the letterhead's blocks
as a line with no words; read again as raw lines, its crown and ribbon came out as ``<< 1`` and ``2`` (67 %), two
extra words of the page. The MTEDD decision's stamped signature (p. 2) lies in such a line too, and its reading
``إمضاد : ليلى`` holds a word of the list: kept. Tesseract is stubbed: the readings are frozen.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

import transform.ocr.tesseract as tess
from transform.ingest.base import TextLine
from transform.ocr.recover import holds_words, in_blank
from transform.ocr.render import PageImage
from transform.ocr.tesseract import OcrResult, parse_tsv

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
EMBLEM = (902, 114, 1149, 382)  # Santé p. 4's empty line, pixels at 250 dpi


def _row(level: int, block: int, line: int, word: int, box: tuple[int, int, int, int], conf: float, text: str) -> str:
    return "\t".join(map(str, (level, 1, block, 1, line, word, *box, conf, text)))


def _page() -> PageImage:
    img = Image.new("L", (2067, 2923), 255)
    draw = ImageDraw.Draw(img)
    draw.rectangle((1480, 130, 1790, 185), fill=0)  # the letterhead's Arabic line
    draw.rectangle((910, 300, 990, 330), fill=0)  # the crown, read <<1
    draw.rectangle((1060, 300, 1115, 330), fill=0)  # ... and 2
    draw.rectangle((400, 1000, 1600, 1040), fill=0)  # a row tesseract skipped
    return PageImage(img, 250, 4, 595.0, 842.0)


def _reading(pimg: PageImage) -> OcrResult:
    tsv = "\n".join([HEADER,
                     _row(4, 1, 1, 0, (1480, 130, 310, 55), -1, ""),
                     _row(5, 1, 1, 1, (1480, 130, 150, 55), 93, "المملكة"),
                     _row(5, 1, 1, 2, (1640, 130, 150, 55), 93, "المغربية"),
                     _row(4, 3, 1, 0, (902, 114, 247, 268), -1, ""),  # the emblem: a line, no word
                     _row(5, 3, 1, 1, (902, 114, 247, 268), 95, " ")])
    return parse_tsv(tsv, pimg)


def _frozen(readings: dict[int, str]):  # noqa: ANN202 - a stub of read_rows
    def read_rows(pimg: PageImage, boxes: list[tuple[int, int, int, int]], langs: str, timeout: float) -> list[OcrResult]:
        out = []
        for x0, y0, x1, y1 in boxes:
            text = next(t for y, t in readings.items() if y0 <= y <= y1)
            ln = TextLine(text, x0 * 72 / 250, y0 * 72 / 250, x1 * 72 / 250, y1 * 72 / 250, page=4)
            out.append(OcrResult([ln], 60.0, 1))
        return out
    return read_rows


def test_the_layouts_empty_lines_are_kept_as_blank_boxes() -> None:
    result = _reading(_page())
    assert result.blank == [EMBLEM]
    assert [ln.text for ln in result.lines] == ["المملكة المغربية"]


def test_an_emblem_read_as_raw_lines_is_no_skipped_row(monkeypatch) -> None:  # noqa: ANN001
    pimg = _page()
    result = _reading(pimg)
    monkeypatch.setattr(tess, "read_rows", _frozen({315: "<< 1", 1020: "يفتح باب الترشح"}))
    tess._recover_lines(pimg, result, "ara+fra", 30.0)
    texts = [ln.text for ln in result.lines]
    assert "<< 1" not in texts and "2" not in texts  # main kept both (the crown's two segments)
    assert "يفتح باب الترشح" in texts  # a row outside the emblem: read again as before


def test_a_reading_inside_a_blank_line_that_holds_a_word_stays(monkeypatch) -> None:  # noqa: ANN001
    pimg = _page()
    result = _reading(pimg)
    monkeypatch.setattr(tess, "read_rows", _frozen({315: "إمضاد : ليلى", 1020: "يفتح باب الترشح"}))
    tess._recover_lines(pimg, result, "ara+fra", 30.0)
    assert [ln.text for ln in result.lines].count("إمضاد : ليلى") == 2


def test_inside_and_words() -> None:
    assert in_blank((917, 305, 989, 333), [EMBLEM]) and in_blank((1061, 305, 1112, 333), [EMBLEM])
    assert not in_blank((400, 1000, 1600, 1040), [EMBLEM]) and not in_blank((917, 305, 989, 333), [])
    assert not in_blank((850, 305, 989, 333), [EMBLEM])  # under 0.8 of it inside
    assert not holds_words("<< 1") and not holds_words("NS") and not holds_words("لتو وك لح")
    assert holds_words("إمضاد : ليلى")
