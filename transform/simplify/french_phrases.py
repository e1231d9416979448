"""French noun phrases -> Darija (issue 18): the slots of the council sentence patterns.

A phrase translates when its head is in ``HEADS`` or the lexicon (``fr_lexicon.tsv``), its places are in the
gazetteer and its numbers are kept; otherwise ``np`` returns None and the sentence stays ``needs_human``.
"""

from __future__ import annotations

import regex

from .data import resources
from .french import find_places

DET = r"(?:(?:le|la|les|l'|un|une|des|du|de la|de l'|ce|cet|cette|ces|notre|nos|leur|leurs|son|sa|ses)\s+|l'|d')"
# heads of agenda titles and noun phrases: French noun -> Darija, joined to what follows without ديال
HEADS = {
    "approbation": "الموافقة على", "adoption": "الموافقة على", "vote": "التصويت على", "validation": "الموافقة على",
    "examen": "الدراسة ديال", "présentation": "التقديم ديال", "signature": "التوقيع ديال", "attribution": "إعطاء",
    "demande": "طلب", "renouvellement": "التجديد ديال", "modification": "التعديل ديال", "désignation": "تعيين",
    "fixation": "تحديد", "création": "إحداث", "construction": "البني ديال", "réhabilitation": "الإصلاح ديال",
    "aménagement": "التهيئة ديال", "acquisition": "الشرا ديال", "extension": "التوسيع ديال", "entretien": "الصيانة ديال",
    "réalisation": "الإنجاز ديال", "financement": "التمويل ديال", "point sur": "النقطة على", "information sur": "معلومات على",
    "autorisation": "الإذن ب", "appui": "الدعم ديال", "soutien": "الدعم ديال", "nécessité": "الضرورة ديال",
    "ouverture": "فتح", "poursuite": "الاستمرار ديال", "versement": "الدفع ديال", "subvention": "الدعم ديال", "délégation": "التفويض ديال", "mise à jour": "التحيين ديال", "révision": "المراجعة ديال",
}
CONNECT = r"\s+(?:de la|de l'|du|des|de|d')\s*"
ZERO_NOUNS = ("questions diverses",)


def _lex(p: str, plural: bool | None = None) -> str | None:
    p = " ".join(p.lower().replace("’", "'").split()).strip(" .,:;")
    hit = resources().fr_lexicon.get(p)
    if hit is None:
        return None
    if plural is None and p in resources().fr_plural_forms:
        plural = True
    return hit[1] if plural else hit[0]


def _to(darija: str) -> str:
    """ل + a Darija noun phrase: للجماعة, ل 12 دوار."""
    return "لل" + darija[2:] if darija.startswith("ال") and not darija.startswith("الل") else "ل" + darija[2:] if darija.startswith("الل") else f"ل {darija}"


def _place(p: str) -> str | None:
    places = find_places(p)
    if len(places) == 1 and places[0][0].lower() == p.strip(" .,:;").lower():
        return places[0][1]
    return None


def _count_np(n: str, rest: str) -> str | None:
    unit = regex.fullmatch(r"(?i)(km|kilomètres?|hectares?|ha|m2|mètres?)\s+(?:de |d')(.+)", rest)
    if unit:
        inner = _lex(unit.group(2), plural=True) or _place(unit.group(2))
        word = {"km": "كيلومتر", "ha": "هكتار", "m2": "متر مربع"}.get(unit.group(1).lower()) or _lex(unit.group(1)) or "متر"
        return f"{n} {word} ديال {inner}" if inner else None
    k = int(n) if n.isdigit() else None
    sing, plur = _lex(rest, plural=False), _lex(rest, plural=True)
    if k is None or sing is None:
        return None
    bare = sing[2:] if sing.startswith("ال") else sing
    if 2 <= k <= 10:
        return f"{k} د {plur}"
    from .numbers import write_amount

    return f"{write_amount(k)} {bare}" if k != 1 else f"{bare} واحد"


def np(text: str) -> tuple[str, list[str]] | None:
    """Darija for a French noun phrase made of known nouns, places, counts and years; (text, numbers used)."""
    t = " ".join(text.replace("’", "'").split()).strip(" .,:;")
    plural = bool(regex.match(r"(?i)(?:les|des|ces|nos|leurs|ses)\s", t))
    t = regex.sub(rf"(?i)^{DET}", "", t).strip()
    if not t:
        return None
    low = t.lower()
    if low in ZERO_NOUNS:
        return "أسئلة مختالفة", []
    for head, dar in sorted(HEADS.items(), key=lambda x: -len(x[0])):
        m = regex.match(rf"(?i){regex.escape(head)}(?:\s+(?:de la|de l'|du|des|de|d'|sur|à|au|aux)\s*|\s+)(?P<rest>.+)$", t)
        if m:
            inner = np(m.group("rest"))
            if inner:
                return f"{dar} {inner[0]}", inner[1]
            break  # "soutien scolaire": maybe a known phrase as a whole
        if low == head:
            return dar.removesuffix(" ديال").removesuffix(" على"), []
    m = regex.fullmatch(r"(?i)(?P<x>.+?),?\s+notamment\s+(?P<y>.+)", t)
    if m and (x := np(m.group("x"))) and (y := np(m.group("y"))):
        return f"{x[0]}، خصوصا {y[0]}", x[1] + y[1]
    m = regex.fullmatch(r"(?i)(?:ses |leurs |les )?articles?\s+(?P<n>\d+(?:\s*(?:,|et)\s*\d+)*)(?:\s+(?:de la|du|de l'|des|de)\s*(?P<of>.+))?", t)
    if m:
        ns = regex.findall(r"\d+", m.group("n"))
        of = np(m.group("of")) if m.group("of") else ("", [])
        if of is not None:
            head = f"المادة {ns[0]}" if len(ns) == 1 else "المواد " + " و ".join(ns)
            return head + (f" ديال {of[0]}" if of[0] else ""), ns + of[1]
    for sep, dar in ((r"\s+avec\s+", "مع"), (r"\s+pour\s+", "ل"), (r"\s+lors\s+(?:de\s+|d')", "ف"),
                     (r"\s+(?:dans la province d'|dans la province de)\s*", "ف الإقليم ديال"), (r"\s+(?:dans la commune de|dans la commune d')\s*", "ف الجماعة ديال"),
                     (r"\s+(?:à|au|aux|en|dans)\s+", "ف")):
        parts = regex.split(rf"(?i){sep}", t, maxsplit=1)
        if len(parts) == 2 and parts[0] and parts[1]:
            a, b = np(parts[0]), np(parts[1]) or ((_place(parts[1]) or ""), [])
            if a and b[0]:
                joined = ("لل" + b[0][2:]) if dar == "ل" and b[0].startswith("ال") else f"{dar} {b[0]}"
                return f"{a[0]} {joined}", a[1] + b[1]
    m = regex.fullmatch(r"(?i)(?P<x>.+?)\s+(?:reliant|entre)\s+(?P<a>.+?)\s+(?:à|et)\s+(?P<b>.+)", t)
    if m:
        x, a, b = np(m.group("x")), _place(m.group("a")), _place(m.group("b"))
        if x and a and b:
            return f"{x[0]} اللي كتربط بين {a} و{b}", x[1]
    m = regex.fullmatch(r"(?P<x>.+?)\s+((?:19|20)\d\d)", t)
    if m:
        x = np(m.group("x"))
        return (f"{x[0]} ديال {m.group(2)}", [*x[1], m.group(2)]) if x else None
    m = regex.fullmatch(r"(\d+)\s+(.+)", t)
    if m:
        c = _count_np(m.group(1), m.group(2))
        return (c, [m.group(1)]) if c else None
    whole = (_lex(t, plural=True) if plural else None) or _lex(t) or _lex(t, plural=True) or _place(t)
    if whole:
        return whole, []
    parts = regex.split(rf"(?i){CONNECT}", t)
    if len(parts) < 2:
        return None
    out: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):  # longest known chunk first: "centre de santé"
            chunk = regex.sub(r"\s+", " ", " de ".join(parts[i:j]))
            dar = _lex(chunk) or _lex(chunk, plural=True) or (_place(parts[i]) if j == i + 1 else None)
            if dar is None and j == i + 1 and regex.fullmatch(r"(?:19|20)\d\d", parts[i]):
                dar = parts[i]
            if dar is None and j == i + 1 and (mc := regex.fullmatch(r"(\d+)\s+(.+)", parts[i])):
                dar = _count_np(mc.group(1), mc.group(2))
            if dar:
                out.append(dar)
                i = j
                break
        else:
            return None
    return " ديال ".join(out), [p.split()[0] for p in parts if regex.match(r"\d", p)]
