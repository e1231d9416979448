"""Group PDF text lines into blocks: headings, paragraphs, lists (tables come from pdf_tables).

* Body text is the font size that carries the most characters. Larger sizes are
  heading levels by rank (largest = level 1, at most 3 levels); a short, all-bold
  paragraph at body size is a heading one level below the smallest larger size.
* Lines join into one paragraph while the size and direction stay the same and the
  baseline step stays near the usual line pitch; a wider step (paragraph spacing), a
  bullet or a number starts a new block.
* List items start with a bullet (``•``, ``-``, symbol-font bullets) or a number/letter
  marker (``1.``, ``2)``, ``a)``, ``أ)``); lines that follow without a marker continue
  the item. Deeper indentation nests an item under the previous one.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import TypeVar

from ..model import Block, Heading, ListBlock, ListItem, Paragraph, Sentence, Table
from .base import TextLine
from .pdf_bidi import is_rtl_line

# the standard ``re`` module: these run on every line and need no Unicode properties
BULLET = re.compile(r"^[•◦▪▫●○■□‣⁃∙·❖➢✓\-–—*]\s*(?=\S)")
NUMBERED = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|[\u0660-\u0669]{1,2}[.)\-]|[أبجدهوزحطي][.)\-])\s+(?=\S)")
SENTENCE_END = re.compile(r"[.!?؟…:;؛]\s*[\"»”’)]*$")
PAGE_NUMBER = re.compile(r"^(?:page\s+|صفحة\s+|-\s*)?\d{1,4}(?:\s*(?:/|sur|of|من)\s*\d{1,4})?(?:\s*-)?$", re.I)
_DIGIT_RUN = re.compile(r"\d+")
MAX_HEADING_LEVELS = 3
L = TypeVar("L", bound=TextLine)


@dataclass
class _Group:
    kind: str  # "heading" | "paragraph" | "item"
    lines: list[TextLine] = field(default_factory=list)
    size: float = 0.0
    rtl: bool = False
    ordered: bool = False
    indent: float = 0.0
    level: int = 0
    table: Table | None = None

    @property
    def text(self) -> str:
        return join_lines([ln.text for ln in self.lines])


def join_lines(texts: list[str]) -> str:
    """Join the lines of a block: a space between lines, none after a line-end hyphen."""
    out = ""
    for t in texts:
        t = t.strip()
        if not out:
            out = t
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out += t
        else:
            out += " " + t
    return out


def _baseline(line: TextLine) -> float:
    return float(getattr(line, "baseline", 0.0) or line.bottom)


def _rtl(line: TextLine) -> bool:
    val = getattr(line, "rtl", None)
    return bool(val) if val is not None else is_rtl_line(line.text)


def _size(line: TextLine) -> float:
    return round((line.size or 0.0) * 2) / 2


def drop_page_furniture(lines: list[L], page_height: float) -> list[L]:
    """Remove bare page numbers in the top or bottom margin."""
    margin = 0.08 * page_height
    return [ln for ln in lines if not ((ln.top < margin or ln.bottom > page_height - margin) and PAGE_NUMBER.match(ln.text.strip()))]


def drop_running_lines(pages: list[list[L]], heights: list[float]) -> list[list[L]]:
    """Remove running headers and footers: a line in the top or bottom margin whose text
    (digits aside, so "Page 3" matches "Page 4") comes back on at least half of the pages
    (three pages at least)."""
    if len(pages) < 3:
        return pages

    def key(ln: TextLine) -> str:
        return _DIGIT_RUN.sub("#", " ".join(ln.text.split()))

    def in_margin(ln: TextLine, height: float) -> bool:
        return ln.top < 0.1 * height or ln.bottom > 0.9 * height

    seen: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=False):
        seen.update({key(ln) for ln in lines if in_margin(ln, height)})
    running = {k for k, n in seen.items() if n >= max(3, len(pages) // 2)}
    if not running:
        return pages
    return [
        [ln for ln in lines if not (in_margin(ln, height) and key(ln) in running)]
        for lines, height in zip(pages, heights, strict=False)
    ]


Feature = tuple[float, bool, float]  # rounded size, right to left, baseline of one line


def _features(pages: list[list[TextLine]]) -> list[list[Feature]]:
    """Size, direction and baseline of every line, read once (grouping asks for them many times)."""
    return [[(_size(ln), _rtl(ln), _baseline(ln)) for ln in lines] for lines in pages]


def body_size(pages: list[list[TextLine]], feats: list[list[Feature]] | None = None) -> float:
    feats = feats if feats is not None else _features(pages)
    counts: Counter[float] = Counter()
    for lines, fs in zip(pages, feats, strict=True):
        for ln, f in zip(lines, fs, strict=True):
            counts[f[0]] += len(ln.text)
    return counts.most_common(1)[0][0] if counts else 0.0


def heading_sizes(pages: list[list[TextLine]], body: float, feats: list[list[Feature]] | None = None) -> list[float]:
    """Sizes larger than the body text that are used on short lines, largest first."""
    feats = feats if feats is not None else _features(pages)
    sizes: Counter[float] = Counter()
    if body:
        for lines, fs in zip(pages, feats, strict=True):
            for ln, f in zip(lines, fs, strict=True):
                if f[0] >= body * 1.1 and len(ln.text) <= 200:
                    sizes[f[0]] += 1
    return sorted(sizes, reverse=True)


def _pitches(pages: list[list[TextLine]], feats: list[list[Feature]] | None = None) -> dict[tuple[float, bool], float]:
    """The usual baseline step between two lines of one paragraph, per (size, direction)."""
    feats = feats if feats is not None else _features(pages)
    steps: dict[tuple[float, bool], list[float]] = {}
    for fs in feats:
        for (sa, ra, ba), (sb, rb, bb) in zip(fs, fs[1:], strict=False):
            if sa != sb or ra != rb:
                continue
            d = bb - ba
            size = sa or 10.0
            if 0.9 * size <= d <= 3.0 * size:
                steps.setdefault((sa, ra), []).append(d)
    out = {}
    for key, vals in steps.items():
        vals.sort()
        out[key] = vals[max(0, len(vals) // 4 - 1)] if len(vals) >= 4 else min(vals)
    return out


def _indent(line: TextLine, page_width: float) -> float:
    return (page_width - line.x1) if _rtl(line) else line.x0


def _marker(text: str) -> tuple[str, bool] | None:
    """(text without its list marker, ordered) when the line starts a list item."""
    m = BULLET.match(text)
    if m:
        return text[m.end():].strip(), False
    m = NUMBERED.match(text)
    if m:
        return text, True  # keep numbers: they carry meaning ("1." "أ)")
    return None


def group_lines(
    pages: list[list[TextLine]],
    tables: list[list[tuple[float, Table]]],
    page_widths: list[float],
) -> list[_Group]:
    """Walk the lines page by page and cut them into groups; tables are placed by their top."""
    feats = _features(pages)
    body = body_size(pages, feats)
    hsizes = heading_sizes(pages, body, feats)
    pitch = _pitches(pages, feats)
    groups: list[_Group] = []
    cur: _Group | None = None
    prev: tuple[float, bool, float, int] | None = None  # size, rtl, baseline, page of the previous line
    for page_idx, lines in enumerate(pages):
        width = page_widths[page_idx] if page_idx < len(page_widths) else 595.0
        pending = sorted(tables[page_idx] if page_idx < len(tables) else [], key=lambda t: t[0])
        for ln, (size, rtl, base) in zip(lines, feats[page_idx], strict=True):
            while pending and pending[0][0] <= ln.top:
                groups.append(_Group(kind="table", table=pending.pop(0)[1]))
                cur, prev = None, None
            fsize = size or 10.0
            is_heading = size in hsizes
            marker = None if is_heading else _marker(ln.text)
            continues = False
            if cur is not None and prev is not None and marker is None and prev[0] == size and prev[1] == rtl:
                if (cur.kind == "heading") == is_heading:
                    if prev[3] == ln.page:
                        step = base - prev[2]
                        continues = 0 < step <= pitch.get((size, rtl), 1.25 * fsize) + 0.45 * fsize
                        if continues and cur.kind == "item":  # a continuation line hangs under the item's text
                            continues = _indent(ln, width) > cur.indent + 2
                    else:  # first line of a page: a paragraph goes on unless the last one was complete
                        continues = cur.kind == "paragraph" and not SENTENCE_END.search(cur.lines[-1].text)
            if continues and cur is not None:
                cur.lines.append(ln)
            else:
                if is_heading:
                    cur = _Group(kind="heading", size=size, rtl=rtl, level=min(hsizes.index(size) + 1, MAX_HEADING_LEVELS))
                elif marker is not None:
                    text, ordered = marker
                    cur = _Group(kind="item", size=size, rtl=rtl, ordered=ordered, indent=_indent(ln, width))
                    ln = _with_text(ln, text)
                else:
                    cur = _Group(kind="paragraph", size=size, rtl=rtl)
                cur.lines.append(ln)
                groups.append(cur)
            prev = (size, rtl, base, ln.page)
        for _, table in pending:
            groups.append(_Group(kind="table", table=table))
            cur, prev = None, None
    _bold_headings(groups, body, hsizes)
    return groups


def _with_text(line: L, text: str) -> L:
    """A shallow copy of a line with another text (what ``dataclasses.replace`` does, without its per-call field walk)."""
    if not dataclasses.is_dataclass(line) or hasattr(type(line), "__slots__"):
        return dataclasses.replace(line, text=text)  # type: ignore[type-var]
    out = object.__new__(type(line))
    out.__dict__.update(line.__dict__)
    out.text = text
    return out


def _bold_headings(groups: list[_Group], body: float, hsizes: list[float]) -> None:
    """A short paragraph set entirely in bold at body size or more is a heading."""
    level = min(len(hsizes) + 1, MAX_HEADING_LEVELS)
    for g in groups:
        if g.kind != "paragraph" or not g.lines or g.size < body:
            continue
        text = g.text
        if all(ln.bold for ln in g.lines) and len(g.lines) <= 2 and len(text) <= 150 and not text.rstrip().endswith((".", ",", "،", ";")):
            g.kind, g.level = "heading", level


def _sentence(text: str) -> list[Sentence]:
    return [Sentence(id="", text=text, notes={})]  # explicit notes: pydantic deep-copies defaults otherwise


def groups_to_blocks(groups: list[_Group]) -> list[Block]:
    """Headings, paragraphs, lists (consecutive items; deeper indent nests) and tables."""
    blocks: list[Block] = []
    lst: ListBlock | None = None
    stack: list[tuple[float, ListItem]] = []
    for g in groups:
        page = g.lines[0].page if g.lines else None
        text = g.text if g.lines else ""
        if g.kind == "item":
            item = ListItem(sentences=_sentence(text), children=[])
            if lst is None:
                lst = ListBlock(ordered=g.ordered, items=[], page=page)
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
        elif g.kind == "heading":
            blocks.append(Heading(level=g.level, sentences=_sentence(text), page=page))
        elif text:
            blocks.append(Paragraph(sentences=_sentence(text), page=page))
    return blocks


def median_size(lines: list[TextLine]) -> float:
    sizes = [ln.size for ln in lines if ln.size]
    return statistics.median(sizes) if sizes else 10.0
