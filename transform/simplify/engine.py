"""Document-level driver: pick the source track, simplify every sentence, keep ids, check the gates.

The simplified Document keeps the source structure. A source sentence split into N Darija sentences
gets ids ``<id>a``, ``<id>b``...; each carries ``source_text`` (the source sentence) and notes:
``speakable``, ``status`` (ok | needs_review | needs_human), ``reasons``, ``glossary``, ``segment``
(the source sentence id), ``metrics`` (JSON) and ``engine``.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import regex

from ..errors import LanguageNotSupportedError
from ..model import (
    Cell,
    Document,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Sentence,
    Table,
    iter_sections,
    iter_sentences,
)
from ..model.text import Direction
from ..model.tracks import split_tracks
from ..model.walk import block_sentences
from .base import Segment, Simplification
from .data import resources
from .french import FrenchResult, french_segment, needs_human, table_cell
from .metrics import check_segment
from .msa import DocState, simplify_sentence
from .notice import notice_sentences, suffix
from .numbers import canonical_values
from .speak import speakable
from .status import ALL, CHECK_SOURCE, NEEDS_HUMAN, NEEDS_REVIEW, OK, worst
from .text import script_of

STATUSES = ALL
OTHER_SCRIPT_REASON = "text in a script that is neither Arabic nor Latin: a person must translate it"
CHECK_SOURCE_REASON = "check against the source: the text was read with doubt"
DOUBT_CONFIDENCE = 0.6  # a block read with less confidence than this is doubtful even without a doubt code


def rewrite_sentences(doc: Document, fn: Callable[[list[Sentence], str, object], list[Sentence]]) -> None:
    """Replace every sentence list of the document by ``fn(sentences, role, node)``; clear own languages."""

    def items(its: list[ListItem], block: ListBlock) -> None:
        for it in its:
            it.lang, it.direction = None, None
            it.sentences = fn(it.sentences, "list", block)
            items(it.children, block)

    for sec, _ in iter_sections(doc):
        sec.lang, sec.direction = None, None
        blocks = ([sec.heading] if sec.heading is not None else []) + list(sec.blocks)
        for b in blocks:
            b.lang, b.direction = None, None
            if isinstance(b, Heading):
                b.sentences = fn(b.sentences, "heading", b)
            elif isinstance(b, Paragraph):
                b.sentences = fn(b.sentences, "paragraph", b)
            elif isinstance(b, ListBlock):
                items(b.items, b)
            elif isinstance(b, Table):
                b.caption = fn(b.caption, "caption", b)
                for row in b.rows:
                    for cell in row:
                        cell.lang, cell.direction = None, None
                        cell.sentences = fn(cell.sentences, "cell", (b, cell))
            elif isinstance(b, Figure):
                b.alt = fn(b.alt, "alt", b)


def _unit_millions(table: Table) -> bool:
    heads = " ".join(s.text for row in table.rows[:1] for c in row for s in c.sentences)
    heads += " " + " ".join(s.text for s in table.caption)
    return bool(regex.search(r"(?i)MDH|millions? de (?:dirhams|DH)|en millions", heads))


def choose_source(doc: Document, arabic: Document | None = None) -> tuple[Document, str, Document | None]:
    """(document to simplify, its language, French version for alignment or None)."""
    tracks = split_tracks(doc)
    fr = tracks.get("fr")
    if arabic is not None:
        return split_tracks(arabic).get("ar") or arabic, "ar", fr or doc
    for lang in ("ar", "ary"):
        if lang in tracks:
            src = tracks[lang]
            if not any(script_of(loc.sentence.text) == "arabic" for loc in iter_sentences(src)):
                if fr is not None:
                    return fr, "fr", None
                found = {script_of(loc.sentence.text) for loc in iter_sentences(src)} - {"none"}
                raise LanguageNotSupportedError(
                    "This document has no Arabic and no French text"
                    + (f" (its letters are in another script: {', '.join(sorted(found))})." if found else " (no letters at all)."),
                    hint="Simplified Darija is made from MSA Arabic or French documents. Give the Arabic or French version.",
                )
            return src, lang, fr
    if fr is not None:
        return fr, "fr", None
    raise LanguageNotSupportedError(
        f"This document has no Arabic and no French text (languages found: {', '.join(sorted(tracks)) or 'none'}).",
        hint="Simplified Darija is made from MSA Arabic or French documents. Give the Arabic or French version.",
    )


def _align(segments: list[Segment], french: Document) -> list[str]:
    """Attach the French sentence with the same numbers (headings by order); list French numbers missing in Arabic."""
    fr_sents = [(loc.sentence.id, loc.sentence.text, loc.role) for loc in iter_sentences(french) if loc.lang.startswith("fr")]
    fr_heads = [x for x in fr_sents if x[2] == "heading"]
    ar_heads = [s for s in segments if s.role == "heading"]
    for a, f in zip(ar_heads, fr_heads, strict=False):
        a.aligned = f[0]
    fr_vals = {fid: set(canonical_values(t)) for fid, t, _ in fr_sents}
    ar_all: set[str] = set()
    for s in segments:
        vals = set(canonical_values(s.source))
        ar_all |= vals
        if s.aligned or not vals:
            continue
        best = max(fr_vals.items(), key=lambda kv: len(kv[1] & vals) / (len(kv[1] | vals) or 1), default=None)
        if best and best[1] & vals:
            s.aligned = best[0]
    missing = sorted({v for vals in fr_vals.values() for v in vals} - ar_all)
    return [f"numbers in the French version that the Arabic version does not have: {', '.join(missing)}"] if missing else []


def _doubt_of(node: object) -> str | None:
    """The reader's doubt about the block a sentence comes from (``Block.doubt``), if any."""
    block = node[0] if isinstance(node, tuple) else node
    doubt = getattr(block, "doubt", None)
    if doubt:
        return str(doubt)
    conf = getattr(block, "confidence", None)
    return "low_confidence" if conf is not None and conf < DOUBT_CONFIDENCE else None


def _cells_of(node: object) -> str:
    """For a sentence of a table holding doubtful cells: ``; cells to check: row 4, column 2: 27 928/382``."""
    from ..ocr.cell_doubt import cells_note

    table = node[0] if isinstance(node, tuple) else node
    note = cells_note(table.rows) if isinstance(table, Table) else ""
    return f"; cells to check: {note}" if note else ""


def simplify_document(doc: Document, agent: str = "الجهة", engine: str = "rules", arabic: Document | None = None) -> Simplification:
    """Simplify ``doc`` into a Darija Document (MSA rules, or French templates; a sentence nothing covers
    becomes a ``needs_human`` segment: a notice and its source text, never a placeholder)."""
    source, lang, french = choose_source(doc, arabic)
    out = source.model_copy(deep=True)
    st = DocState(agent=agent)
    segments: list[Segment] = []
    mode = "french" if lang == "fr" else ("arabic+french" if french is not None else "arabic")
    fem = st.feminine

    def one(s: Sentence, role: str, node: object) -> tuple[list[str], str, list[str], list[str], list[str]]:
        """(Darija pieces, status, reasons, glossary notes, facts) for one source sentence; no pieces: needs_human."""
        text = s.text
        scr = script_of(text)
        if scr == "none":
            return [text], OK, [], [], []
        if scr == "other":
            r = needs_human(text, OTHER_SCRIPT_REASON)
            return [], r.status, r.reasons, [], r.facts
        if lang == "fr" or scr == "latin":
            if role == "cell" and isinstance(node, tuple):
                table, cell = node
                r: FrenchResult = table_cell(text, cell.header, _unit_millions(table))
            else:
                r = french_segment(text, role, agent, fem)
            return ([r.text] if r.status != NEEDS_HUMAN else []), r.status, r.reasons, [], r.facts
        d = simplify_sentence(text, st, "paragraph" if role in ("paragraph", "list") else role)
        notes = []
        gl = {e.id: e for e in resources().glossary}
        for gid in d.glossary:
            e = gl[gid]
            notes.append(f"{e.label}: {e.explanation}" if e.explanation else e.label)
        return d.pieces + d.explanations, OK, d.reasons, notes, []

    placed_in: dict[int, bool] = {}

    def fn(sentences: list[Sentence], role: str, node: object) -> list[Sentence]:
        new: list[Sentence] = []
        block_doubt = _doubt_of(node)
        if not isinstance(node, tuple) and id(node) not in placed_in:  # (asked before a block's first sentences are rewritten)
            placed_in[id(node)] = any(x.doubt for x, *_ in block_sentences(node))  # type: ignore[arg-type]
        placed = placed_in.get(id(node), False) if not isinstance(node, tuple) else False  # the reader said which sentences are in doubt
        for s in sentences:
            doubt = s.doubt if placed else block_doubt
            pieces, status, reasons, notes, facts = one(s, role, node)
            src_lang = s.lang or (lang if script_of(s.text) != "latin" or lang == "fr" else "fr")
            own = isinstance(node, tuple) and getattr(node[1], "doubt", None)  # a doubtful cell: its number is what to check
            if doubt and (script_of(s.text) != "none" or own):
                reasons = [f"{CHECK_SOURCE_REASON} ({doubt}{_cells_of(node)})", *reasons]
            if not pieces:  # no Darija text: the notice and the source sentence
                chk = check_segment(s.text, s.text, "")
                sents = notice_sentences(s.id, s.text, src_lang, notes={"reasons": "; ".join(reasons), "facts": " | ".join(facts),
                                                                       "engine": engine})
                seg = Segment(id=s.id, role=role, source=s.text, source_lang=src_lang, pieces=[(x.id, x.text) for x in sents],
                              speakable=sents[0].notes["speakable"], status=NEEDS_HUMAN, reasons=reasons, facts=facts,
                              metrics={"numbers_total": chk.numbers_total, "doubt": doubt or ""})
                segments.append(seg)
                new.extend(sents)
                continue
            joined = " ".join(pieces)
            spk = [speakable(p) for p in pieces]
            chk = check_segment(s.text, joined, " ".join(spk))
            reasons = reasons + [r for r in chk.reasons() if r not in reasons]
            if reasons:
                status = worst(status, NEEDS_REVIEW)
            if doubt:
                status = worst(status, CHECK_SOURCE)
            seg = Segment(
                id=s.id, role=role, source=s.text, source_lang=src_lang, pieces=[], speakable=" ".join(spk),
                status=status, reasons=reasons, glossary=notes,
                metrics={"numbers_total": chk.numbers_total, "numbers_missing": chk.numbers_missing, "numbers_new": chk.numbers_new,
                         "entities_total": chk.entities_total, "entities_missing": chk.entities_missing,
                         "max_words": chk.max_words, "long_sentences": chk.long_sentences, "speakable_ok": chk.speakable_ok,
                         "doubt": doubt or "", **chk.measures.as_dict()},
            )
            for i, (p, sp) in enumerate(zip(pieces, spk, strict=True)):
                sid = s.id if len(pieces) == 1 else s.id + suffix(i)
                seg.pieces.append((sid, p))
                notes_ = {"speakable": sp, "status": status, "segment": s.id, "engine": engine, "variant": "machine-generated draft",
                          "source_lang": src_lang}
                if i == 0:
                    notes_["reasons"] = "; ".join(reasons)
                    notes_["glossary"] = " | ".join(notes)
                    notes_["metrics"] = json.dumps(seg.metrics, ensure_ascii=False)
                new.append(Sentence(id=sid, text=p, source_text=s.text, notes=notes_))
            segments.append(seg)
        return new

    rewrite_sentences(out, fn)
    if st.pending and segments:  # terms met only in headings or tables: explain after the last Darija segment
        last = next((x for x in reversed(segments) if x.status != NEEDS_HUMAN), None)
        for e in st.pending if last is not None else []:
            sid = last.id + suffix(len(last.pieces))
            last.pieces.append((sid, e.explanation))
            _append_after(out, last.pieces[-2][0], Sentence(id=sid, text=e.explanation, source_text=last.source,
                                                             notes={"speakable": speakable(e.explanation), "status": last.status,
                                                                    "segment": last.id, "engine": engine}))
        st.pending.clear()
    out.meta = out.meta.model_copy(update={"lang": "ary", "direction": Direction.RTL, "variant": "simplified", "review_state": "draft"})
    warnings = _align(segments, french) if french is not None and lang != "fr" else []
    return Simplification(out, segments, lang, mode, warnings=warnings)


def replace_segments(doc: Document, new: dict[str, list[Sentence]]) -> None:
    """Replace the sentences of each segment (``notes["segment"]``) named in ``new`` by the given ones."""

    def fn(sentences: list[Sentence], role: str, node: object) -> list[Sentence]:
        out: list[Sentence] = []
        done: set[str] = set()
        for s in sentences:
            seg = s.notes.get("segment", s.id)
            if seg not in new:
                out.append(s)
            elif seg not in done:
                done.add(seg)
                out.extend(new[seg])
        return out

    rewrite_sentences(doc, fn)


def _append_after(doc: Document, after_id: str, new: Sentence) -> None:
    def fn(sentences: list[Sentence], role: str, node: object) -> list[Sentence]:
        out = []
        for s in sentences:
            out.append(s)
            if s.id == after_id:
                out.append(new)
        return out

    rewrite_sentences(doc, fn)


def glossary_explained_in(doc: Document) -> set[str]:
    """Glossary explanations present in a (possibly edited) Darija document."""
    texts = " ".join(loc.sentence.text for loc in iter_sentences(doc))
    return {e.id for e in resources().glossary if e.explanation and e.explanation in texts}


__all__ = ["STATUSES", "Segment", "Simplification", "choose_source", "rewrite_sentences", "simplify_document", "Cell"]
