"""HTTP errors. Every error body is ``{"error": {"code", "message", "hint"}}``.

Service problems are :class:`transform.errors.TransformError` subclasses too, so ONE handler
maps library and service errors alike through their ``http_status`` and ``code``::

    TransformError (transform.errors)         http  code
    ├── ... library errors                     400/415/422/500/502/503
    └── ServiceError
        ├── BadRequest                          400  bad_request (too_many_files, bad_upload...)
        ├── Unauthorized                        401  unauthorized
        ├── NotFound                            404  not_found (no_draft...)
        ├── Conflict                            409  conflict (wrong_state, render_pending, busy...)
        ├── PayloadTooLarge                     413  too_large
        ├── Unprocessable                       422  invalid (review_invalid, webhook_refused...)
        ├── QueueFull                           429  queue_full
        ├── Unavailable                         503  unavailable (timeout...)
        └── InsufficientStorage                 507  storage_full
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from transform.errors import TransformError

log = logging.getLogger("service.errors")


class ServiceError(TransformError):
    http_status = 500
    code = "service_error"

    def __init__(self, message: str, *, hint: str | None = None, code: str | None = None,
                 details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message, hint=hint)
        if code:
            self.code = code
        self.details = details
        self.headers = headers


class BadRequest(ServiceError):
    http_status, code = 400, "bad_request"


class Unauthorized(ServiceError):
    http_status, code = 401, "unauthorized"


class NotFound(ServiceError):
    http_status, code = 404, "not_found"


class Conflict(ServiceError):
    http_status, code = 409, "conflict"


class PayloadTooLarge(ServiceError):
    http_status, code = 413, "too_large"


class RangeNotSatisfiable(ServiceError):
    http_status, code = 416, "range_not_satisfiable"


class Unprocessable(ServiceError):
    http_status, code = 422, "invalid"


class QueueFull(ServiceError):
    http_status, code = 429, "queue_full"


class Unavailable(ServiceError):
    http_status, code = 503, "unavailable"


class RequestTimeout(ServiceError):
    http_status, code = 408, "request_timeout"


class InsufficientStorage(ServiceError):
    http_status, code = 507, "storage_full"


# -- response models for OpenAPI ---------------------------------------------------------------
class ErrorDetail(BaseModel):
    code: str
    message: str
    hint: str | None = None
    details: list[dict[str, Any]] | None = None


class ErrorResponse(BaseModel):
    error: ErrorDetail


_DESCRIPTIONS = {
    400: "Bad request (options, form fields, too many files)",
    401: "Missing or invalid staff token",
    404: "Not found",
    409: "Not allowed in the current state",
    413: "Upload too large",
    415: "Unsupported document format (checked by content)",
    416: "Requested range not satisfiable",
    422: "Invalid input (validation, review problems, refused webhook)",
    429: "Queue full: retry later",
    503: "Not ready, or the synchronous conversion timed out",
    507: "The server's disk is nearly full: nothing was stored",
}


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each error status documented with the error model."""
    return {c: {"model": ErrorResponse, "description": _DESCRIPTIONS.get(c, "Error")} for c in codes}


def error_body(code: str, message: str, hint: str | None = None, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    err: dict[str, Any] = {"code": code, "message": message, "hint": hint}
    if details:
        err["details"] = details
    return {"error": err}


async def _transform_error(_req: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TransformError)
    if exc.http_status >= 500:
        log.warning("%s: %s", exc.code, exc.message)
    headers = getattr(exc, "headers", None)
    return JSONResponse(error_body(exc.code, exc.message, exc.hint, getattr(exc, "details", None)), status_code=exc.http_status, headers=headers)


async def _validation_error(_req: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [{"loc": list(e.get("loc", ())), "message": e.get("msg", "")} for e in exc.errors()]
    first = details[0] if details else {"loc": [], "message": "invalid"}
    msg = f"Invalid request: {'.'.join(str(p) for p in first['loc'])}: {first['message']}"
    return JSONResponse(error_body("invalid_request", msg, "Check the API reference at /docs.", details), status_code=422)


_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized", 400: "bad_request"}


async def _http_error(_req: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
    return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code, headers=getattr(exc, "headers", None))


async def _maybe_disk_full(_req: Request, exc: Exception) -> JSONResponse:
    """OSError and database errors: a full disk is a 507 with a plain message; anything else is unexpected."""
    from .storage import is_disk_full

    if not is_disk_full(exc):
        raise exc
    log.warning("storage_full: %s: %s", type(exc).__name__, exc)
    return JSONResponse(error_body("storage_full", "The server's disk is full: the request could not be completed.",
                                   "Try again later. An administrator must free space (delete old jobs) or enlarge the disk."),
                        status_code=507)


async def _unexpected(_req: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return JSONResponse(error_body("internal_error", "Something went wrong on the server.", "Try again; if it persists, see the server log."), status_code=500)


def install(app: FastAPI) -> None:
    from sqlalchemy.exc import OperationalError

    app.add_exception_handler(TransformError, _transform_error)
    app.add_exception_handler(OSError, _maybe_disk_full)
    app.add_exception_handler(OperationalError, _maybe_disk_full)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
