"""A page number printed on the same line as a footer's or a header's text (used by :mod:`pdf_furniture`).

A slide deck or a report may set its folio at the far end of the line that carries a source or
a section name (``Source : Le Monde`` ... ``7``): pdfium reads the two as one line, so the page
number test, which wants a line that is only a number, passes it over and the ``7`` is read out
in the body. Such a folio is cut from its line when the other pages confirm it:

* the line lies in the top or bottom margin and its words at one end are a run of their own
  (pdfium's segment, three font sizes at least from the rest of the line), a number alone;
* another page of the document carries a page number found on its own line at the same place
  (top within 3 pt, the same left or right edge within 3 pt), numbered in the same series
  (its number minus its page index equals this number minus this page's index).

The number goes to the furniture as a ``page_number``; the rest of the line stays in the body.
A table's total or a date at the end of a footer line stays: no other page prints a page number
in that place, in that series.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from ..model import Furniture
from .base import TextLine

L = TypeVar("L", bound=TextLine)
NUMBER = re.compile("^[0-9\u0660-\u0669\u06f0-\u06f9]{1,4}$")
PLACE = 3.0  # points: the same place as another page's folio
APART = 3.0  # font sizes: the folio's run stands this far from the rest of its line at least
_ARABIC_DIGITS = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
                               "01234567890123456789")

Folio = tuple[int, float, float, float, int]  # page index, top, left, right, number minus page index


def folios(numbers: list[list[TextLine]]) -> list[Folio]:
    """The page numbers found on lines of their own (``numbers[k]``: page ``k``'s), where they stand and their series."""
    out: list[Folio] = []
    for k, lines in enumerate(numbers):
        for ln in lines:
            digits = re.sub(r"\D", "", ln.text.translate(_ARABIC_DIGITS))
            if digits and len(digits) <= 4:
                out.append((k, ln.top, ln.x0, ln.x1, int(digits) - k))
    return out


def _end_number(ln: TextLine) -> tuple[str, bool] | None:
    """The number alone in the run at one end of ``ln`` and whether that run is the line's last one
    (rightmost), or None. The run stands :data:`APART` sizes from the rest."""
    segments = getattr(ln, "segments", None)
    gaps = getattr(ln, "gaps", None)
    if not segments or len(segments) < 2 or not gaps or getattr(ln, "parts", None):
        return None
    words = ln.text.split()
    if len(words) < 2:
        return None
    size = ln.size or 10.0
    rtl = bool(getattr(ln, "rtl", False))
    # the rightmost run holds the last word of a left-to-right line, the first of a right-to-left one
    for word, right in ((words[-1], not rtl), (words[0], rtl)):
        gap = gaps[-1] if right else gaps[0]
        run = segments[-1] if right else segments[0]
        if NUMBER.match(word) and gap >= APART * size and run[1] - run[0] <= 2.5 * size:
            return word, right
    return None


def glued_folios(pages: list[list[L]], heights: list[float], numbers: list[list[TextLine]],
                 top: float = 0.12, bottom: float = 0.90) -> tuple[list[list[L]], list[Furniture]]:
    """Pages with the page numbers glued to a margin line cut off, and those numbers as furniture
    (see the module docstring). ``numbers``: each page's page-number lines already taken out."""
    known = folios(numbers)
    found: list[Furniture] = []
    out: list[list[L]] = []
    for k, (lines, height) in enumerate(zip(pages, heights, strict=False)):
        kept: list[L] = []
        for ln in lines:
            if not (ln.top < top * height or ln.bottom > bottom * height):
                kept.append(ln)
                continue
            end = _end_number(ln)
            if end is None:
                kept.append(ln)
                continue
            word, right = end
            segments = ln.segments  # type: ignore[attr-defined]
            run = segments[-1] if right else segments[0]
            series = int(word.translate(_ARABIC_DIGITS)) - k
            number = int(word.translate(_ARABIC_DIGITS))
            if number != ln.page and not any(p != k and s == series and abs(at - ln.top) <= PLACE
                                             and (abs(x0 - run[0]) <= PLACE or abs(x1 - run[1]) <= PLACE)
                                             for p, at, x0, x1, s in known):
                kept.append(ln)
                continue
            words = ln.text.split()
            last = right != bool(getattr(ln, "rtl", False))  # the number is the line's last word (else its first)
            rest = " ".join(words[:-1] if last else words[1:])
            segs = segments[:-1] if right else segments[1:]
            gaps = ln.gaps[:-1] if right else ln.gaps[1:]  # type: ignore[attr-defined]
            kept.append(dataclasses.replace(ln, text=rest, x0=segs[0][0], x1=segs[-1][1], segments=segs, gaps=gaps))
            found.append(Furniture(page=ln.page, kind="page_number", text=word))
        out.append(kept)
    out.extend(pages[len(out):])
    return out, found
