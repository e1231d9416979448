"""Document, its metadata and nested sections."""

from __future__ import annotations

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
