"""The FastAPI application factory.

    from service.app import create_app
    app = create_app()                      # settings from TAYSIR_* environment variables
    app = create_app(ServiceSettings(data_dir=tmp_path, embedded_workers=1))   # tests

The lifespan opens the store and the queue and, when ``embedded_workers`` > 0, runs huey
consumer threads in this process (``taysir serve``); with 0, ``taysir worker`` processes do the work.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import inspect
import logging
import os
import signal
import sys
import warnings
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

import transform
from transform import TransformOptions

from . import errors
from .queue.consumer import EmbeddedWorkers
from .routers import catalogue, convert, documents, health, jobs, signing
from .routers import memory as memory_routes
from .runtime import Runtime
from .settings import ServiceSettings, get_settings

log = logging.getLogger("service")

DESCRIPTION = """Accessible formats (simplified Darija, braille, narration, captioned video, HTML/EPUB) from official documents.

* **Staff** routes need `Authorization: Bearer <token>` (create one with `taysir token create NAME`).
* **Public** routes (`/v1/catalogue`, `/health`, `/ready`, `/v1/engines`) need none and expose only published content.
* Every error is `{"error": {"code", "message", "hint"}}` with a stable `code`.
"""

TAGS = [
    {"name": "jobs", "description": "Submit documents, follow progress, download results."},
    {"name": "review", "description": "Darija drafts: review, re-render, approve, publish."},
    {"name": "memory", "description": "Translation memory (approved segments, TMX/TSV) and term base (the glossary the drafts use)."},
    {"name": "public", "description": "The public catalogue of published documents (no token)."},
    {"name": "health", "description": "Probes and engine listing."},
]


# FastAPI's built-in OpenTelemetry hooks look at the environment on every request (about a tenth
# of the CPU of a status poll); Taysir exports no telemetry, so they are off where they exist.
_NO_TELEMETRY: dict[str, Any] = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters else {}
)


def _operation_id(route: APIRoute) -> str:
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    """Build the app with ``settings``, or (when None) with ``get_settings()`` resolved at startup,
    so a test may set ``app.dependency_overrides[get_settings]`` before starting the lifespan."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        nonlocal settings
        if settings is None:
            settings = app.dependency_overrides.get(get_settings, get_settings)()
        rt = Runtime(settings)
        app.state.runtime = rt
        from .web.security import load_secret

        app.state.web_secret = load_secret(settings.data_dir)  # now, so that no request needs a write (a full disk)
        app.openapi()  # built once now (see _answer_head), not during a request
        rt.store.sweep_orphan_job_dirs()  # folders of uploads a crash cut short (service/store/claims.py)
        workers = EmbeddedWorkers(rt, settings.embedded_workers) if settings.embedded_workers > 0 else None
        if workers is not None:
            workers.start()
        keeper = asyncio.create_task(_housekeeping(rt))
        gc.collect()
        gc.freeze()  # the libraries loaded at startup are permanent: keep them out of every GC pass
        log.info("taysir service ready: data in %s, queue %s, %d embedded worker(s)", rt.store.data_dir,
                 "redis" if settings.redis_url else "sqlite", settings.embedded_workers)
        try:
            yield
        finally:
            keeper.cancel()
            if workers is not None:
                workers.stop()
            try:
                rt.store.tokens.flush_usage()
            except Exception:  # noqa: BLE001 - best effort at shutdown
                pass
            rt.close()

    app = FastAPI(
        title="Taysir",
        version=transform.__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        **_NO_TELEMETRY,
    )
    errors.install(app)
    for module in (health, jobs, convert, documents, signing, catalogue, memory_routes):
        app.include_router(module.router)
    _document_validation_errors(app)
    from .web import install as install_web_pages  # staff and public web pages (service/web/, docs/web.md)

    install_web_pages(app)
    _answer_head(app)
    from .guard import RequestGuard

    app.add_middleware(RequestGuard)  # added last: outermost, before every route, form parser and auth check
    return app


async def _housekeeping(rt: Runtime, every: float = 15.0) -> None:
    """Writes kept off the request path: the staff tokens' last-use times (best effort)."""
    from .storage import is_disk_full

    while True:
        await asyncio.sleep(every)
        try:
            await anyio.to_thread.run_sync(rt.store.tokens.flush_usage)
        except Exception as exc:  # noqa: BLE001 - never fatal; retried at the next pass
            if not is_disk_full(exc):
                log.warning("housekeeping: %s: %s", type(exc).__name__, exc)


PARENT_ENV = "TAYSIR_SERVE_PARENT"


def create_worker_app() -> FastAPI:
    """Factory of the API processes that ``taysir serve`` starts when ``api_processes`` > 1.

    Settings come from the environment (the parent exports them). The process dies with its
    parent, so a ``kill -9`` of ``taysir serve`` never leaves orphans holding the port.
    """
    _die_with_parent()
    return create_app()


def _die_with_parent() -> None:
    parent = int(os.environ.get(PARENT_ENV) or 0)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the parent's own shutdown stops us
            pass
    if parent and os.getppid() != parent:  # the parent died before prctl took effect
        os.kill(os.getpid(), signal.SIGTERM)


def _answer_head(app: FastAPI) -> None:
    """Every GET route also answers HEAD (RFC 9110 §9.3.2): the same headers, no body (downloads,
    status, pages). FastAPI routes list only the methods they were declared with; uvicorn drops the
    body of a HEAD answer, FileResponse does not even read the file. Kept out of the OpenAPI document."""
    def walk(routes: list[Any]) -> None:
        for route in routes:
            if isinstance(route, APIRoute) and "GET" in route.methods and "HEAD" not in route.methods:
                route.methods.add("HEAD")
            inner = getattr(route, "original_router", None)  # an included router (FastAPI keeps it whole)
            if inner is not None:
                walk(inner.routes)

    walk(app.router.routes)


def _document_validation_errors(app: FastAPI) -> None:
    """Request validation errors use our error body too: say so in OpenAPI (not FastAPI's default)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            with warnings.catch_warnings():  # HEAD shares its GET's operation id: the HEAD operations are dropped below
                warnings.filterwarnings("ignore", message="Duplicate Operation ID")
                schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes,
                                     tags=app.openapi_tags)
            ref = {"$ref": "#/components/schemas/ErrorResponse"}
            for ops in schema.get("paths", {}).values():
                ops.pop("head", None)  # HEAD mirrors GET (see _answer_head)
                for op in ops.values():
                    resp = op.get("responses", {}).get("422")
                    if resp is not None:
                        resp["content"] = {"application/json": {"schema": ref}}
                        resp["description"] = "Invalid input (validation, review problems, refused webhook)"
            comps = schema.setdefault("components", {}).setdefault("schemas", {})
            for name in ("HTTPValidationError", "ValidationError"):
                comps.pop(name, None)
            # the `options` form field carries JSON of TransformOptions: publish its schema
            opts = TransformOptions.model_json_schema(ref_template="#/components/schemas/{model}")
            comps.update(opts.pop("$defs", {}))
            comps["TransformOptions"] = opts
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
