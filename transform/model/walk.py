"""Pure helpers to walk a Document with inherited language and direction."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .blocks import Block, Cell, Figure, Heading, ListBlock, ListItem, Paragraph, Table
from .document import Document, Section
from .text import Direction, Sentence, direction_for


@dataclass(frozen=True)
class Located:
    """A sentence with the context a renderer needs."""

    sentence: Sentence
    lang: str
    direction: Direction
    section: Section
    block: Block | None  # None for a section heading's sentences
    role: str  # "heading" | "paragraph" | "list" | "cell" | "caption" | "alt"
    depth: int  # section nesting depth, 1-based


def resolve(lang: str | None, direction: Direction | None, parent_lang: str, parent_dir: Direction) -> tuple[str, Direction]:
    """Inherit language and direction: an own value wins, else the parent's."""
    if lang:
        return lang, direction or direction_for(lang)
    return parent_lang, direction or parent_dir


def iter_sections(doc: Document) -> Iterator[tuple[Section, int]]:
    """Depth-first sections with their depth (1 = top level)."""

    def rec(sections: list[Section], depth: int) -> Iterator[tuple[Section, int]]:
        for s in sections:
            yield s, depth
            yield from rec(s.sections, depth + 1)

    yield from rec(doc.sections, 1)


def iter_blocks(doc: Document) -> Iterator[tuple[Section, Block]]:
    """Every block in reading order, section headings included as Heading blocks."""
    for section, _ in iter_sections(doc):
        if section.heading is not None:
            yield section, section.heading
        for block in section.blocks:
            yield section, block


def block_sentences(block: Block) -> Iterator[tuple[Sentence, str, str | None, Direction | None]]:
    """(sentence, role, own lang, own direction) for every sentence of a block."""
    if isinstance(block, (Heading, Paragraph)):
        role = "heading" if isinstance(block, Heading) else "paragraph"
        for s in block.sentences:
            yield s, role, None, None
    elif isinstance(block, ListBlock):

        def items(its: list[ListItem]) -> Iterator[tuple[Sentence, str, str | None, Direction | None]]:
            for it in its:
                for s in it.sentences:
                    yield s, "list", it.lang, it.direction
                yield from items(it.children)

        yield from items(block.items)
    elif isinstance(block, Table):
        for s in block.caption:
            yield s, "caption", None, None
        for row in block.rows:
            for cell in row:
                for s in cell.sentences:
                    yield s, "cell", cell.lang, cell.direction
    elif isinstance(block, Figure):
        for s in block.alt:
            yield s, "alt", None, None


def iter_sentences(doc: Document) -> Iterator[Located]:
    """Every sentence in reading order with its effective language and direction."""
    meta_lang, meta_dir = doc.meta.lang, doc.meta.direction

    def rec(sections: list[Section], lang: str, d: Direction, depth: int) -> Iterator[Located]:
        for sec in sections:
            slang, sdir = resolve(sec.lang, sec.direction, lang, d)
            blocks: list[Block] = ([sec.heading] if sec.heading is not None else []) + list(sec.blocks)
            for i, block in enumerate(blocks):
                blang, bdir = resolve(block.lang, block.direction, slang, sdir)
                for s, role, own_lang, own_dir in block_sentences(block):
                    clang, cdir = resolve(own_lang, own_dir, blang, bdir)
                    elang, edir = resolve(s.lang, s.direction, clang, cdir)
                    is_sec_heading = sec.heading is not None and i == 0
                    yield Located(s, elang, edir, sec, None if is_sec_heading else block, role, depth)
            yield from rec(sec.sections, slang, sdir, depth + 1)

    yield from rec(doc.sections, meta_lang, meta_dir, 1)


def cell_text(cell: Cell) -> str:
    return " ".join(s.text for s in cell.sentences)


def block_text(block: Block) -> str:
    return " ".join(s.text for s, *_ in block_sentences(block))
