"""Fault injection with real processes: workers killed mid-job (10 times), the API restarted during
jobs, the disk full while outputs are written, Redis restarted during a batch.

The single-kill cases (one Redis worker, one `taysir serve`) are in tests/service/test_processes.py;
these tests repeat and vary the faults and count jobs lost (always 0).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.service.conftest import FRENCH_MD
from tests.service.procs import Proc, db_rows, free_port, redis_server, slow_markdown, wait_until, worker

from ._support import SessionMemory, finished, start_server, submit

pytestmark = pytest.mark.slow
LEASE = {"TAYSIR_LEASE_S": "6"}  # a supervisor pass every 2 s
WORKERS_AT_ONCE = 6


def owner_of(data: Path, doc_id: str) -> str | None:
    rows = db_rows(data, "SELECT lease_owner FROM documents WHERE id = ? AND status = 'running' AND lease_owner IS NOT NULL", doc_id)
    return rows[0][0] if rows else None


def session_members(sid: int) -> list[int]:
    return [pid for pid, _ in SessionMemory(sid).members()]


def check_artifacts(c: httpx.Client, job: dict) -> int:  # type: ignore[type-arg]
    """Every listed file downloads whole (size and sha256 as recorded); JSON files parse."""
    n = 0
    for doc in job["documents"]:
        for art in doc["artifacts"]:
            r = c.get(art["url"])
            assert r.status_code == 200, art
            assert len(r.content) == art["size"] and hashlib.sha256(r.content).hexdigest() == art["sha256"], art["name"]
            if art["name"].endswith(".json"):
                json.loads(r.content)
            n += 1
    return n


def test_kill9_worker_mid_job_10_times_loses_no_job(tmp_path: Path) -> None:
    """10 rounds: a job starts, the worker running it is killed with SIGKILL (alternately with its
    conversion process, and alone, leaving an orphan child that must stop by itself), a new worker
    is started; every job must still succeed, converted a second time.

    Each kind of kill lands 0, 37, 75, 112 and 150 ms after the claim, across the whole window the
    20 random rounds this test used to draw covered (a round costs 3-4 s: the supervisor's pass and a
    second conversion); every round keeps every assertion."""
    rounds = 10
    moments = [0.15 * (i // 2) / 4 for i in range(rounds)]  # each kind of kill (i % 2) at five moments
    srv = start_server(tmp_path, "--workers", "0", **LEASE)
    workers = [worker(srv.data, tmp_path / f"w{i}.log", **LEASE) for i in range(2)]
    started = 2
    source = slow_markdown(400)
    jobs: list[str] = []
    orphans_stopped = 0
    t0 = time.monotonic()
    try:
        with srv.client() as c:
            for i in range(rounds):
                r = submit(c, [(f"round{i}.md", source)])
                assert r.status_code == 202, r.text
                job = r.json()
                jobs.append(job["job_id"])
                owner = wait_until(lambda d=job["documents"][0]["id"]: owner_of(srv.data, d), 120, every=0.01)
                time.sleep(moments[i])  # somewhere in the conversion
                pid = int(owner.split(":")[1])
                victim = next(w for w in workers if w.pid == pid)
                if i % 2 == 0:
                    victim.kill9()  # the worker and its whole process group
                else:
                    os.kill(pid, signal.SIGKILL)  # the worker alone: its conversion process is orphaned
                    victim.p.wait(10)
                    wait_until(lambda v=victim: not session_members(v.pid), 30)
                    orphans_stopped += 1
                victim.fh.close()
                workers.remove(victim)
                workers.append(worker(srv.data, tmp_path / f"w{started}.log", **LEASE))
                started += 1
                body = finished(c, job["job_id"], timeout=240)
                doc = body["documents"][0]
                assert doc["status"] == "success", (i, doc)
                assert doc["attempts"] == 2, (i, doc)  # it was running when its worker died
            lost = 0
            for job_id in jobs:
                body = finished(c, job_id, timeout=60)
                lost += body["status"] != "success"
                assert check_artifacts(c, body) == 2
            assert lost == 0
            assert db_rows(srv.data, "SELECT count(*) FROM documents WHERE status != 'success'") == [(0,)]
    finally:
        for w in workers:
            w.stop()
        srv.proc.stop()
    print(f"\nFAULT | kill -9 worker mid-job | {rounds} | {orphans_stopped} orphans stopped | lost 0 | {time.monotonic() - t0:.0f}s")


def test_api_restarted_during_jobs(tmp_path: Path) -> None:
    """The API process (no embedded workers) is killed with SIGKILL, then stopped cleanly, while a
    `taysir worker` converts batches: the worker carries on, nothing is lost or converted twice."""
    port = free_port()
    srv = start_server(tmp_path, "--workers", "0", port=port, **LEASE)
    data = srv.data
    w = worker(data, tmp_path / "w.log", **LEASE)
    source = slow_markdown(150)
    jobs: list[str] = []
    try:
        for restart in ("kill9", "sigint"):
            with srv.client() as c:
                for i in range(3):
                    r = submit(c, [(f"{restart}{i}-{k}.md", source) for k in range(2)])
                    assert r.status_code == 202, r.text
                    jobs.append(r.json()["job_id"])
                wait_until(lambda: db_rows(data, "SELECT 1 FROM documents WHERE status = 'running'"), 120, every=0.02)
            if restart == "kill9":
                srv.proc.kill9()
                srv.proc.fh.close()
            else:
                srv.proc.stop()
            done_while_down = db_rows(data, "SELECT count(*) FROM documents WHERE status = 'success'")[0][0]
            wait_until(lambda n=done_while_down: db_rows(data, "SELECT count(*) FROM documents WHERE status = 'success'")[0][0] > n, 120)
            srv = start_server(tmp_path, "--workers", "0", port=port, **LEASE)
        with srv.client() as c:
            listed = {j["job_id"] for j in c.get("/v1/jobs", params={"limit": 200}).json()["jobs"]}
            assert listed == set(jobs), "a job appeared or disappeared across restarts"
            for job_id in jobs:
                body = finished(c, job_id, timeout=240)
                assert body["status"] == "success", body
                assert all(d["attempts"] == 1 for d in body["documents"]), body  # the worker was never interrupted
                check_artifacts(c, body)
    finally:
        w.stop()
        srv.proc.stop()
    print(f"\nFAULT | API killed (SIGKILL) and stopped (SIGINT) during batches | 2 | {len(jobs)} jobs | lost 0")


@pytest.mark.parametrize("how", ["sigint", "kill9"])
def test_upload_cut_by_an_api_restart_leaves_no_files(tmp_path: Path, how: str) -> None:
    """An upload in flight when the API stops must not leave its partial files in the data dir
    (nor a job): after the restart the data dir holds only the jobs the database knows."""
    port = free_port()
    # one API process: the SIGKILL hits the very process receiving the upload (with several, the
    # upload's process is told to stop by the kernel when its parent dies and cleans up by itself)
    args = ("--workers", "0", "--processes", "1")
    srv = start_server(tmp_path, *args, port=port)
    try:
        cut = threading.Thread(target=_cut_upload, args=(srv.url, srv.token), daemon=True)
        cut.start()
        wait_until(lambda: list((srv.data / "jobs").glob("*/incoming/*.upload")), 30, every=0.02)
        if how == "kill9":
            srv.proc.kill9()
            srv.proc.fh.close()
        else:
            srv.proc.stop()
        cut.join(30)
        srv = start_server(tmp_path, *args, port=port)
        with srv.client() as c:
            assert c.get("/v1/jobs").json()["total"] == 0
        left = sorted(p.relative_to(srv.data).as_posix() for p in (srv.data / "jobs").rglob("*"))
        assert not left, f"the cut-off upload left {left}"
    finally:
        srv.proc.stop()


def _cut_upload(url: str, token: str) -> None:
    """A multipart upload sent slowly, so that the server dies in the middle of it."""
    boundary = b"cutBoundary42"

    def body():  # type: ignore[no-untyped-def]
        yield b"--" + boundary + b'\r\nContent-Disposition: form-data; name="files"; filename="cut.md"\r\n\r\n'
        for _ in range(200):
            yield b"# Budget\n\n" + b"Texte " * 2000 + b"\n"
            time.sleep(0.05)
        yield b"\r\n--" + boundary + b"--\r\n"

    try:
        httpx.post(f"{url}/v1/jobs", content=body(), timeout=30,
                   headers={"Authorization": f"Bearer {token}", "Content-Type": f"multipart/form-data; boundary={boundary.decode()}"})
    except httpx.HTTPError:
        pass


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A small tmpfs mounted on ``where`` for the test (skips when mounting is not permitted)."""
    where.mkdir(parents=True, exist_ok=True)
    try:
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"cannot mount a tmpfs to fill the disk: {exc}")
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs to fill the disk (needs root or CAP_SYS_ADMIN): {r.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=20)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """``tmp_path/data/jobs`` on a 2 MiB tmpfs (uploads and outputs; the database stays elsewhere)."""
    with tmpfs(tmp_path / "data" / "jobs", "2m") as jobs:
        yield jobs


def big_french(sections: int) -> bytes:
    para = "Le conseil régional a voté un budget de 3 500 000 dirhams pour les routes rurales. " * 6
    return ("# Budget\n\n" + "\n\n".join(f"## Section {i}\n\n{para}" for i in range(sections))).encode()


def test_disk_full_while_writing_outputs(tmp_path: Path, small_disk: Path) -> None:
    """A document whose outputs do not fit on the disk fails cleanly (a typed error, no stack trace),
    its partial files are removed (issue 21: they free the space the rest of the service needs), and
    the service works again once space is freed. (The whole data directory on a small disk, with the
    free-space reserve, is tests/reliability/test_disk_full.py.)"""
    srv = start_server(tmp_path, "--workers", "1", TAYSIR_MIN_FREE_MB="0.25")
    big = big_french(1200)
    assert 400_000 < len(big) < 1_000_000  # the upload fits, its model JSON and text do not
    try:
        with srv.client() as c:
            r = submit(c, [("big.md", big)], outputs=["json", "text", "html"])
            assert r.status_code == 202, r.text
            body = finished(c, r.json()["job_id"])
            doc = body["documents"][0]
            assert doc["status"] == "failure", doc
            msgs = " ".join(e["message"] for e in doc["errors"])
            assert doc["errors"] and "Traceback" not in msgs and "Errno" not in msgs, doc
            assert {e["code"] for e in doc["errors"]} == {"storage_full"}, doc["errors"]  # a typed error, not internal_error
            assert "disk" in msgs and all(e["hint"] for e in doc["errors"]), msgs
            kept = check_artifacts(c, body)
            assert kept == 0 and not [p for p in (small_disk / body["job_id"] / "docs").rglob("*") if p.is_file()]
            assert c.get("/health").status_code == 200
            print(f"\nFAULT | disk full (2 MiB tmpfs) | {doc['status']} | {kept} files kept | {doc['errors'][0]['code']}: {msgs[:160]}")
            # free the space: the service works again
            assert c.delete(f"/v1/jobs/{body['job_id']}").status_code == 204
            r = submit(c, [("small.md", FRENCH_MD.encode())])
            ok = finished(c, r.json()["job_id"])
            assert ok["status"] == "success", ok
            assert check_artifacts(c, ok) == 2
    finally:
        srv.proc.stop()


def test_disk_full_while_publishing(tmp_path: Path) -> None:
    """``data/published`` on a 1 MiB tmpfs (another file system: files are copied, not linked) and a
    document whose public files do not fit: publishing fails with a clear error, the catalogue never
    lists a partial snapshot, and no partial snapshot is left on the disk."""
    with tmpfs(tmp_path / "data" / "published", "1m") as published:
        srv = start_server(tmp_path, "--workers", "1")
        try:
            with srv.client() as c, httpx.Client(base_url=srv.url, timeout=60) as public:
                r = submit(c, [("big.md", big_french(1000))], outputs=["json", "text", "html"])
                body = finished(c, r.json()["job_id"])
                doc = body["documents"][0]
                assert doc["status"] == "success", doc
                public_size = sum(a["size"] for a in doc["artifacts"] if a["role"] != "json")
                assert public_size > 1024 * 1024, public_size  # does not fit
                assert c.post(f"/v1/documents/{doc['id']}/approve").status_code == 200
                r = c.post(f"/v1/documents/{doc['id']}/publish")
                print(f"\nFAULT | disk full while publishing ({public_size // 1024} KiB into 1 MiB) | HTTP {r.status_code} | {r.text[:160]}")
                assert public.get("/v1/catalogue").json()["documents"] == []  # never a partial snapshot in public
                assert c.get(f"/v1/documents/{doc['id']}").json()["review_state"] == "reviewed"
                assert r.status_code in (503, 507) and r.json()["error"]["code"] != "internal_error", r.text
                assert "disk" in r.json()["error"]["message"].lower()
                left = [p for p in published.rglob("*") if p.is_file()]
                assert not left, f"a partial snapshot was left: {left}"
                assert c.get("/health").status_code == 200
        finally:
            srv.proc.stop()


@pytest.mark.redis
def test_redis_restarted_during_a_batch(tmp_path: Path) -> None:
    """Redis (no persistence: every queued message is lost) is killed and restarted while two
    workers convert a batch: the workers reconnect and every document still finishes."""
    rport = free_port()
    redis: Proc = redis_server(tmp_path, rport)
    env = {"TAYSIR_REDIS_URL": f"redis://127.0.0.1:{rport}/0", **LEASE}
    srv = start_server(tmp_path, "--workers", "0", **env)
    workers = [worker(srv.data, tmp_path / f"w{i}.log", **env) for i in range(2)]
    try:
        with srv.client() as c:
            wait_until(lambda: "2 worker process" in (c.get("/ready").json()["checks"]["queue"]["detail"] or ""), 60)
            r = submit(c, [(f"doc{i}.md", slow_markdown(120)) for i in range(10)])
            assert r.status_code == 202, r.text
            job_id = r.json()["job_id"]
            wait_until(lambda: db_rows(srv.data, "SELECT 1 FROM documents WHERE status = 'running'"), 120, every=0.02)
            redis.kill9()
            redis.fh.close()
            time.sleep(1.0)  # the workers see the queue gone
            redis = redis_server(tmp_path, rport)
            body = finished(c, job_id, timeout=300)
            assert body["status"] == "success", [(d["filename"], d["status"], d["errors"]) for d in body["documents"]]
            check_artifacts(c, body)
            ready = c.get("/ready").json()
            assert ready["checks"]["queue"]["ok"], ready
            attempts = sum(d["attempts"] for d in body["documents"])
        print(f"\nFAULT | Redis killed and restarted empty during a batch | 10 documents | lost 0 | {attempts} attempts")
    finally:
        for w in workers:
            w.stop()
        srv.proc.stop()
        redis.stop()


def test_processes_started_together_on_a_fresh_data_dir(tmp_path: Path) -> None:
    """`taysir serve` and six `taysir worker`s started at the same moment on an empty data dir (a
    deployment's first boot, or a restart of everything) must all come up: creating the database
    tables must not fail with "database is locked" in the losers of the race."""
    from tests.service.procs import serve, wait_http

    data, port = tmp_path / "data", free_port()
    procs = [serve(data, port, tmp_path / "serve.log", "--workers", "0")]
    procs += [worker(data, tmp_path / f"w{i}.log") for i in range(WORKERS_AT_ONCE)]
    try:
        wait_http(f"http://127.0.0.1:{port}/health", procs[0], timeout=120)
        token = (data / "admin-token.txt").read_text().strip()  # /ready gives worker counts to staff only (issue 21)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30, headers={"Authorization": f"Bearer {token}"}) as c:
            def three() -> bool:
                dead = [p.log.name for p in procs if p.p.poll() is not None]
                assert not dead, f"{dead} died at start:\n" + "\n".join(p.tail()[-600:] for p in procs if p.p.poll() is not None)
                return f"{WORKERS_AT_ONCE} worker process" in (c.get("/ready").json()["checks"]["queue"]["detail"] or "")

            wait_until(three, 90, every=0.2)
    finally:
        for p in procs:
            p.stop()
