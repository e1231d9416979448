"""What runs inside the per-document child process (forked from a server that preloaded this module).

The child calls the library (``transform.convert``, or the review API's ``render_reviewed`` for a
reviewed draft), reports stages through its pipe, and sends back one result message (the
artefacts as the library's ``Artifact`` models, and the Darija text to review as the library's
``draft_of`` gives it). It exits by itself when the pipe to its parent closes (the worker died),
so an orphan never keeps writing.
"""

from __future__ import annotations

import logging
import os
import resource
import threading
import traceback
from pathlib import Path
from typing import Any

from transform import TransformOptions, convert
from transform.errors import TransformError
from transform.model import Document
from transform.render import RENDERERS
from transform.result import ConversionResult
from transform.simplify.review_render import draft_of, render_reviewed

from ..store.memory import open_memory

DRAFT_LANG = "ary"  # the language of the text staff review


def preload() -> None:
    try:
        RENDERERS.names()  # import every renderer module once, in the fork server
    except Exception as exc:  # noqa: BLE001 - a broken feature module must not stop the service; jobs report it
        logging.getLogger("service.child").warning("some renderers could not be loaded: %s", exc)


class PipeProgress:
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def stage(self, source: str, stage: str, detail: str = "") -> None:
        self._send(("stage", stage))

    def document_done(self, source: str, status: str) -> None:
        pass

    def _send(self, msg: tuple[str, Any]) -> None:
        try:
            self.conn.send(msg)
        except (BrokenPipeError, OSError):
            os._exit(70)


def _watch_parent(conn: Any) -> None:
    while True:
        try:
            if conn.poll(1.0):  # the parent never writes: readable means EOF, the parent is gone
                os._exit(70)
        except (EOFError, OSError):
            os._exit(70)


def summarise(result: ConversionResult) -> dict[str, Any]:
    doc = result.document
    return {
        "status": result.status.value,
        "output_dir": result.output_dir,
        "artifacts": list(result.artifacts),  # Artifact models (pickled through the pipe)
        "errors": [e.model_dump() for e in result.errors],
        "timings": result.timings,
        "title": doc.meta.title if doc else None,
        "page_count": doc.meta.page_count if doc else None,
    }


def child_main(conn: Any, kind: str, payload: dict[str, Any]) -> None:
    nice = int(payload.get("nice", 0))
    if nice:
        try:
            os.nice(nice)  # batch work yields the CPU to the API process
        except OSError:
            pass
    mem_mb = int(payload.get("mem_mb", 0))
    if mem_mb:  # a hostile file must not exhaust the machine: past this, allocation fails (MemoryError or a crash)
        _, hard = resource.getrlimit(resource.RLIMIT_AS)  # soft limit only: tools may still set their own (_exec.run)
        soft = mem_mb * 1024 * 1024 if hard == resource.RLIM_INFINITY else min(mem_mb * 1024 * 1024, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    threading.Thread(target=_watch_parent, args=(conn,), daemon=True).start()
    progress = PipeProgress(conn)
    try:
        options = TransformOptions.model_validate_json(payload["options"])
        if kind == "convert":
            memory = open_memory(payload["db_url"]) if payload.get("db_url") else None  # translation memory and term base
            result = convert(Path(payload["source"]), options, payload["out_dir"], progress=progress, raises_on_error=False, memory=memory)
            draft = draft_of(result, DRAFT_LANG) if result.document is not None else None
            extra = {"draft": draft.model_dump_json() if draft is not None else None}
        else:  # the service keeps the approval in its database: drafts are rendered for staff to check too
            doc = Document.model_validate_json(payload["document"])
            result = render_reviewed(doc, options, payload["out_dir"], stem=payload["stem"], approved_only=False)
            extra = {}
        msg: dict[str, Any] = {"ok": True, **summarise(result), **extra}
    except TransformError as exc:
        msg = {"ok": False, "error": exc.to_dict()}
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, never a silent death
        msg = {"ok": False, "error": {"code": "internal_error", "message": f"{type(exc).__name__}: {exc}", "hint": None},
               "trace": traceback.format_exc()[-4000:]}
    progress._send(("result", msg))
    conn.close()
