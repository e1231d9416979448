"""Unnumbered headings nest under the heading printed right before them (levels nest as printed).

Sizes give a document's headings absolute levels (a size, a level), and the numbered outline moves numbered
headings deeper than their size says (:mod:`pdf_outline`: ``أ.`` under ``1.``, ``2.1.1`` under ``2.1.``). An
unnumbered heading printed under such a heading kept its size's level and came out above it: the boxed ``■ تعليق``
under ``أ. بنية أعداد الموظفين`` at level 2 where ``أ.`` is 3, a bold 12 pt ``Rapports de compatibilité`` under a 16 pt
``Introduction`` at the same level, ``Modalités de détermination des tarifs`` (plain type) under the bold
``1-2 : La restauration scolaire`` above it. Here, in document order, on text-layer pages:

* an unnumbered heading set smaller than the heading just before it (or at its size in a lighter weight) and read
  at its level or above goes one level under it;
* but not under the last heading of a title page (a cover's subtitle), from the pages after it;
* an unnumbered heading printed at the size, weight and read level of the unnumbered heading just before it that
  was moved is moved with it: the two are siblings (``Taux applicables pour 2014`` after ``Modalités ...``);
* the headings numbered in a way not used before it, read under a heading so moved (its sub-headings, on its page,
  until a heading read at its level or above), move down with it (a box's title ``محددات نفقات الاستثمار ...`` moved under ``برنامج 300`` takes its
  ``مشروع 1 :`` / ``مشروع 2 :`` with it);
* an unnumbered heading printed right under a heading that opens with a decimal section number (``2.1.2.``, or
  ``.1.2.`` whose first digit the text layer lost), on its page with at most a paragraph between them, goes one level
  under it whatever its size (a division beside the numbered sections would be numbered: the 14 pt ``أ.`` title, its
  letter lost, under a 13 pt ``2.1.2.``); a ``.1.2.``-style heading takes the level of the last one of its depth (up
  to a heading set above it), whatever the smaller headings between them;
* the heading "just before" passes over the headings set smaller than it and than the body that were moved under
  the one before them: a report's small sub-heading (``• استنزاف الموارد ...``, 10 pt over 14-pt text) between two of
  its 14-pt sections does not part them.

* an unnumbered heading printed like the numbered headings just before it (their size and weight) that came out
  above all of them (the outline moved them under their size's level: ``مشروع 3 :`` under ``برنامج 301``, both of the
  heading's print) goes one level under the last of them: beside them it would be numbered too (``ميزانية التسيير``
  under ``مشروع 3 :``, not over its own project); only when the heading its level meets first, going back, is of
  another print (``2. محددات ...``, a box's title): one of its print there (``II.`` before ``Conclusion``) makes it a
  sibling; the unnumbered headings nested under it on its page (its underlined subtitles) go down with it.

Legal units, official texts' titles, rubrics and annexes (and the headings inside an annex) keep their own levels (:mod:`pdf_levels`,
:func:`pdf_block_kinds.legal_levels`), and nothing is moved on OCR'd pages, whose sizes are estimates.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_levels import _scopes
from .pdf_outline import cut_depth, numbering, opens_decimal, rank

if TYPE_CHECKING:
    from .pdf_blocks import _Group

SMALLER = 0.5  # points: a heading set this much smaller than the one before it is printed under it
BELOW_BODY = 0.85  # a heading set under this share of the body is a report's lowest rank
# what never nests under the heading before it: an official text's title, an annex, a legal unit's label
_OWN_LEVEL = re.compile(r"^(?:Dahir|Décret|Arrêté|Loi|Décision|Circulaire|ظهير|مرسوم|قرار|قانون|مقرر|منشور|دورية)\b|"
                        r"^(?:ال)?ملحق(?:[\s:.\-–]|$)|^annexe\b", re.IGNORECASE)


def _text_layer(g: _Group) -> bool:
    return all(hasattr(ln, "baseline") for ln in g.lines)


def _bold(g: _Group) -> bool:
    return all(ln.bold for ln in g.lines)


def _plain(g: _Group) -> bool:
    """An unnumbered heading that may nest: not a legal unit, a text's title or an annex, on a text layer, and not
    opening with a number of another kind (a deliberation's ``2020-048 LOCATION ...``)."""
    text = g.text.strip()
    return (g.legal is None and _text_layer(g) and numbering(g.lines[0].text) is None and not text[:1].isdigit()
            and not text.startswith(("•", "-", "–")) and _OWN_LEVEL.match(text) is None)


def nest_unnumbered(groups: list[_Group]) -> None:
    """Levels of unnumbered headings under the heading before them (see the module docstring)."""
    heads = [g for g in groups if g.kind == "heading" and g.lines]
    annexed = {id(heads[k]) for _, a, end in _scopes(heads) for k in range(a, end)}  # levelled by annex_levels
    heads = [g for g in heads if id(g) not in annexed]
    read = {id(g): g.level or 1 for g in heads}  # the levels as the sizes and the outline gave them
    titles = _title_pages(groups)
    moved: set[int] = set()
    # (read level, shift, page, numberings used before it) of the last heading moved down: its sub-headings numbered
    # in a new way follow it
    carry: tuple[int, int, int, set[str]] | None = None
    carried: set[str] = set()  # numberings carried under a moved heading: they may be again, under the next one
    series: dict[str, tuple[int, int, int]] = {}  # a numbering opened under a moved heading: (read level, level, last rank)
    where = {id(g): i for i, g in enumerate(groups)}
    cuts: dict[int, int] = {}  # the level of the last heading whose decimal number lost its first digit, by depth
    for k in range(1, len(heads)):
        g, j = heads[k], k - 1
        if _cut_sibling(g, heads[k - 1], cuts):
            continue
        if _series(g, heads[k - 1], read, moved, series):
            continue
        if carry is not None and (read[id(g)] <= carry[0] or g.lines[0].page != carry[2]):
            carry = None
        kind = numbering(g.lines[0].text)
        if carry is not None and g.legal is None and kind is not None and (kind not in carry[3] or kind in carried) \
                and not kind.startswith("decimal") and _text_layer(g):  # a "2.1.1" goes where its number says
            g.level = min(6, read[id(g)] + carry[1])  # "مشروع 1 :" under the box's title moved under "برنامج 300"
            carried.add(kind)  # the next box's own "مشروع 1 :" goes under it as well
            continue
        while j > 0 and id(heads[j]) in moved and heads[j].size <= g.size - SMALLER and heads[j].size < BELOW_BODY * heads[j].body:
            j -= 1  # a smaller heading nested under the one before it: its rank ended, ``g`` follows that one
        prev = heads[j]
        if not _plain(g) or prev.legal is not None or not _text_layer(prev):
            continue
        if prev.lines[-1].page in titles and g.lines[0].page != prev.lines[-1].page:
            continue  # the last line of a title page holds nothing of what follows (a cover's subtitle over ``ملخص``)
        lighter = abs(g.size - prev.size) < SMALLER and _bold(prev) and not _bold(g)
        if ((g.size <= prev.size - SMALLER or lighter) or _under_decimal(g, heads[k - 1], where)) and read[id(g)] <= read[id(prev)]:
            g.level = min(6, (prev.level or 1) + 1)
            moved.add(id(g))
            carry = (read[id(g)], g.level - read[id(g)], g.lines[-1].page, {kd for h in heads[:k] if (kd := numbering(h.lines[0].text))}) \
                if g.level > read[id(g)] else None
        elif id(prev) in moved and _plain(prev) and abs(g.size - prev.size) < SMALLER and _bold(g) == _bold(prev) \
                and read[id(g)] == read[id(prev)]:
            g.level = prev.level
            moved.add(id(g))
    _series_on(heads, read)
    _under_numbered(heads, read, moved)


def _series_on(heads: list[_Group], read: dict[int, int]) -> None:
    """A numbered heading takes the level of the member of its series just before it (``مشروع 3 :`` after ``مشروع 2 :``,
    on the next page: the nesting that placed the first members holds on their page only), when both are printed alike
    and read at one level, and no heading of another numbering read at or above that level comes between them."""
    last: dict[str, tuple[_Group, int]] = {}  # numbering -> (its last heading, its rank)
    for g in heads:
        kind = numbering(g.lines[0].text) if g.legal is None and _text_layer(g) else None
        for other in [kd for kd, (h, _) in last.items() if kd != kind and kind is not None and read[id(g)] <= read[id(h)]]:
            del last[other]  # "برنامج 301" closes the projects of "برنامج 300"
        number = rank(g.lines[0].text, kind) if kind is not None else None
        if kind is None or number is None or kind.startswith("decimal"):
            continue
        before = last.get(kind)
        if before is not None and before[1] == number - 1 and _same_print(before[0], g) \
                and read[id(before[0])] == read[id(g)] and (before[0].level or 1) > (g.level or 1):
            g.level = before[0].level
        last[kind] = (g, number)


def _same_print(a: _Group, b: _Group) -> bool:
    return abs(a.size - b.size) < SMALLER and _bold(a) == _bold(b)


def _under_numbered(heads: list[_Group], read: dict[int, int], moved: set[int]) -> None:
    """Unnumbered headings that came out above the numbered headings of their print before them go under the last
    of them (module docstring)."""
    placed: set[int] = set()
    for k, g in enumerate(heads):
        if id(g) in moved or not _plain(g) or not _bold(g):
            continue
        last = None
        for h in reversed(heads[:k]):
            if id(h) in placed or not _text_layer(h) or h.legal is not None:
                continue
            if read[id(h)] <= read[id(g)]:
                if not _same_print(h, g) and last is not None and (g.level or 1) <= (last.level or 1):
                    was, g.level = g.level or 1, min(6, (last.level or 1) + 1)
                    placed.add(id(g))
                    _take_along(heads, k, was, moved)
                break
            if last is None and _same_print(h, g) and numbering(h.lines[0].text) is not None:
                last = h


def _take_along(heads: list[_Group], k: int, was: int, moved: set[int]) -> None:
    """The unnumbered headings nested under ``heads[k]`` before it was moved down from level ``was`` (the lighter
    subtitles printed under it, on its page, right after it): down with it, under it again (``ميزانية التسيير`` moved
    under ``مشروع 1 :`` takes its underlined subtitles along)."""
    g = heads[k]
    for h in heads[k + 1:]:
        if id(h) not in moved or not _plain(h) or h.lines[0].page != g.lines[-1].page or (h.level or 1) <= was:
            break
        h.level = min(6, (h.level or 1) + (g.level or 1) - was)


def _cut_sibling(g: _Group, prev: _Group, cuts: dict[int, int]) -> bool:
    """Keep ``cuts`` (the level of the last ``.1.2.``-style heading, its first digit lost, of each depth) up to date with
    the heading before ``g``, and place ``g`` when it is one of them: a ``2.1.2.`` takes the level of the ``2.1.1.`` before
    it (up to a heading set above it), whatever the smaller headings between them. True when ``g`` was so placed."""
    d = cut_depth(prev.lines[0].text) if _plain(prev) else None
    level = prev.level or 1
    for x in [x for x, lv in cuts.items() if (x > d if d is not None else lv >= level)]:
        del cuts[x]
    if d is not None:
        cuts[d] = level
    d = cut_depth(g.lines[0].text) if _plain(g) else None
    if d is None or d not in cuts:
        return False
    g.level = cuts[d]
    return True


def _under_decimal(g: _Group, prev: _Group, where: dict[int, int]) -> bool:
    """Is ``g`` (unnumbered) printed right under a heading that opens with a decimal section number (``2.1.2.``, or
    ``.1.2.`` with its first digit lost), on its page, with at most a paragraph between them? A division beside the
    numbered sections would be numbered: ``g`` divides that section, whatever its size (a 14 pt ``أ.`` title whose
    letter the text layer lost, under a 13 pt ``2.1.2.`` title)."""
    return prev.legal is None and _text_layer(prev) and opens_decimal(prev.lines[0].text) \
        and prev.lines[-1].page == g.lines[0].page and 0 < where[id(g)] - where[id(prev)] <= 2


def _series(g: _Group, prev: _Group, read: dict[int, int], moved: set[int], series: dict[str, tuple[int, int, int]]) -> bool:
    """A numbering starting (``A-``) right after a heading moved under the one before it, on its page, read at its level
    or above, opens under it (``A- Etablissement ...`` under ``Modalités ...``, paragraphs between them); the next
    ones of the series (``B-``) follow it. True when ``g`` was so placed. Any other heading read at the series' level
    or above closes it."""
    kind = numbering(g.lines[0].text) if g.legal is None and _text_layer(g) else None
    number = rank(g.lines[0].text, kind)
    for other in [kd for kd, (at, _, _) in series.items() if kd != kind and read[id(g)] <= at]:
        del series[other]
    if kind is None or number is None:
        return False
    if kind in series and number == series[kind][2] + 1 and read[id(g)] == series[kind][0]:
        g.level = series[kind][1]
        series[kind] = (read[id(g)], g.level, number)
        return True
    series.pop(kind, None)
    if number == 1 and id(prev) in moved and _plain(prev) and prev.lines[-1].page == g.lines[0].page \
            and read[id(g)] <= read[id(prev)] and not kind.startswith("decimal"):
        g.level = min(6, (prev.level or 1) + 1)
        series[kind] = (read[id(g)], g.level, number)
        return True
    return False


def _title_pages(groups: list[_Group]) -> set[int]:
    """Pages whose headings hold at least half of their text (a cover, a title page)."""
    heads: dict[int, int] = {}
    other: dict[int, int] = {}
    for g in groups:
        if g.lines:
            into = heads if g.kind == "heading" else other
            into[g.lines[0].page] = into.get(g.lines[0].page, 0) + len(g.text)
        elif g.table is not None:  # a table is body
            other[g.table.page or 0] = other.get(g.table.page or 0, 0) + sum(len(s.text) for row in g.table.rows for c in row for s in c.sentences)
    return {p for p, n in heads.items() if n >= other.get(p, 0)}
