"""The grammar of the French -> Darija rewriting path (issue 18): one pass over the matched words that writes Darija.

Articles go (Darija nouns are definite), ``un``/``une`` -> ``واحد``, ``ce`` -> ``هاد``, possessives after the noun phrase;
``de`` between nouns -> ``ديال`` (``د`` after a count), ``à`` -> ``ل``, ``pour`` + verb -> ``باش``; verbs from their French
form and auxiliary: present -> ``كـ``, passé composé -> perfect agreeing with the subject noun, ``est/a été`` +
participle -> Darija passive, future -> ``غادي``, ``ne ... pas`` -> ``ما ... ش``, a participle after a noun -> ``اللي`` +
passive; ``qui`` -> ``اللي``, ``que`` after a verb -> ``بلي``; counts: ``2 د المندوبين``, ``230 ماتش``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .fr_words import Entry


@dataclass
class Item:
    kind: str  # N A P V X AUX PRON NUM SPAN NAME PUNCT DET ...
    fr: str
    dar: str = ""
    entry: Entry | None = None
    plural: bool = False


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


def _attach_l(word: str) -> str:
    if word.startswith("ال") and not word.startswith("الل"):
        return "لل" + word[2:]
    if word.startswith("الل"):
        return "ل" + word[2:]
    return "ل" + word if regex.match(r"\p{Arabic}", word) else "ل " + word


def assemble(items: list[Item]) -> str:  # noqa: C901 - one pass over the sentence, the grammar in one place
    out: list[str] = []
    kinds: list[str] = []
    subj_fem, subj_pl = False, False
    last_fem, last_pl = False, False
    neg = False
    pend_poss = ""
    poss_armed = False
    pend_l = False
    aux: tuple[str, str] | None = None  # ("be"|"have", tense)
    plural_next = False
    bare_next = False
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
            nx = nxt(i, ())
            if nx is not None and nx.kind == "SPAN" and nx.fr in ("date", "dmy", "hijri") and not _ends_prep(out):
                emit("نهار", "P")
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
            pend_l_before = pend_l
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
            elif out and out[-1] == "كل" and i > 0 and items[i - 1].kind == "P":  # tout document -> كل وثيقة (tout le -> كل ال)
                pl = False
                word = sing[2:] if sing.startswith("ال") else sing
            complement = prev_kind() in ("DE",) or _ends_prep(out) or pend_l_before or (
                count is not None and len(kinds) > 1 and (kinds[-2] == "DE" or (kinds[-2] == "P" and out[-2] in PREPS)))
            if bare_next:
                word = sing[2:] if sing.startswith("ال") else sing
                pl, bare_next = False, False
            emit(word, "N")
            last_fem, last_pl = (it.entry.feminine if it.entry else False), pl
            if not complement:
                subj_fem, subj_pl = (it.entry.feminine if it.entry else False), pl
            if pend_poss:
                poss_armed = True
            copula = False
            continue
        if k == "A":
            word = it.dar
            if it.entry and it.entry.plural and prev_kind() in ("N", "A"):
                forms = it.entry.plural.split("|")
                word = forms[min(2 if last_pl else 1 if last_fem else 0, len(forms) - 1)]
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
            if pk == "NUM" or _ends_prep(out) or (copula and pk == "P" and out and out[-1] in ("هو", "هي", "هوما")):
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
                emit("ب" if nx.fr in ("money", "pct") else "ف", "P")
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
                elif neg or prev_kind() != "PRON":  # ils sont ... : the pronoun is already the copula
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
            pl = form in ("p3p", "fut3p", "imp3p", "cond3p", "subj3p") or subj_pl
            if form in ("p3s", "fut3s", "imp3s", "cond3s", "subj3s"):
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
            elif form.startswith("subj"):  # que ... puisse / soit: the bare imperfect
                w = _conj_imperfect(imp, subj_fem, pl)
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
        if k == "P" and it.fr == "non" and (nx := nxt(i, ())) is not None and nx.kind == "N":
            emit("عدم", "P")  # non-respect, non-conformité
            continue
        if k == "P" and it.fr == "par" and i + 1 < len(items) and items[i + 1].kind == "N" and any(
                x.kind in ("NUM", "SPAN") and x.fr in ("num", "money", "pct") for x in items[:i]):
            emit("لكل", "P")  # 5 euros par jour, par emplacement: distributive
            bare_next = True
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

