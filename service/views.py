"""Database rows -> API models (no I/O beyond reading stored JSON)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from urllib.parse import quote

from transform.result import Artifact

from .schemas import ArtifactInfo, DocumentStatus, DocumentView, ErrorItemOut, JobStatus, WebhookInfo
from .store import TERMINAL, DocumentRow, JobRow


class StoredArtifact(Artifact):
    """A library :class:`~transform.result.Artifact` as the service keeps it (JSON in the database):
    where its file is, relative to the data directory, and its checksum."""

    path: str
    sha256: str


def ts(value: float | None) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if value is not None else None


def artifact_path(doc: DocumentRow, art: Artifact) -> str:
    return f"{doc.stem}/{art.name}"


def artifacts_of(doc: DocumentRow) -> list[StoredArtifact]:
    return [StoredArtifact.model_validate(a) for a in json.loads(doc.artifacts_json or "[]")]


def artifact_infos(doc: DocumentRow) -> list[ArtifactInfo]:
    out = []
    for a in artifacts_of(doc):
        path = artifact_path(doc, a)
        out.append(ArtifactInfo(
            path=path, name=a.name, media_type=a.media_type, role=a.role, lang=a.lang, size=a.size, sha256=a.sha256,
            url=f"/v1/jobs/{doc.job_id}/artifacts/{quote(path)}",
        ))
    return out


def doc_progress(d: DocumentRow) -> float:
    if d.status in TERMINAL:
        return 1.0
    if d.stages_total:
        return round(min(d.stages_done / d.stages_total, 0.99), 3)
    return 0.0


def document_status(d: DocumentRow, *, with_artifacts: bool = True) -> DocumentStatus:
    return DocumentStatus(
        id=d.id, filename=d.filename, format=d.format, size=d.size, status=d.status, stage=d.stage, stages_done=d.stages_done,  # type: ignore[arg-type]
        stages_total=d.stages_total, progress=doc_progress(d), attempts=d.attempts, title=d.title, languages=json.loads(d.languages_json or "[]"),
        review_state=d.review_state, has_draft=bool(d.has_draft), started_at=ts(d.started_at), finished_at=ts(d.finished_at),  # type: ignore[arg-type]
        errors=[ErrorItemOut(**{k: e.get(k) for k in ErrorItemOut.model_fields if k in e}) for e in json.loads(d.errors_json or "[]")],
        artifacts=artifact_infos(d) if with_artifacts else [],
    )


def job_state(docs: list[DocumentRow]) -> str:
    states = [d.status for d in docs]
    if not states:
        return "failure"
    if all(s == "queued" for s in states):
        return "queued"
    if any(s in ("queued", "running") for s in states):
        return "running"
    if all(s == "cancelled" for s in states):
        return "cancelled"
    if all(s == "success" for s in states):
        return "success"
    if all(s in ("failure", "cancelled") for s in states):
        return "failure"
    return "partial_success"


def job_status(job: JobRow, docs: list[DocumentRow], *, with_artifacts: bool = True) -> JobStatus:
    state = job_state(docs)
    finished = max((d.finished_at or 0 for d in docs), default=0) if state not in ("queued", "running") else None
    webhook = None
    if job.webhook_url:
        webhook = WebhookInfo(url=job.webhook_url, state=job.webhook_state, attempts=job.webhook_attempts, error=job.webhook_error)
    base = f"/v1/jobs/{job.id}"
    return JobStatus(
        job_id=job.id, status=state, created_at=ts(job.created_at), finished_at=ts(finished or None),  # type: ignore[arg-type]
        progress=round(sum(doc_progress(d) for d in docs) / max(len(docs), 1), 3),
        documents=[document_status(d, with_artifacts=with_artifacts) for d in docs], webhook=webhook,
        links={"self": base, "artifacts": f"{base}/artifacts", "bundle": f"{base}/bundle"},
    )


def document_view(d: DocumentRow) -> DocumentView:
    base = f"/v1/documents/{d.id}"
    return DocumentView(
        id=d.id, job_id=d.job_id, filename=d.filename, title=d.title, status=d.status, languages=json.loads(d.languages_json or "[]"),  # type: ignore[arg-type]
        review_state=d.review_state, has_draft=d.has_draft, draft_revision=d.draft_revision, rendered_revision=d.rendered_revision,  # type: ignore[arg-type]
        render_state=d.render_state, render_error=d.render_error, reviewed_by=d.reviewed_by, approved_by=d.approved_by,
        approved_at=ts(d.approved_at), published_at=ts(d.published_at), artifacts=artifact_infos(d),
        links={"self": base, "draft": f"{base}/draft", "job": f"/v1/jobs/{d.job_id}"}
        | ({"public": f"/v1/catalogue/{d.id}"} if d.review_state == "published" else {}),
    )
