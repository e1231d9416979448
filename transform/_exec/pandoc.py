"""pandoc (the one bundled by ``pypandoc-binary``, else one on PATH), always run with ``--sandbox``:
documents to its JSON AST (ingest, :func:`run_sandboxed`), and a JSON AST to DOCX (publish)."""

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


def run_sandboxed(args: list[str], *, src: Path | None = None, data: bytes | None = None, timeout: float,
                  mem_limit_mb: int = 2048) -> subprocess.CompletedProcess[bytes]:
    """``pandoc --sandbox ARGS [SRC]`` (or the document on stdin): ingest's readers; warnings on stderr."""
    cmd = [binary(), "--sandbox", *args] + ([str(src)] if src is not None else [])
    return run(cmd, tool="pandoc", timeout=timeout, input=data, mem_limit_mb=mem_limit_mb)


def json_to_docx(ast_json: bytes, out: Path, *, timeout: float, mem_limit_mb: int = 2048) -> None:
    """A pandoc JSON AST on stdin -> a DOCX at ``out``."""
    cmd = [binary(), "--sandbox", "-f", "json", "-t", "docx", "-o", str(out)]
    run(cmd, tool="pandoc", timeout=timeout, input=ast_json, mem_limit_mb=mem_limit_mb, hint=HINT)
