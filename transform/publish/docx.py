"""DOCX of one language track through pandoc's JSON AST: real heading styles, RTL paragraphs for Arabic.

We build the AST ourselves (no HTML round trip) so headings are true ``Heading N``
styles, tables keep header rows, and every block whose language differs from the
document sits in a Div with ``lang``/``dir`` (pandoc writes ``w:bidi``/``w:rtl``
and ``w:lang`` from them). Glossary notes of a simplified track become footnotes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .._exec import pandoc
from .._exec.heap import trim_heap
from ..errors import OutputError
from ..model import (
    Block,
    Cell,
    Direction,
    Document,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Sentence,
    Table,
    iter_sentences,
)
from ..model.runs import runs
from ..model.walk import resolve
from . import glossary
from .content import GROUPED_NUMBER, Ctx
from .html import notice_text
from .labels import label

API_VERSION = [1, 23, 1, 1]
_WS = re.compile(r"[ \t\r\n\f\v]+")
J = dict[str, Any]


def _attr(ident: str = "", classes: list[str] | None = None, kv: list[list[str]] | None = None) -> list[Any]:
    return [ident, classes or [], kv or []]


def _lang_kv(me: Ctx, parent: Ctx) -> list[list[str]]:
    kv = []
    if me.lang != parent.lang:
        kv.append(["lang", me.lang])
    if me.direction != parent.direction:
        kv.append(["dir", me.direction.value])
    return kv


def words(text: str) -> list[J]:
    out: list[J] = []
    # split on ordinary white space only: no-break spaces (U+00A0, U+202F) stay inside the word
    for i, w in enumerate(x for x in _WS.split(text) if x):
        if i:
            out.append({"t": "Space"})
        out.append({"t": "Str", "c": w})
    return out


def run_inlines(text: str, lang: str, doc_lang: str) -> list[J]:
    """Words of a sentence; each run of the other script (``transform.model.runs``) in a Span with
    ``lang``/``dir``, which pandoc writes as ``w:lang`` and ``w:rtl`` on the run."""
    parts = runs(text, lang, (doc_lang,))
    if len(parts) == 1 and parts[0].lang == lang:
        return words(text)
    out: list[J] = []
    for r in parts:
        piece = text[r.start : r.end]
        if out and piece[:1].isspace() and out[-1] != {"t": "Space"}:
            out.append({"t": "Space"})
        inl = words(piece)
        if inl and r.lang != lang:
            out.append({"t": "Span", "c": [_attr(kv=[["lang", r.lang], ["dir", r.dir]]), inl]})
        else:
            out.extend(inl)
        if piece[-1:].isspace() and out and out[-1] != {"t": "Space"}:
            out.append({"t": "Space"})
    while out and out[-1] == {"t": "Space"}:
        out.pop()
    return out


class AstBuilder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.root = Ctx(doc.meta.lang, doc.meta.direction)
        self.notes = doc.meta.variant != "source"
        # explanations the simplifier already wrote as sentences need no footnote
        self.texts = {glossary.normalise(loc.sentence.text) for loc in iter_sentences(doc)} if self.notes else set()

    def sentences(self, sents: list[Sentence], parent: Ctx) -> list[J]:
        out: list[J] = []
        for i, s in enumerate(sents):
            lang, d = resolve(s.lang, s.direction, parent.lang, parent.direction)
            if i:
                out.append({"t": "Space"})
            text = s.text
            if d == Direction.RTL:  # keep "1 250 000" in order in right-to-left paragraphs (U+202F joins numbers)
                text = GROUPED_NUMBER.sub(lambda m: m.group(0).replace(" ", "\u202f").replace("\u00a0", "\u202f"), text)
            inl = run_inlines(text, lang, self.root.lang)
            kv = _lang_kv(Ctx(lang, d), parent)
            out.append({"t": "Span", "c": [_attr(kv=kv), inl]} if kv else {"t": "Span", "c": [_attr(), inl]})
            if self.notes:
                for e in glossary.sentence_entries(s):
                    if not e.explanation or glossary.normalise(e.explanation) in self.texts:
                        continue
                    text = f"{e.term}: {e.explanation}" if e.term else e.explanation
                    out.append({"t": "Note", "c": [{"t": "Para", "c": words(text)}]})
        return out

    def wrap(self, blocks: list[J], me: Ctx, parent: Ctx, ident: str = "") -> list[J]:
        kv = _lang_kv(me, parent)
        return [{"t": "Div", "c": [_attr(ident, kv=kv), blocks]}] if kv else blocks

    def section(self, sec: Section, parent: Ctx, level: int) -> list[J]:
        lang, d = resolve(sec.lang, sec.direction, parent.lang, parent.direction)
        me = Ctx(lang, d)
        out: list[J] = []
        nxt = level
        if sec.heading is not None and sec.heading.sentences:
            out.extend(self.heading(sec.heading, me, level))
            nxt = level + 1
        for b in sec.blocks:
            out.extend(self.block(b, me, nxt))
        for child in sec.sections:
            out.extend(self.section(child, me, nxt))
        return self.wrap(out, me, parent)

    def heading(self, h: Heading, parent: Ctx, level: int) -> list[J]:
        lang, d = resolve(h.lang, h.direction, parent.lang, parent.direction)
        me = Ctx(lang, d)
        header = {"t": "Header", "c": [min(level, 6), _attr(h.id), self.sentences(h.sentences, me)]}
        return self.wrap([header], me, parent)

    def block(self, b: Block, parent: Ctx, level: int) -> list[J]:
        lang, d = resolve(b.lang, b.direction, parent.lang, parent.direction)
        me = Ctx(lang, d)
        if isinstance(b, Heading):
            return self.heading(b, parent, level)
        if isinstance(b, Paragraph):
            out = [{"t": "Para", "c": self.sentences(b.sentences, me)}]
        elif isinstance(b, ListBlock):
            out = [self.list_ast(b.ordered, b.items, me)]
        elif isinstance(b, Table):
            out = [self.table(b, me)]
        elif isinstance(b, Figure):
            lab = {"t": "Strong", "c": words(label(me.lang, "figure"))}
            out = [{"t": "Para", "c": [lab, {"t": "Space"}, {"t": "Emph", "c": self.sentences(b.alt, me)}]}]
        else:  # pragma: no cover
            return []
        return self.wrap(out, me, parent)

    def list_ast(self, ordered: bool, items: list[ListItem], me: Ctx) -> J:
        entries = []
        for it in items:
            ilang, idir = resolve(it.lang, it.direction, me.lang, me.direction)
            ictx = Ctx(ilang, idir)
            body: list[J] = [{"t": "Plain", "c": self.sentences(it.sentences, ictx)}]
            if it.children:
                body.append(self.list_ast(ordered, it.children, ictx))
            entries.append(self.wrap(body, ictx, me))
        if ordered:
            return {"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], entries]}
        return {"t": "BulletList", "c": entries}

    def cell(self, c: Cell, me: Ctx) -> list[Any]:
        lang, d = resolve(c.lang, c.direction, me.lang, me.direction)
        cctx = Ctx(lang, d)
        blocks = self.wrap([{"t": "Plain", "c": self.sentences(c.sentences, cctx)}], cctx, me)
        return [_attr(), {"t": "AlignDefault"}, c.rowspan, c.colspan, blocks]

    def table(self, t: Table, me: Ctx) -> J:
        rows = [r for r in t.rows if r]
        ncols = max((sum(c.colspan for c in r) for r in rows), default=1)
        head: list[list[Cell]] = []
        while rows and all(c.header for c in rows[0]) and len(head) < 2:
            head.append(rows.pop(0))
        caption = [None, [{"t": "Plain", "c": self.sentences(t.caption, me)}] if t.caption else []]
        colspecs = [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}] for _ in range(ncols)]
        thead = [_attr(), [[_attr(), [self.cell(c, me) for c in r]] for r in head]]
        tbody = [[_attr(), 0, [], [[_attr(), [self.cell(c, me) for c in r]] for r in rows]]]
        return {"t": "Table", "c": [_attr(t.id), caption, colspecs, thead, tbody, [_attr(), []]]}

    def document(self) -> J:
        blocks: list[J] = []
        note = notice_text(self.doc)
        if note:
            blocks.append({"t": "Para", "c": [{"t": "Strong", "c": words(note)}]})
        for sec in self.doc.sections:
            blocks.extend(self.section(sec, self.root, 1))
        meta: J = {
            "lang": {"t": "MetaString", "c": self.doc.meta.lang},
            "dir": {"t": "MetaString", "c": self.doc.meta.direction.value},
        }
        # The first heading already opens the document; a title would repeat it (pandoc prints the title).
        if not any(loc.role == "heading" for loc in iter_sentences(self.doc)) and self.doc.meta.title:
            meta["title"] = {"t": "MetaInlines", "c": words(self.doc.meta.title)}
        return {"pandoc-api-version": API_VERSION, "meta": meta, "blocks": blocks}


def build_docx(doc: Document, out_path: Path, *, timeout: float = 120.0) -> Path:
    """Write a DOCX of the track with pandoc (sandboxed); headings use Word's Heading N styles."""
    ast = AstBuilder(doc).document()
    if not ast["blocks"]:
        raise OutputError("The document has no content to put in a DOCX.", hint="Check that the source document has text.")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".part.docx")
    trim_heap()  # pandoc runs beside this process: give back what the earlier outputs freed
    pandoc.json_to_docx(json.dumps(ast, ensure_ascii=False).encode("utf-8"), tmp, timeout=timeout)
    if not tmp.exists() or tmp.stat().st_size == 0:
        raise OutputError(f"pandoc did not write {out_path.name}.")
    tmp.replace(out_path)
    return out_path


__all__ = ["AstBuilder", "build_docx"]
