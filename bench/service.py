"""Service benchmark: latency under load and memory during a large streamed upload.

Starts `taysir serve` (embedded workers) on 127.0.0.1 with a temporary data dir, then
1. runs two long conversions and, while they run, 50 concurrent clients that request a job's
   status and download a file: p50 / p99 latency of each kind;
2. streams a 100 MiB upload and samples the server's RSS: growth over the idle RSS.
Goals: p99 < 100 ms, RSS growth < 50 MB.

    .venv/bin/python bench/service.py [--clients 50] [--requests 40] [--upload-mb 100]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.service.procs import free_port, serve, slow_markdown, wait_http  # noqa: E402

GOAL_P99_MS = 100.0
GOAL_RSS_MB = 50.0


def api_pids(pid: int) -> list[int]:
    """The processes answering HTTP: `taysir serve` itself, or its uvicorn worker processes when it has several."""
    kids = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text().rsplit(")", 1)[1].split()
            cmd = (d / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == pid and b"spawn_main" in cmd:
            kids.append(int(d.name))
    return kids or [pid]


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_s(pid: int) -> float:
    """User + system CPU seconds used so far by the process (its own threads, not its children)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def loadavg() -> str:
    with open("/proc/loadavg", encoding="ascii") as fh:
        return " ".join(fh.read().split()[:3])


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


class RawClient:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams: it measures the server, not the client
    (httpx's async pool costs more than our endpoints under 50 concurrent connections)."""

    def __init__(self, port: int, token: str) -> None:
        self.port, self.token = port, token

    async def __aenter__(self) -> RawClient:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.writer.close()

    async def get(self, path: str) -> tuple[int, bytes]:
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {self.token}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(int(v) for k, _, v in (ln.partition(":") for ln in lines[1:]) if k.lower() == "content-length")
        return status, await self.reader.readexactly(length)


async def load(port: int, token: str, status_url: str, file_url: str, clients: int, per_client: int,
               think_s: float = 0.0) -> dict[str, list[float]]:
    lat: dict[str, list[float]] = {"status": [], "download": []}

    async def one(i: int) -> None:
        await asyncio.sleep(think_s * i / clients)  # spread the clients' start
        async with RawClient(port, token) as c:
            for k in range(per_client):
                if k and think_s:
                    await asyncio.sleep(think_s)
                kind, url = ("status", status_url) if (i + k) % 2 == 0 else ("download", file_url)
                t0 = time.perf_counter()
                status, _ = await c.get(url)
                lat[kind].append((time.perf_counter() - t0) * 1000)
                assert status == 200, status

    await asyncio.gather(*(one(i) for i in range(clients)))
    return lat


def streamed_upload(base: str, token: str, size_mb: int, pid: int) -> tuple[float, float, int, float]:
    boundary = "taysirbench0123456789"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.bin\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    chunk = bytes(range(256)) * 4096  # 1 MiB of binary data (refused as a format after the upload)

    def body():  # type: ignore[no-untyped-def]
        yield head
        for _ in range(size_mb):
            yield chunk
        yield tail

    pids = api_pids(pid)
    idle = {p: rss_mb(p) for p in pids}
    peak = dict(idle)
    stop = threading.Event()

    def sample() -> None:  # each API process: the upload lands in one of them
        while not stop.is_set():
            for p in pids:
                peak[p] = max(peak[p], rss_mb(p))
            time.sleep(0.01)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    t0 = time.perf_counter()
    length = len(head) + size_mb * len(chunk) + len(tail)
    r = httpx.post(f"{base}/v1/jobs", content=body(), timeout=300,
                   headers={"Authorization": f"Bearer {token}", "Content-Type": f"multipart/form-data; boundary={boundary}",
                            "Content-Length": str(length)})
    elapsed = time.perf_counter() - t0
    stop.set()
    t.join()
    grown = max(pids, key=lambda p: peak[p] - idle[p])
    return idle[grown], peak[grown], r.status_code, elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=40, help="requests per client")
    ap.add_argument("--think-ms", type=float, default=200, help="pause between a client's requests (a progress poller)")
    ap.add_argument("--upload-mb", type=int, default=100)
    ap.add_argument("--processes", type=int, default=0, help="API processes of `taysir serve` (0: its default, one per CPU)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="taysir-bench-"))
    data, port = tmp / "data", free_port()
    srv = serve(data, port, tmp / "serve.log", TAYSIR_MAX_UPLOAD_MB=str(args.upload_mb + 10), TAYSIR_LEASE_S="30",
                TAYSIR_API_PROCESSES=str(args.processes))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/health", srv)
        token = (data / "admin-token.txt").read_text().strip()
        h = {"Authorization": f"Bearer {token}"}
        opts = {"options": json.dumps({"outputs": ["json", "text"]})}
        small = "# Budget\n\n" + "Le conseil régional a voté un budget de 3 500 000 dirhams. " * 2000
        job = httpx.post(f"{base}/v1/jobs", files={"files": ("budget.md", io.BytesIO(small.encode()))}, data=opts, headers=h).json()
        done = httpx.get(f"{base}/v1/jobs/{job['job_id']}", params={"wait": 60}, headers=h, timeout=90).json()
        art = next(a for a in done["documents"][0]["artifacts"] if a["name"].endswith(".fr.txt"))
        # two long conversions keep both embedded workers busy during the measurement
        busy = [httpx.post(f"{base}/v1/jobs", files={"files": (f"long{i}.md", io.BytesIO(slow_markdown(12000)))}, data=opts, headers=h).json()
                for i in range(2)]
        while any(httpx.get(f"{base}/v1/jobs/{b['job_id']}", headers=h).json()["status"] != "running" for b in busy):
            time.sleep(0.05)
        worst = {}
        for label, think in (("polling clients", args.think_ms / 1000), ("closed loop, no pause", 0.0)):  # keys of `worst`
            pids = api_pids(srv.pid)
            t0, c0 = time.perf_counter(), sum(cpu_s(p) for p in pids)
            lat = asyncio.run(load(port, token, f"/v1/jobs/{job['job_id']}", art["url"], args.clients, args.requests, think))
            wall, cpu = time.perf_counter() - t0, sum(cpu_s(p) for p in pids) - c0
            still = [httpx.get(f"{base}/v1/jobs/{b['job_id']}", headers=h).json()["status"] for b in busy]
            n = sum(len(v) for v in lat.values())
            print(f"{label}: {len(pids)} API process(es), {args.clients} clients{f' pausing {think * 1000:.0f} ms' if think else ''}, {n} requests in {wall:.2f} s "
                  f"({n / wall:.0f} req/s); the two conversions were {still[0]}/{still[1]} at the end; "
                  f"server CPU {cpu * 1000 / n:.2f} ms per request; load average {loadavg()} on {os.cpu_count()} CPUs")
            for kind, values in lat.items():
                p50, p99 = statistics.median(values), pct(values, 0.99)
                worst[label] = max(worst.get(label, 0.0), p99)
                print(f"  {kind:<9} p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   (p99 / goal {GOAL_P99_MS:.0f} ms = {p99 / GOAL_P99_MS:.2f})")
        base_rss, peak, status, secs = streamed_upload(base, token, args.upload_mb, srv.pid)
        growth = peak - base_rss
        print(f"upload: {args.upload_mb} MiB streamed in {secs:.2f} s ({args.upload_mb / secs:.0f} MiB/s), answer {status}; "
              f"server RSS {base_rss:.1f} -> peak {peak:.1f} MB, growth {growth:.1f} MB (goal < {GOAL_RSS_MB:.0f} MB: {growth / GOAL_RSS_MB:.2f}x)")
        paced, unpaced = worst["polling clients"], worst["closed loop, no pause"]
        ok = unpaced < GOAL_P99_MS and growth < GOAL_RSS_MB
        if ok:
            print("goals met (p99 under 100 ms even with no pause between requests; memory)")
        elif paced < GOAL_P99_MS and growth < GOAL_RSS_MB:
            print(f"GOALS MET ONLY FOR POLLING CLIENTS: p99 {paced:.0f} ms with pauses, {unpaced:.0f} ms with none")
        else:
            print("GOALS NOT MET")
        return 0 if ok else 1
    finally:
        srv.stop()


if __name__ == "__main__":
    raise SystemExit(main())
