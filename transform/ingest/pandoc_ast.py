"""pandoc JSON AST -> Document blocks (declarative: headings, lists, tables map directly)."""

from __future__ import annotations

from typing import Any

from ..model import Block, Cell, Figure, Heading, ListBlock, ListItem, Paragraph, Sentence, Table
from ..model.text import direction_for

Node = dict[str, Any]


def inlines_text(inlines: list[Node]) -> str:
    """Flatten pandoc inlines to text (emphasis dropped, links keep their text, notes dropped)."""
    out: list[str] = []
    for node in inlines:
        t, c = node.get("t"), node.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            out.append(inlines_text(c))
        elif t == "Span":
            out.append(inlines_text(c[1]))
        elif t in ("Link", "Image"):
            out.append(inlines_text(c[1]))
        elif t == "Quoted":
            q = "«»" if c[0]["t"] == "DoubleQuote" else "‘’"
            out.append(q[0] + inlines_text(c[1]) + q[1])
        elif t == "Cite":
            out.append(inlines_text(c[1]))
        elif t in ("Code", "Math"):
            out.append(c[1])
        elif t == "RawInline":
            continue
    return " ".join("".join(out).split())


def _attr_lang(attr: list[Any]) -> tuple[str | None, str | None]:
    kv = dict(attr[2]) if attr and len(attr) > 2 else {}
    return kv.get("lang"), kv.get("dir")


def _para(text: str, lang: str | None) -> Paragraph | None:
    if not text.strip():
        return None
    return Paragraph(sentences=[Sentence(id="", text=text)], lang=lang, direction=direction_for(lang) if lang else None)


def _blocks_text(blocks: list[Node]) -> str:
    parts = []
    for b in blocks:
        if b["t"] in ("Plain", "Para"):
            parts.append(inlines_text(b["c"]))
        elif b["t"] == "LineBlock":
            parts.extend(inlines_text(line) for line in b["c"])
        elif b["t"] == "Div":
            parts.append(_blocks_text(b["c"][1]))
        elif b["t"] in ("BulletList", "OrderedList"):
            items = b["c"] if b["t"] == "BulletList" else b["c"][1]
            parts.extend(_blocks_text(it) for it in items)
    return " ".join(p for p in parts if p)


def _list_items(items: list[list[Node]]) -> list[ListItem]:
    out = []
    for item in items:
        text_blocks = [b for b in item if b["t"] not in ("BulletList", "OrderedList")]
        children: list[ListItem] = []
        for b in item:
            if b["t"] == "BulletList":
                children.extend(_list_items(b["c"]))
            elif b["t"] == "OrderedList":
                children.extend(_list_items(b["c"][1]))
        text = _blocks_text(text_blocks)
        out.append(ListItem(sentences=[Sentence(id="", text=text)] if text else [], children=children))
    return out


def _row_cells(row: Node, header: bool) -> list[Cell]:
    cells = []
    for cell in row[1]:
        # Cell attr alignment rowspan colspan blocks
        _, _, rowspan, colspan, blocks = cell
        text = _blocks_text(blocks)
        cells.append(Cell(sentences=[Sentence(id="", text=text)] if text else [], header=header, rowspan=rowspan, colspan=colspan))
    return cells


def _table(c: list[Any]) -> Table:
    attr, caption, _colspecs, head, bodies, foot = c
    rows: list[list[Cell]] = []
    for r in head[1]:
        rows.append(_row_cells(r, True))
    for body in bodies:
        _, rowheadcols, headrows, bodyrows = body
        for r in headrows:
            rows.append(_row_cells(r, True))
        for r in bodyrows:
            cells = _row_cells(r, False)
            for i in range(min(rowheadcols, len(cells))):
                cells[i].header = True
            rows.append(cells)
    for r in foot[1]:
        rows.append(_row_cells(r, False))
    cap = _blocks_text(caption[1]) if caption and len(caption) > 1 else ""
    lang, _ = _attr_lang(attr)
    return Table(rows=rows, caption=[Sentence(id="", text=cap)] if cap else [], lang=lang)


def convert_blocks(blocks: list[Node], lang: str | None = None) -> list[Block]:
    """Convert pandoc blocks to model blocks; ``Div`` language attributes flow down."""
    out: list[Block] = []
    for b in blocks:
        t, c = b["t"], b.get("c")
        if t == "Header":
            level, attr, inl = c
            own, _ = _attr_lang(attr)
            text = inlines_text(inl)
            if text:
                hl = own or lang
                out.append(Heading(level=level, sentences=[Sentence(id="", text=text)], lang=hl, direction=direction_for(hl) if hl else None))
        elif t in ("Para", "Plain"):
            p = _para(inlines_text(c), lang)
            if p:
                out.append(p)
        elif t == "LineBlock":
            for line in c:
                p = _para(inlines_text(line), lang)
                if p:
                    out.append(p)
        elif t == "BlockQuote":
            out.extend(convert_blocks(c, lang))
        elif t == "Div":
            own, _ = _attr_lang(c[0])
            out.extend(convert_blocks(c[1], own or lang))
        elif t == "BulletList":
            out.append(ListBlock(ordered=False, items=_list_items(c), lang=lang))
        elif t == "OrderedList":
            out.append(ListBlock(ordered=True, items=_list_items(c[1]), lang=lang))
        elif t == "DefinitionList":
            for term, defs in c:
                p = _para(inlines_text(term) + ": " + " ".join(_blocks_text(d) for d in defs), lang)
                if p:
                    out.append(p)
        elif t == "Table":
            tbl = _table(c)
            if tbl.lang is None:
                tbl.lang = lang
            out.append(tbl)
        elif t == "Figure":
            _attr, caption, body = c
            alt = _blocks_text(caption[1]) if caption and len(caption) > 1 else ""
            alt = alt or _blocks_text(body)
            out.append(Figure(alt=[Sentence(id="", text=alt)] if alt else [], lang=lang))
        elif t == "CodeBlock":
            p = _para(c[1], lang)
            if p:
                out.append(p)
        # HorizontalRule, RawBlock, Null: nothing to read
    return out


def doc_title(ast: Node) -> str | None:
    meta = ast.get("meta", {})
    title = meta.get("title")
    if not title:
        return None
    if title.get("t") == "MetaInlines":
        return inlines_text(title["c"]) or None
    if title.get("t") == "MetaString":
        return str(title["c"]) or None
    return None
