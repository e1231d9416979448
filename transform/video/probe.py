"""ffprobe: what a media file contains (streams, sizes, frame rates, durations, tags)."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from .._exec import FFPROBE, ffmpeg
from ..errors import InputError, ToolError


@dataclass
class MediaInfo:
    path: Path
    duration_s: float
    streams: list[dict[str, Any]] = field(default_factory=list)
    tags: dict[str, str] = field(default_factory=dict)

    def first(self, codec_type: str) -> dict[str, Any] | None:
        for s in self.streams:
            if s.get("codec_type") == codec_type and not s.get("disposition", {}).get("attached_pic"):
                return s
        return None

    @property
    def video(self) -> dict[str, Any] | None:
        return self.first("video")

    def size(self) -> tuple[int, int]:
        """Display size: pixel aspect ratio applied, rotation (phone recordings) applied."""
        v = self.video or {}
        w, h = int(v.get("width", 0)), int(v.get("height", 0))
        try:
            sar = Fraction(str(v.get("sample_aspect_ratio", "1:1")).replace(":", "/"))
        except (ValueError, ZeroDivisionError):
            sar = Fraction(1)
        if sar > 0 and sar != 1:
            w = round(w * sar)
        rot = _rotation(v)
        return (h, w) if rot in (90, 270) else (w, h)

    def fps(self) -> float:
        v = self.video or {}
        for key in ("avg_frame_rate", "r_frame_rate"):
            try:
                f = Fraction(v.get(key, "0/0"))
            except (ValueError, ZeroDivisionError):
                continue
            if f > 0:
                return float(f)
        return 0.0

    def stream_duration(self, codec_type: str) -> float:
        s = self.first(codec_type) or {}
        try:
            return float(s.get("duration", self.duration_s))
        except (TypeError, ValueError):
            return self.duration_s


def _rotation(stream: dict[str, Any]) -> int:
    for sd in stream.get("side_data_list", []) or []:
        if "rotation" in sd:
            return abs(int(sd["rotation"])) % 360
    try:
        return abs(int(stream.get("tags", {}).get("rotate", 0))) % 360
    except ValueError:
        return 0


def probe(path: Path, *, what: str = "media file", timeout: float = 60) -> MediaInfo:
    """Read a media file's streams; :class:`InputError` when it is missing or not media."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"The {what} {str(path)!r} does not exist.", hint="Check the path.")
    FFPROBE.require()
    try:
        data = ffmpeg.probe_json(path, timeout=timeout)
    except ToolError as exc:
        raise InputError(
            f"The {what} {path.name!r} is not a readable audio/video file ({exc.message}).",
            hint="Give an MP4, MOV, WebM or MKV file.",
        ) from None
    fmt = data.get("format", {})
    try:
        duration = float(fmt.get("duration", 0.0))
    except (TypeError, ValueError):
        duration = 0.0
    return MediaInfo(path=path, duration_s=duration, streams=data.get("streams", []), tags=fmt.get("tags", {}) or {})
