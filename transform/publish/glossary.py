"""Glossary notes and original text attached to simplified (Darija / easy-read) sentences.

The simplifier stores explanations in ``Sentence.notes["glossary"]``. We accept
the shapes it may use: a JSON object ``{"term": "explanation"}``, a JSON list of
``{"term": ..., "definition"|"explanation": ...}`` or ``[term, explanation]``,
or plain entries ``term: explanation`` (also ``=``, ``—``, ``–``) separated by new lines or `` | ``
(the rules simplifier writes ``"label: explanation | label2: explanation2"``). An entry with a label
only (the term was replaced, nothing to explain) has an empty explanation.

The rules simplifier also writes each explanation as a sentence of its own right after the
sentence that first uses the term; the publications then mark that sentence up as the
definition (``<dfn>`` around the term) instead of repeating it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..model import Sentence, base_lang

_SPLIT = re.compile(r"\s*(?:[:=：]|\s[—–-]\s)\s*")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")


@dataclass(frozen=True)
class Entry:
    term: str
    explanation: str


def _from_obj(obj: object) -> list[Entry]:
    out: list[Entry] = []
    if isinstance(obj, dict):
        if "term" in obj:
            expl = obj.get("definition") or obj.get("explanation") or obj.get("text") or ""
            return [Entry(str(obj["term"]).strip(), str(expl).strip())]
        return [Entry(str(k).strip(), str(v).strip()) for k, v in obj.items()]
    if isinstance(obj, list):
        for item in obj:
            if isinstance(item, (list, tuple)) and len(item) == 2:
                out.append(Entry(str(item[0]).strip(), str(item[1]).strip()))
            elif isinstance(item, (dict, list)):
                out.extend(_from_obj(item))
            elif isinstance(item, str):
                out.extend(parse(item))
    return out


def parse(raw: str | None) -> list[Entry]:
    """Glossary entries of one note; an entry without a recognisable term keeps an empty term."""
    if not raw or not raw.strip():
        return []
    text = raw.strip()
    if text[0] in "[{":
        try:
            return [e for e in _from_obj(json.loads(text)) if e.term or e.explanation]
        except ValueError:
            pass
    entries = []
    for line in re.split(r"\n|\s+\|\s+|\s*;\s*(?=\S+\s*[:=])", text):
        line = line.strip(" \t•-*")
        if not line:
            continue
        parts = _SPLIT.split(line, maxsplit=1)
        if len(parts) == 2 and parts[0] and len(parts[0].split()) <= 6:
            entries.append(Entry(parts[0], parts[1]))
        elif not line.endswith((".", "!", "?", "؟", "…")):
            entries.append(Entry(line, ""))  # a label alone (no sentence to explain it)
        else:
            entries.append(Entry("", line))
    return entries


def normalise(text: str) -> str:
    return " ".join(text.split())


def definitions(sentences: list[Sentence]) -> dict[str, str]:
    """Explanation text -> term, for every glossary note of these sentences (doc-wide lookups)."""
    out: dict[str, str] = {}
    for s in sentences:
        for e in sentence_entries(s):
            if e.term and e.explanation:
                out.setdefault(normalise(e.explanation), e.term)
    return out


def sentence_entries(s: Sentence) -> list[Entry]:
    return parse(s.notes.get("glossary"))


def source_lang(s: Sentence, fallback: str) -> str:
    """Language of a sentence's original text: the note the simplifier left, else its script."""
    noted = s.notes.get("source_lang")
    if noted:
        return noted
    if s.source_text and _ARABIC.search(s.source_text):
        return "ar"
    if s.source_text and re.search(r"[A-Za-zÀ-ÿ]", s.source_text):
        return "fr" if base_lang(fallback) != "en" else "en"
    return fallback


def has_original(s: Sentence) -> bool:
    return bool(s.source_text) and (s.source_text or "").strip() != s.text.strip()
