"""Structure: nest sections by heading level, split sentences, assign languages and stable ids."""

from __future__ import annotations

from .._gc import gc_paused
from ..model import Block, Cell, Document, Figure, Heading, ListBlock, ListItem, Paragraph, Section, Sentence, Table
from ..model.text import Direction, direction_for
from .built import builder
from .language import detect, detect_core, has_letters, resolve_default
from .segment import split_sentences

# sections and sentences are built from our own values, without pydantic's validation (see built.py)
_SECTION, _SENTENCE = builder(Section), builder(Sentence)


def nest_sections(doc: Document) -> Document:
    """Turn flat Heading blocks into nested Sections (a section contains its content)."""
    flat: list[Block] = []
    for sec in doc.sections:
        if sec.heading is not None or sec.sections:
            return doc  # already nested (e.g. built by hand)
        flat.extend(sec.blocks)
    root = _SECTION()
    stack: list[tuple[int, Section]] = [(0, root)]
    for block in flat:
        if isinstance(block, Heading):
            while stack[-1][0] >= block.level:
                stack.pop()
            sec = _SECTION(heading=block)
            stack[-1][1].sections.append(sec)
            stack.append((block.level, sec))
        else:
            stack[-1][1].blocks.append(block)
    sections = ([_SECTION(blocks=root.blocks)] if root.blocks else []) + root.sections
    doc.sections = sections
    if doc.meta.title is None:
        first = next((s.heading for s in sections if s.heading is not None), None)
        if first is not None:
            doc.meta.title = " ".join(x.text for x in first.sentences)
    return doc


class _Draft:
    """A sentence being built: its text, its own language (None: inherited) and whether it has letters.

    Sentences are created once, with their final id, language and direction, instead of
    being created and then changed field by field (each pydantic assignment costs more than
    the work it records)."""

    __slots__ = ("doubt", "lang", "letters", "text")

    def __init__(self, text: str, lang: str | None) -> None:
        self.text = text
        self.lang = lang
        self.letters = has_letters(text)
        self.doubt: tuple[str, list[tuple[int, int]]] | None = None  # the sentence's doubt and unsure spans (line_doubt)


_DIRECTION: dict[str, Direction] = {}
# pydantic's own assignment, for the models written here many times per document: the value into the
# instance's __dict__ and the field name into its fields set (what BaseModel.__setattr__ does for a plain
# field of a model that validates nothing on assignment and is not frozen), without its handler look-up
_PLAIN_ASSIGNMENT = all(not m.model_config.get("validate_assignment") and not m.model_config.get("frozen")
                        for m in (Heading, Paragraph, ListBlock, Table, Figure, Section, ListItem, Cell))


def _put(model: Block | Cell | ListItem | Section, **values: object) -> None:
    """Set fields of a model built by the ingesters (the values are ours, already of the field's type)."""
    if _PLAIN_ASSIGNMENT:
        model.__dict__.update(values)
        model.__pydantic_fields_set__.update(values)
    else:
        for name, value in values.items():
            setattr(model, name, value)


def _direction(lang: str) -> Direction:
    d = _DIRECTION.get(lang)
    if d is None:
        d = _DIRECTION[lang] = direction_for(lang)
    return d


def _drafts(sentences: list[Sentence], lang_hint: str | None, known: str | None = None) -> list[_Draft]:
    """Split and detect the language of each piece (``known``: the :func:`detect_core` answer
    for the text of a single unsplit sentence, already found for the document's language)."""
    out: list[_Draft] = []
    for s in sentences:
        pieces = split_sentences(s.text) or []
        doubts = _split_doubt(s, pieces) if s.doubt else None  # the doubt goes with the pieces holding its words
        for n, piece in enumerate(pieces):
            if s.lang:
                lang: str | None = s.lang
            elif known is not None and piece == s.text:
                lang = resolve_default(known, lang_hint)
            else:
                lang = detect(piece, lang_hint)
            out.append(_Draft(piece, lang))
            if doubts and doubts[n][0]:
                out[-1].doubt = (doubts[n][0], doubts[n][1])  # type: ignore[assignment]
    return out


def _split_doubt(s: Sentence, pieces: list[str]) -> list[tuple[str | None, list[tuple[int, int]]]]:
    from ..ocr.line_doubt import split  # (only for a sentence in doubt: ocr/ is not loaded otherwise)

    return split(s, pieces)


def _sentences(drafts: list[_Draft], prefix: str) -> list[Sentence]:
    """Number ``prefix-1``, ``prefix-2``... (languages are final: see :func:`_set_lang`)."""
    return [
        _SENTENCE(id=f"{prefix}-{i}", text=d.text, lang=d.lang, direction=_direction(d.lang) if d.lang else None, notes={})
        if d.doubt is None else
        _SENTENCE(id=f"{prefix}-{i}", text=d.text, lang=d.lang, direction=_direction(d.lang) if d.lang else None, notes={},
                  doubt=d.doubt[0], unsure=d.doubt[1])
        for i, d in enumerate(drafts, 1)
    ]


def _set_lang(node: Block | Cell | ListItem | Section, drafts: list[_Draft], parent: str) -> str:
    """Set a node's language to the majority of its sentences; sentences equal to it inherit."""
    lang = _node_lang(node, drafts, parent)
    _put(node, lang=lang, direction=_direction(lang))
    return lang


def _node_lang(node: Block | Cell | ListItem | Section, drafts: list[_Draft], parent: str) -> str:
    """:func:`_set_lang` but the node's own fields (the caller sets them with its others, in one assignment)."""
    counts: dict[str, int] = {}
    for d in drafts:
        if d.lang and d.letters:
            counts[d.lang] = counts.get(d.lang, 0) + len(d.text)
    lang = node.lang or (max(counts, key=lambda k: counts[k]) if counts else parent)
    for d in drafts:
        if d.lang == lang or not d.letters:
            d.lang = None
    return lang


def _items(items: list[ListItem], prefix: str, lang: str, out: list[tuple[ListItem, str, list[_Draft]]]) -> list[_Draft]:
    allsent: list[_Draft] = []
    for i, it in enumerate(items, 1):
        pid = f"{prefix}.{i}"
        _put(it, id=pid)
        drafts = _drafts(it.sentences, lang)
        out.append((it, pid, drafts))
        allsent += drafts
        allsent += _items(it.children, pid, lang, out)
    return allsent


def _structure_block(block: Block, bid: str, parent_lang: str, known: dict[int, str]) -> None:
    if isinstance(block, (Heading, Paragraph)):  # (most blocks: their four fields set at once)
        sents = block.sentences
        core = known.get(id(block)) if len(sents) == 1 and not sents[0].lang else None
        drafts = _drafts(sents, block.lang or parent_lang, core)
        lang = _node_lang(block, drafts, parent_lang)
        _put(block, id=bid, lang=lang, direction=_direction(lang), sentences=_sentences(drafts, bid))
        return
    _put(block, id=bid)
    if isinstance(block, ListBlock):
        parts: list[tuple[ListItem, str, list[_Draft]]] = []
        drafts = _items(block.items, f"{bid}-i", block.lang or parent_lang, parts)
        _set_lang(block, drafts, parent_lang)
        for it, pid, its in parts:
            _put(it, sentences=_sentences(its, pid))
    elif isinstance(block, Table):
        hint = block.lang or parent_lang
        caption = _drafts(block.caption, hint)
        cells = [(cell, f"{bid}-r{r}c{c}", _drafts(cell.sentences, hint))
                 for r, row in enumerate(block.rows, 1) for c, cell in enumerate(row, 1)]
        _set_lang(block, caption + [d for _, _, ds in cells for d in ds], parent_lang)
        _put(block, caption=_sentences(caption, f"{bid}-cap"))
        for cell, cid, ds in cells:
            _put(cell, sentences=_sentences(ds, cid))
    elif isinstance(block, Figure):
        drafts = _drafts(block.alt, block.lang or parent_lang)
        _set_lang(block, drafts, parent_lang)
        _put(block, alt=_sentences(drafts, f"{bid}-alt"))


def number_and_detect(doc: Document, known: dict[int, str] | None = None) -> Document:
    """Assign stable ids (``s1-2`` sections, ``s1-2-b3`` blocks, ``s1-2-b3-1`` sentences) and languages.

    ``known`` maps ``id(block)`` to the :func:`detect_core` answer for the block's text, when
    the caller has it (see :func:`_document_lang`)."""
    all_langs: dict[str, int] = {}
    memo = known or {}

    def rec(sections: list[Section], prefix: str, parent_lang: str) -> None:
        for i, sec in enumerate(sections, 1):
            sid = f"{prefix}{i}" if prefix == "s" else f"{prefix}-{i}"
            heading = sec.heading  # (each field of a model read once: a model's attribute costs a type look-up)
            langs: list[str] = []  # the languages of the heading and the blocks, in order, as set below
            hlang = None
            if heading is not None:
                _structure_block(heading, f"{sid}-h", parent_lang, memo)
                hlang = heading.lang
                if hlang:
                    langs.append(hlang)
            for j, block in enumerate(sec.blocks, 1):
                _structure_block(block, f"{sid}-b{j}", parent_lang, memo)
                blang = block.lang
                if blang:
                    all_langs[blang] = all_langs.get(blang, 0) + 1
                    langs.append(blang)
            # a section takes the language of its heading, else of the majority of its blocks
            lang = hlang if hlang else (max(dict.fromkeys(langs), key=langs.count) if langs else parent_lang)
            _put(sec, id=sid, lang=lang, direction=_direction(lang))  # (its id, set here with its language)
            rec(sec.sections, sid, lang)

    rec(doc.sections, "s", doc.meta.lang)
    return doc


def _document_lang(doc: Document, known: dict[int, str] | None = None) -> str:
    """The language with the most characters over the blocks; ``known`` collects each block's
    :func:`detect_core` answer (keyed by ``id(block)``) for the sentences of one-sentence blocks."""
    from ..model.walk import block_text, iter_blocks

    counts: dict[str, int] = {}
    for _, block in iter_blocks(doc):
        if isinstance(block, (Heading, Paragraph)):
            sents = block.sentences
            text = sents[0].text if len(sents) == 1 else " ".join(s.text for s in sents)
        else:
            text = block_text(block)
        core = detect_core(text)
        if known is not None:
            known[id(block)] = core
        lang = resolve_default(core, None)
        if lang:
            counts[lang] = counts.get(lang, 0) + len(text)
    return max(counts, key=lambda k: counts[k]) if counts else doc.meta.lang


def build_structure(doc: Document) -> Document:
    """headings -> sections -> sentences -> languages -> ids."""
    # sentences and drafts are only built up here (the ingester's sentences they replace are freed by
    # their count): the cyclic collector would walk the whole document model again and again, freeing nothing
    with gc_paused():
        return _build(doc)


def _build(doc: Document) -> Document:
    doc = nest_sections(doc)
    known: dict[int, str] = {}  # id(block) -> detect_core(text): asked once, for the document and the block
    doc.meta.lang = _document_lang(doc, known)
    doc.meta.direction = direction_for(doc.meta.lang)
    return number_and_detect(doc, known)
