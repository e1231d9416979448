"""Paragraphs numbered ``1 -``, ``2 -``, ``3-`` one after the other on an OCR'd page: a numbered list.

On a text layer a line in body type that opens with ``1- `` starts a list item (``pdf_blocks._marker``). On
an OCR'd page it does not: a numbered table cell read without its rules opens the same way, and so does a
lone line of a form. What tells a list there is the run: two paragraphs or more, one after the other on
one page, whose first lines open with a number and a dash and whose numbers follow each other from 1
(``1 -``, ``2 -``, ``3-``, ``4-``: Sfax's list of the documents to file). Those paragraphs become the items
of one ordered list; their numbers stay in their text, as a text layer's numbered items keep theirs. A run
that starts past 1 is left alone: footnotes printed ``22 - ...``, ``23 - ...`` at a page's foot are notes,
and the truth pages write them as paragraphs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_block_group import _Group

MIN_RUN = 2  # paragraphs numbered in sequence that make a list
_NUMBER_DASH = re.compile(r"^(\d{1,2})\s?[-–]\s+(?=[^\W\d_])")  # "1 - مطلب", "4- ظرفان" (not "10 - 20 %")


def _number(g: _Group) -> int | None:
    """The number a paragraph of an OCR'd page opens with before a dash, None for any other group."""
    if g.kind != "paragraph" or not g.lines or g.legal is not None or g.note or hasattr(g.lines[0], "baseline"):
        return None
    m = _NUMBER_DASH.match(g.lines[0].text.strip())
    return int(m.group(1)) if m else None


def numbered_runs(groups: list[_Group]) -> int:
    """Turn each run of MIN_RUN paragraphs or more of one OCR'd page numbered in sequence into the items of
    an ordered list, in place (module docstring). Returns how many paragraphs became items."""
    made = 0
    i = 0
    while i < len(groups):
        first = _number(groups[i])
        j = i + 1
        if first is not None:
            page = groups[i].lines[0].page
            while j < len(groups) and _number(groups[j]) == first + (j - i) and groups[j].lines[0].page == page:
                j += 1
        if first == 1 and j - i >= MIN_RUN:
            for g in groups[i:j]:
                g.kind, g.ordered, g.indent = "item", True, 0.0
            made += j - i
        i = j
    return made
