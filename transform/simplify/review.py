"""The review API: one workflow for the CLI (``taysir review``) and the HTTP service.

A *segment* is what the simplifier made of one source sentence (its sentences share
``notes["segment"]``; one sentence may have been split in several). A person edits segments,
the edits are validated (every segment kept, none empty, every number of the source kept) and
applied, a named person approves the text, and the outputs are rendered again from it.

States: ``draft`` (machine output, or edited) -> ``reviewed`` (approved by a named person) -> ``published``.

Segment statuses are those of :mod:`transform.simplify.status`. A segment without Darija text
(``needs_human``: "not yet in Darija") is *unresolved*: approval and publication refuse the version until
a person translates it (an edit) or keeps it in the source language (:func:`keep_source`). "Approve
anyway" (``allow_untranslated``) no longer publishes anything as Darija that is not: it keeps every
unresolved segment in the source language, recorded per segment with the approver's name, and the
outputs say "kept in French / Arabic" before the source sentence.

=====================  =====================================================================
``segments``           the draft as review segments (id, source, text, status, reasons, facts...)
``validate``           the problems of a set of edits (empty list: acceptable)
``apply_edits``        validate, then a new draft with the edits (ReviewError listing the problems)
``keep_source``        record that a person keeps segments in the source language (outputs say so)
``unresolved``         the segments that still have no Darija text and no decision (approval refuses them)
``approve``            record who approved the text; the draft becomes ``reviewed``
``render_reviewed``    render the outputs of a job again from a reviewed text (these three in review_render)
``publish``            the CLI's last step: an approved text only, marked ``published``
``draft_of``           the text to review that a conversion produced
=====================  =====================================================================

The editable review file (``taysir review export/import``) is :mod:`transform.simplify.review_file`.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex
from pydantic import BaseModel

from ..errors import InputError
from ..model import Document, Sentence, StageRecord, iter_sentences
from .engine import replace_segments
from .notice import darija_of, is_notice_group, notice_sentences, source_of, suffix
from .numbers import canonical_values
from .reuse import learn_approved
from .rules import EASY_FRENCH
from .speak import speakable
from .stage import DRAFT_VARIANTS
from .status import KEPT_SOURCE, NEEDS_REVIEW, OK, REVIEWED, is_resolved

if TYPE_CHECKING:
    from .memory import Memory

OUTPUT_OF = {"ary": "darija", EASY_FRENCH: "easy-french"}  # simplified track -> the output that writes its text
SIMPLIFIER_OUTPUTS = frozenset(OUTPUT_OF.values())


class ReviewProblem(BaseModel):
    """One reason a set of edits is refused."""

    segment_id: str | None
    problem: str  # unknown_segment | missing_segment | empty_segment | numbers_changed | untranslated
    message: str


class ReviewError(InputError):
    code = "review_invalid"

    def __init__(self, message: str, *, hint: str | None = None, problems: Sequence[ReviewProblem] = ()) -> None:
        super().__init__(message, hint=hint)
        self.problems = list(problems)


@dataclass
class ReviewSegment:
    """One segment as a reviewer sees it.

    ``text`` is the Darija text ('' when the segment has none yet: ``needs_human``, or ``kept_source``);
    ``shown`` is what the outputs show for it (the Darija text, or the notice and the source sentence).
    """

    id: str
    source: str
    text: str
    status: str  # see transform.simplify.status: ok | needs_review | check_source | needs_human | reviewed | kept_source
    reasons: list[str] = field(default_factory=list)
    edited: bool = False
    lang: str | None = None  # language of the simplified text
    source_lang: str | None = None  # language of the source sentence
    metrics: dict[str, Any] = field(default_factory=dict)
    facts: list[str] = field(default_factory=list)  # needs_human: numbers, dates, places found, in Darija
    shown: str = ""
    decided_by: str | None = None  # kept_source: who decided

    @property
    def resolved(self) -> bool:
        """Acceptable in an approved version (translated, or explicitly kept in the source language)."""
        return is_resolved(self.status)


def draft_path(out_dir: Path, stem: str, lang: str) -> Path:
    return out_dir / f"{stem}.{lang}.draft.json"


def grouped(draft: Document) -> dict[str, list[Sentence]]:
    """Segment id -> its sentences, in document order."""
    segs: dict[str, list[Sentence]] = {}
    for loc in iter_sentences(draft):
        segs.setdefault(loc.sentence.notes.get("segment", loc.sentence.id), []).append(loc.sentence)
    return segs


def fingerprint(doc: Document) -> str:
    h = hashlib.sha256()
    for loc in iter_sentences(doc):
        h.update(f"{loc.sentence.id}\t{loc.sentence.text}\n".encode())
    return h.hexdigest()[:16]


def _source_lang(first: Sentence) -> str:
    lang = first.notes.get("source_lang") or (first.lang if first.notes.get("shows") == "source" else None)
    if lang:
        return lang
    src = first.source_text or ""
    arabic = sum(1 for ch in src if "\u0600" <= ch <= "\u06ff")
    latin = sum(1 for ch in src if ch.isascii() and ch.isalpha())
    return "ar" if arabic >= latin else "fr"


def segments(draft: Document) -> list[ReviewSegment]:
    """The draft as review segments, in document order."""
    langs = {loc.sentence.id: loc.lang for loc in iter_sentences(draft)}
    out = []
    for sid, sents in grouped(draft).items():
        first = sents[0]
        edited = any(s.notes.get("review") == "edited" or s.notes.get("edited_by") for s in sents)
        reasons = [r.strip() for r in regex.split(r"[;\n]", first.notes.get("reasons", "")) if r.strip()]
        status = first.notes.get("status", OK)
        raw = first.notes.get("metrics") or "{}"
        try:
            metrics = json.loads(raw)
        except json.JSONDecodeError:
            metrics = {}
        facts = [f.strip() for f in first.notes.get("facts", "").split("|") if f.strip()]
        out.append(ReviewSegment(sid, source_of(sents), darija_of(sents),
                                 REVIEWED if edited and status == OK else status, reasons, edited,
                                 langs.get(first.id), _source_lang(first), metrics if isinstance(metrics, dict) else {},
                                 facts, " ".join(s.text for s in sents), first.notes.get("kept_by")))
    return out


def unresolved(draft: Document) -> list[str]:
    """Ids of the segments that have no Darija text and no decision yet (``needs_human``)."""
    return [sid for sid, sents in grouped(draft).items() if not is_resolved(sents[0].notes.get("status", OK))]


def _sentences(text: str | Sequence[str]) -> list[str]:
    """A segment's new text as sentences: each line split after . ! ? ؟ (a whole segment may be one line)."""
    lines = [text] if isinstance(text, str) else list(text)
    out: list[str] = []
    for line in lines:
        out.extend(" ".join(p.split()) for p in regex.split(r"(?<=[.!?؟])\s+", line) if p.strip())
    return out


def _unchanged(lines: list[str], group: list[Sentence]) -> bool:
    return " ".join(lines) == " ".join(darija_of(group).split())


def _number_changes(group: list[Sentence], lines: list[str]) -> tuple[list[str], list[str]]:
    """(numbers of the source missing from the new text, numbers in it that neither the source nor the old text has)."""
    src, old, new = source_of(group), darija_of(group), " ".join(lines)
    ref = Counter(canonical_values(src)) or Counter(canonical_values(old))
    have = Counter(canonical_values(new))
    return list((ref - have).elements()), list((have - ref - Counter(canonical_values(old))).elements())


def validate(draft: Document, edits: Mapping[str, str | Sequence[str]], *, full: bool,
             allow_number_changes: bool = False) -> list[ReviewProblem]:
    """Problems of a set of edits (segment id -> new text); an empty list means acceptable.

    ``full``: every segment of the draft must be in ``edits``. A changed number is refused unless
    ``allow_number_changes`` (the reviewer confirms the source itself was wrong); an unchanged
    segment is not checked again (the machine's gates already judged it).
    """
    segs = grouped(draft)
    problems = [ReviewProblem(segment_id=sid, problem="unknown_segment", message=f"There is no segment {sid} in this draft.")
                for sid in edits if sid not in segs]
    if full:
        problems += [ReviewProblem(segment_id=sid, problem="missing_segment", message=f"Segment {sid} is missing from the submission.")
                     for sid in segs if sid not in edits]
    for sid, text in edits.items():
        group = segs.get(sid)
        if group is None:
            continue
        lines = _sentences(text)
        if not lines and is_notice_group(group):
            continue  # still no Darija text: nothing changes
        if not lines:
            problems.append(ReviewProblem(segment_id=sid, problem="empty_segment", message=f"Segment {sid} is empty."))
        elif not _unchanged(lines, group) and not allow_number_changes:
            lost, added = _number_changes(group, lines)
            if lost or added:
                said = [f"number {v} is missing" for v in lost] + [f"number {v} is not in the source" for v in added]
                problems.append(ReviewProblem(segment_id=sid, problem="numbers_changed", message=f"Segment {sid}: {', '.join(said)}."))
    return problems


def refusal(problems: list[ReviewProblem], what: str = "The reviewed text cannot be accepted",
            hint: str = "Keep every segment and every number of the source.") -> ReviewError:
    """One ReviewError that lists every problem (``problems`` stay attached for per-segment answers)."""
    def ids(kind: str) -> list[str]:
        return [p.segment_id or "" for p in problems if p.problem == kind]

    parts = []
    for kind, label in (("missing_segment", "segments missing from the review file"), ("unknown_segment", "segments that are not in the draft"),
                        ("empty_segment", "segments left empty")):
        found = ids(kind)
        if found:
            parts.append(f"{label}: {', '.join(found[:20])}" + (" ..." if len(found) > 20 else ""))
    numbers = [p.message for p in problems if p.problem == "numbers_changed"]
    if numbers:
        parts.append("numbers changed: " + " ".join(m.rstrip(".") + ";" for m in numbers).rstrip(";"))
    return ReviewError(f"{what}: " + " | ".join(parts) + ".", hint=hint, problems=problems)


def apply_edits(draft: Document, edits: Mapping[str, str | Sequence[str]], reviewer: str, *, full: bool = False,
                allow_number_changes: bool = False) -> tuple[Document, list[str]]:
    """A new draft with the edits (validated first: ReviewError lists every problem). Returns (draft, notes on what changed)."""
    if not reviewer.strip():
        raise ReviewError("Say who reviewed the text.", hint='Use --by "Name".')
    problems = validate(draft, edits, full=full, allow_number_changes=allow_number_changes)
    if problems:
        raise refusal(problems)
    out = draft.model_copy(deep=True)
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    changes: list[str] = []
    confirmed: list[str] = []
    replacements: dict[str, list[Sentence]] = {}
    for seg, group in grouped(out).items():
        if seg not in edits:
            continue
        lines = _sentences(edits[seg])
        if _unchanged(lines, group) or not lines:  # same text (maybe joined on one line), or still none
            continue
        changes.append(seg)
        lost, added = _number_changes(group, lines)
        if lost or added:
            confirmed.append(f"{seg}: " + ", ".join([f"number {v} is missing" for v in lost] + [f"number {v} was added" for v in added]))
        base = group[0]
        source = source_of(group)
        replacements[seg] = []
        for i, line in enumerate(lines):
            notes = {k: v for k, v in base.notes.items() if k not in NOTICE_NOTES}
            notes.update(speakable=speakable(line), status=REVIEWED, edited_by=reviewer, edited_at=when, segment=seg, reasons="",
                         source_lang=_source_lang(base))
            sid = seg if len(lines) == 1 else seg + suffix(i)
            replacements[seg].append(Sentence(id=sid, text=line, source_text=source, notes=notes))
    replace_segments(out, replacements)
    out.meta.review_state = "draft"
    out.provenance.append(StageRecord(stage="review.import", engine="human", notes={"by": reviewer, "at": when, "segments": ",".join(changes),
                                                                                    "number_changes": "; ".join(confirmed)}))
    return out, [f"edited: {c}" for c in changes] + [f"confirmed number change: {x}" for x in confirmed]


NOTICE_NOTES = frozenset({"notice", "shows", "facts", "kept_by", "kept_at", "metrics", "glossary"})


def keep_source(draft: Document, segment_ids: Sequence[str], by: str) -> Document:
    """A new draft where the given segments are kept in their source language (status ``kept_source``).

    The decision is recorded per segment (``kept_by``, ``kept_at``) and in ``doc.provenance``; the outputs
    show the notice "kept in French / Arabic" and the source sentence. Unknown ids are refused.
    """
    if not by.strip():
        raise ReviewError("Say who decides to keep the source text.", hint='Use --by "Name".')
    segs = grouped(draft)
    unknown = [sid for sid in segment_ids if sid not in segs]
    if unknown:
        raise refusal([ReviewProblem(segment_id=sid, problem="unknown_segment", message=f"There is no segment {sid} in this draft.")
                       for sid in unknown])
    out = draft.model_copy(deep=True)
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    new: dict[str, list[Sentence]] = {}
    for sid, group in grouped(out).items():
        if sid in segment_ids:
            src_lang = _source_lang(group[-1] if is_notice_group(group) else group[0])
            new[sid] = notice_sentences(sid, source_of(group), src_lang, kept=True, notes={"kept_by": by, "kept_at": when})
    replace_segments(out, new)
    out.meta.review_state = "draft"
    out.provenance.append(StageRecord(stage="review.keep_source", engine="human", notes={"by": by, "at": when, "segments": ",".join(new)}))
    return out


def approve(doc: Document, approver: str, *, allow_untranslated: bool = False,
            simplified_only: bool = True, memory: Memory | None = None) -> tuple[Document, dict[str, object]]:
    """Record who approved the text and when; the document becomes ``reviewed``. Returns (doc, approval record).

    Refuses (ReviewError, problems ``untranslated``) while a segment has no Darija text and no decision.
    ``allow_untranslated`` ("approve anyway") keeps those segments in the source language instead, recorded
    with the approver's name (:func:`keep_source`): nothing is ever published as Darija that is not.
    ``simplified_only`` refuses a document that is not a simplified draft (the CLI guards against
    approving the source JSON); the service also approves the Darija part of a source.
    ``memory``: the translation memory that learns the approved segments (``record["memory_learned"]``).
    """
    if not approver.strip():
        raise ReviewError("Say who approves the text.", hint='Use --by "Name".')
    if simplified_only and doc.meta.variant not in DRAFT_VARIANTS:
        raise ReviewError("Only a simplified draft can be approved.", hint="Approve the <stem>.ary.draft.json written by the darija output.")
    pending = unresolved(doc)
    if pending and not allow_untranslated:
        raise ReviewError(f"{len(pending)} segments are not yet in Darija: {', '.join(pending[:10])}" + (" ..." if len(pending) > 10 else "") + ".",
                          hint="Translate them (review file or edits), or keep them in the source language (keep_source); "
                               "--allow-untranslated keeps them all in the source language, in your name.",
                          problems=[ReviewProblem(segment_id=sid, problem="untranslated", message=f"Segment {sid} is not yet in Darija.")
                                    for sid in pending])
    out = keep_source(doc, pending, approver) if pending else doc.model_copy(deep=True)
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    out.meta.review_state = "reviewed"
    for loc in iter_sentences(out):
        loc.sentence.notes["approved_by"] = approver
        if loc.sentence.notes.get("status") == NEEDS_REVIEW:
            loc.sentence.notes["status"] = OK
    record: dict[str, object] = {"approved_by": approver, "approved_at": when, "fingerprint": fingerprint(out),
                                 "segments": len(grouped(out)), "untranslated": [], "kept_in_source": pending,
                                 "kept_source_total": sum(1 for g in grouped(out).values() if g[0].notes.get("status") == KEPT_SOURCE),
                                 "edits": [p.notes for p in out.provenance if p.stage == "review.import"]}
    out.provenance.append(StageRecord(stage="review.approve", engine="human", notes={"by": approver, "at": when, "fingerprint": str(record["fingerprint"])}))
    if memory is not None:  # the translation memory learns the approved segments (transform.simplify.reuse)
        record["memory_learned"] = learn_approved(out, memory, approver=approver, when=when)
    return out, record


def is_approved(doc: Document) -> bool:
    rec = [p for p in doc.provenance if p.stage == "review.approve"]
    return doc.meta.review_state in ("reviewed", "published") and bool(rec) and rec[-1].notes.get("fingerprint") == fingerprint(doc)


def __getattr__(name: str) -> Any:
    """The review file functions (``export_review``, ``import_review``...) and the rendering of a reviewed
    text (``publish``, ``render_reviewed``...) are also reachable here."""
    if name in ("export_review", "import_review", "parse_review", "write_review_file"):
        from . import review_file

        return getattr(review_file, name)
    if name in ("reviewed_options", "render_reviewed", "publish", "draft_of"):
        from . import review_render

        return getattr(review_render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_document(path: str | Path) -> Document:
    p = Path(path)
    try:
        return Document.model_validate_json(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{p} does not exist.", hint="Give the <stem>.ary.draft.json written by the darija output.") from None
    except ValueError as exc:
        raise InputError(f"{p} is not a Taysir document JSON: {str(exc).splitlines()[0]}.") from None


def save_json(obj: object, path: Path) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1), encoding="utf-8")
