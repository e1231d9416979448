"""Renderer protocol: a named output that turns a RunContext into files.

A renderer declares what it needs and makes (product names from :mod:`transform.products`);
:mod:`transform.render.plan` adds the outputs a run needs and orders them from these declarations.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import ClassVar, Protocol

from ..context import RunContext
from ..result import Artifact


class Renderer(Protocol):
    name: ClassVar[str]
    description: ClassVar[str]
    needs: ClassVar[tuple[str, ...]]  # products that must exist first: the output that makes them is added
    uses: ClassVar[tuple[str, ...]]  # products read when this run makes them (they order the run, add nothing)
    makes: ClassVar[tuple[str, ...]]  # products left in ctx.products (every renderer also makes FILES)
    simplified: ClassVar[tuple[str, ...]]  # simplified tracks needed ("ary"...): the simplify stage makes them first

    def render(self, ctx: RunContext) -> list[Artifact]: ...


MEDIA_TYPES = {
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".brl": "text/plain; charset=utf-8",
    ".brf": "application/x-brf",
    ".pef": "application/x-pef+xml",
    ".mp3": "audio/mpeg",
    ".opus": "audio/ogg",
    ".m4a": "audio/mp4",
    ".srt": "application/x-subrip",
    ".vtt": "text/vtt",
    ".ass": "text/x-ssa",
    ".mp4": "video/mp4",
    ".html": "text/html; charset=utf-8",
    ".epub": "application/epub+zip",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".zip": "application/zip",
}


def artifact(ctx: RunContext, path: Path, role: str, lang: str | None = None, description: str = "") -> Artifact:
    """Describe a file the renderer just wrote under ``ctx.out_dir``."""
    rel = path.relative_to(ctx.out_dir).as_posix()
    media = MEDIA_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return Artifact(name=rel, media_type=media, role=role, lang=lang, size=path.stat().st_size, description=description)
