"""A scan's edge marks read as a line of a French page: a thin band of ticks under the running header.

The Bulletin officiel's scans carry a row of corner ticks and dust along the top edge; tesseract reads it as a line of
its own, the page's whole width wide and a third of a text line high: ``0 11| 1 <1 1 1 1`` (BO 5952 bis p. 14, seven
words no page prints), ``لصي`` (p. 32, Arabic letters on a French page). Such a line (:func:`edge_marks`) is

* thin: under THIN of the page's usual line height (the median of its lines of three words or more),
* wide: over WIDE of the span the page's text lines cover,
* read unsure (confidence under SURE), and
* wordless: no token holds two Latin letters (digits, marks, single letters, Arabic specks of at most three letters).

It is dropped (:func:`drop_edge_marks`, in ``page_passes.finish`` on pages read with ``fra`` whose letters are Latin
(``latin_misreads.french_page``), before the French passes). A line of text, even a short one, holds a word; a rule
read as marks is taken by ``noise.py`` before. On Arabic pages read with ``ara+fra`` the rule dropped a decree's
thin line under its header that the running-header pass needed: they are left to their own passes.
"""

from __future__ import annotations

import re
from statistics import median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..ingest.base import TextLine

THIN = 0.6  # share of the page's usual line height under which a line is thin
WIDE = 0.8  # share of the text's span a line must cover
SURE = 0.6  # confidence under which the line was read unsure
_LATIN2 = re.compile(r"[A-Za-zÀ-ÿ]{2}")
_AR = re.compile(r"[\u0621-\u064a]")


def _wordless(text: str) -> bool:
    return not _LATIN2.search(text) and all(len(_AR.findall(t)) <= 3 for t in text.split())


def edge_marks(lines: list[TextLine]) -> list[TextLine]:
    """The page's lines that are edge marks read as text (see the module doc)."""
    from .latin_misreads import french_page

    body = [ln for ln in lines if len(ln.text.split()) >= 3]
    if len(body) < 5 or not french_page(lines):  # an Arabic page read with ara+fra: its own passes
        return []
    usual = median(ln.bottom - ln.top for ln in body)
    left, right = min(ln.x0 for ln in body), max(ln.x1 for ln in body)
    return [ln for ln in lines if ln.bottom - ln.top < THIN * usual and ln.x1 - ln.x0 > WIDE * (right - left)
            and (ln.confidence or 0.0) < SURE and ln.text.strip() and _wordless(ln.text)]


def drop_edge_marks(lines: list[TextLine]) -> int:
    """``lines`` without their edge marks, in place; how many were dropped."""
    marks = {id(ln) for ln in edge_marks(lines)}
    lines[:] = [ln for ln in lines if id(ln) not in marks]
    return len(marks)
