"""The block being grown from PDF lines (:class:`_Group`) and what groups become in the document
model (:func:`groups_to_blocks`): headings, paragraphs, nested lists and tables; how a block's lines
are joined (a word cut by a hyphen at a line end). Split out of :mod:`pdf_blocks`, which does the grouping."""

from __future__ import annotations

import dataclasses
import re
import statistics
from dataclasses import dataclass, field
from typing import TypeVar

from ..model import Block, Heading, ListBlock, ListItem, Paragraph, Sentence, Table
from ..structure.built import builder
from ..structure.legal import LegalLabel
from .base import TextLine
from .pdf_bidi import hyphen_join

# a unit of length raised to a power read as a footnote call ("km[2]"): the exponent
UNIT_POWER = re.compile(r"\b((?:k|h|da|d|c|m)?m)\[([23])\]")
L = TypeVar("L", bound=TextLine)


@dataclass
class _Group:
    kind: str  # "heading" | "paragraph" | "item" | "table"
    lines: list[TextLine] = field(default_factory=list)
    size: float = 0.0
    rtl: bool = False
    ordered: bool = False
    indent: float = 0.0
    level: int = 0
    table: Table | None = None
    legal: LegalLabel | None = None
    centred: bool = False  # its first line is centred in its column
    flush_end: bool = False  # its first line stands against the end edge, far from the start (a date, a reference)
    body: float = 0.0  # the body size of the group's kind of page (text layer or OCR)
    bold_level: int = 1  # the level a bold heading at body size gets there
    note: bool = False  # the text of a footnote, opening with its mark ("[1] ...")

    @property
    def text(self) -> str:
        lines = self.lines
        if len(lines) == 1:
            return lines[0].text.strip()  # most groups (join_lines' first case, without the list)
        return join_lines([ln.text for ln in lines])


_HYPHENATED = re.compile(r"(\w+)[-\u00ad]$")


def join_lines(texts: list[str]) -> str:
    """Join the lines of a block: a space between lines; a word cut at a line end by a
    hyphen is joined without the hyphen when the whole word is a French word (``écono-`` +
    ``mique``), with it otherwise (``Béni Mellal-`` + ``Khénifra``, ``ci-`` + ``dessus``)."""
    if len(texts) == 1:
        return texts[0].strip()  # most blocks: the loop below would return the line stripped
    out = ""
    for t in texts:
        t = t.strip()
        if out and t.startswith("« ") and out.startswith("«"):
            t = t[2:]  # a quoted text (an amended article) repeats « at the start of every line
        if not out:
            out = t
        elif out.endswith(("-", "\u00ad")) and len(out) > 1 and out[-2].isalpha():
            out = out[:-1] + _hyphen(out, t) + t
        elif out.endswith(("(", "[")) or t.startswith((")", "]")):
            out += t  # a bracket opened at a line end (or closed at the start of the next one)
        else:
            out += " " + t
    return out


def _hyphen(before: str, after: str) -> str:
    """What joins a word cut at a line end (see :func:`pdf_bidi.hyphen_join`); a soft hyphen always joins."""
    m = _HYPHENATED.search(before)
    tail = re.match(r"\w+", after)
    if before.endswith("\u00ad") and tail:
        return ""
    return hyphen_join(m.group(1) if m else "", tail.group(0) if tail else "")


def _with_text(line: L, text: str) -> L:
    """A shallow copy of a line with another text (what ``dataclasses.replace`` does, without its per-call field walk)."""
    if not dataclasses.is_dataclass(line) or hasattr(type(line), "__slots__"):
        return dataclasses.replace(line, text=text)  # type: ignore[type-var]
    out = object.__new__(type(line))
    out.__dict__.update(line.__dict__)
    out.text = text
    return out


# the models below are built from our own values (a str text, an int page): without pydantic's validation (structure.built)
_SENTENCE, _ITEM, _LIST = builder(Sentence), builder(ListItem), builder(ListBlock)
_HEADING, _PARAGRAPH = builder(Heading), builder(Paragraph)


def _sentence(text: str) -> list[Sentence]:
    return [_SENTENCE(id="", text=text, notes={})]  # explicit notes: pydantic deep-copies defaults otherwise


def _power(m: re.Match[str]) -> str:
    return m.group(1) + ("²" if m.group(2) == "2" else "³")


def groups_to_blocks(groups: list[_Group]) -> list[Block]:
    """Headings, paragraphs, lists (consecutive items; deeper indent nests) and tables."""
    blocks: list[Block] = []
    lst: ListBlock | None = None
    stack: list[tuple[float, ListItem]] = []
    for g in groups:
        page = g.lines[0].page if g.lines else None
        text = g.text if g.lines else ""
        if "m[" in text:  # the only place UNIT_POWER can match (a scan of every paragraph for \b costs more)
            text = UNIT_POWER.sub(_power, text)
        if g.kind == "item":
            item = _ITEM(sentences=_sentence(text), children=[])
            if lst is None:
                lst = _LIST(ordered=g.ordered, items=[], page=page)
                blocks.append(lst)
                stack = []
            while stack and g.indent <= stack[-1][0] + 6:
                stack.pop()
            if stack:
                stack[-1][1].children.append(item)
            else:
                lst.items.append(item)
            stack.append((g.indent, item))
            continue
        lst, stack = None, []
        if g.kind == "table" and g.table is not None:
            blocks.append(g.table)
        elif g.kind == "heading" and text:
            blocks.append(_HEADING(level=g.level or 1, sentences=_sentence(text), page=page))
        elif text:
            blocks.append(_PARAGRAPH(sentences=_sentence(text), page=page, role="note" if g.note else None))
    return blocks


def median_size(lines: list[TextLine]) -> float:
    sizes = [ln.size for ln in lines if ln.size]
    return statistics.median(sizes) if sizes else 10.0
