"""Document -> a flat list of braille paragraphs ("units") a reader can follow line by line.

* headings keep their level (the layout sets them apart);
* paragraphs and figure descriptions are paragraphs (a figure starts with a label);
* list items carry their depth and a print marker (``1.`` or ``-``) in the item's language;
* tables are linearised row by row: when the first row is a header row, every
  other row becomes one line per cell, ``header: value`` (the first cell at the
  margin, the others indented), so a reader never has to keep column positions
  in mind; a table without a header row gives one line per cell. The caption
  comes first, as a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block, Document, Figure, Heading, ListBlock, ListItem, Paragraph, Section, Sentence, Table, iter_blocks
from .engine import Segment

FIGURE_LABEL = {"ar": "صورة:", "ary": "تصويرة:", "fr": "Image :", "en": "Image:"}


@dataclass(slots=True)
class Unit:
    """One braille paragraph before translation."""

    kind: str  # "title" | "heading" | "para" | "item" | "cell" | "gap"
    segments: list[Segment] = field(default_factory=list)
    level: int = 0  # heading level, list depth, or 0/1 for a table line (margin / indented)
    section_id: str = ""
    marker: Segment | None = None  # list marker, translated with the item's language


def _segs(sentences: list[Sentence], lang: str) -> list[Segment]:
    """Segments with the effective language: the sentence's own, else the enclosing node's."""
    return [Segment(s.text, s.lang or lang, s.id) for s in sentences if s.text and not s.text.isspace()]


def _items(items: list[ListItem], ordered: bool, depth: int, sec: str, lang: str) -> list[Unit]:
    out: list[Unit] = []
    for n, it in enumerate(items, 1):
        ilang = it.lang or lang
        segs = _segs(it.sentences, ilang)
        marker = Segment(f"{n}." if ordered else "-", segs[0].lang if segs else ilang)
        if segs:
            out.append(Unit("item", segs, depth, sec, marker))
        out.extend(_items(it.children, ordered, depth + 1, sec, ilang))
    return out


def _table(block: Table, sec: str, lang: str) -> list[Unit]:
    out: list[Unit] = [Unit("gap", section_id=sec)]
    if block.caption:
        out.append(Unit("para", _segs(block.caption, lang), 0, sec))
    rows = [row for row in block.rows if any(c.sentences for c in row)]
    headers: list[list[Segment]] | None = None
    if rows and all(c.header for c in rows[0]) and len(rows) > 1:
        headers = [_segs(c.sentences, c.lang or lang) for c in rows[0]]
        rows = rows[1:]
    for row in rows:
        col = 0
        for i, cell in enumerate(row):
            value = _segs(cell.sentences, cell.lang or lang)
            label = headers[col] if headers and col < len(headers) else []
            col += max(cell.colspan, 1)
            if not value:
                continue
            if label:
                # "header: value" - the colon belongs to the header's language
                label = label[:-1] + [Segment(label[-1].text.rstrip(" :") + ":", label[-1].lang, label[-1].sid)]
            out.append(Unit("cell", label + value, 0 if i == 0 else 1, sec))
    out.append(Unit("gap", section_id=sec))
    return out


def _block(block: Block, sec: str, lang: str, units: list[Unit]) -> None:
    lang = block.lang or lang
    if isinstance(block, Paragraph):
        segs = _segs(block.sentences, lang)
        if segs:
            units.append(Unit("para", segs, 0, sec))
    elif isinstance(block, Heading):
        segs = _segs(block.sentences, lang)
        if segs:
            units.append(Unit("heading", segs, max(block.level, 1), sec))
    elif isinstance(block, ListBlock):
        units.append(Unit("gap", section_id=sec))
        units.extend(_items(block.items, block.ordered, 0, sec, lang))
        units.append(Unit("gap", section_id=sec))
    elif isinstance(block, Table):
        units.extend(_table(block, sec, lang))
    elif isinstance(block, Figure):
        segs = _segs(block.alt, lang)
        if segs:
            flang = segs[0].lang
            label = FIGURE_LABEL.get(flang.split("-")[0], FIGURE_LABEL["en"])
            units.append(Unit("para", [Segment(label, flang), *segs], 0, sec))


def _sections(sections: list[Section], lang: str, units: list[Unit]) -> None:
    for section in sections:
        slang = section.lang or lang
        if section.heading is not None:
            _block(section.heading, section.id, slang, units)
        for block in section.blocks:
            _block(block, section.id, slang, units)
        _sections(section.sections, slang, units)


def linearize(doc: Document) -> list[Unit]:
    """Reading-order units of a (single-language track) document.

    Languages are inherited as in ``transform.model.walk``: a node's own
    ``lang`` wins, else its parent's (sentence < cell/item < block < section < document).
    """
    units: list[Unit] = []
    if doc.meta.title and not any(isinstance(b, Heading) for _, b in iter_blocks(doc)):
        units.append(Unit("title", [Segment(doc.meta.title, doc.meta.lang)]))
    _sections(doc.sections, doc.meta.lang, units)
    return units
