"""Running consumers: embedded in ``taysir serve`` (threads) or standalone (``taysir worker``).

Every consumer process also runs a supervisor thread that
* records the process in the workers table (``/ready`` shows how many are alive),
* hands expired leases back to the queue (documents of a worker that died),
* once at start, re-queues documents the database says are queued but the queue lost.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from typing import TYPE_CHECKING

from huey.consumer import Consumer

from ..storage import is_disk_full
from ..store import owner_id

if TYPE_CHECKING:
    from ..runtime import Runtime

log = logging.getLogger("service.consumer")
RECONCILE_EVERY_S = 15.0


class EmbeddedConsumer(Consumer):
    """A huey consumer that leaves signal handling to its host (uvicorn)."""

    def _set_signal_handlers(self) -> None:
        pass


def make_consumer(rt: Runtime, workers: int, *, embedded: bool) -> Consumer:
    cls = EmbeddedConsumer if embedded else Consumer
    return cls(rt.queue.huey, workers=workers, worker_type="thread", periodic=False, initial_delay=0.05, backoff=1.3,
               max_delay=0.5, check_worker_health=True, health_check_interval=5)


class Supervisor:
    def __init__(self, rt: Runtime, consumer: Consumer | None = None) -> None:
        self.rt = rt
        self.consumer = consumer
        self.worker_id = owner_id("proc-" + uuid.uuid4().hex[:8])
        self.interval = max(0.2, min(rt.settings.lease_s / 3, 5.0))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="taysir-supervisor", daemon=True)

    def start(self) -> None:
        self.rt.store.leases.heartbeat(self.worker_id)
        self.reconcile()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        try:
            self.rt.store.leases.forget(self.worker_id)
        except Exception:  # noqa: BLE001 - best effort at shutdown
            pass

    def reclaim(self) -> int:
        n = 0
        full = not self.rt.storage.report().ok  # then expired documents fail instead of filling the disk again
        for r in self.rt.store.leases.reclaim_expired(self.rt.settings.max_attempts, storage_full=full):
            if r.requeued:
                log.warning("document %s: its worker stopped; %s queued again", r.doc_id, r.op)
                self.rt.queue.enqueue_op(r.op, r.doc_id)
            else:
                log.error("document %s: %s; marked failed", r.doc_id, "the disk is full" if full else "worker lost too many times")
                self._complete(r.doc_id)
            n += 1
        return n

    def _complete(self, doc_id: str) -> None:
        from .tasks import _complete

        row = self.rt.store.documents.get(doc_id)
        if row is not None:
            _complete(self.rt, row.job_id)

    def reconcile(self) -> None:
        """Re-queue what the database expects in the queue but the queue does not hold."""
        self.reclaim()
        try:
            pending = self.rt.queue.pending()
        except Exception as exc:  # noqa: BLE001
            log.warning("cannot read the queue to reconcile: %s", exc)
            return
        for doc_id, op in self.rt.store.leases.queued_ids():
            if (op, doc_id) not in pending:
                log.warning("document %s: %s was not in the queue; queued again", doc_id, op)
                self.rt.queue.enqueue_op(op, doc_id)

    def _loop(self) -> None:
        next_reconcile = time.monotonic() + RECONCILE_EVERY_S
        quiet_until = 0.0
        while not self._stop.wait(self.interval):
            try:
                self.rt.store.leases.heartbeat(self.worker_id)
                self.rt.store.tokens.flush_usage()  # token last-use times, kept off the request path
                if time.monotonic() >= next_reconcile:  # a queue that lost messages (Redis restarted empty)
                    next_reconcile = time.monotonic() + RECONCILE_EVERY_S
                    self.reconcile()  # duplicates are harmless: claims are conditional
                else:
                    self.reclaim()
                if self.consumer is not None and isinstance(self.consumer, EmbeddedConsumer):
                    self.consumer.check_worker_health()
            except Exception as exc:  # noqa: BLE001 - the supervisor must survive a database hiccup
                if is_disk_full(exc):  # one line a minute, not a stack trace every few seconds
                    if time.monotonic() >= quiet_until:
                        quiet_until = time.monotonic() + 60
                        log.warning("the disk is full: the supervisor cannot write to the database (%s); "
                                    "it goes on once space is freed", type(exc).__name__)
                    continue
                log.exception("supervisor iteration failed")


class EmbeddedWorkers:
    """Consumer threads + supervisor inside the API process (``taysir serve``)."""

    def __init__(self, rt: Runtime, workers: int) -> None:
        self.consumer = make_consumer(rt, workers, embedded=True)
        self.supervisor = Supervisor(rt, self.consumer)

    def start(self) -> None:
        self.consumer.start()
        self.supervisor.start()

    def stop(self) -> None:
        self.supervisor.stop()
        self.consumer.stop(graceful=False)
        for _, t in self.consumer.worker_threads:
            t.join(2)
