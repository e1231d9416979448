"""pandoc JSON AST -> Document blocks (declarative: headings, lists, tables map directly).

Footnotes and endnotes are kept: the place that refers to a note gets its mark (``[1]``), and
the note's text becomes a Paragraph with ``role="note"`` starting with the same mark, placed at
the end of the section that refers to it (before the next heading, or at the end of the
document). Notes are numbered 1, 2, 3... in reading order. pandoc gives DOCX, ODT, Markdown and
pandoc-made HTML notes as ``Note`` inlines; the notes of Word's and LibreOffice's HTML exports
are ordinary links and ``<div>``s, recognised here by their ids (``#_ftn1`` -> ``ftn1``,
``#sdfootnote1sym`` -> ``sdfootnote1``).

Table header cells: pandoc's table head and row-head columns, ``<th>`` cells anywhere (marked
before pandoc reads the HTML, see :func:`.markup.mark_header_cells`), and Word's HTML habit of
a first row whose cells are all bold.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Block, Cell, Figure, Heading, ListBlock, ListItem, Paragraph, Sentence, Table
from ..model.text import direction_for
from .markup import TH_MARK
from .office_headings import infer_headings
from .pandoc_notes import NOTE_BACKLINK, NOTE_REF, note_key, take_note_divs

Node = dict[str, Any]

MARK = "\ue000"  # before a note mark while a text is put together (private use: never in the output)
_MARK_AFTER_STOP = re.compile("([.!?\u061f\u2026]+)[ \\u00a0]*\ue000(\\[\\d+\\])")
_STARS = re.compile(r"\*{2,}")
_STYLE = ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps")


def _attr_lang(attr: list[Any]) -> tuple[str | None, str | None]:
    kv = dict(attr[2]) if attr and len(attr) > 2 else {}
    return kv.get("lang"), kv.get("dir")


def _sent(text: str) -> list[Sentence]:
    return [Sentence(id="", text=text)] if text else []


class _Reader:
    """One pass over the AST; holds the notes referred to since the last heading."""

    def __init__(self, note_divs: dict[str, list[Node]], markdown: bool = False) -> None:
        self.note_divs = note_divs
        self.markdown = markdown  # unmatched ``**`` left by converters is markup, not text
        self.pending: list[Paragraph] = []
        self.count = 0
        self.lang: str | None = None
        self.in_note = False
        self.cues: dict[int, tuple[str, str]] = {}  # id(block) -> heading cue (see headings.py), list number
        self.headers = 0  # Header blocks the document has

    # -- notes ----------------------------------------------------------------------------------

    def _note(self, blocks: list[Node]) -> str:
        """Register a note's body; return its mark for the referring text."""
        if self.in_note:  # a note inside a note: keep its text in place
            return "(" + self.blocks_text(blocks) + ")"
        self.count += 1
        mark = f"[{self.count}]"
        self.in_note = True
        try:
            parts = [p for p in self.note_parts(blocks) if p] or [""]
        finally:
            self.in_note = False
        lang = self.lang
        # a note of several paragraphs or list items keeps them apart: the first carries the note's mark
        for k, body in enumerate(parts):
            text = f"{mark} {body}".strip() if k == 0 else body
            self.pending.append(Paragraph(sentences=_sent(text), lang=lang, direction=direction_for(lang) if lang else None, role="note"))
        return mark

    def note_parts(self, blocks: list[Node]) -> list[str]:
        """The texts of a note's paragraphs and list items, one each (divisions and quotes opened)."""
        out: list[str] = []
        for b in blocks:
            t: str = b["t"]
            c: Any = b.get("c")
            if t in ("Div", "BlockQuote"):
                out.extend(self.note_parts(c[1] if t == "Div" else c))
            elif t in ("BulletList", "OrderedList"):
                out.extend(self.blocks_text(it) for it in (c if t == "BulletList" else c[1]))
            else:
                out.append(self.blocks_text([b]))
        return out

    def flush(self, out: list[Block]) -> None:
        out.extend(self.pending)
        self.pending = []

    # -- inlines --------------------------------------------------------------------------------

    def text(self, inlines: list[Node]) -> str:
        """Flatten inlines to text (emphasis dropped, links keep their text, notes become marks).

        A mark written after the end of a sentence goes before its full stop (``78 %.[2]`` ->
        ``78 % [2].``), so that the mark stays in the sentence it belongs to."""
        text = "".join(self._inl(inlines))
        if MARK in text:
            text = _MARK_AFTER_STOP.sub(r" \2\1", text).replace(MARK, " ")
        return " ".join(text.split())

    def _inl(self, inlines: list[Node]) -> list[str]:
        out: list[str] = []
        for node in inlines:
            t: str = node["t"]
            c: Any = node.get("c")
            if t == "Str":
                out.append(_STARS.sub("", c) if self.markdown and "**" in c else c)
            elif t in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            elif t in _STYLE:
                out.extend(self._inl(c))
            elif t == "Span":
                out.extend(self._inl(c[1]))
            elif t == "Link":
                out.append(self._link(c))
            elif t == "Image":
                out.extend(self._inl(c[1]))
            elif t == "Quoted":
                q = "«»" if c[0]["t"] == "DoubleQuote" else "‘’"
                out.append(q[0] + "".join(self._inl(c[1])) + q[1])
            elif t == "Cite":
                out.extend(self._inl(c[1]))
            elif t in ("Code", "Math"):
                out.append(c[1])
            elif t == "Note":
                out.append(MARK + self._note(c))
        return out

    def _link(self, c: list[Any]) -> str:
        target = c[2][0] if c[2] else ""
        if NOTE_BACKLINK.fullmatch(target):
            return ""
        m = NOTE_REF.fullmatch(target)
        if m:
            body = self.note_divs.pop(note_key(*m.groups()), None)
            if body is not None:
                return MARK + self._note(body)
        return "".join(self._inl(c[1]))

    # -- blocks ---------------------------------------------------------------------------------

    def blocks_text(self, blocks: list[Node]) -> str:
        parts = []
        for b in blocks:
            t: str = b["t"]
            c: Any = b.get("c")
            if t in ("Plain", "Para", "Header"):
                parts.append(self.text(c if t != "Header" else c[2]))
            elif t == "LineBlock":
                parts.extend(self.text(line) for line in c)
            elif t in ("Div", "BlockQuote"):
                parts.append(self.blocks_text(c[1] if t == "Div" else c))
            elif t in ("BulletList", "OrderedList"):
                items = c if t == "BulletList" else c[1]
                parts.extend(self.blocks_text(it) for it in items)
            elif t == "Table":
                parts.append(" ".join(self.blocks_text(cell[4]) for row in _table_rows(c) for cell in row[1]))
        return " ".join(p for p in parts if p)

    def _para(self, text: str, lang: str | None) -> Paragraph | None:
        if not text.strip():
            return None
        return Paragraph(sentences=_sent(text), lang=lang, direction=direction_for(lang) if lang else None)

    def _list_items(self, items: list[list[Node]]) -> list[ListItem]:
        out = []
        for item in items:
            text_blocks = [b for b in item if b["t"] not in ("BulletList", "OrderedList")]
            children: list[ListItem] = []
            for b in item:
                if b["t"] == "BulletList":
                    children.extend(self._list_items(b["c"]))
                elif b["t"] == "OrderedList":
                    children.extend(self._list_items(b["c"][1]))
            out.append(ListItem(sentences=_sent(self.blocks_text(text_blocks)), children=children))
        return out

    def _cells(self, row: list[Any], header: bool) -> tuple[list[Cell], bool]:
        """The row's cells, and whether every cell with text is entirely bold."""
        cells: list[Cell] = []
        all_bold, any_text = True, False
        for cell in row[1]:
            attr, _, rowspan, colspan, blocks = cell
            text = self.blocks_text(blocks)
            marked = any(k == TH_MARK for k, _ in attr[2]) if attr and len(attr) > 2 else False
            cells.append(Cell(sentences=_sent(text), header=header or marked, rowspan=rowspan, colspan=colspan))
            if text:
                any_text = True
                all_bold = all_bold and _all_bold(blocks)
        return cells, all_bold and any_text

    def table(self, c: list[Any]) -> Table:
        attr, caption, _colspecs, head, bodies, foot = c
        rows: list[list[Cell]] = []
        bold: list[bool] = []
        for r in head[1]:
            rows.append(self._cells(r, True)[0])
            bold.append(False)
        for body in bodies:
            _, rowheadcols, headrows, bodyrows = body
            for r in headrows:
                rows.append(self._cells(r, True)[0])
                bold.append(False)
            for r in bodyrows:
                cells, is_bold = self._cells(r, False)
                for i in range(min(rowheadcols, len(cells))):
                    cells[i].header = True
                rows.append(cells)
                bold.append(is_bold)
        for r in foot[1]:
            rows.append(self._cells(r, False)[0])
            bold.append(False)
        # Word's HTML (and pandoc's DOCX reader without a header flag): a first row of bold cells
        # over rows that are not all bold is the header row
        if len(rows) >= 2 and not any(cell.header for row in rows for cell in row) and bold[0] and not all(bold[1:]):
            for cell in rows[0]:
                cell.header = True
        cap = self.blocks_text(caption[1]) if caption and len(caption) > 1 else ""
        lang, _ = _attr_lang(attr)
        return Table(rows=rows, caption=_sent(cap), lang=lang)

    def convert(self, blocks: list[Node], lang: str | None = None) -> list[Block]:
        """Convert pandoc blocks to model blocks; ``Div`` language attributes flow down."""
        out: list[Block] = []
        for b in blocks:
            t: str = b["t"]
            c: Any = b.get("c")
            self.lang = lang
            if t == "Header":
                self.headers += 1
                level, attr, inl = c
                own, _ = _attr_lang(attr)
                self.flush(out)  # the notes of the section that ends here
                hl = own or lang
                self.lang = hl
                text = self.text(inl)  # a note on the heading itself goes to the end of its section
                if text:
                    out.append(Heading(level=level, sentences=_sent(text), lang=hl, direction=direction_for(hl) if hl else None))
            elif t in ("Para", "Plain"):
                p = self._para(self.text(c), lang)
                if p:
                    out.append(p)
                    if _all_bold([b]):
                        self.cues[id(p)] = ("bold", "")
            elif t == "LineBlock":
                for line in c:
                    p = self._para(self.text(line), lang)
                    if p:
                        out.append(p)
            elif t == "BlockQuote":
                out.extend(self.convert(c, lang))
            elif t == "Div":
                own, _ = _attr_lang(c[0])
                out.extend(self.convert(c[1], own or lang))
            elif t == "BulletList":
                out.append(ListBlock(ordered=False, items=self._list_items(c), lang=lang))
                if len(c) == 1:
                    self.cues[id(out[-1])] = ("item", "")
            elif t == "OrderedList":
                out.append(ListBlock(ordered=True, items=self._list_items(c[1]), lang=lang))
                if len(c[1]) == 1:
                    self.cues[id(out[-1])] = ("item", _list_number(c[0]))
            elif t == "DefinitionList":
                for term, defs in c:
                    p = self._para(self.text(term) + ": " + " ".join(self.blocks_text(d) for d in defs), lang)
                    if p:
                        out.append(p)
            elif t == "Table":
                tbl = self.table(c)
                if tbl.lang is None:
                    tbl.lang = lang
                out.append(tbl)
            elif t == "Figure":
                _attr, caption, body = c
                alt = self.blocks_text(caption[1]) if caption and len(caption) > 1 else ""
                alt = alt or self.blocks_text(body)
                out.append(Figure(alt=_sent(alt), lang=lang))
            elif t == "CodeBlock":
                p = self._para(c[1], lang)
                if p:
                    out.append(p)
            # HorizontalRule, RawBlock, Null: nothing to read
        return out


def _list_number(attrs: list[Any]) -> str:
    """The printed number of a one-item ordered list (``1.``, ``2)``, ``a.``)."""
    start, style, delim = attrs[0], attrs[1].get("t", ""), attrs[2].get("t", "")
    if style in ("LowerAlpha", "UpperAlpha") and 1 <= start <= 26:
        num = chr((ord("a") if style == "LowerAlpha" else ord("A")) + start - 1)
    else:
        num = str(start)
    return num + (")" if delim in ("OneParen", "TwoParens") else ".")


def _table_rows(c: list[Any]) -> list[list[Any]]:
    """Every row of a pandoc table: head, each body's head and body rows, foot."""
    _attr, _caption, _colspecs, head, bodies, foot = c
    rows = list(head[1])
    for body in bodies:
        rows.extend(body[2])
        rows.extend(body[3])
    return rows + list(foot[1])


def _all_bold(blocks: list[Node]) -> bool:
    """Every piece of text in these blocks sits inside ``Strong``."""

    def inl(nodes: list[Node]) -> bool:
        for n in nodes:
            t: str = n["t"]
            c: Any = n.get("c")
            if t in ("Space", "SoftBreak", "LineBreak", "Strong", "RawInline", "Note"):
                continue
            if t == "Span":
                if not inl(c[1]):
                    return False
            elif t == "Link" and (NOTE_REF.fullmatch(c[2][0] if c[2] else "") or NOTE_BACKLINK.fullmatch(c[2][0] if c[2] else "")):
                continue  # a note mark is not text
            elif t in ("Emph", "Underline", "SmallCaps", "Superscript"):
                if not inl(c):
                    return False
            elif t == "Str" and not c.strip():
                continue
            else:
                return False
        return True

    for b in blocks:
        if b["t"] in ("Plain", "Para"):
            if not inl(b["c"]):
                return False
        elif b["t"] == "Div":
            if not _all_bold(b["c"][1]):
                return False
        else:
            return False
    return True


def convert_blocks(blocks: list[Node], lang: str | None = None, *, markdown: bool = False) -> list[Block]:
    """Convert pandoc blocks to model blocks (notes kept, see the module docstring); ``markdown``:
    the source was Markdown, whose stray ``**`` runs are dropped."""
    note_divs: dict[str, list[Node]] = {}
    blocks = take_note_divs(blocks, note_divs)
    reader = _Reader(note_divs, markdown)
    out = reader.convert(blocks, lang)
    if not reader.headers:  # a document that marks none of its headings: found from how they look
        out = infer_headings(out, reader.cues)
    for body in list(reader.note_divs.values()):  # note bodies nothing referred to: kept, as notes
        reader._note(body)
    reader.flush(out)
    return out


def inlines_text(inlines: list[Node]) -> str:
    """Flatten pandoc inlines to text (notes become their text in brackets)."""
    reader = _Reader({})
    reader.in_note = True
    return reader.text(inlines)


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
