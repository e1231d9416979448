"""The page each row of a table read as one over a page break was printed on.

A reader that joins a table over a page break (one model ``Table``, recorded on the page where it
begins) keeps no page per row, and a page's own footnotes, printed under the table's first part, come
after the whole table in its output. Scored as one block of the first page, the next page's rows are
inserted words of the first page's stretch and that page's notes inserted words of the next one's:
two pages charged for one good reading. The truth says where the table breaks (``ends_inside`` on a
page whose last block, before its notes, is a table; the next truth page ``starts_inside`` on a
table, or says ``table_from``), so the rows of the output table are given the truth page whose rows
they read as, keeping their order: the page numbers go up from row to row, never down. Rows that read
as no truth row stay with the part before them. The stream then places each later part where its
page begins (``stream.build_stream(row_pages=...)``): the words are the same, only their page and
place in the stream move, and a row read out of order or lost still costs its words and its row.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from .checks import CELL_SIMILARITY, TABLE_REACH
from .layout import _crossing_table_index
from .normalize import words
from .stream import OutStream
from .truth import TruthBlock, TruthPage


def _row_keys(block: TruthBlock) -> list[str]:
    rows = [" ".join(x.key for c in row for x in words(c.text)) for row in block.rows]
    return [r for r in rows if r]


def truth_chains(pages: list[TruthPage]) -> list[list[tuple[int, list[str]]]]:
    """Tables of the truth that cross page breaks: per table, its parts as (page, row texts), in order."""
    chains: list[list[tuple[int, list[str]]]] = []
    ordered = sorted(pages, key=lambda t: t.page)
    open_chain: list[tuple[int, list[str]]] | None = None
    for tp in ordered:
        first = tp.blocks[0] if tp.blocks else None
        if open_chain is not None:
            last = open_chain[-1][0]
            if (
                tp.starts_inside
                and first is not None
                and first.kind == "table"
                and (tp.page == last + 1 or tp.table_from == last)
            ):
                open_chain.append((tp.page, _row_keys(first)))
                if tp.ends_inside and _crossing_table_index(tp.blocks) == 0:
                    continue  # the same table goes on to the next page again
            if len(open_chain) > 1:
                chains.append(open_chain)
            open_chain = None
        if tp.ends_inside and tp.blocks:
            k = _crossing_table_index(tp.blocks)
            if tp.blocks[k].kind == "table":
                open_chain = [(tp.page, _row_keys(tp.blocks[k]))]
    if open_chain is not None and len(open_chain) > 1:
        chains.append(open_chain)
    return chains


def _assign(labels: list[int | None], parts: int) -> list[int]:
    """Part per row, never going down, agreeing with as many labels as can be; a row is given the later
    part only when that gains (rows that read as nothing stay with the part before them)."""
    n = len(labels)
    neg = -(10**9)
    best = [[neg] * parts for _ in range(n + 1)]
    back = [[0] * parts for _ in range(n + 1)]
    best[0][0] = 0
    for r in range(n):
        for p in range(parts):
            gain = 1 if labels[r] == p else 0
            # come from the same part or any earlier one; prefer staying (the earlier split loses ties)
            q = max(range(p + 1), key=lambda q: (best[r][q], -q))
            best[r + 1][p] = best[r][q] + gain if best[r][q] > neg else neg
            back[r + 1][p] = q
    p = max(range(parts), key=lambda q: (best[n][q], -q))
    out = [0] * n
    for r in range(n, 0, -1):
        out[r - 1] = p
        p = back[r][p]
    return out


def row_pages(stream: OutStream, pages: list[TruthPage]) -> dict[int, list[int]]:
    """Model block (``OutBlock.unit``) -> the page of each of its rows, for output tables read as one over a
    page break the truth records; only tables some of whose rows read as rows of a later truth page."""
    found: dict[int, list[int]] = {}
    if not stream.paged:
        return found
    for chain in truth_chains(pages):
        first_page = chain[0][0]
        for ob in stream.blocks:
            if ob.kind != "table" or ob.page is None or ob.unit in found:
                continue
            if not first_page - TABLE_REACH <= ob.page <= first_page:
                continue
            labels: list[int | None] = []
            for cells in ob.rows:
                text = " ".join(cells)
                best, where = 0.0, None
                for k, (_, rows) in enumerate(chain):
                    for t in rows:
                        score = fuzz.ratio(text, t) if text else 0.0
                        if score > best:
                            best, where = score, k
                labels.append(where if best >= CELL_SIMILARITY else None)
            if not any(lab is not None and lab > 0 for lab in labels):
                continue
            parts = _assign(labels, len(chain))
            # a part moves only to a page the reading itself reaches after the table (a reading whose
            # pages are all wrong keeps its table whole, where it is)
            reach = max((b.page for b in stream.blocks[ob.index + 1 :] if b.page is not None and b.unit != ob.unit), default=0)
            pages_of = [chain[p][0] if p and ob.page < chain[p][0] <= reach else ob.page for p in parts]
            if any(pg != ob.page for pg in pages_of):
                found[ob.unit] = pages_of
    return found
