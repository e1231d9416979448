"""Ingester protocol and the raw layout types ingesters share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

from ..model import Document

if TYPE_CHECKING:
    from ..context import RunContext


class Ingester(Protocol):
    formats: ClassVar[tuple[str, ...]]

    def ingest(self, path: Path, ctx: RunContext) -> Document:
        """Read a file into a Document: blocks in reading order, headings as Heading blocks,
        paragraph text not yet split into sentences (``structure`` does that)."""
        ...


@dataclass
class TextLine:
    """One line of text on a page with its geometry (PDF points, origin top-left)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0  # font size in points
    bold: bool = False
    page: int = 1  # 1-based
    # How sure the reader is of this line, 0..1 (the page's text-layer score, or tesseract's mean
    # word confidence / 100), and why it is in doubt (see transform/ocr/confidence.py). Keyword-only,
    # so subclasses keep their positional fields.
    confidence: float | None = field(default=None, kw_only=True)
    doubt: str | None = field(default=None, kw_only=True)
    # an underline drawn under the whole line, seen on the page image (OCR'd pages and earlier OCR's layers: a title's cue)
    underline: bool = field(default=False, kw_only=True)
    fill: bool = field(default=False, kw_only=True)  # a dot leader follows it, painted out before OCR (ocr/fills.py)
    # the first and last ink columns of the line's band on the page image (left, right; points), a mark OCR dropped
    # included (OCR'd pages: ocr/ink_starts.py); None where not measured
    ink: tuple[float, float] | None = field(default=None, kw_only=True)
    # (read, put right) words the page's spelling pass settled (OCR'd lines): evidence of the document's own letter
    # confusions (ocr/doc_profile.py)
    mended: tuple[tuple[str, str], ...] = field(default=(), kw_only=True, repr=False, compare=False)
    # (word, confidence 0-100) of the words tesseract read under ocr/line_doubt.KEEP_UNDER (OCR'd lines): the words a
    # sentence's doubt points at (ocr/line_doubt.py)
    weak: tuple[tuple[str, float], ...] = field(default=(), kw_only=True, repr=False, compare=False)

    @property
    def height(self) -> float:
        return self.bottom - self.top
