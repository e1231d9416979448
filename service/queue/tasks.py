"""Task bodies: convert a document, re-render a reviewed draft, deliver a webhook.

Each body first *claims* its document in the database (a conditional UPDATE); a message for a
document that is gone, cancelled, or already owned by another worker is simply dropped.
"""

from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from transform import TransformOptions
from transform.checksum import sha256_file
from transform.pipeline import stage_names
from transform.result import Artifact

from ..storage import is_disk_full
from ..store import owner_id
from ..views import StoredArtifact, artifacts_of
from .runner import ChildCrashed, JobCancelled, JobTimeout, run_in_child

if TYPE_CHECKING:
    from ..runtime import Runtime

log = logging.getLogger("service.tasks")


def _beat(lease_s: float) -> float:
    """Heartbeat period: a third of the lease, at most 1 s (a deleted job is noticed within a second)."""
    return max(0.2, min(lease_s / 3, 1.0))


def _owner() -> str:
    return owner_id(threading.current_thread().name)


def stored_artifacts(rt: Runtime, result: dict[str, Any]) -> list[StoredArtifact]:
    """The run's artefacts as stored: file path relative to the data dir, size and sha256."""
    if not result.get("output_dir"):
        return []
    out_dir = Path(result["output_dir"])
    arts: list[StoredArtifact] = []
    art: Artifact
    for art in result["artifacts"]:
        path = out_dir / art.name
        if path.is_file():
            arts.append(StoredArtifact(**art.model_dump(exclude={"size"}), size=path.stat().st_size, path=rt.store.rel(path),
                                       sha256=sha256_file(path)))
    return arts


def convert_document(rt: Runtime, doc_id: str) -> None:
    row = rt.store.jobs.claim(doc_id, _owner(), rt.settings.lease_s)
    if row is None:
        return
    try:
        _convert(rt, row, row.lease_owner or "")
    finally:
        if rt.store.documents.get(doc_id) is None:  # the job was deleted meanwhile: remove what the run left
            shutil.rmtree(rt.store.job_dir(row.job_id), ignore_errors=True)


def _renew(store: Any, doc_id: str, owner: str, lease_s: float) -> bool:
    """Renew the lease; on a full disk the run goes on (the storage guard stops it if it grows)."""
    try:
        return bool(store.jobs.renew(doc_id, owner, lease_s))
    except Exception as exc:
        if not is_disk_full(exc):
            raise
        log.warning("document %s: lease not renewed, the disk is full", doc_id)
        return True


def _convert(rt: Runtime, row: Any, owner: str) -> None:
    s, store, doc_id = rt.settings, rt.store, row.id
    got = store.jobs.get(row.job_id)
    if got is None:
        return
    job = got[0]
    options = TransformOptions.model_validate_json(job.options_json)
    stages = stage_names(options)
    out_dir = store.doc_dir(row.job_id, doc_id) / f"a{row.attempts}"
    shutil.rmtree(out_dir, ignore_errors=True)

    def on_stage(stage: str) -> None:
        done = stages.index(stage) if stage in stages else 0
        try:
            store.jobs.set_stage(doc_id, owner, stage, done, len(stages))
        except Exception as exc:  # progress is best-effort: a full disk must not fail or hang the run itself
            if not is_disk_full(exc):
                raise
            log.warning("document %s: progress not recorded, the disk is full", doc_id)

    store.jobs.set_stage(doc_id, owner, "starting", 0, len(stages))
    payload = {"source": str(store.path(row.source_path)), "options": options.model_dump_json(), "out_dir": str(out_dir), "nice": s.worker_nice,
               "mem_mb": s.worker_mem_mb, "db_url": s.db_url}  # db_url: the translation memory and term base (child.py)
    try:
        result = run_in_child("convert", payload, timeout=s.job_timeout_s, on_stage=on_stage,
                              heartbeat=lambda: _renew(store, doc_id, owner, s.lease_s), heartbeat_every=_beat(s.lease_s))
    except JobCancelled:
        log.info("document %s was cancelled or deleted while running", doc_id)
        store.jobs.finish_convert(doc_id, owner, status="cancelled", errors=[])
        _complete(rt, row.job_id)
        return
    except (JobTimeout, ChildCrashed) as exc:
        store.jobs.finish_convert(doc_id, owner, status="failure", errors=[_error("convert", exc.code, exc.message, exc.hint)])
        _complete(rt, row.job_id)
        return
    try:
        _record(rt, row, owner, result)
    except Exception as exc:  # noqa: BLE001 - never leave a document "running" because of a bad result
        log.exception("document %s: recording the result failed", doc_id)
        store.jobs.finish_convert(doc_id, owner, status="failure", errors=[_error("convert", "internal_error", f"{type(exc).__name__}: {exc}", None)])
    _complete(rt, row.job_id)


def _record(rt: Runtime, row: Any, owner: str, result: dict[str, Any]) -> None:
    store = rt.store
    if not result.get("ok"):
        err = result["error"]
        if result.get("trace"):
            log.error("document %s crashed in the library:\n%s", row.id, result["trace"])
        store.jobs.finish_convert(row.id, owner, status="failure", errors=[_error("convert", err["code"], err["message"], err.get("hint"))])
        return
    arts = stored_artifacts(rt, result)
    draft: str | None = result.get("draft")
    ok = result["status"] in ("success", "partial_success")
    langs = sorted({a.lang for a in arts if a.lang})
    store.jobs.finish_convert(
        row.id, owner, status=result["status"], errors=result["errors"], timings=result.get("timings", {}),
        artifacts=[a.model_dump() for a in arts],
        languages=langs, title=result.get("title") or Path(row.filename).stem,
        review_state="draft" if ok else None, draft_json=draft if ok else None,
    )


def _error(stage: str, code: str, message: str, hint: str | None) -> dict[str, Any]:
    return {"stage": stage, "code": code, "message": message, "hint": hint, "severity": "error"}


def _complete(rt: Runtime, job_id: str) -> None:
    job = rt.store.jobs.mark_completion(job_id)
    if job is not None and job.webhook_url:
        rt.queue.webhook(job_id)


def render_document(rt: Runtime, doc_id: str) -> None:
    s, store = rt.settings, rt.store
    owner = _owner()
    row = store.documents.get(doc_id)
    if row is None or not row.draft_json:
        return
    row = store.jobs.claim(doc_id, owner, s.lease_s, op="render")
    if row is None or not row.draft_json:
        return
    got = store.jobs.get(row.job_id)
    if got is None:
        return
    revision = row.draft_revision
    options = TransformOptions.model_validate_json(got[0].options_json)  # the library picks what a reviewed text renders into
    out_dir = store.doc_dir(row.job_id, doc_id) / f"r{revision}"
    shutil.rmtree(out_dir, ignore_errors=True)
    payload = {"document": row.draft_json, "options": options.model_dump_json(), "out_dir": str(out_dir), "stem": row.stem,
               "nice": s.worker_nice, "mem_mb": s.worker_mem_mb}
    error: str | None = None
    merged: list[StoredArtifact] | None = None
    try:
        result = run_in_child("render", payload, timeout=s.job_timeout_s, on_stage=lambda _s: None,
                              heartbeat=lambda: _renew(store, doc_id, owner, s.lease_s), heartbeat_every=_beat(s.lease_s))
    except JobCancelled:
        return
    except (JobTimeout, ChildCrashed) as exc:
        error = exc.message
    else:
        if not result.get("ok"):
            error = result["error"]["message"]
        else:
            new = stored_artifacts(rt, result)
            hard = [e["message"] for e in result["errors"] if e.get("severity") == "error"]
            error = "; ".join(hard) or None
            by_name = {a.name: a for a in artifacts_of(row)}
            by_name.update({a.name: a for a in new})
            merged = list(by_name.values())
    stored = [a.model_dump() for a in merged] if merged is not None and error is None else None
    store.documents.finish_render(doc_id, owner, revision=revision, artifacts=stored, error=error)


def deliver_webhook(rt: Runtime, job_id: str, *, retries_left: int) -> None:
    from ..views import job_status
    from ..webhooks import WebhookError, send

    got = rt.store.jobs.get(job_id)
    if got is None or not got[0].webhook_url:
        return
    job, docs = got
    payload = {"event": "job.completed", "job": job_status(job, docs).model_dump(mode="json")}
    secret = job.webhook_secret or rt.settings.webhook_secret or ""
    attempt = job.webhook_attempts + 1
    try:
        send(job.webhook_url or "", payload, secret, timeout=rt.settings.webhook_timeout_s, allow_private=rt.settings.webhook_allow_private)
    except WebhookError as exc:
        rt.store.jobs.set_webhook(job_id, "failed" if retries_left <= 0 else "pending", attempt, str(exc))
        if retries_left > 0:
            raise  # huey retries with exponential backoff
        return
    rt.store.jobs.set_webhook(job_id, "delivered", attempt)
