"""Paragraph boundaries checked again on the page's own lines, after :func:`pdf_blocks.group_lines` (issue 17).

The grouping starts a paragraph where the step to the next line is wider than the document's usual
pitch, or where the line before stops short of the edge found for its column, and goes on where a
line is no more set in than the one before. Three cases get it wrong; this pass mends them on the
groups, without touching the grouping's own rules:

**Joined: a justified block cut line by line.** A column set a little wider apart than the rest of
the document (an article of a Bulletin whose lines are 26 pt apart where the others are 24), or a
column whose edges the layout took too wide (the text beside a table whose lines were taken out, so
the column found spans the page): each of its lines stands alone. Two consecutive paragraphs (the
first may be a list item) are one when

* the first one's last line is **full**: it stops where the lines of its column stop (the
  second-outermost end among the page's lines that stand over or under it, at least
  :data:`MIN_COLUMN` of them), and it does not end a sentence;
* the second one's first line is **not indented**: it starts where the lines of its column start,
  and no further in than the line before;
* it stands **right under** it, in one style (same size, direction, no bold): the step between the
  two lines is no wider than the nearest step around them (into the line before, out of the line
  after), within :data:`STEP_SLACK` of a size. A paragraph gap, a first-line indent or a short last
  line still separate paragraphs.

**Joined: a phrase left open.** A line that ends with an article, a preposition or a conjunction of
French (:data:`OPEN_WORDS`: ``LE MINISTRE DE L'ENSEIGNEMENT SUPÉRIEUR, DE LA`` / ``RECHERCHE
SCIENTIFIQUE ...``, a minister's title in small capitals spaced wider than the text), or followed by
a line starting in lower case, goes on in the line right under it (at most :data:`OPEN_GAP` sizes
below, overlapping it, same size and weight). Not Arabic's prepositions: an OCR'd form's line ends
with one where the dotted field after it was not read.

**Split: a second first line.** Inside a paragraph, a line set in as far as the paragraph's first
line (more than 0.8 of a size, at most 0.3 of the column), after a line ending a sentence, with the
line after it (if any) starting further out, opens a paragraph of its own: two visas each set in
(``... الأكثر تمثيلا؛`` / ``وبعد دراسة المشروع ...``) that the grouping kept together because the
second is no more set in than the first. A hanging indent (the first line further out) is no cut.

**Joined: a stack of centred lines on a scan.** On an OCR'd page (its lines carry no baseline), short lines
centred on one axis, one under the other at a line's pitch (at most :data:`STACK_STEP` sizes from bottom to
bottom), in one size and weight, the first not ending a sentence or a lead-in (``:``), are one paragraph: a
prefect's name over his titles (``LE PRÉFET DE LA HAUTE-SAÔNE`` / ``Chevalier de la Légion d'Honneur`` / ...),
a logo's motto (``Liberté`` / ``Égalité`` / ``Fraternité``). Left-to-right lines only: an Arabic letterhead stacks
one line per level of the administration (``المملكة المغربية`` / ``وزارة الداخلية`` / ``ولاية جهة طنجة ...`` /
``جماعة طنجة``), each a paragraph of its own, in the same size and pitch. A text layer's sizes and positions are
exact, and its grouping already tells such stacks apart; an OCR'd page's line boxes wobble too much for that.

**Joined: a label's hanging line on a scan.** On an OCR'd page, a paragraph of one line opened by a label (at most
:data:`LABEL_WORDS` words up to a colon: ``الموضوع: تنبيه بأجل ... و/أو النصوص``), full to its column's end and not
ending a sentence, goes on in the line right under it set in about as far as the label is wide (the letter's subject
line of decree 2.19.720's model letters, its second line ``التنظيمية الصادرة بتطبيقه.`` aligned after ``الموضوع:``):
the grouping took the inset for a first-line indent.

**Joined: a sentence's tail after a full stop OCR read.** On an OCR'd page, a speck at a full line's end is read as a
full stop (``... قسم الإعلام والتواصل بوزارة.`` / ``الصحة.``): a line full to its column's end and ending with one
full stop, followed right under it by a line of at most :data:`TAIL_WORDS` words ending a sentence, set flush with
its start (or, after a label, set in under the label: ``الموضوع: ... النصوص التنظيمية.`` / ``الصادرة بتطبيقه.``),
is one paragraph with it: a sentence of one or two words is no paragraph of its own. Its size may read further off
(:data:`TAIL_SIZE`): a short line's box is sized on a word or two.

**Joined: a row OCR cut in two around a stamp.** On an OCR'd page, a stamp or a handwritten word over a line's
dotted blank makes tesseract read that printed row as two lines, the stamp a third (``قرار لوزير ... رقم`` /
``15 مارس 2023`` / ``بتاريخ ... بفتح باب الترشح ...``): three paragraphs. A paragraph's last line not ending a
sentence, a paragraph starting on the same row after it in reading order (their boxes share half of the smaller
height) whose second line stands right under the row and spans both parts' sides, and at most
:data:`STAMP_LINES` short lines (at most :data:`STAMP_WORDS` words) between them standing on the row or just over it,
are one paragraph, in that order. A letterhead's two blocks side by side have no line under both at a line's pitch.

Headings, notes and tables are left as the grouping made them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .base import TextLine
from .pdf_block_group import _Group
from .pdf_block_kinds import SENTENCE_END

EDGE_SLACK = 0.35  # sizes: a line stops (or starts) at its column's edge within this (at least FLUSH points)
FLUSH = 2.0  # points
STEP_SLACK = 0.15  # sizes: the step between the two lines exceeds the nearest step around them by at most this
MIN_COLUMN = 4  # lines that stand over or under a line (its column) needed to tell where that column's edges are
OVERLAP = 0.5  # share of the narrower line two lines share horizontally to stand in one column
WOBBLE = 1.5  # points: the sizes of an OCR'd paragraph's lines differ by this much at most (and 15 %)
OPEN_GAP = 1.5  # sizes: a line going on the phrase the line above leaves open stands at most this far under it
STACK_STEP = 1.4  # sizes: centred lines of an OCR'd stack stand at most this far apart, bottom to bottom...
STACK_AXIS = 1.0  # ...their centres at most this many sizes apart...
STACK_SHORT = 0.7  # ...each narrower than this share of the page's text width (not a full line of a paragraph)
STAMP_LINES = 2  # a row OCR cut in two: at most this many short lines (stamped, handwritten) read between its parts
STAMP_WORDS = 4  # ...each of at most this many words
TAIL_WORDS = 2  # a sentence's tail OCR cut at a full stop read at the line above's end: at most this many words
TAIL_SIZE = 0.2  # ...and its size within this share of the line above's
LABEL_WORDS = 3  # a label opening a line (``الموضوع:``, ``Objet :``): at most this many words up to its colon
# words a French phrase does not end with: a line ending with one goes on in the next (lower case). Not Arabic's
# prepositions: an OCR'd form's line ends with one when the dotted field after it is not read (``تبتدىء من ...``)
OPEN_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "l'", "l’", "d'", "d’", "et", "ou", "à", "au", "aux", "en", "pour",
                        "par", "sur", "dans", "avec", "entre", "un", "une"})


def _column_edges(line: TextLine, page_lines: Sequence[TextLine]) -> tuple[float, float] | None:
    """(left, right) edges of the column of ``line``: the second-outermost left and right ends of the page's lines
    that stand over or under it and are at least 0.4 of its width (one wider line, a title across two columns, is
    no edge); None when fewer than :data:`MIN_COLUMN` lines stand there."""
    x0, x1 = line.x0, line.x1
    width = x1 - x0
    narrow = 0.4 * width
    lefts: list[float] = []
    rights: list[float] = []
    for m in page_lines:  # (every line of the page for each line asked about: min and max written out, bounds read once)
        mx0, mx1 = m.x0, m.x1
        w = mx1 - mx0
        if w < narrow:
            continue
        if (x1 if x1 <= mx1 else mx1) - (x0 if x0 >= mx0 else mx0) < OVERLAP * (w if w <= width else width):
            continue
        lefts.append(mx0)
        rights.append(mx1)
    if len(lefts) < MIN_COLUMN:
        return None
    lefts.sort()
    rights.sort(reverse=True)
    return lefts[1], rights[1]


def _step(a: TextLine, b: TextLine) -> float:
    """From line ``a`` down to line ``b``: baselines on a text layer; on an OCR'd page (no baseline there) the smaller
    of the steps between their tops and between their bottoms, both forward (a speck or a stamp's stroke caught in
    one line's box stretches it up or down, not both: ``المستخرج من المنزل ...`` boxed 28 points high among lines
    of 19, ma-tc-casa p. 3). Where the two boxes overlap, the taller one is the stretched one: the step between the
    edges it did not move (its top when it is the upper line, its bottom when it is the lower one)."""
    ba, bb = getattr(a, "baseline", None), getattr(b, "baseline", None)
    if ba is not None and bb is not None:
        return bb - ba
    bottoms, tops = b.bottom - a.bottom, b.top - a.top
    if bottoms <= 0 or tops <= 0:
        return bottoms
    if b.top < a.bottom:
        return tops if a.bottom - a.top > b.bottom - b.top else bottoms
    return min(bottoms, tops)


def _nearest_step(before: TextLine | None, a: TextLine, b: TextLine, after: TextLine | None) -> float | None:
    """The smaller of the steps into ``a`` and out of ``b`` from lines of the same column (None when there is none)."""
    steps = []
    for x, y in ((before, a), (b, after)):
        if x is None or y is None or x.page != y.page:
            continue
        s = _step(x, y)
        shared = min(x.x1, y.x1) - max(x.x0, y.x0)
        if s > 0 and shared > 0:
            steps.append(s)
    return min(steps) if steps else None


def _goes_on(a: TextLine, b: TextLine, size: float) -> bool:
    """Does ``b`` go on the phrase ``a`` leaves open (``a`` ends with an article, a preposition or a conjunction,
    ``LE MINISTRE DE L'ENSEIGNEMENT SUPÉRIEUR, DE LA`` / ``RECHERCHE SCIENTIFIQUE ...``; or ``b`` starts in lower
    case), set right under it in one style?"""
    if a.bold != b.bold or b.top - a.bottom > OPEN_GAP * size:
        return False
    last = a.text.rsplit(None, 1)[-1].lower() if a.text.strip() else ""
    return last in OPEN_WORDS or b.text.lstrip()[:1].islower()


def _joins(a: TextLine, b: TextLine, before: TextLine | None, after: TextLine | None, rtl: bool,
           page_lines: Sequence[TextLine]) -> bool:
    if a.page != b.page or SENTENCE_END.search(a.text):
        return False
    size = max(a.size, b.size) or 10.0
    if b.top < a.bottom - 0.3 * size:
        return False
    shared = min(a.x1, b.x1) - max(a.x0, b.x0)
    # OCR sizes its lines from their boxes (an OCR'd page, an earlier OCR's text layer): one paragraph's lines may
    # read a point apart
    if abs(a.size - b.size) <= min(WOBBLE, 0.15 * size) and shared >= OVERLAP * min(a.x1 - a.x0, b.x1 - b.x0) and _goes_on(a, b, size):
        return True
    if abs(a.size - b.size) > max(0.5, 0.06 * size):
        return False
    if a.bold or b.bold:
        return False
    step = _step(a, b)
    if not (0 < step <= 2.5 * size) or b.top < a.bottom - 0.3 * size:
        return False
    shared = min(a.x1, b.x1) - max(a.x0, b.x0)
    if shared < OVERLAP * min(a.x1 - a.x0, b.x1 - b.x0):
        return False
    near = _nearest_step(before, a, b, after)
    if near is None or step > near + STEP_SLACK * size:
        return False
    frame = _frame(a, page_lines, size)
    if frame is None:
        return False
    left, right, slack = frame
    a_end, b_start, a_start = (a.x0, b.x1, a.x1) if rtl else (a.x1, b.x0, a.x0)
    col_end, col_start = (left, right) if rtl else (right, left)
    if abs(a_end - col_end) > slack or abs(b_start - col_start) > slack:
        return False
    # b no further in than a (a may be a first line set in; b may not)
    return b_start >= a_start - slack if rtl else b_start <= a_start + slack


def _stacked(a: TextLine, b: TextLine, page_lines: Sequence[TextLine]) -> bool:
    """Are OCR'd lines ``a`` and ``b`` two lines of one centred stack (see the module docstring)?"""
    if hasattr(a, "baseline") or hasattr(b, "baseline") or a.page != b.page or a.bold != b.bold:
        return False
    text = a.text.rstrip()
    if SENTENCE_END.search(text) or text.endswith((":", "：")):
        return False
    size = max(a.size, b.size) or 10.0
    if abs(a.size - b.size) > min(WOBBLE, 0.15 * size):
        return False
    step = b.bottom - a.bottom
    if not 0 < step <= STACK_STEP * size or b.top < a.bottom - 0.3 * size:
        return False
    if abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 > STACK_AXIS * size:
        return False
    width = max(ln.x1 for ln in page_lines) - min(ln.x0 for ln in page_lines)
    return max(a.x1 - a.x0, b.x1 - b.x0) < STACK_SHORT * width


def _stop_read(a: TextLine, b: TextLine) -> bool:
    """Do OCR'd lines ``a`` (ending with one full stop) and ``b`` (a tail of at most TAIL_WORDS words ending a
    sentence) read like one sentence cut by a full stop OCR read at ``a``'s end? (Where each stands is the caller's.)"""
    if hasattr(a, "baseline") or hasattr(b, "baseline") or a.page != b.page or a.bold != b.bold:
        return False
    text, tail = a.text.rstrip(), b.text.strip()
    if not text.endswith(".") or text.endswith("..") or len(text.split()) <= TAIL_WORDS:
        return False
    if len(tail.split()) > TAIL_WORDS or not tail.endswith(".") or tail.endswith("..") or ":" in tail:
        return False
    size = max(a.size, b.size) or 10.0
    return abs(a.size - b.size) <= TAIL_SIZE * size and 0 <= b.top - a.bottom <= OPEN_GAP * size


def _tail(a: TextLine, b: TextLine, rtl: bool, page_lines: Sequence[TextLine]) -> bool:
    """Is OCR'd line ``b`` the tail of the sentence ``a`` (full to its column's end) goes on, set flush with ``a``'s
    start, a full stop read at ``a``'s end (see :func:`_stop_read`)?"""
    if not _stop_read(a, b):
        return False
    edges = _column_edges(a, page_lines)
    if edges is None:
        return False
    left, right = edges
    size = max(a.size, b.size) or 10.0
    slack = max(FLUSH, EDGE_SLACK * size)
    a_end, a_start, b_start = (a.x0, a.x1, b.x1) if rtl else (a.x1, a.x0, b.x0)
    col_end = left if rtl else right
    return abs(a_end - col_end) <= slack and abs(b_start - a_start) <= slack


def _hangs(a: TextLine, b: TextLine, rtl: bool, page_lines: Sequence[TextLine]) -> bool:
    """Is OCR'd line ``b`` the hanging rest of the line ``a`` that a label opens (``الموضوع: ...`` / ``Objet : ...``,
    the next line set in under the label's end): ``a`` full to its column's end, not ending a sentence, its label
    (at most LABEL_WORDS words up to a colon) about as wide as ``b`` is set in, ``b`` right under it in one size?"""
    if hasattr(a, "baseline") or hasattr(b, "baseline") or a.page != b.page or a.bold != b.bold:
        return False
    text = a.text.strip()
    if (SENTENCE_END.search(text) and not _stop_read(a, b)) or ":" not in text:
        return False
    label = text[:text.index(":") + 1]
    if len(label.split()) > LABEL_WORDS:
        return False
    size = max(a.size, b.size) or 10.0
    if abs(a.size - b.size) > min(WOBBLE, 0.15 * size) or not 0 <= b.top - a.bottom <= OPEN_GAP * size:
        return False
    frame = _frame(a, page_lines, size)
    if frame is None:
        return False
    left, right, slack = frame
    if abs((a.x0 - left) if rtl else (right - a.x1)) > slack:
        return False  # a stops short of its column's end: the label's line ends a paragraph
    wide = (a.x1 - a.x0) * len(label) / len(text)  # the label's width, its share of the line's letters
    inset = (a.x1 - b.x1) if rtl else (b.x0 - a.x0)
    return max(0.8 * size, 0.5 * wide) <= inset <= 1.5 * wide + slack


def _frame(line: TextLine, page_lines: Sequence[TextLine], size: float) -> tuple[float, float, float] | None:
    """The column's left and right edges around ``line`` and how far from them a line still counts as flush."""
    edges = _column_edges(line, page_lines)
    return None if edges is None else (*edges, max(FLUSH, EDGE_SLACK * size))


def _indent(line: TextLine, left: float, right: float, rtl: bool) -> float:
    return right - line.x1 if rtl else line.x0 - left


def _opens(lines: list[TextLine], i: int, rtl: bool, page_lines: Sequence[TextLine]) -> bool:
    """Does line ``i`` of a paragraph open a paragraph of its own: set in as far as the paragraph's first line, after
    a line ending a sentence, the line after it (if any) starting further out?"""
    prev, ln = lines[i - 1], lines[i]
    if prev.page != ln.page or prev.bold != ln.bold or not SENTENCE_END.search(prev.text):
        return False
    edges = _column_edges(ln, page_lines)
    if edges is None:
        return False
    left, right = edges
    size = ln.size or 10.0
    slack = max(FLUSH, EDGE_SLACK * size)
    indent, width = _indent(ln, left, right, rtl), right - left
    if not (0.8 * size < indent <= 0.3 * width) or ln.x1 - ln.x0 < 0.5 * width:
        return False
    first = lines[0]
    if first.page != ln.page or abs(_indent(first, left, right, rtl) - indent) > slack:
        return False  # a hanging indent (the first line further out) or another block's lines
    return i + 1 >= len(lines) or _indent(lines[i + 1], left, right, rtl) < indent - slack


def _split(g: _Group, page_lines: dict[int, list[TextLine]]) -> list[_Group]:
    cuts = [i for i in range(1, len(g.lines)) if _opens(g.lines, i, g.rtl, page_lines.get(g.lines[i].page, []))]
    if not cuts:
        return [g]
    out = []
    for a, b in zip([0, *cuts], [*cuts, len(g.lines)], strict=True):
        part = dataclasses.replace(g, lines=g.lines[a:b], centred=False, flush_end=False) if a else g
        out.append(part)
    g.lines = g.lines[: cuts[0]]
    return out


def _row_parts(groups: list[_Group], i: int) -> int | None:
    """When paragraph ``i``'s last line and the first line of a paragraph after it are one printed row OCR cut in two
    (see the module docstring), the index of that paragraph; else None."""
    g = groups[i]
    if g.kind != "paragraph" or g.note or not g.lines:
        return None
    a = g.lines[-1]
    if hasattr(a, "baseline") or SENTENCE_END.search(a.text.rstrip()):
        return None
    size = a.size or 10.0
    slack = max(FLUSH, EDGE_SLACK * size)
    for m in range(i + 1, min(i + 2 + STAMP_LINES, len(groups))):
        h = groups[m]
        if h.kind != "paragraph" or h.note or not h.lines or h.rtl != g.rtl:
            return None
        c = h.lines[0]
        if c.page != a.page or hasattr(c, "baseline"):
            return None
        shared = min(a.bottom, c.bottom) - max(a.top, c.top)
        after = c.x1 <= a.x0 + slack if g.rtl else c.x0 >= a.x1 - slack
        if shared >= 0.5 * min(a.bottom - a.top, c.bottom - c.top) and after and len(h.lines) > 1:
            d = h.lines[1]
            spans = d.x0 < min(a.x1, c.x1) and d.x1 > max(a.x0, c.x0) and min(d.x1, a.x1) - max(d.x0, a.x0) > 0 and (
                min(d.x1, c.x1) - max(d.x0, c.x0) > 0)
            if spans and d.top - max(a.bottom, c.bottom) <= 0.8 * size and d.top > min(a.top, c.top):
                return m
            return None
        # a stamp between the parts: one short line on the row or just over it, inside the row's span
        if (len(h.lines) > 1 or len(c.text.split()) > STAMP_WORDS or c.bottom > a.bottom + slack
                or c.top < a.top - 1.5 * size or c.bottom < a.top - 0.5 * size):
            return None
    return None


def _join_rows(groups: list[_Group]) -> list[_Group]:
    out: list[_Group] = []
    i = 0
    while i < len(groups):
        m = _row_parts(groups, i)
        if m is None:
            out.append(groups[i])
            i += 1
            continue
        g = groups[i]
        for h in groups[i + 1:m + 1]:
            g.lines.extend(h.lines)
        out.append(g)
        i = m + 1
    return out


def rejoin_paragraphs(groups: list[_Group]) -> list[_Group]:
    """Split paragraphs where a line set in as a first line follows a sentence's end, then join consecutive
    paragraphs cut between two lines of one justified block (see the module docstring)."""
    by_page: dict[int, list[TextLine]] = {}
    for g in groups:
        for ln in g.lines:
            by_page.setdefault(ln.page, []).append(ln)
    groups = [part for g in groups for part in (_split(g, by_page) if g.kind == "paragraph" and not g.note and len(g.lines) > 1 else [g])]
    groups = _join_rows(groups)
    out: list[_Group] = []
    for k, g in enumerate(groups):
        prev = out[-1] if out else None
        if (prev is not None and prev.kind in ("paragraph", "item") and g.kind == "paragraph" and prev.lines and g.lines
                and not prev.note and not g.note and prev.rtl == g.rtl):
            a, b = prev.lines[-1], g.lines[0]
            before = prev.lines[-2] if len(prev.lines) > 1 else (out[-2].lines[-1] if len(out) > 1 and out[-2].lines else None)
            after = g.lines[1] if len(g.lines) > 1 else (groups[k + 1].lines[0] if k + 1 < len(groups) and groups[k + 1].lines else None)
            page_lines = by_page.get(a.page, [])
            if _joins(a, b, before, after, prev.rtl, page_lines) or (
                    prev.kind == "paragraph" and not prev.rtl and _stacked(a, b, page_lines)) or (
                    prev.kind == "paragraph" and len(prev.lines) == 1 and _hangs(a, b, prev.rtl, page_lines)) or (
                    len(g.lines) == 1 and _tail(a, b, prev.rtl, page_lines)):
                prev.lines.extend(g.lines)
                continue
        out.append(g)
    return out
