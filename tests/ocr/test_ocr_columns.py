"""Tesseract lines that run across two blocks side by side are split at the gutter and read block
by block (transform/ocr/columns.py): the two ministers' signatures of joint order 1096.26 p. 6,
printed in two columns (the Interior on the right, Agriculture on the left), came back as lines
holding both columns (``وزير الفلاحة ... وزير الداخلية] القروية والمياه ...``).

The word rows below are tesseract's TSV for the bottom of that page (250 dpi, pixels), copied
from its reading."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw

from transform.evaluation import read_document
from transform.model.walk import block_text, iter_blocks
from transform.ocr.render import PageImage
from transform.ocr.tesseract import parse_tsv

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"
HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
ROWS = [  # (block, par, line, left, top, width, height, conf, text); a line's row has no text
    (2, 3, 3, 258, 783, 652, 53, -1, ""),
    (2, 3, 3, 821, 790, 89, 40, 92.2, "وزير"), (2, 3, 3, 684, 783, 119, 36, 92.9, "الفلاحة"),
    (2, 3, 3, 547, 783, 123, 46, 92.3, "والصيد"), (2, 3, 3, 403, 783, 125, 53, 91.9, "البحري"),
    (2, 3, 3, 258, 783, 129, 46, 91.9, "والتنمية"),
    (2, 4, 1, 399, 852, 1226, 56, -1, ""),
    (2, 4, 1, 1536, 864, 89, 40, 90.5, "وزير"), (2, 4, 1, 1378, 857, 139, 46, 91.0, "الداخلية"),
    (2, 4, 1, 699, 852, 120, 56, 91.5, "القروية"), (2, 4, 1, 575, 853, 109, 54, 91.0, "والمياه"),
    (2, 4, 1, 399, 853, 161, 54, 88.8, "والغابات،"),
    (2, 4, 2, 373, 924, 1324, 60, -1, ""),
    (2, 4, 2, 1542, 932, 155, 46, 92.5, "الإمضاء:"), (2, 4, 2, 1464, 942, 56, 33, 93.3, "عبد"),
    (2, 4, 2, 1343, 930, 102, 54, 92.4, "الوافي"), (2, 4, 2, 1225, 930, 103, 46, 92.0, "لفتيت."),
    (2, 4, 2, 632, 932, 154, 46, 91.7, "الإمضاء:"), (2, 4, 2, 534, 924, 77, 41, 92.9, "أحمد"),
    (2, 4, 2, 373, 930, 143, 54, 91.6, "البواري."),
    (2, 4, 3, 652, 1024, 761, 48, -1, ""),
    (2, 4, 3, 1303, 1024, 110, 48, 92.0, "الوزير"), (2, 4, 3, 1158, 1024, 127, 45, 92.7, "المنتدب"),
    (2, 4, 3, 1079, 1025, 64, 44, 91.4, "لدى"), (2, 4, 3, 956, 1031, 107, 41, 90.9, "وزيرة"),
    (2, 4, 3, 796, 1026, 143, 36, 90.5, "الاقتصاد"), (2, 4, 3, 652, 1024, 127, 47, 92.5, "والمالية"),
]


def _tsv(rows: list[tuple[int, int, int, int, int, int, int, float, str]] | None = None) -> str:
    out = [HEAD]
    for n, (block, par, line, left, top, width, height, conf, text) in enumerate(rows or ROWS):
        level = 4 if not text else 5
        out.append("\t".join(str(v) for v in (level, 1, block, par, line, n, left, top, width, height, conf, text)))
    return "\n".join(out)


def _page(rule: bool = False) -> PageImage:
    image = Image.new("L", (2070, 2924), 255)
    if rule:  # a table's column rule down the gutter
        ImageDraw.Draw(image).line([(1000, 780), (1000, 1000)], fill=0, width=3)
    return PageImage(image, 250.0, 6, 596.2, 842.2)


SIGNED = [
    "وزير الداخلية",
    "الإمضاء: عبد الوافي لفتيت.",
    "وزير الفلاحة والصيد البحري والتنمية",
    "القروية والمياه والغابات،",
    "الإمضاء: أحمد البواري.",
    "الوزير المنتدب لدى وزيرة الاقتصاد والمالية",
]


def test_two_signatures_side_by_side_are_read_column_by_column() -> None:
    texts = [ln.text for ln in parse_tsv(_tsv(), _page()).lines]
    assert texts == SIGNED  # the right minister whole, then the left one, then the centred line
    lines = parse_tsv(_tsv(), _page()).lines
    right, left = lines[0], lines[3]
    assert right.x0 > left.x1  # each part keeps its own box
    assert lines[1].top > lines[0].top and lines[4].top > lines[3].top


def test_a_gutter_crossed_by_a_rule_is_a_table_row_and_stays_whole() -> None:
    texts = [ln.text for ln in parse_tsv(_tsv(), _page(rule=True)).lines]
    assert len(texts) == 4  # no line split
    assert "لفتيت" in texts[2] and "البواري" in texts[2]


AMOUNTS = [  # (block, par, line, left, top, width, height, conf, text): an unruled budget table, label | amount
    (1, 1, 1, 100, 800, 1600, 40, -1, ""),
    (1, 1, 1, 100, 800, 160, 40, 91.0, "Charges"), (1, 1, 1, 280, 800, 50, 40, 92.0, "de"),
    (1, 1, 1, 350, 800, 200, 40, 90.0, "personnel"), (1, 1, 1, 1500, 800, 80, 40, 93.0, "412"),
    (1, 1, 1, 1600, 800, 100, 40, 92.0, "000,00"),
    (1, 1, 2, 100, 860, 1600, 40, -1, ""),
    (1, 1, 2, 100, 860, 160, 40, 91.0, "Charges"), (1, 1, 2, 280, 860, 130, 40, 92.0, "générales"),
    (1, 1, 2, 1500, 860, 80, 40, 93.0, "268"), (1, 1, 2, 1600, 860, 100, 40, 92.0, "500,00"),
    (1, 1, 3, 100, 920, 1600, 40, -1, ""),
    (1, 1, 3, 100, 920, 200, 40, 91.0, "Subventions"), (1, 1, 3, 1500, 920, 60, 40, 93.0, "97"),
    (1, 1, 3, 1580, 920, 120, 40, 92.0, "250,00"),
]


def test_a_label_and_its_amount_stay_one_row() -> None:
    # an unruled budget table: the wide gap between a label and its amount is no gutter between two blocks
    texts = [ln.text for ln in parse_tsv(_tsv(AMOUNTS), _page()).lines]
    assert texts == ["Charges de personnel 412 000,00", "Charges générales 268 500,00", "Subventions 97 250,00"]


@pytest.mark.slow  # the page is OCR'd live: about 13 s
def test_the_joint_orders_signatures_are_read_whole_and_in_order(tmp_path: Path) -> None:
    """The real page, through the whole reading: each minister's title and signature whole, the
    right column (the Interior) before the left (Agriculture), never both on one paragraph."""
    path = FILES / "adala-ar-joint-order-1096-26.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    src, one = pdfium.PdfDocument(str(path)), pdfium.PdfDocument.new()
    one.import_pages(src, [5])
    one.save(str(tmp_path / "p6.pdf"))
    texts = [block_text(b) for _, b in iter_blocks(read_document(tmp_path / "p6.pdf", ocr="auto"))]
    interior = next(i for i, t in enumerate(texts) if t.startswith("وزير الداخلية"))
    assert texts[interior + 1] == "الإمضاء: عبد الوافي لفتيت."
    farming = next(i for i, t in enumerate(texts) if t.startswith("وزير الفلاحة"))
    assert farming > interior + 1
    assert not any("لفتيت" in t and "البواري" in t for t in texts)
    assert not any("الداخلية" in t and "الفلاحة" in t for t in texts)
