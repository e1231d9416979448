"""Language helpers: number words (fr, MSA, Darija), speakable text, Arabic diacritisation."""

from __future__ import annotations

from .speakable import speakable
from .tashkeel import diacritise

__all__ = ["diacritise", "speakable"]
