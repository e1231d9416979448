"""The French -> Darija lexicon of the rewriting path (issue 18): ``data/fr_words.tsv`` (function words, phrases,
adjectives with their forms, verbs with their Darija perfect, imperfect and passive), the nouns of ``fr_lexicon.tsv``
and of the term base (they win on nouns), French verb forms generated from the infinitive (or listed when irregular),
plural and feminine forms of known words, and :func:`is_french_word` for the gate on French words left.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from .data import DATA_DIR, resources


@dataclass
class Entry:
    kind: str  # N noun, A adjective, P phrase / function word, V verb, X drop
    darija: str
    plural: str = ""
    feminine: bool = False
    form: str = ""  # verbs: "forms|passive" (forms: inf, p3s, p3p, pp, fut3s, fut3p, ppr, comma separated); nouns: "pl" for a plural
    singular: str = ""  # nouns: the Darija singular


def _fem(darija: str) -> bool:
    head = darija.split(" ديال ")[0].split()[0] if darija.split() else ""
    return head.endswith("ة") and not head.endswith("اة")


def _grave(s: str) -> str:
    """The stem of the stressed -er forms: céd -> cèd, célébr -> célèbr, lev -> lèv, appel -> appell, employ -> emploi."""
    if s.endswith(("oy", "uy")):
        return s[:-1] + "i"
    m = regex.search(r"é([^aeiouyéèêâîôûh](?:[lr])?)$", s)
    if m and len(s) >= 3:
        return s[: m.start()] + "è" + m.group(1)
    m = regex.search(r"(?<=[^aeiouéèêâîôû])e([^aeiouyéèêâîôûh])$", s)
    if m and len(s) > 2:
        c = m.group(1)
        return s[: m.start()] + ("e" + c + c if c in "lt" else "è" + c)
    return s


# irregular families of French verbs, generated whole: ending of the infinitive -> (stem cut, forms with "~" for the stem)
FAMILIES = (
    ("enir", "enir", dict(p3s="~ient", p3p="~iennent", pp="~enu,~enue,~enus,~enues", fut3s="~iendra", fut3p="~iendront",
                          ppr="~enant", imp3s="~enait", imp3p="~enaient", cond3s="~iendrait", cond3p="~iendraient", subj3s="~ienne")),
    ("cevoir", "cevoir", dict(p3s="~çoit", p3p="~çoivent", pp="~çu,~çue,~çus,~çues", fut3s="~cevra", fut3p="~cevront",
                              ppr="~cevant", imp3s="~cevait", cond3s="~cevrait", subj3s="~çoive")),
    ("uire", "uire", dict(p3s="~uit", p3p="~uisent", pp="~uit,~uite,~uits,~uites", fut3s="~uira", fut3p="~uiront", ppr="~uisant",
                          imp3s="~uisait", imp3p="~uisaient", cond3s="~uirait", subj3s="~uise")),
    ("indre", "indre", dict(p3s="~int", p3p="~ignent", pp="~int,~inte,~ints,~intes", fut3s="~indra", fut3p="~indront",
                            ppr="~ignant", imp3s="~ignait", cond3s="~indrait", subj3s="~igne")),
    ("mettre", "ettre", dict(p3s="~et", p3p="~ettent", pp="~is,~ise,~ises", fut3s="~ettra", fut3p="~ettront", ppr="~ettant",
                             imp3s="~ettait", cond3s="~ettrait", subj3s="~ette")),
    ("prendre", "endre", dict(p3s="~end", p3p="~ennent", pp="~is,~ise,~ises", fut3s="~endra", fut3p="~endront", ppr="~enant",
                              imp3s="~enait", cond3s="~endrait", subj3s="~enne")),
    ("aître", "aître", dict(p3s="~aît", p3p="~aissent", pp="~u,~ue,~us,~ues", fut3s="~aîtra", fut3p="~aîtront", ppr="~aissant",
                            imp3s="~aissait", cond3s="~aîtrait", subj3s="~aisse")),
    ("vrir", "rir", dict(p3s="~re", p3p="~rent", pp="~ert,~erte,~erts,~ertes", fut3s="~rira", fut3p="~riront", ppr="~rant",
                         imp3s="~rait", cond3s="~rirait", subj3s="~re")),
    ("ffrir", "rir", dict(p3s="~re", p3p="~rent", pp="~ert,~erte,~erts,~ertes", fut3s="~rira", fut3p="~riront", ppr="~rant",
                          imp3s="~rait", cond3s="~rirait", subj3s="~re")),
    ("crire", "crire", dict(p3s="~crit", p3p="~crivent", pp="~crit,~crite,~crits,~crites", fut3s="~crira", fut3p="~criront",
                            ppr="~crivant", imp3s="~crivait", cond3s="~crirait", subj3s="~crive")),
)


def _family(inf: str) -> dict[str, list[str]] | None:
    """The forms of an irregular family (tenir, recevoir, conduire, atteindre, mettre, prendre, connaître, ouvrir, offrir,
    écrire and their compounds): intervenir -> interviendra, produire -> produit, inscrire -> inscrits."""
    for ending, cut, table_ in FAMILIES:
        if inf.endswith(ending) and len(inf) > len(ending) - 1:
            stem = inf[: -len(cut)]
            return {k: [f.replace("~", stem) for f in v.split(",")] for k, v in table_.items()}
    return None


def _verb_forms(inf: str, extra: str) -> dict[str, list[str]]:
    """French forms of a verb: generated from the infinitive (-er, -ir, -re), then the irregular forms of ``extra``
    (``p3s=met;pp=mis,mise``) replace the generated ones they name. Stem changes of -er verbs are generated
    (céder -> cède, lever -> lève, employer -> emploie; appeler -> appelle is listed)."""
    forms: dict[str, list[str]] = {"inf": [inf]}
    family = _family(inf)
    if family:
        forms.update(family)
    elif inf.endswith("er"):
        s = inf[:-2]
        g = _grave(s)
        soft = s + "e" if s.endswith("g") else s[:-1] + "ç" if s.endswith("c") else s
        forms.update(p3s=list(dict.fromkeys([g + "e", s + "e"])), p3p=list(dict.fromkeys([g + "ent", s + "ent"])),
                     pp=[s + "é", s + "ée", s + "és", s + "ées"],
                     fut3s=list(dict.fromkeys([s + "era", g + "era"])), fut3p=list(dict.fromkeys([s + "eront", g + "eront"])),
                     ppr=[soft + "ant"], imp3s=[soft + "ait"], imp3p=[soft + "aient"],
                     cond3s=list(dict.fromkeys([s + "erait", g + "erait"])), cond3p=list(dict.fromkeys([s + "eraient", g + "eraient"])))
    elif inf.endswith("ir"):
        s = inf[:-2]
        forms.update(p3s=[s + "it"], p3p=[s + "issent"], pp=[s + "i", s + "ie", s + "is", s + "ies"], fut3s=[s + "ira"],
                     fut3p=[s + "iront"], ppr=[s + "issant"], imp3s=[s + "issait"], imp3p=[s + "issaient"], cond3s=[s + "irait"],
                     cond3p=[s + "iraient"], subj3s=[s + "isse"])
    elif inf.endswith("re"):
        s = inf[:-2]
        forms.update(p3s=[s], p3p=[s + "ent"], pp=[s + "u", s + "ue", s + "us", s + "ues"], fut3s=[s + "ra"], fut3p=[s + "ront"],
                     ppr=[s + "ant"], imp3s=[s + "ait"], imp3p=[s + "aient"], cond3s=[s + "rait"], cond3p=[s + "raient"],
                     subj3s=[s + "e"])
    if extra:
        for part in extra.split(";"):
            k, _, v = part.partition("=")
            forms[k.strip()] = [x.strip() for x in v.split(",") if x.strip()]
        if "pp" in forms:  # sorti -> sortie, sortis, sorties
            base = [f for f in forms["pp"] if not f.endswith(("e", "s"))]
            forms["pp"] = list(dict.fromkeys(forms["pp"] + [f + end for f in base for end in ("e", "s", "es")]))
        named = {p.partition("=")[0].strip() for p in extra.split(";")}
        if family:
            return forms
        if "pp" in named and "ppr" not in named and not inf.endswith("er"):
            forms.pop("ppr", None)  # an irregular verb: its generated present participle would be a guess
        if named & {"p3s", "pp"} and not inf.endswith("er"):
            for k in ("imp3s", "imp3p", "cond3s", "cond3p", "subj3s"):
                if k not in named:
                    forms.pop(k, None)  # generated from a stem the irregular forms say is wrong
    return forms


NOUN_ALT: dict[str, Entry] = {}  # nouns spelt like a verb form of fr_words.tsv (veille, demande, vote...)


@lru_cache(maxsize=1)
def _builtin() -> tuple[dict[tuple[str, ...], Entry], int]:
    table: dict[tuple[str, ...], Entry] = {}
    for line in (DATA_DIR / "fr_words.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        kind, fr, dar = cols[0], cols[1], cols[2]
        extra = cols[3] if len(cols) > 3 else ""
        if kind == "V":
            perf, imp, pas = (dar.split("|") + ["", ""])[:3]
            for form, spellings in _verb_forms(fr.split("|")[0], extra).items():
                for sp in spellings:
                    old = table.get(phrase_key(sp))
                    if old is not None and old.kind == "V" and old.darija == perf:
                        forms, _, p = old.form.partition("|")
                        old.form = forms + "," + form + "|" + p
                    elif old is None or old.kind == "N":  # a verb form spelt like a noun: the noun is taken after an article
                        if old is not None:
                            NOUN_ALT.setdefault(" ".join(phrase_key(sp)), old)
                        table[phrase_key(sp)] = Entry("V", perf, imp, False, form + "|" + (pas or "ت" + perf))
            continue
        frs = [f.strip() for f in fr.split("|") if f.strip()]
        dars = [d.strip() for d in dar.split("|")]
        for i, f in enumerate(frs):
            if kind == "A":
                d = dars[min(i, len(dars) - 1)]
                table[phrase_key(f)] = Entry("A", d, "|".join(dars) if len(dars) > 1 else "", form=str(i))
            elif kind == "N":
                if f in frs[:i]:
                    continue
                plural = i > 0 and len(frs) > 1
                noun = Entry("N", dars[0] if not plural else (extra or dars[0]), extra or dars[0], _fem(dars[0]), "pl" if plural else "",
                             singular=dars[0])
                if (old := table.get(phrase_key(f))) is not None and old.kind == "V":
                    NOUN_ALT[" ".join(phrase_key(f))] = noun
                else:
                    table[phrase_key(f)] = noun
            else:
                table[phrase_key(f)] = Entry(kind, dars[0])
    longest = max(len(k) for k in table)
    return table, longest


def phrase_key(phrase: str) -> tuple[str, ...]:
    p = phrase.lower().replace("’", "'")
    p = regex.sub(r"\b(l|d|qu|n|s|j|c|jusqu|lorsqu|puisqu)'", r"\1' ", p)
    return tuple(p.split())


def lexicon() -> tuple[dict[tuple[str, ...], Entry], int]:
    """The phrase table: fr_words.tsv, then the nouns of fr_lexicon.tsv and the term base (they win on nouns)."""
    tab, longest = _builtin()
    out = dict(tab)
    for fr, (sg, pl) in resources().fr_lexicon.items():
        k = phrase_key(fr)
        if k in out and out[k].kind in ("V", "P", "X", "A"):
            continue
        plural = fr in resources().fr_plural_forms
        out[k] = Entry("N", pl if plural else sg, pl, _fem(sg), "pl" if plural else "", singular=sg)
        longest = max(longest, len(k))
    return out, longest


_LEX_CACHE: dict[int, tuple[dict[tuple[str, ...], Entry], int]] = {}


def table() -> tuple[dict[tuple[str, ...], Entry], int]:
    ident = id(resources().fr_lexicon)
    if ident not in _LEX_CACHE:
        _LEX_CACHE.clear()
        _LEX_CACHE[ident] = lexicon()
    return _LEX_CACHE[ident]


def inflected(tok: str, table: dict[tuple[str, ...], Entry]) -> tuple[int, Entry, str] | None:
    if tok.endswith("ment") and len(tok) > 8:  # an adverb of a known adjective: officiellement -> ب شكل رسمي
        stem = tok[:-4]
        bases = [stem, stem[:-1] if stem.endswith("e") else stem]
        if tok.endswith(("amment", "emment")):
            bases.append(tok[:-5] + "nt")
        for base in bases:
            e = table.get((base,)) or (lambda r: r[1] if r else None)(inflected(base, table) if base != tok else None)
            if e is not None and e.kind == "A":
                adj = e.plural.split("|")[0] if e.plural else e.darija
                adj = adj[2:] if adj.startswith("ال") else adj
                return 1, Entry("ADV", "ب شكل " + adj), tok
    for cut, add, idx in ENDINGS:
        if tok.endswith(cut) and len(tok) > len(cut) + 2:
            base = tok[: -len(cut)] + add
            e = table.get((base,))
            if e is not None and e.kind == "N" and idx >= 2 and e.form != "pl" and cut in NOUN_PLURALS:
                return 1, Entry("N", e.plural or e.darija, e.plural, e.feminine, "pl", singular=e.singular or e.darija), tok
            if e is not None and e.kind == "V" and base.endswith("ant") and "ppr" in e.form.split("|")[0].split(","):
                return 1, e, base  # existantes, correspondants: a present participle used as an adjective
            if e is not None and e.kind == "A" and e.form == "0":
                forms = e.plural.split("|") if e.plural else [e.darija]
                return 1, Entry("A", forms[min(idx, len(forms) - 1)], e.plural, form=str(idx)), tok
    return None


# French endings of feminine and plural forms -> (ending, what replaces it for the masculine singular, form index m=0 f=1 mpl=2
# fpl=3); nouns take only the plural endings of NOUN_PLURALS (travaux -> travail is listed, canaux -> canal is generated)
ENDINGS = (("ives", "if", 3), ("ive", "if", 1), ("ifs", "if", 2), ("elles", "el", 3), ("elle", "el", 1), ("ennes", "en", 3),
           ("enne", "en", 1), ("euses", "eux", 3), ("euse", "eux", 1), ("ères", "er", 3), ("ère", "er", 1), ("ettes", "et", 3),
           ("ette", "et", 1), ("onnes", "on", 3), ("onne", "on", 1), ("aux", "al", 2), ("ales", "al", 3), ("ale", "al", 1),
           ("es", "", 3), ("s", "", 2), ("x", "", 2), ("e", "", 1))
NOUN_PLURALS = frozenset(("aux", "s", "x", "es"))


def plain(w: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", w.lower()) if not unicodedata.combining(c))


_PLAIN: dict[int, dict[str, Entry]] = {}


def plain_index(table: dict[tuple[str, ...], Entry]) -> dict[str, Entry]:
    if id(table) not in _PLAIN:
        _PLAIN.clear()
        _PLAIN[id(table)] = {plain(k[0]): e for k, e in table.items() if len(k) == 1}
    return _PLAIN[id(table)]


_NOUNS: dict[int, dict[str, Entry]] = {}


def nouns() -> dict[str, Entry]:
    """Nouns spelt like a verb form (demande, présente, délégués...): taken after an article, a number or a preposition."""
    r = resources()
    if id(r.fr_lexicon) not in _NOUNS:
        _builtin()
        out = dict(NOUN_ALT)
        for fr, (sg, pl) in r.fr_lexicon.items():
            plural = fr in r.fr_plural_forms
            out[fr] = Entry("N", pl if plural else sg, pl, _fem(sg), "pl" if plural else "", singular=sg)
        _NOUNS.clear()
        _NOUNS[id(r.fr_lexicon)] = out
    return _NOUNS[id(r.fr_lexicon)]




FRENCH_COMMON = frozenset(
    "le la les l un une des du de d et ou en à au aux dans pour par sur avec est sont a ont été sera qui que ne pas se son sa ses "
    "leur leurs ce cet cette ces il elle ils elles nous vous on".split())


def is_french_word(word: str) -> bool:
    """A French word of the lexicons (or a common function word), whatever its capitals: ``Conseil``, ``DECIDENT``.
    Acronyms and names are not French words here; an all-capitals word counts only when the lexicon knows it."""
    low = word.lower().replace("’", "'")
    if low in FRENCH_COMMON:
        return True
    tab, _ = table()
    if (low,) in tab or low in resources().fr_lexicon:
        return True
    if len(word) > 3 and plain(word) in plain_index(tab):
        return True
    return False

