"""Real processes: `taysir serve` over HTTP on 127.0.0.1, Redis with two `taysir worker`s, kill -9, restarts."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import httpx
import pytest

from .conftest import DARIJA_MD, FRENCH_MD
from .procs import ROOT, db_rows, free_port, redis_server, serve, slow_markdown, wait_http, wait_until, worker

pytestmark = pytest.mark.slow


def sample() -> tuple[str, bytes]:
    """A sample document from samples/ when there is one, else a bilingual Markdown document."""
    for pattern in ("*.docx", "*.md"):
        found = sorted((ROOT / "samples").glob(pattern))
        if found:
            return found[0].name, found[0].read_bytes()
    return "budget.md", DARIJA_MD.encode()


def client(port: int, data: Path) -> httpx.Client:
    token = (data / "admin-token.txt").read_text().strip()
    return httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {token}"}, timeout=120)


def submit(c: httpx.Client, files: list[tuple[str, bytes]], outputs: list[str] | None = None) -> dict:  # type: ignore[type-arg]
    r = c.post("/v1/jobs", files=[("files", (n, io.BytesIO(b))) for n, b in files], data={"options": json.dumps({"outputs": outputs or ["json", "text"]})})
    assert r.status_code == 202, r.text
    return r.json()  # type: ignore[no-any-return]


def finished(c: httpx.Client, job_id: str, timeout: float = 120) -> dict:  # type: ignore[type-arg]
    def poll() -> dict | None:  # type: ignore[type-arg]
        body = c.get(f"/v1/jobs/{job_id}", params={"wait": 20}).json()
        return body if body["status"] not in ("queued", "running") else None

    return wait_until(poll, timeout, every=0)  # type: ignore[no-any-return]


def check_bundle(c: httpx.Client, job_id: str) -> dict:  # type: ignore[type-arg]
    r = c.get(f"/v1/jobs/{job_id}/bundle")
    assert r.status_code == 200
    zf = zipfile.ZipFile(io.BytesIO(r.content))
    manifest = json.loads(zf.read("manifest.json"))
    assert manifest["files"]
    for f in manifest["files"]:
        data = zf.read(f["path"])
        assert hashlib.sha256(data).hexdigest() == f["sha256"] and len(data) == f["size"] and f["media_type"]
    return manifest  # type: ignore[no-any-return]


def test_serve_over_http_end_to_end(tmp_path: Path) -> None:
    data, port = tmp_path / "data", free_port()
    srv = serve(data, port, tmp_path / "serve.log")
    try:
        wait_http(f"http://127.0.0.1:{port}/health", srv)
        assert "staff token" in srv.tail() and f"http://127.0.0.1:{port}/docs" in srv.tail()
        with client(port, data) as c:
            name, content = sample()
            job = submit(c, [(name, content)])
            body = finished(c, job["job_id"])
            assert body["status"] == "success", body
            manifest = check_bundle(c, job["job_id"])
            assert manifest["documents"][0]["filename"] == name
            assert {f["role"] for f in manifest["files"]} == {"json", "text"}
            assert httpx.get(f"http://127.0.0.1:{port}/v1/jobs").status_code == 401
    finally:
        srv.stop()
    assert srv.p.returncode == 0, srv.tail()


def api_children(pid: int) -> list[int]:
    """The uvicorn worker processes of a `taysir serve --processes N`."""
    kids = []
    for d in Path("/proc").iterdir():
        try:
            ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if ppid == pid and b"spawn_main" in (d / "cmdline").read_bytes():
                kids.append(int(d.name))
        except (OSError, ValueError, IndexError):
            continue
    return kids


def test_serve_with_two_api_processes(tmp_path: Path) -> None:
    """Two API processes answer; the consumers run in the parent; a kill -9 of the parent takes
    the API processes with it (nothing keeps the port)."""
    data, port = tmp_path / "data", free_port()
    srv = serve(data, port, tmp_path / "serve.log", "--processes", "2")
    try:
        wait_http(f"http://127.0.0.1:{port}/health", srv)
        kids = wait_until(lambda: (k if len(k := api_children(srv.pid)) == 2 else None), 60)
        with client(port, data) as c:
            job = submit(c, [("budget.md", DARIJA_MD.encode()), ("decision.md", FRENCH_MD.encode())])
            body = finished(c, job["job_id"])
            assert body["status"] == "success", body
            assert {f["lang"] for f in check_bundle(c, job["job_id"])["files"] if f["role"] == "text"} == {"ar", "ary", "fr"}
            for _ in range(20):  # each request may land on either process: every answer is the same
                assert c.get(f"/v1/jobs/{job['job_id']}").json()["status"] == "success"
        srv.p.kill()  # SIGKILL of `taysir serve` alone, not its process group
        srv.p.wait(10)
        wait_until(lambda: not any(Path(f"/proc/{k}").exists() for k in kids) or None, 20)
        again = serve(data, port, tmp_path / "serve2.log", "--processes", "1")  # the port is free again
        try:
            wait_http(f"http://127.0.0.1:{port}/health", again)
        finally:
            again.stop()
    finally:
        srv.stop()


@pytest.mark.redis
def test_redis_queue_with_two_workers_and_a_worker_killed_mid_job(tmp_path: Path) -> None:
    data, port, rport = tmp_path / "data", free_port(), free_port()
    redis = redis_server(tmp_path, rport)
    url = f"redis://127.0.0.1:{rport}/0"
    srv = serve(data, port, tmp_path / "serve.log", "--workers", "0", TAYSIR_REDIS_URL=url)
    workers = [worker(data, tmp_path / f"w{i}.log", TAYSIR_REDIS_URL=url) for i in range(2)]
    try:
        wait_http(f"http://127.0.0.1:{port}/health", srv)
        with client(port, data) as c:
            wait_until(lambda: "2 worker process" in (c.get("/ready").json()["checks"]["queue"]["detail"] or ""), 30)
            assert c.get("/ready").json()["checks"]["queue"]["version"] == "redis"
            # a batch spread over both workers
            job = submit(c, [(f"doc{i}.md", (FRENCH_MD if i % 2 else DARIJA_MD).encode()) for i in range(4)])
            body = finished(c, job["job_id"])
            assert body["status"] == "success" and all(d["attempts"] == 1 for d in body["documents"])
            check_bundle(c, job["job_id"])

            # kill -9 the worker that holds a long document: the other worker takes it over
            slow = submit(c, [("long.md", slow_markdown())])
            owner = wait_until(lambda: db_rows(data, "SELECT lease_owner FROM documents WHERE status='running' AND lease_owner IS NOT NULL"), 60)[0][0]
            pid = int(owner.split(":")[1])
            victim = next(w for w in workers if w.pid == pid)
            victim.kill9()
            body = finished(c, slow["job_id"], timeout=180)
            doc = body["documents"][0]
            assert doc["status"] == "success" and doc["attempts"] == 2, doc
            assert check_bundle(c, slow["job_id"])["documents"][0]["status"] == "success"
    finally:
        for w in workers:
            w.stop()
        srv.stop()
        redis.stop()


def test_restart_keeps_everything_and_a_killed_server_finishes_its_job(tmp_path: Path) -> None:
    data, port = tmp_path / "data", free_port()
    log = tmp_path / "serve.log"
    srv = serve(data, port, log)
    try:
        wait_http(f"http://127.0.0.1:{port}/health", srv)
        with client(port, data) as c:
            # a published document and a reviewed draft
            pub = finished(c, submit(c, [("budget.md", DARIJA_MD.encode())])["job_id"])
            pub_doc = pub["documents"][0]["id"]
            assert c.post(f"/v1/documents/{pub_doc}/approve").status_code == 200
            c.get(f"/v1/documents/{pub_doc}", params={"wait": 30})
            assert c.post(f"/v1/documents/{pub_doc}/publish").status_code == 200
            draft_job = finished(c, submit(c, [("budget.md", DARIJA_MD.encode())])["job_id"])
            draft_doc = draft_job["documents"][0]["id"]
            segs = c.get(f"/v1/documents/{draft_doc}/draft").json()["segments"]
            seg = next(s for s in segs if "120" in s["text"])
            edited = "الجهة غادي تخدم 120 مليون درهم."
            assert c.patch(f"/v1/documents/{draft_doc}/draft", json={"segments": [{"id": seg["id"], "text": edited}]}).status_code == 200
            # a long job in flight when the server is killed
            slow = submit(c, [("long.md", slow_markdown())])
            wait_until(lambda: db_rows(data, "SELECT 1 FROM documents WHERE status='running'"), 60)
        srv.kill9()
        srv = serve(data, port, log)
        wait_http(f"http://127.0.0.1:{port}/health", srv)
        with client(port, data) as c:
            jobs = {j["job_id"] for j in c.get("/v1/jobs").json()["jobs"]}
            assert {pub["job_id"], draft_job["job_id"], slow["job_id"]} <= jobs
            body = finished(c, slow["job_id"], timeout=180)
            assert body["documents"][0]["status"] == "success" and body["documents"][0]["attempts"] == 2
            draft = c.get(f"/v1/documents/{draft_doc}/draft").json()
            assert draft["revision"] == 1 and any(s["text"] == edited for s in draft["segments"])
            cat = httpx.get(f"http://127.0.0.1:{port}/v1/catalogue").json()["documents"]
            assert [d["id"] for d in cat] == [pub_doc]
            f = cat[0]["formats"][0]
            assert httpx.get(f"http://127.0.0.1:{port}{f['url']}").status_code == 200
        # a clean stop and start also keeps everything
        srv.stop()
        srv = serve(data, port, log)
        wait_http(f"http://127.0.0.1:{port}/health", srv)
        with client(port, data) as c:
            assert {pub["job_id"], draft_job["job_id"], slow["job_id"]} <= {j["job_id"] for j in c.get("/v1/jobs").json()["jobs"]}
            assert c.get(f"/v1/documents/{pub_doc}").json()["review_state"] == "published"
    finally:
        srv.stop()
