"""Parent side of the espeak-ng worker processes (see ``espeak_worker.py``): a pool with per-call timeouts."""

from __future__ import annotations

import ctypes.util
import json
import os
import queue
import selectors
import struct
import threading
import time
from functools import lru_cache
from pathlib import Path

from ..._exec.espeak import WorkerProcess
from ...errors import EngineError, ToolError

WORKER = Path(__file__).with_name("espeak_worker.py")


@lru_cache(maxsize=1)
def library_available() -> bool:
    """libespeak-ng is loadable (the worker backend can run)."""
    return ctypes.util.find_library("espeak-ng") is not None


class _Worker(WorkerProcess):
    def __init__(self) -> None:
        super().__init__(WORKER)

    def _read(self, n: int, deadline: float, sel: selectors.BaseSelector) -> bytes:
        buf = bytearray()
        while len(buf) < n:
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(left):
                raise TimeoutError
            try:
                chunk = os.read(self.fd, n - len(buf))
            except BlockingIOError:
                continue
            if not chunk:
                raise EOFError
            buf += chunk
        return bytes(buf)

    def call(self, voice: str, rate: int, text: str, timeout: float) -> bytes:
        req = json.dumps({"v": voice, "r": rate, "t": text}, ensure_ascii=False).encode("utf-8") + b"\n"
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as sel:
            sel.register(self.fd, selectors.EVENT_READ)
            self.send(req)
            head = self._read(6, deadline, sel)
            tag, size = head[:2], struct.unpack("<I", head[2:])[0]
            body = self._read(size, deadline, sel)
        if tag != b"OK":
            raise EngineError(f"espeak-ng: {body.decode('utf-8', 'replace')}")
        return body


class WorkerPool:
    """Up to ``size`` espeak-ng worker processes shared by the synthesis threads."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self.idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self.started = 0
        self.lock = threading.Lock()

    def _get(self) -> _Worker:
        while True:
            try:
                return self.idle.get_nowait()
            except queue.Empty:
                pass
            with self.lock:
                if self.started < self.size:
                    self.started += 1
                    try:
                        return _Worker()
                    except OSError as exc:
                        self.started -= 1
                        raise EngineError(f"Could not start an espeak-ng worker: {exc.strerror}.") from None
            try:  # all workers busy: wait for one (re-checking in case a timed-out worker was dropped)
                return self.idle.get(timeout=0.2)
            except queue.Empty:
                continue

    def synthesize(self, voice: str, rate: int, text: str, timeout: float) -> bytes:
        worker = self._get()
        try:
            data = worker.call(voice, rate, text, timeout)
        except TimeoutError:
            self._drop(worker, kill=True)
            raise ToolError(f"espeak-ng did not finish within {timeout:g} s and was stopped.") from None
        except (EOFError, BrokenPipeError, OSError):
            self._drop(worker, kill=True)
            raise ToolError(
                "The espeak-ng worker stopped unexpectedly.", hint="Check that espeak-ng and its data are installed."
            ) from None
        except EngineError:
            self.idle.put(worker)
            raise
        self.idle.put(worker)
        return data

    def _drop(self, worker: _Worker, *, kill: bool) -> None:
        if kill:
            worker.kill()
        with self.lock:
            self.started -= 1

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().close()
            except queue.Empty:
                break
        with self.lock:
            self.started = 0
