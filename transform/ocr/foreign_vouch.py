"""A kept earlier OCR's amount settled by the amounts the document prints elsewhere (issue 17).

foreign_figures.py reads every amount of a kept layer again from its ink; two cases it leaves open, on the
line (``amount_votes``):

* both crops read the same well-formed amount, other than the layer's well-formed one (Putanges p. 6: the layer's
  ``163 923,86€``, the crops' ``763 923,86€``): two OCRs disagree, and the line is in doubt;
* the layer's amount has digit groups of the wrong size and no crop regrouped it (p. 6's ``1216 147,42€``).

Minutes and budgets print the same amount several times (the result presented, then assigned; a total carried to
another page). Once every page is read (:func:`vouch`, from pages.read_pages), the well-formed amounts of the
document's lines read *sound* (no doubt; the lines waiting here left out) are counted. The crops' reading replaces
the layer's amount when the document prints it and never prints the layer's; a malformed amount takes the one
well-formed amount of the document with exactly its digits. The line stays in doubt (the layer disagreed). Nothing is
counted, and nothing costs, in a document without such a line.

A table the ingester built from the layer's characters (pdf_tables, before any of this) still holds the layer's
amount: :func:`carry_into_cells` (pdf.py, for the tables of a page with such a line) writes each amount put right on
a line the table took into the cell that holds it as the layer read it, and the cell takes the line's doubt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .confidence import DOUBT_BELOW

if TYPE_CHECKING:
    from ..ingest.base import TextLine

_AMOUNT = re.compile(r"(?<![\d,])\d{1,3}(?: \d{3})*,\d\d(?![\d,])")


def _bare(amount: str) -> str:
    return amount.rstrip("€").strip()


def mends(ln: Any) -> list[tuple[str, str]]:
    """The amounts put right on the line, (as the layer read it, as written now), for :func:`carry_into_cells`."""
    if not hasattr(ln, "amount_mends"):
        ln.amount_mends = []
    return ln.amount_mends  # type: ignore[no-any-return]


def vouch(pages: Sequence[Sequence[TextLine]]) -> int:
    """Settle the amounts foreign_figures left on their lines (see the module docstring); returns how many changed."""
    waiting = [ln for lines in pages for ln in lines if getattr(ln, "amount_votes", None)]
    if not waiting:
        return 0
    printed: set[str] = set()
    for lines in pages:
        for ln in lines:
            if getattr(ln, "amount_votes", None) or (ln.confidence is not None and ln.confidence < DOUBT_BELOW):
                continue
            printed.update(_AMOUNT.findall(ln.text.replace("\u202f", " ").replace("\xa0", " ")))
    changed = 0
    for ln in waiting:
        for tok, ours in ln.amount_votes:  # type: ignore[attr-defined]
            if ours is not None:
                new = ours if _bare(ours) in printed and _bare(tok) not in printed else None
            else:
                digits = re.sub(r"\D", "", tok)
                same = [a for a in printed if re.sub(r"\D", "", a) == digits]
                new = same[0] + ("€" if tok.endswith("€") else "") if len(same) == 1 else None
            if new and tok in ln.text:
                ln.text = ln.text.replace(tok, new, 1)
                mends(ln).append((tok, new))
                changed += 1
        ln.amount_votes = []  # type: ignore[attr-defined]
    return changed


def carry_into_cells(rows: Sequence[Sequence[object]], took: Sequence[TextLine]) -> int:
    """Write the amounts put right on the lines a table took (``amount_mends``: foreign_figures, :func:`vouch`) into
    the cells that hold them as the layer read them; such a cell takes its line's doubt. Returns how many cells."""
    done = 0
    for ln in took:
        for old, new in getattr(ln, "amount_mends", ()):
            for row in rows:
                for cell in row:
                    for sent in getattr(cell, "sentences", []):
                        if old in sent.text and sent.text.count(old) == 1:
                            sent.text = sent.text.replace(old, new)
                            if getattr(cell, "doubt", None) is None:
                                cell.doubt = ln.doubt  # type: ignore[attr-defined]
                            done += 1
    return done
