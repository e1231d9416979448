"""The Darija draft as review segments; validation and application of reviewed text.

Validation uses the library's review checks when ``transform.simplify.review`` provides them
(``validate_review(draft, texts)``), and always applies the service's own gates: every segment
present, none empty, no unknown id, every number of the source kept.
"""

from __future__ import annotations

import re
from collections import Counter
from importlib import import_module
from typing import Any

from transform.model import Document, iter_sentences

from .schemas import Segment

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SEP = re.compile(r"(?<=\d)[\s\u00a0\u202f\u2009.,\u066b\u066c'](?=\d)")


def numbers(text: str) -> Counter[str]:
    """The numbers written in ``text`` (Arabic-Indic digits normalised, thousands separators ignored)."""
    t = _SEP.sub("", (text or "").translate(_DIGITS))
    return Counter(re.findall(r"\d+", t))


def load(draft_json: str) -> Document:
    return Document.model_validate_json(draft_json)


def segments(draft: Document) -> list[Segment]:
    out = []
    for loc in iter_sentences(draft):
        s = loc.sentence
        edited = s.notes.get("review") == "edited"
        reasons = [r for r in re.split(r"[;\n]", s.notes.get("reasons", "")) if r.strip()]
        out.append(Segment(id=s.id, source=s.source_text or "", text=s.text, status="reviewed" if edited else s.notes.get("status", "ok"),
                           reasons=reasons, edited=edited, lang=loc.lang))
    return out


def _library_problems(draft: Document, texts: dict[str, str]) -> list[dict[str, Any]]:
    try:
        mod = import_module("transform.simplify.review")
    except ImportError:
        return []
    fn = getattr(mod, "validate_review", None)
    if fn is None:
        return []
    out = []
    for p in fn(draft, texts) or []:
        d = p if isinstance(p, dict) else (p.model_dump() if hasattr(p, "model_dump") else vars(p))
        out.append({"segment_id": d.get("segment_id") or d.get("id"), "problem": d.get("problem") or d.get("code", "invalid"),
                    "message": d.get("message", "")})
    return out


def validate(draft: Document, texts: dict[str, str], *, full: bool) -> list[dict[str, Any]]:
    """Problems of a submission (empty list: acceptable). ``full``: every segment must be present."""
    problems: list[dict[str, Any]] = []
    known = {loc.sentence.id: loc.sentence for loc in iter_sentences(draft)}
    for sid in texts:
        if sid not in known:
            problems.append({"segment_id": sid, "problem": "unknown_segment", "message": f"There is no segment {sid} in this draft."})
    if full:
        for sid in known:
            if sid not in texts:
                problems.append({"segment_id": sid, "problem": "missing_segment", "message": f"Segment {sid} is missing from the submission."})
    for sid, text in texts.items():
        s = known.get(sid)
        if s is None:
            continue
        if not text.strip():
            problems.append({"segment_id": sid, "problem": "empty_segment", "message": f"Segment {sid} is empty."})
            continue
        want, got = numbers(s.source_text or s.text), numbers(text)
        if want != got:
            lost, added = sorted((want - got).elements()), sorted((got - want).elements())
            msg = "; ".join(filter(None, [f"missing {', '.join(lost)}" if lost else "", f"not in the source {', '.join(added)}" if added else ""]))
            problems.append({"segment_id": sid, "problem": "numbers_changed", "message": f"Segment {sid}: numbers differ from the source ({msg})."})
    seen = {(p["segment_id"], p["problem"]) for p in problems}
    problems += [p for p in _library_problems(draft, texts) if (p["segment_id"], p["problem"]) not in seen]
    return problems


def apply(draft: Document, texts: dict[str, str]) -> Document:
    """A copy of the draft with the reviewed text; edited segments are marked ``review=edited``."""
    out = draft.model_copy(deep=True)
    for loc in iter_sentences(out):
        s = loc.sentence
        new = texts.get(s.id)
        if new is None or new == s.text:
            continue
        if s.source_text is None:
            s.source_text = s.text
        s.text = new
        s.notes = {**s.notes, "review": "edited"}
    out.meta.review_state = "draft"
    return out
