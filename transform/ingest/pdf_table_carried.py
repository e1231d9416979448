"""A table's last row carried over a page break: one ruled band at the head of the next page.

A model report's ruled table of eight columns (an item's number, its label, six blank cells) fills a page to its
foot and prints its last row alone at the top of the next page (``3-13 | هوية المشغل أومن ينوب عنه | | ...``).
One row side by side is no table for the table test (:func:`pdf_tables.candidate`: a running line, or a form's
header row over blank cells), and the band's two rules draw no grid of two rows (:attr:`pdf_table_grid.Grid.ruled`),
so the row was read as two paragraphs and the item's number was parted from its label.

Such a band is the table going on when the page before ends on a ruled table reaching its foot (within
:data:`FOOT` of the page's height) and the band is one row (two rules across it), drawn over the same width
(its sides within :data:`SAME_SIDE` points of the table's) with as many columns as the table, and nothing but the
page's top margin stands above it. Its table (one row, no header cells, two cells with text at least) is then
joined to the part above as any part a page break cuts (:mod:`pdf_table_join`). It is looked for only on pages
after such a table, on pages the table test reads the paths of.
"""

from __future__ import annotations

from typing import Any

FOOT = 0.8  # the table above reaches this share of its page's height: it ran to the page's foot
SAME_SIDE = 3.0  # points: the band's sides stand where the table's did
TOP = 0.08  # the page's top margin (pdf_tables.MARGIN): a running line above the band is no body text


def width(rows: list[list[Any]]) -> int:
    return max((sum(c.colspan for c in row) for row in rows), default=0)


def carried_band(drawn: list[Any], lines: list[Any], above: list[Any] | None, height: float) -> Any | None:
    """The grid among ``drawn`` (:class:`pdf_table_grid.Grid`) that carries the last row of the table ending the
    page before (``above``: that page's :class:`pdf_tables.FoundTable` list), or None."""
    if not above or not drawn:
        return None
    last = max(above, key=lambda t: t.bottom)
    if last.bottom < FOOT * height:
        return None
    ncols = width(last.table.rows)
    for g in drawn:
        if g.ys != 2 or g.xs - 1 != ncols or abs(g.x0 - last.x0) > SAME_SIDE or abs(g.x1 - last.x1) > SAME_SIDE:
            continue
        if any(ln.bottom <= g.top and ln.top > TOP * height and ln.text.strip() for ln in lines):
            continue  # body text above the band: not the head of the page
        return g
    return None


def one_row(cells: list[Any], nrows: int) -> bool:
    """A carried band's table: one row, two cells with text at least."""
    return nrows == 1 and sum(1 for c in cells if c.text.strip()) >= 2
