"""The term base: staff's own glossary entries, laid over the built-in glossary for one run.

A :class:`Term` is what staff write on the glossary page (or in a TSV/TBX file): the term as it
appears in the sources, its fixed Darija wording, and a one-sentence Darija explanation.

* ``lang = "ar"`` (MSA terms and acronyms): a glossary entry of the rules engine
  (``data/glossary.tsv``): the term is written with its Darija wording, and the explanation is
  added after its first use in the document.
* ``lang = "fr"`` (French terms): the Darija wording the French templates use for that noun
  (``data/fr_lexicon.tsv``, ``plural`` for the plural form).

An entry with the id of a built-in entry replaces it; an inactive one (``active=False``) hides it;
a term claimed by the term base is taken out of the built-in entries that had it.

The term base of a run comes from the run's memory (:func:`transform.simplify.reuse.memory_for`):
:func:`active_terms` lays it over the built-in data for the duration of the simplify stage
(a context variable read by :func:`transform.simplify.data.resources`), then takes it off. The
glossary caches derived from the data (:data:`DERIVED`) are rebuilt when the term base changes.
Two threads of one process converting with different term bases at the same time would share
those caches: the service runs each conversion in its own process.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from .text import house_orthography, key, normalize, words

if TYPE_CHECKING:
    from .data import GlossaryEntry, Resources

LANGS = ("ar", "fr")
MAX_TERMS_PER_ENTRY = 20
MAX_FIELD = 300  # characters of a term, a wording or an explanation
MAX_EXPLANATION_WORDS = 12  # house style (DARIJA_GUIDE §3.1): one short sentence
ACRONYM = regex.compile(r"[A-Z][A-Z0-9]{1,7}")
# functools caches computed from the glossary or the French lexicon (rebuilt when the term base changes)
DERIVED = (("transform.simplify.msa", "_glossary_rx"), ("transform.simplify.protect", "_acronyms"))


@dataclass(frozen=True)
class Term:
    id: str
    lang: str  # "ar" (MSA term) or "fr" (French term)
    terms: tuple[str, ...]  # the term and its variants as written in sources (acronyms too)
    darija: str  # the fixed Darija wording
    explanation: str = ""  # one Darija sentence, said after the first use (ar)
    plural: str = ""  # fr: Darija plural wording (default: the same as ``darija``)
    active: bool = True  # False: hides the built-in entry with this id
    updated_by: str = ""
    updated_at: str = ""  # ISO 8601 UTC
    origin: str = "termbase"  # termbase | builtin (listings only)


def term_id(lang: str, first_term: str) -> str:
    """A stable id for an entry without one: ``<lang>-<10 hex digits of its first term>`` (a new entry for a
    French term of the built-in wordings gets the id of that wording, so it replaces it)."""
    return f"{lang}-" + hashlib.sha1(f"{lang}\t{phrase_key(first_term)}".encode()).hexdigest()[:10]


def phrase_key(text: str) -> str:
    return " ".join(key(w) for w in normalize(text).lower().split())


def clean_term(t: Term) -> Term:
    """The entry as it is stored: spaces collapsed, house orthography on the Darija fields, a final stop
    on the explanation, an id when it has none."""
    terms = tuple(dict.fromkeys(" ".join(x.split()) for x in t.terms if x and x.strip()))
    darija = house_orthography(" ".join(t.darija.split()))
    expl = house_orthography(" ".join(t.explanation.split()))
    if expl and not expl.endswith((".", "!", "؟", "?")):
        expl += "."
    plural = house_orthography(" ".join(t.plural.split()))
    ident = t.id.strip() or (term_id(t.lang, terms[0]) if terms else "")
    return replace(t, id=ident, terms=terms, darija=darija, explanation=expl, plural=plural)


def problems(t: Term) -> list[str]:
    """What is wrong with an entry (an empty list: it can be stored). Call on :func:`clean_term`'s result."""
    return [message for _code, message in check(t)]


def check(t: Term) -> list[tuple[str, str]]:
    """(code, message) for each problem of an entry; the codes let a page say it in its own language:
    ``lang``, ``id``, ``no_term``, ``too_many_terms``, ``term_format``, ``term_script``, ``field_format``,
    ``darija_script``, ``no_darija``, ``explanation_long``."""
    out: list[tuple[str, str]] = []
    if t.lang not in LANGS:
        out.append(("lang", f"language {t.lang!r} is not ar (MSA term) or fr (French term)"))
    if not regex.fullmatch(r"[\w.:-]{1,64}", t.id or ""):
        out.append(("id", "the id must be 1 to 64 letters, digits, '.', ':', '-' or '_'"))
    if not t.terms:
        out.append(("no_term", "give at least one term"))
    if len(t.terms) > MAX_TERMS_PER_ENTRY:
        out.append(("too_many_terms", f"at most {MAX_TERMS_PER_ENTRY} variants of a term"))
    for x in t.terms:
        if len(x) > MAX_FIELD or regex.search(r"[\t\n|]", x):
            out.append(("term_format", f"the term {x[:40]!r} is too long or has a tab, a line break or '|'"))
        elif t.lang == "ar" and not (regex.search(r"\p{Arabic}", x) or ACRONYM.fullmatch(x)):
            out.append(("term_script", f"the MSA term {x[:40]!r} has no Arabic letters (and is not an acronym)"))
        elif t.lang == "fr" and not regex.search(r"\p{Latin}", x):
            out.append(("term_script", f"the French term {x[:40]!r} has no Latin letters"))
    if t.active:
        for name, value in (("Darija wording", t.darija), ("explanation", t.explanation), ("plural", t.plural)):
            if len(value) > MAX_FIELD or regex.search(r"[\t\n|]", value):
                out.append(("field_format", f"the {name} is too long or has a tab, a line break or '|'"))
            elif value and (regex.search(r"\p{Latin}", value) or not regex.search(r"\p{Arabic}", value)):
                out.append(("darija_script", f"the {name} must be written in Arabic script (Darija), without Latin letters"))
        if not t.darija:
            out.append(("no_darija", "give the Darija wording"))
        if len(words(t.explanation)) > MAX_EXPLANATION_WORDS:
            out.append(("explanation_long",
                        f"the explanation has {len(words(t.explanation))} words: at most {MAX_EXPLANATION_WORDS} (one short sentence)"))
    return out


# -- the built-in data seen as terms (listings) -----------------------------------------------------
def builtin_terms() -> list[Term]:
    """The built-in glossary (ar) and French wordings (fr), as terms (``origin="builtin"``)."""
    from .data import builtin_resources

    r = builtin_resources()
    out = [Term(e.id, "ar", e.terms, e.label, e.explanation, origin="builtin") for e in r.glossary]
    for ident, ((sing, plur), forms) in _fr_groups(r).items():
        out.append(Term(ident, "fr", tuple(forms), sing, "", plur if plur != sing else "", origin="builtin"))
    return out


_groups: tuple[object, dict[str, tuple[tuple[str, str], list[str]]]] | None = None


def _fr_groups(r: Resources) -> dict[str, tuple[tuple[str, str], list[str]]]:
    """The built-in French wordings, one per Darija (singular, plural): id -> (wording, French forms)."""
    global _groups
    if _groups is not None and _groups[0] is r:
        return _groups[1]
    by_value: dict[tuple[str, str], list[str]] = {}
    for form, value in r.fr_lexicon.items():
        by_value.setdefault(value, []).append(form)
    out = {term_id("fr", forms[0]): (value, forms) for value, forms in by_value.items()}
    _groups = (r, out)
    return out


def effective(terms: Sequence[Term]) -> list[Term]:
    """The glossary the engine uses, as staff see it: the term base's entries, then the built-in entries it
    does not replace (without the terms it took over); hidden entries are left out."""
    own = {t.id: t for t in terms}
    claimed = {(t.lang, phrase_key(x)) for t in terms if t.active for x in t.terms}
    out = [t for t in own.values() if t.active]
    for b in builtin_terms():
        if b.id in own:
            continue
        rest = tuple(x for x in b.terms if (b.lang, phrase_key(x)) not in claimed)
        if rest:
            out.append(b if rest == b.terms else replace(b, terms=rest))
    return out


# -- the overlay ----------------------------------------------------------------------------------
_ACTIVE: ContextVar[tuple[Term, ...]] = ContextVar("taysir_termbase", default=())
_merged: tuple[object, object, object] | None = None  # (terms, base, merged): the last overlay made
_lock = threading.Lock()


def with_termbase(base: Resources) -> Resources:
    """``base`` with the active term base laid over it (``base`` itself when there is none)."""
    global _merged
    terms = _ACTIVE.get()
    if not terms:
        return base
    hit = _merged
    if hit is not None and hit[0] is terms and hit[1] is base:
        return hit[2]  # type: ignore[return-value]
    merged = overlay(base, terms)
    _merged = (terms, base, merged)
    return merged


def overlay(base: Resources, terms: Sequence[Term]) -> Resources:
    from .data import GlossaryEntry

    ar = [t for t in terms if t.lang == "ar"]
    own_ids = {t.id for t in ar}
    claimed = {phrase_key(x) for t in ar if t.active for x in t.terms}
    glossary: list[GlossaryEntry] = [GlossaryEntry(t.id, t.terms, t.darija, t.explanation) for t in ar if t.active and t.terms and t.darija]
    for e in base.glossary:
        if e.id in own_ids:
            continue
        rest = tuple(x for x in e.terms if phrase_key(x) not in claimed)
        if rest:
            glossary.append(e if rest == e.terms else replace(e, terms=rest))
    fr_lexicon = dict(base.fr_lexicon)
    for t in terms:
        if t.lang != "fr":
            continue
        group = _fr_groups(base).get(t.id)
        for f in group[1] if group else ():  # an edited (or hidden) built-in wording: all its forms go
            fr_lexicon.pop(f, None)
        for form in t.terms:
            fr_lexicon.pop(form.lower(), None)
            if t.active and t.darija:
                fr_lexicon[form.lower()] = (t.darija, t.plural or t.darija)
    return replace(base, glossary=glossary, fr_lexicon=fr_lexicon)


def _clear_derived() -> None:
    for module, name in DERIVED:
        fn = getattr(sys.modules.get(module), name, None)
        if fn is not None and hasattr(fn, "cache_clear"):
            fn.cache_clear()


@contextmanager
def active_terms(terms: Sequence[Term]) -> Iterator[None]:
    """Lay ``terms`` over the built-in glossary until the block ends (nothing to do for none)."""
    global _merged
    chosen = tuple(terms)
    if not chosen:
        yield
        return
    with _lock:
        token = _ACTIVE.set(chosen)
        _clear_derived()
    try:
        yield
    finally:
        with _lock:
            _ACTIVE.reset(token)
            _merged = None
            _clear_derived()


# -- relevant entries (LLM prompt) -----------------------------------------------------------------
_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")


def relevant(text: str, terms: Sequence[Term]) -> list[Term]:
    """The active entries of ``terms`` whose term occurs in ``text`` (Arabic: with or without ال and the
    clitics و ف ب ل; French: any case)."""
    norm = normalize(text)
    toks = [key(w) for w in norm.split()]
    low = norm.lower()
    found = []
    for t in terms:
        if not t.active:
            continue
        for x in t.terms:
            if t.lang == "fr" or ACRONYM.fullmatch(x):
                hit = regex.search(rf"(?<!\p{{L}}){regex.escape(x.lower() if t.lang == 'fr' else x)}(?!\p{{L}})", low if t.lang == "fr" else norm)
            else:
                hit = _arabic_hit([key(w) for w in normalize(x).split()], toks)
            if hit:
                found.append(t)
                break
    return found


def _arabic_hit(term: list[str], toks: list[str]) -> bool:
    if not term:
        return False
    bare = term[0][2:] if term[0].startswith("ال") else term[0]
    firsts = {c + a + bare for c in _CLITICS for a in ("", "ال")} | {"لل" + bare, "ولل" + bare}
    n = len(term)
    for i in range(len(toks) - n + 1):
        if toks[i] in firsts and toks[i + 1:i + n] == term[1:]:
            return True
    return False
