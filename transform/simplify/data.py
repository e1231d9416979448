"""Load the staff-editable data files of transform/simplify/data/ (TSV, JSON, plain lists)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from ..errors import OptionsError
from .text import key

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name: str, min_cols: int) -> list[list[str]]:
    path = DATA_DIR / name
    rows: list[list[str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < min_cols or not cols[0].strip():
            raise OptionsError(f"{name} line {n}: expected at least {min_cols} tab-separated columns.", hint="Fix the data file.")
        rows.append([c.strip() for c in cols])
    return rows


def _words_file(name: str) -> list[str]:
    out: list[str] = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        out.extend(line.split())
    return out


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    terms: tuple[str, ...]
    label: str
    explanation: str


@dataclass(frozen=True)
class Verb:
    msa: str  # imperfect 3ms, e.g. يعمل
    darija: str  # imperfect 3ms, e.g. يخدم
    perfect: str  # perfect 3ms, e.g. خدم ("-" when there is none)
    msa_perfect: str = ""  # MSA perfect 3ms, e.g. عمل (optional)


@dataclass(frozen=True)
class Pattern:
    id: str
    regex: regex.Pattern[str]
    replacement: str


@dataclass
class Resources:
    lexicon: dict[tuple[str, ...], str] = field(default_factory=dict)
    max_phrase: int = 1
    verbs: dict[str, Verb] = field(default_factory=dict)
    masdars: dict[str, tuple[str, str]] = field(default_factory=dict)
    patterns: list[Pattern] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    gazetteer: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)
    idafa_heads: frozenset[str] = frozenset()
    msa_markers: frozenset[str] = frozenset()
    darija_markers: frozenset[str] = frozenset()
    vocab: frozenset[str] = frozenset()
    perfects: dict[str, str] = field(default_factory=dict)  # MSA perfect form (key) -> Darija perfect form
    nisba: dict[str, str] = field(default_factory=dict)  # relational adjective form (key) -> Darija phrase
    word_lists: dict[str, frozenset[str]] = field(default_factory=dict)  # the other lists of markers.json
    months: dict[int, tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    fr_lexicon: dict[str, tuple[str, str]] = field(default_factory=dict)
    fr_actions: dict[str, str] = field(default_factory=dict)
    fr_plural_forms: set[str] = field(default_factory=set)  # French plural spellings (route|routes: routes)


# MSA perfect 3ms forms that are also common nouns or particles: only their feminine and plural forms are verbs
_PERFECT_NOUNS = frozenset("عمل دعم نقل حل جمع درس عرض طلب قبل منع شرح رفع عقد وضع ضمن خلق بنى زاد عد هم خص سجل قدم حدد ذكر شكل".split())


_PERFECT_NOUNS_FORMS = frozenset("بنت".split())  # بنت = "girl" as well as "she built"


def perfect_forms(v: Verb) -> list[tuple[str, str]]:
    """(MSA perfect form, Darija perfect form): 3ms (when not also a noun), 3fs -ت, plural -وا, feminine plural -ن."""
    msa = v.msa_perfect
    first, _, rest = v.perfect.partition(" ")
    tail = (" " + rest) if rest else ""
    if not msa or first in ("-", ""):
        return []
    weak = msa.endswith(("ى", "ا"))
    msa_stem = msa[:-1] if weak else msa
    fem = (first[:-1] + "ات" if first.endswith(("ى", "ا")) else first + "ات") + tail
    plural = (first[:-1] + "او" if first.endswith(("ى", "ا")) else first + "و") + tail
    out = [(msa_stem + ("ت" if not weak else "ت"), fem), (msa_stem + ("وا" if not weak else "وا"), plural), (msa + "ن" if not weak else msa_stem + "ين", plural)]
    if weak:
        out = [(msa[:-1] + "ت", fem), (msa[:-1] + "وا", plural), (msa[:-1] + "ا" + "ت", fem)]
    if msa not in _PERFECT_NOUNS and len(key(msa)) >= 4:  # three-letter perfects are too often nouns (رأى/رأي, مثل)
        out.append((msa, v.perfect))
    return [(f, d) for f, d in out if f not in _PERFECT_NOUNS_FORMS]


def phrase_key(text: str) -> tuple[str, ...]:
    return tuple(key(w) for w in text.split())


def resources() -> Resources:
    """The data of the engines: the built-in files, with the term base of the current run over the glossary."""
    from .termbase import with_termbase

    return with_termbase(builtin_resources())


@lru_cache(maxsize=1)
def builtin_resources() -> Resources:
    r = Resources()
    for name in ("lexicon_admin.tsv", "lexicon.tsv"):  # lexicon.tsv wins on a clash
        for cols in _rows(name, 2):
            k = phrase_key(cols[0])
            r.lexicon[k] = cols[1]
            r.max_phrase = max(r.max_phrase, len(k))
    for cols in _rows("verbs.tsv", 3):
        v = Verb(cols[0], cols[1], cols[2], cols[3] if len(cols) > 3 else "")
        r.verbs[key(cols[0])] = v
        if v.msa_perfect:
            for form, darija in perfect_forms(v):
                r.perfects.setdefault(key(form), darija)
    for cols in _rows("nisba.tsv", 2):
        base = cols[0]
        stem = base[:-1] if base.endswith("ي") else base
        for form in (base, base + "ة", stem + "يين" if base.endswith("ي") else base + "ين", stem + "يون" if base.endswith("ي") else base + "ون", base + "ات"):
            for f in (form, "ال" + form):
                r.nisba.setdefault(key(f), cols[1])
    for cols in _rows("masdars.tsv", 3):
        r.masdars[cols[0]] = (cols[1], cols[2])
    masdar_alt = "|".join(regex.escape(m) for m in sorted(r.masdars, key=len, reverse=True))
    for cols in _rows("patterns.tsv", 3):
        src = cols[1].replace("{MASDARX}", f"(?:{masdar_alt})(?:ه|ها|هما|هم)?(?!\\p{{L}})").replace("{MASDAR}", f"(?:{masdar_alt})(?!\\p{{L}})").replace("{PH}", r"⟦\d+⟧")
        try:
            rx = regex.compile(r"(?<!\p{L})" + src)  # a pattern never starts inside a word
        except regex.error as exc:
            raise OptionsError(f"patterns.tsv {cols[0]}: bad regular expression ({exc}).") from None
        r.patterns.append(Pattern(cols[0], rx, cols[2]))
    for cols in _rows("glossary.tsv", 3):
        terms = tuple(t.strip() for t in cols[1].split("|") if t.strip())
        r.glossary.append(GlossaryEntry(cols[0], terms, cols[2], cols[3] if len(cols) > 3 else ""))
    for cols in _rows("gazetteer.tsv", 2):
        fr = tuple(t.strip() for t in cols[2].split("|")) if len(cols) > 2 and cols[2] else ()
        r.gazetteer.append((cols[0], cols[1], fr))
    r.idafa_heads = frozenset(key(w) for w in _words_file("idafa_heads.txt"))
    markers = json.loads((DATA_DIR / "markers.json").read_text(encoding="utf-8"))
    r.msa_markers = frozenset(key(w) for w in markers["msa"])
    r.darija_markers = frozenset(key(w) for w in markers["darija_core"])
    for name in ("not_ka_verbs", "function_words", "not_dual", "adverbial_accusatives", "not_nunation"):
        r.word_lists[name] = frozenset(key(w) for w in markers[name])
    r.vocab = frozenset(key(w) for w in _words_file("darija_vocab.txt"))
    for cols in _rows("months.tsv", 2):
        other = tuple(t for t in cols[2].split("|") if t) if len(cols) > 2 else ()
        fr = tuple(t for t in cols[3].split("|") if t) if len(cols) > 3 else ()
        r.months[int(cols[0])] = (cols[1], other, fr)
    for cols in _rows("fr_lexicon.tsv", 3):
        forms = [f.strip().lower() for f in cols[0].split("|")]
        for i, form in enumerate(forms):
            r.fr_lexicon[form] = (cols[1], cols[2])
            if i and form != forms[0]:
                r.fr_plural_forms.add(form)
    for cols in _rows("fr_actions.tsv", 2):
        for form in cols[0].split("|"):
            r.fr_actions[form.strip().lower()] = cols[1]
    return r
