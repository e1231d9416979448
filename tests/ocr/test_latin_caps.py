"""Accents OCR puts on capitals the page prints bare (latin_caps.py): ``OÙ`` read for a printed ``OU`` (BO 7448's
forms), ``À`` for ``A`` under a table's rule (Putanges' budgets), ``DÉPENSES`` read in a cell whose ink has none;
a printed accent, apart from its letter or joined to it, always stays. Synthetic lines drawn with DejaVu, no
tesseract call."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from tests.ocr._pagebits import boxed_line
from transform.ingest.pdf_tables import FoundTable
from transform.model.blocks import Cell, Table
from transform.model.text import Sentence
from transform.ocr.latin_caps import bare, plain_capitals, plain_cells, small_initials
from transform.ocr.render import PageImage

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DPI = 200.0
Y = 100  # the row's top (pixels)


def _page(words: list[str], rule: bool = False, blob: int | None = None, size: int = 40,
          face: Path = FONT) -> tuple[PageImage, list[tuple[str, float, float, float, float]]]:
    """``words`` printed on one row (as printed: accents where they are given); their boxes in points. ``rule``: a
    table's rule drawn a little over the row and a line of text over it; ``blob``: a mark joined to the top of the
    word of that index (an accent touching its letter)."""
    img = Image.new("L", (1600, 260), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(face), size)
    if rule:
        draw.text((20, Y - 75), "CARACTERE GENERAL ANT.REPORTE", font=font, fill=0)
        draw.rectangle((0, Y - 12, 1600, Y - 9), fill=0)
    boxes, x = [], 20
    for n, w in enumerate(words):
        draw.text((x, Y), w, font=font, fill=0)
        x0, y0, x1, y1 = draw.textbbox((x, Y), w, font=font)
        if blob == n:
            mid = (x0 + 3 * x1) // 4  # over the word's last letter
            draw.rectangle((mid - 4, y0 - 10, mid + 4, y0 + 1), fill=0)
            y0 -= 10
        boxes.append((w, x0 * 72 / DPI, y0 * 72 / DPI, x1 * 72 / DPI, y1 * 72 / DPI))
        x = x1 + 25
    return PageImage(image=img, dpi=DPI, page=1, width_pt=1600 * 72 / DPI, height_pt=260 * 72 / DPI), boxes


_line = boxed_line


def _read_as(boxes: list[tuple[str, float, float, float, float]], reading: dict[str, str]) -> list[tuple[str, float, float, float, float]]:
    return [(reading.get(w, w), *b) for w, *b in boxes]


def test_bare():
    assert bare("OÙ") == "OU" and bare("DÉPENSES") == "DEPENSES" and bare("l'État") == "l'Etat"
    assert bare("élève Ça") == "élève Ça"  # small letters and the cedilla keep theirs


def test_an_accent_with_no_ink_above_the_capital_is_taken_off() -> None:
    image, boxes = _page(["IDENTITE", "DU", "OU", "DES", "CONTREVENANTS"])
    ln, result = _line(_read_as(boxes, {"OU": "OÙ"}))
    assert plain_capitals(image, [ln], result) == 1
    assert ln.text == "IDENTITE DU OU DES CONTREVENANTS"
    assert [w for w, *_b in result.word_boxes[id(ln)]] == ln.text.split()  # the listing kept in step


def test_a_tables_rule_and_the_row_above_it_are_no_accent() -> None:
    image, boxes = _page(["011", "CHARGES", "A"], rule=True)
    ln, result = _line(_read_as(boxes, {"A": "À"}))
    assert plain_capitals(image, [ln], result) == 1
    assert ln.text == "011 CHARGES A"


def test_a_printed_accent_stays() -> None:
    for words in (["CONSIDÉRANT", "la", "situation"], ["LE", "PRÉFET", "DE", "LA", "HAUTE-SAÔNE"], ["À", "la", "suite"],
                  ["les", "services", "de", "l'État"]):
        image, boxes = _page(words)
        ln, result = _line(boxes)
        assert plain_capitals(image, [ln], result) == 0, words
        assert ln.text == " ".join(words)


def test_an_accent_joined_to_its_letter_stays() -> None:
    image, boxes = _page(["IDENTITE", "DU", "OU", "DES"], blob=2)  # the mark touches the U: the letter stands taller
    ln, result = _line(_read_as(boxes, {"OU": "OÙ"}))
    assert plain_capitals(image, [ln], result) == 0
    assert ln.text == "IDENTITE DU OÙ DES"


def test_small_capitals_are_not_judged() -> None:
    # a letterhead's small capitals (BO 7262 p. 22: DÉPARTEMENT, ÉNERGÉTIQUE printed with their accents, a pixel of grey)
    image, boxes = _page(["IDENTITE", "DU", "OU", "DES"], size=14)
    ln, result = _line(_read_as(boxes, {"OU": "OÙ"}))
    assert plain_capitals(image, [ln], result) == 0


def test_a_line_without_a_capitals_height_is_left_as_read() -> None:
    image, boxes = _page(["A"])
    ln, result = _line(_read_as(boxes, {"A": "À"}))
    assert plain_capitals(image, [ln], result) == 0  # nothing to measure the letter against: in doubt, kept


def _table(text: str, boxes: list[tuple[str, float, float, float, float]]) -> FoundTable:
    cell = Cell(sentences=[Sentence(id="s1", text=text)])
    return FoundTable(Table(rows=[[cell]]), min(b[2] for b in boxes) - 5, max(b[4] for b in boxes) + 5,
                      boxes[0][1] - 5, boxes[-1][3] + 5)


def test_a_cell_read_again_with_an_accent_its_page_words_lack() -> None:
    image, boxes = _page(["022", "DEPENSES", "IMPREVUES"])
    ln, result = _line(boxes)
    ft = _table("022 DÉPENSES IMPREVUES", boxes)
    assert plain_cells(image, [ft], [ln], result) == 1
    assert ft.table.rows[0][0].sentences[0].text == "022 DEPENSES IMPREVUES"
    image, boxes = _page(["022", "DÉPENSES", "IMPRÉVUES"])  # printed with its accents: the cell stays
    ln, result = _line(_read_as(boxes, {"DÉPENSES": "DEPENSES"}))
    ft = _table("022 DÉPENSES IMPRÉVUES", boxes)
    assert plain_cells(image, [ft], [ln], result) == 0
    assert ft.table.rows[0][0].sentences[0].text == "022 DÉPENSES IMPRÉVUES"


def test_a_capital_read_where_the_ink_stands_as_small_as_the_letters_after_it_is_small() -> None:
    # Putanges p. 8: ``- un excédent d'investissement`` read ``- Un excédent``; ``Art. 001 Un excédent`` prints Un
    image, boxes = _page(["-", "un", "excédent", "de", "Un", "excédent", "Vote", "Sur", "sur", "Ces", "Or,"])
    read = [(w[0].upper() + w[1:] if w in ("un", "sur") else w, *b) for w, *b in boxes]
    ln, result = _line(read)
    assert ln.text == "- Un excédent de Un excédent Vote Sur Sur Ces Or,"
    assert small_initials(image, [ln], result) == 2
    assert ln.text == "- un excédent de Un excédent Vote Sur sur Ces Or,"
    assert [w for w, *_b in result.word_boxes[id(ln)]] == ln.text.split()


def test_small_initials_leave_words_they_cannot_measure() -> None:
    # one letter, no small letter without ascender after it, capitals: nothing to compare the first letter with
    # (a reference letter beside a tall one, words of five letters or more: their letters' columns drift)
    image, boxes = _page(["c", "cl", "OUI", "ut", "ces", "vase", "cul", "calcul", "ognon"])
    read = [(w.capitalize() if w != "OUI" else w, *b) for w, *b in boxes]
    ln, result = _line(read)
    assert small_initials(image, [ln], result) == 0
    assert ln.text == "C Cl OUI Ut Ces Vase Cul Calcul Ognon"


FACES = [Path("/usr/share/fonts/truetype/dejavu") / f for f in ("DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSans-Bold.ttf",
                                                              "DejaVuSerif-Italic.ttf", "DejaVuSansCondensed.ttf")] + \
        [Path("/usr/share/fonts/truetype/noto") / f for f in ("NotoSans-Regular.ttf", "NotoSerif-Regular.ttf",
                                                            "NotoSans-Bold.ttf", "NotoSerif-Italic.ttf")]
SAME = ["Cone", "Omen", "Sun", "Uno", "Vin", "Wax", "Xeno", "Zone", "Un", "Sur", "Son", "Ou", "On", "Ces"]


def test_every_capital_of_the_same_shape_stands_taller_in_every_face() -> None:
    # each capital drawn in nine faces at three sizes is kept; the same words drawn small are all made small
    for face in FACES:
        if not face.exists():
            continue
        for size in (22, 30, 40):
            image, boxes = _page(SAME, size=size, face=face)
            ln, result = _line(boxes)
            assert small_initials(image, [ln], result) == 0, (face.name, size, ln.text)
            image, boxes = _page([w.lower() for w in SAME], size=size, face=face)
            ln, result = _line([(w.capitalize(), *b) for w, *b in boxes])
            small_initials(image, [ln], result)
            assert ln.text == " ".join(w.lower() if w != "Ces" else w for w in SAME), (face.name, size, ln.text)
