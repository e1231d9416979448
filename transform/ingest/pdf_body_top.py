"""The body's top headings under title pages that took the first levels (run once the outline levels are set).

A report may open on more than one title page (a cover, then an inner title page: ``رأي`` / the council's name / the
referral's number / the title): their headings, set in three or four sizes, take levels 1 to 3 and the body's part
titles (``ملخص``, ``تقديم``, ``I.``, ``الملاحق``, each at the top of its page), the largest type after the title pages,
come out at level 3 or deeper, two levels under the document's title with nothing between. They are the document's
parts: level 2, one level under its title. Only the headings set at that largest size move (the smaller
headings keep their read levels, and nest under the parts as printed: :mod:`pdf_nesting`), only on text-layer
pages (OCR'd sizes are estimates), and only when no heading outside the title pages is read above them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_blocks import _Group

SAME_SIZE = 0.5  # points: headings set within this of the largest size are of its rank


def body_parts(groups: list[_Group]) -> None:
    """Move the body's largest headings, read at level 3 or deeper under title pages, to level 2 (module docstring)."""
    from .pdf_nesting import _title_pages

    heads = [g for g in groups if g.kind == "heading" and g.lines]
    if not heads or any(g.legal is not None for g in heads) or not all(hasattr(ln, "baseline") for g in heads for ln in g.lines):
        return
    titles = _title_pages(groups)
    body = [g for g in heads if g.lines[0].page not in titles]
    cover = [g for g in heads if g.lines[0].page in titles]
    if not body or not cover or min(g.level or 1 for g in cover) != 1:
        return
    top = min(g.level or 1 for g in body)
    largest = max(g.size for g in body)
    parts = [g for g in body if g.size >= largest - SAME_SIZE]
    if top < 3 or any((g.level or 1) != top for g in parts):
        return
    for g in parts:
        g.level = 2


def _text_layer(g: _Group) -> bool:
    return all(hasattr(ln, "baseline") for ln in g.lines)


def kicker_titles(groups: list[_Group]) -> None:
    """A title set in two sizes, a smaller kicker line over its larger words (a magazine's ``Investir`` at 22 pt over
    ``pour l'avenir !`` at 34 pt, bold), was given the level of its first line's size: it takes the level of the
    headings set in its larger type and weight (``Au service`` at 34 pt, bold, over ``du quotidien``), when these all
    have one level above it. Text-layer headings only (OCR'd sizes are estimates); legal units keep their rank's level."""
    heads = [g for g in groups if g.kind == "heading" and g.lines and g.legal is None and _text_layer(g)]
    for g in heads:
        big = max(ln.size for ln in g.lines)
        if len(g.lines) < 2 or big <= g.size + SAME_SIZE:
            continue
        bold = all(ln.bold for ln in g.lines if ln.size >= big - SAME_SIZE)
        peers = {h.level or 1 for h in heads if h is not g and abs(h.size - big) <= SAME_SIZE and h.lines[0].bold == bold}
        if len(peers) == 1 and (level := peers.pop()) < (g.level or 1):
            g.level = level
