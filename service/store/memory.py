"""The translation memory and the term base in the service database.

Two tables, created by ``Database.create_all`` at start-up like the others (a database made by an older
version gets them on its next start: new tables only, no column of an existing table changes):

* ``tm_entries``: approved segments (source language, source, Darija, document, segment, who approved and
  when). A pair (language, normalised source, Darija) is stored once; approving it again refreshes who and
  when. ``key_hash`` (SHA-256 of the normalised source) finds exact matches; ``key_len`` bounds the
  candidates of fuzzy matching.
* ``tb_terms``: the term base (staff's entries over the built-in glossary; an inactive row hides a
  built-in entry).

:class:`MemoryRepo` is the library's :class:`transform.simplify.memory.Memory` protocol on these tables
(the conversion processes open it read-only, approvals write to it) plus what the API routes need.
"""

from __future__ import annotations

import calendar
import hashlib
import time
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from sqlalchemy import Boolean, Float, Index, Integer, String, Text, delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from transform.simplify.memory import MemoryEntry, memory_key
from transform.simplify.termbase import Term

from .db import Database
from .tables import Base

CHUNK = 500  # keys per IN (...) query


class MemoryEntryRow(Base):
    __tablename__ = "tm_entries"
    __table_args__ = (Index("uq_tm_pair", "source_lang", "key_hash", "target_hash", unique=True),
                      Index("ix_tm_len", "source_lang", "key_len"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_lang: Mapped[str] = mapped_column(String(8))
    key_hash: Mapped[str] = mapped_column(String(64))
    key_len: Mapped[int] = mapped_column(Integer)
    key_text: Mapped[str] = mapped_column(Text)  # the normalised source (transform.simplify.memory.memory_key)
    target_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    document: Mapped[str] = mapped_column(Text, default="")
    segment: Mapped[str] = mapped_column(String(200), default="")
    approved_by: Mapped[str] = mapped_column(String(100), default="")
    approved_at: Mapped[float | None] = mapped_column(Float, nullable=True, index=True)
    origin: Mapped[str] = mapped_column(String(16), default="approval")  # approval | import
    created_at: Mapped[float] = mapped_column(Float)


class TermRow(Base):
    __tablename__ = "tb_terms"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    lang: Mapped[str] = mapped_column(String(8))
    terms: Mapped[str] = mapped_column(Text)  # variants separated by |
    darija: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text, default="")
    plural: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[float] = mapped_column(Float)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _target_norm(text: str) -> str:
    return " ".join(text.split())


def to_epoch(iso: str) -> float | None:
    try:
        return float(calendar.timegm(time.strptime(iso, "%Y-%m-%dT%H:%M:%SZ"))) if iso else None
    except ValueError:
        return None


def to_iso(t: float | None) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t)) if t is not None else ""


def entry_of(row: MemoryEntryRow) -> MemoryEntry:
    return MemoryEntry(row.source, row.source_lang, row.target, document=row.document or "", segment=row.segment or "",
                       approved_by=row.approved_by or "", approved_at=to_iso(row.approved_at), origin=row.origin or "", id=str(row.id))


def term_of(row: TermRow) -> Term:
    return Term(row.id, row.lang, tuple(t for t in row.terms.split("|") if t), row.darija, row.explanation or "", row.plural or "",
                bool(row.active), row.updated_by or "", to_iso(row.updated_at))


class MemoryRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- the library's Memory protocol --------------------------------------------------------------
    def lookup(self, source_lang: str, keys: Collection[str]) -> dict[str, MemoryEntry]:
        by_hash = {_sha(k): k for k in keys}
        out: dict[str, MemoryEntry] = {}
        hashes = list(by_hash)
        with self.db.read() as s:
            for i in range(0, len(hashes), CHUNK):
                q = (select(MemoryEntryRow).where(MemoryEntryRow.source_lang == source_lang, MemoryEntryRow.key_hash.in_(hashes[i:i + CHUNK]))
                     .order_by(MemoryEntryRow.approved_at.asc().nulls_first(), MemoryEntryRow.id))
                for row in s.scalars(q):
                    k = by_hash[row.key_hash]
                    if memory_key(row.source) == k:  # the latest approval wins (rows in approval order)
                        out[k] = entry_of(row)
        return out

    def candidates(self, source_lang: str, min_len: int, max_len: int) -> Iterable[MemoryEntry]:
        t = MemoryEntryRow.__table__.c
        q = (select(t.id, t.source, t.target, t.document, t.segment, t.approved_by, t.approved_at, t.origin, t.key_text)
             .where(t.source_lang == source_lang, t.key_len.between(min_len, max_len)).order_by(t.id))
        with self.db.engine.connect() as c:  # plain rows, not ORM objects: the pool can hold every entry of a language
            return [MemoryEntry(r.source, source_lang, r.target, document=r.document or "", segment=r.segment or "",
                                approved_by=r.approved_by or "", approved_at=to_iso(r.approved_at), origin=r.origin or "",
                                id=str(r.id)).with_key(r.key_text) for r in c.execute(q)]

    def add(self, entries: Sequence[MemoryEntry]) -> int:
        """Insert new pairs, refresh the approver and date of pairs already there; returns how many."""
        for attempt in range(2):
            try:
                return self._add(entries)
            except IntegrityError:  # another process inserted the same pair meanwhile (PostgreSQL): once more
                if attempt:
                    raise
        return 0

    def _add(self, entries: Sequence[MemoryEntry]) -> int:
        now = time.time()
        rows: dict[tuple[str, str, str], MemoryEntry] = {}
        for e in entries:
            rows[(e.source_lang, _sha(e.key), _sha(_target_norm(e.target)))] = e
        changed = 0
        with self.db.write() as s:
            keys = list(rows)
            for i in range(0, len(keys), CHUNK):
                part = keys[i:i + CHUNK]
                existing = {(r.source_lang, r.key_hash, r.target_hash): r for r in s.scalars(
                    select(MemoryEntryRow).where(MemoryEntryRow.key_hash.in_({k[1] for k in part})))}
                for k in part:
                    e, row = rows[k], existing.get(k)
                    when = to_epoch(e.approved_at)
                    if row is None:
                        s.add(MemoryEntryRow(source_lang=k[0], key_hash=k[1], key_len=len(e.key), key_text=e.key, target_hash=k[2], source=e.source,
                                             target=_target_norm(e.target), document=e.document[:2000], segment=e.segment[:200],
                                             approved_by=e.approved_by[:100], approved_at=when, origin=e.origin[:16] or "approval", created_at=now))
                        changed += 1
                    elif when is not None and (row.approved_at is None or when >= row.approved_at):
                        row.approved_by, row.approved_at = e.approved_by[:100], when
                        row.document, row.segment, row.origin = e.document[:2000] or row.document, e.segment[:200] or row.segment, e.origin[:16] or row.origin
                        changed += 1
            s.flush()
        return changed

    def terms(self) -> Sequence[Term]:
        with self.db.read() as s:
            return [term_of(r) for r in s.scalars(select(TermRow).order_by(TermRow.updated_at, TermRow.id))]

    # -- the API ------------------------------------------------------------------------------------------
    def search(self, q: str = "", lang: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[MemoryEntry], int]:
        """Entries whose source or Darija contains ``q`` (newest approval first), and how many match."""
        conds: list[Any] = []
        if lang:
            conds.append(MemoryEntryRow.source_lang == lang)
        if q.strip():
            like = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            conds.append(or_(MemoryEntryRow.source.like(like, escape="\\"), MemoryEntryRow.target.like(like, escape="\\")))
        with self.db.read() as s:
            total = s.scalar(select(func.count()).select_from(MemoryEntryRow).where(*conds)) or 0
            rows = s.scalars(select(MemoryEntryRow).where(*conds).order_by(MemoryEntryRow.approved_at.desc().nulls_last(), MemoryEntryRow.id.desc())
                             .limit(limit).offset(offset))
            return [entry_of(r) for r in rows], int(total)

    def all_entries(self, lang: str | None = None) -> list[MemoryEntry]:
        q = select(MemoryEntryRow).order_by(MemoryEntryRow.id)
        if lang:
            q = q.where(MemoryEntryRow.source_lang == lang)
        with self.db.read() as s:
            return [entry_of(r) for r in s.scalars(q)]

    def get(self, entry_id: int) -> MemoryEntry | None:
        with self.db.read() as s:
            row = s.get(MemoryEntryRow, entry_id)
            return entry_of(row) if row is not None else None

    def delete(self, entry_id: int) -> bool:
        with self.db.write() as s:
            return bool(s.execute(delete(MemoryEntryRow).where(MemoryEntryRow.id == entry_id)).rowcount)

    def count(self) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(MemoryEntryRow)) or 0)

    def term(self, term_id: str) -> Term | None:
        with self.db.read() as s:
            row = s.get(TermRow, term_id)
            return term_of(row) if row is not None else None

    def save_term(self, t: Term, who: str) -> Term:
        """Insert or replace the entry ``t.id`` (already cleaned and checked)."""
        return self.save_terms([t], who)[0]

    def save_terms(self, terms: Sequence[Term], who: str) -> list[Term]:
        now = time.time()
        with self.db.write() as s:
            for t in terms:
                row = s.get(TermRow, t.id)
                if row is None:
                    row = TermRow(id=t.id)
                    s.add(row)
                row.lang, row.terms, row.darija, row.explanation, row.plural = t.lang, "|".join(t.terms), t.darija, t.explanation, t.plural
                row.active, row.updated_by, row.updated_at = t.active, who[:100], now
        return [Term(t.id, t.lang, t.terms, t.darija, t.explanation, t.plural, t.active, who[:100], to_iso(now)) for t in terms]

    def delete_term(self, term_id: str) -> bool:
        with self.db.write() as s:
            return bool(s.execute(delete(TermRow).where(TermRow.id == term_id)).rowcount)


def open_memory(db_url: str) -> MemoryRepo:
    """The memory of a conversion process (its own engine on the service's database)."""
    return MemoryRepo(Database(db_url))
