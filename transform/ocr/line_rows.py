"""OCR'd lines of a page in one column put back in the order of their rows, top to bottom.

Tesseract lists lines block by block, in the order its layout analysis sorts the blocks. On a
page in one column that order can be wrong: the three centred lines of an annex's title over a
scanned form were three blocks of their own, listed after the model's title under them and at
the very end of the page (BO 7448 p. 20: the title's second line read after the form's heading,
its third after the last item). A page whose rows nearly all hold one line (no other line beside
it) is one column whatever tesseract's blocks say, and is read top to bottom, as
the truth pages and a person read it (a framed box at its place on the page). Lines standing side
by side (a label and a blank's second label on one printed line) keep tesseract's order among
themselves, their row at its place. A page with columns or a table (many lines side by side) keeps
tesseract's order: its blocks are what orders columns. So does a page written mostly in Arabic
letters: read by rows, the corpus's Arabic scans (whose tesseract order was right) had a minister's
signature line and stamps moved apart from their blocks (decision ma-mtedd p. 2: the signature
became a heading, heading F1 1.000 -> 0.667).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from .tesseract import _AR, _LAT

if TYPE_CHECKING:
    from ..ingest.base import TextLine

MIN_LINES = 4  # fewer lines: nothing to put in order
ALONE = 0.8  # at least this share of the page's rows hold one line: one column
OVERLAP = 0.5  # two lines share a row when their heights overlap by this share of the lower one
L = TypeVar("L", bound="TextLine")


def _beside(a: TextLine, b: TextLine) -> bool:
    over = min(a.bottom, b.bottom) - max(a.top, b.top)
    return over > OVERLAP * max(1e-6, min(a.bottom - a.top, b.bottom - b.top))


def _rows(lines: list[L]) -> list[list[int]]:
    """Indexes of the lines grouped in rows (lines side by side, chained), each row in the
    lines' own order, rows in the order of their top."""
    order = sorted(range(len(lines)), key=lambda i: lines[i].top)
    rows: list[list[int]] = []
    for i in order:
        for row in rows[-3:]:  # a line beside one of the last rows' lines joins it
            if any(_beside(lines[i], lines[j]) for j in row):
                row.append(i)
                break
        else:
            rows.append([i])
    for row in rows:
        row.sort()
    rows.sort(key=lambda r: min(lines[i].top for i in r))
    return rows


def in_rows(lines: list[L]) -> list[L]:
    """``lines`` top to bottom by rows when the page is one column (see the module's docstring),
    else ``lines`` unchanged (the same list)."""
    if len(lines) < MIN_LINES:
        return lines
    text = " ".join(ln.text for ln in lines)
    if len(_AR.findall(text)) > len(_LAT.findall(text)):
        return lines
    rows = _rows(lines)
    alone = sum(1 for r in rows if len(r) == 1)
    if alone < ALONE * len(rows):
        return lines
    order = [i for r in rows for i in r]
    if order == list(range(len(lines))):
        return lines
    return [lines[i] for i in order]
