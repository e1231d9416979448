"""Dependencies as ``Annotated`` aliases: the runtime, staff auth, and 404s in one place."""

from __future__ import annotations

import asyncio
from typing import Annotated

import anyio
from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .errors import NotFound, Unauthorized
from .runtime import Runtime
from .settings import ServiceSettings, get_settings
from .store import DocumentRow, JobRow, hash_token


async def get_runtime(request: Request) -> Runtime:  # async: a sync dependency costs a thread hop per request
    return request.app.state.runtime  # type: ignore[no-any-return]


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
SettingsDep = Annotated[ServiceSettings, Depends(get_settings)]
_bearer = HTTPBearer(auto_error=False, description="A staff token from `taysir token create NAME`.")


async def require_staff(request: Request, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> str:
    """The staff token's name; 401 when the token is missing, unknown or revoked."""
    rt: Runtime = request.app.state.runtime  # not RuntimeDep: each sub-dependency costs on the polling path
    challenge = {"WWW-Authenticate": "Bearer"}
    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        raise Unauthorized("A staff token is required.", hint="Send `Authorization: Bearer <token>` (see `taysir token create`).",
                           headers=challenge)
    name = rt.store.tokens.peek(creds.credentials) or await _verify_once(rt, creds.credentials)
    if name is None:
        raise Unauthorized("The token is not valid (unknown or revoked).", hint="Create a new one with `taysir token create NAME`.",
                           headers=challenge)
    return name


_verifying: dict[str, asyncio.Future[str | None]] = {}


async def _verify_once(rt: Runtime, secret: str) -> str | None:
    """Check a token against the database, once at a time per token.

    When a busy token's cache entry expires, every request in flight misses it together; without
    this they would all queue a thread and a query (and the requests arriving meanwhile too),
    which stalled the event loop for hundreds of milliseconds under load.
    """
    key = hash_token(secret)
    pending = _verifying.get(key)
    if pending is None:
        pending = asyncio.ensure_future(anyio.to_thread.run_sync(rt.store.tokens.verify, secret))
        _verifying[key] = pending
        pending.add_done_callback(lambda _f: _verifying.pop(key, None))
    return await asyncio.shield(pending)


StaffDep = Annotated[str, Depends(require_staff)]
JobIdPath = Annotated[str, Path(description="Job id")]
DocIdPath = Annotated[str, Path(description="Document id")]


# Short reads run inline: SQLite in WAL mode never blocks a reader, and a thread hop costs more
# than the query on a loaded machine. Writes (which may wait for the lock) go to threads.
async def valid_job(job_id: JobIdPath, request: Request, _staff: StaffDep) -> tuple[JobRow, list[DocumentRow]]:
    got = request.app.state.runtime.store.jobs.get(job_id)
    if got is None:
        raise NotFound(f"Job {job_id} does not exist.", hint="It may have been deleted; list jobs with GET /v1/jobs.")
    return got


async def valid_document(doc_id: DocIdPath, request: Request, _staff: StaffDep) -> DocumentRow:
    row = request.app.state.runtime.store.documents.get(doc_id)
    if row is None:
        raise NotFound(f"Document {doc_id} does not exist.")
    return row


ValidJobDep = Annotated[tuple[JobRow, list[DocumentRow]], Depends(valid_job)]
ValidDocumentDep = Annotated[DocumentRow, Depends(valid_document)]
