"""Headings that are lines of a block or entries of a table of contents (passes of
:func:`pdf_headings.refine_headings`).

* **a line of a panel** (a gazette cover's subscription box: ``IMPRIMERIE OFFICIELLE`` /
  ``Rabat - Chellah`` / ``Tél. : ...``): one line at body weight, set at most a little larger than the
  body (small capitals, whose capitals the text layer sizes above the lines around them), with
  a paragraph line right above it and one right under it at line spacing on its page, is a line of that
  panel, not a heading: a heading is set apart from the text around it;
* **a panel's title** (the same box's ``ABONNEMENT``, cut from the table's title at the panel's wall, see
  :mod:`pdf_panels`): a one-line heading over three one-line paragraphs or more, each right under the one
  above at line spacing (a stack of short lines that make no paragraph together), centred on the first of
  them and set at most a little larger: a paragraph (a model form's title over its letterhead is larger and
  centred on the page, the letterhead at the margin);
* **a contents entry** whose title is set like a heading (a gazette's sommaire: a bold title,
  then its text's description in italics ending in dot leaders and a page number) is no heading, also
  when the description is cut by a column break: the paragraph under the title, and the paragraph
  that goes on with it (opening in a small letter, on the same page), end in a page number after
  leaders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .pdf_block_kinds import _leader
from .pdf_title_runs import _baseline, _ocr, _page

if TYPE_CHECKING:
    from .pdf_blocks import _Group

PANEL_SIZE = 1.15  # a panel's line is set at most this many times the body
PANEL_PITCH = 1.5  # sizes from one baseline to the next within a block


def _close(a: _Group, b: _Group, size: float) -> bool:
    """``b`` starts on ``a``'s page, right under its last line, at line spacing."""
    if not a.lines or not b.lines or _page(a) != _page(b):
        return False
    return 0 < _baseline(b.lines[0]) - _baseline(a.lines[-1]) <= PANEL_PITCH * size


def panel_lines(groups: list[_Group]) -> None:
    """A one-line heading at body weight, hardly larger than the body, between two paragraphs at line spacing: a
    paragraph (a line of the panel they make)."""
    for i in range(1, len(groups) - 1):
        g, above, below = groups[i], groups[i - 1], groups[i + 1]
        if g.kind != "heading" or g.legal is not None or len(g.lines) != 1 or g.lines[0].bold or _ocr(g):
            continue
        if not g.body or g.size > PANEL_SIZE * g.body:
            continue
        if above.kind == "paragraph" and below.kind == "paragraph" and _close(above, g, g.size) \
                and _close(g, below, g.size):
            g.kind = "paragraph"
    panel_titles(groups)


PANEL_STACK = 3  # one-line paragraphs at line spacing under a panel's title
PANEL_TITLE = 1.3  # a panel's title is set at most this many times its first line's size


def _stack_under(groups: list[_Group], i: int) -> bool:
    """Are the groups after ``groups[i]`` one-line paragraphs, at least :data:`PANEL_STACK` of them, each right
    under the one before at line spacing?"""
    prev = groups[i]
    for f in groups[i + 1:i + 1 + PANEL_STACK]:
        if f.kind != "paragraph" or len(f.lines) != 1 or not _close(prev, f, max(prev.size, f.size)):
            return False
        prev = f
    return i + PANEL_STACK < len(groups)


def panel_titles(groups: list[_Group]) -> None:
    """A one-line heading over a stack of one-line paragraphs at line spacing, centred on the stack's first line
    and hardly larger: a panel's title, a paragraph (a form's title over its letterhead is larger, or set apart)."""
    for i, g in enumerate(groups):
        if g.kind != "heading" or g.legal is not None or len(g.lines) != 1 or _ocr(g) or not _stack_under(groups, i):
            continue
        ln, first = g.lines[0], groups[i + 1].lines[0]
        if abs((ln.x0 + ln.x1) - (first.x0 + first.x1)) / 2 <= max(ln.size, 1.0) and ln.size <= PANEL_TITLE * first.size:
            g.kind = "paragraph"


def _entry_ends(groups: list[_Group], i: int) -> bool:
    """Do the paragraphs from ``groups[i]`` on, the next ones going on with it on its page (opening with a small
    letter), end in dot leaders and a page number?"""
    j = i
    while j < len(groups) and groups[j].kind == "paragraph" and groups[j].lines:
        if _leader(groups[j].lines[-1].text):
            return True
        nxt = groups[j + 1] if j + 1 < len(groups) else None
        if nxt is None or nxt.kind != "paragraph" or not nxt.lines or _page(nxt) != _page(groups[j]):
            return False
        first = nxt.lines[0].text.strip()
        if not (first[:1].isalpha() and first[:1].islower()):
            return False
        j += 1
    return False


def contents_entries(groups: list[_Group]) -> None:
    """A heading over a paragraph of its page that ends, maybe after a column break, in a leader and a page number:
    a contents entry's title, a paragraph."""
    for i, g in enumerate(groups[:-1]):
        nxt = groups[i + 1]
        if g.kind == "heading" and g.legal is None and g.lines and nxt.lines and _page(nxt) == g.lines[-1].page \
                and _entry_ends(groups, i + 1):
            g.kind = "paragraph"
