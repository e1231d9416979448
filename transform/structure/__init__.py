"""Structure: nest sections by heading level, split sentences, assign languages and stable ids."""

from __future__ import annotations

from ..model import Block, Cell, Document, Figure, Heading, ListBlock, ListItem, Paragraph, Section, Sentence, Table
from ..model.text import direction_for
from .language import detect, has_letters
from .segment import split_sentences


def nest_sections(doc: Document) -> Document:
    """Turn flat Heading blocks into nested Sections (a section contains its content)."""
    flat: list[Block] = []
    for sec in doc.sections:
        if sec.heading is not None or sec.sections:
            return doc  # already nested (e.g. built by hand)
        flat.extend(sec.blocks)
    root = Section()
    stack: list[tuple[int, Section]] = [(0, root)]
    for block in flat:
        if isinstance(block, Heading):
            while stack[-1][0] >= block.level:
                stack.pop()
            sec = Section(heading=block)
            stack[-1][1].sections.append(sec)
            stack.append((block.level, sec))
        else:
            stack[-1][1].blocks.append(block)
    sections = ([Section(blocks=root.blocks)] if root.blocks else []) + root.sections
    doc.sections = sections
    if doc.meta.title is None:
        first = next((s.heading for s in sections if s.heading is not None), None)
        if first is not None:
            doc.meta.title = " ".join(x.text for x in first.sentences)
    return doc


def _segment(sentences: list[Sentence], prefix: str, lang_hint: str | None) -> list[Sentence]:
    """Split, detect language per sentence, and number ``prefix-1``, ``prefix-2``..."""
    out: list[Sentence] = []
    for s in sentences:
        for piece in split_sentences(s.text) or []:
            out.append(Sentence(id="", text=piece, lang=s.lang or detect(piece, lang_hint), notes={}))
    for i, s in enumerate(out, 1):
        s.id = f"{prefix}-{i}"
    return out


def _set_lang(node: Block | Cell | ListItem | Section, sentences: list[Sentence], parent: str) -> str:
    """Set a node's language to the majority of its sentences; sentences equal to it inherit."""
    counts: dict[str, int] = {}
    for s in sentences:
        if s.lang and has_letters(s.text):
            counts[s.lang] = counts.get(s.lang, 0) + len(s.text)
    lang = node.lang or (max(counts, key=lambda k: counts[k]) if counts else parent)
    node.lang = lang
    node.direction = direction_for(lang)
    for s in sentences:
        if s.lang == lang or not has_letters(s.text):
            s.lang = None
        s.direction = direction_for(s.lang) if s.lang else None
    return lang


def _items(items: list[ListItem], prefix: str, lang: str) -> list[Sentence]:
    allsent: list[Sentence] = []
    for i, it in enumerate(items, 1):
        pid = f"{prefix}.{i}"
        it.id = pid
        it.sentences = _segment(it.sentences, pid, lang)
        allsent += it.sentences
        allsent += _items(it.children, pid, lang)
    return allsent


def _structure_block(block: Block, bid: str, parent_lang: str) -> None:
    block.id = bid
    if isinstance(block, (Heading, Paragraph)):
        block.sentences = _segment(block.sentences, bid, block.lang or parent_lang)
        _set_lang(block, block.sentences, parent_lang)
    elif isinstance(block, ListBlock):
        sents = _items(block.items, f"{bid}-i", block.lang or parent_lang)
        _set_lang(block, sents, parent_lang)
    elif isinstance(block, Table):
        allsent: list[Sentence] = []
        block.caption = _segment(block.caption, f"{bid}-cap", block.lang or parent_lang)
        allsent += block.caption
        for r, row in enumerate(block.rows, 1):
            for c, cell in enumerate(row, 1):
                cell.sentences = _segment(cell.sentences, f"{bid}-r{r}c{c}", block.lang or parent_lang)
                allsent += cell.sentences
        _set_lang(block, allsent, parent_lang)
    elif isinstance(block, Figure):
        block.alt = _segment(block.alt, f"{bid}-alt", block.lang or parent_lang)
        _set_lang(block, block.alt, parent_lang)


def number_and_detect(doc: Document) -> Document:
    """Assign stable ids (``s1-2`` sections, ``s1-2-b3`` blocks, ``s1-2-b3-1`` sentences) and languages."""
    all_langs: dict[str, int] = {}

    def rec(sections: list[Section], prefix: str, parent_lang: str) -> None:
        for i, sec in enumerate(sections, 1):
            sid = f"{prefix}{i}" if prefix == "s" else f"{prefix}-{i}"
            sec.id = sid
            if sec.heading is not None:
                _structure_block(sec.heading, f"{sid}-h", parent_lang)
            for j, block in enumerate(sec.blocks, 1):
                _structure_block(block, f"{sid}-b{j}", parent_lang)
                if block.lang:
                    all_langs[block.lang] = all_langs.get(block.lang, 0) + 1
            # a section takes the language of its heading, else of the majority of its blocks
            langs = [b.lang for b in ([sec.heading] if sec.heading else []) + list(sec.blocks) if b.lang]
            sec.lang = sec.heading.lang if sec.heading is not None and sec.heading.lang else (max(set(langs), key=langs.count) if langs else parent_lang)
            sec.direction = direction_for(sec.lang)
            rec(sec.sections, sid, sec.lang)

    rec(doc.sections, "s", doc.meta.lang)
    return doc


def _document_lang(doc: Document) -> str:
    from ..model.walk import block_text, iter_blocks

    counts: dict[str, int] = {}
    for _, block in iter_blocks(doc):
        text = block_text(block)
        lang = detect(text)
        if lang:
            counts[lang] = counts.get(lang, 0) + len(text)
    return max(counts, key=lambda k: counts[k]) if counts else doc.meta.lang


def build_structure(doc: Document) -> Document:
    """headings -> sections -> sentences -> languages -> ids."""
    doc = nest_sections(doc)
    doc.meta.lang = _document_lang(doc)
    doc.meta.direction = direction_for(doc.meta.lang)
    return number_and_detect(doc)
