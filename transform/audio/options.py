"""Options of narration and captions (owned by the audio module).

Both models are nested in :class:`transform.options.TransformOptions` as
``options.audio`` and ``options.captions``; the CLI takes them as JSON
(``--options '{"audio": {"engine": "espeak", "rate": 140}}'``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class AudioOptions(BaseModel):
    """How narration is synthesised and encoded."""

    engine: str = "espeak"  # espeak | gtts | piper | null (see transform.audio.engines.TTS_ENGINES)
    voices: dict[str, str] = {}  # lang -> engine voice name, e.g. {"fr": "fr-fr", "ar": "ar"}
    rate: int = Field(150, ge=60, le=400)  # words per minute (espeak, piper length scale)
    rates: dict[str, int] = {}  # per-language override of ``rate``, e.g. {"ar": 135}
    formats: list[Literal["mp3", "opus", "m4a"]] = ["mp3"]
    bitrate_k: int = Field(64, ge=24, le=320)  # MP3/M4A bit rate (Opus uses half of it)
    sample_rate: int = Field(22050, ge=8000, le=48000)  # every clip is brought to this rate
    loudness_lufs: float = Field(-16.0, ge=-40.0, le=-5.0)  # EBU R128 integrated loudness target
    normalise: bool = True
    diacritise: bool = True  # Arabic/Darija through the tashkeel model before synthesis (D5)
    pause_sentence_ms: int = Field(240, ge=0, le=5000)
    pause_paragraph_ms: int = Field(600, ge=0, le=5000)
    pause_heading_ms: int = Field(900, ge=0, le=5000)
    min_sentence_slot_ms: int = Field(860, ge=0, le=5000)  # clip + pause after it, so a short caption can stay 5/6 s
    max_caption_cps: float | None = Field(17.0, gt=0)  # slow down a sentence whose caption would need more than this
    chapter_depth: int = Field(2, ge=1, le=6)  # headings down to this section depth become chapters
    piper_model: str | None = None  # path of a local Piper .onnx voice (its .onnx.json next to it)
    gtts_tld: str = "com"
    network_timeout_s: float = Field(3.0, gt=0, le=60)  # connect timeout of online engines
    timeout_s: float = Field(60.0, gt=0)  # bound on the synthesis of one sentence
    workers: int | None = Field(None, ge=1, le=64)  # parallel synthesis jobs; None = CPU count
    espeak_backend: Literal["auto", "worker", "cli"] = "auto"  # worker processes keep the voice loaded
    mp3_quality: int = Field(7, ge=0, le=9)  # LAME algorithm quality (0 best/slowest, 9 fastest)

    def rate_for(self, lang: str) -> int:
        return self.rates.get(lang, self.rate)


class CaptionOptions(BaseModel):
    """Caption limits (ACCESSIBILITY.md) and file formats."""

    max_chars_per_line: int = Field(42, ge=10, le=80)
    max_lines: int = Field(2, ge=1, le=3)
    min_duration_ms: int = Field(833, ge=0)  # 5/6 s
    max_duration_ms: int = Field(7000, ge=1000)
    max_cps: float = Field(17.0, gt=0)  # characters per second, spaces and punctuation included
    max_linger_ms: int = Field(500, ge=0, le=2000)  # a cue may stay this long after its sentence ends (never into the next)
    rtl_mark: Literal["rlm", "embed", "none"] = "rlm"  # how right-to-left lines are marked in SRT/VTT
    formats: list[Literal["srt", "vtt"]] = ["srt", "vtt"]
