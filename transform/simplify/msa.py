"""The rule engine for MSA sources (DARIJA_GUIDE §3.2-3.7), one sentence at a time.

normalize -> protect -> patterns (layer 2) -> glossary terms -> idafa -> lexicon with clitics and
verbs (layer 1) -> clause splitting -> glossary explanation -> restore -> house orthography.
All data comes from transform/simplify/data/ so staff can extend it without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .data import GlossaryEntry, Verb, phrase_key, resources
from .protect import Span, Spans, protect, restore
from .text import house_orthography, key, normalize, tidy, word_count

MAX_WORDS = 12
NO_KA = frozenset(key(w) for w in "المفروض غادي باش يقدر يقدرو تقدر كيقدر كيقدرو خاص خاصو خاصها خاصهم يمكن بغا بغات بغاو كيبغي ما".split())
CONNECTORS = ("ولكن", "حيت", "باش", "وخصوصا", "داكشي", "ملي", "وزيد", "ومن", "وغادي")
NISBA_KEEP = frozenset(key(w) for w in "عليا دنيا قضايا هدايا بقايا وصايا زوايا".split())
PUNCT = "،,؛;:.!?؟()«»\"“”"


@dataclass
class DocState:
    """What the engine remembers across one document: glossary terms already explained."""

    agent: str = "الجهة"
    explained: set[str] = field(default_factory=set)
    pending: list[GlossaryEntry] = field(default_factory=list)

    @property
    def feminine(self) -> bool:
        return self.agent.endswith(("ة", "ه")) or self.agent in ("الجهة",)


@dataclass
class Draft:
    pieces: list[str]
    spans: list[Span]
    glossary: list[str]  # ids of glossary entries used
    explanations: list[str]  # explanation sentences added here
    reasons: list[str]


def _agent_fill(tpl: str, st: DocState, m: regex.Match[str]) -> str:
    masdars = resources().masdars
    t = "ت" if st.feminine else "ي"

    def verb(g: str, past: bool) -> str:
        word = m.group(g)
        stem, perfect = masdars.get(word, ("دير", "دار"))
        if not past:
            return stem
        if not st.feminine:
            return perfect
        return perfect[:-1] + "ات" if perfect.endswith(("ى", "ا")) else perfect + "ات"

    out = regex.sub(r"\{VERB:(\w+)\}", lambda x: verb(x.group(1), False), tpl)
    out = regex.sub(r"\{PAST:(\w+)\}", lambda x: verb(x.group(1), True), out)
    out = out.replace("{AGENT}", st.agent).replace("{T}", t).replace("{AT}", "ات" if st.feminine else "")
    return m.expand(out.replace("\\g<", "\\g<"))


def apply_patterns(text: str, st: DocState) -> str:
    tails: list[str] = []

    def fill(m: regex.Match[str], tpl: str) -> str:
        out = _agent_fill(tpl, st, m)
        for t in regex.findall(r"\{TAIL:([^}]*)\}", out):
            tails.append(t)
        return " " + regex.sub(r"\{TAIL:[^}]*\}", "", out) + " "

    for p in resources().patterns:
        text = p.regex.sub(lambda m, p=p: fill(m, p.replacement), text)
    for t in tails:
        text = text.rstrip(" .") + " . " + t
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _glossary_rx() -> list[tuple[regex.Pattern[str], GlossaryEntry]]:
    out = []
    for entry in resources().glossary:
        for term in sorted(entry.terms, key=len, reverse=True):
            if regex.fullmatch(r"[A-Z][A-Z0-9]{1,7}", term):
                continue
            ws = term.split()
            parts = []
            for i, w in enumerate(ws):
                if regex.fullmatch(r"[\d.,]+", w):  # numbers are placeholders by now
                    parts.append(r"⟦\d+⟧")
                    continue
                w = w[2:] if i == 0 and w.startswith("ال") else w
                cls = "".join(
                    "[اأإآ]" if c in "اأإآ" else "[يى]" if c in "يى" else "[ةه]" if c in "ةه" else regex.escape(c) for c in w
                )
                parts.append(cls)
            body = " ".join(parts)
            rx = regex.compile(rf"(?<![\p{{L}}⟦])(?P<cl>(?:و|ف)?(?:ب|ل)?)(?P<al>ال|(?<=ل)ل)?(?P<t>{body})(?!\p{{L}})")
            out.append((rx, entry))
    out.sort(key=lambda x: -len(x[0].pattern))
    return out


def protect_glossary(text: str, spans: Spans, hits: list[str]) -> str:
    for rx, entry in _glossary_rx():

        def sub(m: regex.Match[str], entry: GlossaryEntry = entry) -> str:
            if entry.id not in hits:
                hits.append(entry.id)
            single = " " not in m.group("t")
            return spans.add(Span(entry.label, "glossary", m.group(0), glossary=entry.id, definite=bool(m.group("al")) or not single), m.group("cl"))

        text = rx.sub(sub, text)
    # "المكتب الوطني ... ، ONEE ،": an acronym right after its own expansion is dropped
    def dedupe(m: regex.Match[str]) -> str:
        a, b = spans[int(m.group(1))], spans[int(m.group(2))]
        return m.group(0) if not (a.glossary and a.glossary == b.glossary) else f"⟦{m.group(1)}⟧"

    text = regex.sub(r"⟦(\d+)⟧(?: ،)? ⟦(\d+)⟧(?: ،)?", dedupe, " ".join(text.split()))
    # acronyms protected earlier are glossary hits too
    for i in regex.findall(r"⟦(\d+)⟧", text):
        sp = spans[int(i)]
        if sp.kind == "glossary" and sp.glossary not in hits:
            hits.append(sp.glossary)
            sp.text = next(e.label for e in resources().glossary if e.id == sp.glossary)
    return " ".join(text.split())


def _attach(prefix: str, word: str) -> str:
    """Re-attach a clitic: ل + الجهة -> للجهة, ف stays a separate word (house orthography)."""
    if not prefix:
        return word
    if prefix == "و" and word.startswith("و"):  # و + وخصوصا
        return word
    if prefix.endswith("ف"):
        return (prefix[:-1] + "ف " if prefix[:-1] else "ف ") + word
    if prefix.endswith("ل") and word.startswith("ال"):
        return prefix + word[1:]
    return prefix + word


_PREFIXES = [(c, p, a) for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")]


def _lookup(word: str) -> tuple[str, str] | None:
    """(clitic prefix, Darija) for a word found in the lexicon, trying clitic splits."""
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
    m = regex.fullmatch(r"(?P<c>[وف]?)(?P<f>س?)(?P<p>[يتن])(?P<s>\p{L}+?)(?P<pl>ون|وا|ان)?", word)
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
    return person + v.darija[1:] + ("و" if plural and not v.darija.endswith("و") else "")


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
    while i < len(tokens):
        tok = tokens[i]
        prev = key(out[-1].split()[-1]) if out and out[-1].split() else ""
        prev = prev[1:] if prev.startswith("و") and prev[1:] in NO_KA else prev
        emitted: str | None = None
        consumed = 1
        m = regex.fullmatch(r"([وفبل]{1,2})(⟦\d+⟧)", tok)
        if m:
            cl, ph = m.groups()
            emitted = ("و" if cl.startswith("و") else "") + ("ف " if "ب" in cl or "ف" in cl else "ل" if "ل" in cl else "") + ph
        elif "⟦" in tok or not regex.search(r"\p{Arabic}", tok):
            emitted = tok
        else:
            # negations that change the verb: لم / لا / لن + verb
            nk = key(tok)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            vf = _verb(nxt) if nxt else None
            if nk in ("لم", "ولم") and vf:
                c, _f, v, person, plural = vf
                emitted = ("و" if nk.startswith("و") else "") + "ما " + _perfect(v, person, plural) + "ش"
                consumed = 2
            elif nk in ("لا", "ولا") and vf:
                c, _f, v, person, plural = vf
                emitted = ("و" if nk.startswith("و") else "") + "ما ك" + _darija_verb(v, person, plural) + "ش"
                consumed = 2
            elif nk in ("لن", "ولن") and vf:
                c, _f, v, person, plural = vf
                emitted = ("و" if nk.startswith("و") else "") + "ما غاديش " + _darija_verb(v, person, plural)
                consumed = 2
            elif nk in ("ان",) and vf:
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
                found = _lookup(tok)
                if found is not None:
                    pre, val = found
                    emitted = _attach(pre, val) if val not in ("-",) else (pre if pre else "")
                    if val.endswith("+") and val != "+":
                        emitted = _attach(pre, val[:-1]) + "+"
                    elif val == "-" and pre:
                        emitted = pre + "+"
                else:
                    emitted = tok
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


def _lookup_prefix_phrase(words_: list[str]) -> str | None:
    """A phrase whose first word carries و/ف/ب/ل (e.g. 'والماء الصالح للشرب')."""
    lex = resources().lexicon
    first = key(words_[0])
    for pre in ("و", "ف", "ب", "ل", "وب", "ول"):
        if first.startswith(pre) and len(first) > len(pre) + 1:
            k = (first[len(pre) :], *phrase_key(" ".join(words_[1:])))
            if k in lex:
                return _attach(words_[0][: len(pre)], lex[k])
    return None


def idafa_pass(tokens: list[str], spans: Spans) -> list[str]:
    """'ميزانية الجهة' -> 'الميزانية ديال الجهة' for whitelisted heads (and one-word glossary terms)."""
    heads = resources().idafa_heads
    out: list[str] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        definite_next = nxt.startswith("ال") or bool(regex.fullmatch(r"⟦\d+⟧", nxt) and spans[int(nxt[1:-1])].kind in ("entity", "glossary"))
        m = regex.fullmatch(r"(?P<c>و?)(?P<w>\p{Arabic}+)", tok)
        ph = regex.fullmatch(r"(?P<c>[وفبل]{0,2})⟦(?P<n>\d+)⟧", tok)
        if definite_next and m and key(m.group("w")) in heads:
            out.append(m.group("c") + "ال" + m.group("w"))
            out.append("ديال")
            continue
        if definite_next and ph and spans[int(ph.group("n"))].kind == "glossary" and not spans[int(ph.group("n"))].definite:
            out.append(tok)
            out.append("ديال")
            continue
        out.append(tok)
    return out


def tanwin_pass(tokens: list[str], spans: Spans) -> list[str]:
    """Drop the accusative alef: '12 مركزا صحيا' -> '12 مركز صحي' (§3.7)."""
    out: list[str] = []
    after_count = 0
    stripped = False  # the previous word lost its alef: an agreeing adjective follows (مركزا صحيا)
    for tok in tokens:
        ph = regex.fullmatch(r"⟦(\d+)⟧", tok)
        if ph and spans[int(ph.group(1))].counted:
            after_count, stripped = 1, False
            out.append(tok)
            continue
        was = stripped
        stripped = False
        if regex.fullmatch(r"\p{Arabic}{4,}", tok) and tok.endswith("ا") and not tok.endswith("اا") and key(tok) not in NISBA_KEEP:
            if (after_count or was) and not tok.startswith(("ب", "ل", "ال", "و")):
                tok, stripped = tok[:-1], True
        after_count = max(0, after_count - 1)
        out.append(tok)
    return out


AFTERTHOUGHTS = ("بفضل", "على حساب")  # "X بفضل Y" -> "X. هادشي بفضل Y"


def _split_long(words_: list[str], st: DocState, spans: Spans | None = None) -> list[list[str]]:
    """Split one sentence (as words) until each piece has at most MAX_WORDS words where a safe point exists."""
    def _wc(ws: list[str]) -> int:  # the words a reader sees (placeholders restored)
        return word_count(restore(" ".join(ws), spans)) if spans is not None else _count(ws)

    if _wc(words_) <= MAX_WORDS:
        return [words_]
    masdars = resources().masdars
    n = len(words_)
    best: tuple[float, int, list[str] | None] | None = None
    has_future = any(w == "غادي" for w in words_)
    for i in range(2, n - 2):
        w = words_[i]
        left, right = words_[:i], words_[i:]
        if _wc(left) < 3 or _wc(right) < 3:
            continue
        score = None
        repl: list[str] | None = None
        if w in ("،", ",", "؛") and _wc(left) >= 4 and _wc(right[1:]) >= 4:
            score, right = 1.0, right[1:]
        elif has_future and w.startswith("و") and w[1:] in masdars:
            stem = masdars[w[1:]][0]
            repl = ["وغادي", ("ت" if st.feminine else "ي") + stem]
            score = 0.5
        elif w in CONNECTORS:
            score = 2.0
        elif w in ("بفضل",) or (w == "على" and i + 1 < n and words_[i + 1] == "حساب"):
            repl = ["هادشي", w]
            score = 2.0
        elif w.startswith("و") and (w.startswith(("وك", "وغادي", "وما", "وت", "وي")) or w == "و"):
            score = 3.0
        elif w.startswith("و") and len(w) > 3 and not regex.fullmatch(r"وال\p{L}+ي[ةه]?", w):  # not before a coordinated adjective
            score = 4.0
        if score is None:
            continue
        score += abs(_wc(left) - _wc(right)) / max(n, 1)
        if best is None or score < best[0]:
            best = (score, i, repl)
    if best is None:
        return [words_]
    _, i, repl = best
    left, right = words_[:i], words_[i:]
    if right and right[0] in ("،", ",", "؛"):
        right = right[1:]
    if repl:
        right = repl + right[1:]
    return _split_long(left, st, spans) + _split_long(right, st, spans)


def _count(ws: list[str]) -> int:
    return sum(1 for w in ws if regex.search(r"[\p{L}\d⟦]", w))


def simplify_sentence(text: str, st: DocState, role: str = "paragraph") -> Draft:
    """Darija pieces for one MSA source sentence (placeholders restored, house orthography applied)."""
    spans = Spans()
    reasons: list[str] = []
    t = normalize(text)
    t = regex.sub(r"[()\[\]«»\"“”]", " ، ", t)  # no parentheses (§3.1 rule 6)
    t = protect(t, spans)
    t = regex.sub(rf"([{regex.escape(PUNCT)}])", r" \1 ", t)
    t = regex.sub(r"(?<=\S)-(?=\S)", " ", t)
    t = " ".join(t.split())
    t = apply_patterns(t, st)
    hits: list[str] = []
    t = protect_glossary(t, spans, hits)
    tokens = idafa_pass(t.split(), spans)
    tokens = lexicon_pass(tokens)
    tokens = tanwin_pass(" ".join(tokens).split(), spans)
    # sentences: pattern breaks " . ", full stops, semicolons
    raw: list[list[str]] = [[]]
    for tok in tokens:
        if tok in (".", "؛", ";", "!", "؟", "?"):
            if raw[-1]:
                raw[-1].append("." if tok in ("؛", ";", ".") else tok)
                raw.append([])
            continue
        raw[-1].append(tok)
    raw = [r for r in raw if _count(r)]
    pieces_w: list[list[str]] = []
    for r in raw:
        pieces_w.extend(_split_long(r, st, spans) if role in ("paragraph", "list") else [r])
    pieces: list[str] = []
    for pw in pieces_w:
        s = restore(" ".join(pw), spans)
        s = regex.sub(r"(?<=\p{Arabic})(?=\d)", " ", s)  # "ل 500", never "ل500" (speakable, braille)
        s = regex.sub(r"(?<!\p{L})(و?)لال(?=\p{L}{2})", r"\1لل", s)  # ل + الجهة = للجهة
        s = house_orthography(tidy(s)).strip(" ،,:")
        if not s:
            continue
        if role in ("paragraph", "list") and not s.endswith((".", "!", "؟", "?")):
            s += "."
        pieces.append(s)
    if not pieces:
        pieces = [house_orthography(restore(" ".join(tokens), spans)).strip() or text]
    for sp in spans:
        if sp.kind == "acronym":
            reasons.append(f"acronym {sp.text} is not in the glossary: expand it")
    gl = resources().glossary
    explanations: list[str] = []
    for gid in hits:
        entry = next(e for e in gl if e.id == gid)
        if gid in st.explained:
            continue
        st.explained.add(gid)
        if entry.explanation:
            if role in ("paragraph", "list"):
                explanations.append(entry.explanation)
            else:
                st.pending.append(entry)
    if role in ("paragraph", "list") and st.pending:
        explanations = [e.explanation for e in st.pending] + explanations
        st.pending.clear()
    for p in pieces:
        if word_count(p) > 20:
            reasons.append(f"sentence longer than 20 words ({word_count(p)}): split it by hand")
    return Draft(pieces, list(spans), hits, explanations, reasons)


def glossary_hits(text: str) -> list[str]:
    """Ids of glossary entries whose MSA term or acronym occurs in ``text`` (for M11)."""
    t = normalize(text)
    hits = [e.id for rx, e in _glossary_rx() if rx.search(t)]
    for e in resources().glossary:
        if any(regex.fullmatch(r"[A-Z][A-Z0-9]{1,7}", term) and regex.search(rf"(?<![A-Za-z]){term}(?![A-Za-z])", t) for term in e.terms):
            hits.append(e.id)
    return list(dict.fromkeys(hits))
