"""Headings told by their numbering (passes of :func:`pdf_headings.refine_headings`).

* **two numbered titles in one heading**: grouping ran a part's title and the first title under it into
  one heading (``أ- الأجراء الدائمون:`` / ``I- تقديم المؤسسة:``, two bold lines of one size): a line that
  opens with a numbering (:func:`pdf_outline.numbering`) under a line that ends with a colon starts a
  heading of its own, one level down;
* **decimal sub-headings at body weight**: one-line paragraphs numbered ``1.2``, ``2.2``, ``2.3`` (a
  numbering of two levels or more), a few words that do not end like a sentence, each over a block
  that is not numbered so, at least two of them on a page: sub-headings (a form's indicators), one
  level under the bold heading level. A number alone (``2.5 %``) or a sentence is no sub-heading;
* **a group title and a numbered part's title in one bold block**: grouping ran an unnumbered bold title and
  the numbered title printed under it into one block of three lines or more, too long for a heading, at body size
  or more, right over a heading of its page (a finance law's ``النفقات من الميزانية العامة ...`` / ``I. -
  الميزانية العامة`` over ``المادة 44``): cut before each line that opens with a numbering, each part one or two
  lines that do not end a sentence, they are headings (the levels are the legal units' pass's: the numbered one under
  the group title, its articles under it, the ``II.-`` after them its sibling).
* **a series restarted under a numbered heading with another sign** (``7. Questions diverses`` then ``1 / respect des
  horaires ...``, ``2/ Stérilisation des chats``, all read at one level): a new series, from 1, whose number is
  followed by another sign than the heading's right before it, is that heading's subdivisions, one level under it
  (:func:`restarted_series`, after the outline's levels).
* **a numbered part's title over a group title in one heading**: grouping ran a short numbered bold title and the
  unnumbered group title printed a line under it, spaced apart as two titles (``I.- الميزانية العامة`` /
  ``التأهيل`` over ``المادة 20``), into one heading right over a legal unit: two headings, the second one level down
  (:func:`split_group_titles`). A title that wraps steps at its line spacing, closer than SPACED sizes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import CONTINUES, MAX_HEADING_WORDS, SENTENCE_END
from .pdf_outline import numbering
from .pdf_title_runs import _page

if TYPE_CHECKING:
    from .pdf_blocks import _Group

_SIGN = re.compile(r"^\s*(\d+)\s*([./)\-–:])")  # a heading's number and the sign after it ("7." / "1 /")
MAX_SUB_WORDS = 12  # words of a decimal sub-heading at body weight
MIN_SIBLINGS = 2  # decimal sub-headings of one page that make a series
SPACED = 1.45  # sizes between the baselines of two titles set one under the other (a wrapped title's lines step less)
MAX_GROUP_WORDS = 4  # words of a group title printed under a part's title


def split_numbered_lines(groups: list[_Group]) -> list[_Group]:
    """A heading of several lines, one of them opening with a numbering right under a line ending with a colon: two
    headings (or more), the later ones a level down."""
    from .pdf_block_group import _Group

    out: list[_Group] = []
    for g in groups:
        if g.kind != "heading" or g.legal is not None or len(g.lines) < 2:
            out.append(g)
            continue
        cuts = [k for k in range(1, len(g.lines))
                if g.lines[k - 1].text.rstrip().endswith((":", "：")) and numbering(g.lines[k].text) is not None]
        if not cuts:
            out.append(g)
            continue
        bounds = [0, *cuts, len(g.lines)]
        level = g.level or g.bold_level or 1
        for n, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
            out.append(_Group(kind="heading", lines=g.lines[a:b], size=g.size, rtl=g.rtl, indent=g.indent,
                              level=level if n == 0 else min(6, level + 1), centred=g.centred and n == 0,
                              body=g.body, bold_level=g.bold_level))
    return out


def split_group_titles(groups: list[_Group]) -> list[_Group]:
    """The numbered part's title and the group title of the module docstring, cut into two headings."""
    from .pdf_block_group import _Group

    out: list[_Group] = []
    for i, g in enumerate(groups):
        nxt = groups[i + 1] if i + 1 < len(groups) else None
        if g.kind == "heading" and g.legal is None and len(g.lines) == 2 and nxt is not None and nxt.legal is not None \
                and nxt.kind == "heading" and nxt.lines and _page(nxt) == _page(g) and all(ln.bold for ln in g.lines):
            first, second = g.lines
            a, b = first.text.strip(), second.text.strip()
            size = first.size or g.size or 10.0
            if numbering(a) is not None and numbering(b) is None and len(b.split()) <= MAX_GROUP_WORDS \
                    and not SENTENCE_END.search(a) and not CONTINUES.search(a) and not a.endswith((":", "：")) \
                    and getattr(second, "baseline", 0.0) - getattr(first, "baseline", 0.0) >= SPACED * size:
                level = g.level or g.bold_level or 1
                out.append(_Group(kind="heading", lines=[first], size=g.size, rtl=g.rtl, indent=g.indent, level=level,
                                  centred=g.centred, body=g.body, bold_level=g.bold_level))
                out.append(_Group(kind="heading", lines=[second], size=g.size, rtl=g.rtl, indent=g.indent,
                                  level=min(6, level + 1), centred=g.centred, body=g.body, bold_level=g.bold_level))
                continue
        out.append(g)
    return out


def split_bold_titles(groups: list[_Group]) -> list[_Group]:
    """The group title and numbered part's title of the module docstring, cut into headings."""
    from .pdf_block_group import _Group

    out: list[_Group] = []
    for i, g in enumerate(groups):
        nxt = groups[i + 1] if i + 1 < len(groups) else None
        parts = _bold_title_parts(g, nxt)
        if parts is None:
            out.append(g)
            continue
        for n, lines in enumerate(parts):
            out.append(_Group(kind="heading", lines=lines, size=g.size, rtl=g.rtl, indent=g.indent, level=g.bold_level,
                              centred=g.centred and n == 0, body=g.body, bold_level=g.bold_level))
    return out


def _bold_title_parts(g: _Group, nxt: _Group | None) -> list[list] | None:
    """The parts (lists of lines) of a bold block that is titles only, None when it is not one."""
    if g.kind != "paragraph" or g.legal is not None or g.note or len(g.lines) < 3 or g.size < (g.body or g.size) \
            or not all(ln.bold for ln in g.lines) or not all(hasattr(ln, "baseline") for ln in g.lines):
        return None
    if nxt is None or nxt.kind != "heading" or not nxt.lines or _page(nxt) != _page(g):
        return None
    cuts = [k for k in range(1, len(g.lines)) if numbering(g.lines[k].text) is not None]
    if not cuts:
        return None
    bounds = [0, *cuts, len(g.lines)]
    parts = [g.lines[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    for lines in parts:
        text = " ".join(ln.text.strip() for ln in lines)
        if len(lines) > 2 or len(text.split()) > MAX_HEADING_WORDS or SENTENCE_END.search(text) or CONTINUES.search(text):
            return None
    return parts


def _decimal_candidate(g: _Group) -> bool:
    if g.kind != "paragraph" or g.legal is not None or g.note or len(g.lines) != 1 or g.size < (g.body or g.size):
        return False
    text = g.text.strip()
    if "...." in text or "……" in text:
        return False  # a contents entry and its dot leader
    kind = numbering(text)
    if kind is None or not kind.startswith("decimal") or SENTENCE_END.search(text) or CONTINUES.search(text):
        return False
    words = text.split()[1:]
    return 1 <= len(words) <= MAX_SUB_WORDS and any(c.isalpha() for c in words[0])


def decimal_subheads(groups: list[_Group]) -> None:
    """The decimal sub-headings of the module docstring become headings."""
    found: dict[int | None, list[_Group]] = {}
    for i, g in enumerate(groups[:-1]):
        nxt = groups[i + 1]
        if not _decimal_candidate(g) or not nxt.lines or _page(nxt) != _page(g):
            continue
        kind = numbering(nxt.text)
        if kind is not None and kind.startswith("decimal"):
            continue  # a list of numbered lines, not titles over their text
        found.setdefault(_page(g), []).append(g)
    for page_heads in found.values():
        if len(page_heads) >= MIN_SIBLINGS:
            for g in page_heads:
                g.kind, g.level = "heading", min(6, g.bold_level + 1)


def restarted_series(groups: list[_Group]) -> None:
    """A series numbered from 1 right after a heading numbered higher at its level, its numbers followed by another
    sign (``1 /`` after ``7.``): each of its headings in turn (1, 2, 3..., that sign, that level) goes one level under."""
    heads = [g for g in groups if g.kind == "heading" and g.legal is None and g.lines]
    for k in range(1, len(heads)):
        p, g = heads[k - 1], heads[k]
        if g.lines[0].text.lstrip()[:1] != "1":
            continue  # most headings: no series opens there
        pm, gm = _SIGN.match(p.lines[0].text), _SIGN.match(g.lines[0].text)
        if pm is None or gm is None or gm.group(1) != "1" or int(pm.group(1)) < 2 or pm.group(2) == gm.group(2) \
                or g.level != p.level or g.lines[0].page - p.lines[-1].page > 1 \
                or numbering(p.lines[0].text) != "number" or numbering(g.lines[0].text) != "number":
            continue
        want = 1
        for h in heads[k:]:
            hm = _SIGN.match(h.lines[0].text)
            if hm is None or hm.group(2) != gm.group(2) or int(hm.group(1)) != want or h.level != p.level:
                break
            h.level, want = min(6, (p.level or 1) + 1), want + 1
