"""pandoc (the one bundled by ``pypandoc-binary``, else one on PATH), always run with ``--sandbox``:
documents to its JSON AST (ingest), and a JSON AST to DOCX (publish)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..errors import MissingDependencyError
from ._probe import ToolProbe
from ._run import run

HINT = "pip install pypandoc-binary"


def locate() -> str | None:
    """The pandoc bundled by pypandoc-binary, else one on PATH."""
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return shutil.which("pandoc")


PROBE = ToolProbe("pandoc", ("pandoc",), ("--version",), HINT, locate=locate)


def binary() -> str:
    found = locate()
    if not found:
        raise MissingDependencyError("pandoc is not installed.", hint=HINT)
    return found


def to_json_command(path: Path, fmt: str) -> list[str]:
    return [binary(), "--sandbox", "-f", fmt, "-t", "json", str(path)]


def to_json(path: Path, fmt: str, *, timeout: float, mem_limit_mb: int = 2048) -> subprocess.CompletedProcess[bytes]:
    """``path`` (pandoc reader ``fmt``) -> its JSON AST on stdout; warnings on stderr (the caller judges them)."""
    return run(to_json_command(path, fmt), tool="pandoc", timeout=timeout, mem_limit_mb=mem_limit_mb)


def json_to_docx(ast_json: bytes, out: Path, *, timeout: float, mem_limit_mb: int = 2048) -> None:
    """A pandoc JSON AST on stdin -> a DOCX at ``out``."""
    cmd = [binary(), "--sandbox", "-f", "json", "-t", "docx", "-o", str(out)]
    run(cmd, tool="pandoc", timeout=timeout, input=ast_json, mem_limit_mb=mem_limit_mb, hint=HINT)
