"""Issue 21 item 8: a conversion process killed by the kernel's out-of-memory killer.

A real OOM kill: the test moves the conversion process of a running `taysir serve` into a memory
cgroup (v1 or v2) with a small limit, and the kernel kills it (SIGKILL) when it allocates past it;
the cgroup's own ``oom_kill`` counter proves it was the kernel. Checked:

* the first kill is retried once with the smaller memory plan (one CPU, one OCR thread), which
  succeeds when it is left alone, with a warning saying so;
* when the retry is killed too, the document fails with ``too_large_for_server``: a message that
  says the document was too large for this server and what to do (it used to fail at once, for
  good, with ``worker_crashed``).

Skipped, with the reason, where the test cannot create a memory cgroup (not root, no controller).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.service.procs import slow_markdown

from ._support import Server, SessionMemory, finished, start_server, submit

pytestmark = pytest.mark.slow
MiB = 1024 * 1024


class MemoryCgroup:
    """A memory cgroup with a limit; processes moved into it are OOM-killed past the limit."""

    def __init__(self, name: str, limit: int) -> None:
        v1 = Path("/sys/fs/cgroup/memory")
        v2 = Path("/sys/fs/cgroup")
        if (v1 / "memory.limit_in_bytes").exists():
            self.path, self.v2 = v1 / name, False
        elif "memory" in (v2 / "cgroup.controllers").read_text() if (v2 / "cgroup.controllers").exists() else False:
            self.path, self.v2 = v2 / name, True
        else:
            pytest.skip("no memory cgroup controller to cause a real out-of-memory kill")
        try:
            self.path.mkdir(exist_ok=True)
            if self.v2:
                (self.path / "memory.max").write_text(str(limit))
                (self.path / "memory.swap.max").write_text("0")
            else:
                (self.path / "memory.limit_in_bytes").write_text(str(limit))
        except OSError as exc:
            pytest.skip(f"cannot create a memory cgroup (needs root): {exc}")

    def add(self, pid: int) -> bool:
        try:
            (self.path / "cgroup.procs").write_text(str(pid))
            return True
        except OSError:
            return False

    def oom_kills(self) -> int:
        name = "memory.events" if self.v2 else "memory.oom_control"
        for line in (self.path / name).read_text().splitlines():
            if line.startswith("oom_kill "):
                return int(line.split()[1])
        return 0

    def remove(self) -> None:
        for _ in range(50):
            try:
                self.path.rmdir()
                return
            except OSError:
                time.sleep(0.1)


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


def conversion_processes(srv: Server) -> list[int]:
    """The processes forked by the server's fork server (one per document being converted)."""
    pids = [pid for pid, _ in SessionMemory(srv.proc.pid).members()]
    servers = {pid for pid in pids if "forkserver" in _cmdline(pid) and _ppid(pid) == srv.proc.pid}  # (its children keep its command line)
    return [pid for pid in pids if _ppid(pid) in servers]


class Jailer(threading.Thread):
    """Moves the first ``count`` conversion processes that appear into the cgroup; records their CPUs."""

    def __init__(self, srv: Server, cgroup: MemoryCgroup, count: int) -> None:
        super().__init__(daemon=True)
        self.srv, self.cgroup, self.count = srv, cgroup, count
        self.jailed: list[int] = []
        self.seen: dict[int, str] = {}  # pid -> Cpus_allowed_list
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.01):
            for pid in conversion_processes(self.srv):
                if pid in self.seen:
                    continue
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                if len(self.jailed) < self.count and self.cgroup.add(pid):
                    self.jailed.append(pid)
                time.sleep(0.3)  # the child applies its plan at start: read its CPUs a little later
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    pass
                cpus = next((ln.split(":", 1)[1].strip() for ln in status.splitlines() if ln.startswith("Cpus_allowed_list")), "?")
                self.seen[pid] = cpus


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("oom"), "--workers", "1", TAYSIR_WORKER_MEM_MB="0")
    try:
        yield srv
    finally:
        srv.proc.stop()


def _convert_with_jail(srv: Server, jail_count: int, name: str) -> tuple[dict, Jailer, int]:  # type: ignore[type-arg]
    cgroup = MemoryCgroup(f"taysir-oom-{os.getpid()}-{name}", 24 * MiB)
    jailer = Jailer(srv, cgroup, jail_count)
    jailer.start()
    try:
        with srv.client() as c:
            r = submit(c, [(f"{name}.md", slow_markdown(1500))])
            assert r.status_code == 202, r.text
            job = finished(c, r.json()["job_id"], timeout=300)
        return job, jailer, cgroup.oom_kills()
    finally:
        jailer.stop.set()
        jailer.join(5)
        cgroup.remove()


def test_killed_once_by_the_kernel_then_converted_with_a_smaller_plan(server: Server) -> None:
    job, jailer, kills = _convert_with_jail(server, 1, "once")
    doc = job["documents"][0]
    print(f"\nOOM | killed once by the kernel ({kills} OOM kills in its cgroup, the tools it started included): {doc['status']}; "
          f"CPUs allowed to the conversion processes: {jailer.seen}")
    assert kills >= 1 and len(jailer.jailed) == 1, "the kernel did not kill the conversion process"
    assert not Path(f"/proc/{jailer.jailed[0]}").exists()
    assert doc["status"] == "success", doc
    notes = [e for e in doc["errors"] if e["code"] == "low_memory_plan"]
    assert notes and notes[0]["severity"] == "warning" and "smaller memory plan" in notes[0]["message"], doc["errors"]
    retry = [cpus for pid, cpus in jailer.seen.items() if pid not in jailer.jailed]
    assert retry and all("," not in c and "-" not in c for c in retry), jailer.seen  # the retry ran on one CPU


def test_killed_twice_is_too_large_for_this_server(server: Server) -> None:
    job, jailer, kills = _convert_with_jail(server, 2, "twice")
    doc = job["documents"][0]
    print(f"\nOOM | killed twice by the kernel ({kills} OOM kills): {doc['status']} `{doc['errors'][0]['code']}`: {doc['errors'][0]['message']}")
    assert kills >= 2 and len(jailer.jailed) == 2
    assert doc["status"] == "failure" and doc["attempts"] == 1, doc
    err = doc["errors"][0]
    assert err["code"] == "too_large_for_server", err
    assert "too large for this server" in err["message"] and "Split" in err["hint"] and "memory" in err["hint"], err
    assert "exit code" not in err["message"] and "Traceback" not in err["message"]
