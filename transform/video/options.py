"""Options of the captioned video scaffold (owned by the video module)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class VideoOptions(BaseModel):
    size: Literal["1280x720", "1920x1080", "1080x1920"] = "1280x720"
    signer_side: Literal["right", "left"] = "right"
    signer_width_frac: float = 0.25
    signer_height_frac: float = 0.5
    background: str = "#1d3557"
    text_color: str = "#ffffff"
    logo: str | None = None
    font: str = "Noto Naskh Arabic"
    fps: int = 25
