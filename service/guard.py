"""The request guard: body limits and read deadlines on every request, before any route runs.

One ASGI middleware, outermost in the app, so it applies to every route and comes before
authentication, CSRF checks and form parsing (issue 21 item 1):

* **Body limits**, by route class: uploads (``POST /v1/jobs``, ``/v1/convert``, ``/staff/upload``) get
  ``TAYSIR_MAX_UPLOAD_MB``; reviewed texts (``PUT``/``PATCH /v1/documents/{id}/draft``, the review
  page's forms) and memory/term imports (``POST /v1/memory/import``, ``/v1/terms/import``) ``TAYSIR_MAX_JSON_MB``; every other request ``TAYSIR_MAX_FORM_KB`` (sign-in and
  sign-out forms are a few hundred bytes). A declared ``Content-Length`` over the limit is answered
  413 without reading a byte; a body that grows past it (chunked, or lying) is cut at the limit.
* **Read deadlines**: a body that stalls ``TAYSIR_BODY_IDLE_TIMEOUT_S``, or that arrives slower
  than ``TAYSIR_BODY_MIN_RATE_KBS`` on average once ``TAYSIR_BODY_GRACE_S`` have passed, is
  answered 408. (Slow *headers* never reach ASGI: ``service/httpserver.py`` times them out.)
* **Cut connections**: a client that goes away in the middle of its request is one log line, never
  a stack trace.

Answers it makes itself close the connection (``Connection: close``), so the rest of an
oversized body is never read.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from starlette.requests import ClientDisconnect

from .errors import PayloadTooLarge, RequestTimeout, ServiceError, error_body

log = logging.getLogger("service.guard")
KiB, MiB = 1024, 1024 * 1024
UPLOAD_ROUTES = ("/v1/jobs", "/v1/convert", "/staff/upload")
IMPORT_ROUTES = ("/v1/memory/import", "/v1/terms/import")  # TMX/TSV/TBX files (service/routers/memory.py): MAX_JSON_MB
FRAMING = 64 * KiB  # multipart framing and the small fields around the files


def body_limit(method: str, path: str, settings: Any) -> tuple[int, str]:
    """(largest body in bytes, what the limit is called) for a request."""
    if (method == "POST" and path in UPLOAD_ROUTES) or (method == "PUT" and path.startswith("/v1/documents/") and "/signed-video/" in path):
        return settings.max_upload_bytes + FRAMING, f"{settings.max_upload_mb:g} MiB"
    if (method in ("PUT", "PATCH") and path.startswith("/v1/documents/") and path.endswith("/draft")) or (
            method == "POST" and (path.startswith("/staff/documents/") or path in IMPORT_ROUTES)):
        return int(settings.max_json_mb * MiB), f"{settings.max_json_mb:g} MiB"
    return int(settings.max_form_kb * KiB), f"{settings.max_form_kb:g} KiB"


class _Body:
    """Bytes received so far and the deadline of the next read."""

    def __init__(self, limit: int, settings: Any) -> None:
        self.limit = limit
        self.idle = settings.body_idle_timeout_s
        self.rate = settings.body_min_rate_kbs * KiB
        self.grace = settings.body_grace_s
        self.start = time.monotonic()
        self.received = 0
        self.done = False
        self.disconnected = False
        self.tripped: ServiceError | None = None

    def timeout(self) -> float:
        wait = self.idle
        if self.rate > 0:  # the read must end before the average rate falls under the minimum
            wait = min(wait, self.start + self.grace + self.received / self.rate - time.monotonic())
        return wait


class RequestGuard:
    """ASGI middleware (see the module docstring). Settings come from the app's runtime."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        runtime = getattr(getattr(scope.get("app"), "state", None), "runtime", None)
        if scope["type"] != "http" or runtime is None:
            await self.app(scope, receive, send)
            return
        declared, chunked = _body_headers(scope)
        if not declared and not chunked:  # nothing to read (status polls, downloads): no wrappers on the hot path
            await self.app(scope, receive, send)
            return
        s = runtime.settings
        method, path = scope.get("method", "GET"), scope.get("path", "")
        limit, limit_text = body_limit(method, path, s)
        too_large = PayloadTooLarge(f"The request body is larger than the limit of {limit_text} for this address.",
                                    hint="Send a smaller body (uploads: fewer or smaller files per job).")
        if declared is not None and declared > limit:
            await _answer(send, too_large)
            return
        body = _Body(limit, s)
        started = False

        async def guarded_receive() -> dict[str, Any]:
            if body.tripped is not None:
                raise body.tripped
            if body.done:
                return await receive()  # e.g. waiting for a disconnect: no deadline
            wait = body.timeout()
            try:
                if wait <= 0:
                    raise TimeoutError
                message = await asyncio.wait_for(receive(), wait)
            except TimeoutError:
                body.tripped = RequestTimeout(
                    "The request body arrived too slowly and was refused.",
                    hint="Check the connection and send it again.")
                log.info("%s %s: request body too slow (%d bytes in %.0f s); refused with 408", method, path,
                         body.received, time.monotonic() - body.start)
                raise body.tripped from None
            if message["type"] == "http.request":
                body.received += len(message.get("body", b""))
                if body.received > limit:
                    body.tripped = too_large
                    raise too_large
                if not message.get("more_body", False):
                    body.done = True
            elif message["type"] == "http.disconnect" and not body.disconnected:
                body.disconnected = True
                log.info("%s %s: the client closed the connection%s", method, path,
                         "" if body.done else f" after {body.received} bytes of its request body")
            return message

        async def guarded_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if body.tripped is not None or not body.done:  # do not read the rest of an unread body
                    message = {**message, "headers": [*message.get("headers", []), (b"connection", b"close")]}
            await send(message)

        try:
            await self.app(scope, guarded_receive, guarded_send)
        except Exception as exc:
            if body.disconnected or isinstance(exc, ClientDisconnect):
                if not body.disconnected:
                    log.info("%s %s: the client closed the connection", method, path)
                return  # nobody to answer; already one log line
            if body.tripped is not None and not started:
                await _answer(send, body.tripped)
                return
            raise
        if body.tripped is not None and not started:  # a route swallowed the error without answering
            await _answer(send, body.tripped)


def _body_headers(scope: dict[str, Any]) -> tuple[int | None, bool]:
    """(declared Content-Length, chunked transfer) of a request."""
    declared, chunked = None, False
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                declared = int(value)
            except ValueError:
                declared = None
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
    return declared, chunked


async def _answer(send: Any, exc: ServiceError) -> None:
    payload = json.dumps(error_body(exc.code, exc.message, exc.hint)).encode()
    await send({"type": "http.response.start", "status": exc.http_status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": payload})
