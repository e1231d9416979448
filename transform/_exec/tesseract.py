"""tesseract: OCR of page images to TSV (one OpenMP thread per process: pages run in parallel instead)."""

from __future__ import annotations

from pathlib import Path

from ._probe import ToolProbe
from ._run import run

HINT = "Install tesseract-ocr with tesseract-ocr-ara and tesseract-ocr-fra."
PROBE = ToolProbe("tesseract", ("tesseract",), ("--version",), "apt-get install tesseract-ocr tesseract-ocr-ara tesseract-ocr-fra")


def tsv_command(image: Path, langs: str, psm: int) -> list[str]:
    """``image`` (or a list file of images) -> TSV on stdout. OMP_THREAD_LIMIT is set through env(1),
    so this process's own environment is left alone."""
    return ["env", "OMP_THREAD_LIMIT=1", "tesseract", str(image), "stdout", "-l", langs, "--psm", str(psm), "tsv"]


def tsv(image: Path, *, langs: str, psm: int, timeout: float, mem_limit_mb: int = 2048, hint: str = "") -> bytes:
    return run(tsv_command(image, langs, psm), tool="tesseract", timeout=timeout, mem_limit_mb=mem_limit_mb, hint=hint).stdout


def languages(*, timeout: float = 20) -> set[str]:
    """The language models installed (``ara``, ``fra``...)."""
    out = run(["tesseract", "--list-langs"], tool="tesseract", timeout=timeout).stdout.decode("utf-8", "replace")
    return {ln.strip() for ln in out.splitlines()[1:] if ln.strip()}


def osd(image: Path, *, timeout: float, mem_limit_mb: int = 2048) -> str:
    """tesseract's orientation and script detection (``--psm 0``, osd.traineddata) of one page image: its
    report (``Rotate: 90``, ``Orientation confidence: 18.01``...) as text."""
    cmd = ["env", "OMP_THREAD_LIMIT=1", "tesseract", str(image), "stdout", "--psm", "0"]
    return run(cmd, tool="tesseract", timeout=timeout, mem_limit_mb=mem_limit_mb, hint=HINT).stdout.decode("utf-8", "replace")
