"""Per-page text-layer quality score.

A text layer can look like text and still be garbage: glyphs mapped to the wrong letters,
words stored back to front, presentation-form or private-use code points, replacement
characters. :func:`assess` turns one page's lines into a :class:`Quality` with a score in
[0, 1], the signals behind it and a verdict: ``good`` (use the text layer), ``bad`` (OCR the
page) or ``borderline`` (ask a quick OCR sample, see :func:`agreement`). The thresholds
are documented in docs/ocr.md. What each word and chunk of a page holds, and the word-list verdicts,
come from :mod:`layer_words` (cached per token).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import chain

from rapidfuzz import fuzz

from .layer_words import (  # noqa: F401  (word_known: read from here by ocr.tables_cells, ocr.repeated_cells, tests)
    _AR_VERDICTS,
    _ARABIC_RUN,
    _CHUNKS,
    _FR_VERDICTS,
    _KINDS,
    _LATIN_RUN,
    _ROMAN,
    _SUSPECT,
    MISSPELT,
    _ar_verdict,
    _chunk,
    _fr_verdict,
    _is_bad_char,
    _kind,
    word_known,
)
from .lexicon import known_ar, known_fr, normalise_ar

GOOD = 0.65  # score at or above: trust the text layer
BAD = 0.45  # score below: OCR the page; in between: borderline, check with an OCR sample
AGREE = 0.90  # OCR sample similarity needed to keep a borderline text layer (clean OCR reaches 0.95+)
MIN_WORDS = 6  # fewer words than this: the dictionary signal is not used
MINOR_SHARE = 0.25  # a script with a smaller share of the words is judged on its own only...
GARBLED = 0.25  # ...when at least this share of its words hold impossible letter sequences
PLAUSIBLE_IMP = 0.08  # Latin words of an Arabic page with fewer impossible sequences than this...
FOREIGN_HIT = 0.75  # ...count as this share of known words at least (English references, names)
MIN_CHARS = 3  # fewer visible characters than this: the page has no text layer
MIN_ALNUM = 0.5  # letters and digits (dot leaders aside) must be at least this share of the characters...
MIN_SYMBOL_CHARS = 20  # ...of a page with at least this many
ROMAN_SHARE = 0.125  # Roman numerals (I, XXXXI) are numbers, not French words, while at most this share of a page's words
PIECES = 0.5  # Arabic words of one or two letters making this share of a page's: pieces of words a layer spaced apart
PIECES_MIN_WORDS = 60  # ...counted on a page's worth of words only: one OCR line's share of short words says nothing


@dataclass
class Quality:
    score: float
    verdict: str  # "good" | "bad" | "borderline" | "empty"
    reason: str
    langs: list[str] = field(default_factory=list)
    signals: dict[str, float] = field(default_factory=dict)


_SPACE = re.compile(r"\s+")


def langs_of(text: str) -> list[str]:
    """Languages whose script makes up a real share of the text (``ar``, ``fr``)."""
    # runs, not single letters: fewer objects
    return _langs(sum(map(len, _ARABIC_RUN.findall(text))), sum(map(len, _LATIN_RUN.findall(text))))


def _langs(ar: int, la: int) -> list[str]:
    total = ar + la
    if not total:
        return []
    out = []
    if ar / total >= 0.15:
        out.append("ar")
    if la / total >= 0.15:
        out.append("fr")
    return out


MAX_SAMPLE = 160


def _spread(words: list[str]) -> list[str]:
    if len(words) <= MAX_SAMPLE:
        return words
    step = len(words) / MAX_SAMPLE
    return [words[int(i * step)] for i in range(MAX_SAMPLE)]


def clear_caches() -> None:
    """Forget every cached token, chunk and word verdict, and the digit glyphs read (a cold
    start, e.g. for benchmarks)."""
    from . import digits  # on use: the judge does not need pdfium's font calls

    digits.clear_cache()
    for cache in (_KINDS, _CHUNKS, _AR_VERDICTS, _FR_VERDICTS):
        cache.clear()
    known_ar.cache_clear()
    known_fr.cache_clear()


def assess(text: str) -> Quality:
    """Score the text layer of one page (all its lines joined by newlines)."""
    # The page is read as its whitespace-separated chunks (words with their punctuation), and
    # what a chunk holds is cached like the word verdicts: pages repeat their chunks, and one
    # dictionary look-up per chunk costs less than scanning the page with regular expressions.
    chunks = text.split()
    n_visible = sum(map(len, chunks))
    if n_visible < MIN_CHARS:
        return Quality(0.0, "empty", "no text layer on this page")
    known_chunk = _CHUNKS.get
    ar_parts, fr_parts, nums, ar_letters, la_letters, bads, alnums, fillers, romans = zip(
        *[known_chunk(c) or _chunk(c) for c in chunks], strict=True)
    kinds: dict[str, int] = {}
    if any(bads):
        for k in chain.from_iterable(bads):
            kinds[k] = kinds.get(k, 0) + 1
    bad_share = sum(kinds.values()) / n_visible
    pres_share = kinds.get("presentation", 0) / n_visible
    sig: dict[str, float] = {"chars": float(n_visible), "bad_share": round(bad_share, 3), "presentation_share": round(pres_share, 3)}
    ar_words = list(chain.from_iterable(ar_parts))
    fr_words = list(chain.from_iterable(fr_parts))
    numbers = sum(nums)
    if n_romans := sum(romans):
        # Roman numerals (``I``, ``XXXXI``), often an Arabic page's only Latin words, are unknown or
        # "impossible" as French words: on an Arabic page they are numbers while a small share of its
        # words (a layer of capitals in the numerals' order is judged as words; docs/ocr.md)
        others = len(ar_words) + len(fr_words) - n_romans
        if len(ar_words) > len(fr_words) and others >= MIN_WORDS and n_romans <= ROMAN_SHARE * (others + n_romans):
            fr_words = [w for w in fr_words if not _ROMAN.fullmatch(w)]
            numbers += n_romans
            sig["romans"] = float(n_romans)
    if len(ar_words) >= PIECES_MIN_WORDS and sum(len(w) <= 2 for w in ar_words) >= PIECES * len(ar_words):
        # a layer that spaces its letters apart (ب ر ن ا م ج, برن امج): its pieces are known "words" (ب, ال,
        # نا); sound Arabic text holds at most a quarter of such short words (the corpus' pages: 0.26)
        ar_words = [MISSPELT + w if len(w) <= 2 else w for w in ar_words]
        sig["ar_pieces"] = 1.0
    n_ar_letters, n_la_letters = sum(ar_letters), sum(la_letters)
    langs = _langs(n_ar_letters, n_la_letters)
    sig.update(ar_letters=float(n_ar_letters), latin_letters=float(n_la_letters))
    # a sample of at most MAX_SAMPLE words per script, spread over the page, judges it as well as all of them
    ar_words, fr_words = _spread(ar_words), _spread(fr_words)
    n_ar, n_fr = len(ar_words), len(fr_words)
    ar_hit = ar_rev = fr_hit = imp_ar = imp_fr = 0.0
    if n_ar:
        ar_v = _AR_VERDICTS.get
        ar_known, ar_backwards, ar_impossible = zip(*[ar_v(w) or _ar_verdict(w) for w in ar_words], strict=True)
        ar_hit, ar_rev, imp_ar = sum(ar_known) / n_ar, sum(ar_backwards) / n_ar, sum(ar_impossible) / n_ar
    if n_fr:
        fr_v = _FR_VERDICTS.get
        fr_known, fr_impossible, _ = zip(*[fr_v(w) or _fr_verdict(w) for w in fr_words], strict=True)
        fr_hit, imp_fr = sum(fr_known) / n_fr, sum(fr_impossible) / n_fr
    n_words = n_ar + n_fr
    sig.update(
        words=float(n_words), numbers=float(numbers), ar_words=float(n_ar), fr_words=float(n_fr),
        ar_hit=round(ar_hit, 3), ar_reversed_hit=round(ar_rev, 3), fr_hit=round(fr_hit, 3),
        ar_impossible=round(imp_ar, 3), fr_impossible=round(imp_fr, 3),
    )

    reasons: list[str] = []
    if n_words >= MIN_WORDS:
        # each script with enough words is judged on its own: a good French half must not
        # hide a garbled Arabic half of the same page. A script holding a small share of the
        # words (Latin references and species names in an Arabic report) is judged on its own
        # only when its words look garbled (impossible letter sequences); otherwise it counts
        # in the page's overall share of known words.
        # Latin words of an Arabic page (references, often English) whose letter sequences are
        # all possible count as plausible foreign words, not as failed French ones.
        fr_judged = fr_hit
        if n_ar > n_fr and imp_fr < PLAUSIBLE_IMP:
            fr_judged = max(fr_hit, FOREIGN_HIT)
        overall = (ar_hit * n_ar + fr_judged * n_fr) / n_words
        overall_imp = (imp_ar * n_ar + imp_fr * n_fr) / n_words
        parts = [(hit, imp, name) for hit, imp, n, name in ((ar_hit, imp_ar, n_ar, "Arabic"), (fr_judged, imp_fr, n_fr, "French"))
                 if n >= MIN_WORDS and (n >= MINOR_SHARE * n_words or imp >= GARBLED)]
        lexical, impossible = overall, overall_imp
        if parts:
            hit, imp, _ = min(parts, key=lambda p: p[0] - 0.5 * p[1])
            if hit - 0.5 * imp < overall - 0.5 * overall_imp:
                lexical, impossible = hit, imp
        score = lexical - 0.5 * impossible
        if lexical < GOOD:
            which = f" {min(parts, key=lambda p: p[0])[2]}" if len(parts) > 1 else ""
            reasons.append(f"only {lexical:.0%} of the{which} words are in the Arabic/French word lists")
        if "ar_pieces" in sig:
            reasons.append("most Arabic words are one or two letters (the layer spaces words apart)")
        elif impossible > 0.15:
            reasons.append(f"{impossible:.0%} of the words contain impossible letter sequences")
        if n_ar >= MIN_WORDS and ar_rev > ar_hit:
            score = min(score, 0.2)
            reasons.append(f"Arabic words read better backwards ({ar_rev:.0%} vs {ar_hit:.0%}): the text layer is stored in visual order")
    else:  # too few words to judge by dictionary: a short title, a page number, a table of figures
        score = 0.9 if n_words == 0 or (ar_hit * n_ar + fr_hit * n_fr) >= 0.5 * n_words else 0.5
        if score < GOOD:
            reasons.append("too few known words to trust this short text")
    if bad_share > 0:
        score -= 4 * bad_share
        if bad_share >= 0.05:
            score = min(score, 0.3)
        names = {"replacement": "replacement characters (U+FFFD)", "private": "private-use glyph codes",
                 "presentation": "Arabic presentation-form glyphs", "control": "control characters",
                 "mojibake": "UTF-8 read as Latin-1 (Ã©)",
                 "script": f"letters of another script ({_scripts(text)})"}
        detail = ", ".join(f"{v / n_visible:.0%} {names[k]}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
        if bad_share >= 0.02:
            reasons.append(detail)
    # a layer of punctuation and symbols (glyphs decoded to ASCII signs) has no words to judge:
    # it must not pass as "too few words", so letters and digits must make up most of it
    core = n_visible - sum(fillers)
    alnum_share = sum(alnums) / core if core else 1.0
    sig["alnum_share"] = round(alnum_share, 3)
    if core >= MIN_SYMBOL_CHARS and alnum_share < MIN_ALNUM:
        score = min(score, 0.3)
        reasons.append(f"only {alnum_share:.0%} of the characters are letters or digits")
    score = round(max(0.0, min(1.0, score)), 3)
    sig["score"] = score
    if score >= GOOD:
        return Quality(score, "good", "text layer looks sound", langs, sig)
    verdict = "bad" if score < BAD else "borderline"
    return Quality(score, verdict, "; ".join(reasons) or "low text-layer score", langs, sig)


def _scripts(text: str) -> str:
    """The scripts of the foreign letters in a text, most frequent first (``CJK, CYRILLIC``)."""
    counts: dict[str, int] = {}
    for ch in _SUSPECT.findall(text):
        if _is_bad_char(ch) == "script":
            name = unicodedata.name(ch, "UNASSIGNED").split()[0]
            counts[name] = counts.get(name, 0) + 1
    return ", ".join(sorted(counts, key=lambda k: -counts[k])[:3])


def fixes(text_layer: str, ocr_text: str) -> tuple[int, int]:
    """Words the OCR reading puts right and words it gets wrong, by the word lists: aligned
    word pairs that differ, where only the OCR word is known (a fix: the layer decodes some
    glyphs to the wrong letters) or only the layer word is (OCR noise). A pair of two scripts is
    neither: an Arabic word read as Latin junk (``aie`` for يمنع) is a known French word, no fix."""
    a, b = text_layer.split(), ocr_text.split()
    fixed = broken = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, [comparable(w) for w in a], [comparable(w) for w in b], autojunk=False).get_opcodes():
        if tag != "replace" or i2 - i1 != j2 - j1:
            continue
        for lw, ow in zip(a[i1:i2], b[j1:j2], strict=True):
            lk = word_known(_strip(lw))
            ok = word_known(_strip(ow), (_KINDS.get(_strip(lw)) or _kind(_strip(lw)))[0])
            if lk is None or ok is None:
                continue
            fixed += ok and not lk
            broken += lk and not ok
    return fixed, broken


def _strip(word: str) -> str:
    return word.strip(".,;:!?()[]«»\"'’،؛؟-–—*•")


def comparable(text: str) -> str:
    """Text reduced for comparing a text layer with OCR: folded letters, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = normalise_ar(text).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def agreement(text_layer: str, ocr_text: str) -> float:
    """Similarity in [0, 1] between a text-layer excerpt and OCR of the same region."""
    a, b = comparable(text_layer), comparable(ocr_text)
    if not a or not b:
        return 0.0
    return fuzz.ratio(a, b) / 100.0
