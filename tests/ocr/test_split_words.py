"""Words OCR cuts or glues at their edges: one word listed as two (``split_words.py``), an underline's stretch
read as an underscore (``underscores.py``), a comma read as a hamza after a pronoun's ``ها`` (``spelling.comma_hamza``).

Frozen readings: NARSA p. 2 (``المادة الر ابعة``), the Tangier notice p. 1 (``المملكة لا مغربية``), decree
2.17.355 p. 4 (``المادة 4:_مدة``), the joint order p. 3 (``اتحاداتهاء``). The truth checks hold the word rules to
changing no word of any truth page."""

from __future__ import annotations

import sys
from pathlib import Path

from transform.ingest.base import TextLine
from transform.ocr.spelling import comma_hamza
from transform.ocr.split_words import join_split_words, joined
from transform.ocr.underscores import underscores, unglued

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_echoes import TRUTH, _truth_texts  # noqa: E402


def _line(text: str) -> TextLine:
    return TextLine(text=text, x0=0.0, top=0.0, x1=500.0, bottom=20.0, page=1)


def test_a_word_cut_after_a_letter_that_does_not_join_is_joined() -> None:
    ln = _line("المادة الر ابعة: يتكون")
    boxes = [("المادة", 487, 76, 508, 90), ("الر", 473, 75, 485, 93), ("ابعة:", 453, 75, 470, 93), ("يتكون", 430, 75, 450, 93)]
    rtl = {id(ln): (ln.text, boxes)}
    assert join_split_words([ln], rtl) == 1
    assert ln.text == "المادة الرابعة: يتكون"
    assert rtl[id(ln)] == (ln.text, [boxes[0], ("الرابعة:", 453, 75, 485, 93), boxes[3]])


def test_a_word_cut_inside_its_ink_is_joined_where_the_boxes_overlap() -> None:
    ln = _line("المملكة لا مغربية")  # the lam-alef repair wrote the lone ال as لا
    rtl = {id(ln): (ln.text, [("المملكة", 470, 20, 497, 30), ("ال", 463, 19, 468, 35), ("مغربية", 441, 21, 465, 33)])}
    assert join_split_words([ln], rtl) == 1
    assert ln.text == "المملكة المغربية"
    apart = _line("المملكة ال مغربية")  # the same words a gap apart: two words
    rtl = {id(apart): (apart.text, [("المملكة", 470, 20, 497, 30), ("ال", 463, 19, 468, 35), ("مغربية", 441, 21, 460, 33)])}
    assert join_split_words([apart], rtl) == 0 and apart.text == "المملكة ال مغربية"


def test_words_printed_apart_stay_apart() -> None:
    assert joined("و", "الجهوي", True) is None  # a lone particle, even against the next word
    assert joined("و", "ككل", False) is None
    assert joined("المادة", "الرابعة", False) is None  # two words
    assert joined("الر", "ابعة:", False) == "الرابعة:"
    pairs = 0
    for page in sorted(TRUTH.glob("*/p*.md")):
        for text in _truth_texts(page):
            words = text.split()
            for a, b in zip(words, words[1:], strict=False):
                pairs += 1
                assert joined(a, b, False) is None, (page.parent.name, a, b)
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
