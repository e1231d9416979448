"""The translation memory: approved Darija segments that the next conversions reuse.

An entry (:class:`MemoryEntry`) is one approved segment: the source sentence (MSA ``ar`` or French
``fr``), its approved Darija text, the document, who approved it and when. Entries are matched on
a normalised source (:func:`memory_key`: Unicode compatibility forms, spaces, tatweel, diacritics,
Arabic-Indic digits, invisible marks); numbers are never normalised away, so an exact match always
has the same numbers.

The library talks to a memory through the small :class:`Memory` protocol, handed to a run in
``RunContext.memory`` (``transform.convert(..., memory=...)``) or opened from the run's options
(``options.simplify.memory.tmx`` / ``.termbase``: :class:`FileMemory`, for the library and the CLI).
The service implements the same protocol on its database (``service/store/memory.py``). What the
engine does with it is in :mod:`transform.simplify.reuse`; file formats in :mod:`transform.simplify.tmx`.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
import time
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Protocol, runtime_checkable

import regex

from ..errors import InputError
from .termbase import Term

MIN_SIMILARITY = 75.0  # fuzzy matches offered from this similarity (rapidfuzz ratio, 0-100)
SOURCE_LANGS = ("ar", "fr")
TARGET_LANG = "ary"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789,")
_MARKS = regex.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")


def memory_key(text: str) -> str:
    """The source as the memory compares it: NFKC, no tatweel, diacritics or invisible marks, ASCII digits,
    single spaces. Letters, punctuation and numbers are kept as they are."""
    t = unicodedata.normalize("NFKC", text)
    t = _MARKS.sub("", t).translate(_DIGITS)
    return " ".join(t.split())


def numbers_of(text: str) -> list[str]:
    return NUMBER.findall(memory_key(text))


def source_lang_of(lang: str | None) -> str | None:
    """``ar`` or ``fr`` for a source language tag (``ar-MA``, ``fr-FR``...), else None."""
    base = (lang or "").replace("_", "-").split("-")[0].lower()
    return base if base in SOURCE_LANGS else None


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


@dataclass(frozen=True)
class MemoryEntry:
    source: str
    source_lang: str  # ar | fr
    target: str  # the approved Darija text of the segment (its sentences joined by spaces)
    document: str = ""
    segment: str = ""
    approved_by: str = ""
    approved_at: str = ""  # ISO 8601 UTC
    origin: str = "approval"  # approval | import
    id: str = ""  # the store's id (service); "" in files

    @cached_property
    def key(self) -> str:
        return memory_key(self.source)

    def with_key(self, key: str) -> MemoryEntry:
        """This entry with its key already known (a store that keeps the normalised source)."""
        self.__dict__["key"] = key
        return self

    def same_pair(self, other: MemoryEntry) -> bool:
        return self.source_lang == other.source_lang and self.key == other.key and " ".join(self.target.split()) == " ".join(other.target.split())


@runtime_checkable
class Memory(Protocol):
    """What a run needs from a translation memory and term base."""

    def lookup(self, source_lang: str, keys: Collection[str]) -> dict[str, MemoryEntry]:
        """The most recently approved entry for each of ``keys`` (:func:`memory_key` values) it has."""
        ...

    def candidates(self, source_lang: str, min_len: int, max_len: int) -> Iterable[MemoryEntry]:
        """Entries whose key has between ``min_len`` and ``max_len`` characters (fuzzy matching)."""
        ...

    def add(self, entries: Sequence[MemoryEntry]) -> int:
        """Store approved entries (the same pair again refreshes who approved it and when); returns how many."""
        ...

    def terms(self) -> Sequence[Term]:
        """The term base (laid over the built-in glossary during the run)."""
        ...


def merge(existing: list[MemoryEntry], new: Iterable[MemoryEntry]) -> tuple[list[MemoryEntry], int, int]:
    """(entries, added, updated): a pair already there takes the newer approval's metadata."""
    index = {(e.source_lang, e.key, " ".join(e.target.split())): i for i, e in enumerate(existing)}
    out = list(existing)
    added = updated = 0
    for e in new:
        k = (e.source_lang, e.key, " ".join(e.target.split()))
        if k in index:
            old = out[index[k]]
            if (e.approved_at or "") >= (old.approved_at or ""):
                out[index[k]] = replace(e, id=old.id)
                updated += 1
            continue
        index[k] = len(out)
        out.append(e)
        added += 1
    return out, added, updated


class ListMemory:
    """A memory held in a list (the file memory, tests, a buffer of approvals), indexed on first use."""

    def __init__(self, entries: Iterable[MemoryEntry] = (), terms: Sequence[Term] = ()) -> None:
        self._terms = list(terms)
        self.entries = merge([], entries)[0]

    @property
    def entries(self) -> list[MemoryEntry]:
        return self._entries

    @entries.setter
    def entries(self, value: list[MemoryEntry]) -> None:
        self._entries = value
        self._latest: dict[tuple[str, str], MemoryEntry] | None = None
        self._by_len: dict[str, list[tuple[int, MemoryEntry]]] | None = None

    def _index(self) -> None:
        latest: dict[tuple[str, str], MemoryEntry] = {}
        by_len: dict[str, list[tuple[int, MemoryEntry]]] = {}
        for e in self._entries:
            k = (e.source_lang, e.key)
            if k not in latest or (e.approved_at or "") >= (latest[k].approved_at or ""):
                latest[k] = e
            by_len.setdefault(e.source_lang, []).append((len(e.key), e))
        self._latest, self._by_len = latest, by_len

    def lookup(self, source_lang: str, keys: Collection[str]) -> dict[str, MemoryEntry]:
        if self._latest is None:
            self._index()
        assert self._latest is not None
        return {k: e for k in keys if (e := self._latest.get((source_lang, k))) is not None}

    def candidates(self, source_lang: str, min_len: int, max_len: int) -> Iterable[MemoryEntry]:
        if self._by_len is None:
            self._index()
        assert self._by_len is not None
        return [e for n, e in self._by_len.get(source_lang, ()) if min_len <= n <= max_len]

    def add(self, entries: Sequence[MemoryEntry]) -> int:
        self.entries, added, updated = merge(self.entries, entries)
        return added + updated

    def terms(self) -> Sequence[Term]:
        return list(self._terms)


class FileMemory(ListMemory):
    """The memory of the library and the CLI: a TMX file (and a term base file, TSV or TBX).

    A missing TMX file is an empty memory (``add`` creates it). ``add`` locks the file (a ``.lock``
    beside it), reads it again, merges and replaces it atomically, so two approvals at once lose nothing.
    """

    def __init__(self, tmx: str | Path | None = None, termbase: str | Path | None = None) -> None:
        self.path = Path(tmx) if tmx else None
        self.termbase_path = Path(termbase) if termbase else None
        super().__init__(self._read())
        self._terms_cache: list[Term] | None = None

    def _read(self) -> list[MemoryEntry]:
        from .tmx import read_memory_file

        if self.path is None or not self.path.exists():
            return []
        return read_memory_file(self.path).entries

    def add(self, entries: Sequence[MemoryEntry]) -> int:
        from .tmx import write_tmx

        if self.path is None:
            raise InputError("No translation memory file was given.", hint="Use --memory FILE.tmx (or options.simplify.memory.tmx).")
        with _locked(self.path):
            current, added, updated = merge(self._read(), entries)
            _atomic_write(self.path, write_tmx(current))
        self.entries = current
        return added + updated

    def terms(self) -> Sequence[Term]:
        from .tmx import read_terms_file

        if self._terms_cache is None:
            if self.termbase_path is None:
                self._terms_cache = []
            elif not self.termbase_path.exists():
                raise InputError(f"The term base file {self.termbase_path} does not exist.",
                                 hint="Check the path, or create it with `taysir tm terms add` / `taysir tm terms import`.")
            else:
                self._terms_cache = read_terms_file(self.termbase_path).terms
        return list(self._terms_cache)

    def save_terms(self, terms: Sequence[Term]) -> None:
        from .tmx import write_terms_tsv

        if self.termbase_path is None:
            raise InputError("No term base file was given.", hint="Use --termbase FILE.tsv (or options.simplify.memory.termbase).")
        with _locked(self.termbase_path):
            _atomic_write(self.termbase_path, write_terms_tsv(terms))
        self._terms_cache = list(terms)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
