"""Options of narration and captions (owned by the audio module)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class AudioOptions(BaseModel):
    engine: str = "espeak"
    voices: dict[str, str] = {}  # lang -> voice name for the engine
    rate: int = Field(150, ge=60, le=400)  # words per minute (espeak)
    formats: list[Literal["mp3", "opus", "m4a"]] = ["mp3"]
    loudness_lufs: float = -16.0
    piper_model: str | None = None
    timeout_s: float = 60.0


class CaptionOptions(BaseModel):
    max_chars_per_line: int = Field(42, ge=10, le=80)
    max_lines: int = Field(2, ge=1, le=3)
    min_duration_ms: int = 833
    max_duration_ms: int = 7000
    max_cps: float = 17.0
    formats: list[Literal["srt", "vtt"]] = ["srt", "vtt"]
