"""The next number of a numbered heading series, set at body weight, is that series' next heading.

A model form numbers its parts ``1- ...:`` to ``6- ...:`` in bold, and its last part ``7- ملاحظات حول
الزيارة:`` in plain type (order 1033.21 p. 10). Read alone, that line opens a one-item ordered list, and
the list marker is the part's number. The series tells what it is: a one-line paragraph or list item whose
number is the last numbered heading's number plus one, with the same sign after it (``6-`` then ``7-``), in
the same type size and direction, a title's few words (no sentence end), and no list around it (no item
numbered one less before it, none numbered one more after it), is the series' next heading, at its level.
An unnumbered heading of a higher level than the series' ends the series.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import MAX_HEADING_WORDS

if TYPE_CHECKING:
    from .pdf_blocks import _Group

_NUMBER = re.compile(r"^\s*\(?([0-9\u0660-\u0669]{1,2})\s*([-\u2013.)/])\s*\S")
_END = (".", "!", "?", ";", "؛", "؟")  # a sentence's end: no title


def _number(g: _Group) -> tuple[int, str] | None:
    """(number, sign) opening the group's text, None when it does not open with one."""
    if not g.lines:
        return None
    m = _NUMBER.match(g.lines[0].text)
    if m is None:
        return None
    digits = m.group(1).translate(str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789"))
    sign = "-" if m.group(2) in "-\u2013" else m.group(2)
    return int(digits), sign


def _listed(g: _Group | None, number: int, sign: str) -> bool:
    """Is ``g`` a body group (not a heading) numbered ``number`` with ``sign``?"""
    return g is not None and g.kind in ("item", "paragraph") and _number(g) == (number, sign)


def series_next(groups: list[_Group]) -> int:
    """Turn each next number of a numbered heading series into a heading, in place (module docstring).
    Returns how many groups became headings."""
    last: tuple[int, str, _Group] | None = None
    found = 0
    for i, g in enumerate(groups):
        if g.kind == "heading":
            num = _number(g) if g.legal is None else None
            if num is not None:
                last = (num[0], num[1], g)
            elif last is not None and g.level and g.level < last[2].level:
                last = None  # a higher heading without a number: the series is over
            continue
        if last is None or g.kind not in ("item", "paragraph") or len(g.lines) != 1:
            continue
        num = _number(g)
        n, sign, head = last
        if num != (n + 1, sign) or g.rtl != head.rtl or abs(g.size - head.size) > 0.5:
            continue
        text = g.text
        if len(text.split()) > MAX_HEADING_WORDS or text.rstrip().endswith(_END):
            continue
        before = groups[i - 1] if i > 0 else None
        after = groups[i + 1] if i + 1 < len(groups) else None
        if _listed(before, n, sign) or _listed(after, n + 2, sign):
            continue  # an item of a list numbered on
        g.kind, g.ordered, g.level = "heading", False, head.level
        last = (n + 1, sign, g)
        found += 1
    return found
