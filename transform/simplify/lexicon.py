"""Layer 1 of DARIJA_GUIDE §3.2: the MSA -> Darija lexicon with clitics (و ف ب ل, ال), phrases longest
first, verb morphology (present كـ, future غادي, negation ما...ش) from data/lexicon.tsv and data/verbs.tsv."""

from __future__ import annotations

from functools import lru_cache

import regex

from ._rx import rx as _rx
from .data import Verb, phrase_key, resources
from .text import key

NO_KA = frozenset(key(w) for w in "المفروض بشرط غادي باش يقدر يقدرو تقدر كيقدر كيقدرو خاص خاصو خاصها خاصهم يمكن بغا بغات بغاو كيبغي ما".split())


def _attach(prefix: str, word: str) -> str:
    """Re-attach a clitic: ل + الجهة -> للجهة, ف stays a separate word (house orthography)."""
    if not prefix:
        return word
    if prefix == "و" and word.startswith("و"):  # و + وخصوصا
        return word
    if prefix.endswith("ف"):
        return (prefix[:-1] + "ف " if prefix[:-1] else "ف ") + word
    if prefix.endswith("ل") and word.startswith("الل"):  # ل + اللجنة = للجنة
        return prefix + word[2:]
    if prefix.endswith("ل") and word.startswith("ال"):
        return prefix + word[1:]
    return prefix + word


_DID = regex.compile(r"و?(?:س?[يتن](?:قوم|دلي|دل)(?:ون|وا|ان)?|قام|قامت|قاموا|ادلي|ادلت|ادلوا)")  # قام ب, أدلى ب: دار, جاب (no ب)
_KEEP_B = frozenset(key(w) for w in "بين بعد بها به بهم بهما بدون بنفسه بنفسها".split())
MODALS = frozenset(key(w) for w in "خاص باش يقدر تقدر يقدرو".split())
FINAL = "\u2060"  # marks a word a layer-2 pattern already wrote in Darija (msa._agent_fill)

_PREFIXES = [(c, p, a) for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")]


# words the matching key would confuse (hamza forms): looked up as written first
EXACT = {"ألا": "ما", "إلا": "غير", "وإلا": "وإلا", "أن": "بلي", "إن": "-", "فإن": "-", "وإن": "و"}
# number words that belong to a compound (اثني عشر، خمس وثمانين): never turned into digits one by one
NUMBER_WORDS = frozenset(key(w) for w in (
    "اثنا اثني اثنان اثنين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثماني ثمانية تسع تسعة عشر عشرة "
    "عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون ثمانين تسعون تسعين مائة مئة مائتان مائتين "
    "ألف ألفين آلاف واحد واحدة إحدى أحد").split())


def _number_word(tok: str) -> bool:
    k = key(tok)
    return k in NUMBER_WORDS or (k.startswith("و") and k[1:] in NUMBER_WORDS)


def _lookup(word: str) -> tuple[str, str] | None:
    """(clitic prefix, Darija) for a word found in the lexicon, trying clitic splits."""
    if word in EXACT:
        return "", EXACT[word]
    lex = resources().lexicon
    k = key(word)
    if (k,) in lex:
        return "", lex[(k,)]
    for c, p, a in _PREFIXES:
        pre = c + p
        if not pre and not a:
            continue
        kk = k
        if not kk.startswith(pre):
            continue
        rest = kk[len(pre) :]
        if a:
            if p == "ل" and rest.startswith("ل") and not rest.startswith("ال"):
                rest = "ا" + rest  # لل = ل + ال
            elif not rest.startswith("ال"):
                continue
        if len(rest) < 2:
            continue
        if (rest,) in lex:
            return word[: len(pre)], lex[(rest,)]
        # the lexicon lists the bare word: الآخرون -> ال + خرين
        if a and (rest[2:],) in lex and len(rest) > 4:
            val = lex[(rest[2:],)]
            if " " not in val and not val.startswith("ال") and val not in ("-",) and not val.endswith("+") and not val[0].isdigit():
                return word[: len(pre)], "ال" + val
    return None


def _verb(word: str) -> tuple[str, str, Verb, str, bool] | None:
    """(conj, future 'س' or '', Verb, person prefix, plural) for a verb form in verbs.tsv."""
    verbs = resources().verbs
    m = _rx(r"(?P<c>[وف]?)(?P<f>س?)(?P<p>[يتن])(?P<s>\p{L}+?)(?P<pl>ون|وا|ان)?").fullmatch(word)
    if not m:
        return None
    for stem in (m.group("s") + (m.group("pl") or ""), m.group("s")):
        v = verbs.get(key("ي" + stem))
        if v is not None:
            plural = stem == m.group("s") and bool(m.group("pl"))
            return m.group("c"), m.group("f"), v, m.group("p"), plural
    return None


def _darija_verb(v: Verb, person: str, plural: bool) -> str:
    if v.darija == "فيه":  # "يضم / تضم" -> "فيه / فيها"
        return "فيها" if person == "ت" else "فيه"
    first, _, rest = v.darija.partition(" ")  # "يعطي الفرصة": the person and the plural go on the verb
    return person + first[1:] + ("و" if plural and not first.endswith("و") else "") + (" " + rest if rest else "")


_GENERIC = regex.compile(r"(?P<c>[وف]?)(?P<f>س?)(?P<p>[يتن])(?P<s>\p{L}{3,}?)(?P<pl>ون|وا|ان)?")


def generic_verb(tok: str, prev: str) -> str | None:
    """An MSA imperfect verb that no data file lists, in Darija morphology: يعرض -> كيعرض, سيعرض -> غادي يعرض,
    يعرضون -> كيعرضو. Only clear cases (see measures: a ي- word that is not a known noun, a ت-/ن- word with the
    plural -ون); None otherwise."""
    from .measures import NOT_VERB, is_imperfect

    k = key(tok)
    if not is_imperfect(tok, k) or k in NOT_VERB or _lookup(tok) is not None:
        return None
    m = _GENERIC.fullmatch(tok)
    if m is None:
        return None
    stem = m.group("s") + ("و" if m.group("pl") else "")
    base = m.group("p") + stem
    if m.group("f"):
        return m.group("c") + "غادي " + base
    if prev in NO_KA:
        return m.group("c") + base
    return m.group("c") + "ك" + base


def _perfect(v: Verb, person: str, plural: bool) -> str:
    p = v.perfect if v.perfect != "-" else v.darija[1:]
    if plural:
        return (p[:-1] if p.endswith(("ى", "ا")) else p) + "او" if p.endswith(("ى", "ا")) else p + "و"
    if person == "ت":
        return p[:-1] + "ات" if p.endswith(("ى", "ا")) else p + "ات"
    return p


def lexicon_pass(tokens: list[str]) -> list[str]:
    lex = resources().lexicon
    maxn = resources().max_phrase
    out: list[str] = []
    i = 0
    attach_next = ""
    no_ka = False
    drop_b = False
    while i < len(tokens):
        tok = tokens[i]
        prev = key(out[-1].split()[-1]) if out and out[-1].split() else ""
        prev = prev[1:] if prev.startswith("و") and prev[1:] in NO_KA else prev
        # "خاص المشغل يعطي", "باش المجلس يوافق": a noun between the modal and its verb keeps the bare verb
        before = out[-2].split()[-1] if len(out) > 1 and out[-2].split() else ""
        if prev not in NO_KA and key(before) in MODALS and prev.startswith("ال") and "⟦" not in prev:
            prev = key(before)
        emitted: str | None = None
        consumed = 1
        m = _rx(r"([وفبل]{1,2})(⟦\d+⟧)").fullmatch(tok)
        if drop_b and _rx(r"ب\p{Arabic}{3,}").fullmatch(tok) and key(tok) not in _KEEP_B:
            tok = tok[1:]  # "يقوم بالتصريح" -> "كيدير التصريح": Darija دار takes no ب
        drop_b = bool(_DID.fullmatch(key(tok)))
        if tok.startswith(FINAL):  # a Darija verb a pattern wrote: never looked up again
            emitted = tok[1:]
        elif m:
            cl, ph = m.groups()
            emitted = ("و" if cl.startswith("و") else "") + ("ف " if "ب" in cl or "ف" in cl else "ل" if "ل" in cl else "") + ph
        elif "⟦" in tok or not _rx(r"\p{Arabic}").search(tok):
            emitted = tok
        else:
            # negations that change the verb: لم / لا / لن + verb
            nk = key(tok)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            vf = _verb(nxt) if nxt else None
            if vf and nxt and any(phrase_key(" ".join(tokens[i : i + n])) in lex for n in range(2, min(maxn, len(tokens) - i) + 1)):
                vf = None  # a listed phrase (لا يوجد -> ماكاينش, لا تقل عن -> ما تنقصش على) wins over the generic negation
            if nk in ("لم", "ولم") and vf:
                c, _f, v, person, plural = vf
                emitted = ("و" if nk.startswith("و") else "") + "ما " + _perfect(v, person, plural) + "ش"
                consumed = 2
            elif tok in ("ألا", "وألا") and vf:  # "يجب ألا يقل" -> "خاص ما ينقصش" (no ك- after a modal)
                c, _f, v, person, plural = vf
                emitted = ("و" if tok.startswith("و") else "") + "ما " + _darija_verb(v, person, plural) + "ش"
                consumed = 2
            elif nk in ("لا", "ولا") and vf:
                c, _f, v, person, plural = vf
                emitted = ("و" if nk.startswith("و") else "") + "ما ك" + _darija_verb(v, person, plural) + "ش"
                consumed = 2
            elif nk in ("لن", "ولن") and vf:
                c, _f, v, person, plural = vf
                emitted = ("و" if nk.startswith("و") else "") + "ما غاديش " + _darija_verb(v, person, plural)
                consumed = 2
            elif nk in ("ان",) and (vf or (nxt and generic_verb(nxt, "") is not None)):  # أن + verb: the bare verb
                no_ka = True
                i += 1
                continue
            if emitted is None:
                # phrases, longest first (the first word may carry clitics)
                for n in range(min(maxn, len(tokens) - i), 1, -1):
                    words_ = tokens[i : i + n]
                    if any("⟦" in w for w in words_):
                        continue
                    k = phrase_key(" ".join(words_))
                    if k in lex:
                        emitted, consumed = lex[k], n
                        if emitted == "-":
                            emitted = ""
                        break
                    first = _lookup_prefix_phrase(words_)
                    if first is not None:
                        emitted, consumed = first, n
                        break
            if emitted is None:
                vf = _verb(tok)
                if vf:
                    c, fut, v, person, plural = vf
                    base = _darija_verb(v, person, plural)
                    if fut:
                        emitted = c + "غادي " + base
                    elif no_ka or prev in NO_KA or v.darija in ("فيه",):
                        emitted = c + base
                    else:
                        emitted = c + "ك" + base
            if emitted is None:
                bare = key(tok)
                cl = tok[0] if bare[:1] in ("و", "ف") and bare[1:] in resources().perfects else ""
                dar = resources().perfects.get(bare[len(cl):])
                if dar is not None:
                    emitted = cl + dar
            if emitted is None:
                found = _lookup(tok)
                if found is not None and found[1][:1].isdigit() and (
                        (i + 1 < len(tokens) and _number_word(tokens[i + 1])) or (i > 0 and _number_word(tokens[i - 1]))):
                    found = ("", tok)  # part of a number written in words: keep it whole
                if found is not None:
                    pre, val = found
                    emitted = _attach(pre, val) if val not in ("-",) else (pre if pre else "")
                    if val.endswith("+") and val != "+":
                        emitted = _attach(pre, val[:-1]) + "+"
                    elif val == "-" and pre:
                        emitted = pre + "+"
                else:
                    emitted = _nisba(tok, out) or _possessive(tok) or _participle(tok, out) or generic_verb(tok, "باش" if no_ka else prev) or tok
            no_ka = False
        if emitted:
            if attach_next:
                emitted = _attach(attach_next, emitted) if not emitted.startswith("⟦") else attach_next + emitted
                attach_next = ""
            if emitted.endswith("+"):
                attach_next = emitted[:-1]
            else:
                out.append(emitted)
        i += consumed
    if attach_next:
        out.append(attach_next)
    return out


_POSSESSIVE = {"هما": "ديالهم", "هم": "ديالهم", "هن": "ديالهم", "ها": "ديالها", "ه": "ديالو", "نا": "ديالنا", "كم": "ديالكم"}
_NOT_NOUN = frozenset(key(w) for w in "علي الي لدي عن من في مع بين عند لدى حول منذ امام خلف فوق تحت دون بعد قبل ضد نحو لكن كأن أن إن".split())
_POSS_RX = regex.compile(r"(?P<c>و?[فبل]?)(?P<stem>\p{Arabic}{3,}?)(?P<p>هما|هم|هن|ها|ه|نا|كم)")


@lru_cache(maxsize=1)
def _known_nouns() -> frozenset[str]:
    r = resources()
    words = {k[0] for k in r.lexicon if len(k) == 1} | {key(m) for m in r.masdars if " " not in m} | set(r.idafa_heads) | set(r.vocab)
    return frozenset(w for w in words if not w.startswith(("ي", "ت", "ن")) or w.endswith("ه")) - frozenset(r.perfects)


def _possessive(tok: str) -> str | None:
    """A known noun with a possessive suffix: دورتها -> الدورة ديالها, مشروعه -> المشروع ديالو (DARIJA_GUIDE §3.6)."""
    m = _POSS_RX.fullmatch(tok)
    if m is None:
        return None
    stem = m.group("stem")
    noun = stem[:-1] + "ة" if stem.endswith("ت") and not stem.endswith("ات") else stem
    k = key(noun)
    function = resources().word_lists.get("function_words", frozenset())
    if len(k) < 4 or k.startswith("ال") or k in function or key(stem) in _NOT_NOUN or (k not in _known_nouns() and not k.endswith("يه")) \
            or k in resources().perfects:
        return None
    lex = resources().lexicon.get((k,))
    dar = lex if lex and " " not in lex and not lex.startswith("ال") and lex[0] != "-" and not lex.endswith("+") else noun
    c = m.group("c")
    prefix = c[:-1] if c.endswith(("ف", "ب", "ل")) else c
    phrase = _attach(c[-1] if c.endswith(("ف", "ب", "ل")) else "", "ال" + dar)
    return prefix + phrase + " " + _POSSESSIVE[m.group("p")]


_NOT_AFTER = frozenset(key(w) for w in "وزارة وزير قانون مديرية لجنة".split())  # وزارة المالية: the ministry's name


def _nisba(tok: str, out: list[str]) -> str | None:
    """A relational adjective right after a noun: التنمية الجهوية -> التنمية ديال الجهة; a coordinated one
    after it joins the same ديال: الاقتصادي والاجتماعي -> ديال الاقتصاد والناس."""
    k = key(tok)
    if k.startswith("و") and k[1:] in resources().nisba and out and " ".join(out[-3:]).find("ديال") >= 0:
        dar = resources().nisba[k[1:]]
        if dar.startswith("ديال ") and any(o.startswith("ديال") for o in out[-3:]):
            return "و" + dar.removeprefix("ديال ")
    dar = resources().nisba.get(k)
    if dar is None or not out:
        return None
    prev = out[-1].split()[-1] if out[-1].split() else ""
    pk = key(prev)
    if not _rx(r"\p{Arabic}{3,}").fullmatch(prev) or pk in _NOT_AFTER or pk.removeprefix("ال") in _NOT_AFTER:
        return None
    if prev in ("ديال", "د", "اللي", "غادي", "باش", "ف", "على", "من", "مع") or prev.startswith("ك"):
        return None
    return dar


def _lookup_prefix_phrase(words_: list[str]) -> str | None:
    """A phrase whose first word carries و/ف/ب/ل (e.g. 'والماء الصالح للشرب')."""
    lex = resources().lexicon
    first = key(words_[0])
    for pre in ("و", "ف", "ب", "ل", "وب", "ول"):
        if first.startswith(pre) and len(first) > len(pre) + 1:
            rest = first[len(pre) :]
            for head in (rest, "ا" + rest) if pre.endswith("ل") and rest.startswith("ل") and not rest.startswith("ال") else (rest,):
                k = (head, *phrase_key(" ".join(words_[1:])))  # لل + phrase = ل + ال + phrase
                if k in lex:
                    return _attach(words_[0][: len(pre)], lex[k])
    return None


_PARTICIPLE = regex.compile(r"(?P<c>و?)ال(?P<w>م\p{Arabic}{3,})")
_NOT_PARTICIPLE = frozenset(key(w) for w in "مواطن منشا مشترك مقبل موالي ماضي".split())  # nouns, or set phrases
_ADVERBS = frozenset(key(w) for w in "الفوق التحت اللور القدام".split())


def _participle(tok: str, out: list[str]) -> str | None:
    """A definite participle right after a definite noun, as a Darija relative: "المشاريع المبرمجة" -> "المشاريع اللي
    مبرمجة" (the house style of the lexicon's المحددة -> اللي محددة). Nisba adjectives (-ي, -ية) and known nouns
    (المكتب, المجلس) are left alone."""
    m = _PARTICIPLE.fullmatch(tok)
    if m is None or not out:
        return None
    last = out[-1].split()
    if m.group("c") and not (len(last) >= 2 and last[-2] == "اللي" or len(out) > 1 and out[-2].split()[-1:] == ["اللي"]):
        return None  # "اللي محددة والمعتمدة" -> "اللي محددة ومعتمدة"; any other و + definite word stays
    w = m.group("w")
    stem = regex.sub(r"(?:ة|ين|ون|ات)$", "", w)
    if w.endswith(("ي", "ية", "يين", "يون", "يات")) or not 4 <= len(stem) <= 6 or key(stem) in _known_nouns() \
            or key(w) in _known_nouns() or ("ال" + key(w),) in resources().lexicon or key(stem) in _NOT_PARTICIPLE:
        return None
    if m.group("c"):  # the same agreement ending as the participle before it (محددة والمعتمدة), never a noun (والمكتب)
        before = last[-1] if len(last) >= 2 else out[-1]
        suffix = regex.search(r"(?:ة|ين|ون|ات)$", w)
        return "و" + w if suffix and before.endswith(suffix.group(0)) else None
    prev = out[-1].split()[-1] if out[-1].split() else ""
    if not prev.startswith("ال") or prev in ("اللي",) or "⟦" in prev or key(prev) in _NOT_AFTER or key(prev) in _ADVERBS:
        return None
    return "اللي " + w
