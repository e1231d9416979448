"""Split a document into one language track per language (``ar``, ``fr``...)."""

from __future__ import annotations

from .blocks import Block, Table
from .document import Document, Section
from .text import base_lang, direction_for
from .walk import block_sentences, resolve


def _block_lang(block: Block, inherited: str) -> str | None:
    """The language a block belongs to; None for language-neutral blocks (numbers only)."""
    if isinstance(block, Table):
        return None  # tables go to every track whose language appears in them (see below)
    lang, _ = resolve(block.lang, block.direction, inherited, direction_for(inherited))
    return base_lang(lang) if lang != "ary" else "ary"


def _table_langs(block: Table, inherited: str) -> set[str]:
    langs: set[str] = set()
    blang, _ = resolve(block.lang, block.direction, inherited, direction_for(inherited))
    for s, _, own, _ in block_sentences(block):
        lang = s.lang or own or blang
        if any(ch.isalpha() for ch in s.text):
            langs.add(lang)
    return langs or {blang}


def split_tracks(doc: Document) -> dict[str, Document]:
    """One Document per language; tables appear in each track whose language they use.

    A document in one language gives one track that is the document itself.
    """
    langs: dict[str, int] = {}

    def collect(sections: list[Section], inherited: str) -> None:
        for sec in sections:
            slang = sec.lang or inherited
            for block in ([sec.heading] if sec.heading else []) + list(sec.blocks):
                if isinstance(block, Table):
                    for lang in _table_langs(block, slang):
                        langs[lang] = langs.get(lang, 0) + 1
                else:
                    lang = _block_lang(block, slang)
                    if lang:
                        langs[lang] = langs.get(lang, 0) + 1
            collect(sec.sections, slang)

    collect(doc.sections, doc.meta.lang)
    if len(langs) <= 1:
        only = next(iter(langs), doc.meta.lang)
        return {only: doc}
    order = sorted(langs, key=lambda k: (-langs[k], k))
    return {lang: _filter(doc, lang) for lang in order}


def _pinned(block: Block, inherited: str) -> Block:
    """A table shared by several tracks keeps the language it inherited: the track's own
    language (``meta.lang``) must not become the language of its other cells."""
    if isinstance(block, Table) and block.lang is None:
        return block.model_copy(update={"lang": inherited, "direction": block.direction or direction_for(inherited)})
    return block


def _filter(doc: Document, lang: str) -> Document:
    def keep(block: Block, inherited: str) -> bool:
        if isinstance(block, Table):
            return lang in _table_langs(block, inherited)
        return _block_lang(block, inherited) == lang

    def rec(sections: list[Section], inherited: str) -> list[Section]:
        out = []
        for sec in sections:
            slang = sec.lang or inherited
            heading = sec.heading if sec.heading is not None and keep(sec.heading, slang) else None
            blocks = [_pinned(b, slang) for b in sec.blocks if keep(b, slang)]
            children = rec(sec.sections, slang)
            if heading is None and not blocks and not children:
                continue
            out.append(sec.model_copy(update={"heading": heading, "blocks": blocks, "sections": children}))
        return out

    meta = doc.meta.model_copy(update={"lang": lang, "direction": direction_for(lang)})
    return doc.model_copy(update={"meta": meta, "sections": rec(doc.sections, doc.meta.lang)})
