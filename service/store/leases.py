"""Leases and workers: how a document whose worker died goes back to the queue.

huey removes a message from the queue when a consumer takes it, so a consumer killed in the
middle of a task loses that message. Each running document therefore carries a lease that its
worker renews; every consumer runs a reaper that hands expired leases back to the queue (or
fails the document after ``max_attempts``). A lease held by a dead process on this host is
treated as expired at once.
"""

from __future__ import annotations

import json
import os
import socket
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update

from .db import Database
from .tables import DocumentRow, WorkerRow


def owner_id(tag: str) -> str:
    """``host:pid:tag``: unique per consumer thread, and tells whether its process is alive."""
    return f"{socket.gethostname()}:{os.getpid()}:{tag}"


def owner_dead(owner: str | None) -> bool:
    if not owner:
        return False
    parts = owner.split(":")
    if len(parts) < 2 or parts[0] != socket.gethostname():
        return False
    try:
        pid = int(parts[1])
    except ValueError:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


@dataclass
class Reclaimed:
    doc_id: str
    op: str  # "convert" or "render"
    requeued: bool  # False: attempts exhausted, the document failed


class LeaseRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def reclaim_expired(self, max_attempts: int, *, storage_full: bool = False) -> list[Reclaimed]:
        """Put documents whose lease expired (or whose owner died) back in the queue.

        With ``storage_full`` (the disk is under its reserve), they fail instead: run again, they
        would only fill the disk once more (issue 21 item 3)."""
        now = time.time()
        with self.db.read() as s:
            rows = list(s.execute(select(DocumentRow.id, DocumentRow.op, DocumentRow.lease_owner, DocumentRow.lease_expires, DocumentRow.attempts)
                                  .where(DocumentRow.lease_owner.is_not(None))))
        out: list[Reclaimed] = []
        for doc_id, op, owner, expires, attempts in rows:
            if not ((expires is not None and expires < now) or owner_dead(owner)):
                continue
            with self.db.write() as s:
                base = update(DocumentRow).where(DocumentRow.id == doc_id, DocumentRow.lease_owner == owner)
                values: dict[str, Any]
                if op == "render":
                    values = {"render_state": "failed", "render_error": STORAGE_FULL["message"]} if storage_full else {"render_state": "queued"}
                    requeue = not storage_full
                elif storage_full:
                    values = {"status": "failure", "stage": "failed", "finished_at": now, "errors_json": json.dumps([STORAGE_FULL])}
                    requeue = False
                elif attempts >= max_attempts:
                    values = {"status": "failure", "stage": "failed", "finished_at": now, "errors_json": _lost_error(attempts)}
                    requeue = False
                else:
                    values = {"status": "queued", "stage": "requeued", "enqueued_at": now}
                    requeue = True
                res = s.execute(base.values(op=None, lease_owner=None, lease_expires=None, updated_at=now, **values))
            if res.rowcount:
                out.append(Reclaimed(doc_id, op or "convert", requeue))
        return out

    def queued_ids(self) -> list[tuple[str, str]]:
        """(document id, op) of everything that should be in the queue."""
        with self.db.read() as s:
            conv = [(i, "convert") for i in s.scalars(select(DocumentRow.id).where(DocumentRow.status == "queued", DocumentRow.cancel_requested.is_(False)))]
            rend = [(i, "render") for i in s.scalars(select(DocumentRow.id).where(DocumentRow.render_state == "queued"))]
        return conv + rend

    # -- worker registry (for /ready) --------------------------------------------------------
    def heartbeat(self, worker_id: str) -> None:
        now = time.time()
        host, pid = worker_id.split(":")[:2]
        with self.db.write() as s:
            res = s.execute(update(WorkerRow).where(WorkerRow.id == worker_id).values(last_seen=now))
            if not res.rowcount:
                s.add(WorkerRow(id=worker_id, host=host, pid=int(pid), started_at=now, last_seen=now))

    def forget(self, worker_id: str) -> None:
        with self.db.write() as s:
            s.execute(delete(WorkerRow).where(WorkerRow.id == worker_id))

    def live_workers(self, within_s: float) -> int:
        with self.db.read() as s:
            return len(list(s.scalars(select(WorkerRow.id).where(WorkerRow.last_seen > time.time() - within_s))))


STORAGE_FULL = {
    "stage": "worker", "code": "storage_full", "severity": "error",
    "message": "The server's disk is full: the conversion of this document was stopped and will not be retried.",
    "hint": "Ask an administrator to free space (delete old jobs), then submit the document again.",
}


def _lost_error(attempts: int) -> str:
    return json.dumps([{
        "stage": "worker", "code": "worker_lost", "severity": "error",
        "message": f"The worker converting this document stopped {attempts} times; the document was given up.",
        "hint": "Check the worker logs (memory, crashes) and submit the document again.",
    }])
