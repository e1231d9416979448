"""Run one document in a child process: hard timeout, cancellation, progress and lease heartbeats.

Children are forked from a *fork server* that preloaded the library, so a document starts in
milliseconds yet runs isolated: a timeout or cancellation kills the child (and its tools), and a
crash in a native library (liblouis, ffmpeg...) cannot take the worker down.

Two hard limits of the machine are handled here (issue 21):

* **Memory**: a child killed by the kernel (SIGKILL: the out-of-memory killer) or out of its
  address-space limit is run once more with a smaller memory plan (:mod:`.memplan`); if that dies
  too, the document fails with ``too_large_for_server`` and what to do.
* **Disk**: no conversion starts when the data directory's disk is under its free-space reserve
  (:mod:`service.storage`); one that brings it under half the reserve is stopped; one whose outputs
  hit a full disk has its files removed. Each fails with ``storage_full`` and is not retried.
"""

from __future__ import annotations

import logging
import multiprocessing
import shutil
import threading
import time
from collections.abc import Callable
from typing import Any

from transform.errors import TransformError

from .. import storage as storage_guard
from .memplan import PLAN_NOTE, killed_by_kernel, low_memory_main, ran_out_of_memory, smaller_plan

log = logging.getLogger("service.runner")
_CTX_LOCK = threading.Lock()
_CTX: Any = None
FULL_DISK_WORDS = ("disk is full", "no space left", "errno 28", "database or disk is full")


class JobTimeout(TransformError):
    http_status, code = 503, "timeout"


class JobCancelled(Exception):
    """The document was deleted, cancelled or taken over by another worker."""


class ChildCrashed(TransformError):
    http_status, code = 500, "worker_crashed"


class StorageFull(ChildCrashed):
    """The disk under the data directory is (nearly) full: the document fails and is not retried."""

    http_status, code = 507, "storage_full"


class TooLargeForServer(ChildCrashed):
    """The conversion ran out of memory twice, the second time with the smaller memory plan."""

    http_status, code = 507, "too_large_for_server"


class _MemoryDeath(Exception):
    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def mp_context() -> Any:
    global _CTX
    with _CTX_LOCK:
        if _CTX is None:
            methods = multiprocessing.get_all_start_methods()
            if "forkserver" in methods:
                ctx: Any = multiprocessing.get_context("forkserver")
                ctx.set_forkserver_preload(["service.queue.preload"])
            else:  # pragma: no cover - not Linux
                ctx = multiprocessing.get_context("spawn")
            _CTX = ctx
        return _CTX


def run_in_child(
    kind: str,
    payload: dict[str, Any],
    *,
    timeout: float,
    on_stage: Callable[[str], None],
    heartbeat: Callable[[], bool],
    heartbeat_every: float,
) -> dict[str, Any]:
    """Run ``service.queue.child.child_main`` and return its result message.

    Raises :class:`JobTimeout`, :class:`JobCancelled` (``heartbeat()`` returned False),
    :class:`StorageFull`, :class:`TooLargeForServer` or :class:`ChildCrashed` (the child died
    without answering).
    """
    from .child import child_main

    out_dir = payload.get("out_dir")
    guard = storage_guard.for_path(out_dir) if out_dir else None
    if guard is not None and not guard.report().ok:
        raise StorageFull("The server's disk is nearly full: the document was not converted.",
                          hint="Ask an administrator to free space (delete old jobs), then submit the document again.")
    args = (kind, timeout, on_stage, heartbeat, heartbeat_every, guard)
    try:
        return _run_once(child_main, payload, *args)
    except _MemoryDeath as death:
        log.warning("%s of %s: the conversion process %s; trying once more with a smaller memory plan", kind, out_dir, death.why)
    _clean(out_dir)
    try:
        result = _run_once(low_memory_main, smaller_plan(payload), *args)
    except _MemoryDeath as death:
        log.error("%s of %s: the conversion process %s again, with the smaller memory plan: given up", kind, out_dir, death.why)
        _clean(out_dir)
        raise TooLargeForServer(
            "This document is too large for this server: its conversion ran out of memory twice, the second time with a "
            "smaller memory plan (one thread, OCR one page at a time).",
            hint="Split it into smaller files (fewer pages), ask for fewer outputs, or ask the administrator for more memory "
                 "(the machine's RAM, TAYSIR_WORKER_MEM_MB).",
        ) from None
    if result.get("ok"):
        result.setdefault("errors", []).append(
            {"stage": "convert", "code": "low_memory_plan", "severity": "warning", "message": PLAN_NOTE, "hint": None})
    return result


def _run_once(target: Callable[..., None], payload: dict[str, Any], kind: str, timeout: float, on_stage: Callable[[str], None],
              heartbeat: Callable[[], bool], heartbeat_every: float, guard: storage_guard.Storage | None) -> dict[str, Any]:
    ctx = mp_context()
    parent_conn, child_conn = ctx.Pipe(duplex=True)
    proc = ctx.Process(target=target, args=(child_conn, kind, payload), daemon=True, name=f"taysir-{kind}")
    proc.start()
    child_conn.close()
    deadline = time.monotonic() + timeout
    next_beat = time.monotonic() + heartbeat_every
    result: dict[str, Any] | None = None
    try:
        while result is None:
            try:
                if parent_conn.poll(min(0.5, heartbeat_every)):
                    kind_, value = parent_conn.recv()
                    if kind_ == "stage":
                        on_stage(value)
                    elif kind_ == "result":
                        result = value
                    continue
            except EOFError:
                break
            now = time.monotonic()
            if now > deadline:
                raise JobTimeout(
                    f"The document took longer than the limit of {timeout:.0f} s and was stopped.",
                    hint="Ask for fewer outputs, split the document, or raise TAYSIR_JOB_TIMEOUT_S.",
                )
            if now > next_beat:
                next_beat = now + heartbeat_every
                if not heartbeat():
                    raise JobCancelled()
            if guard is not None and guard.report().free < guard.reserve // 2:
                proc.kill()
                _clean(payload.get("out_dir"))
                log.error("%s of %s stopped: the disk fell under half its free-space reserve", kind, payload.get("out_dir"))
                raise StorageFull(
                    "The server's disk became full while this document was converted: the conversion was stopped and its files removed.",
                    hint="Ask an administrator to free space (delete old jobs), then submit the document again.",
                )
            if not proc.is_alive() and not parent_conn.poll(0):
                break
    finally:
        if result is None and proc.is_alive():
            proc.kill()
        proc.join(5)
        parent_conn.close()
    if result is None:
        if killed_by_kernel(proc.exitcode):
            raise _MemoryDeath("was killed by the kernel (SIGKILL: most likely out of memory)")
        raise ChildCrashed(
            f"The conversion process ended without a result (exit code {proc.exitcode}).",
            hint="It may have run out of memory or hit a crash in an external tool; see the worker log.",
        )
    if ran_out_of_memory(result):
        raise _MemoryDeath("ran out of memory (its address-space limit)")
    if _hit_full_disk(result, guard):
        _clean(payload.get("out_dir"))
        log.error("%s of %s: the disk filled up; the attempt's files were removed", kind, payload.get("out_dir"))
        raise StorageFull(
            "The server's disk became full while this document was converted: its files were removed.",
            hint="Ask an administrator to free space (delete old jobs), then submit the document again.",
        )
    return result


def _hit_full_disk(result: dict[str, Any], guard: storage_guard.Storage | None) -> bool:
    errors = [result["error"]] if not result.get("ok") else [e for e in result.get("errors", []) if e.get("severity", "error") == "error"]
    if not errors:
        return False
    said = any(w in str(e.get("message", "")).lower() for e in errors for w in FULL_DISK_WORDS)
    return said or (guard is not None and not guard.report().ok)


def _clean(out_dir: str | None) -> None:
    if out_dir:
        shutil.rmtree(out_dir, ignore_errors=True)
