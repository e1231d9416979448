"""Tables, unknown characters, back-translation and the pipeline."""

from __future__ import annotations

from pathlib import Path

import louis
import pytest

from transform import ConversionStatus, TransformOptions, convert
from transform.braille import (
    BrailleOptions,
    UnknownCharactersError,
    back_translate,
    check_all,
    translate_document,
    translate_text,
)
from transform.braille.tables import load_index, resolve_name, tables_for

from .braille_docs import doc_of, para


def test_check_table_for_every_index_entry() -> None:
    entries = [(lang, grade, names) for lang, grades in load_index().items() for grade, names in grades.items()]
    assert {"ar", "ary", "fr", "en"} <= {lang for lang, _, _ in entries}
    for _, _, names in entries:
        louis.checkTable([resolve_name(n) for n in names])  # raises RuntimeError on a broken table
    assert check_all() == []
    from transform.braille.tables import availability

    assert availability() and all(availability().values())


def test_our_table_is_packaged_and_used() -> None:
    (path,) = tables_for("ar")
    assert path.endswith("braille_tables/ar-ma-g1.utb") and Path(path).is_file()
    assert tables_for("fr") == ("fr-bfu-g2.ctb",)
    assert tables_for("fr", BrailleOptions(french="g1")) == ("fr-bfu-comp6.utb",)


def test_system_table_alone_cannot_write_moroccan_letters() -> None:
    # the reason our table exists: liblouis 3.24 ar-ar-g1 prints an escape code
    assert "\\x06ad" in louis.translateString(["ar-ar-g1.utb"], "ڭ")


def test_unknown_character_error_lists_chars_and_sentences() -> None:
    doc = doc_of("fr", [__import__("transform.model", fromlist=["Section"]).Section(id="s1", blocks=[para("b1", "Bonjour 😀.", "Merci ✓ 😀.")])])
    with pytest.raises(UnknownCharactersError) as err:
        translate_document(doc, BrailleOptions(unknown_chars="error"), "fr")
    exc = err.value
    assert set(exc.chars) == {"😀", "✓"}
    assert exc.chars["😀"] == ["b1-1", "b1-2"]
    assert "U+1F600" in exc.message and "b1-1" in exc.message
    assert exc.http_status == 422


def test_unknown_character_note_fallback() -> None:
    from transform.model import Section

    doc = doc_of("fr", [Section(id="s1", blocks=[para("b1", "Bonjour 😀.")])])
    book = translate_document(doc, BrailleOptions(unknown_chars="note", french="g1"), "fr")
    text = "⠀".join(r for p in book.pages for r in p.rows)
    assert translate_text("[note du transcripteur : caractère U+1F600]", "fr", BrailleOptions(french="g1")) in text
    assert any("U+1F600" in w and "b1-1" in w for w in book.warnings)
    assert "\\" not in text and "⠄⡳" not in text
    assert text.split("⠀⠀⠀")[0].endswith("⠼⠼⠾⠲")  # "... U+1F600]." : no blank before the full stop


def test_no_escape_codes_ever() -> None:
    with pytest.raises(UnknownCharactersError, match=r"U\+06AC.*in text"):
        translate_text("Agadir is written ڬ", "en", BrailleOptions(tables={"en": ["en-ueb-g1.ctb"]}, unknown_chars="error"))


AR_SAMPLE = "تبلغ ميزانية الجهة 1250000 درهم، أي 78 % من المجموع. ڭاع الناس غادي يستافدو من ڤيلا ف پاريس؟"
FR_SAMPLE = "Le conseil régional a adopté le budget de 2026 : 1250000 DH, soit 78 % du total."


def _west(s: str) -> str:
    return s.translate({0x0660 + i: str(i) for i in range(10)})


def test_back_translation_arabic() -> None:
    cells = translate_text(AR_SAMPLE, "ar")
    # documented losses: digits come back as Arabic-Indic digits
    assert _west(back_translate(cells, "ar")) == AR_SAMPLE


def test_back_translation_french_grade1_exact() -> None:
    opts = BrailleOptions(french="g1")
    assert back_translate(translate_text(FR_SAMPLE, "fr", opts), "fr", opts) == FR_SAMPLE


def test_back_translation_french_grade2() -> None:
    text = "Le conseil régional a adopté le budget de 2026, soit 78 % du total."
    assert back_translate(translate_text(text, "fr"), "fr") == text
    # documented grade 2 loss: a capitalised abbreviation can read as a contraction
    assert back_translate(translate_text("1 250 000 DH", "fr"), "fr") == "1250000 DEHORS"


MD = """# ميزانية الجهة 2026

تبلغ ميزانية الجهة 1 250 000 درهم. ڭاع الجماعات غادي تستافد.

| البرنامج | المبلغ |
|---|---|
| الطرق | 500 000 درهم |

## Budget de la Région

Le budget atteint 1 250 000 DH, soit 78 % du total.

- Routes rurales
- Eau potable
"""


def test_convert_bilingual_markdown(tmp_path: Path) -> None:
    src = tmp_path / "budget.md"
    src.write_text(MD, encoding="utf-8")
    result = convert(src, TransformOptions(outputs=["braille"]), tmp_path / "out")
    assert result.status == ConversionStatus.SUCCESS, result.errors
    names = sorted(a.name for a in result.artifacts)
    assert names == sorted(f"budget.{lang}.{ext}" for lang in ("ar", "fr") for ext in ("brl", "brf", "pef", "braille-index.json"))
    out = tmp_path / "out" / "budget"
    ar = (out / "budget.ar.brl").read_text(encoding="utf-8")
    fr = (out / "budget.fr.brl").read_text(encoding="utf-8")
    assert "⠛⠁⠷" in ar  # ڭاع
    assert "⠼⠁⠃⠑⠚⠚⠚⠚" in ar  # 1 250 000 as one number
    assert "⠠⠡⠣⠱⠼⠼⠼⠼" in fr and "⠠⠻⠳⠀⠐⠬" in fr
    assert "⠛⠁⠷" not in fr
    assert (out / "budget.fr.brf").read_bytes().count(b"\f") >= 1
    from transform.braille import validate_pef

    assert validate_pef((out / "budget.ar.pef").read_bytes()) == []


def test_convert_notes_unknown_characters_by_default_and_fails_them_when_strict(tmp_path: Path) -> None:
    src = tmp_path / "bad.md"
    src.write_text("# Titre\n\nBonjour 😀 tout le monde.\n", encoding="utf-8")
    result = convert(src, TransformOptions(outputs=["braille", "text"]), tmp_path / "out")
    assert result.status == ConversionStatus.SUCCESS  # default: a transcriber's note and a warning
    (warn,) = [e for e in result.errors if e.stage == "render.braille"]
    assert warn.severity == "warning" and "U+1F600" in warn.message
    brl = (tmp_path / "out" / "bad" / "bad.fr.brl").read_text(encoding="utf-8")
    assert translate_text("[note du transcripteur : caractère U+1F600]", "fr") in brl.replace("\n", "⠀")
    strict = TransformOptions(outputs=["braille", "text"], braille=BrailleOptions(unknown_chars="error"))
    result = convert(src, strict, tmp_path / "out2")
    assert result.status == ConversionStatus.PARTIAL_SUCCESS
    (err,) = [e for e in result.errors if e.stage == "render.braille"]
    assert "U+1F600" in err.message and err.code == "braille_unknown_characters"
    assert result.find("text")  # the other outputs are still produced


def test_comp8_has_no_brf_but_unicode_and_pef(tmp_path: Path) -> None:
    src = tmp_path / "c.md"
    src.write_text("# Titre\n\nLe budget atteint 78 %.\n", encoding="utf-8")
    opts = TransformOptions(outputs=["braille"], braille=BrailleOptions(french="comp8"))
    result = convert(src, opts, tmp_path / "out")
    names = sorted(a.name for a in result.artifacts)
    assert names == ["c.fr.braille-index.json", "c.fr.brl", "c.fr.pef"]
    assert any("no BRF" in e.message and e.severity == "warning" for e in result.errors)
    assert "⡇" in (tmp_path / "out/c/c.fr.brl").read_text(encoding="utf-8")  # 8-dot capital L (dots 1237)


def test_language_switch_inside_a_paragraph() -> None:
    from transform.braille.engine import BLANK, BrailleEngine, Segment

    engine = BrailleEngine(BrailleOptions(french="g1"), default_lang="fr")
    tr = engine.translate_segments([Segment("Le budget 78 %.", "fr", "s1"), Segment("ڭاع الناس.", "ary", "s2"), Segment("Fin.", "fr", "s3")])
    fr1 = translate_text("Le budget 78 %.", "fr", BrailleOptions(french="g1"))
    ar = translate_text("ڭاع الناس.", "ary")
    fr2 = translate_text("Fin.", "fr", BrailleOptions(french="g1"))
    assert tr.cells == fr1 + BLANK + ar + BLANK + fr2
    assert ar.startswith("⠛⠁⠷")  # the Darija sentence got the Moroccan Arabic table
    assert tr.starts == [(0, "s1"), (len(fr1) + 1, "s2"), (len(fr1) + len(ar) + 2, "s3")]
