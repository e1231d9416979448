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
from difflib import SequenceMatcher
from itertools import chain
from typing import Any

from rapidfuzz import fuzz

from .lexicon import AR_LETTERS, known_ar, known_fr, known_fr_caps, letter_pairs, normalise_ar

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

_TOKEN = re.compile(r"[\w\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff'’]+")
_LATIN = re.compile(r"[a-zA-Zà-ÿÀ-ÿœŒæÆ]")
_ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_DIGITS = re.compile(r"^[\d\u0660-\u0669\u06f0-\u06f9.,/%-]+$")
# a Roman numeral as articles, chapters and items are numbered: capitals in the numerals' order
# (``XXXXI``, four of a letter, as codes number their paragraphs past 40)
_ROMAN = re.compile(r"(?=[IVXLCDM])M{0,4}(?:CM|CD|D?C{0,4})(?:XC|XL|L?X{0,4})(?:IX|IV|V?I{0,4})")


@dataclass
class Quality:
    score: float
    verdict: str  # "good" | "bad" | "borderline" | "empty"
    reason: str
    langs: list[str] = field(default_factory=list)
    signals: dict[str, float] = field(default_factory=dict)


_SPACE = re.compile(r"\s+")
# Characters worth a closer look: U+FFFD, private-use glyph codes, presentation forms, control
# characters, and anything outside the blocks an Arabic or French text uses (Latin, Arabic,
# general punctuation, symbols, arrows, shapes, dingbats...).
_SUSPECT = re.compile(
    "[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff\ufb50-\ufdff\ufe70-\ufeff\x00-\x1f\x7f-\x9f"
    "\u0370-\u05ff\u0700-\u074f\u0780-\u089f\u0900-\u1dff\u1f00-\u1fff\u2c00-\u2dff\u2e80-\udfff"
    "\uf900-\ufaff\ufe00-\ufe6f\uff00-\ufffc\U00010000-\U000effff]"
)


def _is_bad_char(ch: str) -> str | None:
    """What is wrong with a suspect character, or None when it is a harmless symbol."""
    cp = ord(ch)
    if ch == "\ufffd":
        return "replacement"
    if 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000:
        return "private"
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
        return "presentation"
    cat = unicodedata.category(ch)
    if cat == "Cc":
        return "control"
    # letters, digits and marks of another script (CJK, Cyrillic, Greek, Hebrew...), unassigned
    # code points: what a font whose glyphs decode to the wrong table produces
    if cat[0] in "LNM" or cat == "Cn":
        return "script"
    return None


# UTF-8 text decoded as Latin-1 or Windows-1252 (``gÃ©nÃ©ral``, ``Ø§Ù„``): a lead byte's letter followed by a
# continuation byte's sign, a pair no French or Arabic text writes (the corpus' 867 pages: one line of a table)
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00d8\u00d9\u00da\u00db][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
                       "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_ARABIC_RUN = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]+")
_LATIN_RUN = re.compile("[a-zA-Zà-ÿÀ-ÿœŒæÆ]+")


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


_TRIPLE = re.compile(r"(.)\1\1")
# Spelled forms no Arabic word has, seen before normalisation folds them away: ة or ى inside
# a word, a word starting with ة ى ؤ, a tanween mark before a letter (tanween ends a word,
# or stands before its final alef: أيضًا),
# a definite noun with tanween. Word-made PDFs whose font maps ي to ٌ, ه to ة or ى (and the
# reverse) produce them: ملكٌة, ىذه, الجماعً.
_AR_SPELLING = re.compile("[ةى](?=[\u0621-\u064a])|^[ةىؤ]|[\u064b-\u064d](?![اى]$)(?=[\u0621-\u064a])|^ال.*[\u064b-\u064d]$")
MISSPELT = "\x00"  # marks an Arabic word (list form) whose spelled form was impossible


def _impossible_ar(word: str, pairs: frozenset[str]) -> bool:
    if word.startswith(MISSPELT) or _TRIPLE.search(word):
        return True
    return any(word[i : i + 2] not in pairs for i in range(len(word) - 1))


def _impossible_fr(word: str, pairs: frozenset[str]) -> bool:
    w = word.lower().replace("’", "'").split("'")[-1]
    if _TRIPLE.search(w):
        return True
    return any(w[i : i + 2] not in pairs for i in range(len(w) - 1))


MAX_SAMPLE = 160


def _spread(words: list[str]) -> list[str]:
    if len(words) <= MAX_SAMPLE:
        return words
    step = len(words) / MAX_SAMPLE
    return [words[int(i * step)] for i in range(MAX_SAMPLE)]


# Pages of one document (and the documents of one service) repeat their words, so what is
# learnt about a token is kept: its kind (number, Arabic word in list form, French word) and,
# for the sampled words, the word-list verdicts. Each answer depends on the token alone, so
# a cached answer is the answer; the caches are cleared when they reach CACHE_LIMIT entries.
CACHE_LIMIT = 100_000
_SKIP, _NUMBER, _AR, _FR = 0, 1, 2, 3
_KINDS: dict[str, tuple[int, str, int, int]] = {}  # kind, word, Arabic and Latin letters (for langs_of)
_AR_VERDICTS: dict[str, tuple[bool, bool, bool]] = {}  # known, known read backwards, impossible
_FR_VERDICTS: dict[str, tuple[bool, bool, bool]] = {}  # known (capitals unaccented too), impossible, known as spelt


def _remember(cache: dict[str, Any], key: str, value: Any) -> None:
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    cache[key] = value


def _kind(raw: str) -> tuple[int, str, int, int]:
    tok = raw.strip("'’_")
    letters = sum(map(len, _ARABIC_RUN.findall(raw))), sum(map(len, _LATIN_RUN.findall(raw)))
    if not tok:
        kind = (_SKIP, "", *letters)
    elif _DIGITS.match(tok):
        kind = (_NUMBER, tok, *letters)
    elif AR_LETTERS.match(norm := normalise_ar(tok)):
        kind = (_AR, MISSPELT + norm if _AR_SPELLING.search(tok) else norm, *letters)
    elif _LATIN.search(tok) and not _ARABIC.search(tok) and tok.isalpha() or "'" in tok or "’" in tok:
        kind = (_FR, tok, *letters)
    else:
        kind = (_SKIP, tok, *letters)
    _remember(_KINDS, raw, kind)
    return kind


def _ar_verdict(word: str) -> tuple[bool, bool, bool]:
    if word.startswith(MISSPELT):
        v = (False, False, True)
    else:
        v = (known_ar(word), len(word) > 1 and known_ar(word[::-1]), _impossible_ar(word, letter_pairs("ar")))
    _remember(_AR_VERDICTS, word, v)
    return v


def _fr_verdict(word: str) -> tuple[bool, bool, bool]:
    """Known to the judge (capitals without their accents too), impossible, known as spelt (``word_known``)."""
    known = known_fr(word)
    v = (known or known_fr_caps(word), _impossible_fr(word, letter_pairs("fr")), known)
    _remember(_FR_VERDICTS, word, v)
    return v


Chunk = tuple[tuple[str, ...], tuple[str, ...], int, int, int, tuple[str, ...], int, int, int]
_CHUNKS: dict[str, Chunk] = {}
_FILLER = re.compile(r"([^\w\s])\1{2,}")  # dot leaders, rules of dashes or underscores


def _chunk(chunk: str) -> Chunk:
    """What one whitespace-free piece of text holds: its Arabic words (list form), French words,
    numbers, Arabic and Latin letters, the kind of each bad character in it, its letters and
    digits (any script), its filler characters (dot leaders, rules), its Roman numerals."""
    ar: list[str] = []
    fr: list[str] = []
    numbers = romans = 0
    for raw in _TOKEN.findall(chunk):  # a token never spans whitespace: a page's tokens are its chunks' tokens
        kind, word, _, _ = _KINDS.get(raw) or _kind(raw)
        if kind == _AR:
            ar.append(word)
        elif kind == _FR:
            fr.append(word)
            romans += bool(_ROMAN.fullmatch(word))
        elif kind == _NUMBER:
            numbers += 1
    bad = tuple(k for k in map(_is_bad_char, _SUSPECT.findall(chunk)) if k)
    if _MOJIBAKE.search(chunk):  # both characters of each pair are wrong
        bad += ("mojibake",) * (2 * len(_MOJIBAKE.findall(chunk)))
    alnum = len(chunk) if chunk.isalnum() else sum(map(str.isalnum, chunk))
    filler = sum(m.end() - m.start() for m in _FILLER.finditer(chunk)) if len(chunk) > 2 else 0
    out = (tuple(ar), tuple(fr), numbers, sum(map(len, _ARABIC_RUN.findall(chunk))), sum(map(len, _LATIN_RUN.findall(chunk))),
           bad, alnum, filler, romans)
    _remember(_CHUNKS, chunk, out)
    return out


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


def word_known(token: str, script: int | None = None) -> bool | None:
    """Is this one word in the word lists (its spelled form possible)? None for numbers and
    tokens that are not Arabic or French words, and for a word not of ``script`` when given."""
    kind, word, _, _ = _KINDS.get(token) or _kind(token)
    if script is not None and kind != script:
        return None
    if kind == _AR:
        return (_AR_VERDICTS.get(word) or _ar_verdict(word))[0]
    if kind == _FR:
        return (_FR_VERDICTS.get(word) or _fr_verdict(word))[2]
    return None


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
