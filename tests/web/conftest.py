"""Web page fixtures: an in-process app (TestClient) on a temporary data directory."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import ServiceSettings

CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    m = CSRF_RE.search(html)
    assert m, "the page has no CSRF field"
    return m.group(1)


class Web:
    def __init__(self, client: TestClient, app: Any) -> None:
        self.c, self.app = client, app
        self.token = app.state.runtime.store.tokens.create("amina")

    def sign_in(self) -> None:
        page = self.c.get("/staff/signin")
        r = self.c.post("/staff/signin", data={"token": self.token, "csrf": csrf_of(page.text), "next": "/staff"}, follow_redirects=False)
        assert r.status_code == 303, r.text


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Web]:
    settings = ServiceSettings(data_dir=tmp_path / "data", embedded_workers=0)
    app = create_app(settings)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield Web(client, app)
