"""Characters of a table region, and a cell's text in logical order.

Only the lines of a candidate region are read character by character (pdfium's loose
character boxes), never the whole page: :meth:`Glyphs.read` gives each character's text-page
index, box, middle height and line; :meth:`Glyphs.text` a cell's logical text from the characters
inside it (the bidi and ligature repairs the line reading made for their lines). The grid and its
content tests are in :mod:`.pdf_table_cells`.
"""

from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as pdfium_c

from .bidi_chars import ARABIC_WORD as ARABIC_RUN
from .ligatures import swap_shared_boxes
from .pdf_bidi import clean_text, has_strong, is_rtl_line, logical_line, visual_to_logical
from .pdf_blocks import join_lines
from .pdf_calls import _LOOSE_ADDRESS, _NATIVE
from .pdf_table_space import cell_words
from .pdf_text import _LOOSE, FAST, PdfLine

_FOUR_FLOATS = struct.Struct("4f").unpack_from
PART_MIDDLE = 0.3  # a glyph's middle (loose box) stands about this many sizes above its baseline
READ_BASE, READ_SPAN = 1 << 40, 1 << 16  # the numbers of a line's read_words glyphs (see Glyphs.with_read_words)
PART_OFF = 0.6  # a cell's part of a line this many sizes off the line's baseline stands on a baseline of its own

# _chars.glyphs (Glyphs.read in one call), or None: the Python loop (Glyphs.read_py)
_GLYPHS = getattr(_NATIVE, "glyphs", None) if FAST and _LOOSE_ADDRESS else None
_PLAIN = getattr(_NATIVE, "plain", None)  # _chars.plain (Glyphs.plain in one call), or None: Glyphs.plain_py


def _line_text(textpage: Any, raw: Any, start: int, count: int) -> str:
    """A line's characters, one per text-page index."""
    text = textpage.get_text_range(start, count)
    if len(text) != count:  # characters outside the BMP: indices would not line up
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, start + i) or 0xFFFD) for i in range(count))
    return text


@dataclass
class Glyphs:
    """The characters of some lines of a page: text-page index, character, loose box (x0,
    x1 and the middle height, top-left coordinates) and its line."""

    lines: list[PdfLine]
    idx: list[int] = field(default_factory=list)
    ch: list[str] = field(default_factory=list)
    x0: list[float] = field(default_factory=list)
    x1: list[float] = field(default_factory=list)
    cy: list[float] = field(default_factory=list)
    line: list[int] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    _bases: list[float] | None = field(default=None, init=False, repr=False, compare=False)  # see line_bases
    _inks: list[int] | None = field(default=None, init=False, repr=False, compare=False)  # see line_inks
    # pdf_table_spans.lines_of's answers: id(members) -> (members, its length then, answer)
    lines_memo: dict[int, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def read(cls, textpage: Any, lines: list[PdfLine], height: float) -> Glyphs:
        """The characters of ``lines``: in one native call when the optional extension is built
        (``_chars.glyphs``: the same lists), else through :meth:`read_py` (the reference)."""
        if _GLYPHS is None:
            return cls.read_py(textpage, lines, height)
        g = cls(lines)
        raw = textpage.raw
        spec = []
        for k, ln in enumerate(lines):
            if ln.count > 0:
                spec.append((k, ln.start, _line_text(textpage, raw, ln.start, ln.count), (ln.top + ln.bottom) / 2, ln.bold))
        rect = pdfium_c.FS_RECTF()
        h = ctypes.cast(raw, ctypes.c_void_p).value
        g.idx, g.ch, g.x0, g.x1, g.cy, g.line, g.bold = _GLYPHS(_LOOSE_ADDRESS, h, ctypes.addressof(rect), spec, height)
        return g.with_read_words()

    @classmethod
    def read_py(cls, textpage: Any, lines: list[PdfLine], height: float) -> Glyphs:
        """:meth:`read` one ctypes call per character (the fallback, and the reference of ``_chars.glyphs``)."""
        g = cls(lines)
        raw = textpage.raw
        rect = pdfium_c.FS_RECTF()
        ref = ctypes.byref(rect)
        loose, h = (_LOOSE, ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)) if FAST else (pdfium_c.FPDFText_GetLooseCharBox, raw)
        four = _FOUR_FLOATS
        idx, chs, x0s, x1s, cys, line, bold = g.idx.append, g.ch.append, g.x0.append, g.x1.append, g.cy.append, g.line.append, g.bold.append
        for k, ln in enumerate(lines):
            if ln.count <= 0:
                continue
            start = ln.start
            text = _line_text(textpage, raw, start, ln.count)
            mid, lbold = (ln.top + ln.bottom) / 2, ln.bold
            for i, ch in enumerate(text):
                if ch in "\r\n":
                    continue
                loose(h, start + i, ref)
                left, top, right, bottom = four(rect)
                idx(start + i)
                chs(ch)
                x0s(left)
                x1s(right)
                cys(height - (top + bottom) / 2 if top > bottom else mid)
                line(k)
                bold(lbold)
        return g.with_read_words()

    def with_read_words(self) -> Glyphs:
        """Glyphs for the words our OCR read where a kept earlier OCR's layer had none (``read_words`` of a line,
        ocr/foreign_gaps.py: no text-page character is theirs): each word's letters spread evenly over its box,
        a space between words, numbered on from a line's own range. Lines without them cost one getattr."""
        for k, ln in enumerate(self.lines):
            words = getattr(ln, "read_words", None)
            if not words:
                continue
            n = READ_BASE + READ_SPAN * k
            mid = (ln.top + ln.bottom) / 2
            for w, (text, a, b) in enumerate(words):
                step = (b - a) / max(1, len(text))
                for c, ch in enumerate((" " if w else "") + text):
                    x = a + step * (c - (1 if w else 0))
                    self.idx.append(n)
                    self.ch.append(ch)
                    self.x0.append(x if ch != " " else a - 0.5 * step)
                    self.x1.append(x + step if ch != " " else a - 0.5 * step)
                    self.cy.append(mid)
                    self.line.append(k)
                    self.bold.append(False)
                    n += 1
        return self

    def ink(self, j: int) -> bool:
        return not self.ch[j].isspace()

    def centre_y(self, j: int) -> float:
        return self.cy[j]

    def baseline(self, j: int) -> float:
        ln = self.lines[self.line[j]]
        return ln.baseline or ln.bottom

    def line_bases(self) -> list[float]:
        """Each line's baseline (``baseline(j)`` is ``line_bases()[line[j]]``), made once."""
        if self._bases is None:
            self._bases = [ln.baseline or ln.bottom for ln in self.lines]
        return self._bases

    def line_inks(self) -> list[int]:
        """How many characters with ink (see :meth:`ink`) each line has, counted once."""
        if self._inks is None:
            inks = [0] * len(self.lines)
            for ch, k in zip(self.ch, self.line, strict=True):
                if not ch.isspace():
                    inks[k] += 1
            self._inks = inks
        return self._inks

    def _part_baseline(self, k: int, members: list[int]) -> float:
        """The baseline of line ``k``'s characters ``members`` (those in one cell): the line's,
        unless they stand well off it. pdfium may give one line the text of several cells drawn at
        their own heights (``MONTPELLIER P ECHANGES LITTERAIRES``: a structure cell's second line,
        a type, a project cell's first line); its baseline is its first word's, so the project
        cell's first line would come after its second one. Then the characters' own middle says
        where they stand (about 0.3 of the size above their baseline)."""
        ln = self.lines[k]
        base = ln.baseline or ln.bottom
        size = ln.size or 0.0
        chars, cy = self.ch, self.cy
        ys = [cy[j] for j in members if not chars[j].isspace()]  # ink
        if not ys or size <= 0:
            return base
        own = sum(ys) / len(ys) + PART_MIDDLE * size
        return own if abs(own - base) > PART_OFF * size else base

    def raw_text(self, members: list[int]) -> str:
        return "".join(self.ch[j] for j in sorted(members))

    def plain(self, members: list[int]) -> str:
        """The characters in text-page order, a space where the text page had something between
        them (quick text for tests on content; :meth:`text` gives the logical text): in one native
        call (``_chars.plain``) when the extension is built, else by :meth:`plain_py`."""
        if _PLAIN is not None and type(members) is list and type(self.ch) is list:
            got = _PLAIN(self.ch, members)
            if got is not None:
                return got
        return self.plain_py(members)

    def plain_py(self, members: list[int]) -> str:
        """:meth:`plain` in Python (the fallback, and the reference of ``_chars.plain``)."""
        out: list[str] = []
        last = -2
        chars = self.ch
        for j in sorted(members):
            ch = chars[j]
            if ch.isspace():
                continue
            if out and j != last + 1:
                out.append(" ")
            out.append(ch)
            last = j
        return "".join(out)

    def text(self, members: list[int], rtl: bool) -> str:
        """Logical text of a cell: per line, its characters in text-page order (spaces between
        them filled back in), read with the bidi repair, lines joined top to bottom (by baseline)."""
        by_line: dict[int, list[int]] = {}
        chars, line, x0s, x1s = self.ch, self.line, self.x0, self.x1
        for j in members:
            got = by_line.get(line[j])
            if got is None:
                by_line[line[j]] = [j]
            else:
                got.append(j)
        parts = []
        for k in sorted(by_line, key=lambda k: (self._part_baseline(k, by_line[k]), k)):
            js = sorted(by_line[k])
            inked = [j for j in js if not chars[j].isspace()]  # ink
            if not inked:
                continue
            # glyph positions of one line are consecutive
            keep = set(js)
            span = [j for j in range(inked[0], inked[-1] + 1) if j in keep or (chars[j].isspace() and line[j] == k)]
            idx = self.idx
            # a printed line pdfium cut into pieces (vowel marks placed apart, pdf_text._same_band): its line breaks
            # are not glyphs, so the text-page indices run further than the glyphs'
            pieces = idx[span[-1]] - idx[span[0]] != span[-1] - span[0]
            if pieces:
                span = _with_breaks(span, idx)
            s = "".join([chars[j] if j >= 0 else " " for j in span])

            def box(i: int, span: list[int] = span) -> tuple[float, float]:
                j = span[i]
                if j < 0:  # the space put between two pieces (_with_breaks): no width
                    return x0s[~j], x0s[~j]
                return x0s[j], x1s[j]

            ln = self.lines[k]
            size = ln.size or 10.0
            if "\u0644" in s:  # a lam: ligatures the line reading put back in order (pdf_text, ligatures)
                s = _ligatures_as_line(s, box, ln.text)
            if pieces:  # every glyph placed again by its position, as the line reading did (pdf_text._read_group)
                text = visual_to_logical(s, box, rtl=is_rtl_line(s) if has_strong(s) else rtl, size=size, pieces=True)
            else:
                if ARABIC_RUN.search(s):  # swapped letters and word spaces the line reading put back (pdf_table_space)
                    s, box = cell_words(s, box, size, ln.text)
                if _visual_words(s, box):  # an Arabic cell cut from a line pdfium laid out left to right
                    text = visual_to_logical(s, box, rtl=True, size=size)
                else:
                    text = logical_line(s, box, size, rtl)  # the size the line reading used (pdf_text)
            parts.append(" ".join(clean_text(text).split()))
        return join_lines(parts)


def _with_breaks(span: list[int], idx: list[int]) -> list[int]:
    """``span`` with a space (``~j``: before glyph ``j``) where the text page has a line break between two
    of its glyphs (the end of one piece of the printed line, the start of the next)."""
    out = [span[0]]
    for a, b in zip(span, span[1:], strict=False):
        if b == a + 1 and idx[b] - idx[a] > 1:
            out.append(~b)
        out.append(b)
    return out


def _visual_words(s: str, box: Any) -> bool:
    """Are the Arabic words of a right-to-left cell line in visual order (the first one drawn
    leftmost)? pdfium orders the words of an Arabic stretch so when the whole line it sits on
    is laid out left to right (a French line of the next cell at the same height)."""
    if not is_rtl_line(s):
        return False
    words = list(ARABIC_RUN.finditer(s))
    if len(words) < 2:
        return False
    first, last = words[0], words[-1]
    return box(first.start())[1] <= box(last.start())[0]


def _ligatures_as_line(s: str, box: Any, line_text: str) -> str:
    """A cell's characters with the ligatures whose letters share one glyph box put in order, as
    the line reading did for the line they come from: only where each changed word is read so in
    that line, spaces aside (a cell may glue words the line reading spaced; the line reading repairs
    ligatures on documents that proved the fault, see :class:`transform.ingest.ligatures.LigatureProbe`;
    a correct ligature also has one box)."""
    fixed, count = swap_shared_boxes(s, box)
    if not count:
        return s
    line = "".join(line_text.translate(_UNCOMPARED).split())  # spaces aside: a cell may glue words the line spaced
    for old, new in zip(s.split(), fixed.split(), strict=True):
        if old != new and new.translate(_UNCOMPARED) not in line:
            return s
    return fixed


# left out when a cell's word is looked for in its line: kashida (see cell_spaces), brackets and guillemets (a cell's
# are still in pdfium's order, ``بالانهيار(``, ``»سكر``, the line's in logical order)
_UNCOMPARED = str.maketrans("", "", "\u0640()[]{}\u00ab\u00bb")

