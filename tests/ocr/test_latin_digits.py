"""Digits in French prose read again with their neighbours (latin_digits.py, called from latin_misreads.py): Couthenans
p. 3's ``"15, la CVAE`` (``l'IS``) and ``de 15 1106 d'ici`` (``15 Md€``), the Constitution scan's ``multiples, 12
monarchie`` (``la``, unread alone); real numbers stay, a reading that moves a neighbour is not taken."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ocr._pagebits import boxed_line
from tests.ocr.test_latin_misreads import _page
from transform.ingest.base import TextLine
from transform.ocr import latin_misreads as lm
from transform.ocr.confidence import OCR_LOW
from transform.ocr.latin_digits import GLYPHS, UNIT, accepts, context_candidate, glyph_letters

SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_PROSE = TextLine(text="les collectivités ne sont pas en déficit et les soldes qu'elles dégagent", x0=0, top=0, x1=10,
                  bottom=5, page=1)  # the page's other lines: its letters are Latin


def _cand(line: str, word: str) -> str | None:
    toks = line.split()
    return context_candidate(toks, toks.index(word), line)


def test_candidates_on_frozen_lines() -> None:
    assert _cand("\"15, la CVAE n'est pas déconnectée des performances de l'entreprise", "\"15,") == GLYPHS
    assert _cand("des collectivités locales, à hauteur de 15 1106 d'ici 2027,", "1106") == UNIT
    # quoted digits a quote closes, an amount's thousands, a postal code, a year after a day: no candidate
    for line, word in [("le « 2023 » budget", "2023"), ("« 15 » et", "15"), ("à hauteur de 15 000 €", "000"),
                       ("réponse 71120 75342 Paris CEDEX", "75342"), ("le 12 2024 suivant", "2024"),
                       ("soit 46 Md€ a conduit", "Md€"),
                       ("de 15 1106 2027", "1106"), ("\"47,", "\"47,")]:
        assert _cand(line, word) is None, line


def test_what_a_place_accepts() -> None:
    assert glyph_letters("15", "l'IS") and glyph_letters("15", "IS") and not glyph_letters("15", "MS")
    assert accepts(GLYPHS, "\"15,", "l'IS,") and not accepts(GLYPHS, "\"15,", "15,") and not accepts(GLYPHS, "\"15,", "l'IS")
    assert accepts(UNIT, "1106", "Md€") and not accepts(UNIT, "1106", "MdE") and not accepts(UNIT, "1106", "1106")
    assert accepts("la", "12", "la") and not accepts("la", "12", "12") and not accepts("la", "12,", "la")


def test_letters_read_as_quoted_digits_are_read_with_their_neighbours() -> None:
    image, boxes = _page([("l'IS,", 20), ("la", 170), ("CVAE", 240), ("n'est", 420)])
    listed = [("\"15," if w == "l'IS," else w, *b) for w, *b in boxes]
    ln, result = boxed_line(listed)
    assert ln.text == "\"15, la CVAE n'est"
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.text == "l'IS, la CVAE n'est"
    assert result.word_boxes[id(ln)][0][0] == "l'IS,"
    assert ln.doubt is None


def test_an_amounts_unit_read_as_digits_is_read_with_its_number() -> None:
    image, boxes = _page([("de", 20), ("15", 110), ("Md€", 175), ("d'ici", 320)], face=SANS)  # the serif's € reads £
    listed = [("1106" if w == "Md€" else w, *b) for w, *b in boxes]
    ln, result = boxed_line(listed)
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.text == "de 15 Md€ d'ici"
    assert ln.doubt is None


def test_an_article_its_crop_did_not_confirm_is_read_with_its_neighbours(monkeypatch: pytest.MonkeyPatch) -> None:
    # the Constitution's scan: `12` read alone stays `12`; beside `multiples,` and `monarchie` it reads `la`
    image, boxes = _page([("multiples,", 20), ("la", 330), ("monarchie", 410)])
    listed = [("12" if w == "la" else w, *b) for w, *b in boxes]
    ln, result = boxed_line(listed)
    monkeypatch.setattr(lm, "_read", lambda _img, crops, _t: [[("12", 90.0)] for _c in crops])  # as on the scan
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.text == "multiples, la monarchie"
    assert ln.doubt is None


def test_real_digits_stay_and_their_line_is_in_doubt() -> None:
    image, boxes = _page([("\"15,", 20), ("la", 170), ("CVAE", 240)])  # the page prints the digits
    ln, result = boxed_line(boxes)
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.text == "\"15, la CVAE"
    assert ln.doubt == OCR_LOW
    image, boxes = _page([("de", 20), ("15", 120), ("1106", 200), ("d'ici", 360)])
    ln, result = boxed_line(boxes)
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.text == "de 15 1106 d'ici" and ln.doubt == OCR_LOW


def test_a_reading_that_moves_a_neighbour_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    import transform.ocr.latin_digits as ld

    image, boxes = _page([("\"15,", 20), ("la", 170), ("CVAE", 240)])
    ln, result = boxed_line(boxes)
    monkeypatch.setattr(ld, "_read", lambda *_a: [[("l'IS,", 90.0), ("le", 90.0), ("CVAE", 90.0)]])
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.text == "\"15, la CVAE" and ln.doubt == OCR_LOW


def test_text_rules_of_units_and_glued_articles() -> None:
    # Couthenans p. 3: `5 Mde€.` (the euro sign read twice), `réunile ……,` (a participle glued to its article)
    assert lm.text_fixes("de plus de 5 Mde€.") == "de plus de 5 Md€."
    assert lm.text_fixes("réunile") == "réuni le"
    assert lm.text_fixes("de l’origine sociale ou régionale, de {a") == "de l’origine sociale ou régionale, de la"  # BO 5952 bis
    assert lm.text_fixes("le conseil réunile 12 mars") == "le conseil réuni le 12 mars"
    # feminines the list lacks, a word it knows, a name in capitals stay
    for same in ("une monarchie constitutionnelle, démocratique", "Direction interministérielle du numérique",
                 "La variole dans l’espèce cameline", "une salle utile", "Mobile", "les 5 M€ et 2 k€",
                 "11 \\ - « { 1 0 1", "{ab} {la"):
        assert lm.text_fixes(same) == same, same


def test_an_ordinals_raised_e_read_as_a_digit_is_read_with_its_neighbours(monkeypatch: pytest.MonkeyPatch) -> None:
    """BO 5952 bis p. 20: ``65 (2e alinéa), 66`` read ``(22 alinéa)``; ``fra`` reads the crop of the three words
    ``65 (2€ alinéa),`` (as on the scan): the last digit was the raised e."""
    import transform.ocr.latin_digits as ld

    line = "aux articles 65 (22 alinéa), 66 et"
    assert _cand(line, "(22") == "ordinal"
    for other, word in [("l'article 22 alinéa 3 du code", "22"), ("les (22 alinéas)", "(22"), ("soit 22 alinéa", "22"),
                        ("au 22 alinéa premier", "22")]:
        assert _cand(other, word) is None, other  # a number before alinéa 3, a plural, no article nor bracket
    image, boxes = _page([("65", 20), ("(2e", 90), ("alinéa),", 170), ("66", 330)])
    listed = [("(22" if w == "(2e" else w, *b) for w, *b in boxes]
    ln, result = boxed_line(listed)
    monkeypatch.setattr(ld, "_read", lambda *_a: [[("65", 96.1), ("(2€", 42.2), ("alinéa),", 96.7)]])
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.text == "65 (2e alinéa), 66"
    assert result.word_boxes[id(ln)][1][0] == "(2e"


def test_an_ordinal_the_context_does_not_confirm_stays_in_doubt(monkeypatch: pytest.MonkeyPatch) -> None:
    import transform.ocr.latin_digits as ld

    image, boxes = _page([("65", 20), ("(22", 90), ("alinéa),", 170), ("66", 330)])
    ln, result = boxed_line(boxes)
    monkeypatch.setattr(ld, "_read", lambda *_a: [[("65", 96.1), ("(22", 90.0), ("alinéa),", 96.7)]])
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.text == "65 (22 alinéa), 66" and ln.doubt == OCR_LOW
