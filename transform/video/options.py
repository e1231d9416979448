"""Options of the captioned video scaffold (owned by the video module).

Sizes are in pixels of the output picture. The signer region is a rectangle in
a bottom corner that captions, titles and the logo never touch. It may never
be smaller than 1/6 of the picture (Ofcom), and the default also keeps the
large-screen practice (at least 1/4 of the width and 1/2 of the height): 1/4 of
the width x 2/3 of the height in landscape (a signer is taller than wide), 1/3
x 1/2 in portrait (mobile practice). Both are exactly 1/6 of the picture.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")

SIZES: dict[str, tuple[int, int]] = {"1280x720": (1280, 720), "1920x1080": (1920, 1080), "1080x1920": (1080, 1920)}
MIN_SIGNER_AREA = 1 / 6


class VideoOptions(BaseModel):
    """How the scaffold looks and how it is encoded."""

    size: Literal["1280x720", "1920x1080", "1080x1920"] = "1280x720"
    # "vfr": one frame per change of the picture (captions, titles), at its exact time (10 ms, the ASS
    # resolution); "cfr": ``fps`` frames every second, for an editor that cannot take a variable rate.
    frame_rate_mode: Literal["vfr", "cfr"] = "vfr"
    fps: int = Field(15, ge=5, le=60)  # "cfr" rate (15 fps keeps caption timing within 67 ms); nominal rate in "vfr"
    overlay_fps: int = Field(25, ge=10, le=60)  # frame rate of the composite with the interpreter
    # Signer region. None = 1/4 x 2/3 in landscape, 1/3 x 1/2 in portrait.
    signer_side: Literal["right", "left"] = "right"
    signer_width_frac: float | None = Field(None, gt=0, le=0.6)
    signer_height_frac: float | None = Field(None, gt=0, le=1.0)
    signer_margin_px: int = Field(0, ge=0, le=200)
    signer_label: bool = True  # write "sign language interpreter" inside the placeholder
    caption_position: Literal["auto", "beside", "above"] = "auto"
    # Branding.
    background: str = "#1d3557"
    text_color: str = "#ffffff"
    title_color: str = "#ffd166"
    caption_band_color: str = "#000000"
    caption_band_opacity: float = Field(0.65, ge=0, le=1)
    signer_fill: str = "#14213d"
    signer_outline: str = "#a8dadc"
    logo: str | None = None  # path of a PNG/JPEG shown in the top corner on the signer's side
    logo_height_frac: float = Field(0.1, gt=0, le=0.25)
    font_arabic: str = "Noto Naskh Arabic"
    font_latin: str = "Noto Sans"
    arabic_scale: float = Field(1.2, ge=0.8, le=1.6)  # Arabic fonts look smaller at the same nominal size
    caption_size: int | None = Field(None, ge=12, le=200)  # px; None = height/18 (40 px at 720p)
    title_size: int | None = Field(None, ge=16, le=300)  # px; None = height/11
    margin_px: int | None = Field(None, ge=0, le=200)  # None = height/22
    # Encoding.
    preset: Literal["ultrafast", "superfast", "veryfast", "faster", "fast", "medium"] = "veryfast"
    crf: int = Field(23, ge=0, le=51)
    audio_bitrate_k: int = Field(96, ge=32, le=320)
    # Long narrations: one video per top-level section (plus playlist and index) above this many minutes.
    split_after_min: float | None = Field(20.0, ge=0)  # None or 0: always one video
    # The citizens' video (``<stem>.<lang>.mp4``): narration and title cards, no signer region, no burned-in
    # captions; the player shows the WebVTT track (one caption layer). The scaffold is for interpreters.
    public_video: bool = True
    # Interpreter material.
    cue_sheet_pdf: bool = True
    teleprompter_lead_ms: int = Field(0, ge=0, le=5000)  # show each sentence this much earlier
    timeout_s: float = Field(900.0, gt=0)

    @field_validator("background", "text_color", "title_color", "caption_band_color", "signer_fill", "signer_outline")
    @classmethod
    def _colour(cls, v: str) -> str:
        if not _HEX.match(v):
            raise ValueError(f"colour {v!r} must be written #RRGGBB, e.g. #1d3557")
        return v.lower()

    @model_validator(mode="after")
    def _signer_big_enough(self) -> VideoOptions:
        wf, hf = self.signer_fracs()
        if wf * hf < MIN_SIGNER_AREA - 1e-9:
            raise ValueError(
                f"the signer region ({wf:.3g} of the width x {hf:.3g} of the height = {wf * hf:.3f} of the picture) "
                f"is smaller than 1/6 of the picture; the sign-language interpreter would be too small to read"
            )
        return self

    def dimensions(self) -> tuple[int, int]:
        return SIZES[self.size]

    def portrait(self) -> bool:
        w, h = self.dimensions()
        return h > w

    def signer_fracs(self) -> tuple[float, float]:
        portrait = self.portrait()
        wf = self.signer_width_frac if self.signer_width_frac is not None else (1 / 3 if portrait else 1 / 4)
        hf = self.signer_height_frac if self.signer_height_frac is not None else (1 / 2 if portrait else 2 / 3)
        return wf, hf
