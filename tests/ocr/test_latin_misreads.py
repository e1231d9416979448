"""French OCR'd pages' misreads (latin_misreads.py): an article read as digits (`de 12 corrélation`, `Une 101
organique` on the 2011 Constitution's scan), an Arabic speck on a French page (`Nom et prénom م`), a doubled
apostrophe (`L’'INFRACTION`) and an added diaeresis (`droïts`); real numbers and names stay."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.ocr._pagebits import boxed_line
from transform.ingest.base import TextLine
from transform.ocr.confidence import OCR_LOW
from transform.ocr.latin_misreads import digit_candidate, latin_misreads, speck, text_fixes
from transform.ocr.render import PageImage

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
DPI = 200.0


def _cand(line: str, word: str) -> str | None:
    toks = line.split()
    return digit_candidate(toks, toks.index(word))


def test_digits_where_the_phrase_wants_an_article_are_candidates() -> None:
    # frozen lines of the Constitution's scan (BO 5952 bis) and of Putanges' budget table
    assert _cand("bonne gouvernance et de 12 corrélation entre la responsabilité", "12") == "la"
    assert _cand("La souveraineté appartient à 12 Nation qui l’exerce", "12") == "la"
    assert _cand("ces domaines. Une 101 organique en détermine", "101") == "loi"
    assert _cand("Le nombre des représentants, 16 régime électoral, les principes", "16") == "le"
    assert _cand("dès 13 prise de fonctions", "13") == "la"
    assert _cand("Immobilisations | 227 418,17€ | 13 section de 886 736,01€", "13") == "la"
    assert _cand("11 donne son avis sur les orientations", "11") == "Il"


def test_real_numbers_are_not_candidates() -> None:
    for line, word in [("acquisition de 12 parcelles de terrain", "12"), ("réunie le 12 mars dernier", "12"),
                       ("à raison de 13 heures par semaine", "13"), ("prévus à l'article 12 de la loi", "12"),
                       ("avec 11 élus représentés", "11"), ("à hauteur de 15 000 €", "15"),
                       ("11 pour", "11"), ("de 12 mille dirhams", "12"), ("de 45 parcelle", "45"),
                       ("article 101 bis", "101"), ("de 12 Md€", "12")]:
        assert _cand(line, word) is None, line


def test_text_rules() -> None:
    assert text_fixes("DATE, HEURE ET LIEU DE LA CONSTATATION DE L’'INFRACTION") == \
        "DATE, HEURE ET LIEU DE LA CONSTATATION DE L’INFRACTION"
    assert text_fixes("les dispositifs des droïts de l'Homme") == "les dispositifs des droits de l'Homme"
    assert text_fixes("nomination du préfet dé la Haute-Saône") == "nomination du préfet de la Haute-Saône"
    assert text_fixes("au titre de l'entretien dés bâtiments") == "au titre de l'entretien des bâtiments"
    assert text_fixes("Nomet prénom:") == "Nom et prénom:"  # BO 7448 p. 23, three times
    # a name's diaeresis, a coordinate's seconds, a word the list knows with its diaeresis, a die stay
    for same in ("monsieur Mickaël Agostini", "A : 35°11'36''N/ 06°10'24''W ;", "une idée naïve", "les dés sont jetés",
                 "un jeu de dés", "un dé à coudre", "le terrain Graffet et des travaux", "n° SIRET", "un bonnet rouge"):
        assert text_fixes(same) == same


def test_specks() -> None:
    assert speck("م") and speck("”ا") and speck(".ا") and speck("بس")
    assert not speck("Nom") and not speck("المملكة") and not speck("12")


def _page(words: list[tuple[str, int]], extra: list[tuple[str, int]] = (),
          face: Path = FONT) -> tuple[PageImage, list[tuple[str, float, float, float, float]]]:
    """A white page with ``words`` printed on one row at the given x (pixels) in ``face``; their boxes in points.
    ``extra`` words are printed there too but listed under no box (the ink a misread box covers)."""
    img = Image.new("L", (1400, 200), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(face), 40)
    boxes = []
    for text, x in words:
        if text:
            draw.text((x, 60), text, font=font, fill=0)
            x0, y0, x1, y1 = draw.textbbox((x, 60), text, font=font)
        else:  # a box over blank paper (a speck tesseract made up)
            x0, y0, x1, y1 = x, 75, x + 12, 95
        boxes.append((text, x0 * 72 / DPI, y0 * 72 / DPI, x1 * 72 / DPI, y1 * 72 / DPI))
    for text, x in extra:
        draw.text((x, 60), text, font=font, fill=0)
    return PageImage(image=img, dpi=DPI, page=1, width_pt=1400 * 72 / DPI, height_pt=200 * 72 / DPI), boxes


_line = boxed_line


def test_an_article_read_as_digits_is_read_again_from_its_ink() -> None:
    image, boxes = _page([("de", 20), ("la", 110), ("volonté", 190), ("de", 390), ("la", 470), ("Nation", 550)])
    listed = [("12" if w == "la" and b[0] < 50 else w, *b) for w, *b in boxes]  # the first `la` read 12
    ln, result = _line(listed)
    assert ln.text == "de 12 volonté de la Nation"
    assert latin_misreads(image, [ln], result, 60.0) == 1
    assert ln.text == "de la volonté de la Nation"
    assert result.word_boxes[id(ln)][1][0] == "la"  # the listing kept in step
    assert ln.doubt is None


def test_a_real_number_in_that_place_stays_and_the_line_is_in_doubt() -> None:
    image, boxes = _page([("de", 20), ("12", 110), ("volonté", 190)])
    ln, result = _line(boxes)
    latin_misreads(image, [ln], result, 60.0)
    assert ln.text == "de 12 volonté"
    assert ln.doubt == OCR_LOW


def test_an_arabic_speck_on_a_french_line_is_dropped_or_read_as_its_letter() -> None:
    image, boxes = _page([("Nom", 20), ("et", 130), ("prénom", 200), ("", 400)])
    listed = [(w or "م", *b) for w, *b in boxes]
    listed[0:2] = [("Nomet", listed[0][1], listed[0][2], listed[1][3], listed[1][4])]  # glued as read: one box
    ln, result = _line(listed)
    assert latin_misreads(image, [ln], result, 60.0) == 2
    assert ln.text == "Nom et prénom"
    assert [w for w, *_b in result.word_boxes[id(ln)]] == ["Nom", "et", "prénom"]
    image, boxes = _page([("articles", 20), ("L", 230), ("2212-2", 290)])
    listed = [(".ا" if w == "L" else w, *b) for w, *b in boxes]
    ln, result = _line(listed)
    latin_misreads(image, [ln], result, 60.0)
    assert ln.text.replace(".", "") == "articles L 2212-2"


def test_arabic_words_are_no_specks() -> None:
    # beside another Arabic word, or on a page whose letters are not Latin enough: left as read
    image, boxes = _page([("Compte", 20), ("", 250), ("", 300)])
    listed = [("Compte", *boxes[0][1:]), ("سات", *boxes[1][1:]), ("الب", *boxes[2][1:])]
    ln, result = _line(listed)
    assert latin_misreads(image, [ln], result, 60.0) == 0
    assert ln.text == "Compte سات الب"
    image, boxes = _page([("Vu", 20), ("", 150)])
    ln, result = _line([("Vu", *boxes[0][1:]), ("م", *boxes[1][1:])])
    arabic = TextLine(text="المملكة المغربية وزارة الداخلية", x0=0, top=0, x1=10, bottom=5, page=1)
    assert latin_misreads(image, [arabic, ln], result, 60.0) == 0
    assert ln.text == "Vu م"


@pytest.mark.parametrize("line", ["de 12 parcelles", "le 12 mars"])
def test_no_crop_is_read_without_a_candidate(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import transform.ocr.latin_misreads as lm

    monkeypatch.setattr(lm, "_read", lambda *a, **k: pytest.fail("read a crop"))
    image, boxes = _page([(w, 20 + 150 * n) for n, w in enumerate(line.split())])
    ln, result = _line(boxes)
    assert latin_misreads(image, [ln], result, 60.0) == 0
    assert ln.text == line


def test_a_letter_read_for_a_speck_listed_last_goes_where_its_ink_stands() -> None:
    # BO 7448 p. 22: the part number `V.` before its title read `.لا` and listed at the line's end
    image, boxes = _page([("V", 20), ("REFERENCES", 150), ("DES", 450)])  # drawn without its point: read surer
    listed = [boxes[1], boxes[2], (".لا", *boxes[0][1:])]
    ln, result = _line(listed)
    assert ln.text == "REFERENCES DES .لا"
    latin_misreads(image, [ln], result, 60.0)
    assert ln.text == "V REFERENCES DES"


def test_a_french_word_read_as_arabic_junk_is_read_again_alone() -> None:
    # Putanges p. 13: `✓ Vote le budget` read `Y عام/ا le budget`; four Arabic letters are no speck
    image, boxes = _page([("Conseil", 20), ("Vote", 240), ("le", 380), ("budget", 450)])
    listed = [("عام/ا" if w == "Vote" else w, *b) for w, *b in boxes]
    ln, result = _line(listed)
    prose = TextLine(text="Après en avoir délibéré, le Conseil Municipal, à l'unanimité des Membres présents et représentés :",
                     x0=0, top=0, x1=10, bottom=5, page=1)  # the page's other lines: its letters are Latin
    assert latin_misreads(image, [prose, prose, ln], result, 60.0) == 1
    assert ln.text == "Conseil Vote le budget"
    assert ln.doubt is None
    image, boxes = _page([("Conseil", 20), ("", 240), ("le", 380), ("budget", 450)])  # blank paper: no word read
    ln, result = _line([("عام/ا" if not w else w, *b) for w, *b in boxes])
    latin_misreads(image, [prose, prose, ln], result, 60.0)
    assert ln.text == "Conseil عام/ا le budget" and ln.doubt == OCR_LOW  # left as read, in doubt


def test_word_rules_of_the_phrase() -> None:
    # frozen lines of the Constitution's scan (BO 5952 bis p. 2-4) and of Haute-Saône's order (p. 1)
    assert text_fixes("entre toutes Les cultures et les civilisations du monde.") == \
        "entre toutes les cultures et les civilisations du monde."
    assert text_fixes("— Œuvrer à La construction de l’Union du Maghreb") == "— Œuvrer à la construction de l’Union du Maghreb"
    assert text_fixes("VU le Code de la Santé Publique et notamment son titre Il ;") == \
        "VU le Code de la Santé Publique et notamment son titre II ;"
    assert text_fixes("sur les différentes cultures'et sur les civilisations") == "sur les différentes cultures et sur les civilisations"
    assert text_fixes("ARTICLE PREMIER.-—Sera soumis à référendum") == "ARTICLE PREMIER. – Sera soumis à référendum"
    assert text_fixes("ART. 2.-—Les citoyens et les citoyennes") == "ART. 2. – Les citoyens et les citoyennes"
    # a sentence's article, a place's, the pronoun before its verb, elisions stay
    for same in ("civilisations du monde. La prééminence accordée", "la Cour de justice à La Haye", "Il donne son avis",
                 "dit-il. Il faut", "jusqu'au bout", "aujourd'hui même", "presqu'île", "l'État et d'appréhender",
                 "ART. 3. - Le présent dahir"):
        assert text_fixes(same) == same, same


def test_an_article_before_an_office_mid_sentence_is_small() -> None:
    # a frozen line of BO 5952 bis p. 22 (the Constitution's art. 106): the article read with a capital
    assert text_fixes("est immédiatement adressé par Le Président de la Chambre des Conseillers") == \
        "est immédiatement adressé par le Président de la Chambre des Conseillers"
    # a place's article, an office opening a sentence, a body's name the text writes with its capital: left
    for same in ("commune de La Valette-du-Var", "relais de La Forêt-Auvray", "du Conseil. Le Président ouvre la séance",
                 "Le Président de la Chambre", "indique que La Communauté de Communes"):
        assert text_fixes(same) == same, same


def test_a_word_split_keeps_its_listing_in_step() -> None:
    image, boxes = _page([("ARTICLE", 20), ("PREMIER.-—Sera", 260), ("soumis", 700)])
    ln, result = _line(boxes)
    latin_misreads(image, [ln], result, 60.0)
    assert ln.text == "ARTICLE PREMIER. – Sera soumis"
    listed = result.word_boxes[id(ln)]
    assert [w for w, *_b in listed] == ln.text.split()
    assert listed[1][1] == boxes[1][1] and listed[3][3] == boxes[1][3]  # the glued word's box shared by its parts
