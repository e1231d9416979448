"""The Darija draft as review segments; validation and application of reviewed text.

A *segment* is what the simplifier made from one source sentence (its sentences share
``notes["segment"]``; one sentence may have been split in several). The service validates a
submission segment by segment (so the API can say which segment has which problem) and then
applies it through the library's review import (``transform.simplify.review.import_review``),
which validates again with the same rules as ``taysir review import``. Without that module, the
service applies the text itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from importlib import import_module
from types import ModuleType
from typing import Any

from transform.model import Document, Sentence, iter_sentences

from .schemas import Segment

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SEP = re.compile(r"(?<=\d)[\s\u00a0\u202f\u2009.,\u066b\u066c'](?=\d)")


def library() -> ModuleType | None:
    """``transform.simplify.review`` when this build has it."""
    try:
        return import_module("transform.simplify.review")
    except ImportError:
        return None


def _number_values() -> Callable[[str], list[str]]:
    try:
        return import_module("transform.simplify.numbers").canonical_values  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        return lambda text: list(numbers(text).elements())


def numbers(text: str) -> Counter[str]:
    """The numbers written in ``text`` (Arabic-Indic digits normalised, thousands separators ignored)."""
    t = _SEP.sub("", (text or "").translate(_DIGITS))
    return Counter(re.findall(r"\d+", t))


def load(draft_json: str) -> Document:
    return Document.model_validate_json(draft_json)


def grouped(draft: Document) -> dict[str, list[Sentence]]:
    """Segment id -> its sentences, in document order."""
    segs: dict[str, list[Sentence]] = {}
    for loc in iter_sentences(draft):
        segs.setdefault(loc.sentence.notes.get("segment", loc.sentence.id), []).append(loc.sentence)
    return segs


def segments(draft: Document) -> list[Segment]:
    langs = {loc.sentence.id: loc.lang for loc in iter_sentences(draft)}
    out = []
    for sid, sents in grouped(draft).items():
        first = sents[0]
        edited = any(s.notes.get("review") == "edited" or s.notes.get("edited_by") for s in sents)
        reasons = [r.strip() for r in re.split(r"[;\n|]", first.notes.get("reasons", "")) if r.strip()]
        status = first.notes.get("status", "ok")
        out.append(Segment(id=sid, source=first.source_text or "", text=" ".join(s.text for s in sents),
                           status="reviewed" if edited and status == "ok" else status, reasons=reasons, edited=edited,
                           lang=langs.get(first.id)))
    return out


def validate(draft: Document, texts: dict[str, str], *, full: bool) -> list[dict[str, Any]]:
    """Problems of a submission (empty list: acceptable). ``full``: every segment must be present."""
    problems: list[dict[str, Any]] = []
    segs = grouped(draft)
    values = _number_values()
    for sid in texts:
        if sid not in segs:
            problems.append({"segment_id": sid, "problem": "unknown_segment", "message": f"There is no segment {sid} in this draft."})
    if full:
        problems += [{"segment_id": sid, "problem": "missing_segment", "message": f"Segment {sid} is missing from the submission."}
                     for sid in segs if sid not in texts]
    for sid, text in texts.items():
        sents = segs.get(sid)
        if sents is None:
            continue
        if not text.strip():
            problems.append({"segment_id": sid, "problem": "empty_segment", "message": f"Segment {sid} is empty."})
            continue
        old = " ".join(s.text for s in sents)
        if " ".join(text.split()) == " ".join(old.split()):
            continue  # unchanged: whatever the machine wrote was already checked by its gates
        src = sents[0].source_text or ""
        ref = Counter(values(src)) or Counter(values(old))
        have = Counter(values(text))
        lost, added = sorted((ref - have).elements()), sorted((have - ref - Counter(values(old))).elements())
        if lost or added:
            msg = "; ".join(filter(None, [f"missing {', '.join(lost)}" if lost else "", f"not in the source {', '.join(added)}" if added else ""]))
            problems.append({"segment_id": sid, "problem": "numbers_changed", "message": f"Segment {sid}: numbers differ from the source ({msg})."})
    return problems


def apply(draft: Document, texts: dict[str, str], reviewer: str) -> Document:
    """A new draft with the reviewed text (through the library's review import when available)."""
    segs = grouped(draft)
    full = {sid: " ".join(texts.get(sid, " ".join(s.text for s in sents)).split()) for sid, sents in segs.items()}
    lib = library()
    if lib is not None and hasattr(lib, "import_review"):
        review_file = "".join(f"@@ {sid}\nary: {text}\n" for sid, text in full.items())
        new, _notes = lib.import_review(draft, review_file, reviewer)
        return new  # type: ignore[no-any-return]
    out = draft.model_copy(deep=True)
    for loc in iter_sentences(out):
        s = loc.sentence
        seg = s.notes.get("segment", s.id)
        group = segs[seg]
        if full[seg] == " ".join(x.text for x in group):
            continue
        # the whole segment's text goes to its first sentence; the others are emptied
        new_text = full[seg] if s.id == group[0].id else ""
        if s.source_text is None:
            s.source_text = s.text
        s.text = new_text
        s.notes = {**s.notes, "review": "edited", "edited_by": reviewer}
    out.meta.review_state = "draft"
    return out


def approve(draft: Document, who: str, *, allow_untranslated: bool) -> Document:
    """Record the approval in the draft (library ``approve`` for simplified drafts)."""
    lib = library()
    if lib is not None and hasattr(lib, "approve") and draft.meta.variant in ("simplified", "easy-read"):
        approved, _record = lib.approve(draft, who, allow_untranslated=allow_untranslated)
        return approved  # type: ignore[no-any-return]
    out = draft.model_copy(deep=True)
    out.meta.review_state = "reviewed"
    return out
