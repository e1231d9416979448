"""The scaffold's own description: picture size, signer region, language.

Written twice so the overlay step can always recover the signer region: as a
JSON sidecar ``<name>.video.json`` and inside the MP4 (the ``comment`` tag).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..errors import InputError
from .layout import Layout
from .probe import MediaInfo

MAGIC = "taysir-video"


class Region(BaseModel):
    x: int
    y: int
    w: int
    h: int


class VideoMeta(BaseModel):
    kind: str = MAGIC
    version: int = 1
    lang: str
    width: int
    height: int
    fps: int
    overlay_fps: int
    duration_ms: int
    signer: Region
    signer_fill: str
    captions: Region
    titles: Region

    @classmethod
    def from_layout(
        cls, layout: Layout, *, lang: str, fps: int, overlay_fps: int, duration_ms: int, signer_fill: str
    ) -> VideoMeta:
        return cls(
            lang=lang,
            width=layout.width,
            height=layout.height,
            fps=fps,
            overlay_fps=overlay_fps,
            duration_ms=duration_ms,
            signer=Region(**layout.signer.as_dict()),
            signer_fill=signer_fill,
            captions=Region(**layout.captions.as_dict()),
            titles=Region(**layout.titles.as_dict()),
        )

    def comment(self) -> str:
        return self.model_dump_json()


def sidecar_path(video: Path) -> Path:
    """``budget.ar.mp4`` -> ``budget.ar.video.json``."""
    return video.with_name(video.stem + ".video.json")


def _parse(text: str) -> VideoMeta | None:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("kind") != MAGIC:
        return None
    try:
        return VideoMeta.model_validate(data)
    except ValidationError:
        return None


def read_meta(video: Path, info: MediaInfo) -> VideoMeta:
    """The scaffold's metadata from its MP4 comment tag, else from the sidecar; InputError when neither exists."""
    tags = {k.lower(): v for k, v in info.tags.items()}
    meta = _parse(tags.get("comment", ""))
    if meta is None:
        side = sidecar_path(video)
        if side.is_file():
            meta = _parse(side.read_text(encoding="utf-8"))
    if meta is None:
        raise InputError(
            f"{video.name!r} has no signer-region metadata: it was not made by Taysir, or it was re-encoded without its tags.",
            hint=f"Keep {sidecar_path(video).name} next to it, or give the region yourself with --region X,Y,W,H.",
        )
    return meta
