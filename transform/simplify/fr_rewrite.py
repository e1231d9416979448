"""French sentence -> Darija by rewriting (issue 18): the general path after the council templates.

The sentence is cut into protected spans (amounts, percentages, dates, decree and law numbers, hours,
numbers, acronyms, names) and words; the words are matched, longest phrase first, against the French ->
Darija lexicon (``data/fr_words.tsv`` for function words, phrases, adjectives and verbs, plus the nouns of
``fr_lexicon.tsv`` and the term base). A small grammar then writes Darija, not French in Arabic letters:

* articles go (Darija nouns are written definite), ``un``/``une`` + noun -> ``واحد`` + noun, ``ce`` -> ``هاد``;
  possessives come after the noun phrase (``son budget`` -> ``الميزانية ديالو``);
* ``de``/``du``/``des`` between nouns -> ``ديال`` (``د`` after a count), ``à``/``au`` -> ``ل``, ``pour`` + verb -> ``باش``;
* verbs get Darija morphology from the French form and its auxiliary: present -> ``كـ``, passé composé ->
  perfect (agreeing with the subject noun: ``الجماعة قررات``), ``est/a été`` + participle -> Darija passive
  (``تسنى``), future and ``va`` + infinitive -> ``غادي``, ``ne ... pas`` -> ``ما ... ش``, a participle after a
  noun -> ``اللي`` + passive;
* ``qui``/``que``/``dont`` -> ``اللي``, ``que`` after a verb of saying -> ``بلي``.

A sentence is rewritten only when every word is covered: a French word the lexicon does not know (that is
not a name or an acronym) leaves the sentence ``needs_human``, so no French is left in the Darija text and
nothing is dropped (the gates check numbers, names and French words left, see ``metrics.check_segment``).
Long results are cut into sentences at commas and semicolons.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from .data import DATA_DIR, resources
from .protect import month_name

if TYPE_CHECKING:
    from .french import FrenchResult

HIJRI = {"moharrem": "محرم", "muharram": "محرم", "safar": "صفر", "rabii i": "ربيع الأول", "rabia i": "ربيع الأول",
         "rabii ii": "ربيع التاني", "rabia ii": "ربيع التاني", "joumada i": "جمادى الأولى", "joumada ii": "جمادى التانية",
         "rejeb": "رجب", "rajab": "رجب", "chaabane": "شعبان", "chaabane.": "شعبان", "ramadan": "رمضان", "chaoual": "شوال",
         "chaouval": "شوال", "kaada": "ذو القعدة", "hija": "ذو الحجة", "hijja": "ذو الحجة"}
MONTHS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
          "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12}
_MONTH = "|".join(MONTHS)
_HIJRI = "|".join(sorted((regex.escape(k) for k in HIJRI), key=len, reverse=True))
_NUM = r"\d{1,3}(?:[  .]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?"

# protected spans, in order: (kind, regex)
SPANS: list[tuple[str, regex.Pattern[str]]] = [
    ("years", regex.compile(r"\b(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)\d\d)+\b")),
    ("date", regex.compile(rf"(?i)\b(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})\b")),
    ("hijri", regex.compile(rf"(?i)\b(?P<d>\d{{1,2}})\s+(?P<m>{_HIJRI})\s+(?P<y>1[34]\d\d)\b")),
    ("dmy", regex.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")),
    ("money", regex.compile(rf"(?i)(?P<n>{_NUM})\s*(?P<s>milliards?|millions?)?\s*(?:de\s+|d')?(?P<c>€|euros?|dirhams?|DH|Dhs|MAD|MDH)(?!\p{{L}})")),
    ("law", regex.compile(r"(?i)(?:\bn\s*[°º]\s*)?\b\d{1,4}(?:[-.]\d{1,4}){1,3}(?![\d,])(?![-.]\d)(?!\s*(?:€|%|euros?|dirhams|DH|MDH))")),
    ("pct", regex.compile(rf"(?i)(?P<n>{_NUM})\s*(?:%|pour\s*cent)")),
    ("hour", regex.compile(r"(?i)\b(?:(?P<h>\d{1,2})\s*(?:h|heures?)\s*(?P<m>\d{2})|(?P<h2>\d{1,4})\s*(?:h|heures?)\.?)(?!\p{L})")),
    ("num", regex.compile(_NUM)),
]


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


def _verb_forms(inf: str, extra: str) -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {"inf": [inf]}
    if extra:
        for part in extra.split(";"):
            k, _, v = part.partition("=")
            forms[k.strip()] = [x.strip() for x in v.split(",") if x.strip()]
        return forms
    if inf.endswith("er"):
        s = inf[:-2]
        forms.update(p3s=[s + "e"], p3p=[s + "ent"], pp=[s + "é", s + "ée", s + "és", s + "ées"], fut3s=[s + "era"],
                     fut3p=[s + "eront"], ppr=[(s + "eant") if s.endswith("g") else (s[:-1] + "çant" if s.endswith("c") else s + "ant")],
                     imp3s=[s + "ait"], imp3p=[s + "aient"])
    elif inf.endswith("ir"):
        s = inf[:-2]
        forms.update(p3s=[s + "it"], p3p=[s + "issent"], pp=[s + "i", s + "ie", s + "is", s + "ies"], fut3s=[s + "ira"],
                     fut3p=[s + "iront"], ppr=[s + "issant"])
    elif inf.endswith("re"):
        s = inf[:-2]
        forms.update(p3s=[s], p3p=[s + "ent"], pp=[s + "u", s + "ue", s + "us", s + "ues"], fut3s=[s + "ra"], fut3p=[s + "ront"],
                     ppr=[s + "ant"])
    return forms


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
                    old = table.get(_k(sp))
                    if old is not None and old.kind == "V" and old.darija == perf:
                        forms, _, p = old.form.partition("|")
                        old.form = forms + "," + form + "|" + p
                    else:
                        table.setdefault(_k(sp), Entry("V", perf, imp, False, form + "|" + (pas or "ت" + perf)))
            continue
        frs = [f.strip() for f in fr.split("|") if f.strip()]
        dars = [d.strip() for d in dar.split("|")]
        for i, f in enumerate(frs):
            if kind == "A":
                d = dars[min(i, len(dars) - 1)]
                table[_k(f)] = Entry("A", d, "|".join(dars) if len(dars) > 1 else "", form=str(i))
            elif kind == "N":
                if f in frs[:i]:
                    continue
                plural = i > 0 and len(frs) > 1
                table[_k(f)] = Entry("N", dars[0] if not plural else (extra or dars[0]), extra or dars[0], _fem(dars[0]), "pl" if plural else "",
                                     singular=dars[0])
            else:
                table[_k(f)] = Entry(kind, dars[0])
    longest = max(len(k) for k in table)
    return table, longest


def _k(phrase: str) -> tuple[str, ...]:
    p = phrase.lower().replace("’", "'")
    p = regex.sub(r"\b(l|d|qu|n|s|j|c|jusqu|lorsqu|puisqu)'", r"\1' ", p)
    return tuple(p.split())


def lexicon() -> tuple[dict[tuple[str, ...], Entry], int]:
    """The phrase table: fr_words.tsv, then the nouns of fr_lexicon.tsv and the term base (they win on nouns)."""
    table, longest = _builtin()
    out = dict(table)
    for fr, (sg, pl) in resources().fr_lexicon.items():
        k = _k(fr)
        if k in out and out[k].kind in ("V", "P", "X", "A"):
            continue
        plural = fr in resources().fr_plural_forms
        out[k] = Entry("N", pl if plural else sg, pl, _fem(sg), "pl" if plural else "", singular=sg)
        longest = max(longest, len(k))
    return out, longest


_LEX_CACHE: dict[int, tuple[dict[tuple[str, ...], Entry], int]] = {}


def _table() -> tuple[dict[tuple[str, ...], Entry], int]:
    ident = id(resources().fr_lexicon)
    if ident not in _LEX_CACHE:
        _LEX_CACHE.clear()
        _LEX_CACHE[ident] = lexicon()
    return _LEX_CACHE[ident]


@dataclass
class Item:
    kind: str  # N A P V X AUX PRON NUM SPAN NAME PUNCT DET ...
    fr: str
    dar: str = ""
    entry: Entry | None = None
    plural: bool = False


def _span_text(kind: str, m: regex.Match[str]) -> str:
    if kind in ("date", "dmy"):
        mo = MONTHS[m.group("m").lower()] if kind == "date" else int(m.group("m"))
        if not 1 <= mo <= 12:
            return m.group(0)
        return f"{int(m.group('d'))} {month_name(mo)} {m.group('y')}"
    if kind == "years":
        ys = regex.findall(r"\d{4}", m.group(0))
        return f"من {ys[0]} حتى {ys[1]}" if len(ys) == 2 else " و ".join(ys)
    if kind == "hijri":
        return f"{int(m.group('d'))} {HIJRI[m.group('m').lower()]} {m.group('y')}"
    if kind == "law":
        num = regex.sub(r"(?i)^n\s*[°º]\s*", "", m.group(0))
        return ("رقم " if num != m.group(0) else "") + num
    if kind == "money":
        c = m.group("c").lower()
        cur = "أورو" if c in ("€", "euro", "euros") else "درهم"
        scale = {"million": " مليون", "millions": " مليون", "milliard": " مليار", "milliards": " مليار"}.get((m.group("s") or "").lower(), "")
        if c == "mdh":
            scale = " مليون"
        return f"{m.group('n').strip()}{scale} {cur}"
    if kind == "pct":
        return f"{m.group('n')} ف المية"
    if kind == "hour":
        return f"الساعة {m.group('h')}:{m.group('m')}" if m.group("m") else f"{m.group('h2')} ساعة"
    return m.group(0)


_NUMWORD = (r"(?:zéro|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|vingts|trente|"
            r"quarante|cinquante|soixante|cents?|mille|millions?|milliards?|et)")
_SPELLED = regex.compile(rf"(?i)\b{_NUMWORD}(?:[\s-]+{_NUMWORD})*(?:\s+(?:de\s+|d')?(?:dirhams|euros))?\s*\((?P<d>\d[\d  .,]*\s*(?:€|DH|MAD|dirhams|euros)?)\)")


def _spelled(m: regex.Match[str]) -> str:
    """'vingt milliards de dirhams (20.000.000.000 DH)' -> the amount in digits, once (when the words count for nothing)."""
    from .numbers import canonical_values

    words = m.group(0)[: m.start("d") - m.start() - 1]
    return m.group("d") if not canonical_values(words) else m.group(0)


def _protect(text: str) -> tuple[str, list[tuple[str, str]]]:
    from .french import find_places

    spans: list[tuple[str, str]] = []

    def put(kind: str, dar: str) -> str:
        spans.append((kind, dar))
        return f" ⟦{chr(0xE000 + len(spans) - 1)}⟧ "

    for fr, ar, _kind in find_places(text):
        text = regex.sub(rf"(?<!\p{{L}}){regex.escape(fr)}(?!\p{{L}})", lambda _m, ar=ar: put("place", ar), text, count=1)
    text = _SPELLED.sub(_spelled, text)
    for kind, rx in SPANS:
        text = rx.sub(lambda m, kind=kind: put(kind, _span_text(kind, m)), text)
    return text, spans


COUNTABLE_MAX = 10


def _conj_perfect(p: str, fem: bool, pl: bool) -> str:
    head, _, rest = p.partition(" ")
    if pl:
        head = head[:-1] + "او" if head.endswith(("ا", "ى")) else head + "و"
    elif fem:
        head = head[:-1] + "ات" if head.endswith(("ا", "ى")) else head + "ات"
    return (head + " " + rest).strip()


def _conj_imperfect(i: str, fem: bool, pl: bool) -> str:
    head, _, rest = i.partition(" ")
    if pl:
        head = head[:-1] + "او" if head.endswith("ى") else head + "و"
    elif fem and head.startswith("ي"):
        head = "ت" + head[1:]
    return (head + " " + rest).strip()


def _passive_imperfect(pas: str, fem: bool, pl: bool) -> str:
    head, _, rest = pas.partition(" ")
    head = ("ت" if fem and not pl else "ي") + head
    if pl:
        head = head[:-1] + "او" if head.endswith(("ا", "ى")) else head + "و"
    return (head + " " + rest).strip()


LICENSING = ("غادي", "باش", "خاص", "خاصو", "خاصها", "خاصهم", "يقدر", "تقدر", "يقدرو", "كيقدر", "كتقدر", "كيقدرو", "بغا", "بغات",
             "بغاو", "كيبغي", "كتبغي", "كيبغيو", "حتى", "قبل", "بلا", "ما", "اللي")
BE = {"est": "p", "sont": "p", "était": "i", "étaient": "i", "a été": "pc", "ont été": "pc", "avait été": "pc", "avaient été": "pc",
      "été": "pc", "sera": "f", "seront": "f", "soit": "p", "soient": "p", "être": "inf", "fut": "pc", "serait": "f", "seraient": "f",
      "sera également": "f", "est également": "p", "ont déjà été": "pc", "a déjà été": "pc", "avoir été": "pc"}
HAVE = {"a": "s", "ont": "p", "avait": "s", "avaient": "p", "a déjà": "s", "ont déjà": "p", "avoir": "inf", "ayant": "ppr", "aura": "f", "auront": "f"}


def translate(text: str) -> tuple[str | None, list[str]]:
    """(Darija, []) or (None, the French words not covered)."""
    t = " ".join(text.replace("’", "'").replace("‘", "'").replace("\u202f", " ").replace("\xa0", " ").split())
    t = regex.sub(r"^(?:[-–•*]|\d{1,2}\s*[-/)]|[a-z]\))\s+", "", t)
    t, spans = _protect(t)
    t = regex.sub(r"(?i)\b(l|d|qu|n|s|c|j|jusqu|lorsqu|puisqu|quelqu)'", r"\1' ", t)
    toks = regex.findall(r"⟦[\uE000-\uF8FF]⟧|\p{L}+'|\p{L}+(?:-\p{L}+)*|[.,;:!?()«»\"/–—-]", t)
    table, longest = _table()
    items: list[Item] = []
    unknown: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.startswith("⟦"):
            kind, dar = spans[ord(tok[1]) - 0xE000]
            items.append(Item("NUM" if kind == "num" else "SPAN", tok, dar))
            i += 1
            continue
        if not regex.match(r"\p{L}", tok):
            items.append(Item("PUNCT", tok))
            i += 1
            continue
        hit = None
        for n in range(min(longest, len(toks) - i), 0, -1):
            words = toks[i : i + n]
            if any(not regex.match(r"\p{L}", w) for w in words):
                continue
            k = tuple(w.lower() for w in words)
            if k in table:
                hit = (n, table[k], " ".join(k))
                break
        if hit is None and tok.islower():  # a plural or feminine form of a known noun or adjective
            hit = _inflected(tok, table)
        if hit is None and tok.isupper() and len(tok) > 2:  # DECIDENT, ACCEPTE: words in capitals
            e = _plain_index(table).get(_plain(tok))
            if e is not None:
                hit = (1, e, tok.lower())
        if hit and hit[1].kind == "V" and items and items[-1].kind in ("DET", "IND", "DEM", "POS", "DE", "A_") and hit[2] in _nouns():
            hit = (hit[0], _nouns()[hit[2]], hit[2])
        if hit and not (tok[0].isupper() and i > 0 and hit[1].kind in ("N",) and _is_name_run(toks, i, table) and hit[0] == 1):
            n, e, fr = hit
            items.append(Item(e.kind, fr, e.darija, e, plural=e.form == "pl"))
            i += n
            continue
        if tok[0].isupper() and (i > 0 or (len(tok) > 1 and tok.isupper())):  # a name or an acronym: kept as written
            j = i + 1
            while j < len(toks) and (toks[j][:1].isupper() or (toks[j].lower() in ("de", "du", "des", "sur", "en", "d'", "la", "le", "&") and j + 1 < len(toks) and toks[j + 1][:1].isupper())):
                if toks[j].startswith("⟦"):
                    break
                j += 1
            items.append(Item("NAME", " ".join(toks[i:j]), " ".join(toks[i:j]).replace("' ", "'")))
            i = j
            continue
        unknown.append(tok)
        i += 1
    if unknown:
        return None, unknown
    if not any(it.kind in ("N", "V", "NAME", "SPAN", "NUM", "A") for it in items):
        return None, []
    for j in range(len(items) - 1):  # prenominal adjectives (nouveau, prochain, seul...) go after their noun
        if items[j].kind == "A" and items[j + 1].kind == "N" and (j == 0 or items[j - 1].kind not in ("N", "A", "NAME")):
            items[j], items[j + 1] = items[j + 1], items[j]
    return _assemble(items), []


def _inflected(tok: str, table: dict[tuple[str, ...], Entry]) -> tuple[int, Entry, str] | None:
    for cut, plural in (("s", True), ("x", True), ("es", True), ("e", False)):
        if tok.endswith(cut) and len(tok) > len(cut) + 2:
            e = table.get((tok[: -len(cut)],))
            if e is not None and e.kind == "N" and plural and e.form != "pl":
                return 1, Entry("N", e.plural or e.darija, e.plural, e.feminine, "pl", singular=e.singular or e.darija), tok
            if e is not None and e.kind == "A":
                forms = e.plural.split("|") if e.plural else [e.darija]
                idx = (3 if cut == "es" else 2) if plural else 1
                return 1, Entry("A", forms[min(idx, len(forms) - 1)], e.plural, form=str(idx)), tok
    return None


def _plain(w: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", w.lower()) if not unicodedata.combining(c))


_PLAIN: dict[int, dict[str, Entry]] = {}


def _plain_index(table: dict[tuple[str, ...], Entry]) -> dict[str, Entry]:
    if id(table) not in _PLAIN:
        _PLAIN.clear()
        _PLAIN[id(table)] = {_plain(k[0]): e for k, e in table.items() if len(k) == 1}
    return _PLAIN[id(table)]


def _nouns() -> dict[str, Entry]:
    """Nouns spelt like a verb form (demande, présente...): taken after an article or a preposition."""
    r = resources()
    out = {}
    for fr, (sg, pl) in r.fr_lexicon.items():
        plural = fr in r.fr_plural_forms
        out[fr] = Entry("N", pl if plural else sg, pl, _fem(sg), "pl" if plural else "", singular=sg)
    return out


def _is_name_run(toks: list[str], i: int, table: dict[tuple[str, ...], Entry]) -> bool:
    """A capitalised word inside a run of capitalised words that are not all known (Salle des Fêtes de X...)."""
    return False


def _attach_l(word: str) -> str:
    if word.startswith("ال") and not word.startswith("الل"):
        return "لل" + word[2:]
    if word.startswith("الل"):
        return "ل" + word[2:]
    return "ل" + word if regex.match(r"\p{Arabic}", word) else "ل " + word


def _assemble(items: list[Item]) -> str:  # noqa: C901 - one pass over the sentence, the grammar in one place
    out: list[str] = []
    kinds: list[str] = []
    subj_fem, subj_pl = False, False
    neg = False
    pend_poss = ""
    poss_armed = False
    pend_l = False
    aux: tuple[str, str] | None = None  # ("be"|"have", tense)
    plural_next = False
    copula = False

    def emit(word: str, kind: str) -> None:
        nonlocal pend_l
        if pend_l and kind in ("N", "SPAN", "NAME", "NUM", "DEM", "IND", "A"):
            word = _attach_l(word) if kind != "NUM" and kind != "SPAN" else "ل " + word
            pend_l = False
        out.append(word)
        kinds.append(kind)

    def flush_poss() -> None:
        nonlocal pend_poss, poss_armed
        if pend_poss and poss_armed:
            out.append(pend_poss)
            kinds.append("P")
            pend_poss, poss_armed = "", False
    poss_armed = False

    def nxt(j: int, skip: tuple[str, ...] = ("ADV",)) -> Item | None:
        j += 1
        while j < len(items) and items[j].kind in skip:
            j += 1
        return items[j] if j < len(items) else None

    def prev_kind() -> str:
        return kinds[-1] if kinds else ""

    for i, it in enumerate(items):
        k = it.kind
        if k != "A" and k != "ADV" and poss_armed:
            flush_poss()
        if k == "DET":
            plural_next = it.dar == "pl"
            continue
        if k == "X":
            continue
        if k == "PUNCT":
            p = it.fr
            flush_poss()
            if p in ".;!?":
                emit(".", "PUNCT")
            elif p in ",:()–—-/":
                emit("،" if p != ":" else ":", "PUNCT")
            continue
        if k == "N":
            pl = it.plural or plural_next
            plural_next = False
            sing = (it.entry.singular or it.dar) if it.entry else it.dar
            word = it.entry.plural if pl and it.entry and it.entry.plural else it.dar
            count = _count(out[-1]) if out and prev_kind() in ("NUM", "P") else None
            if count is not None:
                bare = sing[2:] if sing.startswith("ال") else sing
                plw = it.entry.plural if it.entry and it.entry.plural else word
                word = f"د {plw}" if 2 <= count <= COUNTABLE_MAX else bare
                pl = count > 1
            elif prev_kind() == "IND":
                pl = False
                word = sing
            emit(word, "N")
            subj_fem, subj_pl = (it.entry.feminine if it.entry else False), pl
            if pend_poss:
                poss_armed = True
            copula = False
            continue
        if k == "A":
            word = it.dar
            if it.entry and it.entry.plural and prev_kind() in ("N", "A"):
                forms = it.entry.plural.split("|")
                word = forms[min(2 if subj_pl else 1 if subj_fem else 0, len(forms) - 1)]
            if copula and word.startswith("ال"):
                word = word[2:]
            emit(word, "A")
            continue
        if k in ("NUM", "SPAN", "NAME"):
            emit(it.dar, k)
            if k == "NAME":
                subj_fem, subj_pl = False, False
            continue
        if k == "IND":
            nx = nxt(i, ("A",))
            if nx is not None and nx.kind == "N":
                emit("واحد", "IND")
            continue
        if k == "DEM":
            nx = nxt(i, ("A",))
            emit(it.dar if nx is not None and nx.kind == "N" else "هادشي", "DEM")
            continue
        if k == "POS":
            pend_poss = it.dar
            continue
        if k == "DE":
            nx = nxt(i, ("ADV",))
            pk = prev_kind()
            if nx is not None and nx.kind == "V":
                continue
            if pk == "NUM" or _ends_prep(out):
                continue
            if pk in ("N", "A", "NAME", "SPAN", "P") and (nx is None or nx.kind in ("N", "NAME", "SPAN", "NUM", "DEM", "IND", "A", "POS")):
                if pk == "P" and out and out[-1] in ("بزاف", "شحال", "شوية", "عدد"):
                    emit("د", "P")
                elif pk != "P" or (out and out[-1] not in ("من", "ل", "ف", "على", "بين", "مع")):
                    emit("ديال", "DE")
            continue
        if k == "A_":
            nx = nxt(i, ("ADV",))
            if _ends_prep(out):
                if it.dar == "pl":
                    plural_next = True
                continue
            if nx is not None and nx.kind == "V":
                emit("باش", "P")
            elif prev_kind() == "V":
                pend_l = True
            elif nx is not None and nx.kind in ("NAME",) and it.fr == "à":
                emit("ف", "P")
            elif nx is not None and nx.kind == "SPAN":
                emit("ف", "P")
            else:
                pend_l = True
            if it.dar == "pl":
                plural_next = True
            continue
        if k == "POUR":
            nx = nxt(i, ("ADV", "PRONO"))
            if nx is not None and nx.kind == "V":
                emit("باش", "P")
            else:
                pend_l = True
            continue
        if k == "NEG":
            neg = True
            continue
        if k == "NEGEND":
            continue
        if k in ("BE", "HAVE"):
            nx = nxt(i, ("ADV", "NEGEND"))
            if nx is not None and nx.kind == "V" and nx.entry and "pp" in nx.entry.form.split("|")[0].split(","):
                aux = ("be" if k == "BE" else "have", it.dar)
                continue
            if nx is not None and nx.kind in ("BE",) and k == "HAVE":  # a été
                continue
            # standalone: est -> هو/هي, a -> عندو
            if k == "BE":
                tense = it.dar
                w = {"f": "يكون", "i": "كان", "pc": "كان", "inf": "يكون"}.get(tense, "")
                if w:
                    w = _conj_imperfect(w, subj_fem, subj_pl) if tense in ("f", "inf") else _conj_perfect(w, subj_fem, subj_pl)
                    w = ("غادي " + w) if tense == "f" else w
                    emit(("ما " + w + "ش") if neg else w, "V")
                    neg = False
                else:
                    emit("ماشي" if neg else ("هوما" if subj_pl else "هي" if subj_fem else "هو"), "P")
                    neg = False
                copula = True
            else:
                w = "عندهم" if it.dar == "p" or subj_pl else "عندها" if subj_fem else "عندو"
                emit(("ما " + w + "ش") if neg else w, "P")
                neg = False
            continue
        if k == "PRON":
            nx = nxt(i, ("ADV", "NEG", "PRONO"))
            if it.fr == "il" and nx is not None and nx.kind in ("BE",) and (n2 := nxt(items.index(nx), ("ADV",))) is not None and n2.kind == "V":
                continue  # impersonal passive: il est proposé
            emit(it.dar, "PRON")
            subj_fem, subj_pl = it.fr in ("elle", "elles"), it.fr in ("ils", "elles")
            continue
        if k == "PRONO":  # object pronoun before the verb: le lui leur -> after the verb
            _obj.append(it.dar)
            continue
        if k == "V" and it.entry is not None:
            forms, pas = it.entry.form.split("|")
            flist = forms.split(",")
            form = "pp" if aux is not None and "pp" in flist else flist[0]
            perf, imp = it.entry.darija, it.entry.plural
            nx = nxt(i, ("ADV", "NEG", "NEGEND", "PRONO"))
            if imp == "خاص" and form != "pp":  # devoir: خاصو / خاصها / خاصهم + imperfect
                emit(("ما " if neg else "") + ("خاصهم" if subj_pl or form.endswith("3p") else "خاصها" if subj_fem else "خاصو")
                     + ("ش" if neg else ""), "V")
                neg = False
                continue
            if perf == "مشى" and nx is not None and nx.kind == "V" and form in ("p3s", "p3p"):  # aller + infinitive: future
                emit("ما غاديش" if neg else "غادي", "P")
                neg = False
                continue
            if imp == "فيه" and form != "pp":
                emit("فيهم" if subj_pl or form.endswith("3p") else "فيها" if subj_fem else "فيه", "P")
                continue
            pl = form in ("p3p", "fut3p", "imp3p") or subj_pl
            if form in ("p3s", "fut3s", "imp3s"):
                pl = False
            if form == "pp":
                pl = it.fr.endswith("s") and not it.fr.endswith("is") or (subj_pl and aux is not None)
                fem = it.fr.endswith(("ée", "ées", "ie", "ies", "ue", "ues", "se", "ses", "te", "tes"))
                if aux and aux[0] == "have":
                    w = _conj_perfect(perf, subj_fem, subj_pl)
                elif aux and aux[0] == "be":
                    tense = aux[1]
                    if tense == "f":
                        w = "غادي " + _passive_imperfect(pas, subj_fem, pl)
                    elif tense == "inf":
                        w = _passive_imperfect(pas, subj_fem, pl)
                    elif tense == "p" and prev_kind() not in ("N", "NAME", "PRON", "SPAN", "A"):
                        w = _conj_perfect(pas, fem, pl)
                    else:
                        w = _conj_perfect(pas, subj_fem or fem, pl)
                else:  # a participle after a noun: اللي + passive
                    w = "اللي " + _conj_perfect(pas, fem, pl)
                aux = None
            elif form == "ppr":
                w = "اللي ك" + _conj_imperfect(imp, subj_fem, subj_pl)
            elif form == "inf":
                w = _conj_imperfect(imp, subj_fem, subj_pl)
                if not out or (out[-1].split()[-1] not in LICENSING and not out[-1].startswith(("خاص", "كيقدر", "كتقدر", "غادي"))
                               and prev_kind() not in ("V",)):
                    w = "باش " + w
            elif form.startswith("fut"):
                w = "غادي " + _conj_imperfect(imp, subj_fem, pl)
            else:
                w = "ك" + _conj_imperfect(imp, subj_fem, pl)
            if neg:
                if w.startswith("غادي "):
                    w = "ما غاديش " + w[5:]
                elif w.startswith("اللي "):
                    w = "اللي ما " + w[5:].split(" ")[0] + "ش" + (" " + " ".join(w[5:].split(" ")[1:]) if " " in w[5:] else "")
                else:
                    head, _, rest = w.partition(" ")
                    w = ("ما " + head + "ش " + rest).strip()
                neg = False
            emit(w, "V")
            if _obj:
                out[-1] += " " + " ".join(_obj)
                _obj.clear()
            copula = False
            continue
        if k == "P" and it.fr == "en":
            nx = nxt(i, ("ADV",))
            if nx is not None and nx.kind == "V":
                continue
        if k == "QUE":
            emit("بلي" if prev_kind() == "V" else "اللي", "P")
            continue
        # P, ADV, REL and the rest: fixed Darija
        if it.dar:
            emit(it.dar, k)
    flush_poss()
    text = " ".join(out)
    return _tidy(text)


_obj: list[str] = []
NUMBER_WORDS = {"جوج": 2, "تلاتة": 3, "ربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "تمنية": 8, "تسعة": 9, "عشرة": 10}
PREPS = ("ف", "على", "من", "ل", "ب", "مع", "عند")


def _count(word: str) -> int | None:
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    last = word.split()[-1] if word.split() else ""
    if regex.fullmatch(r"\d+", last):
        return int(last)
    return None


def _ends_prep(out: list[str]) -> bool:
    return bool(out) and out[-1].split()[-1] in PREPS


def _tidy(text: str) -> str:
    text = regex.sub(r" (?:ف|على|من|ل|ب|مع)(?=\s*(?:[.،:]|$))", "", text)  # a verb's preposition without its object
    text = regex.sub(r"\s+([.،:])", r"\1", text)
    text = regex.sub(r"([.،:])(?:\s*[.،:])+", r"\1", text)
    text = regex.sub(r"^[\s.،:]+", "", text)
    text = regex.sub(r"،\s*$", ".", text.strip())
    if text and not text.endswith((".", ":")):
        text += "."
    return " ".join(text.split())


FRENCH_COMMON = frozenset(
    "le la les l un une des du de d et ou en à au aux dans pour par sur avec est sont a ont été sera qui que ne pas se son sa ses "
    "leur leurs ce cet cette ces il elle ils elles nous vous on".split())


def is_french_word(word: str) -> bool:
    """A French word of the lexicons (or a common function word), whatever its capitals: ``Conseil``, ``DECIDENT``.
    Acronyms and names are not French words here; an all-capitals word counts only when the lexicon knows it."""
    low = word.lower().replace("’", "'")
    if low in FRENCH_COMMON:
        return True
    table, _ = _table()
    if (low,) in table or low in resources().fr_lexicon:
        return True
    if len(word) > 3 and _plain(word) in _plain_index(table):
        return True
    return False


def _sentences(darija: str, max_words: int = 14) -> str:
    """One idea per sentence: a long result is cut at its commas and semicolons (each part keeps 4 words or more)."""
    out = []
    for sent in regex.split(r"(?<=\.)\s+", darija):
        if len(sent.split()) <= max_words:
            out.append(sent)
            continue
        parts = [p.strip() for p in sent.rstrip(".").split("،")]
        cur = ""
        for p in parts:
            if not cur:
                cur = p
            elif len(cur.split()) >= 4 and len(p.split()) >= 4 and not p.startswith(("اللي", "ديال")):
                out.append(cur.rstrip(" :") + ".")
                cur = p
            else:
                cur += "، " + p
        if cur:
            out.append(cur.rstrip(" :") + ("." if not sent.endswith(":") else ":"))
    return " ".join(out)


def rewrite(text: str) -> FrenchResult | None:
    """The rewriting path for a French sentence: a Darija result when every word is covered, else None."""
    from .french import FrenchResult

    darija, _unknown = translate(text)
    if not darija:
        return None
    return FrenchResult(_sentences(darija), "ok", ["French rewritten by rules (fr_rewrite): check the wording"])
