"""Bold lines on OCR'd pages, from the thickness of their strokes.

Tesseract's LSTM models say nothing about the weight of the type, and the PDF ingester's
grouping takes headings, run-in titles and the end of a bold lead-in from ``TextLine.bold``.
A bold line is drawn with thicker strokes than the body text at the same size, so each
line's mean stroke width is measured on the page image (twice its ink pixels over its edge
pixels: a stroke of width w gives about w) and compared with the body's: the median of the
lines of the usual height that hold some text. On the corpus's scans body lines measure
within 10 % of that median, bold lines 25-75 % above it (an ``ARRÊTE`` 1.7x, a bold list
1.35x, ``المادة السادسة`` 1.3x, ``الباب الثالث`` 1.75x).

Only short lines that stand apart from the lines above and below them are marked (see
:func:`standing_apart`): a bold sentence inside a paragraph or the lines of a bold title
block would each become a heading. A line taller than the usual one is compared with the body's stroke scaled by its height
(a title set larger in the regular weight has thicker strokes too; its size tells it
apart already).

An underline drawn under a whole line (the item titles of scanned minutes, a notice's parts) is a
title's cue that OCR does not report either: :func:`mark_underlines` sets ``underline`` on a line
under whose box, or in its lowest part, one row of ink runs across half its width or more (gaps of a
pixel or two in a scanned rule bridged) and stops near the line's ends; the words' own strokes never
run that long, an underlined lead-in (``Présents :``) covers a fraction of its line, and the rules of a
form, a box or a table run on past the text printed over them, across the page, or above it too.
A rule drawn in pieces (a word-by-word underline, or a leaning scan's rule stepping down a row between
words, ``❖ عند النجاح في الامتحان المهني :``) counts too when its pieces are each at least PIECE line heights
long, at most PIECE_GAP line heights apart and solid (SOLID of the run inked), at the line's bottom or under it: a
dotted or dashed rule's pieces are short, and an Arabic line's joins run along its baseline, above its descenders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .render import otsu_threshold

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage

BOLD_RATIO = 1.25  # a line whose strokes are this much thicker than the body's is bold
MIN_BODY_LINES = 4  # lines of the usual height needed to know the body's stroke
BODY_CHARS = 15  # lines with at least this many characters set the body's stroke
MIN_INK = 40  # pixels of ink under which a line's stroke is not measured
MAX_WORDS = 8  # only short lines are marked...
APART = 0.8  # ...that stand apart: this many of their heights of paper above and below
UNDERLINE = 0.5  # share of a line's width one row of ink runs across under it: an underline (a title's bullet and colon stand outside it)
UNDER_BAND = (0.4, 0.6)  # the band searched: from this many line heights above its bottom to this many below
UNDER_GAP = 3  # pixels of paper bridged in a scanned rule
UNDER_MARGIN = 1.0  # an underline stops within this many line heights of the line's ends (a form's rule runs on)
UNDER_PAGE = 0.7  # ...and is shorter than this share of the page's width (a rule across the page is a separator's)
PIECE = 2.0  # a rule in pieces: each piece at least this many line heights long...
PIECE_GAP = 1.2  # ...at most this many line heights from the next...
SOLID = 0.75  # ...and the run they make inked over this share of its length
PIECE_FROM = 0.32  # ...found from this many line heights above the line's bottom down (an Arabic line's joins sit higher)


def stroke_width(ink: object) -> float | None:
    """Mean stroke width in pixels of a boolean ink array: 2 x ink pixels / edge pixels
    (ink pixels with a 4-neighbour that is paper). None when there is too little ink."""
    import numpy as np  # on use: `import transform` stays light

    a = np.asarray(ink, dtype=bool)
    area = int(a.sum())
    if area < MIN_INK:
        return None
    p = np.pad(a, 1)
    inner = p[1:-1, 1:-1] & p[:-2, 1:-1] & p[2:, 1:-1] & p[1:-1, :-2] & p[1:-1, 2:]
    edge = area - int(inner.sum())
    return 2.0 * area / edge if edge else None


def line_strokes(pimg: PageImage, lines: list[TextLine]) -> list[float | None]:
    """The stroke width of each line (pixels of ``pimg``), None where it cannot be measured."""
    import numpy as np  # on use: `import transform` stays light

    a = np.asarray(pimg.image.convert("L"))
    level = otsu_threshold(pimg.image)
    k = pimg.dpi / 72.0
    out: list[float | None] = []
    for ln in lines:
        x0, y0 = max(0, int(ln.x0 * k)), max(0, int(ln.top * k))
        x1, y1 = min(a.shape[1], int(ln.x1 * k) + 1), min(a.shape[0], int(ln.bottom * k) + 1)
        out.append(stroke_width(a[y0:y1, x0:x1] <= level) if x1 > x0 and y1 > y0 else None)
    return out


def standing_apart(line: TextLine, lines: list[TextLine]) -> bool:
    """Has ``line`` a gap of at least APART of its height to the nearest line above and below
    it that shares some of its width (or no such line)? A title, ``ARRÊTE``, a legal unit's
    label stand apart; the lines of a bold sentence inside a paragraph, a multi-line bold
    title, the stacked lines of a letterhead do not (marked bold, the PDF ingester's grouping
    would make a heading of each of them)."""
    h = line.bottom - line.top
    for other in lines:
        if other is line or other.x1 <= line.x0 or other.x0 >= line.x1:
            continue
        if other.bottom <= line.top and line.top - other.bottom < APART * h:
            return False
        if other.top >= line.bottom and other.top - line.bottom < APART * h:
            return False
        if other.top < line.bottom and other.bottom > line.top:  # overlapping boxes: one line cut in two
            return False
    return True


def mark_bold(pimg: PageImage, lines: list[TextLine]) -> int:
    """Set ``bold`` on the lines whose strokes are BOLD_RATIO thicker than the body's; returns
    how many. Nothing is marked on a page with too few body lines to compare with. The lines drawn
    with a rule under them are marked ``underline`` first (:func:`mark_underlines`), on any page."""
    mark_underlines(pimg, lines)
    strokes = line_strokes(pimg, lines)
    heights = sorted(ln.bottom - ln.top for ln in lines if len(ln.text) >= BODY_CHARS)
    if len(heights) < MIN_BODY_LINES:
        return 0
    usual = heights[len(heights) // 2]
    body = sorted(s for ln, s in zip(lines, strokes, strict=True)
                  if s is not None and len(ln.text) >= BODY_CHARS and abs((ln.bottom - ln.top) - usual) <= 0.25 * usual)
    if len(body) < MIN_BODY_LINES or usual <= 0:
        return 0
    ref = body[len(body) // 2]
    marked = 0
    for ln, s in zip(lines, strokes, strict=True):
        if s is None or len(ln.text.split()) > MAX_WORDS or not standing_apart(ln, lines):
            continue
        scale = max(1.0, (ln.bottom - ln.top) / usual)
        if s >= BOLD_RATIO * ref * scale:
            ln.bold = True
            marked += 1
    return marked


def _runs(row: object, gap: int) -> list[tuple[int, int]]:
    """The runs of ink in a boolean row as (first, last) columns, gaps of up to ``gap`` pixels bridged."""
    import numpy as np  # on use: `import transform` stays light

    idx = np.flatnonzero(row)
    if idx.size == 0:
        return []
    cut = np.flatnonzero(np.diff(idx) > gap + 1)
    return list(zip(np.r_[idx[0], idx[cut + 1]].tolist(), np.r_[idx[cut], idx[-1]].tolist(), strict=True))


def underlined(ink: object, margin: int = 0, gap: int = UNDER_GAP, longest: int | None = None) -> bool:
    """Does one row of the boolean band ``ink`` (the rows around a line's bottom; the line's width and
    ``margin`` columns either side) hold a run of ink under UNDERLINE of the line's width that stops
    within ``margin`` of its ends? A run that goes on past them is the rule of a form, a box or a table
    the line is printed in, and so is one longer than ``longest`` pixels (a rule across the page). A row
    is read with its neighbours (a rule a pixel thick may waver between two rows)."""
    import numpy as np  # on use: `import transform` stays light

    a = np.asarray(ink, dtype=bool)
    width = a.shape[1] - 2 * margin if a.ndim == 2 else 0
    if a.ndim != 2 or a.shape[0] == 0 or width < 10:
        return False
    need = UNDERLINE * width
    rows = a.copy()
    rows[1:] |= a[:-1]
    rows[:-1] |= a[1:]
    for r in np.flatnonzero(rows[:, margin:margin + width].sum(axis=1) >= need):  # rows with enough ink under the line
        for first, last in _runs(rows[r], gap):
            under = min(last, margin + width - 1) - max(first, margin) + 1
            if under >= need and (not margin or (first > 0 and last < a.shape[1] - 1)) and (longest is None or last - first < longest):
                return True  # (a rule that runs on past the line, a form's or a box's, is none)
    return False


def _in_pieces(band: object, margin: int, longest: int, h: float) -> bool:
    """Does one row of ``band`` hold a rule in pieces (see the module docstring) under UNDERLINE of the line's width,
    stopping within ``margin`` of its ends?"""
    import numpy as np  # on use: `import transform` stays light

    a = np.asarray(band, dtype=bool)
    width = a.shape[1] - 2 * margin
    if width < 10 or a.shape[0] == 0:
        return False
    rows = a.copy()
    rows[1:] |= a[:-1]
    rows[:-1] |= a[1:]
    for r in np.flatnonzero(rows[:, margin:margin + width].sum(axis=1) >= UNDERLINE * width):
        pieces = [p for p in _runs(rows[r], UNDER_GAP) if p[1] - p[0] + 1 >= PIECE * h]
        k = 0
        while k < len(pieces):
            j = k
            while j + 1 < len(pieces) and pieces[j + 1][0] - pieces[j][1] - 1 <= PIECE_GAP * h:
                j += 1
            first, last = pieces[k][0], pieces[j][1]
            under = min(last, margin + width - 1) - max(first, margin) + 1
            if j > k and under >= UNDERLINE * width and first > 0 and last < a.shape[1] - 1 and last - first < longest \
                    and rows[r, first:last + 1].sum() >= SOLID * (last - first + 1):
                return True
            k = j + 1
    return False


def mark_underlines(pimg: PageImage, lines: list[TextLine]) -> int:
    """Set ``underline`` on the lines drawn with a rule under their whole width; returns how many."""
    import numpy as np  # on use: `import transform` stays light

    a = np.asarray(pimg.image.convert("L"))
    level = otsu_threshold(pimg.image)
    k = pimg.dpi / 72.0
    marked = 0
    for ln in lines:
        h = (ln.bottom - ln.top) * k
        margin = max(2, int(UNDER_MARGIN * h))
        x0, x1 = int(ln.x0 * k), int(ln.x1 * k) + 1
        y0 = max(0, int(ln.bottom * k - UNDER_BAND[0] * h))
        y1 = min(a.shape[0], int(ln.bottom * k + UNDER_BAND[1] * h) + 1)
        if x0 - margin < 0 or x1 + margin > a.shape[1] or x1 - x0 < 10 or y1 <= y0:
            continue  # a line against the image's edge: its rule cannot be told from a frame's
        longest = int(UNDER_PAGE * a.shape[1])
        band = a[y0:y1, x0 - margin:x1 + margin] <= level
        low = band[max(0, int((UNDER_BAND[0] - PIECE_FROM) * h)):]  # a rule in pieces: under the words' joins
        if underlined(band, margin, longest=longest) or _in_pieces(low, margin, longest, h):
            above = a[max(0, int(ln.top * k - UNDER_BAND[1] * h)):int(ln.top * k + UNDER_BAND[0] * h) + 1, x0 - margin:x1 + margin]
            if not underlined(above <= level, margin, longest=longest):  # ruled above and below: a box, a form's cell
                ln.underline = True
                marked += 1
    return marked
