"""Headings that belong to a quoted text, not to the text that quotes it (an amending text's replaced articles).

An amending order quotes the articles it replaces inside its own article, every printed line opening with a
continuation guillemet (``« Article 69. – Du comité consultatif ...``, ``«في الجانب الدائن :``). Those lines are the
quoted text's, not headings of the page's own text:

* **a quoted unit's label** (a legal heading whose line opens with ``«``, or a heading whose first line reads as one
  cut at a comma: ``« Article 69. – Du comité ...``, ``«المادة 124. - إجراءات الإعفاءات``): a paragraph, as the quoted
  body under it is, wherever it stands (beside the quoting text's own article or pages away from it, in a finance
  law quoting the tax code over many pages). The document's outline is its own divisions: kept as a heading, a
  quoted label pushes the text's own next article down to its level and lists the code's articles among the text's
  (the corpus's convention, ``tests/realdocs/README.md``);
* **a quoted run-in label** (an unnumbered heading opening with ``«`` and ending with a colon: ``«في الجانب الدائن :``,
  the label of the list under it): a paragraph. A numbered quoted title (``«ض) ... :``, a quoted table's title) stays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..structure.legal import legal_heading
from .pdf_outline import numbering

if TYPE_CHECKING:
    from .pdf_block_group import _Group

_QUOTE = "«"
_LETTERED = re.compile(r"^\(?[^\W\d_]\s*[)\-–]")  # one letter and its sign, of any alphabet ("ض)", the abjad's 26th)


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
    for g in groups:
        if g.kind != "heading" or not g.lines:
            continue
        rest = _quoted(g)
        if rest is None:
            continue
        if _label_rank(g, rest) is not None:
            g.kind, g.legal, g.level = "paragraph", None, 0
        elif g.text.rstrip().endswith((":", "：")) and numbering(rest) is None and not _LETTERED.match(rest):
            g.kind, g.level = "paragraph", 0
