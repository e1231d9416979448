"""A pdfium line cut where it joined two lines printed apart at the same height.

pdfium joins the characters that share a baseline into one line. When a producer draws two
columns line by line, or a landscape spread's two pages side by side, one pdfium line then
holds two printed lines (``...le projet de Les depenses...``). :func:`column_parts` fills
``PdfLine.parts`` for lines cut at a column gutter; :func:`spread_parts` fills
``PdfLine.wide_parts`` on landscape pages. Each side is read again as a line of its own
(bidi order, its own extent; a spread's side its own size, weight and baseline).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .pdf_bidi import WordOrderProbe, clean_text, read_line
from .pdf_calls import TextPageCalls

if TYPE_CHECKING:
    from .pdf_text import PdfLine


def column_parts(lines: list[PdfLine], calls: TextPageCalls, text: str) -> None:
    """Cut lines that pdfium joined across a column gutter into one part per column.

    When a producer draws two columns line by line (left line, right line, next left
    line...), pdfium joins lines that share a baseline: ``...le projet de Les depenses...``.
    Such a page shows a strip that at least three lines leave empty, with enough text on
    both sides (a gutter, not a table's amount column: those lines keep their parts
    unused unless the layout finds columns, and table detection sees the whole line).
    """
    wide = [ln for ln in lines if ln.gaps and max(ln.gaps) > 1.5 * (ln.size or 10.0) and len(ln.text) >= 20]
    if len(wide) < 3:
        return
    strips = []
    for ln in wide:
        k = max(range(len(ln.gaps)), key=ln.gaps.__getitem__)
        strips.append((ln.segments[k][1], ln.segments[k + 1][0], ln))
    best: list[tuple[float, float, PdfLine]] = []
    for a, b, _ in strips:
        members = [st for st in strips if st[0] < b and st[1] > a]
        if len(members) > len(best):
            best = members
    if len(best) < 3:
        return
    lo, hi = max(st[0] for st in best), min(st[1] for st in best)
    if hi - lo < 4:
        return
    split = {id(st[2]) for st in best}
    crossing = sum(1 for ln in lines if id(ln) not in split and ln.x0 < lo and ln.x1 > hi)
    if crossing > len(best):
        return
    mid = (lo + hi) / 2
    text_width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
    if sum(1 for _, _, ln in best if min(mid - ln.x0, ln.x1 - mid) >= 0.3 * text_width) < 3:
        return  # labels and their values, a table's amounts: not two columns of text
    for _, _, ln in best:
        ln.parts.extend(_cut_at(ln, calls, text, mid))


SPREAD_GAP = 6.0  # font sizes: a gap this wide inside one pdfium line of a landscape page may be a spread's gutter


def spread_parts(lines: list[PdfLine], calls: TextPageCalls, text: str, height: float) -> None:
    """Cut, on a landscape page, each line whose widest gap is wider than :data:`SPREAD_GAP` font sizes into
    its two sides (``wide_parts``). pdfium joins two lines drawn at the same height far apart: on a magazine's
    spread, the right page's title and the left page's lead (``l'avenir ! Le budget de fonctionnement...``).
    Only the halves of a spread use them, for a line whose gap holds the band between the halves."""
    for ln in lines:
        if ln.parts or not ln.gaps:
            continue
        k = max(range(len(ln.gaps)), key=ln.gaps.__getitem__)
        if ln.gaps[k] < SPREAD_GAP * (ln.size or 10.0):
            continue
        parts = _cut_at(ln, calls, text, (ln.segments[k][1] + ln.segments[k + 1][0]) / 2)
        if len(parts) == 2:
            ln.wide_parts.extend(_own_style(part, calls, text, height) for part in parts)


def _own_style(part: PdfLine, calls: TextPageCalls, text: str, height: float) -> PdfLine:
    """A side of a cut line with its own band, size, weight and baseline (a title beside a lead differs in all four)."""
    rects = [r for r in calls.rects(part.start, part.count) if r[2] > part.x0 - 1 and r[0] < part.x1 + 1]
    if not rects:
        return part
    top, bottom = max(r[1] for r in rects), min(r[3] for r in rects)
    mid = part.start + part.count // 2
    while mid > part.start and text[mid].isspace():
        mid -= 1
    size, font, flags = calls.font_facts(mid, top - bottom)
    part.top, part.bottom, part.size = height - top, height - bottom, size
    part.bold, part.baseline = calls.bold(mid, font, flags), height - calls.origin_y(mid)
    return part


def _cut_at(ln: PdfLine, calls: TextPageCalls, text: str, mid: float) -> list[PdfLine]:
    """The line's characters left and right of ``mid``, each side read as a line of its own (left side first)."""
    char_box = calls.char_box
    out: list[PdfLine] = []
    sides: tuple[list[int], list[int]] = ([], [])
    for i in range(ln.start, ln.start + ln.count):
        if text[i] in "\r\n":
            continue
        x0, x1 = char_box(i)
        sides[0 if (x0 + x1) / 2 < mid else 1].append(i)
    for idx in sides:
        sub = "".join(text[i] for i in idx).strip()
        if not sub:
            continue
        lead = next(k for k, i in enumerate(idx) if not text[i].isspace())
        idx = idx[lead:]
        logical, rtl = read_line(sub, lambda k, idx=idx: char_box(idx[k]), ln.size or 10.0, ln.rtl, WordOrderProbe())
        part_text = " ".join(clean_text(logical).split())
        if not part_text:
            continue
        boxes = [char_box(i) for i in idx if not text[i].isspace()]
        x0, x1 = min(b[0] for b in boxes), max(b[1] for b in boxes)
        out.append(type(ln)(part_text, x0, ln.top, x1, ln.bottom, ln.size, ln.bold, ln.page, ln.baseline, rtl, [],
                           [(x0, x1)], idx[0], len(idx)))
    return out
