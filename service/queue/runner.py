"""Run one document in a child process: hard timeout, cancellation, progress and lease heartbeats.

Children are forked from a *fork server* that preloaded the library, so a document starts in
milliseconds yet runs isolated: a timeout or cancellation kills the child (and its tools), and a
crash in a native library (liblouis, ffmpeg...) cannot take the worker down.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from typing import Any

from transform.errors import TransformError

_CTX_LOCK = threading.Lock()
_CTX: Any = None


class JobTimeout(TransformError):
    http_status, code = 503, "timeout"


class JobCancelled(Exception):
    """The document was deleted, cancelled or taken over by another worker."""


class ChildCrashed(TransformError):
    http_status, code = 500, "worker_crashed"


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

    Raises :class:`JobTimeout`, :class:`JobCancelled` (``heartbeat()`` returned False) or
    :class:`ChildCrashed` (the child died without answering).
    """
    from .child import child_main

    ctx = mp_context()
    parent_conn, child_conn = ctx.Pipe(duplex=True)
    proc = ctx.Process(target=child_main, args=(child_conn, kind, payload), daemon=True, name=f"taysir-{kind}")
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
            if not proc.is_alive() and not parent_conn.poll(0):
                break
    finally:
        if result is None and proc.is_alive():
            proc.kill()
        proc.join(5)
        parent_conn.close()
    if result is None:
        raise ChildCrashed(
            f"The conversion process ended without a result (exit code {proc.exitcode}).",
            hint="It may have run out of memory or hit a crash in an external tool; see the worker log.",
        )
    return result
