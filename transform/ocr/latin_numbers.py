"""French amounts of an OCR'd page whose thousands spaces were lost (issue 17).

A French amount is written in groups of three digits parted by a (thin) space, then a decimal
comma: ``2 081 385,76 €``. A 200 ppi scan's thin space between the first two groups is often
too narrow for tesseract, which reads ``2081 385,76``: the figure is the same, but a reader (and
braille, and speech) meets two numbers, ``2081`` and ``385,76``. Here a run of four to six digits
(not starting with ``0``: an account code) directly followed by groups of exactly three digits and
a decimal comma with two digits is one amount, and its head is grouped by three again. No digit is
added, dropped or changed; only spaces are put back inside a run of digits.

- In a table cell (:func:`amount_cells`), the cell must be that amount and nothing else (its
  ``€`` or a ``6`` read for it may follow).
- In a line (:func:`amount_lines`), the head and the next group must be two words of tesseract's
  reading with a gap narrower than ``MAX_GAP`` of the line's height: a word space, never the gap
  between two amounts of two columns (those stand an em or more apart).

Beside these, a cell reading ``O,00`` in a table of euro amounts is ``0,00`` (the letter O has no
place before a decimal comma).

A cell that lost every thousands space (``11433,00€``, Putanges p. 14, where the same table prints
``10 963,09€`` and ``22 396,09€``) has no later group to show it: its integer part of five digits or
more is grouped again only when the table's convention says so, that is when at least
``MIN_SPACED`` of its amounts are printed with a thousands space and they outnumber the amounts of
five digits or more printed without one. In a table where neither way wins (as many spaced as
unspaced), the unspaced cell is left as read and put in doubt (``amount_ungrouped``); in a table
that prints no amount spaced, it is the table's own way and stays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..ingest.base import TextLine

MAX_GAP = 0.6  # a gap between two words wider than this share of the line's height parts two amounts
MIN_EUROS = 2  # euro amounts in a table that make a lone ``O,00`` a zero
_HEAD = re.compile(r"[1-9]\d{3,5}")
_AMOUNT_CELL = re.compile(r"([1-9]\d{3,5})((?: \d{3})+,\d\d)( ?€|6)?")
_EURO = re.compile(r"\d{1,3}(?: \d{3})*,\d\d ?€")
_ZERO_AS_O = re.compile(r"[Oo](,\d\d ?€?)")
MIN_SPACED = 2  # amounts with a thousands space that make a table's convention
UNGROUPED = "amount_ungrouped"  # the doubt of an unspaced amount where the table's way is unclear
_SPACED = re.compile(r"-?\d{1,3}(?: \d{3})+,\d\d(?: ?€|6)?")
_UNSPACED = re.compile(r"(-?)([1-9]\d{4,})(,\d\d(?: ?€|6)?)")

Boxes = list[tuple[str, float, float, float, float]]


class _Cell(Protocol):
    col: int
    text: str


def grouped(head: str) -> str:
    """``2081`` -> ``2 081``; ``100000`` -> ``100 000``."""
    first = len(head) % 3 or 3
    return " ".join([head[:first], *(head[i:i + 3] for i in range(first, len(head), 3))])


def amount_cells(cells: list[_Cell]) -> int:
    """Group again the head of a cell that is one amount read without its first thousands
    space(s), and read ``O,00`` as ``0,00`` in a table of euro amounts; returns the cells changed."""
    changed = 0
    euros = sum(1 for c in cells if _EURO.fullmatch(c.text.strip()))
    for c in cells:
        text = c.text.strip()
        if m := _AMOUNT_CELL.fullmatch(text):
            c.text = grouped(m.group(1)) + m.group(2) + (m.group(3) or "")
            changed += 1
        elif euros >= MIN_EUROS and (z := _ZERO_AS_O.fullmatch(text)):
            c.text = "0" + z.group(1)
            changed += 1
    return changed + _unspaced_cells(cells)


def _unspaced_cells(cells: list[_Cell]) -> int:
    """Group an amount cell read without any thousands space (``11433,00€``) when the table prints
    its amounts spaced; put it in doubt when the table has no clear way (module docstring)."""
    bare = [(c, m) for c in cells if (m := _UNSPACED.fullmatch(c.text.strip()))]
    if not bare:
        return 0
    spaced = sum(1 for c in cells if _SPACED.fullmatch(c.text.strip()))
    if spaced >= MIN_SPACED and spaced > len(bare):
        for c, m in bare:
            c.text = m.group(1) + grouped(m.group(2)) + m.group(3)
        return len(bare)
    if spaced:
        for c, _m in bare:
            if getattr(c, "doubt", UNGROUPED) is None:
                c.doubt = UNGROUPED  # type: ignore[attr-defined]
    return 0


def amount_lines(lines: list[TextLine], word_boxes: dict[int, Boxes]) -> int:
    """Group again the heads of the amounts of ``lines`` whose words are still tesseract's
    (``word_boxes`` by id(line)), when the gap after the head is a word space; returns the
    lines changed. The boxes are kept in step with the text (a head's box shared by its groups)."""
    changed = 0
    for ln in lines:
        boxes = word_boxes.get(id(ln))
        if not boxes or [b[0] for b in boxes] != ln.text.split():
            continue
        tall = ln.bottom - ln.top
        out: Boxes = []
        moved = False
        for n, box in enumerate(boxes):
            w, x0, top, x1, bottom = box
            nxt = boxes[n + 1] if n + 1 < len(boxes) else None
            prev = boxes[n - 1][0] if n else ""
            if (nxt and _HEAD.fullmatch(w) and nxt[1] - x1 <= MAX_GAP * tall
                    and not re.fullmatch(r"\d{1,3}", prev) and _ends_amount(boxes, n + 1)):
                parts = grouped(w).split()
                step = (x1 - x0) / len(w)
                at = x0
                for p in parts:
                    out.append((p, at, top, at + step * len(p), bottom))
                    at += step * len(p)
                moved = True
            else:
                out.append(box)
        if moved:
            ln.text = " ".join(b[0] for b in out)
            word_boxes[id(ln)] = out
            changed += 1
    return changed


def _ends_amount(boxes: Boxes, n: int) -> bool:
    """The words from ``n`` on are groups of three digits, the last of them with ``,dd``."""
    for w, *_ in boxes[n:]:
        if re.fullmatch(r"\d{3}", w):
            continue
        return bool(re.fullmatch(r"\d{3},\d\d(?:\D{0,2}|6)", w))
    return False
