"""Frozen OCR'd lines of corpus pages, grouped as the PDF reader groups them (shared by the layout and heading tests).

A row is ``(x0, top, x1, bottom, size, text)``: a line's box in points, its estimated type size and its text as
tesseract read it. ``groups`` runs the reader's line grouping and, unless told otherwise, the paragraph rebuild.
"""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ingest.pdf_blocks import group_lines
from transform.ingest.pdf_paragraphs import rejoin_paragraphs

Row = tuple[float, float, float, float, float, str]


def lines_of(rows: list[Row], confidence: float = 0.8) -> list[TextLine]:
    return [TextLine(text=t, x0=x0, top=top, x1=x1, bottom=bottom, size=size, page=1, confidence=confidence)
            for x0, top, x1, bottom, size, t in rows]


def groups(rows: list[Row], width: float = 595.0, *, confidence: float = 0.8, rejoin: bool = True) -> list:
    grouped = group_lines([lines_of(rows, confidence)], [[]], [width], [842.0])
    return rejoin_paragraphs(grouped) if rejoin else grouped


def paragraph_texts(rows: list[Row], width: float = 595.0) -> list[str]:
    """Each group's text, its lines joined by a space."""
    return [" ".join(ln.text for ln in g.lines) for g in groups(rows, width)]
