"""A scanned letterhead's side blocks read one after the other (transform/ocr/letterhead.py, issue 17).

* Decision ma-sante p. 4 (the annexed list of posts): tesseract listed the French block (``ROYAUME DU MAROC`` /
  ``Ministère de la Santé``) before the Arabic one on this Arabic page, and the French block's third line as one
  line with the Arabic block's Tifinagh line (``et de la Protection Sociale +oCoLloO+ | +ASOZ À اقاماه ه210``).
  Read as the truth page has it: the Arabic block, then the French block, its third line on its own.
* Decision ma-mtedd p. 1: the kingdom's name centred over the emblem comes first, then the right-hand Arabic
  block, then the left-hand French one, then the title under them (the rows of test_ocr_letterhead_layout.py
  with the title's first line).
* A page in two columns (motion couthenans p. 3) is left as tesseract listed it.
* Decree 2.19.720 p. 7 (a model letter scanned at about 100 dpi): the letterhead's first row was read as one line
  with the place-and-date line at the left (``المملكة à المغريبة (المديئة) في سم``), in the title's tesseract
  paragraph; split, the right part goes on in the letterhead's block and the left part comes after it.

The word rows are tesseract's TSV for those pages (pixels of the scan), copied from its reading."""

from __future__ import annotations

from pathlib import Path

from tests.ocr.test_ocr_letterhead_layout import MTEDD, TWO_COLUMNS, Row, _blank, _line, _tsv, scan_page
from transform.ocr.render import PageImage
from transform.ocr.tesseract import parse_tsv

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"

SANTE: list[Row] = [  # decision ma-sante p. 4 (2070 x 2924 px): the letterhead and the list's title, in tesseract's order
    (1, 1, 1, 101, 137, 531, 36, -1, ""),
    (1, 1, 1, 101, 138, 247, 35, 96.1, "ROYAUME"), (1, 1, 1, 365, 138, 66, 35, 96.0, "DU"), (1, 1, 1, 449, 137, 183, 35, 96.0, "MAROC"),
    (1, 1, 2, 135, 214, 466, 37, -1, ""),
    (1, 1, 2, 135, 214, 209, 37, 94.7, "Ministère"), (1, 1, 2, 361, 215, 49, 36, 96.2, "de"),
    (1, 1, 2, 425, 214, 38, 37, 95.9, "la"), (1, 1, 2, 480, 214, 121, 37, 96.6, "Santé"),
    (2, 1, 1, 1483, 126, 307, 54, -1, ""),
    (2, 1, 1, 1655, 126, 135, 47, 92.2, "المملكة"), (2, 1, 1, 1483, 125, 154, 59, 92.1, "المغربية"),
    (2, 1, 2, 1449, 196, 381, 28, -1, ""),
    (2, 1, 2, 1667, 197, 163, 27, 56.5, "©1102"), (2, 1, 2, 1643, 197, 5, 26, 77.4, "|"), (2, 1, 2, 1449, 196, 175, 27, 50.8, "111"),
    (2, 1, 3, 1350, 247, 578, 52, -1, ""),
    (2, 1, 3, 1830, 254, 98, 44, 92.0, "وزارة"), (2, 1, 3, 1702, 247, 111, 41, 91.1, "الصحة"),
    (2, 1, 3, 1541, 247, 146, 50, 91.9, "والحماية"), (2, 1, 3, 1350, 247, 176, 52, 91.9, "الإجتماعية"),
    (3, 1, 1, 83, 293, 1887, 41, -1, ""),
    (3, 1, 1, 83, 296, 38, 32, 96.6, "et"), (3, 1, 1, 137, 293, 48, 35, 96.5, "de"), (3, 1, 1, 201, 293, 38, 35, 88.5, "la"),
    (3, 1, 1, 256, 293, 227, 35, 95.8, "Protection"), (3, 1, 1, 500, 293, 153, 35, 96.3, "Sociale"),
    (3, 1, 1, 1307, 308, 191, 26, 42.6, "+oCoLloO+"), (3, 1, 1, 1516, 308, 5, 25, 90.2, "|"),
    (3, 1, 1, 1540, 308, 129, 26, 79.4, "+ASOZ"), (3, 1, 1, 1688, 308, 24, 26, 86.2, "À"),
    (3, 1, 1, 1871, 308, 99, 26, 54.0, "اقاماه"), (3, 1, 1, 1731, 308, 121, 26, 19.3, "ه210"),
    (5, 1, 1, 649, 427, 1192, 74, -1, ""),
    (5, 1, 1, 1535, 417, 83, 88, 91.0, "مناصب"), (5, 1, 1, 1442, 417, 77, 88, 90.2, "رؤساء"),
    (5, 1, 1, 1327, 440, 92, 60, 91.9, "الأقسام"), (5, 1, 1, 1220, 445, 97, 47, 89.3, "ورؤساء"),
    (5, 1, 1, 740, 444, 74, 47, 92.8, "لوزارة"), (5, 1, 1, 649, 444, 81, 39, 93.0, "الصحة"),
]

LIST = [  # the list's first cells under the title (line boxes as read, words spread over them)
    ("المديرية", (1319, 550, 1432, 604)), ("القسم", (862, 549, 946, 607)), ("المنصب", (367, 551, 474, 605)),
    ("مديرية علم الأوبئة ومحاربة", (1208, 1562, 1530, 1610)),
]


def _sante_page() -> PageImage:
    """Page 4 of decision ma-sante rendered at its scan's size."""
    return scan_page("ma-sante-ar-decision-2023.pdf", 4, 2070)


def test_the_arabic_block_of_a_bilingual_letterhead_comes_first_and_its_rows_stand_apart() -> None:
    body = [row for n, (text, box) in enumerate(LIST) for row in _line(6 + n, 1, box, text)]
    lines = parse_tsv(_tsv(SANTE + body), _sante_page()).lines
    texts = [ln.text for ln in lines]
    assert texts[0] == "المملكة المغربية"
    arabic, french = texts.index("وزارة الصحة والحماية الإجتماعية"), texts.index("ROYAUME DU MAROC")
    assert arabic < french
    # the French block's third line on its own, after its first two, before the list's title
    assert texts[french:french + 3] == ["ROYAUME DU MAROC", "Ministère de la Santé", "et de la Protection Sociale"]
    assert texts[-5:] == ["مناصب رؤساء الأقسام ورؤساء لوزارة الصحة", *(text for text, _ in LIST)]
    # the Tifinagh row beside it is a line of the Arabic block, read before the French block
    tifinagh = next(i for i, t in enumerate(texts) if "+ASOZ" in t)
    assert tifinagh < french and "Sociale" not in texts[tifinagh]
    assert lines[french + 2].x1 < lines[tifinagh].x0  # each part keeps its own box


def test_the_centred_kingdom_name_then_the_right_block_then_the_left_one() -> None:
    title = _line(8, 1, (236, 573, 1885, 623), "بفتح باب الترشيح لتشغيل خبير في الشؤون القانونية بموجب عقد بوزارة الانتقال الطاقي")
    body = next(n for n, row in enumerate(MTEDD) if row[0] == 9)  # the title is listed before the body, as tesseract did
    texts = [ln.text for ln in parse_tsv(_tsv(MTEDD[:body] + title + MTEDD[body:]), _blank(2042, 2924)).lines]
    assert texts[:2] == ["المملكة المغربية", "Royaume du Maroc"]  # centred over the emblem, above both blocks
    assert texts[2:4] == ["وزارة الانتقال الطاقي والتنمية المستدامة", "الوزيرة"]  # the right-hand Arabic block
    assert texts[4:7] == ["MINISTÈRE DE LA TRANSITION ENERGETIQUE ET DU", "DEVELOPPEMENT DURABLE", "La Ministre"]
    assert texts[7] == "بفتح باب الترشيح لتشغيل خبير في الشؤون القانونية بموجب عقد بوزارة الانتقال الطاقي"  # the title under them
    assert texts[-1] == "إن وزيرة الانتقال الطاقي والتنمية المستدامة."
    # a page in two columns (no line crosses the gutter under its top lines) keeps tesseract's order
    texts = [ln.text for ln in parse_tsv(_tsv(TWO_COLUMNS), _blank(2068, 2924)).lines]
    assert texts == ["Motion de la commune de ... ou", "Le Conseil municipal de la commune",
                     "Exprime sa profonde préoccupation concernant les conséquences",
                     "Face à l'impact de la crise économique", "Dans un contexte de crise mondiale"]


LETTER: list[Row] = [  # decree 2.19.720 p. 7 (2068 x 2924 px): the model letter's title, letterhead and addressee
    (1, 1, 3, 620, 345, 830, 65, -1, ""),
    (1, 1, 3, 1337, 341, 118, 78, 89.2, "نموذج"), (1, 1, 3, 1210, 341, 104, 78, 93.1, "تنبيه"),
    (1, 1, 3, 1108, 341, 84, 78, 92.3, "بدون"), (1, 1, 3, 1020, 341, 58, 78, 93.2, "أجل"),
    (1, 1, 4, 563, 436, 1165, 54, -1, ""),
    (1, 1, 4, 1653, 439, 75, 23, 73.3, "المملكة"), (1, 1, 4, 1654, 436, 10, 54, 41.2, "à"),
    (1, 1, 4, 1560, 436, 88, 54, 70.0, "المغريبة"), (1, 1, 4, 700, 442, 78, 32, 36.2, "(المديئة)"),
    (1, 1, 4, 674, 436, 17, 42, 91.0, "في"), (1, 1, 4, 563, 442, 215, 32, 35.5, "سم"),
    (1, 1, 5, 1499, 510, 270, 35, -1, ""),
    (1, 1, 5, 1720, 510, 49, 29, 85.5, "وذارة"), (1, 1, 5, 1644, 510, 67, 27, 51.9, "JAI"),
    (1, 1, 5, 1553, 510, 85, 34, 78.8, "والإدماج"), (1, 1, 5, 1499, 511, 45, 34, 44.7, "pdt"),
    (2, 1, 1, 1458, 575, 349, 42, -1, ""),
    (2, 1, 1, 1733, 575, 74, 42, 51.8, "المديرية"), (2, 1, 1, 1652, 577, 76, 40, 57.4, "الجهوية"), (2, 1, 1, 1458, 581, 185, 29, 51.5, "اا"),
    (3, 1, 1, 1421, 685, 377, 38, -1, ""),
    (3, 1, 1, 1754, 689, 44, 23, 67.7, "قلف"), (3, 1, 1, 1705, 691, 40, 28, 37.9, "وقمة"),
    (5, 1, 1, 944, 734, 89, 32, -1, ""),
    (5, 1, 1, 944, 734, 89, 32, 0.0, "إلى"),
    (5, 1, 2, 498, 781, 976, 54, -1, ""),
    (5, 1, 2, 1366, 789, 108, 41, 87.4, "السيد(ة)"), (5, 1, 2, 1295, 796, 62, 35, 87.2, "رئيس"),
    (5, 1, 2, 1035, 797, 78, 38, 86.0, "العائلي"), (5, 1, 2, 900, 796, 126, 38, 90.3, "والشخصي"),
]


def test_a_letterheads_row_read_across_to_a_lone_line_is_split_its_block_first() -> None:
    """The letterhead's first row (``المملكة المغربية`` at the right, ``(المدينة) في ......`` at the left) was one line;
    its right part goes on in the block under it, the left part after that block, before the addressee."""
    lines = parse_tsv(_tsv(LETTER), _blank(2068, 2924)).lines
    texts = [ln.text for ln in lines]
    # (the words as tesseract read them, after the repairs: `المغريبة` beside `المملكة` is the fixed term's word, two
    # letters swapped; `وذارة` stays as read, no sure `وزارة` elsewhere on this excerpt to settle ذ/ز against د)
    assert texts[:4] == ["نموذج تنبيه بدون أجل", "المملكة à المغربية", "وذارة JAI والإدماج pdt", "المديرية الجهوية اا"]
    assert texts[4].endswith("وقمة")  # the file number's line, the block's last
    assert texts[5:7] == ["(المدينة) في سم", "إلى"]  # the lone line at the left (its `ئ` put right), after the block, before the addressee
    assert lines[1].size < lines[0].size  # the row's part sized on its own words, not as the title's paragraph
