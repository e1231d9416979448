"""Which PDF blocks are headings: the checks made once the lines are grouped (:mod:`pdf_blocks`).

A heading set larger than the body is short (at most :data:`MAX_TITLE_WORDS` words, four
lines) and does not end like a sentence that goes on; a larger-size passage of plain type that
ends with a full stop is a quotation, not a title. A short all-bold block at body size or more
is a heading one level below the size headings, and so is the title of an official text
(``Dahir``, ``Décret``, ``مرسوم`` ...) on up to twelve bold lines. Never headings: an enacting
formula (``DÉCRÈTE :``, ``قرر ما يلي``), an ornament (``* * *``), a bold line against the end
edge (a date, a reference), the entries of a table of contents (dot leaders and a page
number) and the bold title over each. A bold numbered line alone over its paragraph or table
(``a. Mise en œuvre ... : 214 MDH``, ``أ- ...``) titles it; a centred bold title and the
centred bold line set a little smaller under it are one heading. Legal units get levels that
follow the units the document uses, below the heading that introduces them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..structure.legal import ARTICLE, FASL, fasl_rank, levels
from .base import TextLine
from .pdf_outline import numbering

if TYPE_CHECKING:
    from .pdf_blocks import _Group

SENTENCE_END = re.compile(r"[.!?؟…:;؛]\s*[\"»”’)]*$")
FULL_STOP = re.compile(r"(?:(?<!\.)\.|[!?؟])\s*[\"»”’)]*$")  # a sentence's end (not an ellipsis "…" / "...")
CONTINUES = re.compile(r"[,،;؛\-–]\s*$")  # a block ending like this goes on: not a heading
# the title of an official text opens with its kind (a bold block of a few lines)
TEXT_TITLE = re.compile(r"^(?:Dahir|Décret|Arrêté|Loi|Loi-cadre|Loi organique|Décision|Circulaire|Ordonnance|Délibération|"
                        r"ظهير|مرسوم|قرار|قانون|مقرر|منشور|دورية|مقرر)\b")
# the enacting formula of a decree or an order, with its colon, introduces its articles: a line of its
# own, not a heading; set alone without a colon, centred and bold ("ARRÊTE" of a prefect's order), it
# heads the articles like a title and stays a heading
ENACTING = re.compile(r"^(?:D[ÉE]CR[ÈEÉ]TE|ARR[ÊE]TE|D[ÉE]CIDE|A D[ÉE]CID[ÉE] CE QUI SUIT|قرر ما يلي|يرسم ما يلي|أصدرنا أمرنا الشريف بما يلي)\s*[:：]$",
                      re.IGNORECASE)
LEADER = re.compile(r"(?:\.\s?){4,}\s*[0-9\u0660-\u0669]{1,4}\s*$|…{2,}\s*[0-9\u0660-\u0669]{1,4}\s*$")  # a contents entry's dots and page
# an annex's bare label stands above the annex's title: a heading of its own
ANNEX = re.compile(r"^(?:ال)?ملحق(?:\s+(?:رقم\s*)?[0-9\u0660-\u0669]+)?\s*[:.]?$|^annexe(?:\s+(?:n°\s*)?[0-9IVX]+)?\s*[:.]?$", re.IGNORECASE)
NOTE_MARK = re.compile(r"^\(([0-9]{1,2})\)\s")  # a note's own number, printed in brackets: "(1) Recettes ..."
NOTE_SIZE = 0.9  # notes are set smaller than the body
ANNEX_HEAD = re.compile(r"^(?:ال)?ملحق(?:[\s:.\-–]|$)|^annexe\b", re.IGNORECASE)  # an annex's heading, bare or with its text
MAX_HEADING_LEVELS = 3
MAX_HEADING_WORDS = 25  # a bold heading at body size
MAX_TITLE_WORDS = 40  # a heading set larger (a decree's title is long)
_HAS_WORD = re.compile(r"[^\W_]")  # a letter or a digit


def _baseline(line: TextLine) -> float:
    return float(getattr(line, "baseline", 0.0) or line.bottom)


def check_headings(groups: list[_Group]) -> None:
    """Headings are short and stand apart; a short all-bold block at body size or more is one too."""
    foot_notes(groups)
    leader = [bool(g.lines) and _leader(g.lines[-1].text) for g in groups]
    for i, g in enumerate(groups):
        body, level = g.body, g.bold_level
        if g.kind == "item":
            if _lone_bold_item(groups, i):
                g.kind, g.level = "heading", min(level + 1, MAX_HEADING_LEVELS)
            continue
        if g.kind not in ("heading", "paragraph") or g.legal is not None or not g.lines:
            continue
        if g.kind == "paragraph" and len(g.lines) == 1 and hasattr(g.lines[0], "baseline") and (g.lines[0].bold or g.centred) \
                and ANNEX.match(g.lines[0].text.strip()):
            g.kind, g.level = "heading", level  # an annex label on its own line of a text layer, bold or centred, whatever its size
            continue
        if g.kind == "paragraph" and (g.flush_end or g.size < body or not g.lines[0].bold or not all(ln.bold for ln in g.lines)):
            continue  # only a bold block at body size or more may be a heading
        if leader[i] or (i + 1 < len(groups) and leader[i + 1] and groups[i + 1].kind in ("heading", "paragraph")
                         and groups[i + 1].lines[0].page == g.lines[-1].page):
            g.kind = "paragraph"  # a contents entry, or the bold title over the entry that follows
            continue
        text = g.text
        if g.kind == "heading":
            official = TEXT_TITLE.match(text) is not None  # an official text's title set larger runs longer
            if len(g.lines) > (12 if official else 4) or len(text.split()) > (90 if official else MAX_TITLE_WORDS) \
                    or CONTINUES.search(text) or not _HAS_WORD.search(text) \
                    or ENACTING.match(text.strip()) or _plain_sentence(g, text):
                g.kind = "paragraph"  # a larger-size paragraph (an introduction, a quoted text), not a heading
            continue
        if ENACTING.match(text.strip()) or len(g.lines) > (12 if TEXT_TITLE.match(text) else 8):
            continue
        if len(g.lines) <= 2 and len(text) <= 150 and len(text.split()) <= MAX_HEADING_WORDS \
                and not text.rstrip().endswith((".", ",", "،", ";", "؛")):
            g.kind, g.level = "heading", level
        elif TEXT_TITLE.match(text) and len(text.split()) <= 90:  # the title of a decree, a dahir, an order
            g.kind, g.level = "heading", level


def foot_notes(groups: list[_Group]) -> None:
    """Notes printed at the foot of a page or a table with their bracketed numbers, ``(1) ...``, ``(2) ...``, set
    smaller than the body, are notes (a paragraph each, its number kept), not the items of a numbered list: a run
    of such items on one page numbered 1, 2, 3... (or going on from the page's last note)."""
    last: dict[int, int] = {}  # the last note number of each page
    for g in groups:
        if g.kind != "item" or not g.lines or not g.body or g.size > NOTE_SIZE * g.body:
            continue
        m = NOTE_MARK.match(g.lines[0].text)
        page = g.lines[0].page
        if m is None or int(m.group(1)) not in (1, last.get(page, 0) + 1):
            continue
        last[page] = int(m.group(1))
        g.kind, g.note = "paragraph", True


def _leader(text: str) -> bool:
    """Does the line end like an entry of a table of contents (dot leaders and a page number)?"""
    return text[-1:].isdigit() and ("." in text or "…" in text) and LEADER.search(text) is not None


def _plain_sentence(g: _Group, text: str) -> bool:
    """A larger-size block of a few lines in the body's weight that ends a sentence (a quoted passage set
    larger), not the title of an official text."""
    return (len(g.lines) >= 2 and not any(ln.bold for ln in g.lines) and bool(FULL_STOP.search(text))
            and not TEXT_TITLE.match(text.lstrip("«\"“ ")))


def _lone_bold_item(groups: list[_Group], i: int) -> bool:
    """A bold numbered line alone between body paragraphs ("a. Mise en œuvre ... : 214 MDH"), or after a plain
    list ("b. Contribution ... : 60 MDH" under the items of "a."), or over a bulleted list in plain type (a form's
    "1. إثبات الهوية:" over the lines to fill in), titles what follows (or ends the document:
    the office readers take such a last numbered line for a heading too)."""
    g = groups[i]
    if g.kind != "item" or len(g.lines) > 2 or not all(ln.bold for ln in g.lines) or len(g.text.split()) > MAX_HEADING_WORDS:
        return False
    before = groups[i - 1] if i > 0 else None
    after = groups[i + 1] if i + 1 < len(groups) else None
    ends = after is None or (after.kind == "paragraph" and after.note)  # the document's last line, notes aside
    plain_list = after is not None and after.kind == "item" and g.ordered and not after.ordered and not any(ln.bold for ln in after.lines)
    return ((ends or after.kind == "table" or plain_list or (after.kind == "paragraph" and not all(ln.bold for ln in after.lines)))
            and (before is None or before.kind != "item" or not any(ln.bold for ln in before.lines))  # not in a bold list
            and not SENTENCE_END.search(g.text.rstrip(" :")))


def join_subtitles(groups: list[_Group]) -> list[_Group]:
    """A centred bold title and the centred bold line just under it, set a little smaller, are one heading
    ("Cadrage budgétaire de l'exercice 2025" / "Axes 2 et 3 du Programme 4")."""
    out: list[_Group] = []
    for g in groups:
        h = out[-1] if out else None
        if (h is not None and h.kind == "heading" and g.kind == "heading" and h.legal is None and g.legal is None
                and h.centred and g.centred and len(h.lines) <= 2 and len(g.lines) == 1 and g.lines[0].page == h.lines[-1].page
                and all(ln.bold for ln in h.lines + g.lines) and 0.85 * h.size <= g.size < h.size
                and 0 < _baseline(g.lines[0]) - _baseline(h.lines[-1]) <= 2.2 * h.size):
            h.lines.extend(g.lines)
            continue
        out.append(g)
    return out


def legal_levels(groups: list[_Group]) -> None:
    """Levels of legal headings: the highest unit present first, one level below the heading
    that comes before the first of them (the document's title, a "Dispositions" heading) and
    below the title of an official text (``Dahir ...``, ``Loi ...``, ``مرسوم ...``) wherever it is.
    Each official text has its own units: the units a text uses are counted from its title
    (a law that only has articles, printed before the code it promulgates, which has chapters).
    A text's first unit goes one level under its title (or the heading printed between them: ``I. – Exercice de la
    médecine``), whatever its rank: an article printed before the first chapter is one level under the title, as
    the chapters are (levels nest as printed: no level left empty between a title and its first article; a
    further unit before the first chapter, where a chapter's label was not read, keeps its rank's level), and a
    plain heading printed among a text's units (``I. - الضرائب ...`` under ``الباب الأول``) goes one level under
    the unit that holds it, the articles after it under it. Rubrics,
    annexes and gaps in the outline: :mod:`pdf_levels`; unnumbered headings under the one before them:
    :mod:`pdf_nesting` (first)."""
    from .pdf_levels import (  # it reads this module's patterns
        annex_levels,
        close_gaps,
        cover_title,
        dateline_over_title,
        display_title,
        lone_level,
        repeated_titles,
        rubric_levels,
        top_title,
    )
    from .pdf_nesting import nest_unnumbered
    from .pdf_peer_levels import peer_levels

    lone_level(groups)
    nest_unnumbered(groups)
    peer_levels(groups)  # a heading at the level of its peer before it (pdf_peer_levels)
    dateline_over_title(groups)
    repeated_titles(groups)
    rubric_levels(groups)
    top_title(groups)
    cover_title(groups)
    _unit_levels(groups)
    annex_levels(groups)
    from .pdf_levels import heading_under_title  # a text's plain heading over its first unit
    heading_under_title(groups)
    display_title(groups)
    close_gaps(groups)


def _unit_levels(groups: list[_Group]) -> None:
    """:func:`legal_levels` without the passes on annexes (:mod:`pdf_levels`)."""
    ranks = {g.legal.rank for g in groups if g.legal is not None and g.kind == "heading"}
    if not ranks:
        return
    first_legal = next(i for i, g in enumerate(groups) if g.legal is not None and g.kind == "heading")
    from .pdf_scan_heads import PREAMBLE  # a preamble is the sibling of the units after it, not the heading over them
    above = [g.level for g in groups[:first_legal] if g.kind == "heading" and g.legal is None and not PREAMBLE.match(g.text)]
    # under the heading that introduces them, and under the title of the official text they divide (a Bulletin's
    # page may open on the last articles of the text before, whose title is on an earlier page)
    titles = [g.level for g in groups if g.kind == "heading" and g.legal is None and g.lines and TEXT_TITLE.match(g.text)]
    first = max(above[-1] + 1 if above else 1, min(titles) + 1 if titles else 1)
    whole = levels(ranks, first=min(6, first))
    by_text = _levels_by_text(groups)
    # a unit goes one level under the unit that contains it (an article straight under its chapter, where the
    # chapter has no sections); a unit with none above it (the page opens on it) takes the level its rank has
    # most often under a parent in its text, else the level of its rank
    parents: list[tuple[float, int, str | None]] = []  # (level by rank, level given, numbering) of what holds the current unit
    orphans: list[tuple[int, _Group]] = []
    seen: dict[tuple[int, int], Counter[int]] = {}
    text = -1  # the official text the unit belongs to (-1: before the first title)
    first_unit = True  # the next unit is its text's first
    heads = [i for i, g in enumerate(groups) if g.kind == "heading" and g.lines]
    for n, i in enumerate(heads):
        g = groups[i]
        if g.legal is None:
            if TEXT_TITLE.match(g.text):
                text = id(g)
                parents = [(-1.0, g.level or 1, None)] if text in by_text else []  # its units start again, under it
                first_unit = True
            elif parents and text in by_text and not PREAMBLE.match(g.text):
                nxt = groups[heads[n + 1]] if n + 1 < len(heads) else None
                if nxt is not None and nxt.legal is None and TEXT_TITLE.match(nxt.text) or ANNEX_HEAD.match(g.text.strip()):
                    continue  # a rubric over the next text, an annex: not inside this text's units
                if _units_again(g, nxt, parents):
                    g.level = max(g.level or 1, parents[0][1] + 1)
                    parents, first_unit = [(-1.0, g.level, None)], True  # a model's title: its own articles go under it
                    continue
                _plain_in_units(g, parents, by_text[text])
            continue
        by_rank = by_text.get(text, whole)
        own = by_rank[g.legal.rank]
        while parents and parents[-1][0] >= own:
            parents.pop()
        if parents and parents[-1][0] < 0 and own > min(by_rank.values()) and not first_unit:
            parents = []  # a unit before the text's first chapter that is not its first unit: its rank's level
        first_unit = False
        if parents:
            g.level = min(6, parents[-1][1] + 1)
            seen.setdefault((text if text in by_text else -1, g.legal.rank), Counter())[g.level] += 1
        else:
            g.level = own
            orphans.append((text if text in by_text else -1, g))
        parents.append((own, g.level, None))
    for text, g in orphans:
        usual = seen.get((text, g.legal.rank)) if g.legal is not None else None
        if usual:
            g.level = usual.most_common(1)[0][0]


# a unit numbered first: "المادة الأولى", "Article premier", "ART. 1er", "Chapitre I", "الباب 1"
_FIRST_UNIT = re.compile(r"^\S+(?:\.)?\s+(?:الأولى|الأول|1|١|premier|première|1er|1re|I)(?=$|[\s:.\-–])", re.IGNORECASE)


def _units_again(g: _Group, nxt: _Group | None, parents: list[tuple[float, int, str | None]]) -> bool:
    """Is plain heading ``g``, printed after units of its text, over a unit numbered first (``المادة الأولى: مدة
    العمل`` again), the title of units of their own (an annexed model contract's articles)?"""
    return (nxt is not None and nxt.legal is not None and any(e[0] >= 0 for e in parents) and numbering(g.lines[0].text) is None
            and _FIRST_UNIT.match(nxt.text.strip()) is not None)


def _plain_in_units(g: _Group, parents: list[tuple[float, int, str | None]], by_rank: dict[int, int]) -> None:
    """Place a plain heading of an official text (not a unit): before the text's first unit it is one of the
    headings its units go under (:func:`_levels_by_text` counts from it); among the units, one level under the
    unit above the article that holds it, a sibling of an open plain heading numbered the same way (``II.-``
    after ``I.-``) or unnumbered like it, else under it."""
    article = max(by_rank.values()) if ARTICLE in by_rank or (FASL in by_rank and fasl_rank(set(by_rank)) == ARTICLE) else 99
    units = [e for e in parents if e[0] >= 0]
    if not units:
        while len(parents) > 1 and parents[-1][0] < 0:
            parents.pop()  # a heading between the title and the first unit: the units go under the last one
        parents.append((-0.5, g.level or 1, None))
        return
    while parents and parents[-1][0] >= article:
        parents.pop()  # an article holds no heading: the heading after it is the article's sibling or above
    if not any(e[0] >= 0 for e in parents):
        return  # no unit above the article holds it (``Résultat du vote`` after a deliberation's articles): as read
    kind = numbering(g.lines[0].text)
    plain = [k for k, e in enumerate(parents) if e[0] >= 0 and e[0] != int(e[0])]
    same = next((k for k in reversed(plain) if parents[k][2] == kind), None)
    if same is not None:
        level = parents[same][1]
        own = parents[same][0]
        del parents[same:]
    elif not parents:
        return
    else:
        level, own = parents[-1][1] + 1, parents[-1][0] + (0.25 if parents[-1][0] != int(parents[-1][0]) else 0.5)
    g.level = min(6, level)
    parents.append((own, g.level, kind))


def _levels_by_text(groups: list[_Group]) -> dict[int, dict[int, int]]:
    """Rank levels of each official text whose title is a heading and whose first unit follows it in the
    document: its own units, from one level below the last heading before its first unit (its title, or a
    heading under it: ``I. – Exercice de la médecine``). Keyed by the title's ``id``."""
    out: dict[int, dict[int, int]] = {}
    title: _Group | None = None
    last = 0
    ranks: set[int] = set()
    first = 0

    def close() -> None:
        if title is not None and ranks:
            out[id(title)] = levels(ranks, first=min(6, first))

    for g in groups:
        if g.kind != "heading" or not g.lines:
            continue
        if g.legal is None:
            if TEXT_TITLE.match(g.text):
                close()
                title, ranks, first = g, set(), 0
            last = g.level or 1
            continue
        if title is None:
            continue
        if not ranks:
            first = last + 1
        ranks.add(g.legal.rank)
    close()
    return out
