"""In-process service fixtures: an app on a temporary data dir, a staff client, sample documents."""

from __future__ import annotations

import io
import itertools
import json
import zipfile
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from service.app import create_app
from service.settings import ServiceSettings

# A bilingual document: a Darija paragraph (its own "ary" track: the draft to review) and French.
DARIJA_MD = """# الميزانية ديال الجهة

هاد البرنامج ديال الجهة غادي يخدم 120 مليون درهم. كاين بزاف ديال المشاريع اللي غادي تبدا دابا.

## Le budget

Le conseil régional a voté un budget de 3 500 000 dirhams pour les routes.
"""

FRENCH_MD = """# Décision du conseil

Le conseil a voté un budget de 2,8 milliards de dirhams pour l'année 2025.

- Routes rurales : 40 %
- Écoles : 25 %
"""


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def make_settings(tmp_path: Path, **kw: Any) -> ServiceSettings:
    base: dict[str, Any] = {"data_dir": tmp_path / "data", "embedded_workers": 2, "lease_s": 10, "sync_timeout_s": 30, "max_wait_s": 30}
    base.update(kw)
    return ServiceSettings(**base)


class Api:
    """An httpx client on the in-process app, with the staff token and small helpers."""

    def __init__(self, client: httpx.AsyncClient, app: Any, token: str) -> None:
        self.c, self.app, self.token = client, app, token
        self.auth = {"Authorization": f"Bearer {token}"}

    @property
    def rt(self) -> Any:
        return self.app.state.runtime

    async def submit(self, files: list[tuple[str, bytes]], options: dict[str, Any] | None = None, **fields: str) -> httpx.Response:
        parts = [("files", (name, io.BytesIO(data), "application/octet-stream")) for name, data in files]
        data = {"options": json.dumps(options if options is not None else {"outputs": ["json", "text"]}), **fields}
        return await self.c.post("/v1/jobs", files=parts, data=data, headers=self.auth)

    async def wait(self, job_id: str, seconds: float = 30) -> dict[str, Any]:
        r = await self.c.get(f"/v1/jobs/{job_id}", params={"wait": seconds}, headers=self.auth)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["status"] not in ("queued", "running"), body
        return body  # type: ignore[no-any-return]

    async def get(self, url: str, **kw: Any) -> httpx.Response:
        return await self.c.get(url, headers={**self.auth, **kw.pop("headers", {})}, **kw)

    async def post(self, url: str, **kw: Any) -> httpx.Response:
        return await self.c.post(url, headers={**self.auth, **kw.pop("headers", {})}, **kw)


@pytest.fixture
def settings_factory(tmp_path: Path) -> Callable[..., ServiceSettings]:
    """Settings on a fresh data dir at each call (unless data_dir is given)."""
    count = iter(range(1000))
    return lambda **kw: make_settings(tmp_path / f"s{next(count)}", **kw)


async def open_api(settings: ServiceSettings) -> AsyncIterator[Api]:
    app = create_app(settings)
    async with LifespanManager(app) as manager:
        token = app.state.runtime.store.tokens.create("tester")
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://taysir.test", timeout=60) as client:
            yield Api(client, app, token)


@pytest.fixture
async def api(settings_factory: Callable[..., ServiceSettings]) -> AsyncIterator[Api]:
    async for a in open_api(settings_factory()):
        yield a


@pytest.fixture
async def idle_api(settings_factory: Callable[..., ServiceSettings]) -> AsyncIterator[Api]:
    """No consumer: jobs stay queued (queue depth, sync timeout, deletion of queued jobs)."""
    async for a in open_api(settings_factory(embedded_workers=0, max_queue_depth=2, sync_timeout_s=0.3)):
        yield a


def broken_docx() -> bytes:
    """Looks like DOCX by content (word/document.xml) but the XML is garbage: ingest fails."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "this is not xml <<<")
    return buf.getvalue()


# -- PostgreSQL (tests marked postgres): one server per test module, one database per test -----------
_pg_names = itertools.count()


@pytest.fixture(scope="module")
def pg_admin() -> Iterator[str]:
    from .pg import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture
def pg_url(pg_admin: str) -> str:
    from .pg import new_database

    return new_database(pg_admin, f"taysir_{next(_pg_names)}")


@pytest.fixture
async def pg_api(settings_factory: Callable[..., ServiceSettings], pg_url: str) -> AsyncIterator[Api]:
    async for a in open_api(settings_factory(database_url=pg_url)):
        assert a.rt.store.db.engine.dialect.name == "postgresql"
        yield a
