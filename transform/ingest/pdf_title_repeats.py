"""A statement printed again under its title block on each page: the header row it repeats is marked as repeated.

A statement of a financial account (``Dépenses de fonctionnement - Vue détaillée D1`` over five pages) prints,
on each of its pages, its title block (the part's and the statement's titles, kept as headings on every page:
they are what the page prints) and then its table, header row first. The part of the table on a following page is
the same table going on; :mod:`pdf_table_join` does not join it to the part above (headings stand between), so
its header row, printed again, would be read as a row of its own on every page. Left out, as for a table a page
break cuts (:func:`pdf_table_join._append`), it would leave each later part a grid of amounts without column
headers: a screen reader announces a column's header when moving across cells only when the table has one. So
the rows stay, as the part's header rows (``<thead>``, ``<th scope="col">``; braille labels each cell with them),
and the part records how many they are (``Table.repeats_head``): a measure of what was read leaves them out, as
the truth does (a continuation page's header row printed again is not written).

A part goes on the table above when it starts on the next page, has as many columns, and only the same title
block (the same headings, in the same order, as stand over the table's first part) and foot notes of the page
before stand between them. A title printed again with a continuation mark (``II : Comptes d'affectation spéciale
(suite)``, ``(suite et fin)``, ``(fin)``, ``(continued)``, ``(تابع)``) is that title; and a part whose title block is
only such marked titles goes on a table under those titles on the page before even where a line that is no heading
(a unit, ``Unité : DA``) stood between them and its first part. Only its leading header rows that repeat, cell for cell, the header rows of the
table's first part are marked, and never every row of it.
"""

from __future__ import annotations

import re

from ..model import Block, Heading, Table
from .pdf_table_join import _furniture, _texts, _width

# a title's continuation mark, in brackets at its end: "(suite)", "(suite et fin)", "(fin)", "(continued)", "(تابع)"
GOES_ON = re.compile(r"\s*[(\[]\s*(?:suite(?:\s+et\s+fin)?|fin|cont(?:inued|\.)?|تابع|تتمة)\s*[)\]]\s*[.:]?$", re.IGNORECASE)


def _text(block: Heading) -> str:
    return " ".join(" ".join(s.text for s in block.sentences).split())


def _marked(texts: list[str]) -> list[str] | None:
    """The titles without their continuation mark when every one of them bears it, else None."""
    out = [GOES_ON.sub("", t) for t in texts]
    return out if texts and all(a != b for a, b in zip(out, texts, strict=True)) else None


def _heads(table: Table) -> list[list[str]]:
    """The texts of the table's leading header rows."""
    out: list[list[str]] = []
    for row in table.rows:
        if not row or not all(c.header for c in row):
            break
        out.append(_texts(row))
    return out


def mark_repeated_heads(blocks: list[Block]) -> int:
    """Mark the header rows a statement prints again under its repeated title block (module docstring).
    Works on the blocks in place; returns how many rows were marked."""
    pages = {b.page for b in blocks if isinstance(b, Table) and b.page is not None and b.rows}
    if not any(p + 1 in pages for p in pages):  # a row is marked only under a table of the page before
        return 0
    dropped = 0
    prev: Table | None = None  # the last table seen
    title: list[str] = []  # the title block over the first part of prev's table
    named: list[str] = []  # every heading on that page between the table before and the first part
    heads: list[list[str]] = []  # the header rows of that first part
    between: list[Block] = []  # the blocks since prev
    run: list[Heading] = []  # the headings right before the current block
    for block in blocks:
        if isinstance(block, Table) and block.page is not None and block.rows:
            said = [b for b in between if isinstance(b, Heading) and b.page == block.page]  # the page's title block
            mine = {id(b) for b in said}
            goes_on = (
                prev is not None and prev.page is not None and block.page == prev.page + 1
                and _width(block) == _width(prev)
                and all(id(b) in mine or _furniture(b, prev.page, block.page) for b in between)
                and ([_text(b) for b in said] == (title if said else []) or _goes_on(said, named))
            )
            if goes_on and said:
                k = 0
                while k < len(block.rows) - 1 and k < len(heads) and _texts(block.rows[k]) == heads[k] \
                        and all(c.header for c in block.rows[k]):
                    k += 1
                block.repeats_head = k
                dropped += k
            if not goes_on:
                title, heads = [_text(h) for h in run if h.page == block.page], _heads(block)  # the title block on its page
                named = [_text(b) for b in between if isinstance(b, Heading) and b.page == block.page]
            prev, between, run = block, [], []
            continue
        between.append(block)
        run = run + [block] if isinstance(block, Heading) else []
    return dropped


def _goes_on(said: list[Heading], named: list[str]) -> bool:
    """Is the part's title block only titles marked as going on (:data:`GOES_ON`) that stood over the first part?"""
    bare = _marked([_text(b) for b in said])
    return bare is not None and all(t in named for t in bare)
