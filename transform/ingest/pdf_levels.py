"""Heading levels of official texts' rubrics and annexes, and gaps in an outline (run with the legal units' levels,
:func:`pdf_block_kinds.legal_levels`).

A gazette's rubric (``TEXTES GENERAUX``, ``TEXTES PARTICULIERS``) printed right above the title of an official
text divides the issue: level 1, the texts' titles under it (sizes and weights often set it at their level).

An annex belongs to the text it is annexed to: its bare label (``ملحق``, ``الملحق رقم 1``, ``Annexe 2``)
stands one level under that text's title, the annex's own title printed right under the label one
level under the label, and the headings of the annex (a model form's title, its numbered parts)
under that title, keeping the order of depth they were read with; an unnumbered first heading there (the form's
own title) holds the numbered parts read at its level. The sizes say otherwise on many
pages: an annex's title is often set larger than the text's title.

Outside the annexes (and a cover page that holds only headings) the levels start at 1: an annex's title
set larger than the text's title no longer pushes the text down.

A level held by a single heading printed late, after many headings of the level under it, is no level
(:func:`lone_level`); a meeting's date printed over the title holds nothing (:func:`dateline_over_title`); a cover's
title holds the parts set as large as it on the pages after (:func:`cover_title`).

A plain heading between an official text's title and its first unit (``PREAMBULE`` over ``Chapitre premier``) goes
one level under the title, and so does a lettered series (``a.``, ``b.``, ``c.`` zone titles after the text's articles)
read at the title's level or above (:func:`heading_under_title`).

Last, on the title's page, no heading stands more than one level under the document's title (``Ordre du jour``
set smaller than the agenda items after it, right under the minutes' title): the levels under it are counted from
it (legal units keep their rank's level: an article printed before the first chapter).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import ANNEX, ANNEX_HEAD, TEXT_TITLE
from .pdf_outline import numbering, rank

if TYPE_CHECKING:
    from .pdf_blocks import _Group

RUBRIC_WORDS = 4


def _heads(groups: list[_Group]) -> list[_Group]:
    return [g for g in groups if g.kind == "heading" and g.lines]


def _title(g: _Group) -> bool:
    return g.legal is None and TEXT_TITLE.match(g.text) is not None


def _label(g: _Group) -> bool:
    """An annex's label, bare (``Annexe 2``) or with the text it is annexed to (``Annexe I à l'arrêté ...``)."""
    text = g.text.strip()
    return g.legal is None and (ANNEX.match(text) is not None or ANNEX_HEAD.match(text) is not None)


def _scopes(heads: list[_Group]) -> list[tuple[int, int, int]]:
    """(text title, annex label, end) indexes in ``heads``: an annex runs from its label to the next label, text
    title or gazette rubric; only annexes inside a text count: a heading read above the title's level (legal units and
    labels aside) closes it (a report's parts after its contents entry ``Arrêté et signatures``)."""
    out: list[tuple[int, int, int]] = []
    title = None
    for k, g in enumerate(heads):
        if _title(g):
            title = k
        elif title is not None and (g.level or 1) < (heads[title].level or 1) and g.legal is None and not _label(g):
            title = None
        elif _label(g) and title is not None:
            end = next((j for j in range(k + 1, len(heads)) if _title(heads[j]) or _label(heads[j]) or _rubric(heads, j, False)),
                       len(heads))
            out.append((title, k, end))
    return out


def _rubric(heads: list[_Group], k: int, by_level: bool = True) -> bool:
    """Is ``heads[k]`` a gazette's rubric: a short unnumbered heading in capitals printed right above the title of an
    official text, at that title's level or below it (``by_level``: as read; once levelled it stands above it)?"""
    if k + 1 >= len(heads):
        return False
    r, t = heads[k], heads[k + 1]
    return (r.legal is None and not _title(r) and _title(t) and (not by_level or (r.level or 1) >= (t.level or 1))
            and r.lines[-1].page == t.lines[0].page and len(r.text.split()) <= RUBRIC_WORDS
            and numbering(r.lines[0].text) is None and not _label(r) and _capitals(r.text))


def rubric_levels(groups: list[_Group]) -> None:
    """A gazette's rubrics (``TEXTES GENERAUX``, ``نصوص عامة``: a short unnumbered heading printed right above the
    title of an official text, at that title's level or below it) divide the issue: they stand at level 1, the titles
    of the texts at level 2 and what the titles hold under them, as read; the cover's contents list holds the rubrics
    listed in it (:func:`contents_rubrics`)."""
    heads = _heads(groups)
    rubrics = [k for k in range(len(heads) - 1) if _rubric(heads, k)]
    if not rubrics:
        return
    _rubric_shift(heads, rubrics)
    contents_rubrics(heads)


def _rubric_shift(heads: list[_Group], rubrics: list[int]) -> None:
    shift = (heads[rubrics[0] + 1].level or 1) - 2  # the first title after a rubric goes to level 2
    kept: int | None = None  # the level of the last heading read above the shift (left where it is) since a title
    for k in range(rubrics[0], len(heads)):
        g = heads[k]
        if k in rubrics or _title(g):
            kept = None
        read = g.level or 1
        if k in rubrics:
            g.level = 1
        elif g.legal is None and read - shift >= 2:
            # an unnumbered heading read under one left in place stays under it (a form's label under its part;
            # a numbered part of the same series is levelled with its series later)
            under = kept is not None and read > kept and numbering(g.lines[0].text) is None
            g.level = min(6, max(read - shift, kept + 1 if under else 0))
        elif g.legal is None:
            kept = read


# the title of a contents list: "SOMMAIRE", "Table des matières", "فهرس", "المحتويات"
_CONTENTS = re.compile(r"^\s*(?:sommaire|table\s+des\s+mati[èe]res|contents|(?:ال)?فهرس|المحتويات)\s*:?\s*$", re.IGNORECASE)


def contents_rubrics(heads: list[_Group]) -> None:
    """A contents list's heading (``SOMMAIRE``) holds the rubrics listed under it (``TEXTES GENERAUX``, ``TEXTES
    PARTICULIERS``, printed with the entries) that were read at its level: they go one level under it, up to the first
    heading read above it, a gazette's rubric over a text's title or an official text's title (the issue itself)."""
    for k, c in enumerate(heads):
        if c.legal is not None or _CONTENTS.match(c.text) is None:
            continue
        at = c.level or 1
        for j in range(k + 1, len(heads)):
            g = heads[j]
            if g.legal is not None or _title(g) or (g.level or 1) < at or _rubric(heads, j, False):
                break
            if (g.level or 1) == at:
                g.level = min(6, at + 1)
        return


def _capitals(text: str) -> bool:
    """Written in capitals (a Latin rubric), or in a script without case."""
    letters = [c for c in text if c.isalpha()]
    cased = [c for c in letters if c.upper() != c.lower()]
    return bool(letters) and (not cased or all(c.isupper() for c in cased))


def top_title(groups: list[_Group]) -> None:
    """Outside its annexes (and a cover page that holds only headings) a document with annexes has its levels from
    1: an annex's title set larger than the text's title no longer pushes the text down (legal units are levelled
after this, under their text's title)."""
    heads = _heads(groups)
    scopes = _scopes(heads)
    if not scopes:
        return
    inside = {k for _, a, end in scopes for k in range(a, end)}
    first = heads[0].lines[0].page
    cover = all(g.kind == "heading" for g in groups if g.lines and g.lines[0].page == first)
    outside = [g for k, g in enumerate(heads) if k not in inside and g.legal is None and not (cover and g.lines[0].page == first)]
    top = min((g.level or 1 for g in outside), default=1)
    if top <= 1:
        return
    for g in outside:
        g.level = (g.level or 1) - (top - 1)


def annex_levels(groups: list[_Group]) -> None:
    """Levels inside each annex (see the module docstring)."""
    heads = _heads(groups)
    for title, a, end in _scopes(heads):
        label = heads[a]
        label.level = min(6, (heads[title].level or 1) + 1)
        rest = heads[a + 1:end]
        if not rest:
            continue
        first = rest[0]
        same_page = first.lines[0].page in (label.lines[-1].page, label.lines[-1].page + 1)
        if same_page and first.legal is None and not _title(first) and not _part_in_capitals(first, rest[1:2]):
            first.level = min(6, label.level + 1)  # the annex's own title, printed under its label
            rest = rest[1:]
            base = first.level + 1
        else:
            base = label.level + 1
        if not rest:
            continue
        shift = base - min(g.level or 1 for g in rest)
        for g in rest:
            g.level = max(1, min(6, (g.level or 1) + shift))
        head = rest[0]
        if head.legal is None and numbering(head.lines[0].text) is None and not _part_in_capitals(head, rest[1:2]) \
                and any(numbering(g.lines[0].text) is not None and g.level == head.level for g in rest[1:]):
            for g in rest[1:]:  # the form's own title over its numbered parts ("تقرير حول زيارة المراقبة" / "1- ...")
                g.level = min(6, (g.level or 1) + 1)


def _latin_capitals(text: str) -> bool:
    cased = [c for c in text if c.isalpha() and c.upper() != c.lower()]
    return len(cased) >= 4 and all(c.isupper() for c in cased)


def _part_in_capitals(g: _Group, nxt: list[_Group]) -> bool:
    """Is ``g``, the first heading of an annex, one of its parts rather than its title: in Latin capitals, as the next
    heading set at its size is (a scanned form's ``IDENTITE DE L'AGENT ...`` / ``II. IDENTITE DU ...``, whose Roman
    number OCR dropped)?"""
    return bool(nxt) and nxt[0].legal is None and abs(nxt[0].size - g.size) <= 0.5 and _latin_capitals(g.text) \
        and _latin_capitals(nxt[0].text)


def close_gaps(groups: list[_Group]) -> None:
    """No heading of the title's page more than one level under the document's title (the first heading, at level 1):
    the levels under it are counted from it. Only there: further on, a gap is more often a heading that was not read
    (the truth's level is then the deeper one) or a stray line read as a heading above the others."""
    heads = _heads(groups)
    if not heads or (heads[0].level or 1) != 1:
        return
    page = heads[0].lines[0].page
    stack: list[tuple[int, int]] = [(1, 1)]  # (level read, level given) of the headings that hold the current one
    for g in heads[1:]:
        if g.lines[0].page != page:
            break
        read = g.level or 1
        while stack and stack[-1][0] >= read:
            stack.pop()
        if not stack:
            break  # another heading at the title's level
        if g.legal is None:  # a legal unit keeps the level of its rank in its text
            g.level = min(read, stack[-1][1] + 1)
        stack.append((read, g.level or 1))


# a meeting's date printed over the document's title ("Séance publique du lundi 16 décembre 2013"): a few words, then a
# date with its month written out
_DATELINE = re.compile(r"^(?:[^\W\d_]+\s+){1,3}(?:du\s+|le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
                       r"(?:1er|[0-9]{1,2})\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|"
                       r"novembre|d[ée]cembre)\s+(?:19|20)[0-9]{2}\s*$", re.IGNORECASE)


# an issue's number and date over a gazette's masthead ("Centième année – N° 5952 bis 14 rejeb 1432 (17 juin 2011)")
_ISSUE = re.compile(r"\bN\s*[°º]\s*[0-9]{3,}\b.*\b(?:19|20)[0-9]{2}\)?\s*$", re.IGNORECASE)
ISSUE_WORDS = 16


def dateline_over_title(groups: list[_Group]) -> None:
    """The first heading of a document that is only a meeting's date (``Séance publique du lundi 16 décembre 2013``),
    printed over the title on the same page, holds nothing: it is a field of the registry's form, a paragraph; the
    title is the document's level-1 heading and the headings after it move up with it. So is an issue's number and
    date printed over a gazette's masthead and read under it (``Centième année – N° 5952 bis`` / ``14 rejeb 1432
    (17 juin 2011)`` over ``BULLETIN OFFICIEL``): a paragraph, the levels left as they are."""
    heads = _heads(groups)
    if len(heads) < 2:
        return
    date, title = heads[0], heads[1]
    if (date.legal is None and title.lines[0].page == date.lines[-1].page and (title.level or 1) < (date.level or 1)
            and len(date.text.split()) <= ISSUE_WORDS and _ISSUE.search(" ".join(date.text.split())) is not None):
        date.kind, date.level = "paragraph", 0
        return
    if date.legal is not None or _DATELINE.match(" ".join(date.text.split())) is None \
            or title.lines[0].page != date.lines[-1].page or (title.level or 1) <= (date.level or 1):
        return
    if any((g.level or 1) <= (date.level or 1) for g in heads[1:]):
        return  # another heading at the date's level: it divides the document
    shift = (title.level or 1) - (date.level or 1)
    for g in heads[1:]:
        g.level = max(1, (g.level or 1) - shift)
    date.kind, date.level = "paragraph", 0


LONE_AFTER = 3  # headings of the level under it printed before a level's only heading


def lone_level(groups: list[_Group]) -> None:
    """In a document whose headings are mostly on a text layer, a heading level held by one heading only, past the
    first page, printed after several headings of the level under it (an annex's title set larger than the other
    annexes' titles, near the end of a guide) is no division of the document: that heading goes to the level under
    it, and the levels under it move up one (no level is left empty: the sections printed before it no longer stand
    two levels under the title)."""
    heads = [g for g in _heads(groups) if g.legal is None]
    if 2 * sum(all(hasattr(ln, "baseline") for ln in g.lines) for g in heads) <= len(heads):
        return  # most headings OCR'd: their sizes are estimates
    first = heads[0].lines[0].page
    for level in sorted({g.level or 1 for g in heads}):
        at = [k for k, g in enumerate(heads) if (g.level or 1) == level]
        if level == 1 or len(at) != 1 or heads[at[0]].lines[0].page == first:
            continue
        under = sum(1 for g in heads[:at[0]] if (g.level or 1) == level + 1)
        if under < LONE_AFTER:
            continue
        for g in heads:
            if (g.level or 1) > level:
                g.level = (g.level or 1) - 1
        return


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", text).split()


def repeated_titles(groups: list[_Group]) -> None:
    """A heading printed again on a later page (a law's title over its articles, after the cover and the issuing
    decree printed it with its year: ``نظام المناطق`` after ``نظام المناطق 1412 هـ``) takes the level of the latest
    earlier heading that reads the same or opens with its words: it is that heading again, not a new division."""
    heads = [g for g in _heads(groups) if g.legal is None]
    said = [_words(g.text) for g in heads]  # each heading's words, made once (the search below reads them again)
    for k, g in enumerate(heads):
        words = said[k]
        if not words or numbering(g.lines[0].text) is not None:
            continue
        n = len(words)
        same = next((h for h, w in zip(reversed(heads[:k]), reversed(said[:k]), strict=True) if w[:n] == words
                     and h.lines[-1].page < g.lines[0].page), None)
        if same is not None and (same.level or 1) > (g.level or 1):
            g.level = same.level


COVER_WORDS = 60  # a cover holds its title and a few lines (issuer, date, place), not a page of text


def cover_title(groups: list[_Group]) -> None:
    """A cover's title holds the document: when the first page holds one heading (unnumbered, no legal unit, level 1)
    and little else, no official text's title or unit follows, and two or more headings after it were read at its level (a slide deck's parts ``I.``, ``II.``,
    set as large as its title), every heading from the first of those on goes one level down (levels nest as printed);
    the headings before it were read under the title already (a deck's ``Table des matières`` slide) and stay."""
    heads = _heads(groups)
    if len(heads) < 3:
        return
    title = heads[0]
    page = title.lines[0].page
    first = min(g.lines[0].page for g in groups if g.lines)
    if page != first or (title.level or 1) != 1 or title.legal is not None or numbering(title.lines[0].text) is not None:
        return
    if heads[1].lines[0].page == page:
        return
    words = sum(len(g.text.split()) for g in groups if g.lines and g.lines[0].page == page and g is not title)
    rest = heads[1:]
    if any(g.legal is not None or _title(g) for g in rest):
        return  # an official text: its units are levelled under its title (pdf_block_kinds.legal_levels)
    if words > COVER_WORDS or sum(1 for g in rest if (g.level or 1) == 1) < 2:
        return
    first = next(k for k, g in enumerate(rest) if (g.level or 1) == 1)
    for g in rest[first:]:  # the headings before the first part were read under the title already (a contents slide)
        g.level = min(6, (g.level or 1) + 1)


DISPLAY_TITLE = 3.0  # a first heading set this many times the body is a display title (a magazine's spread)


def display_title(groups: list[_Group]) -> None:
    """A document without legal units whose first heading, on a text layer, is set in display type (DISPLAY_TITLE
    times the body or more) but read under a heading printed later on its page (a box's title in a larger script
    face beside the article): that first heading is the title, level 1, as are the headings read at its level (the
    next spreads' display titles); every other heading goes one level under it. A spread has those two ranks: its
    display titles and the titles of its columns and boxes, whose sizes and nesting follow the box they title (a
    column's 19-pt ``LES DÉPENSES EN FONCTIONNEMENT``, a figures box's body-size ``EN CHIFFRES`` beside a 13-pt title),
    not a rank under the title before them."""
    heads = _heads(groups)
    if not heads or any(g.legal is not None for g in heads):
        return
    title = heads[0]
    page = title.lines[0].page
    t = title.level or 1
    if t <= 1 or not title.body or title.size < DISPLAY_TITLE * title.body or not hasattr(title.lines[0], "baseline") \
            or numbering(title.lines[0].text) is not None \
            or not any((g.level or 1) < t for g in heads[1:] if g.lines[0].page == page):
        return
    for g in heads:
        lv = g.level or 1
        g.level = 1 if lv == t else 2


def heading_under_title(groups: list[_Group]) -> None:
    """A plain heading printed between an official text's title and the text's first unit, on the title's page
    (``PREAMBULE`` under ``Loi-cadre n° 50-21 ...``, over ``Chapitre premier``), read at the title's level, is a
    division of that text: one level under its title, as the text's units are (run after they are levelled)."""
    heads = _heads(groups)
    for k in range(1, len(heads) - 1):
        t, g, nxt = heads[k - 1], heads[k], heads[k + 1]
        if (_title(t) and g.legal is None and not _title(g) and not _label(g) and g.lines[0].page == t.lines[-1].page
                and nxt.legal is not None and nxt.lines[0].page - g.lines[-1].page <= 1
                and (g.level or 1) <= (t.level or 1) and numbering(g.lines[0].text) is None):
            g.level = min(6, (t.level or 1) + 1)
    lettered_under_title(heads)


LETTERED = ("upper", "lower", "ar-letter")  # A. B. / a) b) / أ- ب-


def lettered_under_title(heads: list[_Group]) -> None:
    """A lettered series inside an official text (``a. La zone de mouillage Ouest :``, ``b. ...`` after the text's
    articles, set bold at the size of its title), read at the text's title's level or above, divides the text: its
    letters go one level under the title, and the headings read under each letter move with it. Nothing inside a text
    stands at its title's level; the numbering says which headings these are (a series from ``a``/``A``/``أ``, each
    the next letter), whatever their size. A text runs from its title to the next title, annex label or rubric."""
    title: _Group | None = None
    ranks: dict[str, int] = {}  # the last letter of each lettered series in the text
    for k, g in enumerate(heads):
        if _title(g) or _label(g) or _rubric(heads, k, False):
            title, ranks = (g if _title(g) else None), {}
            continue
        kind = numbering(g.lines[0].text)
        if title is None or g.legal is not None or kind not in LETTERED:
            continue
        r = rank(g.lines[0].text, kind)
        if r is None or r not in (1, ranks.get(kind, 0) + 1):
            continue
        ranks[kind] = r
        old, new = g.level or 1, min(6, (title.level or 1) + 1)
        if old > (title.level or 1):
            continue
        g.level = new
        for h in heads[k + 1:]:  # the headings read under the letter
            if (h.level or 1) <= old or _title(h) or _label(h):
                break
            h.level = min(6, (h.level or 1) + new - old)
