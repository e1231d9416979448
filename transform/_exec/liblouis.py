"""liblouis tools: liblouisutdml's ``file2brl`` (formatted BRF from XML), the speed reference of the braille
benchmark. Taysir itself calls liblouis as a library (``transform.braille``), not through these programs."""

from __future__ import annotations

from pathlib import Path

from ._probe import ToolProbe

FILE2BRL = ToolProbe("file2brl", ("file2brl",), ("--version",), "apt-get install liblouisutdml-bin", required=False)
TABLE_PATH = "/usr/share/liblouisutdml/lbu_files,/usr/share/liblouis/tables"  # LOUIS_TABLEPATH for its built-in config


def file2brl_command(config: Path, source: Path) -> list[str | Path]:
    """``source`` (XML) formatted with ``config`` -> BRF on stdout."""
    return ["file2brl", "-f", config, source]
