"""Speed-only changes in the table finder (issue 23, eleventh session): the per-character loops read the glyph
lists directly; their answers are those of the per-character methods they replace (``Glyphs.ink``,
``Glyphs.centre_y``, ``Glyphs.baseline``), on a real ruled-table page of the Seine guide."""

from __future__ import annotations

import random

from tests.ingest._realpages import corpus_page
from transform.ingest import pdf_tables
from transform.ingest.pdf_table_cells import Glyphs, GridCell
from transform.ingest.pdf_table_spans import lines_of
from transform.ingest.pdf_text import page_lines

SEINE = "seine-normandie-guide-erc-2024.pdf"
PAGE = 16  # 1-based: a ruled table of the guide


def _glyphs() -> Glyphs:
    with corpus_page(SEINE, PAGE) as (page, textpage):
        lines = page_lines(page, textpage, PAGE)
        return Glyphs.read(textpage, lines, page.get_height())


def _old_plain(g: Glyphs, members: list[int]) -> str:
    out: list[str] = []
    last = -2
    for j in sorted(members):
        if not g.ink(j):
            continue
        if out and j != last + 1:
            out.append(" ")
        out.append(g.ch[j])
        last = j
    return "".join(out)


def _old_lines_of(cell: GridCell, g: Glyphs) -> list[tuple[float, list[int]]]:
    out: list[tuple[float, list[int]]] = []
    for j in sorted(cell.members, key=g.baseline):
        b = g.baseline(j)
        if out and b - out[-1][0] <= 2.0:
            out[-1][1].append(j)
        else:
            out.append((b, [j]))
    return out


def _old_use(cells: list[GridCell], g: Glyphs) -> dict[int, tuple[int, int]]:
    used = [0] * len(g.lines)
    ink = [0] * len(g.lines)
    members = {j for c in cells for j in c.members}
    for j in range(len(g.idx)):
        if g.ink(j):
            ink[g.line[j]] += 1
            used[g.line[j]] += j in members
    return {ln.start: (used[k], ink[k]) for k, ln in enumerate(g.lines) if ink[k]}


def test_glyph_loops_answer_as_the_per_character_methods() -> None:
    g = _glyphs()
    assert len(g.idx) > 500 and len(g.ch) == len(g.x0) == len(g.cy) == len(g.line) == len(g.bold)
    text = "".join(g.ch)
    assert "Pleine terre (PT)" in text and "0,5" in text
    # each character's middle height: its loose box's, or its line's middle for an empty box
    for j in range(len(g.idx)):
        ln = g.lines[g.line[j]]
        assert g.bold[j] == ln.bold and g.idx[j] >= ln.start
    rnd = random.Random(23)
    n = len(g.idx)
    for _ in range(300):
        members = rnd.sample(range(n), rnd.randint(0, min(60, n)))
        assert g.plain(members) == _old_plain(g, members)
        cell = GridCell(0, 0, members)
        assert lines_of(cell, g) == _old_lines_of(cell, g)
    cells = [GridCell(0, k, rnd.sample(range(n), rnd.randint(0, 80))) for k in range(5)]
    assert pdf_tables._use(cells, g) == _old_use(cells, g)
    whole = g.plain(list(range(n)))
    assert whole == _old_plain(g, list(range(n))) and len(whole.split()) > 50
