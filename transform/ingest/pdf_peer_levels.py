"""A heading takes the level of its peer printed before it when it came out above it (run after the unnumbered
headings are nested, :func:`pdf_nesting.nest_unnumbered`).

Levels nest as printed: two headings of one rank are at one level, however the sizes and the nesting placed the
headings between them. Two cases, on text-layer pages, in document order:

* **a named series that skips numbers** (``مشروع 7 :`` ... ``مشروع 10 :``, the projects 8 and 9 read as a list): a
  heading numbered in a named series (``named:`` of :func:`pdf_outline.numbering`) that came out above the last
  member of its series before it (a smaller number, printed alike, only deeper headings between them) takes its
  level; the headings read under it (up to one at its old level or above) move down with it;
* **a peer after a lighter subtitle** (``• ميزانية التسيير`` / underlined ``إعانة لفائدة ...`` / ``• الصندوق الخاص
  لدعم المحاكم`` on the next page): a bold unnumbered heading that came out above the heading just before it, where
  the headings between it and the last bold unnumbered heading printed at its size (on its page or the page before)
  are all lighter (not bold) ones nested under that heading, takes that heading's level: a subtitle of the rank
  under it does not part two peers.

Legal units, official texts' titles and annexes keep their own levels (they are not plain headings here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .pdf_nesting import _OWN_LEVEL, SMALLER
from .pdf_outline import numbering, rank

if TYPE_CHECKING:
    from .pdf_blocks import _Group


def _text_layer(g: _Group) -> bool:
    return all(hasattr(ln, "baseline") for ln in g.lines)


def _bold(g: _Group) -> bool:
    return all(ln.bold for ln in g.lines)


def _alike(a: _Group, b: _Group) -> bool:
    return abs(a.size - b.size) < SMALLER and _bold(a) == _bold(b)


def _plain(g: _Group) -> bool:
    return g.legal is None and _text_layer(g) and _OWN_LEVEL.match(g.text.strip()) is None


def peer_levels(groups: list[_Group]) -> None:
    """The two rules of the module docstring, in place."""
    heads = [g for g in groups if g.kind == "heading" and g.lines]
    for k, g in enumerate(heads):
        if g.legal is not None:
            continue  # most headings of a law: looked at no further
        words = g.lines[0].text.split(None, 2)
        named = len(words) > 1 and words[1][:1].isdigit()  # "مشروع 10 :" (the named series' form, cheaply)
        rises = k > 0 and (g.level or 1) < (heads[k - 1].level or 1) and _bold(g)  # above the heading before it
        if not (named or rises) or not _plain(g):
            continue
        kind = numbering(g.lines[0].text)
        if kind is not None and kind.startswith("named:"):
            _series_gap(heads, k, kind)
        elif kind is None and rises:
            _after_subtitle(heads, k)


def _series_gap(heads: list[_Group], k: int, kind: str) -> None:
    g = heads[k]
    number = rank(g.lines[0].text, kind)
    deepest = 7  # the highest level (smallest number) of the headings between g and its peer
    for j in range(k - 1, -1, -1):
        h = heads[j]
        if h.legal is None and numbering(h.lines[0].text) == kind:
            before = rank(h.lines[0].text, kind)
            if (number is not None and before is not None and before < number and _alike(h, g) and _plain(h)
                    and deepest > (h.level or 1) > (g.level or 1)):
                _move(heads, k, h.level or 1)
            return
        deepest = min(deepest, h.level or 1)


def _after_subtitle(heads: list[_Group], k: int) -> None:
    g = heads[k]
    if k == 0 or (g.level or 1) >= (heads[k - 1].level or 1):
        return
    for j in range(k - 1, -1, -1):
        h = heads[j]
        if _bold(h):
            if (_plain(h) and numbering(h.lines[0].text) is None and abs(h.size - g.size) < SMALLER
                    and g.lines[0].page - h.lines[-1].page <= 1 and (h.level or 1) > (g.level or 1)
                    and all((m.level or 1) >= (h.level or 1) and m.size < g.size + SMALLER for m in heads[j + 1:k])):
                g.level = h.level
            return


def _move(heads: list[_Group], k: int, level: int) -> None:
    """``heads[k]`` to ``level``, the headings read under it (deeper than its old level) with it."""
    g = heads[k]
    old = g.level or 1
    g.level = level
    for h in heads[k + 1:]:
        if (h.level or 1) <= old or h.legal is not None:
            break
        h.level = min(6, (h.level or 1) + level - old)
