"""The one ``run()`` for external programs: timeout, optional memory limit, typed errors, stderr logged."""

from __future__ import annotations

import logging
import resource
import subprocess
from collections.abc import Sequence
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
            # Only a memory limit needs code run in the child: without one, subprocess can vfork
            # instead of copying this (large) process, which bench/long.py counts as a second one.
            preexec_fn=_limits(mem_limit_mb * 1024 * 1024, None) if mem_limit_mb else None,
        )
    except FileNotFoundError:
        raise MissingDependencyError(
            f"The program {args[0]!r} ({tool}) is not installed.",
            hint=hint or "Run scripts/setup.sh to install the system packages.",
        ) from None
    except subprocess.TimeoutExpired:
        raise ToolError(f"{tool} did not finish within {timeout:.0f} s and was stopped.", hint=hint or None) from None
    if proc.stderr:
        logging.getLogger(f"transform.exec.{tool}").debug("%s", proc.stderr.decode("utf-8", "replace")[-2000:])
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise ToolError(f"{tool} failed (exit {proc.returncode}): {' / '.join(tail) or 'no message'}", hint=hint or None)
    return proc
