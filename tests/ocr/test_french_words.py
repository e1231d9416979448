"""Word misreads of French OCR'd lines the words tell (french_words.py, through latin_misreads.text_fixes), a line read
twice (twice_read.py), an accent the document reads without (french_words.settle_accents), ``après 1 avis`` read
again with its neighbours (latin_digits.py). Frozen lines of the held-out pages: Putanges p. 15 (a speckled page),
Haute-Saône pp. 3-4 (an office copier's scan), BO 5952 bis p. 32; right words of the same pages stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ocr._pagebits import boxed_line
from tests.ocr.test_latin_misreads import _page
from transform.evaluation.truth import load_truth_dir
from transform.ingest.base import TextLine
from transform.ocr import latin_digits as ld
from transform.ocr import latin_misreads as lm
from transform.ocr.confidence import OCR_LOW
from transform.ocr.french_words import french_fixes, settle_accents
from transform.ocr.latin_digits import ELISION, context_candidate
from transform.ocr.twice_read import drop_twice_read

TRUTH = Path(__file__).resolve().parent.parent / "realdocs" / "truth"
_PROSE = TextLine(text="les collectivités ne sont pas en déficit et les soldes qu'elles dégagent", x0=0, top=0, x1=10,
                  bottom=5, page=1)  # the page's other lines: its letters are Latin


@pytest.mark.parametrize(("read", "printed"), [
    ("Monsieur Leroux complète le propos en signalant l intérêt dé sécuriser l extension dela STEP, après 1 avis",
     "Monsieur Leroux complète le propos en signalant l'intérêt de sécuriser l'extension de la STEP, après 1 avis"),
    ("Par ailleurs, sur le plan téchnique, le développement", "Par ailleurs, sur le plan technique, le développement"),
    ("20240325 20 Acquisition de deux parcelles de terrain, sises sur Ja commune déléguée de de",
     "20240325 20 Acquisition de deux parcelles de terrain, sises sur la commune déléguée de"),
    ("aire de camping-cars mais uniquement des stationnements j journée et sans services.",
     "aire de camping-cars mais uniquement des stationnements journée et sans services."),
    ("des prélèvements, au plus tärd", "des prélèvements, au plus tard"),
    ("plus égale à.1 500 €, applicable à partir", "plus égale à 1 500 €, applicable à partir"),
    ("• àMonsieur le Directeur départemental", "• à Monsieur le Directeur départemental"),
    ("• à M.le Président de la Chambre d'Agriculture,", "• à M. le Président de la Chambre d'Agriculture,"),
    ("pour les contraventions de la 5° classe le fait", "pour les contraventions de la 5e classe le fait"),
    ("selon 1'article 12 et I’avis du conseil", "selon l'article 12 et l’avis du conseil"),
    # BO 5952 bis, pages without truth: the same classes
    ("disposent du droïit de présenter", "disposent du droit de présenter"),
    ("leur adoption aurait pour conséquerice, soit", "leur adoption aurait pour conséquence, soit"),
    ("la Nation et PEtat.", "la Nation et l'Etat."), ("relatives à léligibilité, aux", "relatives à l'éligibilité, aux"),
    ("de renoncer àla suppression", "de renoncer à la suppression"),
    ("Face à la crise ilest de la stabilité", "Face à la crise il est de la stabilité"),  # Couthenans p. 3
    ("51, 57, 59, 130 (1% alinéa) et 174, sont contresignés", "51, 57, 59, 130 (1er alinéa) et 174, sont contresignés"),
    ("Pinstallation de la Cour Constitutionnelle prévue", "l'installation de la Cour Constitutionnelle prévue"),
    ("promulgué par le dahir n° 1-96-157 du 23 joumada 1 1417 (7 octobre 1996).",
     "promulgué par le dahir n° 1-96-157 du 23 joumada I 1417 (7 octobre 1996)."),
    # BO 5952 bis pp. 20, 24: an ordinal's raised e read as a euro sign
    ("aux articles 65 (22 alinéa), 66 et 70 (3€ alinéa) de la présente", "aux articles 65 (22 alinéa), 66 et 70 (3e alinéa) de la présente"),
    ("44 (2€ alinéa), 47 (1er et 6€ alinéas), 51", "44 (2e alinéa), 47 (1er et 6e alinéas), 51"),
])
def test_held_out_misreads_are_put_right(read: str, printed: str) -> None:
    assert lm.text_fixes(read) == printed


@pytest.mark.parametrize("same", [
    "tél : 03 84 77 70 00 - mèl : prefecture@haute-saone.gouv.fr",  # printed so: a short word the list lacks
    "Étaient excusés : Madame Duarte", "les gélules ambrées", "l'ancien Palm Beach et, à terme,",
    "le dé à coudre", "jeu de dés", "un dé sur la table", "Pierre Paris Pont Pascal", "à brève ou moyenne échéance",
    "du 12 joumada II 1445", "de 5 l au plus", "mesure de 1 an", "M. le Maire", "à Monsieur le Préfet",
    "au sens du 1° du code", "une concurrence libre et loyale", "la lotion", "Pierre Pascal", "à-côté", "onze ilots", "une hausse de 1% des prix", "soit 1% de plus", "Charles de De Gaulle", "n° 1-96-157", "par 5° de pente",
    "un prix de 3€ la classe", "soit 12€ par alinéa", "payé 1€ alinéa", "un loyer de 120€ paragraphe",
])
def test_right_words_stay(same: str) -> None:
    assert lm.text_fixes(same) == same


def test_no_truth_line_nor_cell_of_the_corpus_changes() -> None:
    texts = []
    for folder in sorted(p for p in TRUTH.iterdir() if p.is_dir()):
        for page in load_truth_dir(folder):
            texts += page.furniture
            for block in page.blocks:
                texts += block.text.split("\n") if block.text else []
                texts += [cell.text for row in block.rows for cell in row if cell.text]
    assert len(texts) > 5000
    changed = [t for t in texts if french_fixes(t) != t]
    assert changed == []


def test_a_merged_word_keeps_its_listing_in_step() -> None:
    image, boxes = _page([("signalant", 20), ("l", 260), ("intérêt", 290), ("de", 470)])
    ln, result = boxed_line(boxes)
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.text == "signalant l'intérêt de"
    listed = result.word_boxes[id(ln)]
    assert [w for w, *_b in listed] == ln.text.split()
    assert listed[1][1] == boxes[1][1] and listed[1][3] == boxes[2][3]  # the two boxes made one


def test_arabic_indic_digits_for_il_are_a_candidate() -> None:
    toks = "mandaté par la CDC. ١١ évoque la possibilité".split()
    assert lm.digit_candidate(toks, toks.index("١١")) == "Il"


def _line(text: str, x0: float, top: float, x1: float, bottom: float, conf: float) -> TextLine:
    return TextLine(text=text, x0=x0, top=top, x1=x1, bottom=bottom, page=15, confidence=conf)


def test_a_line_read_twice_on_overlapping_bands_keeps_the_surer_reading() -> None:
    # Putanges p. 15: the bold line read whole, then again from a band inside it
    whole = _line("Après en avoir délibéré, le Conseil municipal à l’unanimité des membres présents et représentés :",
                  66.8, 119.8, 518.4, 133.1, 0.94)
    again = _line("près en avoir délibéré, le Conseil municipal a l'unanimité des membres présents et Tépres",
                  74.9, 125.3, 485.0, 134.8, 0.76)
    nxt = _line("Décide de désigner un correspondant défense,", 85.2, 144.3, 303.6, 156.7, 0.91)
    lines = [whole, again, nxt]
    assert drop_twice_read(lines) == 1
    assert lines == [whole, nxt]


def test_lines_that_only_share_words_or_ink_stay() -> None:
    a = _line("Après en avoir délibéré, le Conseil municipal à l’unanimité", 66, 120, 518, 133, 0.94)
    b = _line("Après en avoir délibéré, le Conseil municipal à l’unanimité", 66, 670, 518, 685, 0.92)  # printed twice
    c = _line("Monsieur le Maire invite l'Assemblée à délibérer", 66, 124, 518, 137, 0.80)  # other words, same band
    lines = [a, c, b]
    assert drop_twice_read(lines) == 0 and len(lines) == 3


def test_a_word_read_once_with_an_accent_takes_the_documents_spelling() -> None:
    pages = [["Monsieur Leroux cède la parole", "Monsieur Leroux complète"],
             ["Monsieur Leroux souligne", "Enfin monsieur Léroux signale que"]]
    assert settle_accents(pages)[1][1] == "Enfin monsieur Leroux signale que"
    sure = [[False, False], [True, True]]  # read sound only once: not the document's spelling
    assert settle_accents(pages, sure)[1][1] == "Enfin monsieur Léroux signale que"
    assert settle_accents([["la société Régis", "Regis Regis Regis"]])[0][0] == "la société Régis"  # twice read: stays


def test_a_lone_one_before_a_vowel_is_read_with_its_neighbours(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = "Leroux complète après 1 avis technique".split()
    assert context_candidate(toks, 3, " ".join(toks)) == ELISION
    for line in ("votants : 15 dont 1 abstention", "pour 1 an", "après 1 000 euros"):
        t = line.split()
        assert context_candidate(t, t.index("1"), line) in (None, ELISION)
    assert context_candidate("dont 1 abstention".split(), 1, "dont 1 abstention") is None
    image, boxes = _page([("après", 20), ("1", 200), ("avis", 240), ("technique", 400)])
    ln, result = boxed_line(list(boxes))
    monkeypatch.setattr(ld, "_read", lambda *_a: [[("après", 90.0), ("l'avis", 90.0)]])
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.text == "après l'avis technique" and ln.doubt is None
    assert [w for w, *_b in result.word_boxes[id(ln)]] == ln.text.split()
    ln, result = boxed_line(list(boxes))
    monkeypatch.setattr(ld, "_read", lambda *_a: [[("après", 90.0), ("l'as", 56.0)]])  # as on the speckled page
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.text == "après 1 avis technique" and ln.doubt == OCR_LOW


def test_a_line_of_only_joining_words_is_in_doubt() -> None:
    # Haute-Saône p. 4: ``Le Préfet`` under the signature's stroke read ``Le et``
    image, boxes = _page([("Le", 20), ("et", 120)])
    ln, result = boxed_line(boxes)
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.doubt == OCR_LOW
    image, boxes = _page([("Le", 20), ("Maire", 120)])
    ln, result = boxed_line(boxes)
    lm.latin_misreads(image, [_PROSE, ln], result, 60.0)
    assert ln.doubt is None
