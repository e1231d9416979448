"""Headless Chromium (Debian's ``chromium``): print an HTML file to PDF, offline, with a throw-away profile."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ._probe import ToolProbe
from ._run import run

PROBE = ToolProbe(
    "chromium", ("chromium", "chromium-browser", "google-chrome"), ("--version",),
    "apt-get install chromium (only the interpreter's printable cue sheet needs it)", required=False,
)


def print_command(binary: str, html: Path, pdf: Path, profile: str) -> list[str]:
    return [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-pdf-header-footer",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={pdf.resolve()}",
        html.resolve().as_uri(),
    ]


def print_to_pdf(html: Path, pdf: Path, *, timeout: float, hint: str = "") -> None:
    """MissingDependencyError when Chromium is not installed, ToolError when it fails."""
    binary = PROBE.require()
    with tempfile.TemporaryDirectory(prefix="taysir-chromium-") as profile:
        run(print_command(binary, html, pdf, profile), tool="chromium", timeout=timeout, hint=hint)
