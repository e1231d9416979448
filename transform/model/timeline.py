"""Timing of narration: one cue per sentence, exact integer milliseconds."""

from __future__ import annotations

from pydantic import BaseModel


class Cue(BaseModel):
    sentence_id: str
    text: str
    lang: str
    begin_ms: int
    end_ms: int
    kind: str = "sentence"  # "sentence" | "heading"
    section_id: str | None = None
    # runs of another language read by their own voice: (language, voice) per part, in order; empty
    # when one voice reads the whole sentence (transform.audio.speech.split_runs)
    voices: list[tuple[str, str]] = []


class Chapter(BaseModel):
    title: str
    begin_ms: int
    end_ms: int
    section_id: str | None = None


class Timeline(BaseModel):
    """Where every sentence sits in one narration track."""

    lang: str
    cues: list[Cue] = []
    chapters: list[Chapter] = []
    duration_ms: int = 0
    missing: list[str] = []  # sentence ids that have no audio (partial results)


class CaptionCue(BaseModel):
    """One caption on screen: at most ``max_lines`` lines, times inside one sentence's span."""

    index: int
    begin_ms: int
    end_ms: int
    lines: list[str]
    lang: str
    sentence_id: str
