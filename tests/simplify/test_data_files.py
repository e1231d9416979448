"""The staff-editable data files load, are consistent, and follow the house orthography."""

from __future__ import annotations

import regex

from transform.simplify.data import DATA_DIR, resources
from transform.simplify.text import key, word_count

FORBIDDEN = regex.compile(r"[\u06ad\u0763\u064B-\u065F]")  # ڭ ݣ and diacritics (house orthography)


def test_all_files_load() -> None:
    r = resources()
    assert len(r.lexicon) > 250 and len(r.verbs) > 60 and len(r.masdars) > 40
    assert len(r.patterns) > 30 and len(r.glossary) >= 30 and len(r.gazetteer) > 40
    assert len(r.months) == 12 and r.msa_markers and r.darija_markers and len(r.vocab) > 300
    assert r.fr_lexicon and r.fr_actions


def test_darija_side_is_house_orthography() -> None:
    r = resources()
    values = list(r.lexicon.values()) + [v.darija for v in r.verbs.values()] + [e.label for e in r.glossary]
    values += [e.explanation for e in r.glossary] + [p.replacement for p in r.patterns] + [m for m, _o, _f in r.months.values()]
    for v in values:
        assert not FORBIDDEN.search(v), v


def test_darija_side_has_no_msa_function_words() -> None:
    r = resources()
    for msa, darija in r.lexicon.items():
        for w in darija.split():
            assert key(w.strip("+")) not in r.msa_markers, (msa, darija)


def test_glossary_explanations_are_short_sentences() -> None:
    for e in resources().glossary:
        assert e.label, e.id
        if e.explanation:
            assert word_count(e.explanation) <= 12, e.explanation
            assert e.explanation.endswith("."), e.explanation


def test_glossary_ids_unique_and_gazetteer_names_unique() -> None:
    r = resources()
    ids = [e.id for e in r.glossary]
    assert len(ids) == len(set(ids))
    names = [n for n, _k, _f in r.gazetteer]
    assert len(names) == len(set(names))
    for province in ("بني ملال", "أزيلال", "الفقيه بن صالح", "خنيفرة", "خريبكة"):
        assert province in names


def test_patterns_reference_known_macros() -> None:
    text = (DATA_DIR / "patterns.tsv").read_text(encoding="utf-8")
    for macro in regex.findall(r"(?<!\\p)\{([A-Z]+)(?::[^}]*)?\}", text):
        assert macro in ("MASDAR", "MASDARX", "PH", "AGENT", "T", "AT", "VERB", "PAST", "PASTM", "PASTF", "PASTP", "PASSIVE", "TAIL", "KEEP", "WORD"), macro


def test_every_month_row_has_french_names() -> None:
    for n, (main, _other, fr) in resources().months.items():
        assert main and fr, n
