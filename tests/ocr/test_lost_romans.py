"""A French scan's Roman part numbers (lost_romans.py): `II.` a tab before its heading, which tesseract drops,
put back from its strokes; an italic `V.` read `7` read again between `IV.` and `VI.`; a real `1 INTRODUCTION`
and a heading with nothing before it stay (the form of annex II of BO 7448, drawn here)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from transform.ingest.base import TextLine
from transform.ocr.lost_romans import _strokes, lost_romans, roman_value
from transform.ocr.render import PageImage

FONTS = Path("/usr/share/fonts/truetype/dejavu")
DPI = 200.0
ROW = 60  # pixels between rows


def _page(rows: list[tuple[str | None, str]], font: str = "DejaVuSans-Bold.ttf") -> tuple[PageImage, list[TextLine], dict]:
    """Each row: a number printed a wide tab before its heading (None: none), and the heading. The lines and
    listings are what tesseract gives when it drops the number: the heading alone."""
    img = Image.new("L", (1600, ROW * len(rows) + 40), 255)
    draw = ImageDraw.Draw(img)
    fnt = ImageFont.truetype(str(FONTS / font), 30)
    lines, boxes = [], {}
    for r, (number, head) in enumerate(rows):
        y = 20 + ROW * r
        if number:
            draw.text((30, y), number, font=fnt, fill=0)
        draw.text((160, y), head, font=fnt, fill=0)
        x0, y0, x1, y1 = (v * 72 / DPI for v in draw.textbbox((160, y), head, font=fnt))
        ln = TextLine(text=head, x0=x0, top=y0, x1=x1, bottom=y1, page=1)
        lines.append(ln)
        step = (x1 - x0) / len(head.split())
        boxes[id(ln)] = [(w, x0 + n * step, y0, x0 + (n + 1) * step, y1) for n, w in enumerate(head.split())]
    return PageImage(image=img, dpi=DPI, page=1, width_pt=1600 * 72 / DPI, height_pt=img.height * 72 / DPI), lines, boxes


def test_roman_values() -> None:
    assert roman_value("II.") == 2 and roman_value("IV.") == 4 and roman_value("VI.") == 6
    assert roman_value("II") is None and roman_value("IDENTITE") is None


def test_a_number_a_tab_away_is_put_back_from_its_strokes() -> None:
    image, lines, boxes = _page([("I.", "IDENTITE DE L'AGENT"), ("II.", "IDENTITE DU OU DES CONTREVENANTS"),
                                 ("III.", "DATE, HEURE ET LIEU")])
    assert lost_romans(image, lines, boxes, 60.0) == 3
    assert [ln.text.split()[0] for ln in lines] == ["I.", "II.", "III."]
    assert boxes[id(lines[1])][0][0] == "II."  # the listing kept in step


def test_strokes_count_only_bars_and_a_dot() -> None:
    import numpy as np

    def ink(text: str) -> np.ndarray:
        img = Image.new("L", (200, 60), 255)
        ImageDraw.Draw(img).text((10, 5), text, font=ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 30), fill=0)
        a = np.asarray(img) < 128
        ys, xs = a.any(axis=1).nonzero()[0], a.any(axis=0).nonzero()[0]
        return a[ys[0]:ys[-1] + 1, xs[0]:xs[-1] + 1]

    assert _strokes(ink("I.")) == 1 and _strokes(ink("II.")) == 2 and _strokes(ink("III.")) == 3
    for other in ("II", "1.", "l1.", "V.", "H."):
        assert _strokes(ink(other)) is None, other


def test_a_number_read_as_digits_is_read_again_in_the_sequence() -> None:
    image, lines, boxes = _page([("IV.", "IV. DATE, HEURE ET LIEU"), ("V.", "7 NATURE DE L'INFRACTION"),
                                 (None, "VI. IDENTIFICATION DES ECHANTILLONS")], font="DejaVuSans.ttf")
    # the middle row's `7` is listed where its `V.` is printed
    boxes[id(lines[1])][0] = ("7", 30 * 72 / DPI, lines[1].top, 70 * 72 / DPI, lines[1].bottom)
    lines[0].text = "IV. DATE, HEURE ET LIEU"
    assert lost_romans(image, lines, boxes, 60.0) == 1
    assert lines[1].text == "V. NATURE DE L'INFRACTION"


def test_a_real_numbered_heading_and_an_unnumbered_one_stay() -> None:
    image, lines, boxes = _page([(None, "1 INTRODUCTION GENERALE"), (None, "DISPOSITIONS GENERALES")])
    boxes[id(lines[0])][0] = ("1", *boxes[id(lines[0])][0][1:])
    assert lost_romans(image, lines, boxes, 60.0) == 0
    assert [ln.text for ln in lines] == ["1 INTRODUCTION GENERALE", "DISPOSITIONS GENERALES"]


def test_out_of_sequence_strokes_stay_out() -> None:
    # `II.` with no `I.` before it on the page: not the page's first part, left as read
    image, lines, boxes = _page([("II.", "IDENTITE DU OU DES CONTREVENANTS")])
    assert lost_romans(image, lines, boxes, 60.0) == 0
    assert lines[0].text == "IDENTITE DU OU DES CONTREVENANTS"


def test_a_part_number_before_a_title_in_capitals_opens_no_list() -> None:
    from transform.ingest.pdf_blocks import _marker

    assert _marker("I. IDENTITE DE L’AGENT OU DES AGENTS VERBALISATEURS") is None
    assert _marker("V. NATURE DE L’INFRACTION") is None
    assert _marker("I. la commune délibère") is not None  # an item of a list numbered I, II...
    assert _marker("A. DISPOSITIONS GENERALES") is not None  # a lettered item: as before
