"""Page layout checks of the scorer: tables and page furniture, read through the alignment."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from .checks import TableRecord, find_run, match_tables, overlap, rows_found
from .normalize import normalize, words
from .report import Counts, Issue
from .stream import OutStream

if TYPE_CHECKING:
    from .fidelity import _Page
    from .truth import TruthBlock, TruthPage

PAGELESS_MARGIN = 20  # words around the aligned stretch searched for furniture when there are no pages
SEAM_GAP = 3  # words between a page's aligned stretch and a folio read inside a paragraph over the page break


_NOTE = re.compile(r"\s*\(?\d{1,3}\)?\s*[-\u2013\u2014.)]\s")  # a footnote: `53 – ...`, `(2) ...`, `4. ...`


def _crossing_table_index(blocks: list[TruthBlock]) -> int:
    """The block that goes on over the page break of a page that ``ends_inside``: its last block,
    or its last table when only footnotes follow that table (the notes close the page, the table
    goes on at the top of the next one)."""
    k = len(blocks) - 1
    while k >= 0 and blocks[k].kind == "paragraph" and _NOTE.match(blocks[k].text):
        k -= 1
    if k >= 0 and blocks[k].kind == "table":
        return k
    return len(blocks) - 1


def _same_run(last: int, page: TruthPage) -> bool:
    """The table part at the top of ``page`` goes on from the one that ends truth page ``last``:
    on the next page, or on a later one when the truth says so (``table_from: N``: the pages
    between have no truth; a table read as one over several pages is recorded where it begins).
    The parts are then one table; the output's rows of the pages between are neither found nor
    extra. Without the mark nothing is guessed: two tables may end and begin on a page without truth."""
    return page.page == last + 1 or page.table_from == last


def tables(pages: list[_Page], stream: OutStream, block_owner: list[int]) -> None:
    truth: list[TableRecord] = []
    where: list[int] = []  # index into pages
    for k, w in enumerate(pages):
        last = _crossing_table_index(w.truth.blocks) if w.truth.ends_inside else -1
        for bi, b in enumerate(w.truth.blocks):
            if b.kind != "table":
                continue
            rows = [[" ".join(x.key for x in words(c.text)) for c in row] for row in b.rows]
            heads = [" ".join(x.key for x in words(c.text)) for row in b.rows for c in row if c.header]
            rows = [[c for c in r if c] for r in rows]
            rec = TableRecord(w.truth.page, [c for r in rows for c in r], [h for h in heads if h], rows, len(b.rows),
                              max((sum(c.colspan for c in r) for r in b.rows), default=0),
                              continuation=bi == 0 and w.truth.starts_inside, continues=bi == last)  # fmt: skip
            prev = truth[-1] if truth else None
            if rec.continuation and prev is not None and prev.continues and _same_run(prev.last_page, w.truth):
                prev.cells += rec.cells  # the rest of a table that began on an earlier truth page
                prev.rows += rec.rows
                prev.n_rows += rec.n_rows
                prev.continues = rec.continues  # attributed to the page where it begins
                prev.gap = prev.gap or rec.page > prev.last_page + 1
                prev.last_page = rec.page  # a table over three truth pages or more: the next part joins this one
                continue
            truth.append(rec)
            where.append(k)
    out: list[TableRecord] = []
    out_where: list[int | None] = []
    first_part: dict[int, TableRecord] = {}  # a table cut where its rows' pages change is one table again here
    for ob in stream.blocks:
        if ob.kind == "table" and ob.part and ob.unit in first_part:
            rec = first_part[ob.unit]
            rec.cells += [c for c, _ in ob.cells]
            rec.headers += [c for c, h in ob.cells if h]
            rec.rows = rec.rows + ob.rows
            rec.n_rows += ob.n_rows
            rec.n_cols = max(rec.n_cols, ob.n_cols)
            continue
        if ob.kind == "table" and (ob.cells or not ob.part):
            holder = block_owner[ob.index]
            rec = TableRecord(
                ob.page or 0, [c for c, _ in ob.cells], [c for c, h in ob.cells if h], ob.rows, ob.n_rows, ob.n_cols
            )
            first_part[ob.unit] = rec
            if not ob.cells:
                continue
            out.append(rec)
            out_where.append(holder if holder >= 0 else None)
    neighbours = []
    for rec, k in zip(truth, where, strict=True):
        cand = [o for o, ow in enumerate(out_where) if ow == k]
        if rec.continuation:
            cand += [o for o, ow in enumerate(out_where) if ow is None and stream.paged and out[o].page == rec.page - 1]
        neighbours.append(cand)
    pairs = match_tables(truth, out, neighbours)
    for t_i, (rec, k) in enumerate(zip(truth, where, strict=True)):
        ps = pages[k].score
        if t_i in pairs:
            ps.tables.tp += 1
            o = out[pairs[t_i]]
            if rec.headers or not rec.continuation:
                common = overlap(rec.headers, o.headers)
                ps.table_headers += Counts(tp=common, fp=len(o.headers) - common, fn=len(rec.headers) - common)
            found, extra = rows_found(rec.rows, o.rows)
            crossing = rec.continuation or rec.continues or rec.gap  # the output table may hold rows of pages without truth
            ps.table_rows += Counts(tp=found, fp=0 if crossing else extra, fn=sum(1 for r in rec.rows if r) - found)
        else:
            ps.tables.fn += 1
            ps.issues.append(Issue(ps.page, "table-missed", truth=rec.sample()))
    matched = set(pairs.values())
    # truth tables missed, per page: an output table of their shape in their place is one misread, not invented
    missed = [(k, t) for t_i, (t, k) in enumerate(zip(truth, where, strict=True)) if t_i not in pairs]
    for o_i, (rec, holder_page) in enumerate(zip(out, out_where, strict=True)):
        if holder_page is None or o_i in matched:
            continue
        ps = pages[holder_page].score
        ps.tables.fp += 1
        split = any(overlap(rec.cells, t.cells) >= 0.5 * len(rec.cells) for t in truth)
        misread = not split and _same_shape(rec, [t for k, t in missed if k == holder_page])
        if split:
            ps.tables_split += 1
        elif not misread:
            ps.tables_invented += 1
        what = "table-split" if split else "table-misread" if misread else "table-invented"
        ps.issues.append(Issue(ps.page, what, output=rec.sample()))


def _same_shape(rec: TableRecord, missed: list[TableRecord]) -> bool:
    """Is an unmatched output table the printed table of its page read badly: a truth table of that page was missed
    and has its columns and its rows (one row more or less)? It then costs precision and recall (and its rows and
    words), but it is no table made from prose: not counted as invented."""
    return any(t.n_cols == rec.n_cols and abs(t.n_rows - rec.n_rows) <= 1 and t.n_rows >= 2 for t in missed)


def furniture(w: _Page, stream: OutStream, owned: list[int], exact_any: np.ndarray) -> None:
    ps = w.score
    ps.furniture_total = len(w.truth.furniture)
    if not w.truth.furniture:
        return
    region = set(int(g) for g in w.span)
    for bi in owned:
        region.update(range(stream.blocks[bi].start, stream.blocks[bi].end))
    if not stream.paged:
        lo, hi = max(0, w.al.start - PAGELESS_MARGIN), min(len(w.window), w.al.end + PAGELESS_MARGIN)
        region.update(int(g) for g in w.window[lo:hi])
    runs: list[list[int]] = []
    for g in sorted(region):
        if exact_any[g]:
            continue
        if runs and runs[-1][-1] == g - 1:
            runs[-1].append(g)
        else:
            runs.append([g])
    marginal = {x.key for line in w.truth.furniture for x in words(line)}
    span = w.span
    first, last = (int(span.min()), int(span.max())) if len(span) else (-1, -1)

    def where(lo: int, hi: int) -> bool:
        """A furniture line left in the body stands at an edge: its block's (a line read as a
        paragraph of its own, or glued to the first or last words of a block) or the page's
        aligned stretch's (a folio inside a paragraph that runs over the page break). The same
        digits inside a body sentence or a table (a note call, an article's number) are body."""
        b0, b1 = stream.blocks[stream.block_of[lo]], stream.blocks[stream.block_of[hi - 1]]
        while lo > b0.start and not exact_any[lo - 1] and stream.keys[lo - 1] in marginal:
            lo -= 1  # the page's other furniture glued to it (a header before its page number)
        while hi < b1.end and not exact_any[hi] and stream.keys[hi] in marginal:
            hi += 1
        return lo == b0.start or hi == b1.end or 0 < lo - last <= SEAM_GAP or 0 <= first - hi < SEAM_GAP

    def printed_form(line: str, target: list[str]) -> str | None:
        """A page number printed with punctuation (``-5-``, ``- 4``): that printed form, spaces left out;
        ``None`` for any other line. Between the page's own aligned words (body words on both sides) such
        a folio counts only when read with its punctuation: bare digits there are an OCR speck or a dotted
        fill-in line read as digits (decree 2.19.720 p. 6's ``'. 5`` under its dotted lines), while a
        leaked folio keeps its dashes; at the page's top or bottom, bare digits still count."""
        if len(target) != 1 or len(target[0]) > 6:
            return None
        compact = "".join(normalize(line).split())
        return compact if compact != target[0] else None

    def within(lo: int, hi: int) -> bool:
        return first < lo and hi <= last

    for line in w.truth.furniture:
        target = [x.key for x in words(line)]
        printed = printed_form(line, target)

        def where_line(lo: int, hi: int, printed: str | None = printed) -> bool:
            if not where(lo, hi):
                return False
            if printed is None or not within(lo, hi):
                return True
            return printed in "".join("".join(stream.raws[g].split()) for g in range(lo, hi))

        if target and find_run(stream.keys, runs, target, where_line) is not None:
            ps.furniture_leaked += 1
            ps.issues.append(Issue(ps.page, "furniture", truth=line))
