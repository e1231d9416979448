"""Headings that belong to a quoted text, not to the text that quotes it (an amending text's replaced articles).

An amending order quotes the articles it replaces inside its own article, every printed line opening with a
continuation guillemet (``« Article 69. – Du comité consultatif ...``, ``«في الجانب الدائن :``). Those lines are the
quoted text's, not headings of the page's own text:

* **a quoted unit's label** (a legal heading whose line opens with ``«``, or a heading whose first line reads as one
  cut at a comma) on a page where the text's own label of the same rank or a lower one stands unquoted (as a heading
  or run in: ``Article premier. – Les articles ... sont modifiés ... :``), or on the page before or after it (the
  order's ``Article 2`` between the quoted ``Article 35``..., the quoted ``Article 57`` and ``Chapitre II`` of the
  pages before): a paragraph, as the quoted body under it is. Kept as a heading, it pushes the text's own article down to
  the quoted one's level. Pages that hold only the quoted text, away from the quoting text's own units (a quoted
  code's articles over many pages), keep their quoted labels as the ladder of what they read;
* **a quoted run-in label** (an unnumbered heading opening with ``«`` and ending with a colon: ``«في الجانب الدائن :``,
  the label of the list under it): a paragraph. A numbered quoted title (``«ض) ... :``, a quoted table's title) stays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..structure.legal import ARTICLE, BOOK, FASL, legal_heading
from .pdf_outline import numbering

if TYPE_CHECKING:
    from .pdf_block_group import _Group

_QUOTE = "«"
# the own ranks that make a quoted label of a rank the quoted text's: its own and the ranks under it (a quoted
# ``Chapitre II`` beside the order's articles); ``الفصل`` (FASL, a chapter or an article) counts as itself only
_AT_OR_UNDER = {r: tuple(range(r, ARTICLE + 1)) for r in range(BOOK, ARTICLE + 1)} | {FASL: (FASL,)}
_LETTERED = re.compile(r"^\(?[^\W\d_]\s*[)\-–]")  # one letter and its sign, of any alphabet ("ض)", the abjad's 26th)
NEAR = (-1, 0, 1)  # pages, from a quoted label's, where the quoting text's own label of its rank counts


def _quoted(g: _Group) -> str | None:
    """The text after the opening guillemet when the group's first line opens with one, else None."""
    t = g.lines[0].text.lstrip()
    return t[1:].lstrip() if t.startswith(_QUOTE) else None


def _label_rank(g: _Group, rest: str) -> int | None:
    """The rank of the legal unit a quoted heading opens: its label's, or its first line's read as one (a quoted title
    cut at a comma, ``« Article 77. – De la transmission des résultats des examens,``, fails the label's test)."""
    if g.legal is not None:
        return g.legal.rank
    first = rest if len(g.lines) == 1 else g.lines[0].text.lstrip()[1:].lstrip()
    label = legal_heading(first.rstrip().rstrip(",;،؛").rstrip())
    return label.rank if label is not None else None


def quoted_heads(groups: list[_Group]) -> None:
    """The two rules of the module docstring, in place."""
    if not any(g.kind == "heading" and g.lines and g.lines[0].text.lstrip().startswith(_QUOTE) for g in groups):
        return
    own: set[tuple[int, int]] = set()  # (page, rank) of the quoting text's own units: unquoted labels, run-in ones too
    for g in groups:
        if g.kind not in ("heading", "paragraph") or not g.lines or _quoted(g) is not None:
            continue
        if g.legal is not None:
            own.add((g.lines[0].page, g.legal.rank))
        elif g.kind == "paragraph":
            label = legal_heading(" ".join(g.lines[0].text.split()[:2]))  # "Article premier. – Les articles ... :"
            if label is not None:
                own.add((g.lines[0].page, label.rank))
    for g in groups:
        if g.kind != "heading" or not g.lines:
            continue
        rest = _quoted(g)
        if rest is None:
            continue
        rank = _label_rank(g, rest)
        if rank is not None:
            page = g.lines[0].page
            if any((page + d, r) in own for d in NEAR for r in _AT_OR_UNDER.get(rank, (rank,))):
                g.kind, g.legal, g.level = "paragraph", None, 0
        elif g.text.rstrip().endswith((":", "：")) and numbering(rest) is None and not _LETTERED.match(rest):
            g.kind, g.level = "paragraph", 0
