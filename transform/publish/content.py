"""Document track -> semantic element tree, shared by the HTML page, the EPUB chapters and the DOCX.

Rules kept here (see docs/publish.md):

* heading levels follow the nesting of *headed* sections (h1, h2... never skipping a level),
  whatever levels the source used; deeper than 6 stays h6;
* ``lang``/``dir`` are written on an element only when they differ from its parent's effective values;
* every sentence is a ``<span class="s" id="<sentence id>">`` so that Media Overlays,
  the HTML read-along and links can address it;
* glossary notes of simplified sentences become a definition list (``<dfn>`` terms) after the block,
  and the original text of a simplified block is kept in a ``<details>`` element.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Block, Cell, Direction, Document, Figure, Heading, ListBlock, ListItem, Paragraph, Section, Sentence, Table
from ..model.runs import runs
from ..model.walk import iter_sentences, resolve
from . import glossary
from .labels import label
from .markup import Node, el, xml_id


@dataclass
class TocEntry:
    id: str
    text: str
    level: int
    lang: str
    direction: Direction
    children: list[TocEntry] = field(default_factory=list)
    top: int = 0  # index of the top-level section it belongs to (EPUB chapter)


@dataclass
class Ctx:
    lang: str
    direction: Direction


@dataclass
class GlossEntry:
    explanation: str
    target: str  # id of the element holding the definition
    top: int  # chapter (top-level section) index of that element
    ctx: Ctx


def lang_attrs(own: Ctx, parent: Ctx) -> dict[str, str | None]:
    """``lang``/``dir`` only where they differ from the parent."""
    return {
        "lang": own.lang if own.lang != parent.lang else None,
        "dir": own.direction.value if own.direction != parent.direction else None,
    }


class ContentBuilder:
    """Builds nodes for one track; records the outline, sentence ids and glossary as it goes."""

    def __init__(self, doc: Document, *, epub: bool = False) -> None:
        self.epub = epub
        self.pages: list[tuple[int, str, int]] = []  # (source page, marker id, chapter index)
        self._page: int | None = None
        self.doc = doc
        self.root = Ctx(doc.meta.lang, doc.meta.direction)
        self.toc: list[TocEntry] = []
        self.sentence_ids: list[str] = []
        self.glossary: dict[str, GlossEntry] = {}  # term -> where it is defined; first definition wins
        self.figures = 0
        self.tables = 0
        self.simplified = doc.meta.variant != "source"
        sents = [loc.sentence for loc in iter_sentences(doc)] if self.simplified else []
        self.defs = glossary.definitions(sents)  # explanation text -> term
        self.texts = {glossary.normalise(x.text) for x in sents}
        self._top = 0
        self._block_id = ""

    # -- sections ---------------------------------------------------------------------------------

    def top_sections(self) -> Iterator[tuple[Section, Node]]:
        """One node per top-level section (EPUB makes one chapter of each), built lazily in order."""
        for i, sec in enumerate(self.doc.sections):
            self._top = i
            yield sec, self.section(sec, self.root, 1, self.toc, top=i)

    def section(self, sec: Section, parent: Ctx, level: int, toc: list[TocEntry], top: int) -> Node:
        lang, d = resolve(sec.lang, sec.direction, parent.lang, parent.direction)
        me = Ctx(lang, d)
        node = el("section", {"id": xml_id(sec.id) if sec.id else None, **lang_attrs(me, parent)})
        children_toc = toc
        next_level = level
        if sec.heading is not None and sec.heading.sentences:
            hnode, entry = self.heading(sec.heading, me, level, top)
            node.add(self.page_marker(sec.heading.page, me), hnode)
            toc.append(entry)
            children_toc = entry.children
            next_level = level + 1
        for block in sec.blocks:
            node.extend(self.block(block, me, next_level, top))
        for child in sec.sections:
            node.add(self.section(child, me, next_level, children_toc, top))
        return node

    def heading(self, h: Heading, parent: Ctx, level: int, top: int) -> tuple[Node, TocEntry]:
        lang, d = resolve(h.lang, h.direction, parent.lang, parent.direction)
        me = Ctx(lang, d)
        hid = xml_id(h.id or f"h-{h.sentences[0].id}")
        node = el(f"h{min(level, 6)}", {"id": hid, **lang_attrs(me, parent)})
        node.extend(self.sentences(h.sentences, me))
        entry = TocEntry(hid, " ".join(s.text for s in h.sentences), min(level, 6), lang, d, top=top)
        return node, entry

    # -- blocks -----------------------------------------------------------------------------------

    def block(self, block: Block, parent: Ctx, level: int, top: int) -> list[Node]:
        lang, d = resolve(block.lang, block.direction, parent.lang, parent.direction)
        me = Ctx(lang, d)
        attrs = {"id": xml_id(block.id) if block.id else None, **lang_attrs(me, parent)}
        self._block_id = attrs["id"] or ""
        marker = self.page_marker(block.page, parent)
        if isinstance(block, Heading):  # a heading among a section's blocks: one level below the section's
            node, _ = self.heading(block, parent, level, top)
            return [marker, node] if marker else [node]
        if isinstance(block, Paragraph):
            nodes = [el("p", attrs).extend(self.sentences(block.sentences, me))]
            sents = block.sentences
        elif isinstance(block, ListBlock):
            nodes = [self.list_node(block.ordered, block.items, me, attrs)]
            sents = [s for it in _all_items(block.items) for s in it.sentences]
        elif isinstance(block, Table):
            nodes = [self.table(block, me, attrs)]
            sents = list(block.caption) + [s for row in block.rows for c in row for s in c.sentences]
        elif isinstance(block, Figure):
            nodes = [self.figure(block, me, attrs)]
            sents = list(block.alt)
        else:  # pragma: no cover - the union is closed
            return []
        nodes.extend(self.extras(sents, me))
        return [marker, *nodes] if marker else nodes

    def page_marker(self, page: int | None, parent: Ctx) -> Node | None:
        """A page-break marker where the source's page changes (PDF sources), for citing the printed page."""
        if page is None or page == self._page:
            return None
        self._page = page
        mid = f"page-{page}"
        if any(m == mid for _, m, _ in self.pages):
            return None
        self.pages.append((page, mid, self._top))
        attrs: dict[str, str | None] = {
            "id": mid,
            "class": "pagenum",
            "role": "doc-pagebreak",
            "aria-label": label(parent.lang, "page", n=str(page)),
        }
        if self.epub:
            attrs["epub:type"] = "pagebreak"
        return el("span", attrs, str(page))

    def list_node(self, ordered: bool, items: list[ListItem], me: Ctx, attrs: dict[str, str | None]) -> Node:
        node = el("ol" if ordered else "ul", attrs)
        for it in items:
            ilang, idir = resolve(it.lang, it.direction, me.lang, me.direction)
            ictx = Ctx(ilang, idir)
            li = el("li", {"id": xml_id(it.id) if it.id else None, **lang_attrs(ictx, me)})
            li.extend(self.sentences(it.sentences, ictx))
            if it.children:
                li.add(self.list_node(ordered, it.children, ictx, {}))
            node.add(li)
        return node

    def table(self, t: Table, me: Ctx, attrs: dict[str, str | None]) -> Node:
        self.tables += 1
        node = el("table", attrs)
        if t.caption:
            node.add(el("caption", {}).extend(self.sentences(t.caption, me)))
        rows = [r for r in t.rows if r]
        head_rows: list[list[Cell]] = []
        while rows and all(c.header for c in rows[0]) and len(head_rows) < 2:
            head_rows.append(rows.pop(0))
        if head_rows:
            node.add(el("thead", {}).extend(self.row(r, me, in_head=True) for r in head_rows))
        if rows:
            node.add(el("tbody", {}).extend(self.row(r, me, in_head=False) for r in rows))
        return node

    def row(self, cells: list[Cell], me: Ctx, in_head: bool) -> Node:
        tr = el("tr", {})
        for c in cells:
            clang, cdir = resolve(c.lang, c.direction, me.lang, me.direction)
            cctx = Ctx(clang, cdir)
            is_th = c.header and any(s.text.strip() for s in c.sentences)
            scope = None
            if is_th:
                scope = ("colgroup" if c.colspan > 1 else "col") if in_head else ("rowgroup" if c.rowspan > 1 else "row")
            cell = el(
                "th" if is_th else "td",
                {
                    "scope": scope,
                    "colspan": str(c.colspan) if c.colspan > 1 else None,
                    "rowspan": str(c.rowspan) if c.rowspan > 1 else None,
                    **lang_attrs(cctx, me),
                },
            )
            tr.add(cell.extend(self.sentences(c.sentences, cctx)))
        return tr

    def figure(self, f: Figure, me: Ctx, attrs: dict[str, str | None]) -> Node:
        self.figures += 1
        node = el("figure", attrs)
        cap = el("figcaption", {}, el("span", {"class": "label"}, label(me.lang, "figure")), " ")
        cap.extend(self.sentences(f.alt, me))
        return node.add(cap)

    # -- sentences, glossary, original text -------------------------------------------------------

    def sentences(self, sents: list[Sentence], parent: Ctx) -> list[Node | str]:
        out: list[Node | str] = []
        for i, s in enumerate(sents):
            lang, d = resolve(s.lang, s.direction, parent.lang, parent.direction)
            if i:
                out.append(" ")
            sid = xml_id(s.id)
            self.sentence_ids.append(sid)
            span = el("span", {"id": sid, "class": "s", **lang_attrs(Ctx(lang, d), parent)})
            term = self.defs.get(glossary.normalise(s.text))
            rtl = d == Direction.RTL
            if term is not None:  # this sentence explains a term: it is the term's definition
                span.attrs["class"] = "s gloss"
                at = s.text.find(term)
                if term not in self.glossary and at >= 0:
                    span.extend(self.runs(s.text[:at], lang, rtl))
                    span.add(el("dfn", {}, term))
                    span.extend(self.runs(s.text[at + len(term) :], lang, rtl))
                else:
                    span.extend(self.runs(s.text, lang, rtl))
                self.glossary.setdefault(term, GlossEntry(s.text, sid, self._top, Ctx(lang, d)))
            else:
                span.extend(self.runs(s.text, lang, rtl))
            out.append(span)
        return out

    def runs(self, text: str, lang: str, rtl: bool) -> list[Node | str]:
        """Text of a sentence: each run of the other script (``transform.model.runs``) in a
        ``<span lang dir>``; space-grouped numbers of right-to-left text isolated left-to-right."""
        parts = runs(text, lang, (self.root.lang,))
        if len(parts) == 1 and parts[0].lang == lang:
            return numbers_ltr(text, rtl)
        out: list[Node | str] = []
        for r in parts:
            piece = text[r.start : r.end]
            if r.lang == lang:
                out.extend(numbers_ltr(piece, rtl))
            else:
                out.append(el("span", {"lang": r.lang, "dir": r.dir}, *numbers_ltr(piece, r.dir == "rtl")))
        return out

    def extras(self, sents: list[Sentence], me: Ctx) -> list[Node]:
        """Glossary notes not already written as sentences, and the original text, after a simplified block."""
        nodes: list[Node] = []
        if not self.simplified:
            return nodes
        terms = el("dl", {})
        loose: list[Node] = []
        for s in sents:
            for e in glossary.sentence_entries(s):
                if not e.explanation or glossary.normalise(e.explanation) in self.texts:
                    continue  # a label alone, or an explanation the text already gives (marked with <dfn>)
                if not e.term:
                    loose.append(el("p", {}, e.explanation))
                    continue
                first = e.term not in self.glossary
                if first:
                    self.glossary[e.term] = GlossEntry(e.explanation, self._block_id, self._top, me)
                terms.add(el("dt", {}, el("dfn", {}, e.term) if first else e.term), el("dd", {}, e.explanation))
        if terms.children or loose:
            title = el("p", {"class": "glossary-title"}, label(me.lang, "glossary"))
            box = el("div", {"class": "glossary", "role": "note"}, title, terms if terms.children else None)
            nodes.append(box.extend(loose))
        originals = [s for s in sents if glossary.has_original(s)]
        if originals:
            olang = glossary.source_lang(originals[0], "ar")
            octx = Ctx(olang, Direction.RTL if olang in ("ar", "ary") else Direction.LTR)
            seen: list[str] = []
            for s in originals:  # a source sentence split in several pieces is shown once
                if (s.source_text or "").strip() not in seen:
                    seen.append((s.source_text or "").strip())
            sep = "؛ " if octx.direction == Direction.RTL else "; "
            joined = "".join(t + ("" if i == len(seen) - 1 else (" " if t.endswith(_END) else sep)) for i, t in enumerate(seen))
            body = el("p", lang_attrs(octx, me), joined)
            nodes.append(el("details", {"class": "original"}, el("summary", {}, label(me.lang, "original")), body))
        return nodes

    def glossary_section(self, href_of: dict[int, str] | None = None, *, epub: bool = False) -> Node | None:
        """Back-matter list of every explained term, each linked to where the text defines it."""
        if not self.glossary:
            return None
        lang = self.root.lang
        attrs: dict[str, str | None] = {"id": "glossary", "aria-labelledby": "glossary-title", "role": "doc-glossary"}
        if epub:
            attrs["epub:type"] = "glossary"
        dl = el("dl", {})
        for term, g in self.glossary.items():
            href = (href_of[g.top] if href_of else "") + "#" + g.target
            dl.add(
                el("dt", lang_attrs(g.ctx, self.root), el("a", {"href": href}, term)),
                el("dd", lang_attrs(g.ctx, self.root), g.explanation),
            )
        return el("section", attrs, el("h1", {"id": "glossary-title"}, label(lang, "glossary")), dl)


_END = (".", "!", "?", "؟", ":", "…", "»", ")")
# digits grouped by spaces ("1 250 000"): in right-to-left text the bidi algorithm would show the groups
# in reverse order ("000 250 1"), because a space does not join numbers the way a comma does
GROUPED_NUMBER = re.compile(r"\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,]\d+)?")


def numbers_ltr(text: str, rtl: bool) -> list[Node | str]:
    """Text with space-grouped numbers isolated left-to-right (only needed in right-to-left text)."""
    if not rtl or not GROUPED_NUMBER.search(text):
        return [text]
    out: list[Node | str] = []
    pos = 0
    for m in GROUPED_NUMBER.finditer(text):
        out.append(text[pos : m.start()])
        out.append(el("span", {"dir": "ltr"}, m.group(0)))
        pos = m.end()
    out.append(text[pos:])
    return [x for x in out if x != ""]


def _all_items(items: list[ListItem]) -> list[ListItem]:
    out: list[ListItem] = []
    for it in items:
        out.append(it)
        out.extend(_all_items(it.children))
    return out


def track_title(doc: Document, fallback: str) -> str:
    """The first heading of the track (so the French track gets a French title), else the metadata title."""
    for sec in doc.sections:
        stack = [sec]
        while stack:
            s = stack.pop(0)
            if s.heading is not None and s.heading.sentences:
                return " ".join(x.text for x in s.heading.sentences)
            stack = s.sections + stack
    return doc.meta.title or fallback
