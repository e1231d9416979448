"""Staff page states without running the queue: real drafts and quality reports made by the library
(``transform.convert`` with the ``darija`` output on two samples), stored the way the workers store them,
then documents put in every state the staff pages show (queued, running at a stage, converted with a
draft, partly failed with tool errors and warnings, failed, approved while the formats are re-made,
approved with a failed re-rendering, published).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import update

from service.store import DocumentRow, NewDocument
from transform import TransformOptions, convert
from transform.model import Document
from transform.model.document import PageReport
from transform.model.walk import block_sentences, iter_blocks
from transform.simplify.review import draft_of

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = {"fr": ROOT / "samples" / "deliberation-conseil.docx", "ar": ROOT / "samples" / "budget-citoyen-2026.pdf"}
TOOL_ERROR = "chromium failed (exit -5): /usr/bin/chromium: 9: [: Illegal number: unexpected operator"


@dataclass
class Converted:
    source: Path
    out_dir: Path
    artifacts: list[Any]
    draft: Document
    title: str | None


def convert_samples(work: Path) -> dict[str, Converted]:
    """The two samples converted once with the Darija output (a few seconds)."""
    out: dict[str, Converted] = {}
    for lang, src in SAMPLES.items():
        res = convert(src, TransformOptions(outputs=["darija", "text"]), work / lang, raises_on_error=False)
        draft = draft_of(res, "ary")
        assert draft is not None, res.errors
        out[lang] = Converted(src, Path(res.output_dir or work / lang), list(res.artifacts), draft, res.document.meta.title if res.document else None)
    return out


def doubtful(draft: Document) -> Document:
    """The draft with its first paragraph read with doubt (as OCR would mark it) and a number lost in its second."""
    d = draft.model_copy(deep=True)
    paragraphs = [b for _s, b in iter_blocks(d) if b.kind == "paragraph"]
    paragraphs[0].doubt, paragraphs[0].confidence, paragraphs[0].page = "ocr_low_confidence", 0.41, paragraphs[0].page or 1
    first = next(x for x, *_ in block_sentences(paragraphs[0]) if x.source_text and len(x.source_text.split()) > 2)
    second = re.search(r"\S+\s+(\S+)", first.source_text or "")  # its source sentence's second word read unsure (model.doubts)
    assert second is not None
    first.notes.update(source_doubt="ocr_low_confidence", source_unsure=f"{second.start(1)}-{second.end(1)}")
    for sentence, *_ in block_sentences(paragraphs[1]):
        sentence.notes.update(status="needs_review", reasons="number not kept: 2026; a sentence has 23 words (limit 20)")
    # its last page refused as unreadable (as OCR refuses a coarse scan): the reviewer must be told
    last = max((r.page for r in d.meta.pages), default=1)
    d.meta.pages = [r for r in d.meta.pages if r.page != last] + [
        PageReport(page=last, method="unreadable", reason="OCR read the page at 52% confidence, too unsure to keep")]
    return d


@dataclass
class States:
    job_id: str
    docs: dict[str, str] = field(default_factory=dict)  # state name -> document id


def _store_files(store: Any, job_id: str, doc_id: str, conv: Converted) -> list[dict[str, Any]]:
    dest = store.doc_dir(job_id, doc_id) / "a1"
    shutil.copytree(conv.out_dir, dest, dirs_exist_ok=True)
    arts = []
    for a in conv.artifacts:
        p = dest / a.name
        if p.is_file():
            arts.append({**a.model_dump(exclude={"size"}), "size": p.stat().st_size, "path": store.rel(p),
                         "sha256": hashlib.sha256(p.read_bytes()).hexdigest()})
    return arts


def build(store: Any, convs: dict[str, Converted], who: str = "amina") -> States:
    """One job whose documents are in every state; returns their ids by state name."""
    job_id = uuid.uuid4().hex
    plan = [("queued", "fr"), ("running", "ar"), ("draft", "ar"), ("draft_fr", "fr"), ("partial", "ar"), ("failure", "fr"),
            ("pending", "ar"), ("render_failed", "ar"), ("published", "ar")]
    new = []
    for i, (name, lang) in enumerate(plan):
        src = convs[lang].source
        doc_id = uuid.uuid4().hex
        up = store.job_dir(job_id) / "uploads" / doc_id / f"{name}{src.suffix}"
        up.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, up)
        new.append(NewDocument(doc_id, i, f"{name}_{src.name}", f"{name}-{src.stem}", store.rel(up), src.suffix.lstrip("."),
                               up.stat().st_size, hashlib.sha256(up.read_bytes()).hexdigest()))
    opts = TransformOptions(outputs=["darija", "text", "braille", "audio", "captions", "video", "html"])
    store.jobs.create(job_id, opts.model_dump_json(), new, created_by=who)
    states = States(job_id)
    now = time.time()
    for (name, lang), d in zip(plan, new, strict=True):
        states.docs[name] = d.id
        conv = convs[lang]
        values: dict[str, Any] = {}
        if name == "running":
            values = {"status": "running", "stage": "render.video", "stages_done": 9, "stages_total": 10, "started_at": now - 130,
                      "updated_at": now - 20}
        elif name != "queued":
            draft = doubtful(conv.draft) if name == "draft" else conv.draft
            errors: list[dict[str, Any]] = []
            status = "success"
            if name == "partial":
                status = "partial_success"
                errors = [{"stage": "render.video", "code": "tool_failed", "severity": "error", "message": TOOL_ERROR, "hint": "Retry later."},
                          {"stage": "render.captions", "code": "error", "severity": "warning", "message": "12 ar sentences have no audio and therefore no caption."}]
            if name == "failure":
                status = "failure"
                errors = [{"stage": "convert", "code": "internal_error", "severity": "error",
                           "message": "An unexpected error stopped this step; the details are in the server log.", "hint": None}]
            values = {"status": status, "stage": "done" if status != "failure" else "failed", "stages_done": 11, "stages_total": 11,
                      "started_at": now - 300, "finished_at": now - 200, "errors_json": json.dumps(errors),
                      "artifacts_json": json.dumps(_store_files(store, job_id, d.id, conv) if status != "failure" else []),
                      "title": conv.title, "languages_json": json.dumps(["ar", "ary", "fr"]),
                      "timings_json": json.dumps({"ingest": 0.8, "structure": 0.4, "simplify.ary": 1.2, "render.text": 0.1})}
            if status != "failure":
                values.update(review_state="draft", draft_json=draft.model_dump_json())
            if name == "pending":
                values.update(review_state="reviewed", draft_revision=2, rendered_revision=1, render_state="running", approved_by=who, approved_at=now)
            if name == "render_failed":
                values.update(review_state="reviewed", draft_revision=2, rendered_revision=1, render_state="failed", approved_by=who,
                              approved_at=now, render_error="chromium failed (exit -5): /usr/bin/chromium: unexpected operator")
            if name == "published":
                values.update(review_state="published", approved_by=who, approved_at=now, published_at=now, published_json="[]")
        if values:
            with store.db.write() as s:
                s.execute(update(DocumentRow).where(DocumentRow.id == d.id).values(**values))
    return states
