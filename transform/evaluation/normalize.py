"""Normalisation and tokens shared by the truth pages and the reader's output.

What is folded (see tests/realdocs/README.md): NFKC, Arabic harakat, Arabic-Indic digits,
quote and dash variants, invisible format characters (bidi marks, zero-width joiners, soft
hyphen), whitespace. What still counts: every letter, a broken lam-alef, justification
kashida (tatweel), a swapped digit, a bracket out of place.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import regex

_HARAKAT = "".join(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)])
_INVISIBLE = "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc\u02bb"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

_TABLE: dict[int, str | None] = {ord(c): None for c in _HARAKAT + _INVISIBLE}
_TABLE.update({0x0660 + d: str(d) for d in range(10)})
_TABLE.update({0x06F0 + d: str(d) for d in range(10)})
_TABLE.update({ord(c): "'" for c in _SINGLE_QUOTES})
_TABLE.update({ord(c): '"' for c in _DOUBLE_QUOTES})
_TABLE.update({ord(c): "-" for c in _DASHES})
_TABLE.update({0x066A: "%", 0x066B: ".", 0x066C: ","})  # Arabic percent, decimal and thousands separators

TATWEEL = "\u0640"
# Note calls the reader writes as ``[1]`` (office footnotes): the truth leaves call marks out.
_NOTE_CALL = re.compile(r"\[\d{1,3}\]")


_NOTE_NUMBER = re.compile(r"^(\s*)\[(\d{1,3})\](?=\s)")


def note_number(text: str) -> str:
    """A paragraph that opens with ``[1]`` is a note printed with its number: the number is text
    (``[1] Dont 9 MDH`` reads as ``1 Dont 9 MDH``, as the same note does in a PDF), unlike the call
    marks inside a text. Applied to truth and output paragraphs alike; the word count is kept."""
    return _NOTE_NUMBER.sub(r"\1\2", text) if text.lstrip().startswith("[") else text


def normalize(text: str) -> str:
    """The comparison form of a text: NFKC, folds above, whitespace collapsed to single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_TABLE)
    if "[" in text:
        text = _NOTE_CALL.sub(" ", text)
    return " ".join(text.split())


_EDGES = regex.compile(r"^[\p{P}\p{S}\p{Z}]+|[\p{P}\p{S}\p{Z}]+$")  # tatweel (Lm) is not an edge


def word_key(token: str) -> str:
    """A normalised token without leading/trailing punctuation and symbols (``(2026),`` -> ``2026``)."""
    return _EDGES.sub("", token)


@dataclass(frozen=True, slots=True)
class Word:
    """One compared word: ``key`` is aligned, ``raw`` (with its punctuation) feeds the number check."""

    key: str
    raw: str
    source: int = 0  # index of the whitespace token of the source text it came from


# A run of three dots or more (a form's dotted blank, an ellipsis: NFKC makes ``…`` three dots) is a gap between
# words, never part of one: ``ب........(مكان`` is the words ``ب`` and ``مكان`` with a blank between them, read
# glued or spaced. The run stays a punctuation-only part (in the ``raw`` of the word before it).
_LEADER = re.compile(r"\.{3,}")


def _split(normalised: str) -> list[str]:
    if "..." in normalised:
        normalised = _LEADER.sub(r" \g<0> ", normalised)
    return normalised.split()


def words(text: str, sources: bool = False) -> list[Word]:
    """Words of a text in logical order. Punctuation-only tokens are not words of their own:
    they stay in the ``raw`` form of the word before them (or after, at the start); a dotted
    blank (three dots or more) parts the words it touches (:data:`_LEADER`).
    ``sources``: fill ``Word.source`` (slower: each whitespace token is normalised alone)."""
    if sources:
        parts = [(src, part) for src, token in enumerate(text.split()) for part in _split(normalize(token))]
    else:
        parts = [(0, part) for part in _split(normalize(text))]
    out: list[Word] = []
    pending = ""
    for src, part in parts:
        key = word_key(part)
        if not key:
            if out:
                last = out[-1]
                out[-1] = Word(last.key, f"{last.raw} {part}", last.source)
            else:
                pending = f"{pending}{part} "
            continue
        out.append(Word(key, pending + part, src))
        pending = ""
    return out


_MARKER = re.compile(
    r"^(?:(?:[-–•▪◦●■□►✓*]|\(?\d{1,3}[.)\-]|\(?[A-Za-z\u0621-\u064a]\)|[a-z]\.)(?=\s)"  # "a." yes, not "M." (Monsieur)
    r"|\d{1,3} [-–](?=\s+[^\W\d_]))"  # "١ - القانون" (Egyptian laws), not "10 - 20 %"
)


def strip_list_marker(text: str) -> str:
    """A list item's text without a printed bullet or item number (``1.``, ``2)``, ``b)``, ``أ)``, ``١ -``);
    a letter with a full stop stays (``M. Dupont``)."""
    text = text.strip()
    m = _MARKER.match(text)
    return text[m.end() :].strip() if m else text


# -- number and date tokens -------------------------------------------------------------

# a percent sign before the digits is the same percentage typed in an Arabic line's order (``%10``)
_NUMBER = re.compile(r"(?<!\d)(?:% ?)?(?:\d{1,3}(?: \d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,:/\-]\d+)*)(?: ?%)?")
_DAY, _MON = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
_NUMERIC_DATE = re.compile(rf"^{_DAY}([/.\-]){_MON}\1(?:\d{{2}}|\d{{4}})$|^\d{{4}}([/.\-]){_MON}\2{_DAY}$")

_MONTHS_AR = [
    # Hijri
    "محرم", "صفر", "ربيع الأول", "ربيع الاول", "ربيع الآخر", "ربيع الاخر", "ربيع الثاني", "ربيع الثانى",
    "جمادى الأولى", "جمادى الاولى", "جمادى الآخرة", "جمادى الاخرة", "جمادى الثانية", "جمادى الأخرى",
    "جمادي الأولى", "جمادي الاولى", "جمادي الآخرة", "جمادي الاخرة", "جمادي الثانية",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذي القعدة", "ذو الحجة", "ذي الحجة",
    # Gregorian (Maghreb, Mashriq and Levantine names)
    "يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "ماي", "مايو", "يونيو", "يونيه", "يوليوز", "يوليو",
    "يوليه", "غشت", "أغسطس", "اغسطس", "شتنبر", "سبتمبر", "أكتوبر", "اكتوبر", "نونبر", "نوفمبر", "دجنبر", "ديسمبر",
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
    "تشرين الثاني", "كانون الأول",
]  # fmt: skip
_MONTHS_FR = [
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
    "septembre", "octobre", "novembre", "décembre", "decembre",
]  # fmt: skip
_MONTH = "|".join(sorted((re.escape(normalize(m)) for m in _MONTHS_AR + _MONTHS_FR), key=len, reverse=True))
_DATE = re.compile(
    rf"(?<![\d.,/])(?:[0-3]?\d|1er|فاتح) (?:من )?(?:{_MONTH}) \d{{3,4}}(?!\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Token:
    """A number or a date found in a normalised text: ``kind`` is ``number`` or ``date``."""

    kind: str
    text: str
    start: int
    end: int


def _canon(text: str) -> str:
    """One spelling per number: ``12 %``, ``12%``, ``%12`` and ``% 12`` are ``12%``."""
    if text.startswith("%"):
        text = text[1:].lstrip() if text.endswith("%") else text[1:].lstrip() + "%"
    return text.replace(" %", "%")


def number_tokens(text: str) -> list[Token]:
    """Numbers (digit runs with inner separators, grouped thousands, a ``%`` after or before them) and dates
    (day + month name + year, numeric dates) of a normalised text, in order of position.
    Numeric dates such as ``25/06/2026`` are reported as dates."""
    found: list[Token] = []
    for m in _NUMBER.finditer(text):
        s = _canon(m.group())
        found.append(Token("date" if _NUMERIC_DATE.match(s) else "number", s, m.start(), m.end()))
    for m in _DATE.finditer(text):
        found.append(Token("date", " ".join(m.group().lower().split()), m.start(), m.end()))
    found.sort(key=lambda t: (t.start, t.kind))
    return found
