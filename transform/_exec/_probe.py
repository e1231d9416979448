"""Is an external program installed, where, and which version (``taysir doctor`` and ``/ready``)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..errors import MissingDependencyError


@dataclass(frozen=True)
class ToolProbe:
    """One external program: ``binaries`` are tried in order on PATH (or ``locate`` finds it)."""

    name: str
    binaries: tuple[str, ...]
    version_args: tuple[str, ...] = ("--version",)
    install_hint: str = "Run scripts/setup.sh."
    required: bool = True  # False: an optional feature (a missing one is reported, never "not ready")
    version_pattern: str = r"\d+\.\d+"  # the first output line matching this is the version line
    locate: Callable[[], str | None] | None = None

    @property
    def binary(self) -> str:
        return self.binaries[0]

    def path(self) -> str | None:
        if self.locate is not None:
            return self.locate()
        for b in self.binaries:
            found = shutil.which(b)
            if found:
                return found
        return None

    def available(self) -> bool:
        return self.path() is not None

    def version(self) -> str | None:
        path = self.path()
        return _version(path, self.version_args, self.version_pattern) if path else None

    def require(self) -> str:
        p = self.path()
        if p is None:
            raise MissingDependencyError(f"{self.name} ({self.binary}) is not installed.", hint=self.install_hint)
        return p


@cache
def _version(path: str, args: tuple[str, ...], pattern: str) -> str | None:
    try:
        out = subprocess.run([path, *args], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (out.stdout or out.stderr).decode("utf-8", "replace").replace(path, os.path.basename(path))
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    found = next((ln for ln in lines if re.search(pattern, ln)), None)
    return (found or (lines[0] if lines else ""))[:120] or None
