"""What a text layer's words and chunks are, for the page judge (:mod:`quality`; split from it).

A page is read as its whitespace-separated chunks: :func:`_chunk` tells what one holds (its Arabic words in
list form, French words, numbers, letters of each script, bad characters, letters and digits, filler, Roman
numerals); :func:`_kind` tells one token's kind and :func:`_ar_verdict` / :func:`_fr_verdict` a word's
word-list verdicts (known, known read backwards, impossible letter sequences). Every answer depends on its
token alone and is cached (:data:`CACHE_LIMIT`); :func:`word_known` answers for one word.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .lexicon import AR_LETTERS, known_ar, known_fr, known_fr_caps, letter_pairs, normalise_ar

_TOKEN = re.compile(r"[\w\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff'’]+")
_LATIN = re.compile(r"[a-zA-Zà-ÿÀ-ÿœŒæÆ]")
_ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_DIGITS = re.compile(r"^[\d\u0660-\u0669\u06f0-\u06f9.,/%-]+$")
# a Roman numeral as articles, chapters and items are numbered: capitals in the numerals' order
# (``XXXXI``, four of a letter, as codes number their paragraphs past 40)
_ROMAN = re.compile(r"(?=[IVXLCDM])M{0,4}(?:CM|CD|D?C{0,4})(?:XC|XL|L?X{0,4})(?:IX|IV|V?I{0,4})")

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
