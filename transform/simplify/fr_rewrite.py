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

from typing import TYPE_CHECKING

import regex

from .fr_grammar import Item, assemble
from .fr_words import inflected, nouns, plain, plain_index, table
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
    ("fromto", regex.compile(r"(?i)\bde\s+(?P<a>\d{1,2})\s*h(?:eures?)?\s*(?P<am>\d{2})?\s+à\s+(?P<b>\d{1,2})\s*h(?:eures?)?\s*(?P<bm>\d{2})?(?!\p{L})")),
    ("date", regex.compile(rf"(?i)\b(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})\b")),
    ("hijri", regex.compile(rf"(?i)\b(?P<d>\d{{1,2}})\s+(?P<m>{_HIJRI})\s+(?P<y>1[34]\d\d)\b")),
    ("dmy", regex.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")),
    ("money", regex.compile(rf"(?i)(?P<n>{_NUM})\s*(?P<s>milliards?|millions?)?\s*(?:de\s+|d')?(?P<c>€|euros?|dirhams?|DH|Dhs|MAD|MDH)(?!\p{{L}})")),
    ("code", regex.compile(r"\b[LRD]\.?\s?\d{1,4}(?:-\d{1,4})+\b")),  # articles of French codes: L. 2121-29, R. 211-66
    ("para", regex.compile(r"(?<![\p{L}\d])(?P<l>[a-h])\)")),  # paragraphes a) et c) -> أ و ج (the Arabic legal letters)
    ("bis", regex.compile(r"\b(?P<n>\d{1,5})\s+(?P<b>bis|ter)\b")),
    ("law", regex.compile(r"(?i)(?:\bn\s*[°º]\s*)?\b\d{1,4}(?:[-.]\d{1,4}){1,3}(?![\d,])(?![-.]\d)(?!\s*(?:€|%|euros?|dirhams|DH|MDH))")),
    ("pct", regex.compile(rf"(?i)(?P<n>{_NUM})\s*(?:%|pour\s*cent)")),
    ("hour", regex.compile(r"(?i)\b(?:(?P<h>\d{1,2})\s*(?:h|heures?)\s*(?P<m>\d{2})|(?P<h2>\d{1,4})\s*(?:h|heures?)\.?)(?!\p{L})")),
    ("num", regex.compile(_NUM)),
]


def _span_text(kind: str, m: regex.Match[str]) -> str:
    if kind in ("date", "dmy"):
        mo = MONTHS[m.group("m").lower()] if kind == "date" else int(m.group("m"))
        if not 1 <= mo <= 12:
            return m.group(0)
        return f"{int(m.group('d'))} {month_name(mo)} {m.group('y')}"
    if kind == "fromto":
        a = m.group("a") + (":" + m.group("am") if m.group("am") else "")
        b = m.group("b") + (":" + m.group("bm") if m.group("bm") else "")
        return f"من الساعة {a} حتى الساعة {b}"
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
    if kind == "para":
        return "أبجدهوزح"["abcdefgh".index(m.group("l"))]
    if kind == "bis":  # article 12 bis -> 12 مكرر (the Arabic legal usage)
        return m.group("n") + (" مكرر" if m.group("b") == "bis" else " مكرر مرتين")
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


UNITS = (("m²", "mètres carrés"), ("m³", "mètres cubes"), ("ha", "hectares"), ("kms", "kilomètres"), ("km", "kilomètres"),
         ("kg", "kilogrammes"), ("ml", "mètres linéaires"), ("cm", "centimètres"))
_UNIT = regex.compile(r"(?<=(?:\d|\bpar|\ble|\bpar\s+an\s+et))\s*(" + "|".join(regex.escape(u) for u, _ in UNITS) + r")(?![\p{L}\d])")


def _units(text: str) -> str:
    """Units of measure after a number or after ``par``: '12 m²' -> '12 mètres carrés', 'par ml' -> 'par mètres linéaires'
    (written out, so that the lexicon reads them; m2 and m3 are left alone: their digit would count as a number)."""
    names = dict(UNITS)
    return _UNIT.sub(lambda m: " " + names[m.group(1)], text)


ADV_WORDS = frozenset("déjà bien encore toujours aussi également notamment souvent beaucoup ensuite enfin presque vraiment "
                      "surtout parfois désormais dorénavant actuellement".split())
NOUN_BEFORE = frozenset("جوج تلاتة ربعة خمسة ستة سبعة تمنية تسعة عشرة بزاف بزاف د شي كل كاع هاد واحد".split()) | {"بزاف د"}


PREP_BEFORE = frozenset(("على", "ف", "مع", "بلا", "من طرف", "من", "عند", "بين", "على حساب", "قبل", "من بعد", "ضد"))


def translate(text: str) -> tuple[str | None, list[str]]:
    """(Darija, []) or (None, the French words not covered)."""
    t = " ".join(text.replace("’", "'").replace("‘", "'").replace("\u202f", " ").replace("\xa0", " ").split())
    label = regex.match(r"^(\d{1,2})\s*[-/)]\s+", t)  # a list label: 6/ Travaux forestiers -> 6- (its number is kept)
    t = regex.sub(r"^(?:[-–•*]|\d{1,2}\s*[-/)]|[a-z]\)|[A-H]/|[a-h]\.|[IVX]{1,4}\.\s*[-–])\s+", "", t)
    t = regex.sub(r"^A (?=\p{Ll})", "À ", t)  # a capital A at the start is the preposition (A compter du..., A cet effet)
    t = regex.sub(r"\bMM\.\s", "Messieurs ", regex.sub(r"\bMme\.?\s", "Madame ", regex.sub(r"\bM\.\s", "Monsieur ", t)))
    t = regex.sub(r"\b(?:ex|p\.\s?ex)\.\s*:?\s*", "par exemple ", t)  # (ex. : urbanisme): not a sentence end
    t = _units(t)
    t, spans = _protect(t)
    t = regex.sub(r"(?i)\b(l|d|qu|n|s|c|j|jusqu|lorsqu|puisqu|quelqu)'", r"\1' ", t)
    toks = regex.findall(r"⟦[\uE000-\uF8FF]⟧|\p{L}+'|\p{L}+(?:-\p{L}+)*|[.,;:!?()«»\"/–—-]", t)
    tab, longest = table()
    is_word = [not t.startswith("⟦") and bool(regex.match(r"\p{L}", t)) for t in toks]
    items: list[Item] = []
    unknown: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.startswith("⟦"):
            kind, dar = spans[ord(tok[1]) - 0xE000]
            items.append(Item("NUM" if kind == "num" else "SPAN", kind, dar))
            i += 1
            continue
        if not regex.match(r"\p{L}", tok):
            items.append(Item("PUNCT", tok))
            i += 1
            continue
        hit = None
        run = 0  # words in a row from i (a phrase never spans a span or a punctuation mark)
        while i + run < len(toks) and run < longest and is_word[i + run]:
            run += 1
        for n in range(run, 0, -1):
            k = tuple(w.lower() for w in toks[i : i + n])
            if k in tab:
                hit = (n, tab[k], " ".join(k))
                break
        if hit is None and tok.islower():  # a plural or feminine form of a known noun or adjective
            hit = inflected(tok, tab)
        if hit is None and (tok.isupper() and len(tok) > 2 or (tok[:1].isupper() and i == 0) or tok.islower()):
            # DECIDENT, ACCEPTE (capitals), Etant, Etat (a capital without its accent), an accent left out
            e = plain_index(tab).get(plain(tok))
            if e is not None:
                hit = (1, e, tok.lower())
        if (hit and hit[1].kind == "V" and hit[2] in nouns() and hit[1].form.split("|")[0].split(",")[0] == "pp"
                and not any(x.kind in ("BE", "HAVE") for x in items[-3:])):  # "Entrée adulte": a participle without its auxiliary
            hit = (hit[0], nouns()[hit[2]], hit[2])
        if (hit and hit[1].kind == "V" and items and (items[-1].kind in ("DET", "IND", "DEM", "POS", "DE", "A_", "NUM")
                                                 or items[-1].dar in NOUN_BEFORE or (items[-1].kind == "P" and items[-1].dar in PREP_BEFORE))
                and hit[2] in nouns()):
            hit = (hit[0], nouns()[hit[2]], hit[2])
        if hit:
            n, e, fr = hit
            kind = "ADV" if e.kind == "P" and " " not in fr and (fr.endswith("ment") or fr in ADV_WORDS) else e.kind
            items.append(Item(kind, fr, e.darija, e, plural=e.form == "pl"))
            i += n
            continue
        if "-" in tok and (parts := _compound(tok, tab)) is not None:  # non-conformité, contrats-programmes
            toks[i : i + 1] = parts
            is_word[i : i + 1] = [True] * len(parts)
            continue
        if tok[0].isupper() and (i > 0 or (len(tok) > 1 and tok.isupper()) or _name_follows(toks, i)):  # a name or an acronym
            j = i + 1
            while j < len(toks) and (toks[j][:1].isupper() or (toks[j].lower() in ("de", "du", "des", "sur", "en", "d'", "la", "le", "&") and j + 1 < len(toks) and toks[j + 1][:1].isupper())):
                if toks[j].startswith("⟦") or toks[j] in ("Le", "La", "Les", "L'"):
                    break  # EHPAD Le Conseil Municipal: an article starts a new phrase
                j += 1
            items.append(Item("NAME", " ".join(toks[i:j]), " ".join(toks[i:j]).replace("' ", "'")))
            i = j
            continue
        unknown.append(tok)
        i += 1
    if unknown:
        return None, unknown
    if not any(it.kind in ("N", "V", "NAME", "SPAN", "NUM", "A") or (it.kind == "P" and len(it.fr.split()) >= 3) for it in items):
        return None, []  # nothing to say (a set formula of three words or more is something: A DÉCIDÉ CE QUI SUIT)
    for j in range(len(items) - 1):  # prenominal adjectives (nouveau, prochain, seul...) go after their noun
        if items[j].kind == "A" and items[j + 1].kind == "N" and (j == 0 or items[j - 1].kind not in ("N", "A", "NAME")):
            items[j], items[j + 1] = items[j + 1], items[j]
    darija = assemble(items)
    return (f"{label.group(1)}- {darija}" if label else darija), []


def _compound(tok: str, tab: dict) -> list[str] | None:
    """A hyphenated word the lexicon does not know, read as its parts when every part is known: 'non-conformité' ->
    'non' + 'conformité' (non before a noun -> عدم, before an adjective -> ماشي), 'socio-économique' -> the last part
    after a prefix the lexicon knows as a word; None when a part is unknown (the word stays unknown)."""
    parts = tok.split("-")
    if len(parts) < 2 or any(not p for p in parts):
        return None
    low = [p.lower() for p in parts]
    def noun_or_adj(w: str) -> bool:
        e = tab.get((w,)) or (lambda r: r[1] if r else None)(inflected(w, tab))
        return e is not None and e.kind in ("N", "A")

    if all(noun_or_adj(p) for p in low[1:]) and (low[0] == "non" or noun_or_adj(low[0])):
        return parts
    return None


def _name_follows(toks: list[str], i: int) -> bool:
    """A capitalised first word the lexicon does not know, followed by another capitalised word (Agnès DUPONT,
    Jean-Paul Martin): a person's name, kept as written."""
    return i == 0 and len(toks) > 1 and toks[1][:1].isupper() and regex.match(r"\p{L}", toks[1]) is not None


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
    from collections import Counter

    from .french import FrenchResult
    from .metrics import french_left
    from .numbers import canonical_values

    darija, _unknown = translate(text)
    if not darija:
        return None
    darija = _sentences(darija)
    if Counter(canonical_values(text)) != Counter(canonical_values(darija)) or french_left(text, darija):
        return None  # a number lost, changed or added, or French left: not offered as Darija
    return FrenchResult(darija, "ok", ["French rewritten by rules (fr_rewrite): check the wording"])
