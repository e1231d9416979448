"""Review workflow: export the draft as an editable text file, import it back validated, record the
approval, and publish (re-render braille, audio, captions, video...) from the approved text only.

Review file format (UTF-8 plain text, any editor)::

    @@ s1-b2-1 | needs_review
    src: <source sentence, do not edit>
    why: <reasons, do not edit>
    ary: <first simplified sentence: edit freely>
    ary: <second sentence: add or remove "ary:" lines to split or join>

States: ``draft`` (machine output, or edited) -> ``reviewed`` (approved by a named person) -> ``published``.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from pathlib import Path

import regex

from ..errors import InputError
from ..model import Document, Sentence, StageRecord, iter_sentences
from .engine import replace_segments, suffix
from .french import NEEDS_HUMAN_LABEL
from .numbers import canonical_values
from .speak import speakable

HEADER = """# Taysir review file: {kind}
# document: {name} | exported: {when} | draft fingerprint: {fp}
# HOW TO EDIT
# - Change only the text after "{tag}:". One sentence per "{tag}:" line; add or remove "{tag}:" lines to split or join.
# - Keep every "@@" line, and every number exactly as in the source (a changed number is refused on import).
# - Segments marked needs_human: write the translation on the "{tag}:" lines (replace the label).
# - Save as UTF-8 text, then run: taysir review import <draft.json> <this file> --by "Your name"
"""


class ReviewError(InputError):
    code = "review_invalid"


def draft_path(out_dir: Path, stem: str, lang: str) -> Path:
    return out_dir / f"{stem}.{lang}.draft.json"


def _segments(doc: Document) -> dict[str, list[Sentence]]:
    segs: dict[str, list[Sentence]] = {}
    for loc in iter_sentences(doc):
        segs.setdefault(loc.sentence.notes.get("segment", loc.sentence.id), []).append(loc.sentence)
    return segs


def fingerprint(doc: Document) -> str:
    h = hashlib.sha256()
    for loc in iter_sentences(doc):
        h.update(f"{loc.sentence.id}\t{loc.sentence.text}\n".encode())
    return h.hexdigest()[:16]


def export_review(doc: Document) -> str:
    lang = doc.meta.lang
    tag = "ary" if lang == "ary" else "txt"
    kind = "simplified Darija draft" if lang == "ary" else f"simplified text ({lang})"
    out = [HEADER.format(kind=kind, name=doc.meta.source_name or doc.meta.title or "", when=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                         fp=fingerprint(doc), tag=tag)]
    for sid, sents in _segments(doc).items():
        first = sents[0]
        out.append(f"\n@@ {sid} | {first.notes.get('status', 'needs_review')}\n")
        src = " ".join((first.source_text or "").split())
        out.append(f"src: {src}\n")
        if first.notes.get("reasons"):
            out.append(f"why: {first.notes['reasons']}\n")
        for s in sents:
            out.append(f"{tag}: {' '.join(s.text.split())}\n")
    return "".join(out)


def write_review_file(doc: Document, out_dir: Path, stem: str, lang: str) -> Path:
    path = out_dir / f"{stem}.{lang}.review.txt"
    path.write_text(export_review(doc), encoding="utf-8")
    return path


def parse_review(text: str) -> dict[str, list[str]]:
    """Segment id -> edited sentences. Raises ReviewError with the line number on a malformed file."""
    segs: dict[str, list[str]] = {}
    current: str | None = None
    for n, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        m = regex.match(r"@@\s*(\S+)", s)
        if m:
            current = m.group(1)
            if current in segs:
                raise ReviewError(f"Review file line {n}: segment {current} appears twice.", hint="Keep each @@ line once.")
            segs[current] = []
            continue
        m = regex.match(r"(ary|txt)\s*:\s?(.*)$", s)
        if m:
            if current is None:
                raise ReviewError(f"Review file line {n}: text before the first @@ line.", hint="Do not edit or remove the @@ lines.")
            if m.group(2).strip():
                segs[current].append(" ".join(m.group(2).split()))
            continue
        if regex.match(r"(src|why)\s*:", s):
            continue
        if current is not None and segs[current]:  # a wrapped line: continue the last sentence
            segs[current][-1] += " " + s
            continue
        raise ReviewError(f"Review file line {n} is not understood: {s[:60]!r}.", hint='Lines must start with "@@", "src:", "why:" or "ary:".')
    return segs


def _sentences(lines: list[str]) -> list[str]:
    """A line holding several sentences (e.g. a whole segment on one line) becomes one line per sentence."""
    out: list[str] = []
    for line in lines:
        out.extend(p for p in regex.split(r"(?<=[.!?؟])\s+", line) if p.strip())
    return out


def import_review(doc: Document, text: str, reviewer: str, *, allow_number_changes: bool = False) -> tuple[Document, list[str]]:
    """Apply an edited review file to the draft. Returns (new draft, notes on what changed).

    Refuses (ReviewError) a file that lost or invented segments, left a segment empty, or changed a number
    (unless ``allow_number_changes``: the reviewer confirms the source itself was wrong).
    """
    if not reviewer.strip():
        raise ReviewError("Say who reviewed the text.", hint='Use --by "Name".')
    edited = {sid: _sentences(lines) for sid, lines in parse_review(text).items()}
    segs = _segments(doc)
    missing = [sid for sid in segs if sid not in edited]
    unknown = [sid for sid in edited if sid not in segs]
    empty = [sid for sid, lines in edited.items() if sid in segs and not lines]
    problems = []
    if missing:
        problems.append(f"segments missing from the review file: {', '.join(missing[:20])}" + (" ..." if len(missing) > 20 else ""))
    if unknown:
        problems.append(f"segments that are not in the draft: {', '.join(unknown[:20])}")
    if empty:
        problems.append(f"segments left empty: {', '.join(empty[:20])}")
    number_issues = []
    for sid, lines in edited.items():
        if sid not in segs or not lines:
            continue
        old = " ".join(s.text for s in segs[sid])
        new = " ".join(lines)
        if new == old:
            continue
        src = segs[sid][0].source_text or ""
        ref = Counter(canonical_values(src)) if canonical_values(src) else Counter(canonical_values(old))
        have = Counter(canonical_values(new))
        lost = list((ref - have).elements())
        added = list((have - ref - Counter(canonical_values(old))).elements())
        if lost or added:
            number_issues.append(f"{sid}: " + ", ".join([f"number {v} is missing" for v in lost] + [f"number {v} was added" for v in added]))
    if number_issues and not allow_number_changes:
        problems.append("numbers changed: " + "; ".join(number_issues))
    if problems:
        raise ReviewError("The review file cannot be imported: " + " | ".join(problems) + ".",
                          hint="Export the draft again (taysir review export) and redo the edits, keeping every segment and number.")
    out = doc.model_copy(deep=True)
    changes: list[str] = []
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())

    replacements: dict[str, list[Sentence]] = {}
    for seg, group in _segments(out).items():
        lines = edited[seg]
        if " ".join(lines) == " ".join(" ".join(x.text.split()) for x in group):  # same text (maybe joined on one line)
            continue
        changes.append(seg)
        base = group[0]
        replacements[seg] = []
        for i, line in enumerate(lines):
            notes = dict(base.notes)
            status = "needs_human" if NEEDS_HUMAN_LABEL in line else "ok"
            notes.update(speakable=speakable(line), status=status, edited_by=reviewer, edited_at=when, segment=seg,
                         reasons="" if status == "ok" else base.notes.get("reasons", ""))
            sid = seg if len(lines) == 1 else seg + suffix(i)
            replacements[seg].append(Sentence(id=sid, text=line, source_text=base.source_text, notes=notes))

    replace_segments(out, replacements)
    out.meta.review_state = "draft"
    out.provenance.append(StageRecord(stage="review.import", engine="human", notes={"by": reviewer, "at": when, "segments": ",".join(changes),
                                                                                    "number_changes": "; ".join(number_issues)}))
    return out, [f"edited: {c}" for c in changes] + [f"confirmed number change: {x}" for x in number_issues]


def approve(doc: Document, approver: str, *, allow_untranslated: bool = False) -> tuple[Document, dict[str, object]]:
    """Record who approved the text and when; the document becomes ``reviewed``. Returns (doc, approval record)."""
    if not approver.strip():
        raise ReviewError("Say who approves the text.", hint='Use --by "Name".')
    if doc.meta.variant not in ("simplified", "easy-read"):
        raise ReviewError("Only a simplified draft can be approved.", hint="Approve the <stem>.ary.draft.json written by the darija output.")
    human = [loc.sentence.id for loc in iter_sentences(doc) if NEEDS_HUMAN_LABEL in loc.sentence.text]
    if human and not allow_untranslated:
        raise ReviewError(f"{len(human)} segments still need a human translation: {', '.join(human[:10])}.",
                          hint="Translate them in the review file and import it, or approve with --allow-untranslated to publish them labelled.")
    out = doc.model_copy(deep=True)
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    out.meta.review_state = "reviewed"
    for loc in iter_sentences(out):
        loc.sentence.notes["approved_by"] = approver
        if loc.sentence.notes.get("status") == "needs_review":
            loc.sentence.notes["status"] = "ok"
    record: dict[str, object] = {"approved_by": approver, "approved_at": when, "fingerprint": fingerprint(out),
                                 "segments": len(_segments(out)), "untranslated": human,
                                 "edits": [p.notes for p in out.provenance if p.stage == "review.import"]}
    out.provenance.append(StageRecord(stage="review.approve", engine="human", notes={"by": approver, "at": when, "fingerprint": str(record["fingerprint"])}))
    return out, record


def is_approved(doc: Document) -> bool:
    rec = [p for p in doc.provenance if p.stage == "review.approve"]
    return doc.meta.review_state in ("reviewed", "published") and bool(rec) and rec[-1].notes.get("fingerprint") == fingerprint(doc)


def publish(doc: Document, options: object = None, out_dir: str | Path = "taysir-out", stem: str | None = None):  # type: ignore[no-untyped-def]
    """Render outputs (braille, audio, captions, video...) from an approved text only."""
    from ..api import render
    from ..options import TransformOptions

    if not is_approved(doc):
        raise ReviewError("This text has not been approved (or was changed after approval); it cannot be published.",
                          hint='Run: taysir review approve <draft.json> --by "Name".')
    pub = doc.model_copy(deep=True)
    pub.meta.review_state = "published"
    opts = options if isinstance(options, TransformOptions) else TransformOptions()
    result = render(pub, opts, out_dir, stem=stem)
    result.document = pub
    return result


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
