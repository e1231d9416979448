"""Narration (text-to-speech) and captions.

Library use::

    from transform.audio import narrate, make_captions, write_vtt
    narration = narrate(document, "ar", Path("out/budget.ar"), AudioOptions())
    cues = make_captions(narration.timeline, CaptionOptions())

Pipeline use: ``--outputs audio,captions`` (renderers in ``transform.audio.render``).
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from pathlib import Path

from ..model import Document, Timeline
from .captions import (
    CaptionIssue,
    CaptionResult,
    build_captions,
    check_cues,
    make_captions,
    srt_text,
    vtt_text,
    write_srt,
    write_vtt,
)
from .engines import TTS_ENGINES
from .options import AudioOptions, CaptionOptions


@dataclass
class Narration:
    """Result of :func:`narrate`: the files written and the exact timeline."""

    lang: str
    files: dict[str, Path]
    timeline: Timeline
    notes: list[str]
    failures: list[tuple[str, str]]


def narrate(
    doc: Document, lang: str, out_base: Path, options: AudioOptions | None = None, *, title: str | None = None
) -> Narration:
    """Narrate ``doc`` (one language track) to ``out_base.mp3`` (+ opus/m4a) and return its timeline."""
    from .encode import encode_track
    from .narrate import synthesize_track

    opts = options or AudioOptions()
    track = synthesize_track(doc, lang, opts, title=title)
    try:
        files = encode_track(track, out_base, opts, title=title)
    finally:
        track.discard()
    return Narration(lang, files, track.timeline, track.notes, track.failures)


class _Package(types.ModuleType):
    """Keeps ``transform.audio.narrate`` the function: importing the submodule of the same name
    (``transform.audio.narrate``, loaded lazily) would otherwise replace the package attribute with
    the module. The submodule stays importable by its full name."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "narrate" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "TTS_ENGINES",
    "AudioOptions",
    "CaptionIssue",
    "CaptionOptions",
    "CaptionResult",
    "Narration",
    "build_captions",
    "check_cues",
    "make_captions",
    "narrate",
    "srt_text",
    "vtt_text",
    "write_srt",
    "write_vtt",
]
