"""Through the HTTP service (in process): a password-protected DOCX or ODT is refused at upload as
"protected by a password" (422), not "not a document format" (issue 21, item 10); a Word 97-2003
file is named as such (415); a flat ODT and a Windows-1256 text are accepted and converted."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from service.settings import ServiceSettings
from tests.service.conftest import Api, make_settings, open_api

from ._office import OFFICE

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def api(tmp_path: Path) -> AsyncIterator[Api]:
    settings: Callable[..., ServiceSettings] = lambda **kw: make_settings(tmp_path / "svc", **kw)  # noqa: E731
    async for a in open_api(settings()):
        yield a


@pytest.mark.parametrize("name", ["protected.docx", "protected.odt"])
async def test_password_protected_upload_is_named(api: Api, name: str) -> None:
    r = await api.submit([(name, (OFFICE / name).read_bytes())])
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["code"] == "bad_input"
    assert err["message"].startswith(f"{name}: the document is protected by a password")
    assert "not a document format" not in err["message"] and "File > " in err["hint"]


async def test_old_word_upload_is_named(api: Api) -> None:
    r = await api.submit([("ancien.doc", (OFFICE / "old-word.doc").read_bytes())])
    assert r.status_code == 415, r.text
    assert r.json()["error"]["code"] == "unsupported_format"


async def test_flat_odt_and_windows_text_are_converted(api: Api) -> None:
    text = "قرر المجلس الجهوي المصادقة على الميزانية.\r\n\r\nDécision adoptée à l'unanimité le 25/06/2026.".encode("cp1256")
    r = await api.submit([("note.fodt", (OFFICE / "notes.fodt").read_bytes()), ("decision.txt", text)])
    assert r.status_code == 202, r.text
    job = await api.wait(r.json()["job_id"], 60)
    assert job["status"] == "success", job
