"""Block-level content: headings, paragraphs, lists, tables, figures."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, PrivateAttr

from .text import Direction, Sentence


class _BlockBase(BaseModel):
    id: str = ""
    lang: str | None = None
    direction: Direction | None = None
    page: int | None = None  # 1-based source page, when the source has pages
    # How sure the reader is of this block's text, 0..1 (text-layer score or OCR confidence);
    # None = not measured (office formats read exactly). Below the doubt threshold the block
    # carries ``doubt`` (a short reason code, e.g. "ocr_low_confidence", "digits_disagree")
    # and reaches the reviewer as "check against the source", never as sound.
    confidence: float | None = None
    doubt: str | None = None
    # What the block is for, when it is not ordinary body text. "note": the text of a footnote or
    # endnote (it starts with its mark, e.g. "[1] ...", and the place that refers to it carries the
    # same mark); notes are Paragraphs placed at the end of the section that refers to them, so a
    # renderer that knows nothing of roles still shows, brailles and reads them as paragraphs.
    role: str | None = None


class Heading(_BlockBase):
    kind: Literal["heading"] = "heading"
    level: int = 1
    sentences: list[Sentence] = []


class Paragraph(_BlockBase):
    kind: Literal["paragraph"] = "paragraph"
    sentences: list[Sentence] = []


class ListItem(BaseModel):
    id: str = ""
    sentences: list[Sentence] = []
    children: list[ListItem] = []
    lang: str | None = None
    direction: Direction | None = None


class ListBlock(_BlockBase):
    kind: Literal["list"] = "list"
    ordered: bool = False
    items: list[ListItem] = []


def _unset(value: object) -> bool:
    return value is None


def _none(value: int) -> bool:
    return value == 0


class Cell(BaseModel):
    sentences: list[Sentence] = []
    header: bool = False
    colspan: int = 1
    rowspan: int = 1
    lang: str | None = None
    direction: Direction | None = None
    # The reader's doubt about this cell's own text, as a block's (``_BlockBase.doubt``: a short
    # code, e.g. "digits_disagree", "sums_disagree"), and its confidence 0..1 when measured (an OCR'd cell:
    # the word confidence of the lines it was read from). None = no doubt of its
    # own (the table's ``doubt`` still applies). A table holding a doubtful cell is doubtful too.
    # Left out of the serialised form while None, so documents without cell doubts read as before.
    confidence: float | None = Field(default=None, exclude_if=_unset)
    doubt: str | None = Field(default=None, exclude_if=_unset)
    # The doubt in words, for the reviewer ("the column does not add up: total printed 12 500,00, cells add
    # up to 12 400,00"), and a second reading of the cell where another reader read it otherwise (the
    # amount read again on its cell alone): shown next to the cell, never written in its place.
    note: str | None = Field(default=None, exclude_if=_unset)
    suggestion: str | None = Field(default=None, exclude_if=_unset)
    # Well-formed amounts a malformed OCR'd cell's crops read (ocr/amount_retry.py), for its column's total to
    # choose from (ingest/amount_vouch.py); never serialised.
    _readings: list[str] = PrivateAttr(default_factory=list)
    # A well-formed OCR'd amount's pixels (PNG bytes, dpi), read again when a total says it is wrong; never serialised.
    _ink: tuple[bytes, float] | None = PrivateAttr(default=None)


class Table(_BlockBase):
    kind: Literal["table"] = "table"
    rows: list[list[Cell]] = []
    caption: list[Sentence] = []
    # How many of the leading rows are the header rows of the table this part goes on from, printed again over it
    # (a statement cut over pages under its repeated title block, ingest/pdf_title_repeats.py): header rows for
    # every output (a screen reader announces them as column headers in this part too), but no content of their
    # own, so a measure of what was read leaves them out. Left out of the serialised form while 0.
    repeats_head: int = Field(default=0, exclude_if=_none)


class Figure(_BlockBase):
    kind: Literal["figure"] = "figure"
    alt: list[Sentence] = []
    image: str | None = None


Block = Annotated[Heading | Paragraph | ListBlock | Table | Figure, Field(discriminator="kind")]
