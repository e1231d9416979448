"""Issue 21 item 7: staff web sessions end for real, and other sites cannot drive them.

Against a real `taysir serve`: a session cookie copied before sign-out no longer works after it;
a session left idle ends (and one in use does not); state-changing requests whose Origin or
Sec-Fetch-Site says they come from another site are refused before any route runs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from tests.service.conftest import FRENCH_MD

from ._support import Server, csrf_of, start_server, web_session

pytestmark = pytest.mark.slow
IDLE_S = 4


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("sessions"), "--workers", "0", TAYSIR_SESSION_IDLE_S=str(IDLE_S))
    try:
        yield srv
    finally:
        srv.proc.stop()


def _copy(c: httpx.Client, srv: Server) -> httpx.Client:
    return httpx.Client(base_url=srv.url, cookies=dict(c.cookies.items()), timeout=60, follow_redirects=False)


def _signed_in(c: httpx.Client) -> bool:
    r = c.get("/staff")
    if r.status_code == 303:
        assert r.headers["location"].startswith("/staff/signin"), r.headers
        return False
    assert r.status_code == 200, r.text
    return True


def test_sign_out_ends_the_session_on_the_server(server: Server) -> None:
    web = web_session(server)
    stolen = _copy(web, server)  # e.g. copied from the browser before signing out
    try:
        assert _signed_in(web) and _signed_in(stolen)
        csrf = csrf_of(web.get("/staff").text)
        assert web.post("/staff/signout", data={"csrf": csrf}).status_code == 303
        assert not _signed_in(stolen), "a cookie copied before sign-out still works"
        assert not _signed_in(web)
        assert stolen.get("/staff/jobs").status_code == 303
    finally:
        web.close()
        stolen.close()


def test_an_idle_session_ends_and_a_used_one_does_not(server: Server) -> None:
    web = web_session(server)
    try:
        for _ in range(3):  # used every 2.5 s for 7.5 s (longer than the idle limit): still signed in
            time.sleep(IDLE_S * 0.6)
            assert _signed_in(web)
        time.sleep(IDLE_S + 1.5)
        assert not _signed_in(web), "an idle session did not end"
    finally:
        web.close()


def test_requests_from_another_site_are_refused(server: Server) -> None:
    web = web_session(server)
    try:
        csrf = csrf_of(web.get("/staff").text)
        for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"},
                        {"Sec-Fetch-Site": "same-site", "Origin": server.url}):
            r = web.post("/staff/signout", data={"csrf": csrf}, headers=headers)
            assert r.status_code == 403 and r.json()["error"]["code"] == "cross_origin", (headers, r.text)
        assert _signed_in(web)  # none of them signed the person out
        # sign-in from another site (login CSRF) and an API call made by another site's page
        page = httpx.get(f"{server.url}/staff/signin")
        r = httpx.post(f"{server.url}/staff/signin", data={"token": server.token, "csrf": csrf_of(page.text)},
                       cookies=page.cookies, headers={"Origin": "https://evil.example"})
        assert r.status_code == 403
        with server.client() as api:
            files = {"files": ("a.md", FRENCH_MD.encode())}
            assert api.post("/v1/jobs", files=files, headers={"Origin": "https://evil.example"}).status_code == 403
            assert api.delete("/v1/jobs/abc", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
            # the server's own pages and non-browser clients go on as before
            assert api.post("/v1/jobs", files=files, headers={"Origin": server.url, "Sec-Fetch-Site": "same-origin"}).status_code == 202
            assert api.post("/v1/jobs", files=files).status_code == 202
        r = web.post("/staff/signout", data={"csrf": csrf}, headers={"Origin": server.url, "Sec-Fetch-Site": "same-origin"})
        assert r.status_code == 303
    finally:
        web.close()
