"""Document, its metadata and nested sections."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from .blocks import Block, Heading
from .text import Direction


class StageRecord(BaseModel):
    stage: str
    engine: str | None = None
    version: str | None = None
    seconds: float = 0.0
    notes: dict[str, str] = {}


class PageReport(BaseModel):
    """How one source page was read (text layer or OCR) and why."""

    page: int
    method: str  # "text" | "ocr" | "unreadable"
    reason: str = ""
    score: float | None = None
    langs: list[str] = []

    def refusal(self) -> tuple[str, int | None]:
        """Why an unreadable page was refused, as a kind each door words in its own language, and the
        scan's resolution when that is the cause: ``low_dpi`` (a scan of about N dpi), ``not_installed``
        (no OCR or no model for its language), ``ocr_off``, ``failed`` (an error, a time-out, a page too
        large to render), ``turned`` (too unsure to keep, and the page seems scanned sideways or upside down:
        the reader could not read it turned either), ``unsure`` (OCR read it, too unsure to keep). ``reason``
        stays the detail."""
        r = self.reason
        dpi = _DPI.search(r)
        if dpi:
            return "low_dpi", int(dpi.group(1))
        if "not installed" in r or "no OCR model" in r:
            return "not_installed", None
        if "ocr=never" in r or "OCR is off" in r:
            return "ocr_off", None
        if r.startswith(("OCR failed", "not processed")) or "timed out" in r or "too large" in r:
            return "failed", None
        if "seems to have been scanned" in r:  # transform/ocr/orientation.py's SEEMS
            return "turned", None
        return "unsure", None


_DPI = re.compile(r"(?:scanned at about|resolution about) (\d+) dpi")


class Furniture(BaseModel):
    """Page furniture kept out of the body: running headers and footers, page numbers."""

    page: int
    kind: str  # "header" | "footer" | "page_number"
    text: str


class DocumentMeta(BaseModel):
    title: str | None = None
    source_name: str = ""
    source_format: str = ""
    source_sha256: str = ""
    lang: str = "ar"
    direction: Direction = Direction.RTL
    page_count: int | None = None
    pages: list[PageReport] = []
    variant: str = "source"  # "source" | "simplified" | "easy-read"
    review_state: str | None = None  # "draft" | "reviewed" | "published" for simplified variants

    def refused_pages(self) -> list[PageReport]:
        """Source pages the reader refused as unreadable (OCR too unsure, a 44 dpi scan, no OCR model...),
        blank pages aside: their text is in no block and no format, so a person must read the original."""
        return [r for r in self.pages if r.method == "unreadable" and not r.reason.startswith("blank page")]


class Section(BaseModel):
    id: str = ""
    heading: Heading | None = None
    blocks: list[Block] = []
    sections: list[Section] = []
    lang: str | None = None
    direction: Direction | None = None


class Document(BaseModel):
    schema_version: Literal[1] = 1
    meta: DocumentMeta
    sections: list[Section] = []
    provenance: list[StageRecord] = []
    furniture: list[Furniture] = []
