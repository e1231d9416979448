"""fontconfig's ``fc-match``: which installed font a family name resolves to (the video captions)."""

from __future__ import annotations

from functools import lru_cache

from ..errors import MissingDependencyError, ToolError
from ._probe import ToolProbe
from ._run import run

PROBE = ToolProbe("fontconfig", ("fc-match",), ("--version",), "apt-get install fontconfig", required=False)


def match_command(family: str) -> list[str]:
    return ["fc-match", "-f", "%{family[0]}|%{file}", family]


@lru_cache(maxsize=64)
def match(family: str) -> tuple[str, str] | None:
    """(family, font file) fontconfig picks for ``family``; None without fc-match or an answer."""
    try:
        out = run(match_command(family), tool="fc-match", timeout=20, hint="apt-get install fontconfig")
    except (ToolError, MissingDependencyError):
        return None
    text = out.stdout.decode("utf-8", "replace").strip()
    if "|" not in text:
        return None
    fam, path = text.split("|", 1)
    return fam, path
