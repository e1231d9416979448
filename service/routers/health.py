"""Liveness, readiness (external tools, database, queue) and the engines this installation offers."""

from __future__ import annotations

import time
from typing import Any

import anyio
from fastapi import APIRouter
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
    return checks


@router.get("/ready", response_model=Ready, responses={503: {"model": Ready, "description": "A required part is missing"}},
            summary="Readiness: tools, database and queue")
async def ready(rt: RuntimeDep) -> JSONResponse:
    checks = await anyio.to_thread.run_sync(_checks, rt)
    body = Ready(ready=all(c.ok for c in checks.values()), checks=checks)
    return JSONResponse(body.model_dump(mode="json"), status_code=200 if body.ready else 503)


@router.get("/v1/engines", response_model=Engines, summary="Outputs, simplifiers and speech engines available here")
async def engines() -> Engines:
    regs = await anyio.to_thread.run_sync(registries)
    return Engines(outputs=regs.get("outputs", {}), simplifiers=regs.get("simplifiers", {}), tts=regs.get("tts", {}), braille=regs.get("braille", {}))
