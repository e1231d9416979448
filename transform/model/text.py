"""Sentences, languages and writing direction."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

RTL_LANGS = frozenset({"ar", "ary", "fa", "he", "ur", "zgh"})


class Direction(StrEnum):
    LTR = "ltr"
    RTL = "rtl"


def base_lang(lang: str | None) -> str | None:
    """Primary subtag of a BCP-47 tag: ``"ar-MA"`` -> ``"ar"``."""
    if not lang:
        return None
    return lang.split("-")[0].lower()


def direction_for(lang: str | None) -> Direction:
    """Writing direction of a language (Arabic and Darija are right-to-left)."""
    return Direction.RTL if base_lang(lang) in RTL_LANGS else Direction.LTR


class Sentence(BaseModel):
    """The smallest addressed unit: braille maps, audio cues and review segments point at its id."""

    id: str
    text: str
    source_text: str | None = None
    lang: str | None = None
    direction: Direction | None = None
    # free-form annotations from stages (glossary notes, speakable text, status...)
    notes: dict[str, str] = {}
