"""Word lists and letter statistics used to judge a text layer.

The lists in ``data/`` are compact *keys*: Arabic words are normalised (no diacritics or
tatweel, one alef, ``ى``->``ي``, ``ة``->``ه``) and stripped of the article and its
proclitics; French words are lower-case with a final plural ``s``/``x`` removed.
:func:`known_ar` and :func:`known_fr` apply the same reduction (plus a light strip of
common clitics and suffixes) before looking a token up, so inflected forms are found.
``data/build_lists.py`` rebuilds the lists; ``data/README.md`` gives source and licence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

_AR_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel
_AR_FOLD = str.maketrans("أإآٱىة", "اااايه")
AR_LETTERS = re.compile("^[\u0621-\u064a]+$")
FR_LETTERS = re.compile("^[a-zàâäçéèêëîïôöùûüÿœæ]+$")

# Article with the proclitics that may precede it, longest first.
AR_ARTICLES = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
AR_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "س")
AR_SUFFIXES = ("هما", "كما", "تهم", "تها", "ها", "هم", "هن", "كم", "كن", "نا", "ات", "ون", "ين", "ان", "ته", "وا", "ه", "ك", "ي", "ت")
FR_ELISION = re.compile(r"^(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['’]")


def normalise_ar(word: str) -> str:
    """Fold an Arabic token to the form used by the word list."""
    return _AR_MARKS.sub("", word).translate(_AR_FOLD)


def ar_key(word: str) -> str:
    """Deterministic key stored in the list: normalised, article (with proclitics) removed."""
    for art in AR_ARTICLES:
        if word.startswith(art) and len(word) - len(art) >= 2:
            return word[len(art) :]
    return word


def fr_key(word: str) -> str:
    word = word.lower()
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    return word


def _load(name: str) -> frozenset[str]:
    path = DATA / name
    words = [w.strip() for w in path.read_text(encoding="utf-8").splitlines()]
    return frozenset(w for w in words if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def arabic_words() -> frozenset[str]:
    return _load("ar_words.txt")


@lru_cache(maxsize=1)
def french_words() -> frozenset[str]:
    return _load("fr_words.txt")


def _ar_candidates(word: str) -> set[str]:
    bases = {word, ar_key(word)}
    for p in AR_PROCLITICS:
        if word.startswith(p) and len(word) > 3:
            bases |= {word[1:], ar_key(word[1:])}
    out = set(bases)
    for base in bases:
        for s in AR_SUFFIXES:
            if base.endswith(s) and len(base) - len(s) >= 2:
                out.add(base[: -len(s)])
    return out


@lru_cache(maxsize=65536)  # pages repeat their words: cache the verdicts
def known_ar(token: str) -> bool:
    """Is this (normalised) Arabic token a word of the list, allowing clitics and suffixes?"""
    words = arabic_words()
    return any(c in words for c in _ar_candidates(token))


@lru_cache(maxsize=65536)
def known_fr(token: str) -> bool:
    token = FR_ELISION.sub("", token.lower())
    if not token:
        return False
    words = french_words()
    if fr_key(token) in words or token in words:
        return True
    return token.endswith("es") and token[:-2] in words


_UNACCENT = str.maketrans("àâäçéèêëîïôöùûüÿ", "aaaceeeeiioouuuy")


@lru_cache(maxsize=1)
def _unaccented_fr() -> frozenset[str]:
    return frozenset(w.translate(_UNACCENT) for w in french_words())


def known_fr_caps(token: str) -> bool:
    """A French word in capitals set without its accents, as capitals often are (``COMITE``, ``UNIVERSITE``);
    used by the text-layer judge only (quality.py), the OCR passes keep :func:`known_fr`."""
    if len(token) < 3 or not token.isupper():
        return False
    token = FR_ELISION.sub("", token.lower()).translate(_UNACCENT)
    words = _unaccented_fr()
    return token in words or fr_key(token) in words or (token.endswith("es") and token[:-2] in words)


@lru_cache(maxsize=2)
def letter_pairs(lang: str) -> frozenset[str]:
    """Every two-letter sequence seen inside the words of the list (for 'impossible sequence' checks)."""
    words = arabic_words() if lang == "ar" else french_words()
    pairs: set[str] = set()
    for w in words:
        pairs.update(w[i : i + 2] for i in range(len(w) - 1))
    if lang == "ar":  # the article and proclitics were stripped from the keys; add their joins
        for w in list(words)[:]:
            for art in ("ال", "لل", "وال", "بال"):
                pairs.add(art[-1] + w[0])
            for p in AR_PROCLITICS:
                pairs.add(p + w[0])
        for a in AR_ARTICLES:
            pairs.update(a[i : i + 2] for i in range(len(a) - 1))
        for s in AR_SUFFIXES:
            pairs.update(s[i : i + 2] for i in range(len(s) - 1))
    return frozenset(pairs)


def edits(a: str, b: str) -> int:
    """Levenshtein distance between two words (letters inserted, dropped or changed)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
