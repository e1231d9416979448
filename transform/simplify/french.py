"""Darija from a French source without a translator (DARIJA_GUIDE §3.8).

* table rows and project lists -> templates (label from fr_lexicon.tsv, amounts in Darija);
* prose -> key-fact sentences by slot extraction (ACTION COUNT OBJECT PLACE TIME, AMOUNT), emitted only
  when every slot maps and every number of the sentence is used;
* anything else -> a ``needs_human`` segment without Darija text: the track shows the notice "not yet in
  Darija" and the French sentence (notice.py); the facts found (numbers, places, dates) are listed in
  Darija for the translator. Never passed off as Darija.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .data import resources
from .numbers import WORD_NUMBERS, canonical_values, write_amount
from .protect import month_name
from .text import normalize, word_count

# The placeholder earlier versions wrote into the Darija track. It is never written any more (a segment without
# Darija text shows a notice and its source text, see notice.py); kept so tests can prove it appears nowhere.
NEEDS_HUMAN_LABEL = "هاد الجزء خاصو ترجمة من عند بنادم"
NUM = r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
AMOUNT_RX = regex.compile(
    rf"(?P<n>{NUM})\s*(?P<s>milliards?|millions?|mille)?\s*(?:de\s+|d')?(?P<c>dirhams|dirham|DH|Dhs|MAD|MDH)\b", regex.I
)
MONTHS_FR = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"


@dataclass
class FrenchResult:
    text: str
    status: str  # ok | needs_human
    reasons: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)


def amount_darija(m: regex.Match[str], unit_millions: bool = False) -> str:
    vals = canonical_values(m.group(0).replace("MDH", "millions de dirhams"))
    value = float(vals[0]) if vals else 0.0
    if unit_millions and not m.group("s") and "MDH" not in m.group(0):
        value *= 10**6
    return write_amount(value) + " درهم"


@lru_cache(maxsize=1)
def _places() -> list[tuple[regex.Pattern[str], str, str]]:
    out = []
    for name, kind, fr in resources().gazetteer:
        for f in fr:
            out.append((regex.compile(rf"(?<!\p{{L}}){regex.escape(f)}(?!\p{{L}})", regex.I), name, kind))
    out.sort(key=lambda x: -len(x[0].pattern))
    return out


def find_places(text: str) -> list[tuple[str, str, str]]:
    """(French match, Arabic name, kind) for gazetteer names in French text."""
    found, taken = [], []
    for rx, name, kind in _places():
        for m in rx.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.group(0), name, kind))
    return found


def _lex(phrase: str, plural: bool | None = None) -> str | None:
    p = " ".join(phrase.lower().replace("’", "'").split()).strip(" .,:;")
    p = regex.sub(r"^(?:les?|la|l'|des|du|de|d')\s*", "", p)
    hit = resources().fr_lexicon.get(p)
    if hit is None:
        return None
    sing, plur = hit
    return plur if plural else sing


def time_slot(text: str) -> tuple[str, list[str], list[str]] | None:
    """(Darija time phrase, its numbers, the French words it covers)."""
    r = _time_slot(text)
    if r is None:
        return None
    return r[0], r[1], [r[2]]


def _time_slot(text: str) -> tuple[str, list[str], str] | None:
    m = regex.search(r"\b(?:d'ici|avant)\s+(?:(?:fin|la fin de)\s+)?(\d{4})\b", text, regex.I)
    if m:
        return f"قبل {m.group(1)}", [m.group(1)], m.group(0)
    m = regex.search(r"\b(premier|1er|second|deuxième|2e)\s+semestre\s+(\d{4})\b", text, regex.I)
    if m:
        first = m.group(1).lower() in ("premier", "1er")
        return (f"قبل يوليوز {m.group(2)}" if first else f"ف آخر {m.group(2)}"), [m.group(2)], m.group(0)
    m = regex.search(r"\b((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)\b", text)
    if m:
        return f"من {m.group(1)} حتى {m.group(2)}", [m.group(1), m.group(2)], m.group(0)
    m = regex.search(rf"\b(\d{{1,2}})(?:er)?\s+({MONTHS_FR})\s+(\d{{4}})\b", text, regex.I)
    if m:
        from .numbers import MONTHS_NUM

        mo = MONTHS_NUM[m.group(2).lower()]
        return f"ف {int(m.group(1))} {month_name(mo)} {m.group(3)}", canonical_values(m.group(0)), m.group(0)
    m = regex.search(r"\b(?:en|pour|au titre de)\s+(?:l'année\s+)?((?:19|20)\d\d)\b", text, regex.I)
    if m:
        return f"ف {m.group(1)}", [m.group(1)], m.group(0)
    return None


def place_slot(text: str) -> tuple[str, list[str]] | None:
    places = find_places(text)
    if not places:
        return None
    parts = []
    for fr, ar, kind in places:
        if kind == "province" and regex.search(rf"province\s+(?:de\s+|d'){regex.escape(fr)}", text, regex.I):
            parts.append(f"ف الإقليم ديال {ar}")
        elif kind == "commune" and regex.search(rf"commune\s+(?:de\s+|d'){regex.escape(fr)}", text, regex.I):
            parts.append(f"ف الجماعة ديال {ar}")
        elif kind in ("institution", "country", "region"):
            return None
        else:
            parts.append(f"ف {ar}")
    return " و ".join(parts), [ar for _f, ar, _k in places]


def _action(text: str) -> tuple[str, int] | None:
    low = text.lower()
    best = None
    for word, stem in resources().fr_actions.items():
        m = regex.search(rf"(?<!\p{{L}}){regex.escape(word)}(?!\p{{L}})", low)
        if m and (best is None or m.start() < best[1]):
            best = (stem, m.start(), m.end())
    return (best[0], best[2]) if best else None


def facts_line(text: str, unit_millions: bool = False) -> tuple[str, list[str]]:
    """Numbers, amounts, dates and places of a French text, written in Darija (for needs_human segments)."""
    facts: list[str] = []
    rest = text
    for m in AMOUNT_RX.finditer(text):
        facts.append(amount_darija(m, unit_millions))
    rest = AMOUNT_RX.sub(" ", rest)
    for m in regex.finditer(rf"\b(\d{{1,2}})(?:er)?\s+({MONTHS_FR})\s+(\d{{4}})\b", rest, regex.I):
        from .numbers import MONTHS_NUM

        facts.append(f"{int(m.group(1))} {month_name(MONTHS_NUM[m.group(2).lower()])} {m.group(3)}")
    rest = regex.sub(rf"\b\d{{1,2}}(?:er)?\s+(?:{MONTHS_FR})\s+\d{{4}}\b", " ", rest, flags=regex.I)
    for m in regex.finditer(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", rest):
        mo = int(m.group(2))
        facts.append(f"{int(m.group(1))} {month_name(mo)} {m.group(3)}" if 1 <= mo <= 12 else m.group(0))
    rest = regex.sub(r"\b\d{1,2}/\d{1,2}/\d{4}\b", " ", rest)
    for m in regex.finditer(r"(?<![\d,.])\d+(?:[.-]\d+)+(?![\d])", rest):  # law and decree numbers: 111.14, 1-15-83
        facts.append(m.group(0))
    rest = regex.sub(r"(?<![\d,.])\d+(?:[.-]\d+)+(?![\d])", " ", rest)
    for m in regex.finditer(r"(?i)\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\b", rest):
        facts.append(str(WORD_NUMBERS[m.group(1).lower()]))
    for m in regex.finditer(rf"(?<![\d,.])({NUM})\s*(%|pour\s*cent|milliards?|millions?)?", rest):
        n = m.group(1)
        if m.group(2) and m.group(2)[0] == "m":
            vals = canonical_values(m.group(0))
            facts.append(write_amount(float(vals[0])) if vals else m.group(0))
        elif m.group(2):
            facts.append(f"{n} ف المية")
        else:
            vals = canonical_values(n)
            facts.append(write_amount(float(vals[0])) if vals and not vals[0].startswith("law:") and float(vals[0]) >= 10000 else n)
    places = [ar for _fr, ar, _k in find_places(text)]
    facts.extend(places)
    return "، ".join(facts), places


def needs_human(text: str, reason: str, unit_millions: bool = False) -> FrenchResult:
    """No Darija text: the segment keeps its source text (the engine writes the "not yet in Darija" notice
    before it) and the facts found, in Darija, for the translator (review file, report)."""
    facts, _ = facts_line(text, unit_millions)
    return FrenchResult("", "needs_human", [reason], [f for f in facts.split("، ") if f] if facts else [])


STOP = frozenset(
    "le la les l d de des du un une et en à au aux dans pour sur par avec d'ici avant ici the région province commune "
    "provinces communes".split()
)


def _leftover(text: str, covered: list[str]) -> list[str]:
    """Content words of ``text`` that no slot used: a key-fact sentence must not drop them."""
    low = text.lower().replace("’", "'")
    for c in sorted(covered, key=len, reverse=True):
        if c:
            low = low.replace(c.lower(), " ")
    low = regex.sub(r"\d[\d\s.,]*|%", " ", low)
    return [w for w in regex.findall(r"\p{L}+", low.replace("'", " ")) if w not in STOP and len(w) > 1]


def _uses_all_numbers(text: str, used: list[str]) -> bool:
    need = canonical_values(text.replace("MDH", "millions de dirhams"))
    have = list(used)
    for v in need:
        if v in have:
            have.remove(v)
        else:
            return False
    return True


def key_fact(text: str, agent: str, feminine: bool = True) -> FrenchResult | None:
    """``AGENT غادي VERB COUNT OBJECT ف PLACE TIME.`` or ``AMOUNT ل OBJECT.`` when every slot maps."""
    t = normalize(text).replace("’", "'").replace("‘", "'")
    used: list[str] = []
    amount = AMOUNT_RX.search(t)
    tm = time_slot(t)
    pl = place_slot(t)
    act = _action(t)

    def action_fact() -> FrenchResult | None:
        assert act is not None
        stem, end = act
        tail = t[end:]
        m = regex.match(r"\s*(?:de\s+|d'|des\s+|du\s+|de la\s+|de l')?(?:(?P<n>\d+)\s+)?(?P<obj>[\p{L}' -]+?)(?=\s+(?:dans|à|au|aux|en|pour|d'ici|avant|sur|,|\.|$)|[,.(]|$)", tail)
        if m is None:
            return None
        covered = [t[:end], m.group(0)] + [f for f, _a, _k in find_places(t)] + (tm[2] if tm else []) + ([amount.group(0)] if amount else [])
        if _leftover(t, covered):
            return None
        count = m.group("n")
        obj = _lex(m.group("obj"), plural=bool(count and int(count) > 1 and int(count) <= 10))
        if obj is None:
            obj = _lex(m.group("obj"), plural=True)
        if obj is None:
            return None
        words = [agent, "غادي", ("ت" if feminine else "ي") + stem]
        if count:
            n = int(count)
            used.append(str(n))
            bare = obj[2:] if obj.startswith("ال") else obj
            words.append(f"{n} د {obj}" if 2 <= n <= 10 else f"{n} {bare.split(' ديال ')[0] if n == 1 else bare}")
        else:
            words.append(obj)
        where_when = ([pl[0]] if pl else []) + ([tm[0]] if tm else [])
        if tm:
            used.extend(tm[1])
        sentence = " ".join(words + where_when) + "."
        if where_when and word_count(sentence) > 12:  # one idea per sentence: what, then where and when
            sentence = " ".join(words) + ". هادشي " + " ".join(where_when) + "."
        if amount:
            sentence += f" الفلوس المخصصة: {amount_darija(amount)}."
            used.extend(canonical_values(amount.group(0).replace("MDH", "millions de dirhams")))
        if not _uses_all_numbers(t, used):
            return None
        return FrenchResult(sentence, "ok")

    if act is not None and (r := action_fact()) is not None:
        return r
    used.clear()
    stated = regex.match(
        r"(?P<x>.+?)\s+(?:s'élève|s'élèvent|se chiffre|se chiffrent|atteint|atteignent|est|sont|représente|représentent)\s+(?:à|de|d'environ|environ)?\s*"
        r"(?P<v>(?:\d[\d\s.,]*)\s*(?:%|milliards?|millions?)?[^.]*?)\s*\.?$", t)
    if stated:
        x = regex.sub(r"\s+(?:de la région|de la Région|régional|régionale)\b", "", stated.group("x"))
        x = regex.sub(r"\s+(?:pour|en|de)\s+(?:l'année\s+)?(?:19|20)\d\d\b", "", x)
        label = _lex(x) or _lex(x, plural=True)
        v = stated.group("v")
        pm = regex.fullmatch(r"(\d+(?:,\d+)?)\s*%\s*(?:du|de la|des|de l')\s*(?P<of>[\p{L}' ]+)", v.strip())
        value = None
        if pm and _lex(pm.group("of")):
            value = f"{pm.group(1)} ف المية من {_lex(pm.group('of'))}"
        elif amount and amount.start() >= stated.start("v"):
            value = amount_darija(amount)
            used.extend(canonical_values(amount.group(0).replace("MDH", "millions de dirhams")))
        if label and value:
            if pm:
                used.append(canonical_values(pm.group(1))[0])
            when = ""
            if tm:
                when = " " + tm[0]
                used.extend(tm[1])
            region = " ديال الجهة" if regex.search(r"(?i)de la région", stated.group("x")) and "الجهة" not in label else ""
            out = f"{label}{region}{when} هي {value}."
            if _uses_all_numbers(t, used):
                return FrenchResult(out, "ok")
        used.clear()
    if amount:
        before = t[: amount.start()].strip(" :,-–")
        label = _lex(regex.sub(r"^(?:budget|montant|enveloppe|crédits?)\s+(?:de\s+|d'|des\s+|du\s+|pour\s+(?:les?\s+|la\s+)?)?", "", before, flags=regex.I))
        if label is None and before:
            from .french_phrases import np

            phrase = np(before)
            if phrase is not None and not phrase[1]:  # a label of known words only (its numbers would be lost)
                label = phrase[0]
        if label is None:
            return None
        used.extend(canonical_values(amount.group(0).replace("MDH", "millions de dirhams")))
        out = f"{label}: {amount_darija(amount)}"
        if tm:
            out += " " + tm[0]
            used.extend(tm[1])
        if not _uses_all_numbers(t, used):
            return None
        return FrenchResult(out + ".", "ok")
    return None


def table_cell(text: str, header: bool, unit_millions: bool) -> FrenchResult:
    """One table cell: a known label, a number/amount, or needs_human."""
    t = normalize(text)
    if not regex.search(r"\p{L}", t):
        vals = canonical_values(t)
        if len(vals) == 1 and not vals[0].startswith(("law:", "date:")):
            v = float(vals[0]) * (10**6 if unit_millions else 1)
            return FrenchResult(write_amount(v) + (" درهم" if unit_millions else ""), "ok")
        return FrenchResult(t, "ok")
    am = AMOUNT_RX.fullmatch(t.strip(" ;."))
    if am:
        return FrenchResult(amount_darija(am), "ok")
    clean = regex.sub(r"\((?:en\s+)?(?:MDH|DH|millions de dirhams|dirhams|MAD)\)", "", t, flags=regex.I).strip()
    clean = regex.sub(r"\s*\([A-Z]{2,8}\)", "", clean).replace("’", "'").strip()
    label = _lex(clean, plural=True) or _lex(clean) or name_phrase(clean)
    if label:
        return FrenchResult(label, "ok")
    if header and regex.fullmatch(r"(?i)(montant|coût|budget|crédits?)(\s*\(.*\))?|total", t):
        return FrenchResult("المبلغ" if not t.lower().startswith("total") else "المجموع", "ok")
    return needs_human(t, "no template for this table cell", unit_millions)


def name_phrase(text: str) -> str | None:
    """A name or 'NOUN de PLACE' in full: 'Conseil provincial d'Azilal' -> 'المجلس الإقليمي ديال أزيلال'."""
    t = text.replace("’", "'").strip(" .:")
    places = find_places(t)
    if len(places) == 1 and places[0][0].lower() == t.lower():
        return places[0][1]
    m = regex.fullmatch(r"(?P<x>.+?)\s+(?:de\s+|d')(?P<p>.+)", t)
    if m and len(places) == 1 and places[0][0].lower() == m.group("p").lower():
        head = _lex(m.group("x"))
        if head:
            return f"{head} ديال {places[0][1]}"
    return None


def french_segment(text: str, role: str, agent: str, feminine: bool = True) -> FrenchResult:
    from .french_phrases import np
    from .french_sentences import council_sentence

    kf = key_fact(text, agent, feminine)
    if kf is not None:
        return kf
    cs = council_sentence(text)
    if cs is not None:
        return cs
    if (phrase := np(text)) is not None and _uses_all_numbers(text, phrase[1]):  # a noun phrase of known words only
        return FrenchResult(phrase[0] + ("." if role in ("paragraph", "list") else ""), "ok")
    if role in ("heading", "list", "paragraph"):
        label = _lex(text, plural=True) or _lex(text) or name_phrase(text)
        if label:
            return FrenchResult(label, "ok")
    from .fr_rewrite import rewrite

    rw = rewrite(text)
    if rw is not None:
        return rw
    return needs_human(text, "French text: no template applies, a person must translate it")
