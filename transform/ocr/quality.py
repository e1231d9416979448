"""Per-page text-layer quality score.

A text layer can look like text and still be garbage: glyphs mapped to the wrong letters,
words stored back to front, presentation-form or private-use code points, replacement
characters. :func:`assess` turns one page's lines into a :class:`Quality` with a score in
[0, 1], the signals behind it and a verdict: ``good`` (use the text layer), ``bad`` (OCR the
page) or ``borderline`` (ask a quick OCR sample, see :func:`agreement`). The thresholds
are documented in docs/ocr.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from .lexicon import AR_LETTERS, known_ar, known_fr, letter_pairs, normalise_ar

GOOD = 0.65  # score at or above: trust the text layer
BAD = 0.45  # score below: OCR the page; in between: borderline, check with an OCR sample
AGREE = 0.90  # OCR sample similarity needed to keep a borderline text layer (clean OCR reaches 0.95+)
MIN_WORDS = 6  # fewer words than this: the dictionary signal is not used
MIN_CHARS = 3  # fewer visible characters than this: the page has no text layer

_TOKEN = re.compile(r"[\w\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff'’]+")
_LATIN = re.compile(r"[a-zA-Zà-ÿÀ-ÿœŒæÆ]")
_ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_DIGITS = re.compile(r"^[\d\u0660-\u0669\u06f0-\u06f9.,/%-]+$")


@dataclass
class Quality:
    score: float
    verdict: str  # "good" | "bad" | "borderline" | "empty"
    reason: str
    langs: list[str] = field(default_factory=list)
    signals: dict[str, float] = field(default_factory=dict)


_SPACE = re.compile(r"\s+")
_SUSPECT = re.compile("[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff\ufb50-\ufdff\ufe70-\ufeff\x00-\x1f\x7f-\x9f]")


def _is_bad_char(ch: str) -> str | None:
    cp = ord(ch)
    if ch == "\ufffd":
        return "replacement"
    if 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000:
        return "private"
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
        return "presentation"
    if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r":
        return "control"
    return None


def langs_of(text: str) -> list[str]:
    """Languages whose script makes up a real share of the text (``ar``, ``fr``)."""
    ar = len(_ARABIC.findall(text))
    la = len(_LATIN.findall(text))
    total = ar + la
    if not total:
        return []
    out = []
    if ar / total >= 0.15:
        out.append("ar")
    if la / total >= 0.15:
        out.append("fr")
    return out


@lru_cache(maxsize=65536)
def _impossible_ar(word: str, pairs: frozenset[str]) -> bool:
    if re.search("[ةى](?=.)", word) or word[:1] in "ةىؤ":
        return True
    if re.search(r"(.)\1\1", word):
        return True
    w = normalise_ar(word)
    return any(w[i : i + 2] not in pairs for i in range(len(w) - 1))


@lru_cache(maxsize=65536)
def _impossible_fr(word: str, pairs: frozenset[str]) -> bool:
    w = word.lower().replace("’", "'").split("'")[-1]
    if re.search(r"(.)\1\1", w):
        return True
    return any(w[i : i + 2] not in pairs for i in range(len(w) - 1))


MAX_SAMPLE = 160


def _spread(words: list[str]) -> list[str]:
    if len(words) <= MAX_SAMPLE:
        return words
    step = len(words) / MAX_SAMPLE
    return [words[int(i * step)] for i in range(MAX_SAMPLE)]


def assess(text: str) -> Quality:
    """Score the text layer of one page (all its lines joined by newlines)."""
    visible = _SPACE.sub("", text)
    if len(visible) < MIN_CHARS:
        return Quality(0.0, "empty", "no text layer on this page")
    kinds: dict[str, int] = {}
    for c in _SUSPECT.findall(visible):  # only characters that may be bad are classified
        k = _is_bad_char(c)
        if k:
            kinds[k] = kinds.get(k, 0) + 1
    bad_share = sum(kinds.values()) / len(visible)
    pres_share = kinds.get("presentation", 0) / len(visible)
    sig: dict[str, float] = {"chars": float(len(visible)), "bad_share": round(bad_share, 3), "presentation_share": round(pres_share, 3)}
    langs = langs_of(text)

    ar_words, fr_words, numbers = [], [], 0
    for tok in _TOKEN.findall(text):
        tok = tok.strip("'’_")
        if not tok:
            continue
        if _DIGITS.match(tok):
            numbers += 1
        elif AR_LETTERS.match(normalise_ar(tok)):
            ar_words.append(normalise_ar(tok))
        elif _LATIN.search(tok) and not _ARABIC.search(tok) and tok.isalpha() or "'" in tok or "’" in tok:
            fr_words.append(tok)
    # a sample of at most MAX_SAMPLE words per script, spread over the page, judges it as well as all of them
    ar_words, fr_words = _spread(ar_words), _spread(fr_words)
    n_ar, n_fr = len(ar_words), len(fr_words)
    ar_hit = sum(map(known_ar, ar_words)) / n_ar if n_ar else 0.0
    ar_rev = sum(known_ar(w[::-1]) for w in ar_words if len(w) > 1) / n_ar if n_ar else 0.0
    fr_hit = sum(map(known_fr, fr_words)) / n_fr if n_fr else 0.0
    imp_ar = sum(_impossible_ar(w, letter_pairs("ar")) for w in ar_words) / n_ar if n_ar else 0.0
    imp_fr = sum(_impossible_fr(w, letter_pairs("fr")) for w in fr_words) / n_fr if n_fr else 0.0
    n_words = n_ar + n_fr
    sig.update(
        words=float(n_words), numbers=float(numbers), ar_words=float(n_ar), fr_words=float(n_fr),
        ar_hit=round(ar_hit, 3), ar_reversed_hit=round(ar_rev, 3), fr_hit=round(fr_hit, 3),
        ar_impossible=round(imp_ar, 3), fr_impossible=round(imp_fr, 3),
    )

    reasons: list[str] = []
    if n_words >= MIN_WORDS:
        # each script with enough words is judged on its own: a good French half must not
        # hide a garbled Arabic half of the same page
        parts = [(hit, imp, name) for hit, imp, n, name in ((ar_hit, imp_ar, n_ar, "Arabic"), (fr_hit, imp_fr, n_fr, "French"))
                 if n >= MIN_WORDS]
        if parts:
            lexical, impossible, _ = min(parts, key=lambda p: p[0] - 0.5 * p[1])
        else:
            lexical = (ar_hit * n_ar + fr_hit * n_fr) / n_words
            impossible = (imp_ar * n_ar + imp_fr * n_fr) / n_words
        score = lexical - 0.5 * impossible
        if lexical < GOOD:
            which = f" {min(parts, key=lambda p: p[0])[2]}" if len(parts) > 1 else ""
            reasons.append(f"only {lexical:.0%} of the{which} words are in the Arabic/French word lists")
        if impossible > 0.15:
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
                 "presentation": "Arabic presentation-form glyphs", "control": "control characters"}
        detail = ", ".join(f"{v / len(visible):.0%} {names[k]}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
        if bad_share >= 0.02:
            reasons.append(detail)
    score = round(max(0.0, min(1.0, score)), 3)
    sig["score"] = score
    if score >= GOOD:
        return Quality(score, "good", "text layer looks sound", langs, sig)
    verdict = "bad" if score < BAD else "borderline"
    return Quality(score, verdict, "; ".join(reasons) or "low text-layer score", langs, sig)


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
