"""The smaller memory plan of a conversion that the kernel killed (issue 21 item 8).

A conversion process killed by SIGKILL without answering was, on a server, almost always chosen by
the kernel's out-of-memory killer (the other causes, a timeout or a cancellation, are ours and
known). It is run once more with a plan that needs less memory: one CPU and one OCR thread (pages
are OCR'd one at a time, with one rendered page waiting at most), single-threaded OpenMP and
BLAS in the tools, fewer malloc arenas. If that one dies too, the document is reported as too large
for this server, with what to do. The plan is applied in the child, before the library runs, without
changing the library: ``low_memory_main`` is the child's entry point instead of ``child_main``.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from typing import Any

LOW_MEMORY_ENV = {"OMP_THREAD_LIMIT": "1", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                  "MALLOC_ARENA_MAX": "2"}
OCR_MODULES = ("transform.ocr.pages", "transform.ocr.image")
M_ARENA_MAX = -8  # glibc mallopt parameter
PLAN_NOTE = ("The first conversion of this document ran out of memory; it was converted again with a smaller memory plan "
             "(one thread, OCR one page at a time).")


def smaller_plan(payload: dict[str, Any]) -> dict[str, Any]:
    return {**payload, "low_memory": True}


def low_memory_main(conn: Any, kind: str, payload: dict[str, Any]) -> None:
    """Child entry point: apply the smaller plan, then run the normal child."""
    apply_low_memory_plan()
    from .child import child_main

    child_main(conn, kind, payload)


def apply_low_memory_plan() -> None:
    os.environ.update(LOW_MEMORY_ENV)  # read by the tools this process starts (tesseract, pandoc, ffmpeg)
    try:
        ctypes.CDLL(None).mallopt(M_ARENA_MAX, 2)  # this process's own allocator
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        pass
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        except OSError:  # pragma: no cover
            pass
    for name in OCR_MODULES:  # the OCR thread pools size themselves with workers(): one page at a time
        module = sys.modules.get(name)
        if module is None:
            try:
                __import__(name)
                module = sys.modules.get(name)
            except Exception:  # noqa: BLE001 - a build without OCR
                module = None
        if module is not None and callable(getattr(module, "workers", None)):
            module.workers = lambda: 1  # type: ignore[attr-defined]


def killed_by_kernel(exitcode: int | None) -> bool:
    """A child that died of SIGKILL we did not send: the out-of-memory killer (or an operator)."""
    return exitcode == -signal.SIGKILL


def ran_out_of_memory(result: dict[str, Any] | None) -> bool:
    """A child that answered that it could not allocate (its address-space limit, MemoryError)."""
    if not result or result.get("ok"):
        return False
    err = result.get("error") or {}
    return err.get("code") == "too_large" or str(err.get("message", "")).startswith("MemoryError")
