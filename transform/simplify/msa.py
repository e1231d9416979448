"""The rule engine for MSA sources (DARIJA_GUIDE §3.2-3.7), one sentence at a time.

normalize -> protect -> patterns (layer 2) -> glossary terms -> idafa -> lexicon with clitics and
verbs (layer 1) -> clause splitting -> glossary explanation -> restore -> house orthography.
All data comes from transform/simplify/data/ so staff can extend it without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ._rx import rx as _rx
from .data import GlossaryEntry, resources
from .lexicon import FINAL, lexicon_pass
from .protect import Span, Spans, protect, restore
from .split import count_words, split_long
from .text import house_orthography, key, normalize, tidy, word_count

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
        first, _, rest = perfect.partition(" ")  # "وصل الضو ل": the ending goes on the verb
        first = first[:-1] + "ات" if first.endswith(("ى", "ا")) else first + "ات"
        return first + (" " + rest if rest else "")

    def gendered(g: str, ending: str) -> str:
        word = regex.sub(r"(?:ه|ها|هما|هم)$", "", m.group(g)) if m.group(g) not in masdars else m.group(g)
        first, _, rest = masdars.get(word, ("دير", "دار"))[1].partition(" ")
        if ending == "ت":  # passive: تبنى، تدار
            first = "ت" + first
        elif ending:
            first = (first[:-1] if first.endswith(("ى", "ا")) else first) + (ending if not first.endswith(("ى", "ا")) else "ا" + ending[-1] if ending == "و" else "ات")
        return FINAL + first + (" " + rest if rest else "")

    # {KEEP:g}: an official name (a minister's title) written as it is, never looked up word by word;
    # {WORD:text}: Darija words of the pattern itself that the lexicon must not read again (اللي تجمع)
    tpl = regex.sub(r"\{KEEP:(\w+)\}", lambda x: " ".join(FINAL + w for w in (m.group(x.group(1)) or "").split()), tpl)
    tpl = regex.sub(r"\{WORD:([^}]+)\}", lambda x: " ".join(FINAL + w for w in x.group(1).split()), tpl)  # Darija words, as written
    tpl = regex.sub(r"\{PASSIVE:(\w+)\}", lambda x: gendered(x.group(1), "ت"), tpl)
    tpl = regex.sub(r"\{PASTM:(\w+)\}", lambda x: gendered(x.group(1), ""), tpl)
    tpl = regex.sub(r"\{PASTF:(\w+)\}", lambda x: gendered(x.group(1), "ات"), tpl)
    tpl = regex.sub(r"\{PASTP:(\w+)\}", lambda x: gendered(x.group(1), "و"), tpl)
    out = regex.sub(r"\{VERB:(\w+)\}", lambda x: verb(x.group(1), False), tpl)
    out = regex.sub(r"\{PAST:(\w+)\}", lambda x: verb(x.group(1), True), out)
    out = out.replace("{AGENT}", st.agent).replace("{T}", t).replace("{AT}", "ات" if st.feminine else "")
    return m.expand(out.replace("\\g<", "\\g<"))


def apply_patterns(text: str, st: DocState) -> str:
    tails: list[str] = []

    def fill(m: regex.Match[str], tpl: str) -> str:
        out = _agent_fill(tpl, st, m)
        for t in _rx(r"\{TAIL:([^}]*)\}").findall(out):
            tails.append(t)
        return " " + regex.sub(r"\{TAIL:[^}]*\}", "", out) + " "

    for p in resources().patterns:
        text = p.regex.sub(lambda m, p=p: fill(m, p.replacement), text)
    for t in tails:
        text = text.rstrip(" .") + " . " + t
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _glossary_rx() -> list[tuple[regex.Pattern[str], GlossaryEntry, tuple[str, ...]]]:
    """(regex, entry, the numbers the term names): a term with a number (القانون التنظيمي 111.14) only
    matches that very number, never another law's (113.14 is the communes' law)."""
    out = []
    for entry in resources().glossary:
        for term in sorted(entry.terms, key=len, reverse=True):
            if _rx(r"[A-Z][A-Z0-9]{1,7}").fullmatch(term):
                continue
            ws = term.split()
            parts = []
            numbers = []
            for i, w in enumerate(ws):
                if _rx(r"[\d.,]+").fullmatch(w):  # numbers are placeholders by now
                    parts.append(r"⟦\d+⟧")
                    numbers.append(w)
                    continue
                w = w[2:] if i == 0 and w.startswith("ال") else w
                cls = "".join(
                    "[اأإآ]" if c in "اأإآ" else "[يى]" if c in "يى" else "[ةه]" if c in "ةه" else regex.escape(c) for c in w
                )
                parts.append(cls)
            body = " ".join(parts)
            rx = regex.compile(rf"(?<![\p{{L}}⟦])(?P<cl>(?:و|ف)?(?:ب|ل)?)(?P<al>ال|(?<=ل)ل)?(?P<t>{body})(?!\p{{L}})")
            out.append((rx, entry, tuple(numbers)))
    out.sort(key=lambda x: -len(x[0].pattern))
    return out


def _same_numbers(matched: str, numbers: tuple[str, ...], spans: Spans) -> bool:
    found = [spans[int(i)].source for i in _rx(r"⟦(\d+)⟧").findall(matched)]
    return [n.replace("-", ".") for n in found] == [n.replace("-", ".") for n in numbers]


def protect_glossary(text: str, spans: Spans, hits: list[str]) -> str:
    for rx, entry, numbers in _glossary_rx():

        def sub(m: regex.Match[str], entry: GlossaryEntry = entry, numbers: tuple[str, ...] = numbers) -> str:
            if numbers and not _same_numbers(m.group("t"), numbers, spans):
                return m.group(0)  # another law or decree number: not this term
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
    for i in _rx(r"⟦(\d+)⟧").findall(text):
        sp = spans[int(i)]
        if sp.kind == "glossary" and sp.glossary not in hits:
            hits.append(sp.glossary)
            sp.text = next(e.label for e in resources().glossary if e.id == sp.glossary)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _idafa_heads() -> frozenset[str]:
    return resources().idafa_heads | frozenset(key(m) for m in resources().masdars if " " not in m)


def idafa_pass(tokens: list[str], spans: Spans) -> list[str]:
    """'ميزانية الجهة' -> 'الميزانية ديال الجهة' for whitelisted heads (and one-word glossary terms)."""
    heads = _idafa_heads()
    out: list[str] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        definite_next = nxt.startswith("ال") or bool(_rx(r"⟦\d+⟧").fullmatch(nxt) and spans[int(nxt[1:-1])].kind in ("entity", "glossary"))
        m = _rx(r"(?P<c>و?)(?P<w>\p{Arabic}+)").fullmatch(tok)
        ph = _rx(r"(?P<c>[وفبل]{0,2})⟦(?P<n>\d+)⟧").fullmatch(tok)
        masdar_after_and = m is not None and m.group("c") == "و" and m.group("w") in resources().masdars
        if definite_next and m and key(m.group("w")) in heads and not masdar_after_and:  # "وتوفير X" stays for the split
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
        ph = _rx(r"⟦(\d+)⟧").fullmatch(tok)
        if ph and spans[int(ph.group(1))].counted:
            after_count, stripped = 1, False
            out.append(tok)
            continue
        was = stripped
        stripped = False
        if _rx(r"\p{Arabic}{4,}").fullmatch(tok) and tok.endswith("ا") and not tok.endswith("اا") and key(tok) not in NISBA_KEEP:
            if (after_count or was) and not tok.startswith(("ب", "ل", "ال", "و")):
                tok, stripped = tok[:-1], True
        after_count = max(0, after_count - 1)
        out.append(tok)
    return out


def simplify_sentence(text: str, st: DocState, role: str = "paragraph") -> Draft:
    """Darija pieces for one MSA source sentence (placeholders restored, house orthography applied)."""
    spans = Spans()
    reasons: list[str] = []
    t = normalize(text)
    # a Hijri date with its Gregorian date in parentheses: "9 محرم 1448 (25 يونيو 2026)" -> "9 محرم 1448، يعني 25 يونيو 2026"
    t = regex.sub(r"(?<=\b1[34]\d\d)\s*(?:هـ|ه)?\s*\(\s*((?:فاتح|\d{1,2})\s+\p{Arabic}+\s*(?:19|20)\d\d)\s*(?:م)?\s*\)", r" ، يعني \1 ، ", t)
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
    raw = [r for r in raw if count_words(r)]
    pieces_w: list[list[str]] = []
    for r in raw:
        pieces_w.extend(split_long(r, st, spans) if role in ("paragraph", "list") else [r])
    pieces: list[str] = []
    for pw in pieces_w:
        s = restore(" ".join(pw), spans)
        s = regex.sub(r"(?<=\p{Arabic})(?=\d)", " ", s)  # "ل 500", never "ل500" (speakable, braille)
        s = regex.sub(r"(?<!\p{L})(و?)لالل(?=\p{L}{2})", r"\1لل", s)  # ل + اللجنة = للجنة
        s = regex.sub(r"(?<!\p{L})(و?)لال(?=\p{L}{2})", r"\1لل", s)  # ل + الجهة = للجهة
        s = s.replace(FINAL, "")
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
    hits = [e.id for rx, e, nums in _glossary_rx() if (m := rx.search(t)) and (not nums or all(n in m.group(0) for n in nums))]
    for e in resources().glossary:
        if any(_rx(r"[A-Z][A-Z0-9]{1,7}").fullmatch(term) and regex.search(rf"(?<![A-Za-z]){term}(?![A-Za-z])", t) for term in e.terms):
            hits.append(e.id)
    return list(dict.fromkeys(hits))
