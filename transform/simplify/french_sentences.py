"""French council sentences -> Darija (issue 18): the sentence patterns that fill council documents.

Votes (``le conseil approuve à l'unanimité X``, ``14 votes pour``), agenda items, amounts allocated, works
started or finished, rates and percentages, deadlines, conventions signed, consultations and petitions,
projects by province, counts (``la Région compte 5 provinces``). Every slot must translate (noun phrases
through ``fr_lexicon.tsv`` and the gazetteer, amounts, dates, places) and every number of the sentence must be
used; otherwise the sentence is not covered and stays ``needs_human``. No word-for-word translation.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from .french import AMOUNT_RX, MONTHS_FR, FrenchResult, _uses_all_numbers, amount_darija, time_slot
from .french_phrases import _count_np, _lex, _place, _to, np
from .numbers import canonical_values
from .protect import month_name


def _norm(text: str) -> str:
    t = " ".join(text.replace("’", "'").replace("‘", "'").replace("\u202f", " ").replace("\xa0", " ").split())
    return t.strip()


_MONTH_YEAR = regex.compile(rf"(?i)\b(?:en|au mois de|à partir de|depuis)\s+({MONTHS_FR})\s+((?:19|20)\d\d)\b")
_END_YEAR = regex.compile(r"(?i)\b(?:à la fin de|à fin|fin|avant la fin de)\s+((?:19|20)\d\d)\b")


def _when(text: str) -> tuple[str, list[str], str]:
    """(Darija time phrase with a leading space, its numbers, the text without it)."""
    from .numbers import MONTHS_NUM

    m = regex.search(rf"(?i)\bjusqu'(?:au|à)\s+(\d{{1,2}}(?:er)?\s+(?:{MONTHS_FR})\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})", text)
    if m and (d := _date(m.group(1))):
        rest = " ".join((text[: m.start()] + " " + text[m.end():]).split())
        return f" حتى {d}", canonical_values(m.group(1)), rest
    m = _MONTH_YEAR.search(text)
    if m:
        rest = " ".join((text[: m.start()] + " " + text[m.end():]).split())
        return f" ف {month_name(MONTHS_NUM[m.group(1).lower()])} {m.group(2)}", [m.group(2)], rest
    m = _END_YEAR.search(text)
    if m:
        rest = " ".join((text[: m.start()] + " " + text[m.end():]).split())
        return f" ف آخر {m.group(1)}", [m.group(1)], rest
    tm = time_slot(text)
    if tm is None:
        return "", [], text
    rest = text
    for covered in tm[2]:
        rest = rest.replace(covered, " ")
    rest = regex.sub(r"(?i)\s+(?:du|le|au|de|en|à)\s*([.,;:]?)\s*$", r"\1", " ".join(rest.split()))
    return " " + tm[0], tm[1], rest


def _ok(src: str, out: str, used: list[str]) -> FrenchResult | None:
    return FrenchResult(out, "ok") if _uses_all_numbers(src, used) else None


_VOTE = regex.compile(r"(?i)(?P<n>\d+)\s+(?:(?:votes?|voix)\s+)?(?P<k>pour|contre|abstentions?)")
_VOTE_WORDS = {"pour": "صوتو بنعم", "contre": "صوتو ضد", "abstention": "ما صوتوش", "abstentions": "ما صوتوش"}


def vote_counts(t: str) -> tuple[str, list[str]] | None:
    """'11 votes pour / 1 abstention / 2 contre', 'Par 13 voix POUR – 1 ABSTENTION': (Darija, numbers)."""
    found = list(_VOTE.finditer(t))
    rest = _VOTE.sub(" ", t)
    if not found or regex.sub(r"(?i)\bpar\b|[\s,/;.:–—-]|\bet\b", "", rest):
        return None
    parts = [f"{m.group('n')} {_VOTE_WORDS[m.group('k').lower()]}" for m in found]
    return " و ".join(parts) + ".", [m.group("n") for m in found]


def _votes(t: str) -> FrenchResult | None:
    vc = vote_counts(t)
    if vc:
        return _ok(t, vc[0], vc[1])
    m = regex.fullmatch(r"(?i)(?:adopté|adoptée|approuvé|approuvée|voté|votée|accepté|acceptée)s?\s+à\s+l'unanimité(?:\s+des\s+membres\s+présents)?\.?", t)
    if m:
        return FrenchResult("الأعضاء كاملين وافقو.", "ok")
    m = regex.fullmatch(r"(?i)(?:adopté|adoptée|approuvé|approuvée)s?\s+à\s+la\s+majorité(?:\s+absolue)?\.?", t)
    if m:
        return FrenchResult("أغلب الأعضاء وافقو.", "ok")
    t = regex.sub(r"(?i),?\s*après en avoir délibéré\s*,?", " ", t)
    inner = regex.search(r"(?i),?\s*(par\s+\d+\s+voix[^,]*?)(?=\s+(?:accepte|adopte|approuve|décide|valide|autorise)|,)", t)
    tail, tail_n = "", []
    if inner and (vc := vote_counts(inner.group(1))):
        tail, tail_n = " " + vc[0], vc[1]
        t = (t[: inner.start()] + " " + t[inner.end():]).strip(" ,")
    t2 = regex.sub(r"(?i),?\s*(à l'unanimité|à la majorité(?: absolue)?)\s*,?", r" \1 ", t)
    m = regex.fullmatch(
        r"(?i)(?P<who>(?:le |la )?(?:conseil|assemblée|commission|bureau)[\p{L}' -]*?)\s+(?P<how0>à l'unanimité|à la majorité(?: absolue)?)?\s*(?:a\s+)?(?P<v>approuve|approuvé|adopte|adopté|valide|validé|accepte|accepté|vote|voté|autorise|autorisé)"
        r"\s*(?P<how>à l'unanimité|à la majorité(?: absolue)?)?\s*(?P<obj>.*?)\s*\.?", " ".join(t2.split()))
    if m:
        who = np(m.group("who"))
        obj_text, when = m.group("obj"), ""
        used: list[str] = []
        w, wn, obj_text = _when(obj_text) if obj_text else ("", [], "")
        obj = np(obj_text) if obj_text else ("", [])
        if who and obj is not None:
            how = m.group("how") or m.group("how0") or ""
            verb = "عطا الإذن ل" if m.group("v").lower().startswith("autoris") else "وافق على"
            out = f"{who[0]} {verb} {obj[0]}".strip() if obj[0] else f"{who[0]} وافق"
            out += " بالإجماع" if "unanim" in how.lower() else " بالأغلبية" if how else ""
            used = who[1] + obj[1] + wn + tail_n
            return _ok(t + " " + " ".join(tail_n), out + w + when + "." + tail, used)
    m = regex.fullmatch(r"(?i)(?P<obj>.+?)\s+(?:est|sont|a été|ont été)\s+(?:approuvée?s?|adoptée?s?|validée?s?|votée?s?)\s*(?P<how>à l'unanimité|à la majorité)?\.?", t)
    if m:
        w, wn, rest = _when(m.group("obj"))
        obj = np(rest)
        if obj:
            how = m.group("how") or ""
            out = f"المجلس وافق على {obj[0]}" + (" بالإجماع" if "unanim" in how.lower() else " بالأغلبية" if how else "")
            return _ok(t, out + w + ".", obj[1] + wn)
    return None


def _agenda(t: str) -> FrenchResult | None:
    m = regex.fullmatch(r"(?i)(?:point\s*(?:n°\s*)?)?(?P<n>\d{1,2})\s*(?:[/).:-]|°)\s*(?P<title>.+?)\s*:?", t)
    if not m:
        return None
    w, wn, rest = _when(m.group("title"))
    title = np(rest)
    if title is None:
        return None
    return _ok(t, f"النقطة {m.group('n')}: {title[0]}{w}.", [m.group("n"), *title[1], *wn])


def _allocated(t: str) -> FrenchResult | None:
    am = AMOUNT_RX.search(t)
    if not am:
        return None
    amount = amount_darija(am)
    used = canonical_values(am.group(0).replace("MDH", "millions de dirhams"))
    rest = (t[: am.start()] + " AMOUNT " + t[am.end():]).strip()
    w, wn, rest = _when(rest)
    rest = " ".join(rest.split()).rstrip(" .")
    pats = [
        (r"(?i)(?:une |la )?(?:enveloppe|somme|subvention|dotation|budget|montant)(?: globale| totale)? de AMOUNT (?:est|a été|sera) (?:allouée|consacrée|affectée|réservée|mobilisée|attribuée|accordée) (?:à|au|aux|pour) (?P<obj>.+?)\.?", "تخصصات"),
        (r"(?i)AMOUNT (?:sont|ont été|seront|est|a été) (?:alloués|allouées|consacrés|consacrées|affectés|affectées|réservés|réservées|mobilisés|mobilisées|alloué|consacré|affecté|réservé|mobilisé) (?:à|au|aux|pour) (?P<obj>.+?)\.?", "تخصصات"),
        (r"(?i)(?P<who>(?:le |la )?(?:conseil|région|commune|province)[\p{L}' -]*?) (?:alloue|consacre|affecte|réserve|mobilise|attribue|accorde) (?:une (?:enveloppe|subvention|somme) de )?AMOUNT (?:à|au|aux|pour) (?P<obj>.+?)\.?", "WHO"),
    ]
    for rx, verb in pats:
        m = regex.fullmatch(rx, " ".join(rest.split()))
        if not m:
            continue
        obj = np(m.group("obj"))
        if obj is None:
            continue
        if verb == "WHO":
            who = np(m.group("who"))
            if who is None:
                continue
            out = f"{who[0]} خصص {amount} {_to(obj[0])}"
            used2 = who[1]
        else:
            out = f"تخصصات {amount} {_to(obj[0])}"
            used2 = []
        return _ok(t, out + w + ".", used + obj[1] + used2 + wn)
    m = regex.fullmatch(r"(?i)(?:province|commune) (?:de |d')(?P<p>.+?)\s*:\s*(?P<n>\d+) projets?(?: (?:pour|d'un montant de|de) AMOUNT)?\.?", " ".join(rest.split()))
    if m and _place(m.group("p")):
        n = int(m.group("n"))
        projects = f"{n} د المشاريع" if 2 <= n <= 10 else f"{n} مشروع"
        kind = "الإقليم" if rest.lower().startswith("province") else "الجماعة"
        return _ok(t, f"{kind} ديال {_place(m.group('p'))}: {projects} ب {amount}{w}.", used + [m.group("n")] + wn)
    return None


def _works(t: str) -> FrenchResult | None:
    w, wn, rest = _when(t)
    rest = " ".join(rest.split()).rstrip(" .")
    m = regex.fullmatch(r"(?i)(?:les )?travaux (?:de |d'|du |des |de la |de l')(?P<x>.+?) (?:ont|a) (?:démarré|commencé|débuté)", rest)
    if m and (x := np(m.group("x"))):
        return _ok(t, f"بداو الأشغال ديال {x[0]}{w}.", x[1] + wn)
    m = regex.fullmatch(r"(?i)(?:les )?travaux (?:de |d'|du |des |de la |de l')(?P<x>.+?) (?:sont|ont été) (?:achevés|terminés|finis|réceptionnés)", rest)
    if m and (x := np(m.group("x"))):
        return _ok(t, f"سالاو الأشغال ديال {x[0]}{w}.", x[1] + wn)
    m = regex.fullmatch(r"(?i)(?:le )?démarrage des travaux (?:de |d'|du |des |de la |de l')(?P<x>.+?) est prévu", rest)
    if m and (x := np(m.group("x"))):
        return _ok(t, f"الأشغال ديال {x[0]} غادي يبداو{w}.", x[1] + wn)
    m = regex.fullmatch(r"(?i)(?P<x>.+?) (?:est|sont) (?:achevée?s?|réalisée?s?) à (?P<n>\d+(?:,\d+)?) ?%", rest)
    if m and (x := np(m.group("x"))):
        return _ok(t, f"تسالا {m.group('n')} ف المية من {x[0]}{w}.", x[1] + [canonical_values(m.group("n"))[0]] + wn)
    return None


def _rates(t: str) -> FrenchResult | None:
    w, wn, rest = _when(t)
    rest = " ".join(rest.split()).rstrip(" .")
    m = regex.fullmatch(r"(?i)(?:le |la )?(?P<x>taux [\p{L}' ]+?|part [\p{L}' ]+?|proportion [\p{L}' ]+?) (?:a atteint|atteint|est de|s'établit à|s'élève à|a été de|se situe à) (?P<n>\d+(?:,\d+)?) ?%", rest)
    if m and (x := np(m.group("x"))):
        return _ok(t, f"{x[0]} وصلات {m.group('n')} ف المية{w}.", x[1] + [canonical_values(m.group("n"))[0]] + wn)
    return None


def _deadlines(t: str) -> FrenchResult | None:
    m = regex.fullmatch(rf"(?i)(?:la )?date limite (?:de |du |des |d')(?P<x>.+?) est (?:fixée )?(?:au|le) (?P<d>\d{{1,2}}(?:er)? (?:{MONTHS_FR}) \d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})\.?", t)
    if m:
        x = np(m.group("x"))
        d = _date(m.group("d"))
        if x and d:
            return _ok(t, f"آخر أجل ديال {x[0]} هو {d}.", canonical_values(m.group("d")))
    m = regex.fullmatch(rf"(?i)(?P<x>.+?) (?:doit|doivent) être (?:déposée?s?|présentée?s?|envoyée?s?) (?:avant le|au plus tard le) (?P<d>\d{{1,2}}(?:er)? (?:{MONTHS_FR}) \d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})\.?", t)
    if m:
        x = np(m.group("x"))
        d = _date(m.group("d"))
        if x and d:
            return _ok(t, f"خاص {x[0]} يتقدمو قبل {d}.", x[1] + canonical_values(m.group("d")))
    return None


def _date(d: str) -> str | None:
    v = canonical_values(d)
    if len(v) != 1 or not v[0].startswith("date:"):
        return None
    y, mo, day = v[0][5:].split("-")
    return f"{int(day)} {month_name(int(mo))} {y}"


def _conventions(t: str) -> FrenchResult | None:
    w, wn, rest = _when(t)
    rest = " ".join(rest.split()).rstrip(" .")
    m = regex.fullmatch(r"(?i)(?:une |la )?(?P<c>convention(?: de partenariat)?|contrat|accord) (?:a été|est|sera) signée? avec (?P<x>.+?)(?: pour (?P<y>.+))?", rest)
    if m:
        x = np(m.group("x")) or ((_place(m.group("x")) or ""), [])
        y = np(m.group("y")) if m.group("y") else ("", [])
        if x and x[0] and y is not None:
            out = f"توقعات اتفاقية مع {x[0]}" + (f" على {y[0]}" if y[0] else "")
            return _ok(t, out + w + ".", x[1] + y[1] + wn)
    m = regex.fullmatch(r"(?i)(?:la )?(?P<c>convention(?: de partenariat)?) avec (?P<x>.+?) porte sur (?P<y>.+)", rest)
    if m:
        x, y = np(m.group("x")), np(m.group("y"))
        if x and y:
            return _ok(t, f"الاتفاقية مع {x[0]} على {y[0]}{w}.", x[1] + y[1] + wn)
    return None


def _consultations(t: str) -> FrenchResult | None:
    w, wn, rest = _when(t)
    rest = " ".join(rest.split()).rstrip(" .")
    m = regex.fullmatch(r"(?i)(?:une |la )?consultation publique(?: sur (?P<x>.+?))? est ouverte", rest)
    if m:
        x = np(m.group("x")) if m.group("x") else ("", [])
        if x is not None:
            return _ok(t, "الاستشارة العمومية" + (f" على {x[0]}" if x[0] else "") + f" مفتوحة{w}.", x[1] + wn)
    m = regex.fullmatch(r"(?i)(?:les )?(?P<who>citoyens|citoyennes et citoyens|habitants|associations) peuvent (?P<v>déposer|présenter|adresser|consulter|signer) (?P<x>.+?)(?: (?:sur|auprès du|auprès de la|au|à la) (?P<y>.+))?", rest)
    if m:
        who = _lex(m.group("who"), plural=True) or ("المواطنين" if "citoyen" in m.group("who").lower() else None)
        verb = {"déposer": "يقدمو", "présenter": "يقدمو", "adresser": "يصيفطو", "consulter": "يشوفو", "signer": "يوقعو"}[m.group("v").lower()]
        x = np(m.group("x"))
        y = np(m.group("y")) if m.group("y") else ("", [])
        if who and x and y is not None:
            out = f"{who} يقدرو {verb} {x[0]}" + (f" ف {y[0]}" if y[0] else "")
            return _ok(t, out + w + ".", x[1] + y[1] + wn)
    m = regex.fullmatch(r"(?i)(?:la )?pétition (?:a recueilli|a réuni|compte) (?P<n>\d[\d\s]*) signatures", rest)
    if m:
        n = m.group("n").replace(" ", "")
        return _ok(t, f"العريضة جمعات {n} توقيع{w}.", [n] + wn)
    return None


def _counts(t: str) -> FrenchResult | None:
    m = regex.fullmatch(r"(?i)(?P<who>(?:la |le |les )?[\p{L}' -]+?) (?:compte|comprend|regroupe|dispose de|compte au total) (?P<list>.+?)\.?", t)
    if not m:
        return None
    who = np(m.group("who"))
    items = regex.split(r"\s*,\s*|\s+et\s+", m.group("list"))
    outs, used = [], []
    for it in items:
        mm = regex.fullmatch(r"(\d[\d\s]*)\s+(.+)", it.strip())
        if not mm:
            return None
        n = mm.group(1).replace(" ", "")
        c = _count_np(n, mm.group(2))
        if c is None:
            return None
        outs.append(c)
        used.append(n)
    if not who:
        return None
    return _ok(t, f"{who[0]} فيها {' و '.join(outs)}.", used + who[1])


def _benefits(t: str) -> FrenchResult | None:
    w, wn, rest = _when(t)
    rest = " ".join(rest.split()).rstrip(" .")
    m = regex.fullmatch(r"(?i)(?P<x>.+?) (?:bénéficie|bénéficiera|profite) à (?P<n>\d[\d\s]*) (?P<y>[\p{L}' ]+?)(?: (?:en|dans|à) (?P<z>.+))?", rest)
    if not m:
        return None
    x, z = np(m.group("x")), (np(m.group("z")) if m.group("z") else ("", []))
    n = m.group("n").replace(" ", "")
    y = _count_np(n, m.group("y"))
    if x and y and z is not None:
        out = f"{y}{' ف ' + z[0] if z[0] else ''} كيستافدو من {x[0]}"
        return _ok(t, out + w + ".", [n] + x[1] + z[1] + wn)
    return None


def _estimates(t: str) -> FrenchResult | None:
    m = regex.fullmatch(r"(?i)(?P<x>.+?) (?:est|sont) (?:estimée?s?|évaluée?s?) à (?P<n>\d+(?:,\d+)?)\s*(?P<s>millions?|milliards?|mille)?\s*(?:d'|de )(?P<u>habitants|personnes|ménages|élèves|familles)(?: selon (?P<z>.+?))?\.?", t)
    if not m:
        return None
    x = np(m.group("x"))
    z = np(m.group("z")) if m.group("z") else ("", [])
    vals = canonical_values(f"{m.group('n')} {m.group('s') or ''}")
    if not x or z is None or not vals:
        return None
    from .numbers import write_amount

    unit = {"habitants": "ساكن", "personnes": "واحد", "ménages": "عائلة", "élèves": "تلميذ", "familles": "عائلة"}[m.group("u").lower()]
    out = f"{x[0]} تقريبا {write_amount(float(vals[0]))} {unit}" + (f"، على حساب {z[0]}" if z[0] else "")
    return _ok(t, out + ".", vals + x[1] + z[1])


def _legal(t: str) -> FrenchResult | None:
    """'Vu X ;' -> 'على حساب X.', 'Considérant X ;' -> 'حيت X.' (X a known noun phrase)."""
    m = regex.fullmatch(r"(?i)(?P<k>vu|considérant|après avis (?:de|du|de la|des))\s+(?P<x>.+?)\s*[;,.:]?", t)
    if not m:
        return None
    x = np(m.group("x"))
    if x is None:
        return None
    head = {"vu": "على حساب", "considérant": "حيت كاينة"}.get(m.group("k").lower(), "من بعد الرأي ديال")
    return _ok(t, f"{head} {x[0]}.", x[1])


PATTERNS: list[Callable[[str], FrenchResult | None]] = [_votes, _agenda, _allocated, _works, _rates, _deadlines, _conventions, _consultations, _benefits, _estimates, _legal, _counts]


def council_sentence(text: str) -> FrenchResult | None:
    """Darija for a French council sentence one of the patterns covers, else None."""
    t = _norm(text)
    for p in PATTERNS:
        try:
            r = p(t)
        except (ValueError, KeyError):
            r = None
        if r is not None:
            return r
    return None
