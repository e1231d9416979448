"""What the pages show, computed from the store rows and the service functions (no business rules here)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from transform.result import Artifact
from transform.simplify.review import segments as library_segments

from .. import publishing, review
from ..runtime import Runtime
from ..store import DocumentRow
from ..views import artifact_path, artifacts_of

# upload choices shown to staff (the order of the page); checked by default: the fast, common ones
OUTPUT_CHOICES = ("darija", "easy-french", "text", "braille", "audio", "captions", "video", "html", "epub", "docx", "json")
DEFAULT_OUTPUTS = ("darija", "text", "braille", "audio", "captions", "html")
# the order formats are listed on the public page
KIND_ORDER = ("darija", "easy", "text", "html", "epub", "mp3", "vtt", "srt", "mp4", "brf", "pef", "brl", "docx", "pdf", "zip")
TECHNICAL = ("json", "other", "quality", "reviewfile", "tasks", "draft")


def kind_of(f: Artifact) -> str:
    """What a file is for the reader (its description key ``fmt_<kind>``)."""
    name = f.name.lower()
    for marker, kind in ((".quality.", "quality"), (".review.", "reviewfile"), (".translation-tasks.", "tasks"), (".draft.json", "draft")):
        if marker in name:
            return kind
    ext = PurePosixPath(name).suffix.lstrip(".")
    if ext == "txt":
        if f.role == "darija" or f.lang == "ary":
            return "darija"
        return "easy" if f.role == "easy-french" else "text"
    if ext in ("htm", "html", "xhtml"):
        return "html"
    if ext in ("brf", "pef", "brl", "mp3", "vtt", "srt", "mp4", "epub", "docx", "pdf", "zip", "json"):
        return ext
    return "other"


@dataclass
class PublicFile:
    name: str
    kind: str
    lang: str | None
    size: int
    url: str
    media_type: str


@dataclass
class Player:
    lang: str | None
    src: PublicFile
    tracks: list[PublicFile] = field(default_factory=list)


@dataclass
class PublicDoc:
    id: str
    title: str
    published_at: float | None
    languages: list[str]
    files: list[PublicFile]
    audio: list[Player]
    video: list[Player]
    technical: list[PublicFile]


def public_doc(d: DocumentRow) -> PublicDoc:
    files = [PublicFile(f.name, kind_of(f), f.lang, f.size, f"/v1/catalogue/{d.id}/files/{quote(f.name)}", f.media_type)
             for f in publishing.published_files(d)]
    main = sorted((f for f in files if f.kind not in TECHNICAL), key=lambda f: (KIND_ORDER.index(f.kind) if f.kind in KIND_ORDER else 99, f.lang or ""))
    vtts = [f for f in files if f.kind == "vtt"]

    def players(kind: str) -> list[Player]:
        out = []
        for f in files:
            if f.kind == kind:
                stem = f.name.rsplit(".", 1)[0]
                same = [v for v in vtts if v.name.rsplit(".", 1)[0] == stem] or [v for v in vtts if v.lang == f.lang]
                out.append(Player(f.lang, f, same[:1]))
        return out

    return PublicDoc(id=d.id, title=d.title or d.filename, published_at=d.published_at, files=main,
                     languages=sorted({f.lang for f in files if f.lang}), audio=players("mp3"), video=players("mp4"),
                     technical=[f for f in files if f.kind in TECHNICAL])


def search(rows: list[DocumentRow], q: str) -> list[DocumentRow]:
    """Published documents whose title (or file name) contains every word of ``q`` (case-insensitive)."""
    words = [w.casefold() for w in q.split() if w]
    if not words:
        return rows
    return [r for r in rows if all(w in (r.title or r.filename).casefold() or w in r.filename.casefold() for w in words)]


# -- staff ---------------------------------------------------------------------------------------
@dataclass
class StaffFile:
    name: str
    kind: str
    lang: str | None
    size: int
    url: str


def staff_files(d: DocumentRow) -> list[StaffFile]:
    return [StaffFile(a.name, kind_of(a), a.lang, a.size, f"/staff/jobs/{d.job_id}/files/{quote(artifact_path(d, a))}")
            for a in artifacts_of(d)]


@dataclass
class ReviewSegment:
    n: int
    id: str
    source: str
    source_lang: str | None
    text: str
    status: str
    reasons: list[str]
    edited: bool
    metrics: dict[str, Any]


def review_segments(doc: DocumentRow) -> list[ReviewSegment]:
    """The draft's segments as the review page shows them (the library's review view, numbered)."""
    draft = review.load(publishing._need_draft(doc))
    return [ReviewSegment(i, s.id, s.source, s.source_lang, s.text, s.status, s.reasons, s.edited, s.metrics)
            for i, s in enumerate(library_segments(draft), 1)]


def quality_report(rt: Runtime, doc: DocumentRow) -> dict[str, Any] | None:
    """The simplifier's quality report of the Darija track (document metrics and targets), if any."""
    for a in artifacts_of(doc):
        if a.name.endswith(".ary.quality.json"):
            try:
                return json.loads(rt.store.path(a.path).read_text(encoding="utf-8"))  # type: ignore[no-any-return]
            except (OSError, ValueError):
                return None
    return None


def metric_rows(report: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not report:
        return []
    rows = []
    metrics, targets = report.get("metrics", {}), report.get("targets", {})
    for key, target in targets.items():
        value = metrics.get(key)
        if value is None:
            continue
        rows.append({"key": key, "value": value, "op": target.get("op"), "target": target.get("value"), "met": target.get("met")})
    return rows


def changed_segments(doc: DocumentRow, submitted: dict[str, str]) -> dict[str, str]:
    """Only the segments whose text differs (whitespace aside) from the stored draft."""
    draft = review.load(publishing._need_draft(doc))
    current = {s.id: s.text for s in library_segments(draft)}
    return {sid: text for sid, text in submitted.items() if sid in current and " ".join(text.split()) != " ".join(current[sid].split())}
