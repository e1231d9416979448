"""Text clean-up before liblouis, per language (every rule is listed in docs/braille.md).

liblouis works on characters; a few things print readers never notice change
the braille badly:

* bidi marks, zero-width joiners, BOM and soft hyphens (Unicode category Cf) are
  unknown to the tables and would come out as escape codes: removed;
* Arabic tatweel (kashida, U+0640) is a print stretching stroke, brailled by
  ar-ar-g1 as two cells per stroke: removed;
* Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF, from PDFs) are folded
  to the base letters (NFKC on those characters only);
* thousands separators inside a number (space, no-break space, narrow no-break
  space, thin space, Arabic thousands separator U+066C) are removed, so
  ``1 250 000`` is one number with one number sign (every table otherwise
  starts a new number after each space);
* ``٪`` (U+066A) becomes ``%`` and ``٫`` (U+066B) a decimal comma: the Arabic
  table knows only the ASCII forms;
* extended Arabic-Indic digits (Persian/Urdu, U+06F0-U+06F9) become ASCII digits
  for every table; Arabic-Indic digits (U+0660-U+0669) stay for Arabic and become
  ASCII digits for French and English (fr-bfu drops them silently);
* other space characters become a plain space; line breaks inside a paragraph
  become spaces;
* Latin ligatures (U+FB00-U+FB06: ``ﬁ`` ``ﬂ`` ``ﬀ``...) become their letters for every table;
* Arabic marks (harakat, tanween, shadda, sukun, superscript alef, Quranic annotation signs)
  with no Arabic letter before them (left by OCR on a space, a digit or a Latin letter) are
  removed; the superscript (dagger) alef U+0670 after a letter is written as alef ``ا``;
  Quranic annotation signs are removed; Persian/Urdu letter variants that the Arabic table
  lacks (``ی`` ``ک`` ``ہ`` ``ۃ`` ``ٱ``...) become the Arabic letter of the same sound and shape;
  ``۔`` becomes ``.`` and ``٭`` ``*``;
* for French and English: Arabic marks are removed and Arabic punctuation (``،`` ``؛`` ``؟``
  ``۔``) becomes ``,`` ``;`` ``?`` ``.`` (Arabic words themselves go to the Arabic table,
  see ``transform.model.runs``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# every other space character (all of str.isspace(), and U+066C), so that after normalize() the only space is " "
_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\r\n\v\f\u066c"
    "\x1c\x1d\x1e\x1f\x85\u1680\u2028\u2029"
)
_DIGITS = "0-9\u0660-\u0669"
_DIGIT_SET = frozenset("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
# a first group of 1-3 digits (not after a digit, point or comma), then groups of " ddd"; tried with match()
# only where _GROUP_HINT (below) says a group may start
_THOUSANDS = re.compile(rf"(?s)[{_DIGITS}](?<![{_DIGITS}.,].)[{_DIGITS}]{{0,2}}(?: [{_DIGITS}]{{3}})+(?![{_DIGITS}])")
_MULTI_SPACE = re.compile(r" {2,}")


def _removable(ch: str) -> bool:
    return ch == "\u0640" or unicodedata.category(ch) == "Cf"  # tatweel, bidi marks, ZWJ/ZWNJ, BOM, soft hyphen...


@lru_cache(maxsize=8)
def _table(arabic: bool) -> dict[int, str | None]:
    """One str.translate table per script family: removals, spaces, digits, Arabic signs, presentation forms."""
    table: dict[int, str | None] = {}
    for c in list(range(0x00A0, 0x2070)) + [0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB] + list(range(0xE0001, 0xE0080)):
        if _removable(chr(c)):
            table[c] = None
    for c in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]:
        folded = unicodedata.normalize("NFKC", chr(c))
        if folded != chr(c):
            table[c] = folded
    for ch in _SPACES:
        table[ord(ch)] = " "
    for i in range(10):
        table[0x06F0 + i] = str(i)  # extended Arabic-Indic (Persian/Urdu) digits
        if not arabic:
            table[0x0660 + i] = str(i)  # fr-bfu drops Arabic-Indic digits silently
    table[0x066A] = "%"
    table[0x066B] = ","
    for c in range(0xFB00, 0xFB07):  # Latin ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
        table[c] = unicodedata.normalize("NFKC", chr(c))
    for c in _QURANIC:
        table[c] = None
    table.update(_ARABIC_PUNCT)
    if arabic:
        table.update(_ARABIC_VARIANTS)
    else:
        for c in _ARABIC_MARKS:
            table[c] = None
        table.update(_ARABIC_PUNCT_LATIN)
    return table


# Arabic combining marks: harakat, tanween, shadda, sukun, U+0653-U+065F, superscript alef
_ARABIC_MARKS = (*range(0x064B, 0x0660), 0x0670)
# Quranic annotation signs (small high letters, pause marks): no braille in the general code, removed
_QURANIC = (*range(0x0610, 0x061B), *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E5), 0x06E7, 0x06E8, *range(0x06EA, 0x06EE))
_ARABIC_PUNCT = {0x06D4: ".", 0x066D: "*"}  # Urdu full stop, Arabic five-pointed star
_ARABIC_PUNCT_LATIN = {0x060C: ",", 0x061B: ";", 0x061F: "?"}
# letters the Arabic table lacks -> the Arabic letter a reader knows (same sound, same shape without marks)
_ARABIC_VARIANTS = {
    0x0670: "\u0627",  # superscript (dagger) alef: a long a, written as alef
    0x0671: "\u0627", 0x0672: "\u0623", 0x0673: "\u0625", 0x0675: "\u0623",  # alef wasla, wavy hamza, high hamza
    0x0676: "\u0624", 0x0677: "\u0624", 0x0678: "\u0626",
    0x0620: "\u064a", 0x06CC: "\u064a", 0x06D0: "\u064a", 0x06D2: "\u064a",  # Farsi/Kashmiri yeh, yeh barree
    0x06A9: "\u0643", 0x06AA: "\u0643",  # keheh, swash kaf
    0x06C1: "\u0647", 0x06BE: "\u0647", 0x06D5: "\u0647", 0x06C3: "\u0629",  # heh goal, heh doachashmee, ae, teh marbuta goal
    0x06BA: "\u0646", 0x0679: "\u062a", 0x0688: "\u062f", 0x0691: "\u0631", 0x0698: "\u0632",
}
_ARABIC_LETTERS = "\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff"
_MARK_CLASS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
_ANY_MARK = re.compile(f"[{_MARK_CLASS}]")
# marks with no Arabic letter before them (OCR leaves tanween on a space or a digit): removed
_STRAY_MARKS = re.compile(f"(?<![{_ARABIC_LETTERS}{_MARK_CLASS}])[{_MARK_CLASS}]+")


def _char_class(codes: list[int]) -> str:
    """A regex character class for a set of code points, as ranges."""
    codes = sorted(set(codes))
    parts, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        a, z = codes[i], codes[j]
        parts.append(re.escape(chr(a)) if a == z else f"{re.escape(chr(a))}-{re.escape(chr(z))}")
        i = j + 1
    return "[" + "".join(parts) + "]"


@lru_cache(maxsize=8)
def special_codes(arabic: bool) -> frozenset[int]:
    """The characters :func:`normalize` changes for this script family (besides NFC and spacing)."""
    return frozenset(_table(arabic))


@lru_cache(maxsize=8)
def _special(arabic: bool) -> re.Pattern[str]:
    """Matches any character the translate table changes (most paragraphs have none: skip the copy)."""
    return re.compile(_char_class(list(_table(arabic))))


# where a thousands group can start: a space, three digits and no fourth, right after a digit. Cheap to
# search (it starts with a plain space); every _THOUSANDS match holds one at most 3 characters after its start
_GROUP_HINT = re.compile(rf" [{_DIGITS}]{{3}}(?![{_DIGITS}])(?<=[{_DIGITS}] [{_DIGITS}]{{3}})")


def _join_thousands(text: str) -> str:
    """``1 250 000`` -> ``1250000``: the full pattern is tried only where a hint is found.

    A match's first group (1-3 digits) ends right before a hint, so it starts at most 3 characters
    earlier; ``match`` at those starts (the lookbehind still sees what lies before) finds it.
    """
    hint = _GROUP_HINT.search(text)
    if hint is None:
        return text
    out: list[str] = []
    last = 0
    search, match = _GROUP_HINT.search, _THOUSANDS.match
    while hint is not None:
        h = start = hint.start()
        while start > last and h - start < 3 and text[start - 1] in _DIGIT_SET:
            start -= 1  # back to the first digit of the group (the lookbehind rejects a longer run)
        m = match(text, start)
        if m is not None:
            out.append(text[last:start])
            out.append(m.group().replace(" ", ""))
            last = m.end()
        hint = search(text, max(last, h + 1))
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


MAX_WORD = 200
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
_HAS_LONG_WORD = re.compile(rf"(?<!\S)\S{{{MAX_WORD + 1}}}")  # tried at word starts only: cheaper to search
_STEP = MAX_WORD // 2


def _may_have_long_word(text: str) -> bool:
    """False when ``text`` surely has no run of more than MAX_WORD non-space characters.

    Such a run holds a whole window ``text[k*_STEP : k*_STEP + _STEP + 1]``; a window with a plain space
    cannot be inside it. Testing a hundred characters at a time with ``in`` is far cheaper than a regex
    over every character; a window without a plain space (rare) sends the text to the exact regex.
    """
    n = len(text)
    return any(" " not in text[k : k + _STEP + 1] for k in range(0, n - _STEP, _STEP))


def normalize(text: str, lang: str) -> str:
    """Prepare one paragraph's text for the table of ``lang`` (``ar``, ``ary``, ``fr``, ``en``...)."""
    if not text:
        return text
    text = _cut_long_words(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    arabic = lang[:2] == "ar"
    if arabic and _ANY_MARK.search(text):
        text = _STRAY_MARKS.sub("", text)
    special = _special(arabic)
    if special.search(text):  # usually a few characters: replace only those (str.translate walks every character)
        table = _table(arabic)
        text = special.sub(lambda m: table[ord(m.group())] or "", text)
    return _finish(text)


def _cut_long_words(text: str) -> str:
    if len(text) > MAX_WORD and _may_have_long_word(text) and _HAS_LONG_WORD.search(text):
        # liblouis slows down faster than linearly inside one very long "word" (no real word is this long):
        # cut such runs into pieces so a hostile text cannot hold a worker for minutes
        text = _LONG_WORD.sub(lambda m: " ".join(m.group()[i : i + MAX_WORD] for i in range(0, len(m.group()), MAX_WORD)), text)
    return text


def _finish(text: str) -> str:
    """The last steps of normalize(): thousands groups joined, runs of spaces, ends stripped."""
    text = _join_thousands(text)
    if "  " in text:
        text = _MULTI_SPACE.sub(" ", text)
    return text.strip()


# characters official texts often hold that normalize() replaces (Arabic percent, decimal and thousands signs,
# no-break spaces, tatweel, direction marks, zero-width non-joiner): tidy() replaces them itself
_COMMON = "\u066a\u066b\u066c\u00a0\u202f\u0640\u200e\u200f\u200c"


@lru_cache(maxsize=8)
def _common(arabic: bool) -> dict[str, str]:
    table = _table(arabic)
    return {c: table[ord(c)] or "" for c in _COMMON}


@lru_cache(maxsize=8)
def common_pairs(arabic: bool) -> tuple[str, str]:
    """The common replacements as two strings of the same length (``"\0"``: removed), for ``_speed.tidy``."""
    common = _common(arabic)
    if any(len(v) > 1 for v in common.values()):  # pragma: no cover - a table change the C step cannot follow
        raise ValueError("_speed.tidy replaces one character by at most one")
    return "".join(common), "".join(v or "\0" for v in common.values())


# blocks holding the characters with combining class 0 that NFC can join to the character before them
# (Indic and Tibetan vowel signs, Myanmar, Hangul jamo, Balinese, the Brahmic scripts of plane 1);
# tests/braille checks that they hold every such character of Python's Unicode version
_COMPOSES_AFTER = ((0x0900, 0x109F), (0x1100, 0x11FF), (0x1B00, 0x1B7F), (0x11000, 0x11FFF))


def nfc_inert(ch: str) -> bool:
    """True when NFC never changes ``ch`` nor joins it to a neighbour: a text made only of such
    characters is in NFC (the quick check of UAX #15 answers yes for it)."""
    code = ord(ch)
    return (
        unicodedata.combining(ch) == 0
        and unicodedata.normalize("NFC", ch) == ch
        and not any(lo <= code <= hi for lo, hi in _COMPOSES_AFTER)
    )


def tidy(text: str, arabic: bool, unsafe: re.Pattern[str]) -> str | None:
    """:func:`normalize` for text the braille engine has checked, in one regex pass; None if it cannot.

    ``unsafe`` matches every character that is not known to the table, not :func:`nfc_inert`, or
    replaced by normalize(). Each match must be one of the common characters (replaced here with
    ``str.replace``); any other character gives None: the caller uses normalize() and its own
    unknown-character check. A text of NFC-inert characters is in NFC, and the steps run in
    normalize()'s order, so the result is the same.
    """
    text = _cut_long_words(text)
    m = unsafe.search(text)
    if m is not None:
        common = _common(arabic)
        while m is not None:
            ch = m.group()
            repl = common.get(ch)
            if repl is None:
                return None
            pos = m.start()
            text = text.replace(ch, repl)  # every occurrence; the scan goes on from here
            m = unsafe.search(text, pos)
    return _finish(text)
