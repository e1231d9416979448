"""The speed-ups give exactly the output of the plain algorithms they replace (bench/braille.py measures the speed).

* one normalisation pass and one liblouis call per one-language paragraph (``_run_same``)
  against the general path (sentences normalised one by one, ``_run_pieces``);
* all page numbers in one liblouis call against one call per number;
* the regex word wrap against a plain loop;
* the whole-book BRF writer against a line-by-line conversion.
"""

from __future__ import annotations

import random

import pytest

from transform.braille import BrailleOptions, UnknownCharactersError, to_brf, translate_document, translate_text
from transform.braille.engine import _SEP, BLANK, BrailleEngine, Segment
from transform.braille.formats import cells_to_brf
from transform.braille.layout import wrap
from transform.braille.normalize import normalize

from .test_braille_layout import long_doc

AR = [
    "تبلغ ميزانية الجهة برسم سنة 2026 ما مجموعه 1 250 000 000 درهم.",
    "خصص المجلس 78 % من الاعتمادات لمشاريع التنمية في الأقاليم الخمسة.",
    "ڭاع الجماعات غادي تستافد من هاد البرنامج ف البادية والمدينة.",
    "بلغت نسبة الإنجاز ٦٥٪ في نهاية شهر دجنبر ٢٠٢٥.",
    "الجهة غادي تبني 120 كيلومتر ديال الطرقان من 2022 حتى 2027.",
    "\u200fپ ڤ گ\u200e ــ ﻻ ۱۲۳",
    "صَادَقَ الْمَجْلِسُ على 3 250 مشروعا.",  # harakat: not NFC-inert, the text goes through normalize()
]
FR = [
    "Le budget de la Région pour l'année 2026 s'élève à 1 250 000 000 DH.",
    "Le taux de réalisation atteignait 65 % à la fin du mois de décembre 2025.",
    "Une enveloppe de 2,8 milliards de dirhams est prévue pour la période 2022-2027.",
    "Les communes de Béni Mellal, Azilal et Khouribga\u00a0sont concernées : 3 250 habitants.",
    "En 2026",  # a number ending one sentence is never joined to the digits starting the next
    "250 000 DH de plus.",
    "Le re\u0301sultat de l'anne\u0301e\u00a0: 78\u202f%.",  # decomposed accents: NFC joins them
]


def _paragraphs(sentences: list[str], n: int, seed: int) -> list[list[str]]:
    rnd = random.Random(seed)
    return [[rnd.choice(sentences) for _ in range(rnd.randint(2, 6))] for _ in range(n)]


@pytest.mark.parametrize(("lang", "sentences", "opts"), [("ar", AR, BrailleOptions()), ("fr", FR, BrailleOptions()), ("fr", FR, BrailleOptions(french="g1"))])
def test_one_call_per_paragraph_equals_the_general_path(lang: str, sentences: list[str], opts: BrailleOptions) -> None:
    engine = BrailleEngine(opts, default_lang=lang)
    tables = engine.tables(lang)
    general = engine._run_pieces  # noqa: SLF001
    used_general: list[int] = []
    engine._run_pieces = lambda *a: used_general.append(1) or general(*a)  # type: ignore[method-assign]
    for i, para in enumerate(_paragraphs(sentences, 60, seed=len(sentences) + len(lang))):
        segs = [Segment(t, lang, f"p{i}-{j}") for j, t in enumerate(para)]
        fast = engine.translate_segments(segs)
        slow = general(tables, lang, segs, normalize(_SEP.join(s.text for s in segs), lang))
        assert fast.cells == slow.cells
        assert fast.starts == slow.starts
        assert [sid for _, sid in fast.starts] == [s.sid for s in segs]
    assert not used_general  # every paragraph took the one-pass path
    # the joined paragraph is the sentences' braille joined by blank cells when no rule crosses sentences
    simple = [translate_text(t, lang, opts) for t in sentences[:3]]
    assert engine.translate_segments([Segment(t, lang, str(k)) for k, t in enumerate(sentences[:3])]).cells == BLANK.join(simple)


def test_numbers_across_sentences_are_not_joined() -> None:
    engine = BrailleEngine(BrailleOptions(french="g1"), default_lang="fr")
    tr = engine.translate_segments([Segment("En 2026", "fr", "a"), Segment("250 000 DH.", "fr", "b")])
    g1 = BrailleOptions(french="g1")
    assert tr.cells == translate_text("En 2026", "fr", g1) + BLANK + translate_text("250 000 DH.", "fr", g1)
    assert tr.starts == [(0, "a"), (len(translate_text("En 2026", "fr", g1)) + 1, "b")]


def test_empty_and_padded_sentences_take_the_general_path() -> None:
    engine = BrailleEngine(BrailleOptions(), default_lang="ar")
    segs = [Segment(" ", "ar", "a"), Segment("النسبة 78 %. ", "ar", "b"), Segment("\u200f", "ar", "c"), Segment(" تم.", "ar", "d")]
    tr = engine.translate_segments(segs)
    one, two = translate_text("النسبة 78 %.", "ar"), translate_text("تم.", "ar")
    assert tr.cells == one + BLANK + two
    assert tr.starts == [(0, "b"), (len(one) + 1, "d")]


def test_separator_character_inside_a_sentence_is_reported_not_a_crash() -> None:
    doc = long_doc(1)
    doc.sections[0].blocks[0].sentences[0].text += " \ue000 fin"
    with pytest.raises(UnknownCharactersError, match="U\\+E000"):
        translate_document(doc, BrailleOptions(unknown_chars="error"), "fr")
    book = translate_document(doc, BrailleOptions(unknown_chars="note"), "fr")
    assert any("U+E000" in w for w in book.warnings)


@pytest.mark.parametrize(("lang", "opts"), [("ar", BrailleOptions()), ("fr", BrailleOptions()), ("fr", BrailleOptions(french="g1")), ("en", BrailleOptions())])
def test_page_numbers_in_one_call_equal_one_call_each(lang: str, opts: BrailleOptions) -> None:
    engine = BrailleEngine(opts, default_lang=lang)
    numbers = list(range(1, 1201))
    assert engine.translate_numbers(numbers, lang) == [translate_text(str(n), lang, opts) for n in numbers]


def _plain_wrap(cells: str, first: int, rest: int) -> list[tuple[int, str]]:
    """The reference: break at the last blank that fits, cut a word longer than the line."""
    cells = cells.strip(BLANK)
    n = len(cells)
    if n <= first:
        return [(0, cells)] if cells else []
    out, pos, width = [], 0, max(first, 1)
    while pos < n:
        end = pos + width
        if end >= n:
            out.append((pos, cells[pos:]))
            break
        brk = end if cells[end] == BLANK else cells.rfind(BLANK, pos, end)
        if brk <= pos:
            out.append((pos, cells[pos:end]))
            pos, width = end, max(rest, 1)
            continue
        out.append((pos, cells[pos:brk].rstrip(BLANK)))
        pos = brk + 1
        while pos < n and cells[pos] == BLANK:
            pos += 1
        width = max(rest, 1)
    return out


def test_wrap_equals_the_plain_loop() -> None:
    rnd = random.Random(7)
    alphabet = ["⠁", "⠃", "⠛", BLANK]
    for _ in range(4000):
        cells = "".join(rnd.choice(alphabet) if rnd.random() < 0.7 else "⠁" * rnd.randint(1, 30) for _ in range(rnd.randint(0, 60)))
        first, rest = rnd.randint(0, 45), rnd.randint(0, 45)
        assert wrap(cells, first, rest) == _plain_wrap(cells, first, rest), (cells, first, rest)


def test_brf_lines_are_the_rows() -> None:
    book = translate_document(long_doc(12), BrailleOptions(cells_per_line=30, lines_per_page=12, page_number_position="top"), "fr")
    pages = to_brf(book).split(b"\f")[:-1]
    assert len(pages) == len(book.pages) > 3
    for raw, page in zip(pages, book.pages, strict=True):
        lines = raw.decode("ascii").split("\r\n")[:-1]
        assert lines == [cells_to_brf(r) for r in page.rows] + [""] * (12 - len(page.rows))


def _plain_normalize(text: str, lang: str) -> str:
    """normalize() written the slow, obvious way: every rule as one regex over the whole text."""
    import re
    import unicodedata

    from transform.braille.normalize import MAX_WORD, _table

    text = re.sub(rf"\S{{{MAX_WORD + 1},}}", lambda m: " ".join(m.group()[i : i + MAX_WORD] for i in range(0, len(m.group()), MAX_WORD)), text)
    text = unicodedata.normalize("NFC", text).translate(_table(lang[:2] == "ar"))
    d = "0-9\u0660-\u0669"
    text = re.sub(rf"(?<![{d}.,])[{d}]{{1,3}}(?: [{d}]{{3}})+(?![{d}])", lambda m: m.group().replace(" ", ""), text)
    return re.sub(" {2,}", " ", text).strip()


def test_normalize_equals_the_plain_rules_on_random_text() -> None:
    rnd = random.Random(7)
    pieces = ["1", "25", "250", "000", "٠٠٠", "١٢", " ", " ", "  ", "\u00a0", "\u202f", ".", ",", "x", "é", "ب", "ـ", "\u200f",
              "ﻻ", "۱۲۳", "DH", "%", "\t", "\n", "2026", "1 250 000", "a" * 150, "ب" * 120]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40)))
        for lang in ("ar", "fr"):
            assert normalize(text, lang) == _plain_normalize(text, lang), (text, lang)


def test_long_words_are_cut_wherever_they_start() -> None:
    for n in (200, 201, 202, 299, 300, 301, 450):
        for lead in (0, 1, 37, 99, 100, 101, 150):
            text = "a " * (lead // 2) + "x" * n + " b"
            words = normalize(text, "fr").split(" ")
            assert max(map(len, words)) <= 200, (n, lead)
            assert "".join(w for w in words if w.startswith("x")) == "x" * n


def test_nfc_inert_blocks_hold_every_character_nfc_joins_to_the_one_before() -> None:
    """tidy() skips NFC for texts of nfc_inert() characters; that needs every starter (combining class 0)
    that is the second half of a canonical composition to be excluded, whatever Python's Unicode version."""
    import unicodedata

    from transform.braille.normalize import nfc_inert

    seconds = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}  # Hangul V and T jamo
    for code in range(0x110000):
        dec = unicodedata.decomposition(chr(code))
        if dec and not dec.startswith("<") and len(parts := dec.split()) == 2:
            seconds.add(chr(int(parts[1], 16)))
    assert not [f"U+{ord(c):04X}" for c in seconds if nfc_inert(c)]
    assert nfc_inert("ب") and nfc_inert("é") and nfc_inert("%") and not nfc_inert("\u064e") and not nfc_inert("\u212b")
    for text in ("é", "e\u0301", "ب\u064e", "\u1100\u1161", "\u0b47\u0b3e"):
        assert (unicodedata.normalize("NFC", text) == text) or not all(nfc_inert(c) for c in text)


def test_tidy_equals_normalize_whenever_it_answers() -> None:
    """The engine's one-pass path (tidy) gives normalize()'s result, or None to fall back to it."""
    import re

    from transform.braille.normalize import _char_class, nfc_inert, special_codes, tidy

    rnd = random.Random(11)
    pieces = ["1", "250", "000", " ", "  ", "\u00a0", "\u202f", "\u066a", "\u066b", "\u0640", "\u200f", "\u200c", ".", "x",
              "é", "e\u0301", "ب", "\u064e", "ﻻ", "۱", "٣", "\t", "DH", "2026", "1 250 000", "a" * 150, "\ue000"]
    for arabic in (True, False):
        known = {c for p in pieces for c in p} - {"\t", "ﻻ"}
        safe = {ord(c) for c in known if nfc_inert(c)} - special_codes(arabic) | {0xE000}
        unsafe = re.compile("[^" + _char_class(sorted(safe))[1:])
        answered = 0
        for _ in range(3000):
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))
            got = tidy(text, arabic, unsafe)
            if got is not None:
                answered += 1
                assert got == normalize(text, "ar" if arabic else "fr"), text
        assert answered > 150  # answered often enough for the comparison to mean something
