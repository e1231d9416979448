"""What the stages and renderers of one run hand each other, typed.

Renderers declare the products they ``needs`` (the output that makes them is added to the run),
``uses`` (read when this run makes them; order only) and ``makes`` (left here for later
renderers). The planner (:mod:`transform.render.plan`) orders the renderers from these names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import CaptionCue, Timeline
    from .result import Artifact
    from .simplify.base import Simplification

TIMELINE = "timeline"  # Products.timelines[lang]: the narration's measured sentence timeline
NARRATION = "narration"  # Products.narrations[lang]: the narration audio file
CUES = "cues"  # Products.cues[lang]: caption cues, built once from the timeline
FILES = "files"  # Products.artifacts: every renderer makes files; one that uses FILES runs after all others

PRODUCTS = (TIMELINE, NARRATION, CUES, FILES)


@dataclass
class Products:
    """Per run: what the simplify stage and the renderers made, by language track."""

    simplified: dict[str, Simplification] = field(default_factory=dict)  # target ("ary", "fr-x-falc") -> result
    timelines: dict[str, Timeline] = field(default_factory=dict)
    narrations: dict[str, Path] = field(default_factory=dict)  # MP3, or the first audio format asked
    cues: dict[str, list[CaptionCue]] = field(default_factory=dict)
    artifacts: list[Artifact] = field(default_factory=list)  # files written so far in this run
