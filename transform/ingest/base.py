"""Ingester protocol and the raw layout types ingesters share."""

from __future__ import annotations

from dataclasses import dataclass
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

    @property
    def height(self) -> float:
        return self.bottom - self.top
