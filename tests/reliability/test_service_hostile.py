"""The hostile-input corpus (tests/hostile/corpus.py) through a real `taysir serve` over HTTP.

Every file must end as a clear JSON error at upload (415/422 with a stable code) or as a
document whose status is ``failure`` with a typed error (or a correct reading when the corpus
says so), within a time limit; the conversion processes must stay within a memory bound; the
server must stay healthy, and no hostile file name may place a file outside the data directory.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.hostile.corpus import CORPUS, HOSTILE_NAMES, build
from tests.service.conftest import FRENCH_MD

from ._support import Server, SessionMemory, files_under, finished, multipart_raw, start_server, submit

pytestmark = pytest.mark.slow

TIME_LIMIT_S = 150  # per file, upload to a finished document, on a loaded 2-core machine
MEM_LIMIT_MIB = 2300  # peak resident memory of any conversion process or tool (service child limit: 2048 MiB of data)
LOCAL_SECRET = b"root:x:0:0"
HEALTH_LIMIT_S = 2.0  # /health must answer within this while a hostile file converts (loaded 2-core machine)
UPLOAD_STATUS = {"unsupported_format": 415, "bad_input": 422}


class HealthProbe:
    """Calls /health every 100 ms from its own thread while a hostile file converts."""

    def __init__(self, url: str) -> None:
        self.url, self.count, self.failures, self.worst = url, 0, 0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def start(self) -> HealthProbe:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def _loop(self) -> None:
        with httpx.Client(base_url=self.url, timeout=HEALTH_LIMIT_S * 2) as c:
            while not self._stop.wait(0.1):
                t0 = time.monotonic()
                try:
                    ok = c.get("/health").status_code == 200
                except httpx.HTTPError:
                    ok = False
                self.worst = max(self.worst, time.monotonic() - t0)
                self.count += 1
                self.failures += not ok


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, SessionMemory]]:
    tmp = tmp_path_factory.mktemp("hostile-serve")
    srv = start_server(tmp, "--workers", "2", TAYSIR_JOB_TIMEOUT_S="120")
    mem = SessionMemory(srv.proc.pid).start()
    try:
        yield srv, mem
    finally:
        mem.stop()
        srv.proc.stop()


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_hostile_file_through_the_service(name: str, server: tuple[Server, SessionMemory], tmp_path: Path) -> None:
    srv, mem = server
    path = build(name, tmp_path)
    expected = CORPUS[name][2]
    mem.reset()
    probe = HealthProbe(srv.url).start()
    t0 = time.monotonic()
    with srv.client() as c:
        r = submit(c, [(path.name, path.read_bytes())])
        if r.status_code != 202:
            body = r.json()  # a JSON error, never a stack trace or an HTML page
            err = body["error"]
            assert err["code"] in expected, body
            assert r.status_code == UPLOAD_STATUS[err["code"]], (r.status_code, body)
            assert path.name in err["message"] and err["hint"], body
            how = f"refused at upload: HTTP {r.status_code} `{err['code']}`: {err['message']}"
        else:
            job = finished(c, r.json()["job_id"], timeout=TIME_LIMIT_S)
            doc = job["documents"][0]
            if doc["status"] == "failure":
                err = doc["errors"][0]
                assert err["code"] in expected, doc
                assert len(err["message"]) > 20 and "Traceback" not in err["message"], err
                how = f"document failed: `{err['code']}`: {err['message']}"
            else:
                assert "ok" in expected, f"{name} was accepted: {doc}"
                how = f"read: {doc['status']}"
            for art in c.get(f"/v1/jobs/{job['job_id']}/artifacts").json()["artifacts"]:
                content = c.get(art["url"]).content
                assert LOCAL_SECRET not in content, f"{art['name']} holds /etc/passwd"
        seconds = time.monotonic() - t0
        probe.stop()
        assert seconds < TIME_LIMIT_S
        health = c.get("/health")
        assert health.status_code == 200 and health.json()["status"] == "ok"
    assert probe.failures == 0 and probe.worst < HEALTH_LIMIT_S, f"/health during the conversion: {probe.failures} failures, worst {probe.worst:.2f} s"
    time.sleep(0.1)  # one more sample after the end of the document
    assert mem.peak_mib < MEM_LIMIT_MIB, f"{mem.peak_name} peaked at {mem.peak_mib:.0f} MiB"
    leftovers = [n for _, n in mem.members() if not n.startswith(("python", "taysir"))]
    assert not leftovers, f"tools still running after the document ended: {leftovers}"
    print(f"\nHOSTILE | {name} | {path.name} | {path.stat().st_size} | {how} | {seconds:.1f} | {mem.peak_mib:.0f} ({mem.peak_name}) | {mem.virt_kib / 1024:.0f} | health {probe.count}x, worst {probe.worst * 1000:.0f} ms")


def test_hostile_file_names_stay_in_the_data_dir(server: tuple[Server, SessionMemory]) -> None:
    srv, _ = server
    outside_before = files_under(srv.data.parent)
    names = [n.encode() for n in HOSTILE_NAMES] + [b"..", b".", b"\xe2\x80\xae\xe2\x80\xae", b"C:\\temp\\..\\x.md", b"%2e%2e%2f%2e%2e%2fx.md"]
    with httpx.Client(base_url=srv.url, headers={"Authorization": f"Bearer {srv.token}"}, timeout=120) as c:
        jobs = []
        for raw in names:
            body, ctype = multipart_raw(raw, FRENCH_MD.encode())
            r = c.post("/v1/jobs", content=body, headers={"Content-Type": ctype})
            assert r.status_code in (202, 400), r.text
            if r.status_code == 400:
                assert r.json()["error"]["code"] in ("bad_upload", "bad_request"), r.text
                continue
            jobs.append((raw, r.json()))
        assert len(jobs) >= len(HOSTILE_NAMES) - 1  # at most the NUL name may be refused as a bad upload
        for _raw, created in jobs:
            job = finished(c, created["job_id"])
            doc = job["documents"][0]
            assert doc["status"] == "success", doc
            shown = doc["filename"]
            assert "/" not in shown and "\\" not in shown and "\x00" not in shown and "\u202e" not in shown, shown
            assert len(shown) <= 200
            for art in job["documents"][0]["artifacts"]:
                assert "/" not in art["name"] and ".." not in art["name"] and "\u202e" not in art["name"], art
                assert len(art["name"]) < 120, art["name"]
                r = c.get(art["url"])
                assert r.status_code == 200 and "Le conseil" in r.text
                cd = r.headers.get("content-disposition", "")
                assert "\u202e" not in cd and "/" not in cd.split("filename", 1)[-1], cd
    data = srv.data.resolve()
    for p in data.rglob("*"):
        assert p.resolve().is_relative_to(data), p
        assert "\u202e" not in p.name and len(p.name.encode()) <= 255 and ".." != p.name
    assert files_under(srv.data.parent) - outside_before <= {f"data/{p}" for p in files_under(srv.data)}
    assert not Path("/etc/passwd.pdf").exists() and not Path("/absolute/path.pdf").exists()
    with httpx.Client(base_url=srv.url, timeout=30) as anon:
        assert anon.get("/health").status_code == 200


def _limits(pid: int) -> dict[str, str]:
    try:
        lines = Path(f"/proc/{pid}/limits").read_text().splitlines()[1:]
    except OSError:
        return {}
    return {ln[:26].strip(): ln[26:47].strip() for ln in lines}


def _ppid(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def test_conversion_process_has_a_memory_limit(server: tuple[Server, SessionMemory]) -> None:
    """While a document converts, the process doing it (forked from the fork server) must run under
    an address-space limit, so a file that makes pdfium or Python allocate without bound ends as
    `worker_crashed` instead of exhausting the machine."""
    from tests.service.procs import slow_markdown, wait_until

    srv, mem = server
    with srv.client() as c:
        r = submit(c, [("long.md", slow_markdown(1500))])
        assert r.status_code == 202

        def children() -> list[int]:
            """Processes forked by a fork server (a fork keeps its parent's command line, so go by parent)."""
            pids = [pid for pid, _ in mem.members()]
            servers = {pid for pid in pids if "forkserver" in _cmdline(pid) and _ppid(pid) not in pids or _ppid(pid) == srv.proc.pid}
            servers = {pid for pid in servers if "forkserver" in _cmdline(pid)}
            return [pid for pid in pids if _ppid(pid) in servers]

        job_id = r.json()["job_id"]
        wait_until(lambda: c.get(f"/v1/jobs/{job_id}").json()["documents"][0]["stage"] in ("ingest", "structure"), 60, every=0.02)
        found = wait_until(children, 30, every=0.02)  # the child has set itself up: it reports its stages
        limits = {pid: _limits(pid).get("Max address space", "?") for pid in found}
        finished(c, job_id)
    assert limits and all(v not in ("unlimited", "?") for v in limits.values()), f"address-space limits of the conversion processes: {limits}"
