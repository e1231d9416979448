"""Runs of the other script inside a sentence, and characters that must never fail braille (issue 20).

Expected cells are hand-checked: Arabic letters in Unified Arabic Braille (أ 34, ف 124, و 2456,
ر 1235, ا 1), French capitals word sign 46-46, ``in`` 35 in French braille.
"""

from __future__ import annotations

import re

import pytest

from transform.braille import BrailleOptions, UnknownCharactersError, back_translate, translate_document, translate_text
from transform.model.runs import pieces

from .braille_docs import doc_of, para

BLANK = "\u2800"
STRICT = BrailleOptions(unknown_chars="error")  # these characters must pass even in strict mode


def _cells(book) -> str:  # noqa: ANN001 - a BrailleBook
    return BLANK.join(r for p in book.pages for r in p.rows)


def test_french_sentence_with_an_arabic_name_uses_the_arabic_table_for_the_name() -> None:
    cells = translate_text("la commune de أفورار, province", "fr", STRICT)
    # "de" (French g2) blank, أفورار in Arabic braille, the French comma glued to it (no blank)
    assert "⠙⠀⠌⠋⠺⠗⠁⠗⠂⠀" in cells
    assert back_translate("⠌⠋⠺⠗⠁⠗", "ar") == "أفورار"  # the run's cells come back in Arabic script
    # without runs, the French table has no cell for these letters
    with pytest.raises(UnknownCharactersError, match="U\\+0623"):
        translate_text("أفورار", "fr", STRICT.model_copy(update={"tables": {"ar": ["fr-bfu-g2.ctb"]}}))


def test_arabic_sentence_with_a_latin_acronym_uses_the_french_table_for_it() -> None:
    cells = translate_text("المبادرة الوطنية INDH، برنامج", "ar", STRICT)
    assert cells == "⠁⠇⠍⠃⠁⠙⠗⠡⠀⠁⠇⠺⠾⠝⠊⠡⠀⠨⠨⠔⠙⠓⠐⠀⠃⠗⠝⠁⠍⠚"
    assert back_translate("⠨⠨⠔⠙⠓", "fr") == "INDH"
    # the Arabic table alone writes INDH with its own Latin convention, which back-translates to Arabic letters
    assert back_translate(translate_text("INDH", "ar", BrailleOptions(tables={"fr": ["ar-ma-g1.utb"]})), "ar") != "INDH"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nous avons visité la commune de أفورار, province d’Azilal, en 2026.", "fr"),
        ("أطلقت المبادرة الوطنية INDH برنامج PDR 2 سنة 2026 في Afourar.", "ar"),
        ("Le programme « مدن بدون صفيح » a relogé 3 200 familles.", "fr"),
    ],
)
def test_every_run_back_translates_to_its_own_script(text: str, lang: str) -> None:
    whole = translate_text(text, lang, STRICT)
    for piece, plang, _ in pieces(text, lang):
        core = piece.strip(" ,.«»")
        if not core or core[0].isdigit():
            continue
        cells = translate_text(core, plang, STRICT)
        assert cells in whole, (core, plang)
        back = back_translate(cells, plang)
        if plang == "ar":
            assert back == core
        else:  # French: apostrophe and case as liblouis writes them; thousands joined (docs/braille.md)
            want = re.sub(r"(?<=\d) (?=\d{3})", "", core.replace("’", "'"))
            assert back.replace("’", "'").lower() == want.lower(), (back, core)


def test_arabic_marks_never_fail_and_stray_ones_are_dropped() -> None:
    # dagger alef written as alef; harakat, shadda, sukun kept on their letters
    assert translate_text("رحمٰن", "ar", STRICT) == translate_text("رحمان", "ar", STRICT) == "⠗⠱⠍⠁⠝"
    assert back_translate(translate_text("الرَّحْمٰنِ", "ar", STRICT), "ar") == "الرَّحْمانِ"
    # tanween left by OCR on a space and on a digit: removed, no lone vowel cell
    assert translate_text("ٌ عنوان 12ً", "ar", STRICT) == translate_text("عنوان 12", "ar", STRICT)
    # every Arabic mark, in a French sentence too
    marks = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670"
    for lang in ("ar", "fr", "en"):
        translate_text(f"عنوان{marks} 5{marks} x {marks}", lang, STRICT)


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_typographic_signs_ligatures_and_arabic_punctuation_never_fail(lang: str) -> None:
    text = "l’œuvre « ﬁnale » – oui — non… ‹a› „b“ Æ ß ā·b 3\u202f000\u00a0DH ٣ ، ؛ ؟ ٪ ۔ ٭"
    cells = translate_text(text, lang, STRICT)
    assert cells and "\\" not in cells


def test_ligature_is_brailled_as_its_letters() -> None:
    assert translate_text("ﬁnale", "fr", STRICT) == translate_text("finale", "fr", STRICT)
    assert translate_text("œuvre", "fr", STRICT) == "⠪⠧"  # French braille: œ one cell (246), "uvre" contracted
    assert translate_text("œuvre", "en", STRICT) == "⠕⠘⠖⠑⠥⠧⠗⠑"  # UEB: o, ligature indicator 45-235, e


def test_stray_diacritics_and_emoji_give_a_book_and_a_warning() -> None:
    from transform.model import Section

    doc = doc_of("ar", [Section(id="s1", blocks=[para("b1", "تقرير ٌ سنة 2026ً 😀.", "قال مدير INDH: نعم ✓.")])])
    book = translate_document(doc, BrailleOptions(), "ar")  # the default: notes, not an error
    text = _cells(book)
    assert translate_text("[ملاحظة الناسخ: رمز", "ar") in text.replace("\n", BLANK)  # the note, in Arabic braille
    assert any("U+1F600" in w and "b1-1" in w for w in book.warnings)
    assert not any("U+064C" in w or "U+064B" in w for w in book.warnings)  # stray marks: dropped by rule, no note
    assert "⠨⠨⠔⠙⠓" in text
    with pytest.raises(UnknownCharactersError) as err:  # strict use stays available
        translate_document(doc, STRICT, "ar")
    assert "😀" in err.value.chars and "\u064c" not in err.value.chars


def test_a_title_wholly_in_the_other_script_is_brailled_with_its_own_table() -> None:
    from transform.model import Section

    doc = doc_of("fr", [Section(id="s1", blocks=[para("b1", "Le décret est publié.")])], title="مرسوم بشأن الموظفين")
    book = translate_document(doc, STRICT, "fr")
    assert book.warnings == []
    assert translate_text("مرسوم بشأن الموظفين", "ar") in _cells(book)
