"""Minimal lines -> blocks grouping for OCR'd images (used when the PDF ingester's own
grouping is not importable): lines close together with the same size form a paragraph,
clearly larger lines become headings."""

from __future__ import annotations

from statistics import median

from ..ingest.base import TextLine
from ..model import Heading, Paragraph, Sentence
from ..model.text import direction_for
from .quality import langs_of

HEADING_RATIO = 1.25  # line size over the body size from which a line is a heading


def _lang(text: str) -> str:
    langs = langs_of(text)
    return langs[0] if langs else "ar"


def lines_to_blocks(lines: list[TextLine]) -> list[Heading | Paragraph]:
    """Group lines (already in reading order) into headings and paragraphs."""
    lines = [ln for ln in lines if ln.text.strip()]
    if not lines:
        return []
    body = median(ln.size for ln in lines) or 1.0
    blocks: list[Heading | Paragraph] = []
    group: list[TextLine] = []

    def flush() -> None:
        if not group:
            return
        text = " ".join(ln.text.strip() for ln in group)
        lang = _lang(text)
        sent = [Sentence(id="", text=text)]
        direction, page = direction_for(lang), group[0].page
        if group[0].size >= HEADING_RATIO * body:
            level = 1 if group[0].size >= 1.6 * body else 2
            blocks.append(Heading(level=level, sentences=sent, lang=lang, direction=direction, page=page))
        else:
            blocks.append(Paragraph(sentences=sent, lang=lang, direction=direction, page=page))
        group.clear()

    for ln in lines:
        if group:
            prev = group[-1]
            gap = ln.top - prev.bottom
            same_size = abs(ln.size - prev.size) <= 0.3 * max(prev.size, 1.0)
            if ln.page != prev.page or not same_size or gap > 1.0 * max(prev.height, 1.0) or gap < -prev.height:
                flush()
        group.append(ln)
    flush()
    return blocks
