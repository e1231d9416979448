"""Wrappers around external programs: one ``run`` with timeouts and typed errors, and probes."""

from __future__ import annotations

import logging
import resource
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import MissingDependencyError, ToolError

log = logging.getLogger("transform.exec")


def _limits(mem_bytes: int | None, cpu_s: int | None):  # type: ignore[no-untyped-def]
    def apply() -> None:
        if mem_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (mem_bytes, mem_bytes))
        if cpu_s:
            resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 5))

    return apply


def run(
    cmd: Sequence[str | Path],
    *,
    tool: str,
    timeout: float,
    input: bytes | None = None,
    mem_limit_mb: int | None = None,
    cwd: Path | None = None,
    hint: str = "",
) -> subprocess.CompletedProcess[bytes]:
    """Run an external program with a timeout and optional memory limit.

    Raises :class:`MissingDependencyError` when the program is not installed and
    :class:`ToolError` (with the last stderr lines) when it fails or times out.
    """
    args = [str(c) for c in cmd]
    log.debug("run %s", " ".join(args))
    try:
        proc = subprocess.run(
            args,
            input=input,
            capture_output=True,
            timeout=timeout,
            cwd=cwd,
            preexec_fn=_limits(mem_limit_mb * 1024 * 1024 if mem_limit_mb else None, None),
        )
    except FileNotFoundError:
        raise MissingDependencyError(
            f"The program {args[0]!r} ({tool}) is not installed.",
            hint=hint or "Run scripts/setup.sh to install the system packages.",
        ) from None
    except subprocess.TimeoutExpired:
        raise ToolError(f"{tool} did not finish within {timeout:.0f} s and was stopped.", hint=hint or None) from None
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise ToolError(f"{tool} failed (exit {proc.returncode}): {' / '.join(tail) or 'no message'}", hint=hint or None)
    return proc


@dataclass(frozen=True)
class ToolProbe:
    """Is an external tool available, and which version."""

    name: str
    binary: str
    version_args: tuple[str, ...] = ("--version",)
    install_hint: str = "Run scripts/setup.sh."

    def path(self) -> str | None:
        return shutil.which(self.binary)

    def available(self) -> bool:
        return self.path() is not None

    def version(self) -> str | None:
        return _version(self.binary, self.version_args)

    def require(self) -> str:
        p = self.path()
        if p is None:
            raise MissingDependencyError(f"{self.name} ({self.binary}) is not installed.", hint=self.install_hint)
        return p


@cache
def _version(binary: str, args: tuple[str, ...]) -> str | None:
    if shutil.which(binary) is None:
        return None
    try:
        out = subprocess.run([binary, *args], capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (out.stdout or out.stderr).decode("utf-8", "replace").strip().splitlines()
    return text[0][:120] if text else None


FFMPEG = ToolProbe("ffmpeg", "ffmpeg", ("-version",), "apt-get install ffmpeg")
FFPROBE = ToolProbe("ffprobe", "ffprobe", ("-version",), "apt-get install ffmpeg")
ESPEAK = ToolProbe("espeak-ng", "espeak-ng", ("--version",), "apt-get install espeak-ng")
TESSERACT = ToolProbe("tesseract", "tesseract", ("--version",), "apt-get install tesseract-ocr tesseract-ocr-ara tesseract-ocr-fra")

PROBES: dict[str, ToolProbe] = {p.name: p for p in (FFMPEG, FFPROBE, ESPEAK, TESSERACT)}
