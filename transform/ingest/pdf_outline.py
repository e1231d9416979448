"""Heading levels from a numbered outline (run once sizes and weights have set the levels).

Sizes and weights say how a heading is printed, not always where it stands: a part title set a
size smaller on a slide (``III. Situation ...`` where ``I.`` and ``II.`` are larger), or agenda
items (``1/ Pacte ...``) set like the ``Ordre du jour`` heading above them. The numbering says
it. In document order:

* a heading numbered the way an earlier open heading is (``III.`` after ``II.``, ``B.`` after
  ``A.``; kinds: Roman, capital letter, small letter, ``1.``, ``1.1`` by depth, ``أولا``, ``أ-``, a word
  and a number, one kind per word: ``برنامج 300 :``, ``مشروع 1 :``)
  is its sibling and takes its level, closing whatever was opened under it;
* a heading numbered ``2.1.`` goes one level under the last ``2.`` (``2.1.1`` under ``2.1.``; ``1-2 :`` under
  ``1 –``): its number says where it stands, whatever its size;
* a new numbering that starts just under an unnumbered heading of its level or above (nothing
  between them but a short paragraph, on the same page: ``Ordre du jour`` / ``1/ ...``) goes
  one level under it;
* a new numbering that starts right after a numbered heading of its level or above (``أ.`` after
  ``1.``, ``a)`` after ``B.``) divides it: one level under it; a heading numbered like earlier ones
  that an unnumbered heading closed (``ب.`` after ``أ.`` and a box's ``تعليق``) is not set above them;
* an unnumbered heading closes the headings of its level and below; but one printed right after a decimal-numbered
  heading (``3.3.3.``) that its number moved deeper than its size, read at that size's level, is no division beside the
  numbered chapters (it would be numbered): it goes one level under that heading (``Coûts et financements de ces
  leviers`` after ``3.3.3. Leviers opérationnels ...``, set like ``3.3.2.``), and the unnumbered headings after it set
  like it are its siblings, up to the next numbered heading (one set smaller or lighter than it is :mod:`pdf_nesting`'s);
* a numbering that starts again at 1 right after a numbered heading that closed its earlier series (``1.`` under
  ``ب-``, the ``1.``, ``2.`` under ``أ-`` closed by it) is a new series under that heading, not the old one's level.

Lone ``I``, ``V``, ``X`` are capital letters when the document has no other Roman number. Legal
units have their own levels (:func:`pdf_block_kinds.legal_levels`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_blocks import _Group

_SEP = r"\s*[.)\-–—:/]\s*"
_ROMAN = re.compile(r"^\(?([IVXLC]{1,6})" + _SEP + r"\S")
_UPPER = re.compile(r"^\(?([A-Z])" + _SEP + r"\S")
_LOWER = re.compile(r"^\(?([a-z])" + _SEP + r"\S")
_DECIMAL = re.compile(r"^([0-9]{1,2}(?:\.[0-9]{1,2})+)\.?\s+\S")
# a section number written with a dash and closed by a colon ("1-2 : La restauration scolaire", "3 – 10 : Plan ..."):
# the second number under the first, as "1.2" (not "1 – Les tarifs ...", not a range of years)
# a deliberation's number: the year (or the session's date) and its rank ("2020-038 SUBVENTION ...", "20240325 13 Taux ...")
_REFERENCE = re.compile(r"^(?:19|20)[0-9]{2}(?:[0-9]{4})?\s*[-–]?\s*[0-9]{1,3}\s+[^\W\d_]")
_DASHED = re.compile(r"^([0-9]{1,2})\s*[-–]\s*([0-9]{1,2})\s*:\s*\S")
_ARABIC_NUM = re.compile(r"^\(?([0-9\u0660-\u0669]{1,2})" + _SEP + r"\S")
_AR_ORDINAL = re.compile(r"^(?:أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)ً?\s*[:\-–.]")
_AR_LETTER = re.compile(r"^\(?[أبجدهوزحطي]\s*[)\-–.]\s*\S")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# a label of a series of tables or states ("ETAT « A » : RECETTES", "الجدول -ج-", "Tableau 3 - ..."): a numbering of its own
_SERIES = re.compile(r"^(?:ETAT|Etat|État|TABLEAU|Tableau|الجدول|جدول)(?:\s*[«\"“(\-–]\s*|\s+)(?:[A-Z]|[0-9]{1,3}|[\u0621-\u064a])"
                     r"\s*[»\"”)\-–]?(?:\s*$|\s*[:.\-–]|\s+\S)")


# a named number: a word, a number and a separator ("برنامج 300 : ...", "مشروع 1 : ...", "Axe 2 - ...", "Programme 4 : ...");
# each word is a numbering of its own, so projects go under the programme they follow
_NAMED = re.compile(r"^([^\W\d_]{3,12})\s+[0-9\u0660-\u0669]{1,4}\s*[:\-–]\s*\S")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}\b")  # "Année 2024 : ..." is a date, not a number
_NOT_NAMED = frozenset({"annexe", "annex", "ملحق", "الملحق", "page", "pages", "tableau", "etat", "état"})


# a decimal number whose first digit the text layer lost (".1.2. التنوع ..." for "2.1.2."): a dot, then two numbers or more
_DECIMAL_CUT = re.compile(r"^\.([0-9]{1,2}(?:\.[0-9]{1,2})+)\.?\s*[^\W\d_]")


def opens_decimal(text: str) -> bool:
    """Does a heading open with a decimal section number (``2.1.2.``, ``3.3.``), or with one whose first digit was
    lost (``.1.2.``)? :func:`numbering` does not count the second (its depth is not known)."""
    t = text.strip()
    return _DECIMAL.match(t) is not None or _DECIMAL_CUT.match(t) is not None


def cut_depth(text: str) -> int | None:
    """The depth of a decimal section number whose first digit was lost (``.1.2.`` 3), None for any other opening."""
    m = _DECIMAL_CUT.match(text.strip())
    return m.group(1).count(".") + 2 if m else None


def _roman_value(s: str) -> int | None:
    """The value of a well-formed small Roman numeral (``IV`` = 4), None when it is not one."""
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if _ROMAN_VALUES.get(b, 0) > v else v
    return total if 0 < total < 40 else None


def numbering(text: str) -> str | None:
    """The kind of number in front of a heading: ``roman``, ``upper``, ``lower``, ``decimal2`` (``1.1``;
    the digit is the depth), ``number``, ``ar-ordinal``, ``ar-letter``, ``series`` (``ETAT « A »``, ``الجدول -ج-``), ``reference`` (``2020-038``),
    ``named:<word>`` (``برنامج 300 :``, ``مشروع 1 :``: one numbering per word); None for an unnumbered one.
    A lone ``I``, ``V``, ``X``... is taken for a Roman numeral here; :func:`outline_levels` counts it
    with the capital letters when the document has no other Roman number."""
    t = text.strip()
    if _SERIES.match(t):
        return "series"
    if _REFERENCE.match(t):
        return "reference"
    m = _ROMAN.match(t)
    if m and _roman_value(m.group(1)) is not None:
        return "roman"
    if _UPPER.match(t):
        return "upper"
    if _LOWER.match(t):
        return "lower"
    m = _DECIMAL.match(t)
    if m:
        return f"decimal{m.group(1).count('.') + 1}"
    if _DASHED.match(t):
        return "decimal2"
    if _ARABIC_NUM.match(t):
        return "number"
    if _AR_ORDINAL.match(t):
        return "ar-ordinal"
    if _AR_LETTER.match(t):
        return "ar-letter"
    m = _NAMED.match(t)
    if m and m.group(1).lower() not in _NOT_NAMED and not _YEAR.match(t[m.end(1):].strip()):
        return "named:" + m.group(1).lower()
    return None


def outline_levels(groups: list[_Group]) -> None:
    """Levels of numbered headings, in document order (see the module docstring)."""
    where = {id(g): i for i, g in enumerate(groups)}
    heads = [g for g in groups if g.kind == "heading" and g.legal is None and g.lines]
    kinds = [numbering(g.lines[0].text) for g in heads]
    romans = [g for g, k in zip(heads, kinds, strict=True) if k == "roman"]
    if romans and not any(len(_number(g)) > 1 for g in romans) and sum(_number(g) == "I" for g in romans) < 2:
        # only one-letter numbers and no second "I": capital letters (A., ..., I.), not a Roman outline
        kinds = ["upper" if k == "roman" else k for k in kinds]
    stack: list[tuple[str | None, int]] = []  # the headings the current one stands under: (numbering, level)
    before: _Group | None = None
    last: dict[str, int] = {}  # the level of the last heading of each numbering (a box's heading between them closes none)
    ranks: dict[str, int] = {}  # the rank of the last heading of each numbering (``B`` 2, ``III`` 3)
    read = {id(g): g.level or 1 for g in heads}  # the levels the sizes gave
    sibling: tuple[int, int, int] | None = None  # (read level, level, page) of the last unnumbered heading put under a decimal one
    for g, kind in zip(heads, kinds, strict=True):
        level = g.level or 1
        # the heading before it introduces it: just above it, on its page, nothing between them but a short paragraph
        under = before is not None and where[id(g)] - where[id(before)] <= 2 and before.lines[-1].page == g.lines[0].page
        at = next((k for k in range(len(stack) - 1, -1, -1) if kind is not None and stack[k][0] == kind), None)
        parent = _decimal_parent(last, kind)
        if parent is not None:
            g.level = min(6, parent + 1)  # "2.1." under "2.", "2.1.1" under "2.1.", as their numbers say
            while stack and stack[-1][1] >= g.level:
                stack.pop()
        elif at is not None:
            g.level = stack[at][1]  # a sibling of an earlier heading numbered the same way
            del stack[at:]
        elif kind is not None and kind in last and rank(g.lines[0].text, kind) == ranks.get(kind, -1) + 1:
            g.level = last[kind]  # "B-" after "A-", an unnumbered sub-heading between them: the next of the series, its level
            while stack and stack[-1][1] >= g.level:
                stack.pop()
        elif kind is not None and stack and level <= stack[-1][1] and under and stack[-1][0] is None:
            g.level = min(6, stack[-1][1] + 1)  # a new numbering opens under the heading before it
        elif kind == "reference" and kind in last:
            g.level = last[kind]  # deliberations numbered in one series are siblings, whatever their sizes (OCR's estimates)
            while stack and stack[-1][1] >= g.level:
                stack.pop()
        elif kind is not None and kind in last and level < last[kind] and not _restarts(g, kind, stack):
            g.level = last[kind]  # numbered like earlier headings that an unnumbered one closed ("ب." after "■ تعليق"): their level
            while stack and stack[-1][1] >= g.level:
                stack.pop()
        elif kind is not None and (kind not in last or _restarts(g, kind, stack)) and stack and level <= stack[-1][1] \
                and stack[-1][0] is not None and not kind.startswith("decimal"):
            g.level = min(6, stack[-1][1] + 1)  # a new numbering right after a numbered heading: its subdivisions
        elif kind is None and before is not None and stack and stack[-1][0] is not None and stack[-1][0].startswith("decimal") \
                and read.get(id(before)) == level and (before.level or 1) > level and not _under_by_type(g, before):
            g.level = min(6, (before.level or 1) + 1)  # unnumbered, set like the "3.3.2." its number moved down: under it
            sibling = (level, g.level, g.lines[-1].page)
        elif kind is None and sibling is not None and level == sibling[0] and g.lines[0].page <= sibling[2] + 1 \
                and _ANNEX.match(g.text.strip()) is None:
            g.level = sibling[1]  # the next unnumbered heading set like it, on its page or the next: its sibling
            sibling = (level, g.level, g.lines[-1].page)
        else:
            while stack and stack[-1][1] >= level:
                stack.pop()
        if sibling is not None and (kind is not None or level < sibling[0]):
            sibling = None
        stack.append((kind, g.level or 1))
        if kind is not None:
            last[kind] = g.level or 1
            ranks[kind] = rank(g.lines[0].text, kind) or -9
        before = g


def _under_by_type(g: _Group, before: _Group) -> bool:
    """Is ``g`` set smaller or lighter than the heading before it? Then :mod:`pdf_nesting` places it (and the series that
    opens under it: ``A- ...`` under ``Modalités ...``, plain type under the bold ``1-2 : ...``)."""
    bold = all(ln.bold for ln in before.lines) and not all(ln.bold for ln in g.lines)
    return g.size <= before.size - 0.5 or bold


def _restarts(g: _Group, kind: str, stack: list[tuple[str | None, int]]) -> bool:
    """Does ``g`` open its numbering again (``1.`` under ``ب-``, after the ``1.``, ``2.`` under ``أ-``), right after a
    numbered heading that closed the earlier series (none of it is open): a new series, under that heading."""
    return rank(g.lines[0].text, kind) == 1 and bool(stack) and stack[-1][0] not in (None, kind) \
        and all(k != kind for k, _ in stack)


_ANNEX = re.compile(r"^(?:annexe|annex|(?:ال)?ملحق)\b", re.IGNORECASE)
_AR_LETTERS = "أبجدهوزحطي"
_AR_ORDINALS = ("أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا")


def rank(text: str, kind: str | None) -> int | None:
    """The rank of a heading's number in its series (``A-`` 1, ``III.`` 3, ``ب-`` 2, ``ثانيا`` 2, ``4)`` 4); None
    for a numbering without ranks (``1.1``, a series' label, a deliberation's reference) or an unnumbered heading."""
    t = text.strip().lstrip("(")
    if not t or kind is None:
        return None
    if kind == "roman":
        m = _ROMAN.match(text.strip())
        return _roman_value(m.group(1)) if m else None
    if kind in ("upper", "lower"):
        return ord(t[0].upper()) - ord("A") + 1
    if kind == "number" or kind.startswith("named:"):
        m = re.search(r"[0-9\u0660-\u0669]{1,4}", t)
        return int(m.group(0).translate(_INDIC)) if m else None
    if kind == "ar-letter":
        return _AR_LETTERS.find(t[0]) + 1 or None
    if kind == "ar-ordinal":
        return next((k + 1 for k, w in enumerate(_AR_ORDINALS) if t.startswith(w)), None)
    return None


_INDIC = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789")


def _decimal_parent(last: dict[str, int], kind: str | None) -> int | None:
    """The level of the heading a ``1.1``-style number goes under: the last one numbered a level shallower
    (``2.1.`` under the last ``2.``, a plain ``number``); None without one."""
    if kind is None or not kind.startswith("decimal"):
        return None
    depth = int(kind.removeprefix("decimal"))
    return last.get("number" if depth == 2 else f"decimal{depth - 1}")


def _number(g: _Group) -> str:
    m = _ROMAN.match(g.lines[0].text.strip())
    return m.group(1) if m else ""
