"""Number tokens of an OCR'd line settled by a vote between readings of two models.

Debian's ``ara`` model has 86 characters: no ``%`` and no Arabic-Indic digit after ``١``. On
an Arabic line it can only read a percent sign as digits (``74 %`` comes out as ``74 90``,
``3 %`` as ``9/03``), and on coarse scans it adds or drops a digit now and then (``2015`` read
as ``22015`` where a superscript letter follows, ``29`` as ``9``). The script model
``Arabic`` (Debian ``tesseract-ocr-script-arab``, 308 characters) was trained on other data:
its errors fall elsewhere (it reads ``%``; it mistakes some letters the language model does
not). Neither is better on every line, so neither replaces the other; a line's numbers are
changed only where readings agree:

* each reading proposes, for each number token of the page's reading, the token found at
  the same place (tokens aligned in order with ``difflib``);
* a proposal is *close* to the token it replaces: one digit more or one fewer (same
  separators, the other digits in order), or the same shape with at most two digits changed;
* it is taken when readings by both models propose it, and more readings propose it than
  keep the page's token (the page's reading counts as one): two models can add the same
  digit at one scale (``2026،`` read as ``42026`` by both on crops enlarged 1.5 times, while
  the script model read ``2026`` at the page's scale and ``ara`` ``22026``);
* a ``%`` is put where the page's reading has a number followed by digits that only the
  script model reads as ``%``, when it reads it so at two scales.

No digit is ever written that no reading saw; a token no two readings agree on stays as it
was read.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

NUMBER = re.compile(r"\d+(?:[.,/:]\d+)*")
MAX_CHANGED = 2  # digits a same-length correction may change
_PERCENT = re.compile(r"^(\d+(?:[.,]\d+)?)[%٪×]$|^[%٪×](\d+(?:[.,]\d+)?)$")
# the script model reads a bold percent sign as a multiplication sign now and then (``60×`` for
# ``60%``, at both scales); a sign there, where ``ara`` read digit junk, is the percent sign
_SIGNS = ("%", "٪", "×")
_JUNK_PERCENT = re.compile(r"^[\d/]{1,4}$")  # what a model without % makes of one: 90, 9, 0, 9/0


def shape(token: str) -> str:
    """The token with every digit as 0 (separators kept)."""
    return re.sub(r"\d", "0", token)


def _digits(token: str) -> str:
    return re.sub(r"\D", "", token)


def one_more_digit(short: str, long: str) -> bool:
    """Is ``long`` ``short`` with one digit more (same separators, same digits in order)?"""
    a, b = _digits(short), _digits(long)
    if len(b) != len(a) + 1 or re.sub(r"\d", "", short) != re.sub(r"\d", "", long):
        return False
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


# a reference number with its separators: decree 2.11.681, decision 1299-13, 22/2642, 65.99
_REFERENCE = re.compile(r"\d+(?:[.\-/]\d+)+")


def lost_part(old: str, new: str) -> bool:
    """Is ``new`` a reference number (digits in groups: ``2.11.681``, ``1299-13``, ``65.99``) of
    which the page's reading ``old`` kept only a run of digits with fewer separators: the
    middle lost (``1`` for ``2.11.681``) or the separator (``6599`` for ``65.99``)? Read with its
    layout, ``ara`` drops the groups of such numbers where the points are faint; a line read
    alone gives them back. Only taken when two readings propose the same number."""
    if not _REFERENCE.fullmatch(new) or old == new:
        return False
    a, b = _digits(old), _digits(new)
    fewer = len(re.sub(r"\d", "", old)) < len(re.sub(r"\d", "", new))
    return bool(a) and fewer and a in b and len(b) <= 2 * len(a) + 8


def close(old: str, new: str) -> bool:
    """Can ``new`` be a better reading of the token read as ``old``?"""
    if old == new:
        return False
    if one_more_digit(old, new) or one_more_digit(new, old):
        return True
    return shape(old) == shape(new) and sum(x != y for x, y in zip(old, new, strict=True)) <= MAX_CHANGED


def proposals(text: str, again: str) -> dict[int, str]:
    """For the number tokens of ``text`` (by index) the close token that ``again``, another
    reading of the same line, has at the same place."""
    old, new = NUMBER.findall(text), NUMBER.findall(again)
    out: dict[int, str] = {}
    if not old or not new:
        return out
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op != "replace":
            continue
        if i2 - i1 == j2 - j1:
            out.update((i, tok) for i, tok in zip(range(i1, i2), new[j1:j2], strict=True) if close(old[i], tok))
            continue
        for i in range(i1, i2):  # a token is put right only by a single close candidate
            cands = [t for t in new[j1:j2] if close(old[i], t)]
            if len(cands) == 1:
                out[i] = cands[0]
    return out


def kept(text: str, again: str) -> set[int]:
    """The number tokens of ``text`` (by index) that ``again`` reads the same, at the same place."""
    old, new = NUMBER.findall(text), NUMBER.findall(again)
    blocks = SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    return {i for a, _b, size in blocks for i in range(a, a + size)}


def vote(text: str, readings: list[tuple[str, str]]) -> dict[int, str]:
    """The number tokens of ``text`` that the ``readings`` (model, text) agree to change: a
    change needs backers from both models, and more of them than the readings that keep the
    token as the page read it (the page's reading counts as one)."""
    old = NUMBER.findall(text)
    backers: dict[tuple[int, str], set[tuple[int, str]]] = {}
    keep: dict[int, int] = {}
    for k, (model, again) in enumerate(readings):
        for i, tok in proposals(text, again).items():
            backers.setdefault((i, tok), set()).add((k, model))
        for i in kept(text, again):
            keep[i] = keep.get(i, 0) + 1
    out: dict[int, str] = {}
    for (i, tok), who in backers.items():
        if len({m for _k, m in who}) >= 2 and len(who) > keep.get(i, 0) + 1:
            out[i] = old[i] if i in out else tok  # two candidates both winning: keep the page's
    return {i: tok for i, tok in out.items() if tok != old[i]}


def apply(text: str, changes: dict[int, str]) -> str:
    """``text`` with its number tokens of the given indexes replaced."""
    spans = list(NUMBER.finditer(text))
    for i in sorted(changes, reverse=True):
        m = spans[i]
        text = text[:m.start()] + changes[i] + text[m.end():]
    return text


def percent_signs(text: str, script_readings: list[str]) -> tuple[str, int]:
    """Put back the ``%`` signs that a model without ``%`` read as digits (``74 90`` for ``74 %``,
    ``9/03`` for ``3 %``): only where every script-model reading shows the number with ``%`` at
    that place (difflib word alignment) and the page's words there are that number and digit
    junk. Returns the text and how many signs were put back."""
    if not script_readings:
        return text, 0
    words = text.split()
    fixes = [_percent_spans(words, again.split()) for again in script_readings]
    agreed = {span: new for span, new in fixes[0].items() if all(f.get(span) == new for f in fixes[1:])}
    for (i1, i2), new in sorted(agreed.items(), reverse=True):
        words[i1:i2] = [new]
    return " ".join(words), len(agreed)


def _percent_spans(words: list[str], other: list[str]) -> dict[tuple[int, int], str]:
    """Spans of ``words`` that ``other`` reads as a number with ``%``, and their new text. The
    place is found by the word before the sign, which must occur once in each reading."""
    found: dict[tuple[int, int], str] = {}
    for j in range(1, len(other)):
        bare = other[j].rstrip(".،,؛")
        tail = other[j][len(bare):]
        anchor = other[j - 1]
        if not any(sign in bare for sign in _SIGNS) or words.count(anchor) != 1 or other.count(anchor) != 1:
            continue
        i = words.index(anchor) + 1
        if bare in _SIGNS:  # the sign read apart: the anchor is its number
            if NUMBER.fullmatch(anchor.lstrip("-–")) and i < len(words) and _JUNK_PERCENT.match(words[i]):
                found[(i, i + 1)] = "%" + tail
            continue
        m = _PERCENT.match(bare)
        if not m:
            continue
        number = m.group(1) or m.group(2)
        for n in (2, 1):
            span = words[i:i + n]
            if len(span) == n and _junk_for(number, span):
                lead = span[0][: len(span[0]) - len(span[0].lstrip("-–"))] if n == 2 else ""
                found[(i, i + n)] = f"{lead}{number} %{tail}"
                break
    return found


def _junk_for(number: str, span: list[str]) -> bool:
    """Are ``span`` the page's words for ``number %`` read without a ``%``: the number then digit
    junk (``74 90``), or one word holding the junk and the number (``9/03``, ``903``)?"""
    if len(span) == 2:
        return span[0].lstrip("-–") == number and bool(_JUNK_PERCENT.match(span[1]))
    word = span[0]
    return len(word) > len(number) and word.endswith(number) and bool(_JUNK_PERCENT.match(word[:-len(number)]))
