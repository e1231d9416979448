"""Dates and years of a page settled between its two readings, and a date's stray comma.

A rendered vector page is read twice, as binarised and with its strokes thickened
(strokes.py), and the more confident reading is kept whole. Confidence is the page's: the kept
reading may have lost what the other read right in one line. On the Casablanca judgment the
thickened reading, kept for its letters, read ``متم يوليوز 2019`` as ``9`` and the date
``2019/09/6`` as ``2019,09/6`` where the first reading had both whole. So the number tokens of
each kept line are compared with those of the other reading's line at the same place (tokens
aligned in order, as votes.py aligns readings) and a token is taken from the other reading
only when that one is a well-formed date or year and the kept one is not, made of the same
digits or fewer (a lost digit or separator: ``9`` for ``2019``, ``2019096`` for ``2019/09/6``)
or of the same digits plus one (a stroke read as a leading digit: ``22019`` for ``2019``).
Nothing is written that no reading saw. Where the two readings read a number differently and
nothing settles it, the kept line is marked in doubt (``digits_disagree``, the reviewer's
"check against the source"), its text left as read; when the kept reading's number is the
other's with two digits or more lost (``8`` for ``5988``, an account number on the judgment),
the other's number is written and the line stays in doubt all the same.

Apart from that, a date whose separators are slashes but one comma (``2020/03,11``: a slash's
foot lost) gets its slash back when that makes a valid date; the digits stay.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from . import confidence

if TYPE_CHECKING:
    from ..ingest.base import TextLine

# a number token, as votes.py cuts them, but not digits glued to Latin letters: in an Arabic line a word the other
# reading made Latin (``ثاني`` read ``G1``) holds no number, and counting it would put the two readings' numbers out
# of step, so that a date both read broken (``31`` and ``1`` for ``2019/07/31``) went unflagged
NUMBER = re.compile(r"(?<![A-Za-z\d])(?>\d+(?:[.,/:]\d+)*)(?![A-Za-z\d])")
DATE = re.compile(r"(\d{4})([/.-])(\d{1,2})\2(\d{1,2})|(\d{1,2})([/.-])(\d{1,2})\6(\d{4})")
YEAR = re.compile(r"(?:19|20)\d\d")
# a date with slashes read with one comma in the place of a slash: ``2020/03,11``, ``2019,09/6``
COMMA_DATE = re.compile(r"(?<![\d.,/])(\d{4}[/,]\d{1,2}[/,]\d{1,2}|\d{1,2}[/,]\d{1,2}[/,]\d{4})(?![\d/]|[.,]\d)")
LOST = 2  # digits a reading lost, at least (one more digit may be a stroke read as a digit: ``22019``)
_FOLD = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def well_formed(token: str) -> bool:
    """A date (``2019/09/6``, ``11/03/2020``: a year 1900-2099, a month 1-12, a day 1-31) or a year."""
    token = token.translate(_FOLD)
    if YEAR.fullmatch(token):
        return True
    m = DATE.fullmatch(token)
    if not m:
        return False
    if m.group(1):
        year, a, b = m.group(1), int(m.group(3)), int(m.group(4))
    else:
        year, a, b = m.group(8), int(m.group(5)), int(m.group(7))
    # year/month/day, or day/month/year; one of the two small numbers is a month
    return YEAR.fullmatch(year) is not None and 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)


def _digits(token: str) -> str:
    return re.sub(r"\D", "", token.translate(_FOLD))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def better(kept: str, other: str) -> bool:
    """Should the kept reading's token ``kept`` become the other reading's ``other``?"""
    if kept == other or not well_formed(other) or well_formed(kept):
        return False
    a, b = _digits(kept), _digits(other)
    if not a:
        return False
    if len(a) <= len(b):
        return _subsequence(a, b)  # digits or separators lost
    return stroke_digit(kept, other)


def stroke_digit(old: str, new: str) -> bool:
    """Is ``old`` the date or year ``new`` with one digit more in front (``12027`` for ``2027``, ``22019``
    for ``2019``: a dash or a letter's stroke beside it read as a digit), ``old`` being no date itself?"""
    if not well_formed(new) or well_formed(old):
        return False
    a, b = _digits(old), _digits(new)
    return len(a) == len(b) + 1 and a[1:] == b and re.sub(r"\d", "", old) == re.sub(r"\d", "", new)


def lost_digits(kept: str, other: str) -> bool:
    """Did the kept reading lose digits of ``other`` (its digits a part of the other's, in order, at least
    LOST fewer: ``8`` for ``5988``)? More than a stroke read as a digit could add; the number taken stays in doubt."""
    a, b = _digits(kept), _digits(other)
    return bool(a) and len(b) - len(a) >= LOST and _subsequence(a, b) and re.fullmatch(r"\d+", other.translate(_FOLD)) is not None


def settle(kept: str, other: str) -> tuple[str, bool]:
    """``kept`` with the tokens ``other`` reads better put in, and whether the two readings still
    disagree on a number that nothing settled."""
    old, new = NUMBER.findall(kept), NUMBER.findall(other)
    if not old or not new:
        return kept, False
    changes: dict[int, str] = {}
    doubt = False
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op != "replace":
            continue
        if i2 - i1 != j2 - j1:
            continue  # tokens on one side only: a speck, a line cut elsewhere; nothing to compare
        for i, tok in zip(range(i1, i2), new[j1:j2], strict=True):
            if better(old[i], tok):
                changes[i] = tok
            elif not well_formed(old[i]) and not well_formed(tok):
                doubt = True  # neither reading is a date or a year that could settle it
                if lost_digits(old[i], tok):
                    changes[i] = tok  # written, the line still in doubt
    if not changes:
        return kept, doubt
    spans = list(NUMBER.finditer(kept))
    out = kept
    for i in sorted(changes, reverse=True):
        out = out[: spans[i].start()] + changes[i] + out[spans[i].end():]
    return out, doubt


def _overlap(a: TextLine, b: TextLine) -> float:
    """Share of the lower line's height the two lines have in common, when they overlap across."""
    if min(a.x1, b.x1) <= max(a.x0, b.x0):
        return 0.0
    common = min(a.bottom, b.bottom) - max(a.top, b.top)
    return common / max(1e-6, min(a.bottom - a.top, b.bottom - b.top))


def settle_lines(kept: list[TextLine], other: list[TextLine]) -> int:
    """Put into the ``kept`` reading of a page the dates and years its ``other`` reading has
    whole (see the module docstring); returns how many lines changed."""
    changed = 0
    for ln in kept:
        if not NUMBER.search(ln.text):
            continue
        best = max(other, key=lambda o: _overlap(ln, o), default=None)
        if best is None or _overlap(ln, best) < 0.5 or not NUMBER.search(best.text):
            continue
        text, doubt = settle(ln.text, best.text)
        if text != ln.text:
            ln.text = text
            changed += 1
        if doubt and ln.doubt is None:  # a number still read apart (or taken in doubt: lost_digits)
            ln.doubt = confidence.DIGITS
    return changed


def comma_dates(text: str) -> str:
    """``text`` with a date's one comma among slashes made a slash (``2020/03,11`` -> ``2020/03/11``)."""
    if "," not in text or "/" not in text:
        return text

    def fix(m: re.Match[str]) -> str:
        tok = m.group(0)
        if tok.count(",") != 1 or tok.count("/") != 1:
            return tok
        again = tok.replace(",", "/")
        return again if well_formed(again) else tok

    return COMMA_DATE.sub(fix, text)


# the first of a month in French, ``1er juillet``: tesseract reads the raised ``er`` as a percent sign
FIRST_OF_MONTH = re.compile(r"(?<![\d.,/])1%(?= (?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre"
                            r"|octobre|novembre|d[ée]cembre)\b)", re.IGNORECASE)


def first_of_month(text: str) -> str:
    """``1% juillet`` -> ``1er juillet``: a percent sign before a month's name is the raised
    ``er`` of the first day; the digit is the reading's own, no other is written."""
    return FIRST_OF_MONTH.sub("1er", text) if "1%" in text else text
