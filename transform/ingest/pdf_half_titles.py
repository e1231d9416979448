"""A page's display title set at the top of a column after the first is read first in its half of a spread.

A magazine's right-hand page often sets its title in the largest type of the page at the top of its last column
(``Investir`` / ``pour`` / ``l'avenir !`` over the teal column of themed lists), beside a callout and a white column
that start at the same height. Read column after column, the title came after the whole white column; a sighted
reader reads the largest type first. In a half of a page read in halves (:mod:`pdf_regions`), when the half's
largest line:

* is set at least :data:`DISPLAY` times the half's body size and larger than every other line of the half,
* opens a column other than the half's first one read (above it in that column, only the title's first lines in
  display type and at most :data:`KICKER_LINES` lines set no larger than the body: a kicker),
* and stands in the top :data:`TOP` of the half,

the column's lines from its top to the end of the title (the lines right under it, within :data:`NEAR` of a line's
height, set at least :data:`DISPLAY` times the body) are read first in the half, then the half as before.
"""

from __future__ import annotations

from typing import Any

DISPLAY = 1.5  # a display line is set at least this many times the body
TOP = 0.25  # share of the half's height, from its top, the title stands in
NEAR = 0.8  # the title's next line starts within this share of a line's height under the one before
KICKER_LINES = 2  # small lines over the title in its column (a kicker: ``ENJEUX``)


def _body(lines: list[Any]) -> float:
    chars: dict[float, int] = {}
    for ln in lines:
        chars[round(ln.size, 1)] = chars.get(round(ln.size, 1), 0) + len(ln.text)
    return max(chars.items(), key=lambda kv: kv[1])[0] if chars else 0.0


def title_first(lines: list[Any], edges: list[Any]) -> tuple[list[Any], list[Any]]:
    """A half's lines in reading order (and their edges) with its display title moved first (module note)."""
    if len(lines) < 3:
        return lines, edges
    body = _body(lines)
    big = max(range(len(lines)), key=lambda k: lines[k].size)
    title = lines[big]
    column = edges[big].column
    if body <= 0 or title.size < DISPLAY * body or column < 0 or column == edges[0].column:
        return lines, edges
    if sum(1 for ln in lines if ln.size >= title.size - 0.5) > sum(1 for k, ln in enumerate(lines) if edges[k].column == column and ln.size >= title.size - 0.5):
        return lines, edges  # as large elsewhere in the half
    top = min(ln.top for ln in lines)
    bottom = max(ln.bottom for ln in lines)
    if title.top > top + TOP * (bottom - top):
        return lines, edges
    own = [k for k in range(len(lines)) if edges[k].column == column]
    at = own.index(big)
    above = [lines[k].size for k in own[:at]]
    if any(body + 0.5 < size < DISPLAY * body for size in above) or sum(1 for size in above if size <= body + 0.5) > KICKER_LINES:
        return lines, edges  # over the title in its column: its first lines (display type) and a kicker, nothing else
    end = at + 1
    while end < len(own) and lines[own[end]].size >= DISPLAY * body \
            and lines[own[end]].top - lines[own[end - 1]].bottom <= NEAR * (lines[own[end - 1]].bottom - lines[own[end - 1]].top):
        end += 1
    moved = own[:end]
    if moved != list(range(moved[0], moved[0] + len(moved))):
        return lines, edges  # the column's top is not read in one run
    rest = [k for k in range(len(lines)) if k < moved[0] or k > moved[-1]]
    order = moved + rest
    return [lines[k] for k in order], [edges[k] for k in order]
