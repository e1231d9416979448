"""The huey instance (SqliteHuey under the data dir, or RedisHuey) and the task names.

The same three tasks are registered whatever the storage, so ``taysir serve`` (embedded
consumer) and ``taysir worker`` processes run identical code. Task state is never kept in
huey: the database is the source of truth, huey only carries "work on document X" messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from huey import RedisHuey, SqliteHuey
from huey.api import Huey

if TYPE_CHECKING:
    from ..runtime import Runtime

CONVERT, RENDER, WEBHOOK = "taysir.convert", "taysir.render", "taysir.webhook"


def make_huey(runtime: Runtime) -> Huey:
    s = runtime.settings
    if s.redis_url:
        from redis import ConnectionPool

        pool = ConnectionPool.from_url(s.redis_url, socket_timeout=10, socket_connect_timeout=5)
        return RedisHuey(s.queue_name, connection_pool=pool, results=False, utc=True, blocking=True, read_timeout=1)
    return SqliteHuey(s.queue_name, filename=str(runtime.store.data_dir / "queue.sqlite3"), results=False, utc=True, timeout=30)


class TaskQueue:
    """Enqueue work; the task bodies live in :mod:`service.queue.tasks`."""

    def __init__(self, runtime: Runtime) -> None:
        from . import tasks

        self.runtime = runtime
        self.huey = make_huey(runtime)
        h = self.huey
        s = runtime.settings

        @h.task(name=CONVERT, retries=2, retry_delay=2)
        def convert(doc_id: str) -> None:
            tasks.convert_document(runtime, doc_id)

        @h.task(name=RENDER, retries=2, retry_delay=2)
        def render(doc_id: str) -> None:
            tasks.render_document(runtime, doc_id)

        @h.task(name=WEBHOOK, retries=s.webhook_retries, retry_delay=s.webhook_backoff_s, retry_backoff=2, context=True)
        def webhook(job_id: str, task: Any = None) -> None:
            tasks.deliver_webhook(runtime, job_id, retries_left=task.retries if task is not None else 0)

        self._tasks = {CONVERT: convert, RENDER: render, WEBHOOK: webhook}

    def convert(self, doc_id: str) -> None:
        self._tasks[CONVERT](doc_id)

    def render(self, doc_id: str) -> None:
        self._tasks[RENDER](doc_id)

    def webhook(self, job_id: str) -> None:
        self._tasks[WEBHOOK](job_id)

    def enqueue_op(self, op: str, doc_id: str) -> None:
        (self.render if op == "render" else self.convert)(doc_id)

    def pending(self) -> set[tuple[str, str]]:
        """(op, document id) of the messages waiting in the queue."""
        out: set[tuple[str, str]] = set()
        for task in self.huey.pending():
            op = {CONVERT: "convert", RENDER: "render"}.get(getattr(task, "name", ""))
            args = task.data[0] if getattr(task, "data", None) else ()
            if op and args:
                out.add((op, str(args[0])))
        return out

    def depth(self) -> int:
        return int(self.huey.pending_count())

    def close(self) -> None:
        try:
            self.huey.storage.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass
