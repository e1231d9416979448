"""The intermediate document model shared by every stage."""

from __future__ import annotations

from .blocks import Block, Cell, Figure, Heading, ListBlock, ListItem, Paragraph, Table
from .document import Document, DocumentMeta, Furniture, PageReport, Section, StageRecord
from .text import Direction, Sentence, base_lang, direction_for
from .timeline import CaptionCue, Chapter, Cue, Timeline
from .walk import Located, iter_blocks, iter_sections, iter_sentences

__all__ = [
    "Block",
    "CaptionCue",
    "Cell",
    "Chapter",
    "Cue",
    "Direction",
    "Document",
    "DocumentMeta",
    "Figure",
    "Furniture",
    "Heading",
    "ListBlock",
    "ListItem",
    "Located",
    "PageReport",
    "Paragraph",
    "Section",
    "Sentence",
    "StageRecord",
    "Table",
    "Timeline",
    "base_lang",
    "direction_for",
    "iter_blocks",
    "iter_sections",
    "iter_sentences",
]
