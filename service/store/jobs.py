"""Jobs and the conversion lifecycle of their documents (queued -> running -> finished).

Every state change is one conditional UPDATE, so two workers (or a worker and the lease
reaper) can never both own a document: the one whose UPDATE matched a row wins.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, delete, func, select, text, update

from transform.result import NOT_ERRORS

from .db import Database
from .tables import HAS_DRAFT_SQL, DocumentRow, JobRow

TERMINAL = ("success", "partial_success", "failure", "cancelled")
log = logging.getLogger("service.store")
# What a message written for a person never contains: exception class names, errno, tracebacks, codec
# and parser internals (issue 21 item 10). Such text is logged and replaced by a plain sentence.
INTERNALS = re.compile(r"Traceback|\[Errno -?\d+\]|\b[A-Z]\w*(Error|Exception)\b|codec can't|Expected boundary|"
                       r"/(usr|tmp|home|srv|var|work|opt)/")
PLAIN_INTERNAL = "An unexpected error stopped this step; the details are in the server log."
PLAIN_HINT = "Try again. If it happens again, send the document and the time to the administrator."


def plain_errors(errors: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """Error items as stored and shown: internal details go to the log, the item keeps a plain message."""
    out = []
    for e in errors:
        message = str(e.get("message", ""))
        if e.get("code") == "internal_error" or INTERNALS.search(message):
            log.warning("%s: %s error in %s: %s", where, e.get("code"), e.get("stage"), message[:2000])
            e = {**e, "message": PLAIN_INTERNAL if e.get("code") == "internal_error" else plain_text(message), "hint": e.get("hint") or PLAIN_HINT}
        out.append(e)
    return out


def plain_text(message: str) -> str:
    """``message`` without its internal part: the sentence up to the clause that holds it
    (``x.docx: the DOCX file could not be read (pandoc failed ...: DocxError)`` keeps what is before
    the parenthesis); the whole message when nothing internal is in it."""
    found = INTERNALS.search(message)
    if not found:
        return message
    head = message[:found.start()]
    cut = head.find(" (")
    head = (head[:cut] if cut >= 0 else head).rstrip(" :;,([")
    return head + "." if len(head) >= 15 and not INTERNALS.search(head) else PLAIN_INTERNAL


_LARGE = ("draft_json", "published_json")
JOB_SQL = f"SELECT {', '.join(c.name for c in JobRow.__table__.columns)} FROM jobs WHERE id = :id"
DOCS_SQL = (f"SELECT {', '.join(c.name for c in DocumentRow.__table__.columns if c.name not in _LARGE)}, "
            f"{HAS_DRAFT_SQL} FROM documents WHERE job_id = :id ORDER BY position")


class QueueLimitReached(Exception):
    """Creating the job would put more documents in the queue than allowed."""

    def __init__(self, queued: int) -> None:
        super().__init__(f"{queued} documents queued")
        self.queued = queued


@dataclass
class NewDocument:
    id: str
    position: int
    filename: str
    stem: str
    source_path: str
    format: str
    size: int
    sha256: str


class JobRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- creation and reading -------------------------------------------------------------
    def create(
        self,
        job_id: str,
        options_json: str,
        docs: list[NewDocument],
        *,
        created_by: str | None,
        webhook_url: str | None = None,
        webhook_secret: str | None = None,
        sync: bool = False,
        max_queued: int | None = None,
    ) -> None:
        """Insert the job and its documents (queued). With ``max_queued``, the places are reserved
        atomically: the count of queued documents and the insert happen in one write transaction that
        no other writer can interleave (SQLite ``BEGIN IMMEDIATE``; a transaction-level advisory lock on
        PostgreSQL), so concurrent uploads cannot overshoot the limit; raises QueueLimitReached."""
        now = time.time()
        with self.db.write() as s:
            if max_queued is not None:
                if self.db.engine.dialect.name == "postgresql":
                    s.execute(text("SELECT pg_advisory_xact_lock(7461726)"))  # serialises the reservations ("tar")
                queued = int(s.scalar(select(func.count()).select_from(DocumentRow).where(DocumentRow.status == "queued")) or 0)
                if queued + len(docs) > max_queued:
                    raise QueueLimitReached(queued)
            s.add(
                JobRow(
                    id=job_id,
                    created_at=now,
                    updated_at=now,
                    created_by=created_by,
                    options_json=options_json,
                    sync=sync,
                    notified=False,
                    webhook_url=webhook_url,
                    webhook_secret=webhook_secret,
                    webhook_state="pending" if webhook_url else None,
                )
            )
            s.flush()
            for d in docs:
                s.add(
                    DocumentRow(
                        id=d.id, job_id=job_id, position=d.position, filename=d.filename, stem=d.stem, source_path=d.source_path,
                        format=d.format, size=d.size, sha256=d.sha256, created_at=now, updated_at=now, status="queued", enqueued_at=now,
                    )
                )

    def get(self, job_id: str) -> tuple[JobRow, list[DocumentRow]] | None:
        """The job and its documents as read-only rows: the hot path of status polling and downloads.

        The document rows leave out the draft and publication JSON (large) and carry ``has_draft``.
        """
        jobs, docs = self.db.select([(JOB_SQL, {"id": job_id}), (DOCS_SQL, {"id": job_id})])
        if not jobs:
            return None
        return jobs[0], docs

    def recent(self, limit: int = 50, offset: int = 0) -> list[tuple[JobRow, list[DocumentRow]]]:
        with self.db.read() as s:
            jobs = list(s.scalars(select(JobRow).order_by(JobRow.created_at.desc()).limit(limit).offset(offset)))
            if not jobs:
                return []
            rows = s.scalars(select(DocumentRow).where(DocumentRow.job_id.in_([j.id for j in jobs])).order_by(DocumentRow.position))
            by_job: dict[str, list[DocumentRow]] = {}
            for d in rows:
                by_job.setdefault(d.job_id, []).append(d)
            return [(j, by_job.get(j.id, [])) for j in jobs]

    def existing(self, job_ids: Iterable[str]) -> set[str]:
        """The ids among ``job_ids`` that are jobs in the database."""
        ids, found = list(job_ids), set()
        jt = JobRow.__table__
        with self.db.engine.connect() as c:
            for i in range(0, len(ids), 500):
                found.update(c.execute(select(jt.c.id).where(jt.c.id.in_(ids[i:i + 500]))).scalars())
        return found

    def count(self) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(JobRow)) or 0)

    def queued_count(self) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(DocumentRow).where(DocumentRow.status == "queued")) or 0)

    def delete(self, job_id: str) -> list[DocumentRow]:
        """Remove the job and its documents (running ones notice at their next heartbeat)."""
        with self.db.write() as s:
            docs = list(s.scalars(select(DocumentRow).where(DocumentRow.job_id == job_id)))
            s.execute(delete(DocumentRow).where(DocumentRow.job_id == job_id))
            s.execute(delete(JobRow).where(JobRow.id == job_id))
            return docs

    # -- the conversion lifecycle ---------------------------------------------------------
    def claim(self, doc_id: str, owner: str, lease_s: float, *, op: str = "convert") -> DocumentRow | None:
        """Take a queued document (or a queued re-render); None when someone else has it."""
        now = time.time()
        with self.db.write() as s:
            if op == "convert":
                cond: tuple[Any, ...] = (DocumentRow.status == "queued", DocumentRow.cancel_requested.is_(False))
                values: dict[str, Any] = {"status": "running", "started_at": now, "attempts": DocumentRow.attempts + 1, "stage": "starting"}
            else:
                cond = (DocumentRow.render_state == "queued",)
                values = {"render_state": "running"}
            res = s.execute(
                update(DocumentRow)
                .where(DocumentRow.id == doc_id, *cond)
                .values(op=op, lease_owner=owner, lease_expires=now + lease_s, updated_at=now, **values)
            )
            if not res.rowcount:
                return None
            return s.get(DocumentRow, doc_id)

    def renew(self, doc_id: str, owner: str, lease_s: float) -> bool:
        """Extend the lease; False when the document was deleted, cancelled or taken over."""
        with self.db.write() as s:
            res = s.execute(
                update(DocumentRow)
                .where(DocumentRow.id == doc_id, DocumentRow.lease_owner == owner, DocumentRow.cancel_requested.is_(False))
                .values(lease_expires=time.time() + lease_s)
            )
            return bool(res.rowcount)

    def set_stage(self, doc_id: str, owner: str, stage: str, done: int, total: int) -> None:
        with self.db.write() as s:
            s.execute(
                update(DocumentRow)
                .where(DocumentRow.id == doc_id, DocumentRow.lease_owner == owner)
                .values(stage=stage, stages_done=done, stages_total=total, updated_at=time.time())
            )

    def finish_convert(self, doc_id: str, owner: str, *, status: str, errors: list[dict[str, Any]], **fields: Any) -> bool:
        now = time.time()
        if status == "success" and any(str(e.get("severity", "error")).strip().lower() not in NOT_ERRORS for e in errors):
            status = "partial_success"  # success means no error item (transform.result, issue 21)
        errors = plain_errors(errors, f"document {doc_id}")
        values: dict[str, Any] = {
            "status": status, "errors_json": json.dumps(errors, ensure_ascii=False), "finished_at": now, "updated_at": now,
            "op": None, "lease_owner": None, "lease_expires": None, "stage": "done" if status != "failure" else "failed",
        }
        if "title" in fields:  # a title set by staff (at upload) stays
            values["title"] = case((DocumentRow.title_by.is_(None), fields.pop("title")), else_=DocumentRow.title)
        for e in errors:  # the full text stays in the log for the administrator; pages show plain words
            log.info("document %s: %s %s in %s: %s", doc_id, e.get("severity", "error"), e.get("code"), e.get("stage"), str(e.get("message"))[:2000])
        for key in ("timings", "artifacts", "languages"):
            if key in fields:
                values[f"{key}_json"] = json.dumps(fields.pop(key), ensure_ascii=False)
        values.update(fields)
        if status in ("success", "partial_success"):
            values["stages_done"] = DocumentRow.stages_total
        with self.db.write() as s:
            res = s.execute(update(DocumentRow).where(DocumentRow.id == doc_id, DocumentRow.lease_owner == owner).values(**values))
            return bool(res.rowcount)

    def cancel_queued(self, doc_id: str) -> None:
        with self.db.write() as s:
            s.execute(update(DocumentRow).where(DocumentRow.id == doc_id, DocumentRow.status == "queued").values(status="cancelled"))

    def mark_completion(self, job_id: str) -> JobRow | None:
        """Return the job once, when its last document finished (webhook trigger)."""
        with self.db.write() as s:
            pending = s.scalar(
                select(func.count()).select_from(DocumentRow).where(DocumentRow.job_id == job_id, DocumentRow.status.not_in(TERMINAL))
            )
            if pending:
                return None
            res = s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.notified.is_(False)).values(notified=True, updated_at=time.time()))
            return s.get(JobRow, job_id) if res.rowcount else None

    def set_webhook(self, job_id: str, state: str, attempts: int, error: str | None = None) -> None:
        with self.db.write() as s:
            s.execute(update(JobRow).where(JobRow.id == job_id).values(webhook_state=state, webhook_attempts=attempts, webhook_error=error))
