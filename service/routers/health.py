"""Liveness, readiness (external tools, database, queue) and the engines this installation offers."""

from __future__ import annotations

import time
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

import transform
from transform.doctor import registries, report

from ..deps import RuntimeDep
from ..runtime import Runtime
from ..schemas import Check, Engines, Health, Ready

router = APIRouter(tags=["health"])
TOOLS_TTL_S = 30.0
_tools_cache: dict[str, Any] = {}


@router.get("/health", response_model=Health, summary="Liveness: the process answers")
async def health() -> Health:
    return Health(version=transform.__version__)


def _tools() -> dict[str, Check]:
    now = time.monotonic()
    if _tools_cache.get("at", -1e9) + TOOLS_TTL_S < now:
        _tools_cache["value"] = {name: Check(ok=bool(i.get("ok")), version=i.get("version"), detail=i.get("detail")) for name, i in report().items()}
        _tools_cache["at"] = now
    return dict(_tools_cache["value"])


def _checks(rt: Runtime) -> dict[str, Check]:
    checks = _tools()
    try:
        rt.store.db.ping()
        checks["database"] = Check(ok=True, version=rt.store.db.engine.dialect.name)
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        checks["database"] = Check(ok=False, detail=f"{type(exc).__name__}: {exc}")
    try:
        depth = rt.queue.depth()
        workers = rt.store.leases.live_workers(within_s=max(3 * rt.settings.lease_s, 15))
        detail = f"{depth} waiting, {workers} worker process(es) seen" + ("" if workers else "; jobs wait until a worker starts")
        checks["queue"] = Check(ok=True, version="redis" if rt.settings.redis_url else "sqlite", detail=detail)
    except Exception as exc:  # noqa: BLE001
        checks["queue"] = Check(ok=False, detail=f"{type(exc).__name__}: {exc}")
    space = rt.storage.report()
    checks["storage"] = Check(ok=space.ok, detail=f"{space.describe()} (on {space.path})" + (
        "" if space.ok else "; uploads are refused and conversions do not start: delete old jobs or enlarge the disk"))
    return checks


# What anyone may learn from /ready: which part is not working, never versions, paths or errors.
PUBLIC_PROBLEM = {"storage": "the disk is nearly full: uploads are refused", "database": "not reachable", "queue": "not reachable"}


def _public(name: str, check: Check) -> Check:
    return Check(ok=check.ok, detail=None if check.ok else PUBLIC_PROBLEM.get(name, "not available"))


async def _is_staff(request: Request, rt: Runtime) -> bool:
    auth = request.headers.get("authorization", "")
    scheme, _, secret = auth.partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        return False
    return bool(rt.store.tokens.peek(secret) or await anyio.to_thread.run_sync(rt.store.tokens.verify, secret))


@router.get("/ready", response_model=Ready, responses={503: {"model": Ready, "description": "A required part is missing"}},
            summary="Readiness: tools, database, queue and disk space")
async def ready(rt: RuntimeDep, request: Request) -> JSONResponse:
    """Anyone sees which parts work; with a staff token, also tool versions and details."""
    checks = await anyio.to_thread.run_sync(_checks, rt)
    if not await _is_staff(request, rt):
        checks = {name: _public(name, c) for name, c in checks.items()}
    body = Ready(ready=all(c.ok for c in checks.values()), checks=checks)
    return JSONResponse(body.model_dump(mode="json"), status_code=200 if body.ready else 503)


@router.get("/v1/engines", response_model=Engines, summary="Outputs, simplifiers and speech engines available here")
async def engines() -> Engines:
    regs = await anyio.to_thread.run_sync(registries)
    return Engines(outputs=regs.get("outputs", {}), simplifiers=regs.get("simplifiers", {}), tts=regs.get("tts", {}), braille=regs.get("braille", {}))
