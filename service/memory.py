"""The translation memory and the term base as the API and the glossary page show and change them.

The matching, the file formats and the checks of an entry are the library's (``transform.simplify.memory``,
``reuse``, ``tmx``, ``termbase``); this module reads and writes the store (``service/store/memory.py``) and
turns library objects into the API's models. Routes: ``service/routers/memory.py``; page:
``service/web/glossary.py``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Literal

from pydantic import BaseModel, Field

from transform.model import iter_sentences
from transform.simplify.memory import MIN_SIMILARITY, MemoryEntry, now_iso
from transform.simplify.reuse import Recall, describe
from transform.simplify.termbase import Term, builtin_terms, check, clean_term, effective
from transform.simplify.tmx import read_memory_tsv, read_tbx, read_terms_tsv, read_tmx, write_memory, write_terms

from . import review
from .errors import NotFound, Unprocessable
from .runtime import Runtime
from .store import DocumentRow

MemoryFormat = Literal["tmx", "tsv"]
TermsFormat = Literal["tsv", "tbx"]


class MemoryEntryView(BaseModel):
    id: str
    source_lang: str = Field(description="ar (MSA) or fr")
    source: str
    darija: str
    document: str = ""
    segment: str = ""
    approved_by: str = ""
    approved_at: str = Field("", description="ISO 8601 UTC")
    origin: str = Field("", description="approval | import")


class MemoryList(BaseModel):
    total: int
    entries: list[MemoryEntryView]


class Change(BaseModel):
    op: str = Field(description="replace | insert | delete")
    old: str = Field(description="words of the stored source")
    new: str = Field(description="words of the new source")


class MemoryOffer(BaseModel):
    similarity: float
    entry: MemoryEntryView
    changes: list[Change]
    differences: str = Field(description="the changes in words: «12» → «15», new «…», gone «…»")


class SimilarView(BaseModel):
    exact: MemoryEntryView | None
    offers: list[MemoryOffer]


class ImportReport(BaseModel):
    read: int
    added: int
    refreshed: int
    skipped: list[str]
    total: int


class TermIn(BaseModel):
    lang: Literal["ar", "fr"] = Field("ar", description="ar: an MSA term (glossary); fr: a French term (French templates)")
    terms: list[str] = Field(description="the term and its variants as written in sources", min_length=1, max_length=20)
    darija: str = Field(description="the fixed Darija wording")
    explanation: str = Field("", description="one Darija sentence said after the term's first use (at most 12 words)")
    plural: str = Field("", description="French terms: the Darija plural wording")


class TermView(BaseModel):
    id: str
    lang: str
    terms: list[str]
    darija: str
    explanation: str = ""
    plural: str = ""
    active: bool = True
    origin: str = Field(description="builtin (data/glossary.tsv, fr_lexicon.tsv) | termbase (edited by staff)")
    updated_by: str = ""
    updated_at: str = ""


class TermList(BaseModel):
    terms: list[TermView]


class TermsImportReport(BaseModel):
    imported: int
    skipped: list[str]
    total: int


class SegmentMemory(BaseModel):
    id: str
    status: str
    from_memory: dict[str, str] | None = Field(None, description="the approval reused: document, segment, approved_by, approved_at")
    offers: list[dict[str, object]] = Field([], description="similar approved segments (similarity, source, darija, changes, differences)")


def entry_view(e: MemoryEntry) -> MemoryEntryView:
    return MemoryEntryView(id=e.id, source_lang=e.source_lang, source=e.source, darija=e.target, document=e.document, segment=e.segment,
                           approved_by=e.approved_by, approved_at=e.approved_at, origin=e.origin)


def term_view(t: Term) -> TermView:
    return TermView(id=t.id, lang=t.lang, terms=list(t.terms), darija=t.darija, explanation=t.explanation, plural=t.plural,
                    active=t.active, origin=t.origin, updated_by=t.updated_by, updated_at=t.updated_at)


# -- memory -------------------------------------------------------------------------------------------
def search(rt: Runtime, q: str, lang: str | None, limit: int, offset: int) -> MemoryList:
    rows, total = rt.store.memory.search(q, lang, limit, offset)
    return MemoryList(total=total, entries=[entry_view(e) for e in rows])


def similar(rt: Runtime, text: str, lang: str | None, min_similarity: float = MIN_SIMILARITY) -> SimilarView:
    text = " ".join(text.split())
    if lang is None:
        lang = "fr" if sum(c.isascii() and c.isalpha() for c in text) > len(text) / 3 else "ar"
    recall = Recall(rt.store.memory, [(lang, text)], threshold=min_similarity)
    exact = recall.exact(lang, text)
    offers = [MemoryOffer(similarity=round(o.similarity, 1), entry=entry_view(o.entry), changes=[Change(op=c.op, old=c.old, new=c.new) for c in o.changes],
                          differences=describe(o.changes)) for o in recall.offers(lang, text, limit=10)]
    return SimilarView(exact=entry_view(exact) if exact is not None else None, offers=offers)


def delete_entry(rt: Runtime, entry_id: int) -> None:
    if not rt.store.memory.delete(entry_id):
        raise NotFound(f"The translation memory has no entry {entry_id}.")


def export_memory(rt: Runtime, fmt: MemoryFormat, lang: str | None) -> bytes:
    return write_memory(rt.store.memory.all_entries(lang), fmt)


def import_memory(rt: Runtime, data: bytes, fmt: MemoryFormat | None, who: str) -> ImportReport:
    if not data.strip():
        raise Unprocessable("The file is empty.", code="empty_file", hint="Send the TMX or TSV file as the request body.")
    fmt = fmt or ("tmx" if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else "tsv")
    got = read_tmx(data, "the TMX file") if fmt == "tmx" else read_memory_tsv(data, "the TSV file")
    before = rt.store.memory.count()
    when = now_iso()
    changed = rt.store.memory.add([replace(e, approved_by=e.approved_by or who, approved_at=e.approved_at or when)
                                   for e in got.entries])
    total = rt.store.memory.count()
    return ImportReport(read=len(got.entries), added=total - before, refreshed=changed - (total - before), skipped=got.skipped, total=total)


def draft_memory(doc: DocumentRow) -> list[SegmentMemory]:
    """Per segment of a document's draft: the approval it reuses, or the similar approved segments offered."""
    from .publishing import _need_draft

    draft = review.load(_need_draft(doc))
    out: dict[str, SegmentMemory] = {}
    for loc in iter_sentences(draft):
        s = loc.sentence
        seg = s.notes.get("segment", s.id)
        if seg in out:
            continue
        status = s.notes.get("status", "ok")
        origin = json.loads(s.notes["memory"]) if s.notes.get("memory") and status == "from_memory" else None  # not once edited
        offers = json.loads(s.notes["memory_offers"]) if s.notes.get("memory_offers") else []
        out[seg] = SegmentMemory(id=seg, status=status, from_memory=origin, offers=offers)
    return list(out.values())


# -- term base ----------------------------------------------------------------------------------------
def list_terms(rt: Runtime, q: str = "", lang: str | None = None, hidden: bool = False) -> list[TermView]:
    own = list(rt.store.memory.terms())
    shown = effective(own) + ([t for t in own if not t.active] if hidden else [])
    needle = q.strip().lower()
    return [term_view(t) for t in shown if (lang is None or t.lang == lang)
            and (not needle or any(needle in x.lower() for x in (*t.terms, t.darija, t.explanation)))]


def _checked(t: Term) -> Term:
    t = clean_term(t)
    bad = check(t)
    if bad:
        raise Unprocessable(f"The entry cannot be saved: {'; '.join(m for _c, m in bad)}.", code="term_invalid",
                            hint="Write the Darija in Arabic script; keep the explanation to one short sentence.",
                            details=[{"problem": code, "message": m} for code, m in bad])
    return t


def save_term(rt: Runtime, body: TermIn, who: str, term_id: str | None = None) -> TermView:
    if term_id is not None and rt.store.memory.term(term_id) is None and term_id not in {b.id for b in builtin_terms()}:
        raise NotFound(f"There is no glossary entry {term_id}.", hint="POST /v1/terms adds a new entry.")
    t = _checked(Term(term_id or "", body.lang, tuple(body.terms), body.darija, body.explanation, body.plural, True))
    return term_view(rt.store.memory.save_term(t, who))


def delete_term(rt: Runtime, term_id: str, who: str) -> str:
    """``deleted`` (a staff entry), ``restored`` (a staff change of a built-in entry: the built-in one applies
    again) or ``hidden`` (a built-in entry: hidden by an inactive row)."""
    builtin = {b.id: b for b in builtin_terms()}
    if rt.store.memory.delete_term(term_id):
        return "restored" if term_id in builtin else "deleted"
    if term_id in builtin:
        rt.store.memory.save_term(replace(builtin[term_id], active=False, origin="termbase"), who)
        return "hidden"
    raise NotFound(f"There is no glossary entry {term_id}.")


def export_terms(rt: Runtime, fmt: TermsFormat, everything: bool) -> bytes:
    own = list(rt.store.memory.terms())
    return write_terms(effective(own) if everything else own, fmt)


def import_terms(rt: Runtime, data: bytes, fmt: TermsFormat | None, who: str) -> TermsImportReport:
    if not data.strip():
        raise Unprocessable("The file is empty.", code="empty_file", hint="Send the TSV or TBX file as the request body.")
    fmt = fmt or ("tbx" if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else "tsv")
    got = read_tbx(data, "the TBX file") if fmt == "tbx" else read_terms_tsv(data, "the TSV file")
    rt.store.memory.save_terms(got.terms, who)
    return TermsImportReport(imported=len(got.terms), skipped=got.skipped, total=len(rt.store.memory.terms()))
