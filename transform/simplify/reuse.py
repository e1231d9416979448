"""The translation memory and the term base in a conversion, and what an approval teaches them.

Simplify stage (:mod:`transform.simplify.stage`):

* :func:`termbase_scope`: the run's term base lies over the built-in glossary while the engine runs
  and the quality report is made (the next drafts use what staff wrote);
* :func:`reuse`: after the engine, a segment whose normalised source is in the memory gets the
  approved Darija text (status ``from_memory``, with who approved it and when); a segment with a
  similar approved source (>= ``min_similarity``, 75 % by default) keeps the engine's text and gets
  the offer as a reason (``notes["memory_offers"]``: similarity, the stored source, the approved
  Darija, and the words that changed): an offer is never applied silently.

Review API (:func:`transform.simplify.review.approve`): :func:`learn_approved` stores the approved
segments. LLM engine: :class:`Recall` gives the closest approved pairs as examples.
"""

from __future__ import annotations

import bisect
import difflib
import json
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import regex
from rapidfuzz import fuzz, process

from ..errors import TransformError
from ..model import Document, Sentence, StageRecord, iter_sentences
from .memory import FileMemory, Memory, MemoryEntry, memory_key
from .notice import is_notice_group, source_of
from .speak import speakable
from .status import FROM_MEMORY, NO_DARIJA
from .termbase import Term, active_terms, relevant
from .text import script_of

if TYPE_CHECKING:
    from ..context import RunContext
    from .base import Segment, Simplification

EXAMPLE_FLOOR = 40.0  # the LLM's examples: the closest approved pairs from this similarity
MAX_OFFERS = 3


def memory_for(ctx: RunContext) -> Memory | None:
    """The run's memory: ``ctx.memory`` (given to ``convert``), else the files named in the options, else None."""
    mem = getattr(ctx, "memory", None)
    if mem is not None:
        return mem  # type: ignore[no-any-return]
    opts = ctx.options.simplify.memory
    if not (opts.tmx or opts.termbase):
        return None
    if opts.tmx and not Path(opts.tmx).exists():
        ctx.warn("simplify.memory", f"The translation memory {opts.tmx} does not exist yet: nothing is reused.",
                 hint="It is made when a draft is approved with --memory (taysir review approve), or by `taysir tm import`.")
    ctx.memory = FileMemory(opts.tmx, opts.termbase)
    return ctx.memory


def _unavailable(ctx: RunContext, what: str, exc: Exception) -> None:
    """A memory that cannot be read (its database is down...) leaves the draft as the engine made it, with a warning."""
    ctx.warn("simplify.memory", f"The {what} could not be read ({type(exc).__name__}): the draft is made without it.",
             hint="Check the service's database; convert the document again when it is back.")


@contextmanager
def termbase_scope(ctx: RunContext) -> Iterator[None]:
    mem = memory_for(ctx)
    terms: Sequence[Term] = ()
    if mem is not None:
        try:
            terms = mem.terms()
        except TransformError:
            raise  # a term base file the user named that cannot be read: say so
        except Exception as exc:  # noqa: BLE001 - a store that cannot answer is not worth losing the conversion
            _unavailable(ctx, "term base", exc)
    with active_terms(terms):
        yield


# -- matching ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    op: str  # replace | insert | delete
    old: str  # words of the stored source
    new: str  # words of the new source


@dataclass
class Offer:
    entry: MemoryEntry
    similarity: float
    changes: list[Change]

    def as_dict(self) -> dict[str, object]:
        e = self.entry
        return {"similarity": round(self.similarity, 1), "source": e.source, "darija": e.target, "document": e.document,
                "approved_by": e.approved_by, "approved_at": e.approved_at, "changes": [asdict(c) for c in self.changes],
                "differences": describe(self.changes)}


_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}\d_]+|[^\s\p{L}\p{M}\d_]")


def _words(tokens: list[str]) -> str:
    return regex.sub(r"\s+(?=[^\s\p{L}\p{M}\d_])", "", " ".join(tokens))  # no space before punctuation


def differences(stored: str, new: str) -> list[Change]:
    """The words that changed from the stored source to the new one (numbers are one word; punctuation apart)."""
    a, b = _TOKEN.findall(memory_key(stored)), _TOKEN.findall(memory_key(new))
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [Change(tag, _words(a[i1:i2]), _words(b[j1:j2])) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"]


def describe(changes: Sequence[Change]) -> str:
    """``«12» → «15», new «الجديدة», gone «القديمة»`` (no ';' or '|': it is also a review reason)."""
    out = []
    for c in changes:
        if c.op == "replace":
            out.append(f"«{c.old}» → «{c.new}»")
        elif c.op == "insert":
            out.append(f"new «{c.new}»")
        else:
            out.append(f"gone «{c.old}»")
    return ", ".join(out)


class Recall:
    """What a memory knows about a set of source sentences: one lookup of the exact matches, one pool of
    candidates for the similar ones (fetched on first use)."""

    def __init__(self, memory: Memory, sources: Sequence[tuple[str, str]], *, threshold: float = 75.0, floor: float | None = None) -> None:
        self.memory, self.threshold = memory, threshold
        self.floor = min(threshold, floor if floor is not None else threshold)
        self.keys: dict[str, set[str]] = {}
        for lang, text in sources:
            self.keys.setdefault(lang, set()).add(memory_key(text))
        self._exact = {lang: memory.lookup(lang, keys) for lang, keys in self.keys.items()}
        self._pools: dict[str, tuple[list[int], list[str], list[MemoryEntry]]] = {}
        self.reuse = True  # exact matches are applied (options.simplify.memory.reuse)

    def exact(self, lang: str, text: str) -> MemoryEntry | None:
        return self._exact.get(lang, {}).get(memory_key(text))

    def _pool(self, lang: str) -> tuple[list[int], list[str], list[MemoryEntry]]:
        """The candidates of a language sorted by key length: (lengths, keys, entries)."""
        if lang not in self._pools:
            lens = [len(k) for k in self.keys.get(lang, ())] or [0]
            ratio = self.floor / (200.0 - self.floor)
            entries = sorted(self.memory.candidates(lang, math.floor(min(lens) * ratio), math.ceil(max(lens) / ratio) if ratio else 10**9),
                             key=lambda e: len(e.key))
            self._pools[lang] = ([len(e.key) for e in entries], [e.key for e in entries], entries)
        return self._pools[lang]

    def prefetch(self) -> None:
        for lang in self.keys:
            self._pool(lang)

    def _similar(self, lang: str, text: str, cutoff: float, limit: int) -> list[tuple[MemoryEntry, float]]:
        k = memory_key(text)
        lens, keys, entries = self._pool(lang)
        ratio = cutoff / (200.0 - cutoff)  # a similarity >= s needs len(short) / len(long) >= s / (200 - s)
        lo = bisect.bisect_left(lens, math.floor(len(k) * ratio))
        hi = bisect.bisect_right(lens, math.ceil(len(k) / ratio) if ratio else 10**9)
        found = [(c, score, i + lo) for c, score, i in
                 process.extract(k, keys[lo:hi], scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit * 3 + 1)]
        out: list[tuple[MemoryEntry, float]] = []
        seen: set[str] = set()
        for _choice, score, i in sorted(found, key=lambda x: (-x[1], x[2])):
            e = entries[i]
            if keys[i] == k or e.target in seen:
                continue
            seen.add(e.target)
            out.append((e, float(score)))
        return out[:limit]

    def offers(self, lang: str, text: str, limit: int = MAX_OFFERS) -> list[Offer]:
        """Approved entries with a similar source (>= threshold), best first, with the words that changed."""
        return [Offer(e, s, differences(e.source, text)) for e, s in self._similar(lang, text, self.threshold, limit)]

    def examples(self, lang: str, text: str, k: int = 3) -> list[MemoryEntry]:
        """The closest approved pairs (from the ``floor`` similarity), for the LLM's prompt."""
        return [e for e, _s in self._similar(lang, text, self.floor, k)]

    def exact_for(self, seg: Segment) -> MemoryEntry | None:
        """The approved translation that will replace ``seg`` (None when reuse is off)."""
        lang = segment_lang(seg)
        return self.exact(lang, seg.source) if self.reuse and lang else None

    def example_pairs(self, seg: Segment, k: int = 3) -> list[tuple[str, str]]:
        """(source, approved Darija) of the closest entries, the closest last (nearest the question)."""
        lang = segment_lang(seg)
        return [(e.source, e.target) for e in reversed(self.examples(lang, seg.source, k))] if lang else []


def segment_lang(seg: Segment) -> str | None:
    """The memory's source language of a segment, from its script (MSA is Arabic script, French Latin)."""
    scr = script_of(memory_key(seg.source))  # without tatweel (a letter of no script)
    return "ar" if scr == "arabic" else "fr" if scr == "latin" else None


def recall_for(ctx: RunContext, segments: Sequence[Segment], *, floor: float | None = None) -> Recall | None:
    mem = memory_for(ctx)
    if mem is None:
        return None
    sources = [(lang, s.source) for s in segments if (lang := segment_lang(s))]
    if not sources:
        return None
    try:
        recall = Recall(mem, sources, threshold=ctx.options.simplify.memory.min_similarity, floor=floor)
    except TransformError:
        raise
    except Exception as exc:  # noqa: BLE001 - see _unavailable
        _unavailable(ctx, "translation memory", exc)
        return None
    recall.reuse = ctx.options.simplify.memory.reuse
    return recall


def prompt_terms(ctx: RunContext, text: str) -> str:
    """The term base's entries found in ``text``, as lines for the LLM's system prompt ("" when none)."""
    mem = memory_for(ctx)
    found = relevant(text, mem.terms()) if mem is not None else []
    if not found:
        return ""
    lines = "".join(f"\n- {t.terms[0]} -> {t.darija}" + (f". Explain it once: {t.explanation}" if t.explanation else "") for t in found)
    return "\nTerms approved by the council's staff (write them exactly like this):" + lines


# -- reuse in a conversion -----------------------------------------------------------------------------
def pieces_of(text: str) -> list[str]:
    return [" ".join(p.split()) for p in regex.split(r"(?<=[.!?؟])\s+", text) if p.strip()]


def _suffix(i: int) -> str:
    return chr(97 + i) if i < 26 else f"z{i}"


def reuse(sim: Simplification, ctx: RunContext, target: str) -> None:
    """Exact matches become the segments' text (``from_memory``); similar ones are offered (see the module)."""
    opts = ctx.options.simplify.memory
    if target != "ary" or sim.reviewed or not (opts.reuse or opts.fuzzy):
        return
    recall = recall_for(ctx, sim.segments)
    if recall is None:
        return
    from .engine import replace_segments

    firsts: dict[str, Sentence] = {}
    for loc in iter_sentences(sim.document):
        firsts.setdefault(loc.sentence.notes.get("segment", loc.sentence.id), loc.sentence)
    replaced: dict[str, list[Sentence]] = {}
    offered = 0
    try:
        if opts.fuzzy:
            recall.prefetch()  # the candidates are read here, once (a store that fails now is reported, not fatal)
    except TransformError:
        raise
    except Exception as exc:  # noqa: BLE001 - see _unavailable
        _unavailable(ctx, "translation memory", exc)
        opts = opts.model_copy(update={"fuzzy": False})
    for seg in sim.segments:
        lang = segment_lang(seg)
        if lang is None:
            continue
        hit = recall.exact(lang, seg.source) if opts.reuse else None
        if hit is not None:
            replaced[seg.id] = _from_memory(seg, hit)
            continue
        offers = recall.offers(lang, seg.source) if opts.fuzzy else []
        first = firsts.get(seg.id)
        if offers and first is not None:
            offered += 1
            best = offers[0]
            reason = (f"translation memory: a {best.similarity:.0f} % match, not applied ({describe(best.changes)}). "
                      f"Approved Darija for «{best.entry.source}»: {best.entry.target}")
            seg.reasons.append(reason)
            first.notes["reasons"] = "; ".join(r for r in (first.notes.get("reasons", ""), reason) if r)
            first.notes["memory_offers"] = json.dumps([o.as_dict() for o in offers], ensure_ascii=False)
    if replaced:
        replace_segments(sim.document, replaced)
    total = sum(1 for s in sim.segments if segment_lang(s))
    summary = {"segments": str(total), "from_memory": str(len(replaced)), "offers": str(offered)}
    sim.provenance = sim.provenance or {"engine": ctx.options.simplify.engine}
    sim.provenance["memory"] = f"{len(replaced)} of {total} segments from the translation memory, {offered} with offers"
    sim.document.provenance.append(StageRecord(stage="simplify.memory", engine="memory", notes=summary))


def _from_memory(seg: Segment, e: MemoryEntry) -> list[Sentence]:
    """The approved text as it was approved (a glossary explanation the reviewer removed stays removed)."""
    from .metrics import check_segment

    pieces = pieces_of(e.target)
    spk = [speakable(p) for p in pieces]
    chk = check_segment(seg.source, " ".join(pieces), " ".join(spk))
    when = (e.approved_at or "")[:10]
    reason = "from the translation memory: approved" + (f" by {e.approved_by}" if e.approved_by else "") + (f" on {when}" if when else "")
    reason += f" ({e.document})" if e.document else ""
    seg.status, seg.reasons = FROM_MEMORY, [reason]
    seg.speakable = " ".join(spk)
    seg.metrics = {**seg.metrics, "numbers_total": chk.numbers_total, "numbers_missing": chk.numbers_missing, "numbers_new": chk.numbers_new,
                   "entities_total": chk.entities_total, "entities_missing": chk.entities_missing, "max_words": chk.max_words,
                   "long_sentences": chk.long_sentences, "speakable_ok": chk.speakable_ok}
    measures = getattr(chk, "measures", None)
    if measures is not None and hasattr(measures, "as_dict"):
        seg.metrics.update(measures.as_dict())
    seg.pieces = []
    out = []
    origin = json.dumps({"document": e.document, "segment": e.segment, "approved_by": e.approved_by, "approved_at": e.approved_at},
                        ensure_ascii=False)
    for i, (p, sp) in enumerate(zip(pieces, spk, strict=True)):
        sid = seg.id if len(pieces) == 1 else seg.id + _suffix(i)
        seg.pieces.append((sid, p))
        notes = {"speakable": sp, "status": FROM_MEMORY, "segment": seg.id, "engine": "memory",
                 "variant": "approved translation from the translation memory", "source_lang": seg.source_lang}
        if i == 0:
            notes.update(reasons=reason, glossary=" | ".join(seg.glossary), metrics=json.dumps(seg.metrics, ensure_ascii=False), memory=origin)
        out.append(Sentence(id=sid, text=p, source_text=seg.source, notes=notes))
    return out


# -- learning from an approval -----------------------------------------------------------------------------
def approved_entries(doc: Document, approver: str, when: str) -> list[MemoryEntry]:
    """The memory entries an approved document gives: each segment with a Darija text and a source sentence."""
    from .french import NEEDS_HUMAN_LABEL
    from .review import grouped

    name = doc.meta.source_name or doc.meta.title or ""
    out = []
    for sid, group in grouped(doc).items():
        if group[0].notes.get("status") in NO_DARIJA or is_notice_group(group):  # no Darija text: nothing to learn
            continue
        target = " ".join(" ".join(s.text for s in group).split())
        source = " ".join(source_of(group).split())
        if NEEDS_HUMAN_LABEL in target or not source or not regex.search(r"\p{Arabic}", target):
            continue
        scr = script_of(memory_key(source))
        lang = "ar" if scr == "arabic" else "fr" if scr == "latin" else None
        if lang is None:
            continue
        out.append(MemoryEntry(source, lang, target, document=name, segment=sid, approved_by=approver, approved_at=when, origin="approval"))
    return out


def learn_approved(doc: Document, memory: Memory, *, approver: str, when: str) -> int:
    """Store the approved segments of ``doc`` in ``memory``; returns how many entries were added or refreshed."""
    entries = approved_entries(doc, approver, when)
    return memory.add(entries) if entries else 0
