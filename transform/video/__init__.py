"""Captioned video scaffolds with a reserved sign-language region, the interpreter's
cue sheet, and the overlay of the recorded interpreter (ffmpeg + libass).

Library use without the pipeline::

    from transform.video import VideoOptions, make_scaffold, overlay_interpreter
    res = make_scaffold(timeline, Path("budget.ar.mp3"), caption_cues, VideoOptions(), "budget.ar.scaffold.mp4")
    overlay_interpreter("budget.ar.scaffold.mp4", "interpreter.mov", "budget.ar.signed.mp4", chroma_key="green")
    make_scaffold(timeline, Path("budget.ar.mp3"), caption_cues, VideoOptions(), "budget.ar.mp4", public=True)  # citizens
"""

from __future__ import annotations

from .cuesheet import cue_sheet_html, write_cue_sheet
from .layout import Layout, Rect, compute_layout
from .meta import VideoMeta, read_meta
from .options import VideoOptions
from .overlay import OverlayResult, overlay_interpreter
from .scaffold import ScaffoldResult, make_scaffold
from .subtitles import teleprompter_vtt

__all__ = [
    "Layout",
    "OverlayResult",
    "Rect",
    "ScaffoldResult",
    "VideoMeta",
    "VideoOptions",
    "compute_layout",
    "cue_sheet_html",
    "make_scaffold",
    "overlay_interpreter",
    "read_meta",
    "teleprompter_vtt",
    "write_cue_sheet",
]
