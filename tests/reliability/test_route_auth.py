"""Walk the route table of the JSON API: every route is either on the short public list or refuses a
missing, wrong, malformed or revoked staff token with 401, before doing anything.

The web pages (service/web/: HTML, session cookies and CSRF) are outside this walk; their own tests
cover them. Here a route belongs to the API when its path starts with /v1/ or is a probe.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from service.app import create_app
from service.deps import require_staff
from service.settings import ServiceSettings
from tests.service.procs import TAYSIR, env_for

from ._support import start_server

pytestmark = pytest.mark.slow

PUBLIC = {
    ("GET", "/health"), ("GET", "/ready"), ("GET", "/v1/engines"),
    ("GET", "/v1/catalogue"), ("GET", "/v1/catalogue/{doc_id}"), ("GET", "/v1/catalogue/{doc_id}/files/{name}"), ("GET", "/v1/catalogue/{doc_id}/bundle"),
}
DOCS = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}  # FastAPI's own pages (no data)
PROBES = {"/health", "/ready"}


def is_api(path: str) -> bool:
    return path.startswith("/v1/") or path in PROBES


def _needs_staff(dep: Dependant) -> bool:
    return dep.call is require_staff or any(_needs_staff(d) for d in dep.dependencies)


def _flat_routes(app: Any) -> list[tuple[Any, str]]:
    """(route, full path) of every route, through included routers (FastAPI >= 0.16x includes them lazily)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # older FastAPI: the route list is already flat
        return [(r, getattr(r, "path_format", getattr(r, "path", ""))) for r in app.routes]
    return [(ctx.original_route, ctx.path_format or ctx.path or "") for ctx in iter_route_contexts(app.routes)]


def routes() -> list[tuple[str, str, bool]]:
    app = create_app(ServiceSettings(data_dir=Path("unused-data-dir")))
    out = []
    for r, path in _flat_routes(app):
        if not is_api(path):
            continue  # FastAPI's docs, the web pages and their static files
        assert isinstance(r, APIRoute), f"an API path served by something else than an API route: {path} {r}"
        for m in sorted(r.methods):
            out.append((m, path, _needs_staff(r.dependant)))
    return out


def test_every_route_is_public_by_choice_or_needs_staff() -> None:
    table = routes()
    assert len(table) >= 20
    for method, path, staff in table:
        listed = ("GET" if method == "HEAD" else method, path) in PUBLIC  # every GET route also answers HEAD
        assert staff != listed, f"{method} {path}: {'staff' if staff else 'public'}, but listed otherwise"


def test_every_staff_route_refuses_bad_tokens(tmp_path: Path) -> None:
    srv = start_server(tmp_path, "--workers", "0")
    try:
        revoked = subprocess.run([*TAYSIR, "token", "create", "leaver"], capture_output=True, text=True, timeout=60,
                                 env=env_for(srv.data)).stdout
        revoked_token = re.search(r"tsr_\S+", revoked)
        assert revoked_token, revoked
        subprocess.run([*TAYSIR, "token", "revoke", "leaver"], check=True, capture_output=True, timeout=60, env=env_for(srv.data))
        bad: dict[str, dict[str, str]] = {
            "missing": {},
            "wrong": {"Authorization": "Bearer tsr_" + "A" * 43},
            "revoked": {"Authorization": f"Bearer {revoked_token.group(0)}"},
            "not bearer": {"Authorization": f"Basic {srv.token}"},
            "empty": {"Authorization": "Bearer"},
            "token in the query": {},
        }
        checked = 0
        with httpx.Client(base_url=srv.url, timeout=60) as c:
            for method, path, staff in routes():
                if not staff:
                    continue
                url = re.sub(r"\{[^}]+\}", "0123456789abcdef0123456789abcdef", path)
                for label, headers in bad.items():
                    kw: dict[str, Any] = {"headers": headers}
                    if label == "token in the query":
                        kw["params"] = {"token": srv.token, "access_token": srv.token}
                    if method in ("POST", "PUT", "PATCH"):
                        kw["files"] = [("files", ("a.md", io.BytesIO(b"# Titre\n\nTexte.\n")))] if path.endswith(("/jobs", "/convert")) else None
                        if kw["files"] is None:
                            del kw["files"]
                            kw["json"] = {"segments": [], "revision": 0}
                    r = c.request(method, url, **kw)
                    assert r.status_code == 401, (method, path, label, r.status_code, r.text[:200])
                    assert r.headers.get("www-authenticate") == "Bearer"
                    assert method == "HEAD" or r.json()["error"]["code"] == "unauthorized"  # HEAD: the same answer without its body
                    checked += 1
            staff_client = {"Authorization": f"Bearer {srv.token}"}
            assert c.get("/v1/jobs", headers=staff_client).json()["total"] == 0  # nothing was created by a refused upload
        assert not list((srv.data / "jobs").glob("*")) if (srv.data / "jobs").exists() else True
        print(f"\nAUTH | {checked} refused requests over {sum(1 for *_, s in routes() if s)} staff routes")
    finally:
        srv.proc.stop()
