"""Shared helpers of the reliability tests: a running `taysir serve`, a memory sampler, job helpers.

Process helpers (free ports, `taysir serve`, `taysir worker`, `redis-server`) come from
``tests/service/procs.py``; this module only adds what fault and hostile-input tests need.
"""

from __future__ import annotations

import io
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.service.procs import Proc, free_port, serve, wait_http, wait_until

MiB = 1024 * 1024


def _stat(pid: str) -> tuple[str, int] | None:
    """(name, session id) of a process, None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as fh:
            raw = fh.read()
    except OSError:
        return None
    name = raw[raw.find("(") + 1 : raw.rfind(")")]
    fields = raw.rsplit(")", 1)[1].split()
    return name, int(fields[3])


def _vm_kib(pid: str) -> tuple[int, int]:
    """(VmHWM, VmPeak) of a process in KiB: peak resident and peak virtual memory."""
    hwm = peak = 0
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
                elif line.startswith("VmPeak:"):
                    peak = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return hwm, peak


class SessionMemory:
    """Samples the peak resident memory (VmHWM) of every process in a session (a `taysir serve` and
    everything it started: fork server, conversion children, pandoc...), apart from the server itself."""

    def __init__(self, session: int, every: float = 0.03) -> None:
        self.session, self.every = session, every
        self.peak_kib = 0
        self.peak_name = ""
        self.virt_kib = 0
        self.server_kib = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="mem-sampler")

    def start(self) -> SessionMemory:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def reset(self) -> None:
        with self._lock:
            self.peak_kib, self.peak_name, self.virt_kib = 0, "", 0

    def members(self) -> list[tuple[int, str]]:
        out = []
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                st = _stat(pid)
                if st is not None and st[1] == self.session:
                    out.append((int(pid), st[0]))
        return out

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            for pid, name in self.members():
                hwm, virt = _vm_kib(str(pid))
                with self._lock:
                    if pid == self.session:
                        self.server_kib = max(self.server_kib, hwm)
                        continue
                    if name.startswith("python"):  # the conversion processes (GHC's pandoc reserves 1 TiB it never uses)
                        self.virt_kib = max(self.virt_kib, virt)
                    if hwm > self.peak_kib:
                        self.peak_kib, self.peak_name = hwm, name

    @property
    def peak_mib(self) -> float:
        return self.peak_kib / 1024


@dataclass
class Server:
    proc: Proc
    port: int
    data: Path
    token: str
    log: Path
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self, timeout: float = 120) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={"Authorization": f"Bearer {self.token}"}, timeout=timeout)


def start_server(tmp: Path, *args: str, port: int | None = None, **env: str) -> Server:
    """`taysir serve` on 127.0.0.1 with its data in ``tmp/data``; returns once /health answers."""
    data, port = tmp / "data", port or free_port()
    log = tmp / "serve.log"
    proc = serve(data, port, log, *args, **env)
    wait_http(f"http://127.0.0.1:{port}/health", proc, timeout=120)
    token = (data / "admin-token.txt").read_text().strip()
    return Server(proc, port, data, token, log, env)


def submit(c: httpx.Client, files: list[tuple[str, bytes]], outputs: list[str] | None = None) -> httpx.Response:
    parts = [("files", (n, io.BytesIO(b), "application/octet-stream")) for n, b in files]
    return c.post("/v1/jobs", files=parts, data={"options": json.dumps({"outputs": outputs or ["json", "text"]})})


def finished(c: httpx.Client, job_id: str, timeout: float = 180) -> dict[str, Any]:
    """Long-poll the job until every document is finished."""
    def poll() -> dict[str, Any] | None:
        r = c.get(f"/v1/jobs/{job_id}", params={"wait": 20})
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body if body["status"] not in ("queued", "running") else None

    return wait_until(poll, timeout, every=0)  # type: ignore[no-any-return]


def multipart_raw(filename: bytes, content: bytes, options: dict[str, Any] | None = None) -> tuple[bytes, str]:
    """A multipart body built by hand, so a file name reaches the server byte for byte (NUL, RTL, ..)."""
    boundary = "taysirBoundary7MA4YWxkTrZu0gW"
    b = boundary.encode()
    body = (
        b"--" + b + b'\r\nContent-Disposition: form-data; name="options"\r\n\r\n'
        + json.dumps(options or {"outputs": ["json", "text"]}).encode() + b"\r\n"
        + b"--" + b + b'\r\nContent-Disposition: form-data; name="files"; filename="' + filename + b'"\r\n'
        + b"Content-Type: application/octet-stream\r\n\r\n" + content + b"\r\n--" + b + b"--\r\n"
    )
    return body, f"multipart/form-data; boundary={boundary}"


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")} if root.exists() else set()


def elapsed_since(t0: float) -> float:
    return time.monotonic() - t0


# -- raw sockets and the staff web pages (issue 21 tests) ------------------------------------------
def rss_kib(pid: int) -> int:
    """Resident memory of a process now (VmRSS), in KiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def raw_request(port: int, head: bytes, body: bytes = b"", *, timeout: float = 10) -> tuple[int, bytes]:
    """Send ``head`` (request line and headers, without the blank line) and ``body``; (status, answer)."""
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(head.rstrip(b"\r\n") + b"\r\n\r\n" + body)
        data = b""
        try:
            while chunk := s.recv(65536):
                data += chunk
                if b"\r\n\r\n" in data and _complete(data):
                    break
        except (ConnectionResetError, TimeoutError):
            pass
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data


def _complete(data: bytes) -> bool:
    head, _, rest = data.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(rest) >= int(line.split(b":", 1)[1])
    return False


def csrf_of(html: str) -> str:
    import re

    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, html[:500]
    return m.group(1)


def web_session(srv: Server, token: str | None = None) -> httpx.Client:
    """An httpx client signed in to the staff pages (session and CSRF cookies set)."""
    c = httpx.Client(base_url=srv.url, timeout=120, follow_redirects=False)
    page = c.get("/staff/signin")
    r = c.post("/staff/signin", data={"token": token or srv.token, "csrf": csrf_of(page.text), "next": "/staff"})
    assert r.status_code == 303, r.text
    return c
