"""The text-layer score on its own: good Arabic/French passes, each kind of corruption fails."""

from __future__ import annotations

import random

import ocr_testkit as pdfkit
import pytest

from transform.ocr.lexicon import known_ar, known_fr, normalise_ar
from transform.ocr.quality import BAD, GOOD, agreement, assess, langs_of


def test_sound_text_layers_are_good() -> None:
    for text, lang in ((pdfkit.AR_TEXT, "ar"), (pdfkit.FR_TEXT, "fr")):
        q = assess(text)
        assert q.verdict == "good", q
        assert q.score >= GOOD
        assert q.langs == [lang]
    mixed = assess(pdfkit.AR_TEXT + "\n" + pdfkit.FR_TEXT)
    assert mixed.verdict == "good" and mixed.langs == ["ar", "fr"]


def test_word_lists_find_inflected_forms() -> None:
    for w in ("والمسالك", "للمواطنين", "المشاريع", "بالماء", "وتأهيل", "مؤسسات"):
        assert known_ar(normalise_ar(w)), w
    for w in ("délibération", "présentés", "l'exécution", "communales"):
        assert known_fr(w), w
    assert not known_ar(normalise_ar("ظطؼكضو"))
    assert not known_fr("xqzvbrt")


def test_visual_order_arabic_is_detected() -> None:
    reversed_words = "\n".join(" ".join(w[::-1] for w in line.split()) for line in pdfkit.AR_TEXT.splitlines())
    q = assess(reversed_words)
    assert q.verdict == "bad"
    assert "backwards" in q.reason
    assert q.signals["ar_reversed_hit"] > q.signals["ar_hit"]


def test_wrong_glyph_mapping_is_detected() -> None:
    letters = [chr(c) for c in range(0x0621, 0x064B)]
    table = str.maketrans(dict(zip(letters, letters[5:] + letters[:5], strict=True)))
    q = assess(pdfkit.AR_TEXT.translate(table))
    assert q.verdict == "bad" and q.score < BAD
    assert "word lists" in q.reason


def test_scrambled_french_is_detected() -> None:
    rnd = random.Random(7)
    scrambled = " ".join("".join(rnd.sample(w, len(w))) for w in pdfkit.FR_TEXT.split())
    assert assess(scrambled).verdict == "bad"


@pytest.mark.parametrize(
    ("corrupt", "words"),
    [
        (lambda t: t.replace("ا", "\ufe8d").replace("ل", "\ufedd").replace("م", "\ufee1"), "presentation-form"),
        (lambda t: t.replace("م", "\ufffd").replace("ن", "\ufffd"), "replacement characters"),
        (lambda t: t.replace("ا", "\ue001").replace("ي", "\ue002"), "private-use"),
    ],
)
def test_bad_code_points_are_detected(corrupt, words: str) -> None:  # type: ignore[no-untyped-def]
    q = assess(corrupt(pdfkit.AR_TEXT))
    assert q.verdict == "bad", q
    assert words in q.reason


def test_empty_and_short_pages() -> None:
    assert assess("  \n ").verdict == "empty"
    assert assess("12").verdict == "empty" or assess("12").verdict == "good"
    assert assess("برنامج التنمية 2026").verdict == "good"  # a short title is not sent to OCR


def test_langs_and_agreement() -> None:
    assert langs_of("Décision du conseil") == ["fr"]
    assert langs_of("برنامج") == ["ar"]
    assert langs_of("12 345") == []
    assert agreement("برنامج التنمية، الجهوية", "برنامج التنمية الجهوية") == 1.0
    assert agreement("الجهوية التنمية برنامج", "برنامج التنمية الجهوية") < 0.75  # word order matters


def test_garbled_arabic_half_is_not_hidden_by_good_french() -> None:
    letters = [chr(c) for c in range(0x0621, 0x064B)]
    table = str.maketrans(dict(zip(letters, letters[5:] + letters[:5], strict=True)))
    q = assess(pdfkit.AR_TEXT.translate(table) + "\n" + pdfkit.FR_TEXT + "\n" + pdfkit.FR_TEXT)
    assert q.verdict == "bad", q
    assert "Arabic words" in q.reason


def _remap(text: str, first: int, size: int) -> str:
    """Every visible character decoded into another table (what a font with a wrong ToUnicode gives)."""
    return "".join(chr(first + ord(c) % size) if not c.isspace() else c for c in text)


@pytest.mark.parametrize(
    ("garbage", "words"),
    [
        (_remap(pdfkit.AR_TEXT, 0x4E00, 5000), "another script (CJK)"),
        (_remap(pdfkit.FR_TEXT, 0x0410, 64), "another script (CYRILLIC)"),
        (_remap(pdfkit.AR_TEXT, 0x05D0, 27), "another script (HEBREW)"),
        (_remap(pdfkit.AR_TEXT, 0x2500, 200), "letters or digits"),  # box drawing and shapes
        (_remap(pdfkit.FR_TEXT, 0x21, 15), "letters or digits"),  # glyphs decoded to ASCII signs
        ("\ufffd" * 12 + " " + "\ufffd" * 30, "replacement characters"),
        (_remap(pdfkit.AR_TEXT, 0xF020, 200), "private-use"),
        ("中文字符 ⊙ 表", "another script"),  # a short page is judged too, not waved through as a title
    ],
)
def test_other_scripts_and_signs_are_never_sound(garbage: str, words: str) -> None:
    q = assess(garbage)
    assert q.verdict == "bad" and q.score < BAD, q
    assert words in q.reason, q.reason


def test_harmless_symbols_leaders_and_figures_stay_sound() -> None:
    toc = "Sommaire\nIntroduction ............ 3\nChapitre premier ........... 5\nAnnexes ____________ 40"
    figures = "12 345 67,5 % 1 250 000 / 2026 - 45 % 3 400 000 (12) 15 % 800 000 € ✓"
    for text in (toc, figures, pdfkit.AR_TEXT + " • © № ✓ → α", pdfkit.FR_TEXT + " ☐ ■ ° ‰"):
        q = assess(text)
        assert q.verdict == "good", (text[:40], q)


def test_latin_references_in_an_arabic_page_do_not_make_it_doubtful() -> None:
    """An Arabic report cites English titles and acronyms: they are not French, and a small
    share of unknown Latin words must not send a sound page to OCR."""
    refs = " ".join(["ENBSE", "MTEDD", "op", "cit", "Assessing", "Mediterranean", "Agrobiodiversity", "Index", "Report",
                     "Bioversity", "International", "Rome", "Italy", "hdl", "handle", "net"])
    q = assess(pdfkit.AR_TEXT + "\n" + refs)
    assert q.verdict == "good", q
    # a footnote page: English references make a third of the words, still a sound page
    english = ("Coffey Damiens Hysing Torabi Assessing biodiversity policy designs in Australia France and Sweden "
               "Comparative lessons for transformative governance of biodiversity Journal of Environmental Policy "
               "Planning Governance in the Context of Regional Administration in Indonesia International Framework")
    q = assess(pdfkit.AR_TEXT + "\n" + english + " " + english)
    assert q.signals["fr_words"] >= 0.25 * q.signals["words"] and q.verdict == "good", q
    # a garbled Latin minority (decoded from an Arabic font) is still judged on its own
    junk = " ".join("".join(chr(0x61 + ord(c) % 26) for c in w) for w in pdfkit.AR_TEXT.split()[:25])
    assert assess(pdfkit.AR_TEXT + "\n" + junk).verdict != "good"


def test_word_made_misspellings_are_impossible() -> None:
    """A Word font mapping ي to the tanween ٌ, ه to و or ى: ملكٌة, ىذه, الجماعً are no Arabic words."""
    from transform.ocr.quality import word_known

    for w in ("ملكٌة", "ىذه", "الجماعً", "تحوٌل"):
        assert word_known(w) is False, w
    for w in ("ملكية", "هذه", "الجماعي", "الدورة"):
        assert word_known(w) is True, w
    for w in ("أيضًا", "طبقًا", "جدًا"):  # tanween before the final alef of an indefinite word is no error
        assert word_known(w) is True, w
    q = assess("اململكة املغربية\nجماعة طنجة إلى علم العموم أن مجلس جماعة طنجة سيعقد أشغال دورتو العادية ىذه الدورة "
               "تحدٌد حدود الطرق العامة مع نزع ملكٌة العقارات الالزمة لذلك المقرر الجماعً تحوٌل النفاٌات المنزلٌة")
    assert q.signals["ar_impossible"] >= 0.2 and q.verdict != "good", q


def test_ocr_fixes_count_words_the_layer_gets_wrong() -> None:
    from transform.ocr.quality import fixes

    layer = "إحذاث وحذة لتثمين الحليب ومشتقاته لفائذة التعاونيات وتأهيل المذارات الحضرية"  # د read as ذ
    ocr = "إحداث وحدة لتثمين الحليب ومشتقاته لفائدة التعاونيات وتأهيل المدارات الحضرية"
    fixed, broken = fixes(layer, ocr)
    assert fixed >= 3 and broken == 0
    # OCR noise on a sound layer is not a fix
    fixed, broken = fixes(ocr, "إحداث وحدة لتثمين الحلبب ومشتقاتة لفائدة التعاونيات وتأهيل المدارات الحضرية")
    assert fixed == 0 and broken >= 1
