"""A bulleted line inside an OCR'd block opens a list item (twenty-first session; OCR'd pages only).

The line grouping takes a line that opens with a bullet for an item's first line, but not a line read at a heading's
size: on a scan, sizes are estimates, and on a page whose own body size comes from a table's smaller lines the body
text is read at a "heading" size, so a council's decision under its formula (``Après en avoir délibéré, ... :`` /
``✓ Vote le budget 2024 ...``) ran on into the paragraph above. Run by :func:`pdf_scan_heads.scan_heads`: an OCR'd
paragraph one of whose lines opens with a bullet glyph (:data:`GLYPHS`: a dot, a square, a diamond, an arrow, a
check mark; never a star; a dash only under a line of its block ending with a colon, or after such a dashed item) is cut there: the lines before (if any) stay the
paragraph, each bulleted line opens an item (its bullet taken off, as a list item's is) and the lines under it, up to
the next bullet, go on with it. A line whose "bullet" opens a quotation it closes (``• Approuvez-vous ... ? »``, no
``«`` in it) holds a misread quotation mark, not a bullet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .pdf_title_runs import _ocr

if TYPE_CHECKING:
    from .base import TextLine
    from .pdf_blocks import _Group

GLYPHS = frozenset("•◦▪●■❖➢✓")
DASHES = frozenset("-–")  # a dash opens an item only under a line ending with a colon (``يستفيد السيد (ة) من:`` / ``- راحة ...``)


def _bullet(text: str) -> bool:
    t = text.lstrip()
    if len(t) <= 2 or t[0] not in GLYPHS or t[1] != " " or t[2:].isspace():
        return False
    return not (t.rstrip().endswith("»") and "«" not in t)  # ``• Approuvez-vous ... ? »``: a quote's opening mark misread


def scan_items(groups: list[_Group]) -> list[_Group]:
    """The cuts of the module docstring; returns the new list of groups."""
    from .pdf_block_group import _Group, _with_text

    out: list[_Group] = []
    for g in groups:
        if not (g.kind == "paragraph" and g.legal is None and not g.note and _ocr(g)):
            out.append(g)
            continue
        opens = _openers(g.lines)
        if not any(opens):
            out.append(g)
            continue
        k = opens.index(True)
        rest, flags = g.lines[k:], opens[k:]
        g.lines = g.lines[:k]
        if g.lines:
            out.append(g)
        for ln, first in zip(rest, flags, strict=True):
            if first:
                out.append(_Group(kind="item", lines=[], size=g.size, rtl=g.rtl, body=g.body, bold_level=g.bold_level))
                ln = _with_text(ln, ln.text.lstrip()[1:].lstrip())
            out[-1].lines.append(ln)
    return out


def _openers(lines: list[TextLine]) -> list[bool]:
    """Which lines open an item: a bullet glyph's; a dash's (``- ``) under a line ending with a colon or in a run of
    dashed items begun so."""
    flags: list[bool] = []
    dashed = False
    for k, ln in enumerate(lines):
        t = ln.text.lstrip()
        dash = k > 0 and t[:1] in DASHES and t[1:2] == " " and len(t) > 2 and (dashed or lines[k - 1].text.rstrip().endswith((":", "：")))
        dashed = dashed or dash
        flags.append(_bullet(ln.text) or dash)
    return flags
