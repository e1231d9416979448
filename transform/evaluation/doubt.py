"""Trust: how many of the reading errors the fidelity scorer finds reach the reader with a doubt on them.

Taysir marks the blocks and table cells it is unsure of (``doubt``, or a ``confidence`` under
``confidence.DOUBT_BELOW``); the review page leads staff to them and nothing doubtful is published
unapproved. An error inside such a block is caught by the review; an error in a block read as sound
reaches the reader. This module lays the fidelity scorer's own alignment (``fidelity.align_document``:
the same stretches, the same edits) over the model's doubts and counts, per truth page:

* every word error, where it is: a **substitution** in the block (or cell) of the output word, an
  **insertion** (a stray word inside the aligned stretch, or an extra word of the page's own blocks
  that no truth page accounts for) in its own block, a **deletion** in the block around the place it
  was lost: the output unit holding the aligned truth word before it within its truth block (else the
  one after it); a truth block lost whole belongs to no block (``lost``: nothing points a reviewer there);
* every right word (an exact match), in doubt or not;
* every number or date of the truth the scorer misses (``fidelity.token_checks``), placed as its first
  truth word is (aligned, else lost).

The unit of doubt is the block, but a table's cell with a doubt of its own (``Cell.doubt``) is the
unit inside a table: the review page names those cells, so the other cells of such a table are sound
unless the table itself is low-confidence or carries a doubt while no cell does.

Figures (``DoubtCounts``): **doubt recall** = errors in doubt / all errors; **false-alarm share** = right
words in doubt / all right words; missed numbers in doubt / all missed numbers; doubtful units that
hold no error / all doubtful units. An attributed error count equals the scorer's ``edits + extra_words``
on every page (``check``), so the figures read the same errors the fidelity table counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import Document, Heading, ListBlock, Paragraph, Sentence, Table
from ..model.doubts import sentence_doubts, unsure_tokens
from ..model.walk import cell_text, iter_blocks
from ..ocr.confidence import DOUBT_BELOW
from .fidelity import Aligned, _Page, align_document, extra_mask, token_checks
from .normalize import note_number, strip_list_marker, words
from .truth import TruthPage

LOST = -1  # the unit of a word lost with its whole truth block


def _doubtful(block: Any) -> str | None:
    """The block's doubt code, ``low_confidence`` for a confidence under the threshold, else None."""
    doubt = getattr(block, "doubt", None)
    if doubt:
        return str(doubt)
    conf = getattr(block, "confidence", None)
    return "low_confidence" if conf is not None and conf < DOUBT_BELOW else None


@dataclass
class Unit:
    """A place a reviewer is (or is not) sent to: a block, or a table cell."""

    doubt: str | None
    kind: str  # heading | paragraph | item | table | cell
    page: int | None
    errors: int = 0  # word errors attributed to it (on truth pages)
    right: int = 0  # exact words
    confidence: float | None = None


LEVELS = ("block", "sentence", "word")  # the unit a doubt points a reviewer at (``word_units``)


def word_units(doc: Document, stream_blocks: list[Any], n_words: int, level: str = "block") -> tuple[np.ndarray, list[Unit]]:
    """Per output word of the scorer's stream (``stream.build_stream``): the index of its unit in the list
    returned. Walks the model in the order the stream was built (its blocks know their model block, and a
    table's parts their rows, in order). ``level``: ``block`` (a block or a doubtful table's cell), ``sentence``
    (each sentence of those, in doubt as ``model.doubts.sentence_doubts`` says) or ``word`` (each word, in doubt
    when its sentence is and it lies in the sentence's unsure spans)."""
    blocks = [b for _s, b in iter_blocks(doc)]
    units: list[Unit] = []
    of = np.full(n_words, LOST, dtype=np.int64)
    rows_done: dict[int, int] = {}  # model table -> rows already placed (a table cut at page breaks comes in parts)
    items_done: dict[int, int] = {}  # model list -> items already placed
    finer = _Finer(units, of, level)
    for ob in stream_blocks:
        blk = blocks[ob.unit]
        if isinstance(blk, Table) and ob.kind == "table":
            table_wide = _doubtful(blk) if (not any(c.doubt for r in blk.rows for c in r) or _low(blk)) else None
            first = rows_done.get(ob.unit, blk.repeats_head)  # the stream leaves out the header rows printed again
            rows_done[ob.unit] = first + ob.n_rows
            pos = ob.start
            for row in blk.rows[first : first + ob.n_rows]:
                for cell in row:
                    n = len(words(cell_text(cell)))
                    finer.place(pos, pos + n, cell.sentences, cell.doubt or table_wide, "cell", ob.page,
                                cell.confidence or blk.confidence)  # fmt: skip
                    pos += n
            if pos != ob.end:  # not the stream's own count: the whole table as one unit
                units.append(Unit(_doubtful(blk), "table", ob.page))
                of[ob.start : ob.end] = len(units) - 1
            continue
        if isinstance(blk, ListBlock) and ob.kind == "item":
            flat = _flat_items(blk.items)
            k = items_done.get(ob.unit, 0)
            items_done[ob.unit] = k + 1
            item = flat[k] if k < len(flat) else None
            own = any(s.doubt for it in flat for s in it.sentences)  # the list's doubt is placed over all its items
            sents = item.sentences if item is not None else []
            parent = _doubtful(blk)
            finer.place(ob.start, ob.end, sents, parent, ob.kind, ob.page, blk.confidence, marker=True,
                        keep_own=own)  # fmt: skip
            continue
        if isinstance(blk, (Heading, Paragraph)):
            finer.place(ob.start, ob.end, blk.sentences, _doubtful(blk), ob.kind, ob.page, blk.confidence,
                        note=isinstance(blk, Paragraph))  # fmt: skip
        elif isinstance(blk, (ListBlock, Table)):  # a table's caption is a paragraph of the table
            finer.place(ob.start, ob.end, blk.caption if isinstance(blk, Table) else [], _doubtful(blk), ob.kind,
                        ob.page, blk.confidence)  # fmt: skip
    return of, units


def _flat_items(items: list[Any]) -> list[Any]:
    out = []
    for it in items:
        out.append(it)
        out += _flat_items(it.children)
    return out


class _Finer:
    """Places one stretch of the stream (a block, an item, a cell) as units of the chosen level."""

    def __init__(self, units: list[Unit], of: np.ndarray, level: str) -> None:
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}: one of {LEVELS}")
        self.units, self.of, self.level = units, of, level
        self.fallbacks = 0  # stretches whose sentences' words are not the stream's: placed whole

    def _unit(self, doubt: str | None, kind: str, page: int | None, conf: float | None, lo: int, hi: int) -> None:
        self.units.append(Unit(doubt, kind, page, confidence=conf))
        self.of[lo:hi] = len(self.units) - 1

    def place(self, lo: int, hi: int, sentences: list[Sentence], parent: str | None, kind: str, page: int | None,
              conf: float | None, *, note: bool = False, marker: bool = False, keep_own: bool = False) -> None:
        """``parent``: the doubt of the unit the sentences belong to (a block's, a cell's); ``keep_own``: a
        sentence of the unit elsewhere (another item of the list) carries a doubt, so only own doubts count."""
        own = keep_own or any(s.doubt for s in sentences)
        if self.level == "block" or hi <= lo:
            doubt = parent if not own else (parent or next((s.doubt for s in sentences if s.doubt), None))
            if keep_own and not any(s.doubt for s in sentences):
                doubt = parent
            self._unit(doubt, kind, page, conf, lo, hi)
            return
        doubts = sentence_doubts(sentences, parent) if not keep_own else [s.doubt for s in sentences]
        text = " ".join(s.text for s in sentences)
        read = strip_list_marker(text) if marker else note_number(text) if note else text
        skip = len(text.split()) - len(read.split())
        ws = words(read, sources=True)
        if len(ws) != hi - lo or skip < 0:  # not the stream's words: the stretch as one unit, in doubt if any part is
            self.fallbacks += 1
            self._unit(next((d for d in doubts if d), None), kind, page, conf, lo, hi)
            return
        where: list[tuple[int, int]] = []  # per token of the text: (sentence, token within it)
        for k, s in enumerate(sentences):
            where += [(k, t) for t in range(len(s.text.split()))]
        flags = [unsure_tokens(s, d) for s, d in zip(sentences, doubts, strict=True)]
        first: dict[int, int] = {}
        for n, w in enumerate(ws):
            k, t = where[w.source + skip] if w.source + skip < len(where) else (len(sentences) - 1, -1)
            if self.level == "sentence":
                if k not in first:
                    first[k] = len(self.units)
                    self.units.append(Unit(doubts[k], kind, page, confidence=conf))
                self.of[lo + n] = first[k]
            else:
                flagged = t < 0 or t >= len(flags[k]) or flags[k][t]  # (a token not found: its sentence's doubt)
                self._unit(doubts[k] if flagged else None, kind, page, conf, lo + n, lo + n + 1)


def _low(block: Any) -> bool:
    conf = getattr(block, "confidence", None)
    return conf is not None and conf < DOUBT_BELOW


@dataclass
class ErrorAt:
    """One word error or missed number and where it is."""

    page: int
    what: str  # sub | ins | del | extra | number | date
    truth: str
    read: str
    unit: int  # index into the units, LOST for none
    doubt: str | None


@dataclass
class PageDoubt:
    doc: str
    page: int
    method: str | None  # how the page was read: text | ocr | unreadable (None: a document without pages)
    held_out: bool = False
    blind: bool = False  # a page of the newest held-out set (bench/doubt.py --blind-from)
    right: int = 0
    right_doubt: int = 0
    right_codes: dict[str, int] = field(default_factory=dict)  # right words in doubt, per doubt code
    errors: list[ErrorAt] = field(default_factory=list)
    missed: list[ErrorAt] = field(default_factory=list)  # numbers and dates
    scorer_errors: int = 0  # the fidelity scorer's edits + extra words (``errors`` must count as many)
    units: int = 0  # units holding words of this page
    units_doubt: int = 0
    units_doubt_clean: int = 0  # doubtful units holding right words and no error

    @property
    def refused(self) -> bool:
        return self.method == "unreadable"


@dataclass
class DoubtCounts:
    """Sums over pages; ``share`` figures are None when there is nothing to share."""

    pages: int = 0
    right: int = 0
    right_doubt: int = 0
    errors: int = 0
    errors_doubt: int = 0
    errors_lost: int = 0
    missed: int = 0
    missed_doubt: int = 0
    units_doubt: int = 0
    units_doubt_clean: int = 0

    def add(self, p: PageDoubt) -> None:
        self.pages += 1
        self.right += p.right
        self.right_doubt += p.right_doubt
        self.errors += len(p.errors)
        self.errors_doubt += sum(1 for e in p.errors if e.doubt)
        self.errors_lost += sum(1 for e in p.errors if e.unit == LOST)
        self.missed += len(p.missed)
        self.missed_doubt += sum(1 for e in p.missed if e.doubt)
        self.units_doubt += p.units_doubt
        self.units_doubt_clean += p.units_doubt_clean

    @property
    def recall(self) -> float | None:
        return self.errors_doubt / self.errors if self.errors else None

    @property
    def false_alarms(self) -> float | None:
        return self.right_doubt / self.right if self.right else None

    @property
    def missed_recall(self) -> float | None:
        return self.missed_doubt / self.missed if self.missed else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.__dict__)
        out.update(recall=_round(self.recall), false_alarms=_round(self.false_alarms), missed_recall=_round(self.missed_recall))
        return out


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 4)


def totals(pages: list[PageDoubt]) -> DoubtCounts:
    t = DoubtCounts()
    for p in pages:
        t.add(p)
    return t


def _before_after(t2o: np.ndarray, i: int, lo: int, hi: int) -> Iterator[int]:
    """Output positions of the aligned truth words nearest to ``i`` within [lo, hi): before it, then after it."""
    for j in range(i - 1, lo - 1, -1):
        if t2o[j] >= 0:
            yield int(t2o[j])
            break
    for j in range(i + 1, hi):
        if t2o[j] >= 0:
            yield int(t2o[j])
            break


def _page(w: _Page, a: Aligned, of: np.ndarray, units: list[Unit], pd: PageDoubt) -> None:
    """Fill ``pd`` with the errors, right words and missed numbers of truth page ``w``."""
    al, tw, stream = w.al, w.tw, a.stream
    block_of_truth = np.zeros(len(tw.words), dtype=np.int64)
    for k, (t0, t1) in enumerate(tw.ranges):
        block_of_truth[t0:t1] = k

    def unit_at(q: int) -> int:
        return int(of[int(w.window[q])])

    def unit_of_truth(i: int) -> int:
        q = int(al.t2o[i])
        if q >= 0:
            return unit_at(q)
        t0, t1 = tw.ranges[int(block_of_truth[i])]
        return next((unit_at(p) for p in _before_after(al.t2o, i, t0, t1)), LOST)

    def record(target: list[ErrorAt], what: str, truth: str, read: str, u: int) -> None:
        target.append(ErrorAt(pd.page, what, truth, read, u, units[u].doubt if u >= 0 else None))
        if u >= 0:
            units[u].errors += 1

    for i, x in enumerate(tw.words):
        if tw.unsure[i]:
            continue
        q = int(al.t2o[i])
        if q >= 0 and al.exact[q]:
            u = unit_at(q)
            pd.right += 1
            if u >= 0:
                units[u].right += 1
                code = units[u].doubt
                if code:
                    pd.right_doubt += 1
                    pd.right_codes[code] = pd.right_codes.get(code, 0) + 1
            continue
        record(pd.errors, "sub" if q >= 0 else "del", x.key, stream.keys[int(w.window[q])] if q >= 0 else "", unit_of_truth(i))
    for q in range(al.start, al.end):
        if al.o2t[q] < 0:
            record(pd.errors, "ins", "", stream.keys[int(w.window[q])], unit_at(q))
    extra = np.flatnonzero(extra_mask(w, stream, a.owner, a.pages, a.whole))
    for g in extra:
        record(pd.errors, "extra", "", stream.keys[int(g)], int(of[int(g)]))
    pd.scorer_errors = int(al.edits) + len(extra)
    for c in token_checks(w, stream):
        for k, tok in enumerate(c.want):
            if k not in c.found:
                i = c.t0 + next((j for j, (s, e) in enumerate(c.tspans) if s < tok.end and tok.start < e), 0)
                record(pd.missed, c.kind, tok.text, " ".join(c.got), unit_of_truth(i))


def doubt_document(
    doc: Document, truth_pages: list[TruthPage], doc_id: str = "", held_out: set[int] | None = None, level: str = "block"
) -> list[PageDoubt]:
    """Every truth page's errors, right words and missed numbers, each with the doubt of the unit it is in;
    ``held_out``: the pages to mark as held-out pages; ``level``: the unit (``LEVELS``)."""
    return doubt_levels(doc, truth_pages, doc_id, held_out, (level,))[level]


def doubt_levels(
    doc: Document, truth_pages: list[TruthPage], doc_id: str = "", held_out: set[int] | None = None,
    levels: tuple[str, ...] = LEVELS,
) -> dict[str, list[PageDoubt]]:
    """``doubt_document`` at each of ``levels``, the scorer's alignment made once."""
    a = align_document(doc, truth_pages, doc_id)
    return {lv: _document(doc, a, doc_id, held_out, lv) for lv in levels}


def _document(doc: Document, a: Aligned, doc_id: str, held_out: set[int] | None, level: str) -> list[PageDoubt]:
    stream = a.stream
    of, units = word_units(doc, stream.blocks, len(stream), level)
    methods = {p.page: p.method for p in doc.meta.pages}
    out: list[PageDoubt] = []
    for w in a.pages:
        pd = PageDoubt(doc_id or w.truth.doc, w.truth.page, methods.get(w.truth.page) if stream.paged else None,
                       held_out=w.truth.page in (held_out or set()))  # fmt: skip
        _page(w, a, of, units, pd)
        out.append(pd)
    # units: those holding this page's words (a unit read on two truth pages counts on the first)
    seen: set[int] = set()
    for w, pd in zip(a.pages, out, strict=True):
        pos = w.window[w.al.start : w.al.end]
        mine = {int(of[int(g)]) for g in pos if of[int(g)] >= 0} - seen
        seen |= mine
        pd.units = len(mine)
        pd.units_doubt = sum(1 for u in mine if units[u].doubt)
        pd.units_doubt_clean = sum(1 for u in mine if units[u].doubt and units[u].right and not units[u].errors)
    return out


def check(pages: list[PageDoubt]) -> list[str]:
    """Pages whose attributed errors are not the scorer's count (a fault of this module, never of the reading)."""
    return [f"{p.doc} p{p.page}: {len(p.errors)} errors attributed, the scorer counts {p.scorer_errors}"
            for p in pages if len(p.errors) != p.scorer_errors]  # fmt: skip
