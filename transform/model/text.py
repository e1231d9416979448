"""Sentences, languages and writing direction."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

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


def _unset(value: object) -> bool:
    return value is None


def _empty(value: object) -> bool:
    return not value


class Sentence(BaseModel):
    """The smallest addressed unit: braille maps, audio cues and review segments point at its id."""

    id: str
    text: str
    source_text: str | None = None
    lang: str | None = None
    direction: Direction | None = None
    # free-form annotations from stages (glossary notes, speakable text, status...)
    notes: dict[str, str] = {}
    # The reader's doubt about this sentence (a short code, as a block's: ``ocr_low_confidence``, ``ocr_weak_word``...)
    # and, inside it, the character spans [start, end) of ``text`` it is unsure of (a word tesseract read weakly, a
    # line in doubt); an empty list with a doubt: the whole sentence. A block holding a doubtful sentence is doubtful
    # too; a doubtful block none of whose sentences carries a doubt is doubtful throughout (transform/ocr/line_doubt.py).
    # Left out of the serialised form while unset, so documents without them serialise as before.
    doubt: str | None = Field(default=None, exclude_if=_unset)
    unsure: list[tuple[int, int]] = Field(default=[], exclude_if=_empty)
