"""Search in the public catalogue: titles, summaries, tags and the published text, in Arabic and French.

Both the query and the documents are folded the same way (``normalise``): Unicode compatibility forms,
case, French accents and ligatures, Arabic diacritics (harakat, shadda, sukun, dagger alef, Quranic
marks) and tatweel, hamza forms (أ إ آ ٱ -> ا, ؤ -> و, ئ -> ي, a lone ء dropped), ta marbuta (ة -> ه),
alef maqsura (ى -> ي) and Arabic-Indic digits. So ``ميزانية`` finds ``الميزانيّة`` and ``Région`` finds
``REGION``.

A document matches when every word of the query is in it (a word of three letters or more may be part of
a longer word, so ``ميزانية`` finds ``والميزانية`` and ``budget`` finds ``budgétaire``; shorter words
must be whole words). Results are ranked by where the words were found (title, tags,
summary, then the text) and then by date. When the text holds a word the title and summary do not, the
result carries the sentence where it was found.

The published text is read once per publication (``<stem>.<lang>.txt`` files of the snapshot: the
plain text of each language and the simplified Darija or easy French) and kept in memory, which suits
the council's catalogue (hundreds of documents, a few MB of text); a much larger catalogue would want a
database full-text index.

Staff set the title, summary and tags (store columns ``title``, ``summary``, ``tags_json``); the
columns are read with ``getattr`` so this module works before and after they exist.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .publishing import published_files
from .store import DocumentRow

log = logging.getLogger("service.search")

_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # diacritics, Quranic marks, tatweel
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ء": "", "ة": "ه", "ى": "ي",
    "œ": "oe", "æ": "ae", "’": "'",
    **{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)},
})
_WORD = re.compile(r"\w+")
MAX_TEXT = 4 * 1024 * 1024  # characters of published text read per document
WEIGHTS = {"title": 8, "tags": 6, "summary": 4, "text": 1}


def normalise(text: str) -> str:
    """Folded words separated by single spaces (see the module docstring)."""
    t = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text or ""))
    t = t.casefold().translate(_FOLD)
    t = "".join(ch for ch in unicodedata.normalize("NFD", t) if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(t))


def query_words(q: str) -> list[str]:
    """The folded words of a query, each once."""
    out: list[str] = []
    for w in normalise(q).split():
        if w not in out:
            out.append(w)
    return out


def _has(hay: str, word: str) -> bool:
    """``hay`` is a normalised text wrapped in spaces."""
    return (word in hay) if len(word) >= 3 else (f" {word} " in hay)


@dataclass
class Indexed:
    """A published document's searchable text, folded once."""

    fields: dict[str, str]  # title / tags / summary / text -> " folded words "
    sentences: list[tuple[str, str | None, str]] = field(default_factory=list)  # (original, lang, " folded ")


@dataclass
class Hit:
    doc: DocumentRow
    score: float
    found_in: list[str]
    excerpt: str | None = None
    excerpt_lang: str | None = None


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?؟。])\s+|\n+", text)
    return [" ".join(p.split()) for p in parts if len(p.split()) >= 2]


class CatalogueSearch:
    """The catalogue's search, with the published text of each document read once per publication."""

    def __init__(self, read_path: Callable[[str], Path]) -> None:
        self._path = read_path
        self._cache: dict[str, tuple[float | None, Indexed]] = {}
        self._lock = threading.Lock()

    def _text_files(self, doc: DocumentRow) -> list[tuple[str | None, Path]]:
        return [(f.lang, self._path(f.path)) for f in published_files(doc) if f.name.endswith(".txt")]

    def indexed(self, doc: DocumentRow) -> Indexed:
        cached = self._cache.get(doc.id)
        if cached is not None and cached[0] == doc.published_at:
            return cached[1]
        tags = json.loads(getattr(doc, "tags_json", None) or "[]")
        fields = {"title": doc.title or Path(doc.filename).stem, "tags": " ".join(str(t) for t in tags),
                  "summary": getattr(doc, "summary", None) or ""}
        sentences: list[tuple[str, str | None, str]] = []
        budget = MAX_TEXT
        for lang, path in self._text_files(doc):
            try:
                text = path.read_text(encoding="utf-8", errors="replace")[:budget]
            except OSError as exc:  # a snapshot file gone: search the rest
                log.warning("search: %s unreadable: %s", path.name, exc)
                continue
            budget -= len(text)
            sentences += [(s, lang, f" {normalise(s)} ") for s in _sentences(text)]
        folded = {k: f" {normalise(v)} " for k, v in fields.items()}
        folded["text"] = " " + " ".join(s[2].strip() for s in sentences) + " "
        entry = Indexed(folded, sentences)
        with self._lock:
            self._cache[doc.id] = (doc.published_at, entry)
        return entry

    def search(self, rows: list[DocumentRow], q: str) -> list[Hit]:
        """Published rows matching every word of ``q``, best first (all rows, newest first, for an empty query)."""
        words = query_words(q)
        if not words:
            return [Hit(r, 0, []) for r in rows]
        with self._lock:  # forget unpublished documents
            for gone in set(self._cache) - {r.id for r in rows}:
                self._cache.pop(gone, None)
        hits = []
        for r in rows:
            ix = self.indexed(r)
            score, where = 0.0, []
            for w in words:
                places = [k for k in ("title", "tags", "summary", "text") if _has(ix.fields[k], w)]
                if not places:
                    break
                score += max(WEIGHTS[k] for k in places)
                if "text" in places:  # a document about the word says it often: up to 2 more
                    score += 2 * min(ix.fields["text"].count(w), 20) / 20
                where += [k for k in places if k not in where]
            else:
                hit = Hit(r, score, where)
                if not any(all(_has(ix.fields[k], w) for w in words) for k in ("title", "tags", "summary")):
                    hit.excerpt, hit.excerpt_lang = _excerpt(ix, words)
                hits.append(hit)
        hits.sort(key=lambda h: (-h.score, -(h.doc.published_at or 0)))
        return hits


def _excerpt(ix: Indexed, words: list[str], limit: int = 220) -> tuple[str | None, str | None]:
    """The sentence holding most of the query's words (cut to ``limit`` characters around the first one)."""
    best: tuple[int, str, str | None] | None = None
    for original, lang, folded in ix.sentences:
        n = sum(1 for w in words if _has(folded, w))
        if n and (best is None or n > best[0]):
            best = (n, original, lang)
            if n == len(words):
                break
    if best is None:
        return None, None
    text = best[1]
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text, best[2]


def searcher(state: object, read_path: Callable[[str], Path]) -> CatalogueSearch:
    """The app's search (one per application, kept on ``app.state``)."""
    found = getattr(state, "catalogue_search", None)
    if found is None:
        found = CatalogueSearch(read_path)
        state.catalogue_search = found  # type: ignore[attr-defined]
    return found
