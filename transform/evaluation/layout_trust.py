"""Layout trust: is each table and heading the reader made on a truth page right, and was a wrong one in doubt?

The word measure (``evaluation.doubt``) asks whether each word error reaches the reader in doubt. A blind reader
cannot see a wrong layout decision either: a table made of prose, a grid read with the wrong columns, a closing
line read as a heading. This module lays the fidelity scorer's own matching over the output's tables and headings
(the scorer is not changed: its alignment, ``match_pairs`` for headings and ``layout.tables`` for tables, whose
pairing is read as it is made) and sorts each output table or heading owned by a truth page:

* a **heading** is ``right`` when the scorer pairs it with a truth heading, else ``extra`` (the truth has no such
  heading: a sentence, a form's label, a table's cell read as a heading); a right heading of another level is
  counted apart (``level``), as the scorer does;
* a **table** is ``right`` when paired with a truth table of its columns whose rows mostly come back (half of the
  truth's rows or more, as ``checks.rows_found`` finds them), ``shape`` when paired but with other columns or most
  rows lost (a grid read with columns merged or split), and ``invented`` / ``split`` / ``misread`` when the scorer
  pairs it with no truth table (its own names).

Each carries the doubt the review page shows for the whole unit: the block's doubt (or a confidence under the
threshold, as ``evaluation.doubt`` reads it); ``partly`` says a sentence or a cell of it carries a doubt of its own
(the review page names that place, not the layout decision).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

from ..model import Document, Table
from ..model.walk import iter_blocks
from . import layout
from .checks import HEADING_SIMILARITY, match_pairs, rows_found
from .doubt import _doubtful
from .fidelity import align_document, block_owners
from .truth import TruthPage

WRONG_TABLE = ("shape", "invented", "split", "misread")


@dataclass
class LayoutUnit:
    """One output table or heading owned by a truth page."""

    doc: str
    page: int
    kind: str  # heading | table
    verdict: str  # right | extra (headings) | right | shape | invented | split | misread (tables)
    doubt: str | None
    partly: bool  # some sentence or cell of it carries a doubt of its own
    sample: str
    level_wrong: bool = False  # a right heading of another level
    method: str | None = None  # how its page was read: text | ocr (None: a document without pages)
    held_out: bool = False
    blind: bool = False

    @property
    def wrong(self) -> bool:
        return self.verdict != "right"


def _own_doubts(blk: Any) -> bool:
    if isinstance(blk, Table):
        return any(c.doubt or any(s.doubt for s in c.sentences) for r in blk.rows for c in r)
    return any(s.doubt for s in getattr(blk, "sentences", []))


def layout_units(doc: Document, truth_pages: list[TruthPage], doc_id: str = "", held: set[int] | None = None,
                 blind: set[int] | None = None) -> list[LayoutUnit]:  # fmt: skip
    """Every table and heading of the output that a truth page owns (as the scorer gives them pages), sorted."""
    a = align_document(doc, truth_pages, doc_id)
    stream, pages, owner = a.stream, a.pages, a.owner
    blocks = [b for _s, b in iter_blocks(doc)]
    block_owner, owned = block_owners(stream, pages, owner)  # as fidelity.score_document gives blocks their truth page
    out: list[LayoutUnit] = []
    methods = {p.page: p.method for p in doc.meta.pages}

    def unit(k: int, kind: str, verdict: str, model_block: Any, sample: str, level_wrong: bool = False) -> None:
        page = pages[k].truth.page
        out.append(LayoutUnit(doc_id, page, kind, verdict, _doubtful(model_block), _own_doubts(model_block),
                              sample[:100], level_wrong, methods.get(page) if stream.paged else None,
                              page in (held or set()), page in (blind or set())))  # fmt: skip

    for k, w in enumerate(pages):  # headings: the scorer's pairing (fidelity._headings)
        truth = [(" ".join(x.key for x in w.tw.words[t0:t1]), b.level)
                 for b, (t0, t1) in zip(w.truth.blocks, w.tw.ranges, strict=True) if b.kind == "heading"]  # fmt: skip
        heads = [stream.blocks[i] for i in owned[k] if stream.blocks[i].kind == "heading"]
        pairs = dict((j, i) for i, j in match_pairs([t for t, _ in truth], [o.text for o in heads], HEADING_SIMILARITY))
        for j, o in enumerate(heads):
            i = pairs.get(j)
            unit(k, "heading", "right" if i is not None else "extra", blocks[o.unit], o.text,
                 level_wrong=i is not None and truth[i][1] != o.level)  # fmt: skip
    for k, ob, verdict in _tables(pages, stream, block_owner):
        unit(k, "table", verdict, blocks[ob.unit], f"{ob.n_rows}x{ob.n_cols}: " + " | ".join(c for c, _ in ob.cells[:4]))
    return out


def _tables(pages: list[Any], stream: Any, block_owner: list[int]) -> list[tuple[int, Any, str]]:
    """(truth page index, output table block, verdict) for every output table a truth page owns, read from the
    scorer's own table pairing (``layout.tables`` run as it is, its ``match_tables`` answer kept)."""
    seen: dict[str, Any] = {}

    def keep(truth: list, out: list, neighbours: list) -> dict[int, int]:
        pairs = real(truth, out, neighbours)
        seen.update(truth=truth, out=out, pairs=pairs)
        return pairs

    real = layout.match_tables
    with mock.patch.object(layout, "match_tables", keep):
        layout.tables(pages, stream, block_owner)
    if not seen:
        return []
    # the output tables in the order layout.tables made its records (first parts holding cells)
    obs, firsts = [], set()
    for ob in stream.blocks:
        if ob.kind != "table" or (ob.part and ob.unit in firsts):
            continue
        if ob.cells or not ob.part:
            firsts.add(ob.unit)
            if ob.cells:
                obs.append(ob)
    if len(obs) != len(seen["out"]):
        raise RuntimeError("output tables not in the scorer's order")
    by_out = {o: t for t, o in seen["pairs"].items()}
    left: dict[int, list[str]] = defaultdict(list)  # per page: the scorer's names of its unmatched tables, in order
    for k, w in enumerate(pages):
        left[k] = [i.what.removeprefix("table-") for i in w.score.issues if i.what in ("table-invented", "table-split", "table-misread")]
    res = []
    for o_i, ob in enumerate(obs):
        k = block_owner[ob.index]
        if k < 0:
            continue
        if o_i in by_out:
            t, o = seen["truth"][by_out[o_i]], seen["out"][o_i]
            found, _extra = rows_found(t.rows, o.rows)
            n = sum(1 for r in t.rows if r)
            res.append((k, ob, "right" if o.n_cols == t.n_cols and 2 * found >= n else "shape"))
        else:
            res.append((k, ob, left[k].pop(0) if left[k] else "invented"))
    return res


@dataclass
class LayoutCounts:
    units: int = 0
    right: int = 0
    right_doubt: int = 0  # right units in doubt (false alarms)
    wrong: int = 0
    wrong_doubt: int = 0
    wrong_partly: int = 0  # wrong units not in doubt whole but holding a doubtful sentence or cell
    by_verdict: dict[str, int] = field(default_factory=dict)

    def add(self, u: LayoutUnit) -> None:
        self.units += 1
        self.by_verdict[u.verdict] = self.by_verdict.get(u.verdict, 0) + 1
        if u.wrong:
            self.wrong += 1
            self.wrong_doubt += bool(u.doubt)
            self.wrong_partly += bool(not u.doubt and u.partly)
        else:
            self.right += 1
            self.right_doubt += bool(u.doubt)


def layout_totals(units: list[LayoutUnit]) -> LayoutCounts:
    t = LayoutCounts()
    for u in units:
        t.add(u)
    return t
