"""Fidelity scorer: how faithfully a read ``Document`` carries hand-checked truth pages.

Each truth page is aligned (``align.align``, words after ``normalize.normalize``) against
the output words of its own page and its two neighbours (a paragraph that crosses a page
break belongs to the page where it starts; an office document without pages is searched
whole). Everything else is read through that alignment:

* **words**: edit distance within the aligned stretch, plus the words of the page's own
  output blocks that no truth page accounts for (garbage, a running header);
* **paragraphs**: block starts of the truth against output block starts mapped through the
  alignment (a start may move across words that only one side has);
* **numbers and dates**: the tokens of every truth block (table: row) must come back
  identical and in the same order in the stretch of output aligned to that block;
* **headings**, **tables**: output blocks belong to the truth page whose aligned stretch
  holds their first word (else, in a paged document, to their own page); matched by
  similar text / shared cells;
* **furniture**: a furniture line of the front matter read in the page's output where no
  truth word accounts for it (so a legitimate mention in the body is not counted), standing
  where a leaked margin line stands: a block of its own, a block's first or last words, or by
  the page's aligned stretch (not the same digits inside a body sentence or a table).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from ..model import Document
from .align import WILDCARD, Alignment, align
from .checks import HEADING_SIMILARITY, TABLE_REACH, lcs_pairs, match_pairs
from .diffs import word_diffs
from .layout import furniture, tables
from .normalize import Token, Word, note_number, number_tokens, strip_list_marker, words
from .report import Counts, DocScore, Issue, PageScore, TokenFailure
from .stream import OutStream, build_stream
from .table_pages import row_pages
from .truth import TruthPage


@dataclass
class _TruthWords:
    words: list[Word] = field(default_factory=list)
    unsure: list[bool] = field(default_factory=list)
    segment: list[int] = field(default_factory=list)
    ranges: list[tuple[int, int]] = field(default_factory=list)  # per truth block
    units: list[tuple[int, int, bool]] = field(default_factory=list)  # number-check units: blocks, table rows (True)

    def add(self, text: str, unsure: list[int], segment: int) -> None:
        marked = set(unsure)
        for w in words(text, sources=bool(marked)):
            self.words.append(w)
            self.unsure.append(w.source in marked)
            self.segment.append(segment)


def _truth_words(tp: TruthPage) -> _TruthWords:
    tw = _TruthWords()
    seg = 0
    for b in tp.blocks:
        t0 = len(tw.words)
        if b.kind == "table":
            for row in b.rows:
                r0 = len(tw.words)
                for cell in row:
                    seg += 1
                    tw.add(cell.text, cell.unsure, seg)
                tw.units.append((r0, len(tw.words), True))
        else:
            text, unsure = b.text, b.unsure
            if b.kind == "paragraph":
                text = note_number(text)
            if b.kind == "item":
                text = strip_list_marker(text)
                cut = len(b.text.split()) - len(text.split())
                unsure = [u - cut for u in unsure if u >= cut]
            seg += 1
            tw.add(text, unsure, seg)
            tw.units.append((t0, len(tw.words), False))
        tw.ranges.append((t0, len(tw.words)))
    return tw


@dataclass
class _Page:
    truth: TruthPage
    tw: _TruthWords
    window: np.ndarray  # stream positions searched, in reading order
    al: Alignment
    score: PageScore

    @property
    def span(self) -> np.ndarray:
        return self.window[self.al.start : self.al.end]


def _window(stream: OutStream, page: int, by_page: dict[int, list[int]]) -> np.ndarray:
    if not stream.paged:
        return np.arange(len(stream), dtype=np.int64)
    pos: list[int] = []
    blocks = [b for p in (page - 1, page, page + 1) for b in by_page.get(p, [])]
    # a table is recorded on the page where it starts: one that runs over several pages reaches this one from further back
    blocks += [b for p in range(page - TABLE_REACH, page - 1) for b in by_page.get(p, []) if stream.blocks[b].kind == "table"]
    blocks.sort()
    for bi in blocks:
        b = stream.blocks[bi]
        pos.extend(range(b.start, b.end))
    return np.asarray(pos, dtype=np.int64)


def _prices(stream: OutStream, window: np.ndarray, page: int, whole: bool) -> tuple[np.ndarray | None, ...]:
    """What leaving words outside the aligned stretch costs: nothing for the neighbour pages'
    words, one per word for the page's own blocks, except the rest of the model block (a
    paragraph, list or table going on to the next page) after a stretch that ends on a truth word.
    Without pages: nothing comes before page 1 (a stylesheet or markup read as text is extra),
    nor after it when it is the whole document (``whole``)."""
    if not len(window):
        return None, None, None
    if not stream.paged:
        cols = np.arange(len(window) + 1, dtype=np.int64)
        return (cols if page == 1 else None), (len(window) - cols if whole else None), None
    blk = stream.unit_arr[window]
    own = (stream.page_arr[window] == page).astype(np.int64)
    lead = np.concatenate(([0], np.cumsum(own)))
    m = len(window)
    trail = lead[m] - lead  # own words after j
    change = np.flatnonzero(np.diff(blk)) + 1
    block_end = np.searchsorted(change, np.arange(m), side="right")
    ends = np.append(change, m)[block_end]  # one past the last position of each position's block
    on_word = trail.copy()
    on_word[1:] -= lead[ends] - lead[1:]
    return lead, trail, on_word


def _align_page(
    tids: np.ndarray, out: np.ndarray, stream: OutStream, window: np.ndarray, page: int, tw: _TruthWords, whole: bool
) -> Alignment:
    lead, trail, on_word = _prices(stream, window, page, whole)
    al = align(tids, out, lead, trail, on_word)
    if al.tail_free:
        # the free rest must belong to a block that really carries the page's last paragraph:
        # a few exact words of it in that block, not a garbage block entered on a substitution
        unit = stream.unit_arr[window[al.end - 1]]
        units = stream.unit_arr[window[al.start : al.end]]
        exact = int(np.count_nonzero(al.exact[al.start : al.end] & (units == unit)))
        last_block = next((t1 - t0 for t0, t1 in reversed(tw.ranges) if t1 > t0), 1)
        if exact < min(3, last_block):
            al = align(tids, out, lead, trail)
    return al


def _boundaries(w: _Page, stream: OutStream) -> Counts:
    al, n = w.al, len(w.tw.words)
    nxt = np.full(n + 1, n, dtype=np.int64)
    for i in range(n - 1, -1, -1):
        nxt[i] = i if al.t2o[i] >= 0 else nxt[i + 1]
    truth = Counter(int(nxt[t0]) for k, (t0, t1) in enumerate(w.tw.ranges) if t1 > t0 and not (k == 0 and w.truth.starts_inside))
    out: Counter[int] = Counter()
    following = n
    for p in range(al.end - 1, al.start - 1, -1):
        if al.o2t[p] >= 0:
            following = int(al.o2t[p])
        g = int(w.window[p])
        b = stream.blocks[stream.block_of[g]]
        if b.start == g and not b.part:  # a table's part on a later page goes on, it starts nothing
            out[following] += 1
    if al.end > al.start:
        # the stretch begins inside a block: that block's start counts here unless it is the
        # paragraph coming from the previous page (its page is N-1, or the truth says so)
        first = stream.blocks[stream.block_of[int(w.window[al.start])]]
        if first.start != int(w.window[al.start]) and not first.part:
            own = first.page == w.truth.page if stream.paged else not w.truth.starts_inside
            if own:
                out[following] += 1
    tp = sum((truth & out).values())
    return Counts(tp=tp, fp=sum(out.values()) - tp, fn=sum(truth.values()) - tp)


def _segments_text(raws: list[str], segs: list[int]) -> tuple[str, list[tuple[int, int]]]:
    """Raw words joined by spaces within a segment, by a line break between segments; word offsets."""
    text, spans = "", []
    for k, (raw, seg) in enumerate(zip(raws, segs, strict=True)):
        if k:
            text += " " if seg == segs[k - 1] else "\n"
        spans.append((len(text), len(text) + len(raw)))
        text += raw
    return text, spans


@dataclass
class TokenCheck:
    """The numbers (or dates) of one truth unit (a block, a table row) looked for in its output stretch."""

    t0: int  # the unit's truth words
    t1: int
    kind: str  # number | date
    want: list[Token]  # the truth's tokens of that kind (offsets in ``ttext``)
    found: set[int]  # indexes into ``want`` found identical and in order
    got: list[str]  # the output's tokens of that kind
    ttext: str
    tspans: list[tuple[int, int]]  # each truth word's offsets in ``ttext``
    otext: str


def token_checks(w: _Page, stream: OutStream) -> Iterator[TokenCheck]:
    """Every truth unit's numbers and dates against the output aligned to it (what ``_tokens`` counts)."""
    al, tw = w.al, w.tw
    n = len(tw.words)
    if not n:
        return
    prefix = np.maximum.accumulate(al.t2o)
    big = np.iinfo(np.int64).max
    suffix = np.minimum.accumulate(np.where(al.t2o >= 0, al.t2o, big)[::-1])[::-1]
    for t0, t1, is_row in tw.units:
        if t1 <= t0:
            continue
        ttext, tspans = _segments_text([x.raw for x in tw.words[t0:t1]], tw.segment[t0:t1])
        unsure = [tspans[k] for k in range(t1 - t0) if tw.unsure[t0 + k]]
        want = [tok for tok in number_tokens(ttext) if not any(tok.start < e and s < tok.end for s, e in unsure)]
        if not want:
            continue
        lo = max(int(prefix[t0 - 1]) + 1 if t0 else al.start, al.start)
        hi = int(suffix[t1]) if t1 < n and suffix[t1] != big else al.end
        pos = [int(g) for g in w.window[lo : max(lo, hi)]]
        if is_row:  # a table row's numbers must stay in the output row (or block) that holds most of it
            held = Counter(stream.row_of[int(w.window[p])] for p in al.t2o[t0:t1] if p >= 0)
            if held:
                best = held.most_common(1)[0][0]
                pos = [g for g in pos if stream.row_of[g] == best]
        otext, _ = _segments_text([stream.raws[g] for g in pos], [stream.segment_of[g] for g in pos])
        got = number_tokens(otext)
        for kind in ("number", "date"):
            a = [t for t in want if t.kind == kind]
            b = [t.text for t in got if t.kind == kind]
            found = {i for i, _ in lcs_pairs([t.text for t in a], b)}
            yield TokenCheck(t0, t1, kind, a, found, b, ttext, tspans, otext)


def _tokens(w: _Page, stream: OutStream) -> None:
    ps = w.score
    for c in token_checks(w, stream):
        if c.kind == "number":
            ps.numbers_total += len(c.want)
            ps.numbers_ok += len(c.found)
        else:
            ps.dates_total += len(c.want)
            ps.dates_ok += len(c.found)
        for i, tok in enumerate(c.want):
            if i not in c.found:
                ps.token_failures.append(TokenFailure(ps.page, c.kind, tok.text, c.got, c.ttext.replace("\n", " | ")[:300],
                                                      c.otext.replace("\n", " | ")[:300]))  # fmt: skip


def _extra_pageless(w: _Page, pages: list[_Page], owner: np.ndarray, whole: bool) -> np.ndarray:
    """Without pages, the words no stretch holds: before page 1; between this page and the
    next when the next has truth too; after page 1 when it is the whole document."""
    first, last = int(w.window[w.al.start]), int(w.window[w.al.end - 1])
    spans = []
    if w.truth.page == 1:
        spans.append((0, first))
    nxt = next((p for p in pages if p.truth.page == w.truth.page + 1 and p.al.end > p.al.start), None)
    if nxt is not None:
        spans.append((last + 1, int(nxt.window[nxt.al.start])))
    elif whole:
        spans.append((last + 1, len(owner)))
    mask = np.zeros(len(owner), dtype=bool)
    for lo, hi in spans:
        if hi > lo:
            mask[lo:hi] = owner[lo:hi] < 0
    return mask


def extra_mask(w: _Page, stream: OutStream, owner: np.ndarray, pages: list[_Page], whole: bool) -> np.ndarray:
    """Per output position: a word of the page's own blocks that no truth page's stretch holds (the rest
    of the block the page ends in is the paragraph going on, not extra)."""
    if w.al.end <= w.al.start:
        return np.zeros(len(stream), dtype=bool)
    if not stream.paged:
        return _extra_pageless(w, pages, owner, whole)
    last = int(w.window[w.al.end - 1])
    mine = (stream.page_arr == w.truth.page) & (owner < 0)
    if w.al.tail_free:
        idx = np.arange(len(stream))
        mine &= ~((stream.unit_arr == stream.unit_arr[last]) & (idx > last))
    return mine


def _extra_words(w: _Page, stream: OutStream, owner: np.ndarray, pages: list[_Page], whole: bool) -> int:
    return int(np.count_nonzero(extra_mask(w, stream, owner, pages, whole)))


def _headings(w: _Page, stream: OutStream, owned: list[int]) -> None:
    ps = w.score
    truth = [(" ".join(x.key for x in w.tw.words[t0:t1]), b.level)
             for b, (t0, t1) in zip(w.truth.blocks, w.tw.ranges, strict=True) if b.kind == "heading"]  # fmt: skip
    out = [stream.blocks[i] for i in owned if stream.blocks[i].kind == "heading"]
    pairs = match_pairs([t for t, _ in truth], [o.text for o in out], HEADING_SIMILARITY)
    ps.headings = Counts(tp=len(pairs), fp=len(out) - len(pairs), fn=len(truth) - len(pairs))
    ps.heading_levels_same = sum(1 for i, j in pairs if truth[i][1] == out[j].level)
    hit_t, hit_o = {i for i, _ in pairs}, {j for _, j in pairs}
    ps.issues += [Issue(ps.page, "heading-missed", truth=f"h{lv} {t}") for i, (t, lv) in enumerate(truth) if i not in hit_t]
    ps.issues += [Issue(ps.page, "heading-extra", output=f"h{o.level} {o.text}") for j, o in enumerate(out) if j not in hit_o]
    ps.issues += [Issue(ps.page, "heading-level", truth=f"h{truth[i][1]} {truth[i][0]}", output=f"h{out[j].level}")
                  for i, j in pairs if truth[i][1] != out[j].level]  # fmt: skip


def _own_held(pages: list[_Page], stream: OutStream) -> np.ndarray:
    """Per output position: the truth page one of whose words is aligned to it on that page's own output
    page, else -1 (words a stretch merely passes over, such as the rows of the next page inside a table
    read as one, are not held)."""
    held = np.full(len(stream), -1, dtype=np.int64)
    for w in pages:
        pos = w.window[w.al.t2o[w.al.t2o >= 0]]
        held[pos[stream.page_arr[pos] == w.truth.page]] = w.truth.page
    return held


def _leave_neighbours_words(
    pages: list[_Page], all_tids: list[np.ndarray], ids: np.ndarray, stream: OutStream, whole: bool
) -> None:
    """A page's stretch may not take words its neighbour's truth page holds on the neighbour's own page: two
    pages printed alike (a model letter in two annexes, two copies of a form) would otherwise both score one
    reading, and a page the reader lost would score its neighbour's words. Such a page is aligned again
    without them (a seam word two stretches share is given to the page it was read on)."""
    held = _own_held(pages, stream)
    for k, w in enumerate(pages):
        taken = held[w.window[w.al.t2o[w.al.t2o >= 0]]]
        if not np.any((taken >= 0) & (taken != w.truth.page)):
            continue
        keep = held[w.window]
        window = w.window[(keep < 0) | (keep == w.truth.page)]
        w.window = window
        w.al = _align_page(all_tids[k], ids[window], stream, window, w.truth.page, w.tw, whole)
        w.score.edits = w.al.edits


def _look_elsewhere(pages: list[_Page], k: int, tids: np.ndarray, ids: np.ndarray, stream: OutStream, settled: list[int]) -> None:
    """The words of page ``k`` are not near its page (a wrong page number, a reading order across pages):
    look for them in the whole output, except the words other truth pages' words are aligned to. A page printed
    twice over (the same model letter or form in two annexes) must not borrow its twin's reading and leave
    its own output as extra words; nor may a page the reader lost score its twin's words as its own."""
    w = pages[k]
    held = np.zeros(len(stream), dtype=bool)
    for j in settled:
        if j != k:
            al = pages[j].al
            held[pages[j].window[al.t2o[al.t2o >= 0]]] = True
    everywhere = np.flatnonzero(~held).astype(np.int64)
    found = align(tids, ids[everywhere])
    own = (stream.page_arr == w.truth.page) & ~held

    def cost(window: np.ndarray, al: Alignment) -> int:  # the edits, and the page's own words the stretch leaves out
        inside = np.zeros(len(stream), dtype=bool)
        inside[window[al.start : al.end]] = True
        return al.edits + int(np.count_nonzero(own & ~inside))

    if cost(everywhere, found) < cost(w.window, w.al) - 0.25 * len(w.tw.words):
        w.window, w.al, w.score.edits = everywhere, found, found.edits
        where = sorted({int(stream.page_arr[g]) for g in everywhere[found.start : found.end]})
        w.score.issues.append(Issue(w.truth.page, "page-elsewhere", output=f"read on output page(s) {where}"))


@dataclass
class Aligned:
    """A read document's word stream with every truth page aligned on it (what the figures are read from)."""

    stream: OutStream
    pages: list[_Page]
    owner: np.ndarray  # per output position: the truth page (index into ``pages``) whose stretch holds it, -1 for none
    exact_any: np.ndarray  # per output position: equal to the truth word aligned to it on some page
    whole: bool  # a document without pages whose only truth page is p001 (that page is the whole document)


def align_document(doc: Document, truth_pages: list[TruthPage], doc_id: str = "") -> Aligned:
    """Align every truth page (any subset of the document's pages) on the document's output words."""
    stream = build_stream(doc)
    split = row_pages(stream, truth_pages)
    if split:  # a table read as one over a page break: each part's rows on the page they were printed on
        stream = build_stream(doc, split)
    vocab: dict[str, int] = {}
    ids = np.fromiter((vocab.setdefault(k, len(vocab)) for k in stream.keys), dtype=np.int64, count=len(stream))
    by_page: dict[int, list[int]] = defaultdict(list)
    for b in stream.blocks:
        if b.page is not None:
            by_page[b.page].append(b.index)
    methods = {p.page: p.method for p in doc.meta.pages}
    seen: set[int] = set()
    pages: list[_Page] = []
    all_tids: list[np.ndarray] = []
    # a document without pages whose only truth page is p001: that page is the whole document
    whole = not stream.paged and [t.page for t in truth_pages] == [1]
    for tp in sorted(truth_pages, key=lambda t: t.page):
        if tp.page in seen:
            raise ValueError(f"two truth files for page {tp.page} of {doc_id or tp.doc}")
        seen.add(tp.page)
        tw = _truth_words(tp)
        tids = np.fromiter((WILDCARD if u else vocab.setdefault(x.key, len(vocab)) for x, u in zip(tw.words, tw.unsure, strict=True)),
                           dtype=np.int64, count=len(tw.words))  # fmt: skip
        window = _window(stream, tp.page, by_page)
        al = _align_page(tids, ids[window], stream, window, tp.page, tw, whole)
        ps = PageScore(doc=doc_id or tp.doc, page=tp.page, read=tp.read, method=methods.get(tp.page) if stream.paged else None,
                       words=len(tw.words) - sum(tw.unsure), edits=al.edits)  # fmt: skip
        pages.append(_Page(tp, tw, window, al, ps))
        all_tids.append(tids)
    if stream.paged:
        _leave_neighbours_words(pages, all_tids, ids, stream, whole)
    lost = {k: all_tids[k] for k, w in enumerate(pages)
            if stream.paged and w.al.edits > 0.5 * len(w.tw.words) and len(w.window) < len(stream)}  # fmt: skip
    for k, tids in lost.items():
        _look_elsewhere(pages, k, tids, ids, stream, settled=[j for j in range(len(pages)) if j not in lost or j < k])
    owner = np.full(len(stream), -1, dtype=np.int64)
    exact_any = np.zeros(len(stream), dtype=bool)
    for k, w in enumerate(pages):
        span = w.span
        owner[span[owner[span] < 0]] = k
        exact_any[w.window[w.al.exact]] = True
    return Aligned(stream, pages, owner, exact_any, whole)


def block_owners(stream: OutStream, pages: list[_Page], owner: np.ndarray) -> tuple[list[int], dict[int, list[int]]]:
    """Each stream block's truth page (index into pages, -1 for none) and the blocks each page owns."""
    page_of = {w.truth.page: k for k, w in enumerate(pages)}
    block_owner: list[int] = []
    owned: dict[int, list[int]] = defaultdict(list)
    for b in stream.blocks:
        mine = owner[b.start : b.end]
        hits = mine[mine >= 0]
        k = int(hits[0]) if len(hits) else (page_of.get(b.page, -1) if stream.paged and b.page is not None else -1)
        block_owner.append(k)
        if k >= 0:
            owned[k].append(b.index)
    return block_owner, owned


def score_document(doc: Document, truth_pages: list[TruthPage], doc_id: str = "") -> DocScore:
    """Score one read document against its truth pages (any subset of its pages)."""
    t_start = time.perf_counter()
    aligned = align_document(doc, truth_pages, doc_id)
    stream, pages, owner, exact_any, whole = aligned.stream, aligned.pages, aligned.owner, aligned.exact_any, aligned.whole
    block_owner, owned = block_owners(stream, pages, owner)
    for k, w in enumerate(pages):
        w.score.extra_words = _extra_words(w, stream, owner, pages, whole)
        w.score.paragraphs = _boundaries(w, stream)
        _tokens(w, stream)
        if w.score.edits:
            w.score.word_diffs = word_diffs(w, stream)
        _headings(w, stream, owned[k])
        furniture(w, stream, owned[k], exact_any)
        w.score.tatweel = sum(stream.blocks[i].tatweel for i in owned[k])
        w.score.presentation_forms = sum(stream.blocks[i].presentation_forms for i in owned[k])
    tables(pages, stream, block_owner)
    return DocScore(id=doc_id or (truth_pages[0].doc if truth_pages else ""), pages=[w.score for w in pages],
                    score_seconds=time.perf_counter() - t_start)  # fmt: skip
