"""Renderer registry keyed by output name.

Feature packages register their renderers when imported; the list below is
imported lazily the first time the registry is used.
"""

from __future__ import annotations

from ..registry import Registry
from .base import Renderer, artifact

RENDERERS: Registry[Renderer] = Registry(
    "transform.renderers",
    builtins=(
        "transform.render.basic",
        "transform.simplify.render",
        "transform.braille.render",
        "transform.audio.render",
        "transform.video.render",
        "transform.publish.render",
    ),
)

__all__ = ["RENDERERS", "Renderer", "artifact"]
