"""A page whose text is set sideways (turned a quarter, 90° or 270°), read in its own frame.

A model register or a wide table is often printed turned on a portrait page, its running header
and folio upright. pdfium then finds no line breaks at all: the whole page comes as one "line"
as tall as the page (its glyphs are placed by a turned text matrix), so the blocks, the furniture
and the tables downstream see one paragraph with the running header inside it.

Such a page is found cheaply (a line much taller than its font size) and confirmed on the
characters' matrices (most of the page's glyphs turned a quarter). Its lines are then built
again from the glyphs, each family in its own frame:

* the upright glyphs (running header, folio) stay at their place on the page, so the furniture
  tests find them as on the other pages;
* the turned glyphs are turned upright (the direction the text runs becomes x, the direction
  its lines follow each other becomes y) and the turned block is set under the upright lines
  above it, so it is read as a page of its own: its lines grouped by baseline, words cut at
  the gaps between glyphs, wide gaps kept as run gaps (table columns).

Pages whose text is right to left are left as they are (no such page is known yet).
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .pdf_bidi import has_strong
from .pdf_calls import TextPageCalls
from .pdf_text import PdfLine, _segments


@dataclass
class TurnedLine(PdfLine):
    """A line of a turned block, in the block's upright frame: its glyphs (frame x0, x1, middle y,
    character, text-page index; a space between words has index -1) for the table reader."""

    glyphs: list[tuple[float, float, float, str, int]] = field(default_factory=list)
    frame: tuple[int, float, float] = (0, 0.0, 0.0)  # quarter turned, and the shifts along and across (frame = turned - shift)

TALL = 3.0  # a pdfium line taller than this many font sizes may hold turned text
SHARE = 0.5  # the share of the page's glyphs that must be turned a quarter
OTHER = 0.02  # more glyphs than this share at other angles (upside down, slanted): the page is left as it is
SPACE = 0.18  # a gap between two glyphs wider than this share of the font size is a word space
REGISTER_COLUMNS = 4  # a ruled grid this wide whose filled rows are all bold words: a register's header, not a framed title
BAND = 0.4  # two glyphs whose baselines are closer than this share of the size are on one line

Glyph = tuple[float, float, float, float, float, str, int]  # along, across (baseline, down), start, end, size, char, index


def may_be_turned(lines: Sequence[PdfLine]) -> bool:
    """Is there a line much taller than its size (the cheap test made on every page)?"""
    return any(ln.bottom - ln.top > TALL * (ln.size or 10.0) and len(ln.text) > 20 for ln in lines)


def _quarter(m: pdfium_c.FS_MATRIX) -> int:
    """0 upright, 90 turned counter-clockwise (text runs up the page), 270 clockwise (down), -1 other."""
    a, b, c, d = m.a, m.b, m.c, m.d
    scale = max(abs(a), abs(b), abs(c), abs(d)) or 1.0
    if abs(b) < 0.05 * scale and abs(c) < 0.05 * scale and a > 0 and d > 0:
        return 0
    if abs(a) < 0.05 * scale and abs(d) < 0.05 * scale:
        if b > 0 and c < 0:
            return 90
        if b < 0 and c > 0:
            return 270
    return -1


def turned_lines(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, lines: list[PdfLine], page_no: int) -> list[PdfLine] | None:
    """The page's lines read again, each family of glyphs in its own frame, or None when the page
    is not set sideways (most pages: the caller keeps its lines)."""
    text = textpage.get_text_range()
    if has_strong(text) and any("\u0590" <= ch <= "\u08ff" for ch in text):
        return None  # right-to-left text: not handled here
    calls = TextPageCalls(textpage)
    raw = textpage.raw
    m = pdfium_c.FS_MATRIX()
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    loose = pdfium_c.FS_RECTF()
    families: dict[int, list[Glyph]] = {0: [], 90: [], 270: []}
    quarters: list[tuple[int, int]] = []  # (index, quarter) of the inked glyphs
    other = 0  # glyphs neither upright nor turned a quarter (upside down, slanted)
    for i in range(min(textpage.count_chars(), len(text))):  # first the matrices alone: most pages stop after this pass
        if not text[i].isspace() and pdfium_c.FPDFText_GetMatrix(raw, i, m):
            q = _quarter(m)
            if q < 0:
                other += 1
            else:
                quarters.append((i, q))
    turned = 90 if sum(1 for _, q in quarters if q == 90) >= sum(1 for _, q in quarters if q == 270) else 270
    count = len(quarters)
    if not count or sum(1 for _, q in quarters if q == turned) < SHARE * count or other > OTHER * count:
        return None  # not a page set sideways; or glyphs at other angles this reading would lose
    for i, q in quarters:
        ch = text[i]
        if not pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top):
            continue
        size = calls.font_facts(i, float("inf"))[0] if q else calls.font_facts(i, top.value - bottom.value)[0]
        pdfium_c.FPDFText_GetCharOrigin(raw, i, ox, oy)
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, loose)  # the glyph's advance: word gaps measured between advances
        if q == 0:  # along = x, across = distance from the page's top
            families[0].append((loose.left, -oy.value, loose.left, loose.right, size, ch, i))
        elif q == 90:  # text runs up the page: along = y, its lines follow each other to the right
            families[90].append((loose.bottom, ox.value, loose.bottom, loose.top, size, ch, i))
        else:  # runs down the page: along = -y, lines follow each other to the left
            families[270].append((-loose.top, -ox.value, -loose.top, -loose.bottom, size, ch, i))
    height = page.get_height()
    spaced = {i + 1 for i, ch in enumerate(text) if ch.isspace()}  # glyphs the text layer puts a space before
    upright = _lines(families[0], calls, page_no, spaced)
    for ln in upright:  # across was -y: back to the distance from the page's top
        ln.top, ln.bottom, ln.baseline = height + ln.top, height + ln.bottom, height + ln.baseline
    sideways = _lines(families[turned], calls, page_no, spaced, turned=True)
    if not sideways:
        return None
    along0 = min(ln.x0 for ln in sideways)
    across0 = min(ln.top for ln in sideways)
    # the turned block goes under the upright lines printed before it (above it on the page)
    above = [ln for ln in upright if ln.bottom < 0.5 * height]
    below = [ln for ln in upright if ln.bottom >= 0.5 * height]
    start = max((ln.bottom for ln in above), default=0.0) + 2.0 * max(ln.size or 10.0 for ln in sideways)
    x_left = min((ln.x0 for ln in upright), default=along0)
    for ln in sideways:
        ln.x0, ln.x1 = ln.x0 - along0 + x_left, ln.x1 - along0 + x_left
        ln.segments = [(a - along0 + x_left, b - along0 + x_left) for a, b in ln.segments]
        ln.top, ln.bottom, ln.baseline = ln.top - across0 + start, ln.bottom - across0 + start, ln.baseline - across0 + start
        if isinstance(ln, TurnedLine):
            ln.glyphs = [(a - along0 + x_left, b - along0 + x_left, y - across0 + start, ch, i) for a, b, y, ch, i in ln.glyphs]
            ln.frame = (turned, along0 - x_left, across0 - start)
    end = max(ln.bottom for ln in sideways)
    if below and min(ln.top for ln in below) < end:  # a footer the block now reaches: moved under it
        shift = end - min(ln.top for ln in below) + 10.0
        for ln in below:
            ln.top, ln.bottom, ln.baseline = ln.top + shift, ln.bottom + shift, ln.baseline + shift
    return above + sideways + below


def _lines(glyphs: list[Glyph], calls: TextPageCalls, page_no: int, spaced: set[int], turned: bool = False) -> list[PdfLine]:
    """Glyphs (in one upright frame) grouped into lines by baseline, cut into words at gaps and where the
    text layer has a space between two glyphs that follow each other."""
    if not glyphs:
        return []
    glyphs = sorted(glyphs, key=lambda g: (g[1], g[0]))
    bands: list[list[Glyph]] = [[glyphs[0]]]
    for g in glyphs[1:]:
        if abs(g[1] - bands[-1][-1][1]) <= BAND * max(g[4], 1.0) and abs(g[1] - bands[-1][0][1]) <= BAND * max(g[4], 1.0):
            bands[-1].append(g)
        else:
            bands.append([g])
    out: list[PdfLine] = []
    for band in bands:
        band.sort(key=lambda g: g[2])
        size = sorted(g[4] for g in band)[len(band) // 2]
        parts: list[str] = []
        rects: list[tuple[float, float, float, float]] = []
        prev_end, prev_i = None, -9
        kept: list[tuple[float, float, float, str, int]] = []
        for g in band:
            if prev_end is not None and (g[2] - prev_end > SPACE * size or (g[6] == prev_i + 2 and g[6] in spaced)):
                parts.append(" ")
                kept.append((prev_end, g[2], g[1] - 0.3 * size, " ", -1))
            parts.append(g[5])
            kept.append((g[2], g[3], g[1] - 0.3 * size, g[5], g[6]))
            rects.append((g[2], 0.0, g[3], 0.0))
            prev_end, prev_i = (g[3] if prev_end is None else max(prev_end, g[3])), g[6]
        text = " ".join("".join(parts).split())
        if not text:
            continue
        mid = band[len(band) // 2][6]
        _, name, flags = calls.font_facts(mid, float("inf"))
        bold = calls.bold(mid, name, flags)
        segments = _segments(rects, gap=1.5 * size)
        gaps = [b[0] - a[1] for a, b in zip(segments, segments[1:], strict=False)]
        x0, x1 = min(g[2] for g in band), max(g[3] for g in band)
        baseline = sorted(g[1] for g in band)[len(band) // 2]
        first = min(g[6] for g in band)
        last = max(g[6] for g in band)
        kind = TurnedLine if turned else PdfLine
        out.append(kind(text, x0, baseline - 0.8 * size, x1, baseline + 0.2 * size, size, bold, page_no, baseline,
                        False, gaps, segments, first, last - first + 1))
        if turned:
            out[-1].glyphs = kept
    return out


def _edge_in_frame(e: dict[str, Any], quarter: int, dx: float, dy: float, height: float) -> dict[str, Any]:
    """A page edge (pdfplumber's top-left coordinates) in a turned block's upright frame."""
    sign = 1.0 if quarter == 90 else -1.0
    xs = [sign * (height - e["top"]) - dx, sign * (height - e["bottom"]) - dx]  # along: the page's y
    ys = [sign * e["x0"] - dy, sign * e["x1"] - dy]  # across: the page's x
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    vertical = e["orientation"] == "h"  # a rule across the page runs down the turned frame
    return {**e, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": "v" if vertical else "h"}


def turned_tables(page: pdfium.PdfPage, lines: list[PdfLine], height: float) -> list[Any]:
    """Ruled tables of a turned block: the page's rules turned into the block's frame, then read by
    the table finder as on an upright page, the cells filled from the turned lines' glyphs."""
    from .pdf_table_cells import Glyphs
    from .pdf_table_grid import grids
    from .pdf_table_rows import visual_rows
    from .pdf_tables import _runs_inside, path_edges

    turned = [ln for ln in lines if isinstance(ln, TurnedLine)]
    if not turned:
        return []
    quarter, dx, dy = turned[0].frame
    edges = [_edge_in_frame(e, quarter, dx, dy, height) for e in path_edges(page, height)]
    rows = visual_rows(turned)
    width = max(ln.x1 for ln in turned) + 20.0
    depth = max(ln.bottom for ln in lines) + 20.0
    out = []
    for g in grids(edges) if edges else []:
        if not g.ruled or not any(_runs_inside(r, g) >= 2 for r in rows):
            continue
        region = [ln for ln in turned if ln.x1 > g.x0 and ln.x0 < g.x1 and g.top - 2 <= (ln.top + ln.bottom) / 2 <= g.bottom + 2]
        if not region:
            continue
        glyphs = Glyphs(region)
        for k, ln in enumerate(region):
            for a, b, y, ch, i in ln.glyphs:
                glyphs.idx.append(i)
                glyphs.ch.append(ch)
                glyphs.x0.append(a)
                glyphs.x1.append(b)
                glyphs.cy.append(y)
                glyphs.line.append(k)
                glyphs.bold.append(ln.bold)
        out.extend(_grid_tables(g, glyphs, width, depth))
    return out


def _grid_tables(g: Any, glyphs: Any, width: float, depth: float) -> list[Any]:
    """The tables a turned grid draws (:func:`pdf_tables._grid_tables` on the rules only), a register's
    header kept: a grid of four columns or more whose only filled rows are bold header words (its rows
    for writing in left blank) is a model register or form, not a framed title."""
    from . import pdf_table_grid
    from .pdf_table_cells import fill_text, mark_headers, plausible, to_table
    from .pdf_table_checks import cuts_words, spanning_title
    from .pdf_tables import FoundTable, _finish, _taken, _use

    out = []
    for boxes in pdf_table_grid.grid_cells(g, width, depth):
        built = pdf_table_grid.build(boxes, glyphs)
        if built is None:
            continue
        cells, nrows, ncols = built
        table = _finish(cells, nrows, ncols, glyphs, ruled=True, header_rows=None)
        if table is None and ncols >= REGISTER_COLUMNS and any(c.members for c in cells):
            fill_text(cells, glyphs, False)
            if plausible(cells, nrows, ncols, True) and not cuts_words(cells, glyphs):
                mark_headers(cells, ncols, None, glyphs, True)
                spanning_title(cells, ncols)
                table = to_table(cells, nrows)
        if table is not None:
            xs = [b[0] for b in boxes] + [b[2] for b in boxes]
            ys = [b[1] for b in boxes] + [b[3] for b in boxes]
            out.append(FoundTable(table, min(ys), max(ys), min(xs), max(xs), _taken(_use(cells, glyphs))))
    return out
