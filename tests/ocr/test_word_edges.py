"""Words OCR cuts or glues at their edges: one word listed as two (``glued._join_split``), an underline's stretch
read as an underscore (``underscores.py``), a comma read as a hamza after a pronoun's ``ها`` (``spelling.comma_hamza``).

Frozen readings: NARSA p. 2 (``المادة الر ابعة``), the Tangier notice p. 1 (``المملكة لا مغربية``), decree
2.17.355 p. 4 (``المادة 4:_مدة``), the joint order p. 3 (``اتحاداتهاء``). The truth checks hold the word rules to
changing no word of any truth page."""

from __future__ import annotations

import sys
from pathlib import Path

from transform.ingest.base import TextLine
from transform.ocr.glued import unglue
from transform.ocr.spelling import comma_hamza
from transform.ocr.underscores import underscores, unglued

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_echoes import TRUTH, _truth_texts  # noqa: E402


def _line(text: str) -> TextLine:
    return TextLine(text=text, x0=0.0, top=0.0, x1=500.0, bottom=20.0, page=1)


def _info(words: list[str], boxes: list[tuple[int, int, int, int]]) -> dict[str, list]:
    """A line's parallel lists as tesseract.parse_tsv gathers them (pixels, reading order)."""
    return {"words": list(words), "xs": [(x0 + x1) / 2 for x0, _t, x1, _b in boxes], "heights": [b - t for _x, t, _y, b in boxes],
            "boxes": list(boxes), "confs": [80.0] * len(words)}


def test_a_word_cut_before_its_colon_after_a_letter_that_does_not_join_is_joined() -> None:
    # NARSA p. 2 (the page's reading, 2026-12-07): the heading's word with its colon after it
    info = _info(["المادة", "الر", "ابعة:", "يتكون"], [(487, 76, 508, 90), (473, 75, 485, 93), (453, 75, 470, 93), (430, 75, 450, 93)])
    unglue(info)
    assert info["words"] == ["المادة", "الرابعة:", "يتكون"] and info["boxes"][1] == (453, 75, 485, 93)


def test_the_article_standing_alone_against_its_word_is_joined() -> None:
    # the Tangier notice p. 1: المغربية listed as ال and مغربية, the boxes overlapping (مغربية a word)
    info = _info(["المملكة", "ال", "مغربية"], [(470, 20, 497, 30), (463, 19, 468, 35), (441, 21, 465, 33)])
    unglue(info)
    assert info["words"] == ["المملكة", "المغربية"]
    apart = _info(["المملكة", "ال", "مغربية"], [(470, 20, 497, 30), (463, 19, 468, 35), (431, 21, 450, 33)])
    unglue(apart)  # the same words a wide gap apart: two words
    assert apart["words"] == ["المملكة", "ال", "مغربية"]
    for first, second in (("و", "الجهوي"), ("لا", "يمن")):  # a particle the page may print apart, against the next word
        particle = _info(["الثنائي", first, second], [(300, 0, 340, 16), (290, 0, 298, 16), (250, 0, 292, 16)])
        unglue(particle)
        assert particle["words"] == ["الثنائي", first, second]


def test_no_two_truth_words_side_by_side_are_joined() -> None:
    pairs = 0
    for page in sorted(TRUTH.glob("*/p*.md")):
        for text in _truth_texts(page):
            words = text.split()
            for a, b in zip(words, words[1:], strict=False):
                pairs += 1
                info = _info([a, b], [(100, 0, 140, 16), (50, 0, 90, 16)])  # apart, as printed words are
                unglue(info)
                assert a + b not in info["words"], (page.parent.name, a, b)
    assert pairs > 20000


def test_an_underline_read_as_an_underscore_is_a_space() -> None:
    assert unglued("4:_مدة") == "4: مدة" and unglued("_كيفية") == "كيفية" and unglued("المهني_:") == "المهني :"
    assert unglued("مكان___") == "مكان___"  # a blank to fill in
    assert unglued("DOSSIER_LE") == "DOSSIER_LE" and unglued("doc_spabio/western_fr.pdf") == "doc_spabio/western_fr.pdf"
    ln = _line("المادة 4:_مدة العمل الأسبوعية")
    assert underscores([ln]) == 1 and ln.text == "المادة 4: مدة العمل الأسبوعية"


def test_no_truth_word_holds_an_underscore_the_rule_takes() -> None:
    words = {w for p in TRUTH.glob("*/p*.md") for t in _truth_texts(p) for w in t.split()}
    assert len(words) > 10000
    assert [w for w in words if unglued(w) != w] == []


def test_a_comma_after_a_pronouns_ha_read_as_a_hamza() -> None:
    assert comma_hamza("اتحاداتهاء") == "اتحاداتها،" and comma_hamza("يقبضهاء") == "يقبضها،"
    assert comma_hamza("داخلياء") == "داخليا،"  # as before
    for word in ["انتهاء", "إنهاء", "الفقهاء", "أشياء", "الشهاء", "ويناء"]:  # a word, or no pronoun after the article
        assert comma_hamza(word) == word, word
