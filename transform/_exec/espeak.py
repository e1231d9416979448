"""espeak-ng: the command line of the one-process-per-sentence backend, the installed voices, and the
long-lived worker processes of the worker backend (``transform/audio/engines/espeak_worker.py``)."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from ._probe import ToolProbe

PROBE = ToolProbe("espeak-ng", ("espeak-ng",), ("--version",), "apt-get install espeak-ng")
HINT = "apt-get install espeak-ng"


def synth_command(voice: str, rate: int) -> list[str]:
    """Text on stdin -> a streamed WAV on stdout (``-z``: no final pause; ``-b 1``: UTF-8 input)."""
    return ["espeak-ng", "-v", voice, "-s", str(rate), "-z", "-b", "1", "--stdout"]


@lru_cache(maxsize=4)
def installed_languages(binary: str = "espeak-ng") -> frozenset[str]:
    """Language codes of the installed espeak-ng voices (``ar``, ``fr-fr``, ``fr``...)."""
    try:
        out = subprocess.run([binary, "--voices"], capture_output=True, timeout=10).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    langs = set()
    for line in out.splitlines()[1:]:
        cols = line.split()
        if len(cols) >= 2:
            langs.add(cols[1].lower())
            langs.add(cols[1].lower().split("-")[0])
    return frozenset(langs)


class WorkerProcess:
    """One worker: a Python process running ``script`` (libespeak-ng through ctypes), spoken to through
    pipes; the caller reads its stdout without blocking (``fd``) and enforces timeouts."""

    def __init__(self, script: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-S", "-E", str(script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
        )
        self.fd = self.proc.stdout.fileno()  # type: ignore[union-attr]
        os.set_blocking(self.fd, False)

    def send(self, data: bytes) -> None:
        self.proc.stdin.write(data)  # type: ignore[union-attr]

    def close(self) -> None:
        """Ask the worker to stop (end of its input); kill it when it does not within 2 s."""
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()  # type: ignore[union-attr]
                self.proc.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
