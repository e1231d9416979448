"""Heading blocks that grouping cut apart, put back together (passes of :func:`pdf_headings.refine_headings`, split
from it).

* **a title printed on several bold lines** (:func:`join_title_lines`): bold heading lines of one size, at line
  spacing, aligned on one edge or one centre, the first not ending a sentence, are one heading (up to four lines; an
  official text's or an annex's title, which names a text with its number and date, up to MAX_TITLE_LINES);
* **a numbered title whose first line fills its column** (:func:`join_full_line`), taken for a paragraph line of its
  own, over the bold heading that ends it: one heading;
* **a heading cut where its size or weight changes** (:func:`join_continued`), the second part opening the way only
  the rest of a title does: one heading.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import ANNEX_HEAD, CONTINUES, SENTENCE_END, TEXT_TITLE
from .pdf_heading_drops import _OPEN_END, _all_bold
from .pdf_outline import numbering
from .pdf_title_runs import MAX_TITLE_LINES, _baseline, _numbered, _page

if TYPE_CHECKING:
    from .base import TextLine
    from .pdf_blocks import _Group

# words that link an official text's title to its object: a heading line opening with one goes on with the title above
_AR_LINK = frozenset("بشأن بتحديد بتغيير بتتميم بتنفيذ بتطبيق بإحداث بإصدار بالموافقة بالمصادقة المتعلق المتعلقة يتعلق تتعلق".split())
# prepositions no Arabic title opens with: a heading line opening with one goes on with the title above ("على أساس ...")
_AR_GOES_ON = frozenset("على إلى عن".split())
_QUOTES = "«»\"“” "


def _aligned(a: TextLine, b: TextLine, size: float) -> bool:
    """Two lines of one title: same start, same end, or same centre."""
    return (abs(a.x0 - b.x0) <= 0.5 * size or abs(a.x1 - b.x1) <= 0.5 * size
            or abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 <= 2.0 * size)


TITLE_LINES = 4  # lines of a bold title joined from pieces (an official text's or annex's title: MAX_TITLE_LINES)


def _most_lines(h: _Group) -> int:
    """How many lines the title ``h`` opens may hold: an official text's or an annex's title (``Annexe à l'arrêté
    ... n° 1697-25 du ...``, six centred lines whose first fills the column, so grouping cut it off) names a text with
    its number and date and runs longer than a section's title."""
    first = h.lines[0].text.strip()
    return MAX_TITLE_LINES if TEXT_TITLE.match(first) or ANNEX_HEAD.match(first) else TITLE_LINES


TEXT_TITLE_SPACING = 2.0  # sizes between the baselines of a text's centred title's lines (a decree's cover: 1.83)


def _spacing(h: _Group, g: _Group) -> float:
    """The widest baseline step between two lines of one title: 1.6 sizes; an official text's title (``مرسوم بشأن
    ... لعملهم`` over ``بقسم حوادث الشغل`` on a decree's cover, set at 1.8 sizes) whose next line is centred on the
    same centre may be set more loosely, up to TEXT_TITLE_SPACING. Not an annex's label: ``ملحق`` over the annex's
    title are two headings."""
    size = h.size or 10.0
    a, b = h.lines[-1], g.lines[0]
    if TEXT_TITLE.match(h.lines[0].text.strip()) and abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 <= 0.5 * size:
        return TEXT_TITLE_SPACING * size
    return 1.6 * size


def join_title_lines(groups: list[_Group]) -> list[_Group]:
    """Bold heading lines of one size, at line spacing and aligned, that grouping cut apart: one heading."""
    out: list[_Group] = []
    for g in groups:
        h = out[-1] if out else None
        if (h is not None and h.kind == "heading" and g.kind == "heading" and h.legal is None and g.legal is None
                and _all_bold(h) and _all_bold(g) and h.size == g.size and h.rtl == g.rtl and _page(g) == h.lines[-1].page
                and len(h.lines) + len(g.lines) <= _most_lines(h) and not SENTENCE_END.search(h.lines[-1].text)
                and 0 < _baseline(g.lines[0]) - _baseline(h.lines[-1]) <= _spacing(h, g)
                and _aligned(h.lines[-1], g.lines[0], h.size or 10.0)):
            h.lines.extend(g.lines)
            h.level = min(h.level or g.level, g.level or h.level)
            h.centred = h.centred or g.centred
            continue
        out.append(g)
    return out


FULL_LINE_GAP = 2.5  # sizes between the baselines of a numbered title's full first line and the heading that ends it
_ITEM_LETTER = re.compile(r"^\(?[\u0621-\u064aA-Za-z]\s*[)\-–]\s*\S")  # any letter of an abjad or Latin series: "ع)", "k)"


def join_full_line(groups: list[_Group]) -> list[_Group]:
    """A numbered title whose first line fills its column (``«ع) المكوس الداخلية ... على الإطارات``, set against both
    edges, so grouping took it for a line of its own at the end edge, a paragraph) over a bold heading of its size just
    under it on its page (``«المطاطية ولو كانت مركبة على الأطواق``): one heading, at that heading's level."""
    out: list[_Group] = []
    for g in groups:
        h = out[-1] if out else None
        if (h is not None and h.kind == "paragraph" and g.kind == "heading" and h.legal is None and g.legal is None
                and len(h.lines) == 1 and h.flush_end and _all_bold(h) and _all_bold(g) and len(g.lines) <= 2
                and abs(h.size - g.size) < 0.5 and h.rtl == g.rtl and _page(g) == h.lines[-1].page
                and _numbered_title(h.lines[0].text.strip().lstrip(_QUOTES))
                and not SENTENCE_END.search(h.lines[0].text) and not CONTINUES.search(h.lines[0].text)
                and 0 < _baseline(g.lines[0]) - _baseline(h.lines[-1]) <= FULL_LINE_GAP * (h.size or 10.0)):
            h.kind, h.level, h.flush_end = "heading", g.level, False
            h.lines.extend(g.lines)
            continue
        out.append(g)
    return out


def _numbered_title(text: str) -> bool:
    return numbering(text) is not None or _ITEM_LETTER.match(text) is not None


def _continues_title(h: _Group, g: _Group) -> bool:
    """Does heading ``g`` go on with the title ``h`` above it? ``h`` ends on a word no title ends on (``... édictant
    des``), or ``g`` opens the way only the rest of a title does: a small letter (``contre les maladies ...``), a
    word that links a text's title to its object (``بشأن``, ``المتعلق``) or a preposition (``على أساس الكحول``), after
    the quotation mark that opens each line of an amending text's quotation."""
    first = g.lines[0].text.strip().lstrip(_QUOTES)  # a quoted text opens each of its lines with «
    end = h.lines[-1].text.strip()
    last = end.rsplit(None, 1)[-1].lower() if end else ""
    return bool(first) and (last in _OPEN_END or first[0].islower() and first[0].isalpha() and not _numbered(first)
                            or first.split(None, 1)[0] in _AR_LINK or first.split(None, 1)[0] in _AR_GOES_ON)


def join_continued(groups: list[_Group]) -> list[_Group]:
    """A heading cut in two where its size or weight changes, the second part opening like the rest of a title
    (:func:`_continues_title`), just under the first on its page: one heading, at the first part's level."""
    out: list[_Group] = []
    for g in groups:
        h = out[-1] if out else None
        if (h is not None and h.kind == "heading" and g.kind == "heading" and h.legal is None and g.legal is None
                and g.lines and h.lines and h.rtl == g.rtl and _page(g) == h.lines[-1].page
                and len(h.lines) + len(g.lines) <= MAX_TITLE_LINES and not SENTENCE_END.search(h.lines[-1].text)
                and 0 < _baseline(g.lines[0]) - _baseline(h.lines[-1]) <= 2.2 * max(h.size, g.size, 1.0)
                and _continues_title(h, g)):
            h.lines.extend(g.lines)
            continue
        out.append(g)
    return out
