"""Per-run options: the same object for the library, the CLI and the HTTP body."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .audio.options import AudioOptions, CaptionOptions
from .braille.options import BrailleOptions
from .simplify.options import SimplifyOptions
from .video.options import VideoOptions

DEFAULT_OUTPUTS = ["json", "text"]


class TransformOptions(BaseModel):
    """What to produce from a document and how.

    ``outputs`` names renderers (see ``transform.render.RENDERERS.names()``).
    ``languages`` limits the language tracks rendered (``ar``, ``fr``, ``ary``...);
    by default every language found in the document is rendered, plus ``ary``
    when a Darija draft was made.
    """

    outputs: list[str] = Field(default_factory=lambda: list(DEFAULT_OUTPUTS))
    languages: list[str] | None = None
    ocr: Literal["auto", "always", "never"] = "auto"
    max_pages: int = Field(2000, ge=1)
    timeout_s: float = Field(600.0, gt=0)  # bound on one external call
    keep_intermediates: bool = False
    simplify: SimplifyOptions = SimplifyOptions()
    braille: BrailleOptions = BrailleOptions()
    audio: AudioOptions = AudioOptions()
    captions: CaptionOptions = CaptionOptions()
    video: VideoOptions = VideoOptions()
