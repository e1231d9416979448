"""A signature group set off the column's margin, joined when grouping cut it line by line (a pass of
:func:`pdf_blocks.group_lines`, after the per-line loop).

A decree or a dahir closes on its countersignature: ``Pour contreseing :`` / ``Le Chef du gouvernement,`` /
``SAAD DINE EL OTMANI.``, short lines set in from the column's start edge, centred on an axis of their own or
starting together, often spaced wider than the body text (the signatory's name in small capitals a little lower).
The per-line loop joins such lines only when they are centred on one axis within the body's line step; a group
set flush on its own indent (``Pour contreseing:`` / ``Le ministre délégué auprès`` ...), or whose name stands a
few points lower, comes out as one paragraph per piece. Here a paragraph goes on the one before it when:

* the one before ends on a countersignature's formula and its colon (``Pour contreseing :``, ``Pour
  ampliation :``; a form's labels and a minutes' lead-ins also end on a colon over short lines set in: the formula
  tells them apart), or on a comma when the paragraph is a name in capitals (``FOUZI LEKJAA``; a letterhead's or an address's lines, with their own
  capitals and digits, stay apart as the truth pages have them);
* both stand on one page in one column, every line of both set in from the column's start edge by more than a
  type size and short of its end edge by more than two (a lead-in at the margin, ``Divers :`` over its
  paragraph, is no group);
* the paragraph starts where the last line before it starts or is centred on its axis, in the same size and
  weight, at most 2.5 line heights below it.

Before that, a text's dating formula (``Fait à Rabat, le 3 hija 1447 (20 mai 2026).``, one line ending with its full
stop) is cut from the lines the loop ran on with it: the signatory's name under it (``AZIZ AKHANNOUCH.``, its box
running under the date line's) is a paragraph of its own, as every truth page writes it (:func:`cut_datings`).

Left to right only: the Arabic truth pages write each line of a countersignature (``وقعه بالعطف:`` / the
minister's office / ...) as a paragraph of its own, and a judgment's ``الحكم الآتي نصه:`` is followed by its
heading ``الوقائع:``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pdf_blocks import _Group

GROUP_LINES = 6  # a signature group's paragraph holds at most this many lines
NAME_WORDS = 6  # a signatory's name: at most this many words
DROP = 2.5  # line heights: the most a group's next piece stands below the piece before it
# the formulas that open a countersignature or a certified copy's signature (a form's labels, ``Nom et prénom :``,
# and a minutes' lead-ins, ``Forum des Associations :``, also end on a colon over short lines: they stay apart)
_OPENER = re.compile(r"^(?:Pour\s+(?:contreseing|ampliation|copie\s+conforme)|Contreseing|Contresign[ée]\s+par)\s*[:：]$", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'’. -]*[A-Z\u00c0-\u00de.]$")  # capitals, no digit


def _inside(ln: Any, edges: Any, size: float, rtl: bool) -> bool:
    """Set in from the column's start edge by more than a size, short of its end edge by more than two."""
    start = edges.right - ln.x1 if rtl else ln.x0 - edges.left
    end = ln.x0 - edges.left if rtl else edges.right - ln.x1
    return start > size and end > 2.0 * size


def _name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= NAME_WORDS and bool(_NAME.match(text.strip()))


def _joins(a: _Group, b: _Group, edges_of: dict[int, Any]) -> bool:
    if a.rtl or b.rtl:
        return False  # the Arabic truth pages keep each line of a countersignature (وقعه بالعطف:) a paragraph of its own
    if a.kind != "paragraph" or b.kind != "paragraph" or a.legal is not None or b.legal is not None or a.note or b.note:
        return False
    if not a.lines or not b.lines or len(a.lines) > GROUP_LINES or len(b.lines) > GROUP_LINES:
        return False
    last, first = a.lines[-1], b.lines[0]
    tail = last.text.rstrip()
    if not (_OPENER.match(tail) or (tail.endswith(",") and len(b.lines) == 1 and _name(first.text))):
        return False
    if last.page != first.page or bool(last.bold) != bool(first.bold):
        return False
    e_last, e_first = edges_of.get(id(last)), edges_of.get(id(first))
    if e_last is None or e_first is None or (e_last.column, e_last.region) != (e_first.column, e_first.region):
        return False
    height = max(last.bottom - last.top, 1.0)
    size = float(getattr(last, "size", 0.0) or height)
    if abs(size - float(getattr(first, "size", 0.0) or size)) > 0.15 * size:
        return False
    if not 0 < first.top - last.bottom <= DROP * height:
        return False
    for ln in (*a.lines, *b.lines):
        e = edges_of.get(id(ln))
        if e is None or not _inside(ln, e, size, bool(a.rtl)):
            return False
    together = abs(last.x0 - first.x0) <= 0.8 * size or abs(last.x1 - first.x1) <= 0.8 * size
    on_axis = abs((last.x0 + last.x1) - (first.x0 + first.x1)) / 2 <= max(3.0, 0.3 * size)
    return together or on_axis


# a text's dating formula, a sentence of its own: ``Fait à Rabat, le 3 hija 1447 (20 mai 2026).``
_DATING = re.compile(r"^Fait\s+(?:à|a|en)\s+[^\W\d_][^,]{0,40},?\s+le\s+\S.{0,80}[.]$")


def cut_datings(groups: list[_Group]) -> list[_Group]:
    """A text's dating formula (``Fait à Rabat, le ... (20 mai 2026).``, a whole line ending with its full stop) is a
    paragraph of its own: the signatory's name the per-line loop ran on under it (``AZIZ AKHANNOUCH.``, whose box
    starts under the date line's) starts the next paragraph, as every truth page writes a dating formula."""
    out: list[_Group] = []
    for g in groups:
        if g.kind != "paragraph" or g.rtl or len(g.lines) < 2 or g.legal is not None or g.note:
            out.append(g)
            continue
        cuts: set[int] = set()
        for k, ln in enumerate(g.lines):
            if ln.text[:5] == "Fait " and _DATING.match(ln.text.strip()) \
                    and (k == 0 or g.lines[k - 1].text.rstrip().endswith((".", ":", ";"))):
                cuts.update((k, k + 1))  # before the formula (after a sentence's end) and after it
        cuts &= set(range(1, len(g.lines)))
        if not cuts:
            out.append(g)
            continue
        bounds = [0, *sorted(cuts), len(g.lines)]
        out.extend(dataclasses.replace(g, lines=g.lines[i:j], centred=g.centred and i == 0)
                   for i, j in zip(bounds, bounds[1:], strict=False))
    return out


def join_signature_groups(groups: list[_Group], ordered: Sequence[tuple[Sequence[Any], Sequence[Any]]]) -> list[_Group]:
    """The groups with each signature group's pieces joined (see the module docstring), each dating formula cut from
    the lines grouping ran on under it (:func:`cut_datings`); ``ordered``: per page its lines in reading order and each
    line's column edges."""
    groups = cut_datings(groups)
    if not any(g.kind == "paragraph" and g.lines and g.lines[-1].text.rstrip().endswith((":", "：", ",")) for g in groups):
        return groups  # most documents: no paragraph ends on a colon or a comma
    edges_of = {id(ln): e for lines, edges in ordered for ln, e in zip(lines, edges, strict=False)}
    out: list[_Group] = []
    for g in groups:
        if out and _joins(out[-1], g, edges_of):
            out[-1].lines.extend(g.lines)
            continue
        out.append(g)
    return out
