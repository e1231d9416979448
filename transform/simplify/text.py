"""Text helpers shared by the Darija engines and metrics: normalisation, matching keys, tokens."""

from __future__ import annotations

import unicodedata

import regex

TASHKEEL = regex.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED]")
TATWEEL = "\u0640"
ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
ARABIC_LETTER = regex.compile(r"(?=\p{L})\p{Script=Arabic}")
LATIN_LETTER = regex.compile(r"(?=\p{L})\p{Script=Latin}")
WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*|\d+(?:[.,]\d+)*")
PLACEHOLDER = regex.compile(r"⟦(\d+)⟧")
# house orthography: liblouis ar-ar-g1 cannot braille ڭ / ݣ (DARIJA_GUIDE §3.1 rule 8)
FORBIDDEN_LETTERS = {"\u06ad": "گ", "\u0763": "گ"}


def normalize(text: str) -> str:
    """NFKC, no tatweel or tashkeel, ASCII digits, plain spaces (§3.2 normalize)."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace(TATWEEL, "")
    text = TASHKEEL.sub("", text)
    text = text.translate(ARABIC_INDIC)
    text = text.replace("٫", ",").replace("٬", " ").replace("،", "،")
    text = regex.sub(r"[\u00a0\u202f\u2007\u2009]", " ", text)
    text = regex.sub(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    return " ".join(text.split())


_KEY_TABLE = str.maketrans("أإآٱىة", "اااايه")
_HAS_MARKS = regex.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED]")


def key(word: str) -> str:
    """Matching key: hamza forms, ى/ي and ة/ه unified (never used for output)."""
    w = TASHKEEL.sub("", word.replace(TATWEEL, "")) if ("\u0640" in word or not word.isalpha()) or _HAS_MARKS.search(word) else word
    return w.translate(_KEY_TABLE)


def house_orthography(text: str) -> str:
    for bad, good in FORBIDDEN_LETTERS.items():
        text = text.replace(bad, good)
    return TASHKEEL.sub("", text)


def words(text: str) -> list[str]:
    """Tokens of §4: Arabic/Latin letter words and digit groups."""
    return WORD.findall(text)


def word_count(text: str) -> int:
    return len(words(text))


def script_of(text: str) -> str:
    """'arabic', 'latin', 'other' (letters of another script) or 'none' (no letters)."""
    ar = len(ARABIC_LETTER.findall(text))
    la = len(LATIN_LETTER.findall(text))
    other = sum(1 for ch in text if ch.isalpha()) - ar - la
    if ar == la == other == 0:
        return "none"
    best = max(ar, la, other)
    return "arabic" if best == ar else "latin" if best == la else "other"


_SENT_END = regex.compile(r"(?<=[.!?؟؛])\s+|\n+")


def sentences(text: str) -> list[str]:
    """Split on . ! ? ؟ ؛ and newlines (never inside 2,8 or 111.14: those have no space after the dot)."""
    return [s.strip() for s in _SENT_END.split(text) if s and s.strip() and words(s)]


def tidy(text: str) -> str:
    """Join tokens: no space before punctuation, single spaces, one final stop."""
    text = " ".join(text.split())
    text = regex.sub(r"\s+([.،,:!?؟؛])", r"\1", text)
    text = regex.sub(r"([.،:])(?:\s*[.،:])+", lambda m: "." if "." in m.group(0) else m.group(1), text)
    text = regex.sub(r"^[\s.،:]+", "", text)
    return text.strip()
