"""Real processes for the slow tests: `taysir serve`, `taysir worker`, `redis-server` on free ports."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
TAYSIR = [sys.executable, "-m", "transform"] if not (Path(sys.executable).parent / "taysir").exists() else [str(Path(sys.executable).parent / "taysir")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def slow_markdown(sections: int = 3000) -> bytes:
    """A long French document: several seconds of conversion, so a worker can be killed mid-job."""
    para = "Le conseil régional a voté un budget de 3 500 000 dirhams pour les routes rurales de la province. " * 5
    return ("# Budget\n\n" + "\n\n".join(f"## Section {i}\n\n{para}" for i in range(sections))).encode()


class Proc:
    def __init__(self, args: list[str], log: Path, env: dict[str, str]) -> None:
        self.log = log
        self.fh = log.open("ab")
        self.p = subprocess.Popen(args, stdout=self.fh, stderr=subprocess.STDOUT, env=env, cwd=ROOT, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.p.pid

    def kill9(self) -> None:
        """kill -9 the process and its children (the conversion processes), as a crash would."""
        try:
            os.killpg(self.p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.p.wait(10)

    def stop(self) -> None:
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGINT)
            try:
                self.p.wait(20)
            except subprocess.TimeoutExpired:
                self.kill9()
        self.fh.close()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


def env_for(data: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TAYSIR_")}
    env.update({"TAYSIR_DATA_DIR": str(data), "TAYSIR_LEASE_S": "15", "PYTHONUNBUFFERED": "1"})  # a dead owner on this host is detected at once
    env.update(extra)
    return env


def serve(data: Path, port: int, log: Path, *extra_args: str, **env: str) -> Proc:
    return Proc([*TAYSIR, "serve", "--port", str(port), "--print-token", *extra_args], log, env_for(data, **env))


def worker(data: Path, log: Path, **env: str) -> Proc:
    return Proc([*TAYSIR, "worker", "--threads", "1"], log, env_for(data, **env))


def wait_http(url: str, proc: Proc, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.p.poll() is not None:
            raise AssertionError(f"process exited ({proc.p.returncode}):\n{proc.tail()}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not answer:\n{proc.tail()}")


def redis_server(tmp: Path, port: int) -> Proc:
    exe = shutil.which("redis-server")
    assert exe, "redis-server is not installed"
    p = Proc([exe, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp), "--save", "", "--appendonly", "no"], tmp / "redis.log",
             dict(os.environ))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"PING\r\n")
                if s.recv(64).startswith(b"+PONG"):
                    return p
        except OSError:
            time.sleep(0.05)
    raise AssertionError(p.tail())


def db_rows(data: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(data / "taysir.sqlite3", timeout=30)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def wait_until(fn: Any, timeout: float = 60, every: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(every)
    raise AssertionError("condition not met in time")
