"""Imported by the fork server once: the library, every renderer and the service's internal renderer."""

from __future__ import annotations

from .child import preload

preload()
