"""`taysir serve`: the HTTP service and an embedded job consumer in one command."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

SERVICE_PACKAGES = {"uvicorn", "fastapi", "starlette", "sqlalchemy", "huey", "redis", "httpx", "python_multipart", "anyio", "pydantic_settings"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("serve", help="run the HTTP service (API + embedded worker); see docs/service.md")
    p.add_argument("--host", default=None, help="address to listen on (env TAYSIR_HOST, default 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="port (env TAYSIR_PORT, default 8000)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="embedded consumer threads (env TAYSIR_EMBEDDED_WORKERS, default 2; 0 = only `taysir worker` processes convert)")
    p.add_argument("--processes", type=int, default=None, metavar="N",
                   help="HTTP server processes (env TAYSIR_API_PROCESSES, default one per two CPUs, at most 4)")
    p.add_argument("--print-token", action="store_true",
                   help="print a staff token (created on first run, kept in <data>/admin-token.txt) and the URLs")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    add_settings_args(p)
    p.set_defaults(func=run)


def add_settings_args(p: argparse.ArgumentParser) -> None:
    """Where the service keeps its state; shared by serve, worker and token (no service imports here)."""
    p.add_argument("--data-dir", default=None, help="data directory (env TAYSIR_DATA_DIR, default ./data)")
    p.add_argument("--database-url", default=None, help="SQLAlchemy URL (env TAYSIR_DATABASE_URL, default SQLite in the data dir)")
    p.add_argument("--redis-url", default=None, help="use RedisHuey at this URL (env TAYSIR_REDIS_URL)")


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from service.app import create_app
        from service.cli_support import first_run_token, settings_from_args
        from service.httpserver import uvicorn_options
    except ImportError as exc:  # pragma: no cover - the [service] extra is missing
        from transform.errors import MissingDependencyError

        if exc.name not in SERVICE_PACKAGES:
            raise
        raise MissingDependencyError(f"The HTTP service needs {exc.name}.", hint="pip install 'taysir[service]'") from None

    settings = settings_from_args(args, host=args.host, port=args.port, embedded_workers=args.workers,
                                  api_processes=args.processes)
    base = settings.public_url or f"http://{settings.host}:{settings.port}"
    if args.print_token:
        token, created = first_run_token(settings)
        print(f"Taysir is starting on {base}", file=sys.stderr)
        print(f"  staff token{' (new)' if created else ''}: {token}", file=sys.stderr)
        print(f"  staff pages:       {base}/staff  (sign in with the token)", file=sys.stderr)
        print(f"  public pages:      {base}/catalogue", file=sys.stderr)
        print(f"  API reference:     {base}/docs", file=sys.stderr)
        print(f"  public catalogue:  {base}/v1/catalogue (JSON)", file=sys.stderr)
        example = next(iter(sorted(Path("samples").glob("*.docx"))), Path("document.pdf"))
        print(f"  try: curl -H 'Authorization: Bearer {token}' -F files=@{example} {base}/v1/jobs", file=sys.stderr)
        sys.stderr.flush()
    logging.getLogger("service").setLevel(args.log_level.upper())
    common = {"host": settings.host, "port": settings.port, "log_level": args.log_level, "timeout_graceful_shutdown": 5,
              "access_log": False, **uvicorn_options(settings)}  # header deadline, connection limit (service/httpserver.py)
    if settings.api_process_count <= 1:
        uvicorn.run(create_app(settings), **common)
        return 0
    return _run_processes(settings, common)


def _run_processes(settings: Any, common: dict[str, Any]) -> int:
    """Several API processes (uvicorn workers) answer requests; this process runs the consumers.

    The API processes are spawned fresh and read their settings from the environment, so the
    command-line choices are exported first; they run no consumers of their own.
    """
    import uvicorn

    from service.app import PARENT_ENV
    from service.queue.consumer import EmbeddedWorkers
    from service.runtime import Runtime

    env = {"TAYSIR_DATA_DIR": str(settings.data_dir.resolve()), "TAYSIR_HOST": settings.host, "TAYSIR_PORT": str(settings.port),
           "TAYSIR_EMBEDDED_WORKERS": "0", "TAYSIR_API_PROCESSES": "1", PARENT_ENV: str(os.getpid())}
    for name in ("database_url", "redis_url"):
        if getattr(settings, name):
            env[f"TAYSIR_{name.upper()}"] = getattr(settings, name)
    os.environ.update(env)
    rt = Runtime(settings)
    workers = EmbeddedWorkers(rt, settings.embedded_workers) if settings.embedded_workers > 0 else None
    try:
        if workers is not None:
            workers.start()
        uvicorn.run("service.app:create_worker_app", factory=True, workers=settings.api_process_count, **common)
    finally:
        if workers is not None:
            workers.stop()
        rt.close()
    return 0
