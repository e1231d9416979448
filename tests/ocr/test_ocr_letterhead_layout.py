"""A scanned letterhead read in its order (transform/ocr/columns.py, transform/ocr/late_blocks.py, issue 17).

* Decision ma-narsa p. 1: a bilingual letterhead, the French block on the left and the Arabic one on the
  right with the kingdom's emblem between them. Tesseract read each printed row across both blocks
  (``Ministère du Transport et de la Logistique وزارة النقل واللوجستيك``); the rows are read block by
  block, the Arabic block first on this Arabic page, as the truth page has them.
* Decision ma-mtedd p. 1: tesseract listed the first line of the letterhead's French block
  (``MINISTÈRE DE LA TRANSITION ENERGETIQUE ET DU``) after the whole body; it goes back above the
  block's next line. The top of a page's second column (motion couthenans p. 3) keeps its place.

The word rows are tesseract's TSV for those pages (pixels of the scan), copied from its reading."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from transform.ocr.render import PageImage
from transform.ocr.tesseract import parse_tsv

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"
HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
Row = tuple[int, int, int, int, int, int, int, float, str]  # block, par, line, left, top, width, height, conf, text

NARSA: list[Row] = [  # decision ma-narsa p. 1 (1932 x 2750 px): the letterhead's rows and the title's first word (a duplicate المملكة left out)
    (1, 1, 1, 231, 53, 1323, 60, -1, ""),
    (1, 1, 1, 231, 64, 150, 37, 95.7, "Royaume"), (1, 1, 1, 393, 66, 41, 28, 96.2, "du"), (1, 1, 1, 445, 67, 99, 28, 96.7, "Maroc"),
    (1, 1, 1, 1456, 53, 98, 60, 89.8, "المملكة"), (1, 1, 1, 1345, 55, 106, 58, 93.2, "المغربية"),
    (2, 1, 1, 76, 125, 1523, 40, -1, ""),
    (2, 1, 1, 76, 125, 143, 29, 95.9, "Ministère"), (2, 1, 1, 229, 129, 38, 25, 96.9, "du"),
    (2, 1, 1, 276, 130, 142, 33, 96.1, "Transport"), (2, 1, 1, 428, 134, 26, 21, 93.3, "et"), (2, 1, 1, 463, 131, 34, 25, 93.3, "de"),
    (2, 1, 1, 508, 131, 23, 25, 94.6, "la"), (2, 1, 1, 541, 131, 155, 33, 96.5, "Logistique"),
    (2, 1, 1, 1526, 127, 73, 34, 92.3, "وزارة"), (2, 1, 1, 1456, 128, 57, 34, 92.5, "النقل"),
    (2, 1, 1, 1302, 129, 145, 36, 92.0, "واللوجستيك"),
    (2, 1, 2, 88, 190, 1553, 41, -1, ""),
    (2, 1, 2, 88, 195, 106, 31, 96.8, "Agence"), (2, 1, 2, 207, 195, 140, 25, 96.1, "Nationale"), (2, 1, 2, 358, 195, 31, 24, 97.0, "de"),
    (2, 1, 2, 402, 196, 22, 23, 96.3, "la"), (2, 1, 2, 436, 197, 116, 23, 96.4, "Sécurité"), (2, 1, 2, 564, 196, 122, 24, 96.3, "Routière"),
    (2, 1, 2, 1561, 190, 80, 39, 92.2, "الوكالة"), (2, 1, 2, 1459, 191, 91, 39, 92.8, "الوطنية"),
    (2, 1, 2, 1356, 193, 93, 31, 91.8, "للسلامة"), (2, 1, 2, 1256, 193, 89, 38, 92.5, "الطرقية"),
    (2, 1, 3, 770, 308, 932, 61, -1, ""),
    (2, 1, 3, 770, 314, 69, 55, 92.0, "قرار"), (2, 1, 3, 1536, 308, 166, 38, 88.4, "---091"),
]
BODY = [  # the body under it (line boxes as read, words spread over them): the page is written right to left
    ("إن السيد مدير الوكالة الوطنية للسلامة الطرقية؛", (931, 657, 1719, 710)),
    ("بناء على الظهير الشريف رقم 1.18.16 الصادر في 5 جمادى الآخرة", (128, 746, 1769, 792)),
    ("الوكالة الوطنية للسلامة الطرقية؛", (1366, 807, 1769, 849)),
]
LETTERHEAD = [
    "المملكة المغربية", "وزارة النقل واللوجستيك", "الوكالة الوطنية للسلامة الطرقية",
    "Royaume du Maroc", "Ministère du Transport et de la Logistique", "Agence Nationale de la Sécurité Routière",
]


def _tsv(rows: list[Row]) -> str:
    out = [HEAD]
    for n, (block, par, line, left, top, width, height, conf, text) in enumerate(rows):
        out.append("\t".join(str(v) for v in (5 if text else 4, 1, block, par, line, n, left, top, width, height, conf, text)))
    return "\n".join(out)


def _line(block: int, line: int, box: tuple[int, int, int, int], text: str) -> list[Row]:
    """A tesseract line of ``text`` in pixel box (left, top, right, bottom), its words side by side (listed right to
    left when Arabic, as tesseract lists them)."""
    x0, y0, x1, y1 = box
    words = text.split()
    step = (x1 - x0) / len(words)
    rows: list[Row] = [(block, 1, line, x0, y0, x1 - x0, y1 - y0, -1, "")]
    arabic = any("\u0600" <= c <= "\u06ff" for c in text)
    for n, w in enumerate(words):
        left = int(x1 - (n + 1) * step) if arabic else int(x0 + n * step)
        rows.append((block, 1, line, left, y0, int(step * 0.85), y1 - y0, 95.0, w))
    return rows


def scan_page(name: str, number: int, pixels_wide: int) -> PageImage:
    """Page ``number`` of corpus file ``name`` rendered grey at its scan's width in pixels."""
    path = FILES / name
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[number - 1]
    width, height = page.get_size()
    image = page.render(scale=pixels_wide / width).to_pil().convert("L")
    page.close()
    pdf.close()
    return PageImage(image, pixels_wide / width * 72.0, number, width, height)


def _narsa_top() -> PageImage:
    """Page 1 of decision ma-narsa rendered at its scan's size (the emblem between the letterhead's blocks)."""
    return scan_page("ma-narsa-ar-decision-2023.pdf", 1, 1932)


def test_a_bilingual_letterheads_rows_are_read_block_by_block_arabic_first() -> None:
    body = [row for n, (text, box) in enumerate(BODY) for row in _line(4, n + 1, box, text)]
    lines = parse_tsv(_tsv(NARSA + body), _narsa_top()).lines
    texts = [ln.text for ln in lines]
    assert texts[:6] == LETTERHEAD  # the right-hand Arabic block top to bottom, then the left-hand French block
    assert texts[6] == "---091 قرار"  # the title's word under the emblem and the stamped number: no block's row
    assert texts[7:] == [text for text, _ in BODY]
    assert all(ln.x0 > lines[3].x1 for ln in lines[:3])  # each part keeps its own box
    assert lines[3].size < lines[0].size  # each side sized on its own words ("المملكة المغربية" is set larger)


MTEDD: list[Row] = [  # decision ma-mtedd p. 1 (2042 x 2924 px), tesseract's order: the French block's first line listed last
    *_line(1, 1, (1243, 192, 1990, 229), "وزارة الانتقال الطاقي والتنمية المستدامة"),
    *_line(2, 1, (952, 39, 1159, 79), "المملكة المغربية"),
    *_line(2, 2, (956, 117, 1159, 142), "Royaume du Maroc"),
    *_line(4, 1, (1580, 282, 1648, 311), "الوزيرة"),
    *_line(5, 1, (307, 237, 693, 259), "DEVELOPPEMENT DURABLE"),
    *_line(5, 2, (419, 286, 581, 310), "La Ministre"),
    *_line(9, 1, (1250, 758, 1844, 797), "إن وزيرة الانتقال الطاقي والتنمية المستدامة."),
    *_line(16, 1, (123, 192, 876, 218), "MINISTÈRE DE LA TRANSITION ENERGETIQUE ET DU"),
]
TWO_COLUMNS: list[Row] = [  # motion couthenans p. 3 (2068 x 2924 px): the right column starts higher than the left one's text
    *_line(1, 1, (335, 127, 932, 163), "Motion de la commune de ... ou"),
    *_line(2, 1, (238, 314, 1028, 340), "Le Conseil municipal de la commune"),
    *_line(3, 1, (238, 414, 1028, 440), "Exprime sa profonde préoccupation concernant les conséquences"),
    *_line(7, 1, (1102, 237, 1833, 253), "Face à l'impact de la crise économique"),
    *_line(14, 1, (1101, 426, 1832, 445), "Dans un contexte de crise mondiale"),
]


def _blank(width: int, height: int) -> PageImage:
    return PageImage(Image.new("L", (width, height), 255), 250.0, 1, width * 72 / 250, height * 72 / 250)


def test_a_letterhead_block_listed_after_the_body_goes_back_to_its_place() -> None:
    texts = [ln.text for ln in parse_tsv(_tsv(MTEDD), _blank(2042, 2924)).lines]
    french = texts.index("MINISTÈRE DE LA TRANSITION ENERGETIQUE ET DU")
    assert texts[french + 1] == "DEVELOPPEMENT DURABLE"  # over the block's next line, before the body
    assert texts[-1] == "إن وزيرة الانتقال الطاقي والتنمية المستدامة."
    # a page in two columns: the right column's first block, listed after the left column's, stays there
    texts = [ln.text for ln in parse_tsv(_tsv(TWO_COLUMNS), _blank(2068, 2924)).lines]
    assert texts == ["Motion de la commune de ... ou", "Le Conseil municipal de la commune",
                     "Exprime sa profonde préoccupation concernant les conséquences",
                     "Face à l'impact de la crise économique", "Dans un contexte de crise mondiale"]


@pytest.mark.slow  # the page is OCR'd live: about 17 s
def test_the_narsa_letterhead_reads_as_six_paragraphs_then_the_title(tmp_path: Path) -> None:
    """The real page through the whole reading: the Arabic block's three lines, then the French block's, each a
    paragraph of its own (an underlined line with its translation printed beside it is no heading), then the
    decision's title, the page's one level-1 heading."""
    from tests.ingest._realpages import block_text, copy_pages, doc_blocks
    from transform.evaluation.corpus import read_document
    from transform.model import Heading

    blocks = doc_blocks(read_document(copy_pages("ma-narsa-ar-decision-2023.pdf", [0], tmp_path), ocr="auto"))
    texts = [block_text(b) for b in blocks]
    first = next(i for i, t in enumerate(texts) if t.endswith("المملكة المغربية"))
    assert texts[first + 1:first + 6] == LETTERHEAD[1:]
    assert not any(isinstance(b, Heading) for b in blocks[first:first + 6])
    title = next(b for b in blocks if isinstance(b, Heading))
    # the pale date stamp beside the title's first row is read into that row (its year, the month unread: ink.py)
    text = block_text(title)
    assert "قرار" in text and "بشأن فتح باب الترشيح" in text and title.level == 1
