"""Lines drawn as one text object across a table's columns: their runs measured on their characters.

pdfium gives a line's rectangles per text object. A statement printed through Ghostscript (the
state accounting system's compte financier unique) draws each table row as one text object, its
label and its amounts placed by moves: pdfium gives the row one rectangle from the label to the
last amount, so the line reads as one run of text and the row is not table-like. Where only some
rows are ruled (the income statement: rules around its header, section and total rows only), the
cheap table test (:func:`pdf_tables.candidate`) then sees no row of cells side by side and stops,
and the rows become headings and run-on paragraphs.

A line of one run is **too wide for its characters** when its width exceeds :data:`WIDE` times its
size per character (the letters of a line of Latin or Arabic text average about half their size
in width: 92 % of the corpus's lines of one run sit under 0.6, justified lines included, and 96 %
under 0.8). Only such lines (about half the CFU's lines, 49 lines in the rest of the corpus) have
their characters' boxes read (one native call per page) and their runs cut where the gap between two
inked characters exceeds the gap :mod:`pdf_text` cuts runs at (1.5 x the size). The table test
gets copies of those lines with the measured runs; the lines themselves are not changed (the
block grouping reads them as before).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .pdf_table_glyphs import Glyphs
from .pdf_table_rows import line_size
from .pdf_text import PdfLine, _segments

WIDE = 0.8  # width per character, in sizes, above which a line of one run is measured on its characters
MIN_CHARS = 4  # shorter lines are left alone (a lone letter spaced out, a page number)


def too_wide(ln: PdfLine) -> bool:
    """A line of one run whose width its characters cannot fill (a gap hides inside its one rectangle)."""
    n = len(ln.text)
    return len(ln.segments) <= 1 and n >= MIN_CHARS and ln.x1 - ln.x0 > WIDE * line_size(ln) * n


def measured(lines: list[PdfLine], textpage: Any, height: float) -> list[PdfLine]:
    """``lines``, with the lines too wide for their characters replaced by copies whose runs
    (``segments``, ``gaps``) are measured on their characters' boxes; the same list when none is."""
    wide = [k for k, ln in enumerate(lines) if too_wide(ln)]
    if not wide or textpage is None:
        return lines
    glyphs = Glyphs.read(textpage, [lines[k] for k in wide], height)
    spans: list[list[tuple[float, float, float, float]]] = [[] for _ in wide]
    for j, ch in enumerate(glyphs.ch):
        if not ch.isspace() and glyphs.x1[j] > glyphs.x0[j]:
            spans[glyphs.line[j]].append((glyphs.x0[j], 0.0, glyphs.x1[j], 0.0))
    out: list[PdfLine] | None = None
    for n, k in enumerate(wide):
        if not spans[n]:
            continue
        ln = lines[k]
        segs = _segments(spans[n], gap=1.5 * (ln.size or 10))  # as pdf_text cuts a line's rectangles
        if len(segs) < 2:
            continue
        if out is None:
            out = list(lines)
        out[k] = replace(ln, segments=segs, gaps=[b[0] - a[1] for a, b in zip(segs, segs[1:], strict=False)])
    return lines if out is None else out
