"""Issue 21 items 2, 5, 6 and 10 against a real `taysir serve`: Arabic and accented file names,
malformed multipart bodies and options, plain error messages, /ready for the public, HEAD and
Range on downloads, refused webhook addresses."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from urllib.parse import unquote

import httpx
import pytest

from tests.service.conftest import FRENCH_MD

from ._support import Server, csrf_of, finished, start_server, web_session
from .test_faults import big_french

pytestmark = pytest.mark.slow
INTERNALS = re.compile(r"Errno|codec|Traceback|Expected boundary|Boundary length|boundary character|Error:|\w+Exception|\w+Error\b")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("api-faults"), "--workers", "1")
    try:
        yield srv
    finally:
        srv.proc.stop()


def _multipart(disposition: bytes, content: bytes, boundary: bytes = b"b0undary", close: bool = True) -> tuple[bytes, str]:
    body = (b"--" + boundary + b'\r\nContent-Disposition: form-data; name="options"\r\n\r\n{"outputs": ["json", "text"]}\r\n'
            + b"--" + boundary + b"\r\nContent-Disposition: " + disposition + b"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + content + b"\r\n" + (b"--" + boundary + b"--\r\n" if close else b""))
    return body, f"multipart/form-data; boundary={boundary.decode()}"


def _cd_name(header: str) -> str:
    m = re.search(r"filename\*=UTF-8''([^;]+)", header)
    assert m, header
    return unquote(m.group(1))


def test_utf8_file_names_through_the_api_and_the_staff_form(server: Server) -> None:
    """Item 2: raw UTF-8 (what browsers and curl send), Latin-1 (old clients) and RFC 5987 ``filename*``."""
    arabic, french = "قرار المجلس الجهوي.md", "délibération.md"
    cases = [
        (b'form-data; name="files"; filename="' + arabic.encode() + b'"', arabic),
        (b'form-data; name="files"; filename="' + french.encode() + b'"', french),
        (b'form-data; name="files"; filename="' + french.encode("latin-1") + b'"', french),
        (b"form-data; name=\"files\"; filename=\"fallback.md\"; filename*=UTF-8''" + re.sub(
            r"[^A-Za-z0-9.]", lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), arabic).encode(), arabic),
        (b'form-data; name="files"; filename="' + "de\u0301libe\u0301ration.md".encode() + b'"', french),  # NFD (macOS)
    ]
    with server.client() as c:
        for disposition, expected in cases:
            body, ctype = _multipart(disposition, FRENCH_MD.encode())
            r = c.post("/v1/jobs", content=body, headers={"Content-Type": ctype})
            assert r.status_code == 202, r.text
            job = finished(c, r.json()["job_id"])
            doc = job["documents"][0]
            assert doc["status"] == "success" and doc["filename"] == expected, (doc["filename"], expected)
            art = next(a for a in doc["artifacts"] if a["name"].endswith(".txt"))
            got = c.get(art["url"])
            assert got.status_code == 200 and "Le conseil" in got.text
            cd = got.headers["content-disposition"]
            assert _cd_name(cd) == art["name"] and cd.isascii(), cd  # RFC 6266: UTF-8 name, ASCII fallback
            assert art["name"].startswith(expected.rsplit(".", 1)[0].replace(" ", "_")), art["name"]
        stored = [p.name for p in (server.data / "jobs").rglob("*") if "incoming" in p.parts]
        assert not stored, stored  # the incoming names are server-made, and gone
    web = web_session(server)
    try:
        csrf = csrf_of(web.get("/staff").text)
        r = web.post("/staff/upload", data={"csrf": csrf, "out-text": "1"}, files={"files": (arabic, FRENCH_MD.encode(), "text/markdown")})
        assert r.status_code == 303, r.text
        job_id = r.headers["location"].rsplit("/", 1)[-1]
        with server.client() as c:
            assert finished(c, job_id)["documents"][0]["filename"] == arabic
        assert arabic in web.get(f"/staff/jobs/{job_id}").text
    finally:
        web.close()


def test_malformed_bodies_and_options_are_clear_400s(server: Server) -> None:
    """Item 6 and the messages of item 10: no 500, no parser or codec internals in any answer."""
    with server.client() as c:
        jobs_before = c.get("/v1/jobs").json()["total"]
        disp = b'form-data; name="files"; filename="a.md"'
        answers = {}
        for name, boundary in (("boundary of 300", b"x" * 300), ("boundary of 100", b"y" * 100)):
            body, ctype = _multipart(disp, FRENCH_MD.encode(), boundary=boundary)
            answers[name] = c.post("/v1/jobs", content=body, headers={"Content-Type": ctype})
        body, ctype = _multipart(disp, FRENCH_MD.encode(), close=False)
        answers["no closing boundary"] = c.post("/v1/jobs", content=body, headers={"Content-Type": ctype})
        answers["not multipart at all"] = c.post("/v1/jobs", content=b"--b0undary\r\nXX garbage", headers={"Content-Type": "multipart/form-data; boundary=b0undary"})
        nested = "[" * 5000 + "]" * 5000
        answers["options nested 5000 deep"] = c.post("/v1/jobs", files={"files": ("a.md", FRENCH_MD.encode())}, data={"options": nested})
        answers["options not JSON"] = c.post("/v1/jobs", files={"files": ("a.md", FRENCH_MD.encode())}, data={"options": "{outputs"})
        for name, r in answers.items():
            print(f"\nBAD | {name}: {r.status_code} {r.json()['error']['code']}: {r.json()['error']['message']}")
            assert r.status_code == 400, (name, r.status_code, r.text)
            err = r.json()["error"]
            assert err["hint"] and not INTERNALS.search(err["message"] + " " + err["hint"]), (name, err)
        assert answers["no closing boundary"].json()["error"]["code"] == "incomplete_upload"
        assert answers["options nested 5000 deep"].json()["error"]["code"] == "bad_options"
        assert c.get("/v1/jobs").json()["total"] == jobs_before  # nothing was converted from a cut body


def test_ready_hides_versions_from_the_public(server: Server) -> None:
    public = httpx.get(f"{server.url}/ready", timeout=30).json()
    staff = httpx.get(f"{server.url}/ready", headers={"Authorization": f"Bearer {server.token}"}, timeout=30).json()
    assert not any(ch["version"] for ch in public["checks"].values()), public
    assert re.search(r"\d+\.\d+", json.dumps(staff["checks"]["pandoc"])) and staff["checks"]["pandoc"]["version"]
    assert "pandoc 3" not in json.dumps(public) and "3.24" not in json.dumps(public)


def test_head_and_ranges_on_downloads(server: Server) -> None:
    with server.client() as c:
        r = c.post("/v1/jobs", files={"files": ("budget.md", big_french(600))}, data={"options": json.dumps({"outputs": ["json", "text"]})})
        job = finished(c, r.json()["job_id"])
        arts = job["documents"][0]["artifacts"]
        big = next(a for a in arts if a["name"].endswith(".json"))
        small = next(a for a in arts if a["name"].endswith(".txt"))
        assert big["size"] > 256 * 1024 > 0  # both paths of downloads.py: streamed and answered from one read
        for art in (big, small):
            get = c.get(art["url"])
            head = c.head(art["url"])
            assert head.status_code == 200 and head.content == b"", head.status_code
            for h in ("content-length", "etag", "content-disposition", "content-type", "accept-ranges"):
                assert head.headers[h] == get.headers[h], h
            assert int(head.headers["content-length"]) == art["size"]
            for bad in ("bytes=5-1", "bytes=abc", "items=0-4", "bytes=0-1,5-1"):  # invalid: ignored (RFC 9110 §14.2)
                r = c.get(art["url"], headers={"Range": bad})
                assert r.status_code == 200 and len(r.content) == art["size"], (bad, r.status_code)
            r = c.get(art["url"], headers={"Range": "bytes=0-4"})
            assert r.status_code == 206 and r.content == get.content[:5]
            r = c.get(art["url"], headers={"Range": f"bytes={art['size'] + 10}-"})
            assert r.status_code == 416 and r.headers["content-range"] == f"bytes */{art['size']}"
        public = httpx.head(f"{server.url}/v1/catalogue", timeout=30)
        assert public.status_code == 200


def test_webhooks_to_addresses_that_are_not_public_are_refused(server: Server) -> None:
    """Item 5 at registration, over HTTP (delivery: tests/service/test_webhook.py)."""
    with server.client() as c:
        for url in ("http://100.100.100.200/latest/meta-data/", "http://100.64.0.1/x", "http://[2002:a9fe:a9fe::]/x",
                    "http://[64:ff9b::a9fe:a9fe]/x", "http://[::ffff:100.100.100.200]/x"):
            r = c.post("/v1/jobs", files={"files": ("a.md", io.BytesIO(FRENCH_MD.encode()))},
                       data={"webhook_url": url, "webhook_secret": "s3cret"})
            assert r.status_code == 422 and r.json()["error"]["code"] == "webhook_refused", (url, r.text)
            assert "not publicly routable" in r.json()["error"]["message"]
