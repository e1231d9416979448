"""Quality metrics per segment and per document, and the gates.

M1-M4 and M8-M12 are those of DARIJA_GUIDE §4. Its M5-M7 (MSA-marker rate, Darija-marker rate,
dialectness) were fooled by drafts that were mostly copied MSA (issue 18) and are replaced by the
measures of :mod:`transform.simplify.measures`: copy rate, core Darija markers per 100 tokens and MSA
forms left per 100 tokens, with document gates that a mostly copied draft cannot pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache

import regex

from ._rx import rx as _rx
from .data import resources
from .measures import (
    DOC_COPY_GATE,
    DOC_COPY_GOAL,
    DOC_MARKERS_GATE,
    DOC_MARKERS_GOAL,
    DOC_MSA_GATE,
    DOC_MSA_GOAL,
    Measures,
    measure,
)
from .numbers import canonical_values
from .speak import is_speakable
from .text import key, sentences, words

MAX_WORDS = 12
HARD_MAX = 20
_KA = regex.compile(r"^[وف]?ك[يتن]\p{L}{2,}$")


@lru_cache(maxsize=1)
def _entity_rx() -> list[tuple[str, regex.Pattern[str]]]:
    out = []
    for name, _kind, fr in resources().gazetteer:
        alts = [regex.escape(name) if not name.startswith("ال") else f"(?:ال|(?<=ل)ل){regex.escape(name[2:])}"] + [regex.escape(f) for f in fr]
        out.append((name, regex.compile(rf"(?<![\p{{L}}])(?:[وفبل]{{0,2}})(?:{'|'.join(alts)})(?!\p{{L}})", regex.I)))
    return out


def entities(text: str) -> list[str]:
    """Gazetteer names (their Arabic form) found in a text, Arabic or French."""
    found = []
    for name, rx in _entity_rx():
        if rx.search(text):
            found.append(name)
    # a longer name contains shorter ones (سد بين الويدان / بين الويدان): keep both, both must survive
    return found


def _strip_clitics(k: str, vocab: frozenset[str]) -> str:
    if k in vocab:
        return k
    for pre in ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل"):
        if k.startswith(pre) and len(k) - len(pre) >= 2:
            rest = k[len(pre) :]
            if pre == "لل":
                rest = "ال" + rest
            if rest in vocab:
                return rest
    return k


@dataclass
class TextStats:
    tokens: int = 0
    words_: int = 0
    sentences: int = 0
    long_sentences: int = 0
    max_words: int = 0
    msa: int = 0
    darija: int = 0
    vocab_hits: int = 0
    vocab_tokens: int = 0
    msa_words: list[str] = field(default_factory=list)


def text_stats(text: str) -> TextStats:
    r = resources()
    st = TextStats()
    for s in sentences(text):
        n = len(words(s))
        st.sentences += 1
        st.words_ += n
        st.long_sentences += n > MAX_WORDS
        st.max_words = max(st.max_words, n)
    for w in words(text):
        if not _rx(r"\p{Arabic}").search(w):
            if w[0].isdigit():
                st.tokens += 1
            continue
        st.tokens += 1
        k = key(w)
        if _strip_clitics(k, r.msa_markers) in r.msa_markers:
            st.msa += 1
            st.msa_words.append(w)
        if _strip_clitics(k, r.darija_markers) in r.darija_markers or _KA.match(k):
            st.darija += 1
        st.vocab_tokens += 1
        if _strip_clitics(k, r.vocab) in r.vocab:
            st.vocab_hits += 1
    return st


@dataclass
class SegmentCheck:
    numbers_missing: list[str]
    numbers_new: list[str]
    numbers_total: int
    entities_missing: list[str]
    entities_total: int
    speakable_ok: bool
    long_sentences: int
    max_words: int
    msa_words: list[str]
    measures: Measures = field(default_factory=Measures)
    french_left: list[str] = field(default_factory=list)  # French words left in the Darija text of a French source

    def reasons(self) -> list[str]:
        out = []
        if self.numbers_missing:
            out.append("number not kept: " + ", ".join(self.numbers_missing))
        if self.entities_missing:
            out.append("name not kept: " + ", ".join(self.entities_missing))
        if not self.speakable_ok:
            out.append("speakable text still has digits or symbols")
        if self.french_left:
            out.append("French words left: " + ", ".join(dict.fromkeys(self.french_left)))
        if self.max_words > HARD_MAX:
            out.append(f"a sentence has {self.max_words} words (limit {HARD_MAX})")
        out += self.measures.reasons()
        return out

    @property
    def gates_ok(self) -> bool:
        return (not self.numbers_missing and not self.entities_missing and self.speakable_ok and not self.french_left
                and not self.measures.placeholders)


def check_segment(source: str, output: str, speak: str, glossary_labels: Sequence[str] = ()) -> SegmentCheck:
    src_vals = Counter(canonical_values(source))
    out_vals = Counter(canonical_values(output))
    missing = list((src_vals - out_vals).elements())
    new = list((out_vals - src_vals).elements())
    ents = entities(source)
    out_ents = set(entities(output))
    missing_e = [e for e in ents if e not in out_ents and e not in output]
    st = text_stats(output)
    return SegmentCheck(missing, new, sum(src_vals.values()), missing_e, len(ents), is_speakable(speak), st.long_sentences, st.max_words,
                        st.msa_words, measure(source, output), french_left(source, output))


_LATIN = regex.compile(r"\p{Latin}+(?:['’-]\p{Latin}+)*")


def french_left(source: str, output: str) -> list[str]:
    """Latin-script words of a Darija text made from a French source that are not names or acronyms kept from the
    source: every French word (known to the French lexicons, or written in lower case) and every Latin word the
    source does not have. A copied French sentence, or French words left among Darija, fail; ``CCPH``,
    ``Montpellier`` and ``Atlantic Free Zone Investment`` pass. Arabic sources are not checked here."""
    if not _LATIN.search(source) or regex.search(r"\p{Arabic}", source):
        return []
    from .fr_words import is_french_word

    src_words = regex.findall(r"\p{Latin}+(?:-\p{Latin}+)*", source)
    src = set(src_words)
    in_names: set[str] = set()  # words of a multi-word name (Atlantic Free Zone Investment): kept even when French
    for run in regex.findall(r"\p{Lu}\p{Latin}*(?:\s+\p{Lu}\p{Latin}*)+", source):
        ws = run.split()
        if any(not is_french_word(w) for w in ws):
            in_names.update(ws)
    out = []
    for w in regex.findall(r"\p{Latin}+(?:-\p{Latin}+)*", output):
        if len(w) < 2 and w.isupper():
            continue
        name_like = w[:1].isupper() and w in src
        if not name_like or (is_french_word(w) and w not in in_names):
            out.append(w)
    return out


def chrf(hyps: Sequence[str], refs: Sequence[str]) -> float | None:
    """Corpus chrF2 (sacrebleu CHRF: char 6-grams); None when sacrebleu is missing or no text."""
    if not hyps:
        return None
    try:
        from sacrebleu.metrics import CHRF
    except ImportError:  # optional dependency: the report says "not measured"
        return None
    return round(CHRF().corpus_score(list(hyps), [list(refs)]).score, 2)


@dataclass
class DocMetrics:
    M1_mean_words: float
    M2_long_share: float
    M2_max_words: int
    M3_numbers_kept: float
    M3_new_numbers: int
    M4_entities_kept: float
    copy_rate: float | None
    darija_markers_per_100: float | None
    msa_left_per_100: float | None
    placeholders: int
    M8_vocab_coverage: float
    M9_chrf_vs_reference: float | None
    M10_chrf_vs_source: float | None
    M11_glossary_coverage: float
    M12_tts_ready: float
    sentences: int
    tokens: int
    content_words: int = 0

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


TARGETS = {
    "M1_mean_words": ("<=", 10),
    "M2_long_share": ("<=", 0.15),
    "M2_max_words": ("<=", HARD_MAX),
    "M3_numbers_kept": ("gate", 1.0),
    "M4_entities_kept": ("gate", 1.0),
    "copy_rate": ("<=", DOC_COPY_GOAL),
    "darija_markers_per_100": (">=", DOC_MARKERS_GOAL),
    "msa_left_per_100": ("<=", DOC_MSA_GOAL),
    "M8_vocab_coverage": (">=", 0.45),
    "M9_chrf_vs_reference": (">=", 50),
    "M10_chrf_vs_source": ("<=", 60),
    "M11_glossary_coverage": ("gate", 1.0),
    "M12_tts_ready": ("gate", 1.0),
}


# Document gates: the draft is refused as "Darija" when one fails (a mostly copied or MSA draft cannot pass).
GATES: dict[str, tuple[str, float]] = {
    "M3_numbers_kept": (">=", 1.0),
    "M4_entities_kept": (">=", 1.0),
    "M11_glossary_coverage": (">=", 1.0),
    "M12_tts_ready": (">=", 1.0),
    "copy_rate": ("<=", DOC_COPY_GATE),
    "darija_markers_per_100": (">=", DOC_MARKERS_GATE),
    "msa_left_per_100": ("<=", DOC_MSA_GATE),
    "placeholders": ("<=", 0),
}
MIN_TOKENS = 12  # the Darija measures of a document say "not measured" below this many tokens of Darija text


def gate_ok(name: str, value: float | None) -> bool | None:
    """None: not measured (e.g. no Darija text at all)."""
    if value is None or name not in GATES:
        return None
    op, t = GATES[name]
    return value <= t if op == "<=" else value >= t


def target_met(name: str, value: float | None) -> bool | None:
    if value is None or name not in TARGETS:
        return None
    op, t = TARGETS[name]
    return value <= t if op == "<=" else value >= t


def doc_metrics(
    pairs: Sequence[tuple[str, str, str]],
    *,
    references: Sequence[str] | None = None,
    glossary_found: int = 0,
    glossary_explained: int = 0,
    include_in_style: Sequence[bool] | None = None,
    with_darija: Sequence[bool] | None = None,
) -> DocMetrics:
    """``pairs`` = (source, darija, speakable) per segment. Sentence metrics (M1, M2, M8) skip segments marked
    False in ``include_in_style`` (headings, table cells, segments without Darija text); the Darija measures
    (copy rate, markers, MSA left) skip those marked False in ``with_darija`` (default: ``include_in_style``)."""
    with_darija = with_darija if with_darija is not None else include_in_style
    agg = TextStats()
    meas = Measures()
    kept = total = new = 0
    ekept = etotal = 0
    tts = 0
    for i, (src, out, sp) in enumerate(pairs):
        chk = check_segment(src, out, sp)
        total += chk.numbers_total
        kept += chk.numbers_total - len(chk.numbers_missing)
        new += len(chk.numbers_new)
        etotal += chk.entities_total
        ekept += chk.entities_total - len(chk.entities_missing)
        tts += chk.speakable_ok
        if with_darija is None or with_darija[i]:
            meas.add(chk.measures)
        if include_in_style is not None and not include_in_style[i]:
            continue
        st = text_stats(out)
        for f in ("tokens", "words_", "sentences", "long_sentences", "msa", "darija", "vocab_hits", "vocab_tokens"):
            setattr(agg, f, getattr(agg, f) + getattr(st, f))
        agg.max_words = max(agg.max_words, st.max_words)
    hyps = [o for _, o, _ in pairs]
    srcs = [s for s, _, _ in pairs]
    return DocMetrics(
        M1_mean_words=round(agg.words_ / agg.sentences, 2) if agg.sentences else 0.0,
        M2_long_share=round(agg.long_sentences / agg.sentences, 4) if agg.sentences else 0.0,
        M2_max_words=agg.max_words,
        M3_numbers_kept=round(kept / total, 4) if total else 1.0,
        M3_new_numbers=new,
        M4_entities_kept=round(ekept / etotal, 4) if etotal else 1.0,
        copy_rate=meas.copy_rate if meas.content_words else (0.0 if meas.tokens >= MIN_TOKENS else None),
        darija_markers_per_100=meas.markers_per_100 if meas.tokens >= MIN_TOKENS else None,
        msa_left_per_100=meas.msa_per_100 if meas.tokens >= MIN_TOKENS else None,
        placeholders=meas.placeholders,
        M8_vocab_coverage=round(agg.vocab_hits / agg.vocab_tokens, 4) if agg.vocab_tokens else 0.0,
        M9_chrf_vs_reference=chrf(hyps, references) if references else None,
        M10_chrf_vs_source=chrf(hyps, srcs),
        M11_glossary_coverage=round(glossary_explained / glossary_found, 4) if glossary_found else 1.0,
        M12_tts_ready=round(tts / len(pairs), 4) if pairs else 1.0,
        sentences=agg.sentences,
        tokens=agg.tokens,
        content_words=meas.content_words,
    )
