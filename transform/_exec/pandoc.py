"""pandoc (the one bundled by ``pypandoc-binary``, else one on PATH), always run with ``--sandbox``:
documents to its JSON AST (ingest, :func:`run_sandboxed`), and a JSON AST to DOCX (publish)."""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from ..errors import MissingDependencyError, ToolError
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


# pandoc's own builds ask GHC's runtime for a 64 MB starting heap (``-with-rtsopts=-H64m``); the DOCX
# writer keeps under 1 MB live even for 200 pages, so a 16 MB hint makes the same file with about
# 40 MB less resident memory and the same CPU time (docs/benchmarks.md, "Cue sheets without a browser").
DOCX_RTS = ("+RTS", "-H16m", "-RTS")


@lru_cache(maxsize=4)
def takes_rts_options(pandoc: str) -> bool:
    """True when this pandoc accepts runtime options on its command line (a build linked without
    ``-rtsopts`` refuses them and exits with an error)."""
    try:
        run([pandoc, *DOCX_RTS, "--version"], tool="pandoc", timeout=30, hint=HINT)
    except (ToolError, MissingDependencyError):
        return False
    return True


def json_to_docx(ast_json: bytes, out: Path, *, timeout: float, mem_limit_mb: int = 2048) -> None:
    """A pandoc JSON AST on stdin -> a DOCX at ``out``.

    When pandoc takes runtime options it gets a small heap hint, and the memory bound is GHC's
    maximum heap (``-M``) instead of an address-space limit: setting that limit needs code run in a
    forked copy of this process, where pandoc alone can be started without copying it."""
    exe = binary()
    if takes_rts_options(exe):
        rts, limit = [*DOCX_RTS[:-1], f"-M{mem_limit_mb}m", DOCX_RTS[-1]], None
    else:
        rts, limit = [], mem_limit_mb
    cmd = [exe, "--sandbox", *rts, "-f", "json", "-t", "docx", "-o", str(out)]
    run(cmd, tool="pandoc", timeout=timeout, input=ast_json, mem_limit_mb=limit, hint=HINT)
