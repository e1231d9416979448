"""The editable review file of a draft (``taysir review export`` / ``import``), on top of the review API.

Format (UTF-8 plain text, any editor)::

    @@ s1-b2-1 | needs_review
    src: <source sentence, do not edit>
    why: <reasons, do not edit>
    ary: <first simplified sentence: edit freely>
    ary: <second sentence: add or remove "ary:" lines to split or join>

    @@ s1-b3-1 | needs_human
    src: <a sentence no rule covers: not yet in Darija>
    facts: <the numbers, dates and places found, in Darija>
    ary:
    keep: no

A segment not yet in Darija has an empty ``ary:`` line: write the translation there, or change
``keep: no`` to ``keep: yes`` to keep it in the source language (the outputs then say so).

Importing parses the file and applies it with :func:`transform.simplify.review.apply_edits`
(every segment must be in the file), the same validation the HTTP service uses.
"""

from __future__ import annotations

import time
from pathlib import Path

import regex

from ..model import Document
from .notice import darija_of, is_notice_group, source_of
from .review import ReviewError, apply_edits, fingerprint, grouped, keep_source, refusal, validate
from .status import KEPT_SOURCE

HEADER = """# Taysir review file: {kind}
# document: {name} | exported: {when} | draft fingerprint: {fp}
# HOW TO EDIT
# - Change only the text after "{tag}:". One sentence per "{tag}:" line; add or remove "{tag}:" lines to split or join.
# - Keep every "@@" line, and every number exactly as in the source (a changed number is refused on import).
# - Segments marked needs_human are not yet in Darija: write the translation on the empty "{tag}:" line,
#   or write "keep: yes" to keep the sentence in its source language (the outputs then say so).
# - Save as UTF-8 text, then run: taysir review import <draft.json> <this file> --by "Your name"
"""


def export_review(doc: Document) -> str:
    lang = doc.meta.lang
    tag = "ary" if lang == "ary" else "txt"
    kind = "simplified Darija draft" if lang == "ary" else f"simplified text ({lang})"
    out = [HEADER.format(kind=kind, name=doc.meta.source_name or doc.meta.title or "", when=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                         fp=fingerprint(doc), tag=tag)]
    for sid, sents in grouped(doc).items():
        first = sents[0]
        out.append(f"\n@@ {sid} | {first.notes.get('status', 'needs_review')}\n")
        src = " ".join(source_of(sents).split())
        out.append(f"src: {src}\n")
        if first.notes.get("reasons"):
            out.append(f"why: {first.notes['reasons']}\n")
        if first.notes.get("facts"):
            out.append(f"facts: {first.notes['facts']}\n")
        if is_notice_group(sents):
            out.append(f"{tag}: {darija_of(sents)}\n")
            out.append(f"keep: {'yes' if first.notes.get('status') == KEPT_SOURCE else 'no'}\n")
            continue
        for s in sents:
            out.append(f"{tag}: {' '.join(s.text.split())}\n")
    return "".join(out)


def write_review_file(doc: Document, out_dir: Path, stem: str, lang: str) -> Path:
    path = out_dir / f"{stem}.{lang}.review.txt"
    path.write_text(export_review(doc), encoding="utf-8")
    return path


def parse_review(text: str, keep: set[str] | None = None) -> dict[str, list[str]]:
    """Segment id -> edited sentences (``keep`` collects the ids marked ``keep: yes``). Raises ReviewError with
    the line number on a malformed file."""
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
        m = regex.match(r"keep\s*:\s*(\S*)", s)
        if m:
            if current is None:
                raise ReviewError(f"Review file line {n}: keep: before the first @@ line.", hint="Do not edit or remove the @@ lines.")
            if m.group(1).lower() in ("yes", "oui", "نعم", "y", "1", "true") and keep is not None:
                keep.add(current)
            continue
        if regex.match(r"(src|why|facts)\s*:", s):
            continue
        if current is not None and segs[current]:  # a wrapped line: continue the last sentence
            segs[current][-1] += " " + s
            continue
        raise ReviewError(f"Review file line {n} is not understood: {s[:60]!r}.", hint='Lines must start with "@@", "src:", "why:", "facts:", "ary:" or "keep:".')
    return segs


def import_review(doc: Document, text: str, reviewer: str, *, allow_number_changes: bool = False) -> tuple[Document, list[str]]:
    """Apply an edited review file to the draft. Returns (new draft, notes on what changed).

    Refuses (ReviewError) a file that lost or invented segments, left a segment empty, or changed a number
    (unless ``allow_number_changes``: the reviewer confirms the source itself was wrong).
    """
    if not reviewer.strip():
        raise ReviewError("Say who reviewed the text.", hint='Use --by "Name".')
    keep: set[str] = set()
    edits = parse_review(text, keep)
    problems = validate(doc, edits, full=True, allow_number_changes=allow_number_changes)
    if problems:
        raise refusal(problems, "The review file cannot be imported",
                      hint="Export the draft again (taysir review export) and redo the edits, keeping every segment and number.")
    segs = grouped(doc)
    keep = {sid for sid in keep if not edits.get(sid) and segs[sid][0].notes.get("status") != KEPT_SOURCE}
    new, notes = apply_edits(doc, edits, reviewer, full=True, allow_number_changes=allow_number_changes)
    if keep:
        new = keep_source(new, sorted(keep), reviewer)
        notes += [f"kept in the source language: {sid}" for sid in sorted(keep)]
    return new, notes
