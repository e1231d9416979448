"""Ruled grids in a page image: the rules drawn on it, and the cells they close.

A rule is a long straight run of dark pixels: horizontal runs at least RULE_H_IN inches long,
vertical ones at least RULE_V_IN inches (letters are shorter: an alef at 14 pt is about
0.15 in). Runs are found with sliding-window sums over the binarised image (numpy, no
per-pixel Python loop). Rules that touch form a group; a group that draws at least two
columns between three vertical rules and one row between two horizontal rules is a grid.
Its cells are the slots between neighbouring rules; two slots are one (merged) cell where
the rule between them is not drawn. A group whose merged cells are not rectangles is not
a grid. Underlines, letterhead rules (no vertical rule) and a frame around a paragraph
(one column) never make a grid.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from .render import otsu_threshold

RULE_H_IN = 0.4  # shortest horizontal rule, inches
RULE_V_IN = 0.2  # shortest vertical rule, inches
TOUCH_IN = 0.04  # rules this close (inches) touch; boundaries this close are one
DRAWN = 0.6  # share of a slot's side a rule must cover for the side to be drawn
MIN_SLOT_IN = 0.08  # rows or columns narrower than this (a double rule) are not slots
SCALE = 2  # rules are looked for on the ink pooled over 2 x 2 pixels
PALE_MARGIN = 20  # grey levels under the paper's from which a pale rule is ink (second search)
DASH_GAP_IN = 0.016  # gaps between the dashes of a dashed rule bridged at most (inches; the third search)
ROW_END_IN = 0.1  # an inner row rule reaches this close (inches) to both column rules of a slot it is drawn along


@dataclass
class Rule:
    at: float  # y of a horizontal rule, x of a vertical one (pixels)
    lo: int  # extent along the rule
    hi: int


@dataclass
class GridCell:
    """A merged cell: first row and column (left to right) and how many slots it spans."""

    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Grid:
    """Boundaries in pixels (xs left to right, ys top to bottom) and the merged cells."""

    xs: list[float]
    ys: list[float]
    cells: list[GridCell] = field(default_factory=list)
    # (near, far) x ranges beside the grid that only its frame's top and bottom rules run over (a side panel; tables_open.py)
    panels: list[tuple[float, float]] = field(default_factory=list)

    @property
    def nrows(self) -> int:
        return len(self.ys) - 1

    @property
    def ncols(self) -> int:
        return len(self.xs) - 1

    def cell_at(self, row: int, col: int) -> GridCell | None:
        for c in self.cells:
            if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan:
                return c
        return None


@dataclass
class Ink:
    """A page's ink: black on white at full size (what single lines are read again from), and
    as a mask pooled over SCALE x SCALE pixels (a pixel is ink when any of its block is: a rule
    two pixels thick stays whole), where rules are looked for at a quarter of the cost."""

    image: Image.Image
    mask: np.ndarray
    scale: int = SCALE


def otsu(image: Image.Image) -> int:
    """Otsu's threshold of a grey image (render.otsu_threshold), capped so that a pale page
    does not turn its paper into ink."""
    return min(otsu_threshold(image), 200)


def ink_of(image: Image.Image) -> Ink:
    grey = image.convert("L")
    thr = otsu(grey)
    ink = grey.point([255 if v <= thr else 0 for v in range(256)])
    small = ink.reduce(SCALE) if min(ink.size) >= SCALE else ink
    return Ink(ink.point([255 - v for v in range(256)]), np.asarray(small) > 0)


def _runs(mask: np.ndarray, length: int) -> list[tuple[int, int, int]]:
    """(line, start, end) of the runs of True at least ``length`` long along axis 1."""
    if mask.shape[1] < length or length < 2:
        return []
    c = np.zeros((mask.shape[0], mask.shape[1] + 1), dtype=np.int32)
    np.cumsum(mask, axis=1, out=c[:, 1:])
    full = (c[:, length:] - c[:, :-length]) == length  # full[y, x]: mask[y, x:x+length] all True
    rows = np.flatnonzero(full.any(axis=1))
    out = []
    for y in rows:
        f = np.concatenate(([False], full[y], [False]))
        d = np.flatnonzero(np.diff(f.astype(np.int8)))
        for s, e in zip(d[::2], d[1::2], strict=True):
            out.append((int(y), int(s), int(e) - 1 + length))  # window starts s..e-1 cover s..e-1+length
    return out


def _merge(runs: list[tuple[int, int, int]], touch: int) -> list[Rule]:
    """Runs on neighbouring lines that overlap are one rule (its thickness)."""
    rules: list[tuple[int, int, int, int]] = []  # first line, last line, lo, hi
    for y, lo, hi in sorted(runs):
        joined = False
        for k in range(len(rules) - 1, -1, -1):
            y0, y1, a, b = rules[k]
            if y - y1 > touch:
                break
            if y - y1 <= 1 and lo <= b + touch and hi >= a - touch:
                rules[k] = (y0, y, min(a, lo), max(b, hi))
                joined = True
                break
        if not joined:
            rules.append((y, y, lo, hi))
    return [Rule((y0 + y1) / 2, lo, hi) for y0, y1, lo, hi in rules]


def find_rules(dark: np.ndarray, dpi: float, gap: int = 0) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical rules of an ink mask (``gap``: dashes this far apart, pixels, are
    one rule)."""
    touch = max(2, int(TOUCH_IN * dpi))
    horiz = _merge(_runs(bridged(dark, gap), int(RULE_H_IN * dpi)), touch)
    vert = _merge(_runs(bridged(np.ascontiguousarray(dark.T), gap), int(RULE_V_IN * dpi)), touch)
    return horiz, vert


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _covered(rules: list[Rule], at: float, lo: float, hi: float, tol: float) -> float:
    """Share of [lo, hi] that rules lying at ``at`` cover."""
    spans = sorted((max(lo, r.lo - tol), min(hi, r.hi + tol)) for r in rules if abs(r.at - at) <= tol)
    got, end = 0.0, lo
    for a, b in spans:
        if b <= end:
            continue
        got += b - max(a, end)
        end = b
    return got / (hi - lo) if hi > lo else 0.0


def _groups(horiz: list[Rule], vert: list[Rule], tol: float) -> list[tuple[list[Rule], list[Rule]]]:
    parent = list(range(len(horiz) + len(vert)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, h in enumerate(horiz):
        for j, v in enumerate(vert):
            if h.lo - tol <= v.at <= h.hi + tol and v.lo - tol <= h.at <= v.hi + tol:
                parent[root(i)] = root(len(horiz) + j)
    found: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(horiz):
        found.setdefault(root(i), ([], []))[0].append(h)
    for j, v in enumerate(vert):
        found.setdefault(root(len(horiz) + j), ([], []))[1].append(v)
    return [g for g in found.values() if len(g[0]) >= 2 and len(g[1]) >= 3]


def _with_inner(group: tuple[list[Rule], list[Rule]], horiz: list[Rule], vert: list[Rule],
                tol: float) -> tuple[list[Rule], list[Rule], list[Rule], list[Rule]]:
    """A group's rules, and with them every rule lying inside its frame (a piece of a broken
    rule that touches no other rule still covers part of a cell's side)."""
    gh, gv = group
    x0, x1 = min(v.at for v in gv) - tol, max(v.at for v in gv) + tol
    y0, y1 = min(h.at for h in gh) - tol, max(h.at for h in gh) + tol
    inner_h = [h for h in horiz if y0 <= h.at <= y1 and h.lo >= x0 - tol and h.hi <= x1 + tol]
    inner_v = [v for v in vert if x0 <= v.at <= x1 and v.lo >= y0 - tol and v.hi <= y1 + tol]
    return gh, gv, inner_h, inner_v


def _grid(horiz: list[Rule], vert: list[Rule], all_h: list[Rule], all_v: list[Rule], dpi: float, ys: list[float] | None = None,
          xs: list[float] | None = None) -> Grid | None:
    tol = max(2.0, TOUCH_IN * dpi)
    slot = MIN_SLOT_IN * dpi
    end = ROW_END_IN * dpi
    if xs is None or ys is None:
        xs = _cluster([v.at for v in vert], max(tol, slot))
        ys = _cluster([h.at for h in horiz], max(tol, slot))
        if len(xs) < 3 or len(ys) < 2:
            return None
        # a boundary drawn along no slot (a short stroke that touched the grid) is not one
        xs = [x for k, x in enumerate(xs) if k in (0, len(xs) - 1)
              or any(_covered(vert, x, ys[r], ys[r + 1], tol) >= DRAWN for r in range(len(ys) - 1))]
        ys = [y for k, y in enumerate(ys) if k in (0, len(ys) - 1)
              or any(_covered(horiz, y, xs[c], xs[c + 1], tol) >= DRAWN for c in range(len(xs) - 1))]
    if len(xs) < 3 or len(ys) < 2:
        return None
    nr, nc = len(ys) - 1, len(xs) - 1
    # which sides of each slot are drawn
    v_drawn = [[_covered(vert, xs[k], ys[r], ys[r + 1], tol) >= DRAWN for k in range(nc + 1)] for r in range(nr)]
    h_drawn = [[_covered(horiz, ys[k], xs[c], xs[c + 1], tol) >= DRAWN
                and (k in (0, nr) or _reaches(horiz, ys[k], xs[c], xs[c + 1], tol, end)) for c in range(nc)] for k in range(nr + 1)]
    ys_kept = [k for k in range(nr + 1) if k in (0, nr) or any(h_drawn[k])]
    if len(ys_kept) < nr + 1:  # a boundary left with no drawn side (a stretched word's kashida): not a boundary
        return _grid(horiz, vert, all_h, all_v, dpi, [ys[k] for k in ys_kept], xs)
    _runs_of_spans(v_drawn, h_drawn, all_v, all_h, xs, ys, tol, end)
    # the outer frame must be drawn all round: a table, not rules that happen to cross
    if not (all(h_drawn[0]) and all(h_drawn[nr]) and all(v_drawn[r][0] and v_drawn[r][nc] for r in range(nr))):
        return None
    parent = list(range(nr * nc))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for r in range(nr):
        for c in range(nc):
            if c + 1 < nc and not v_drawn[r][c + 1]:
                parent[root(r * nc + c)] = root(r * nc + c + 1)
            if r + 1 < nr and not h_drawn[r + 1][c]:
                parent[root(r * nc + c)] = root((r + 1) * nc + c)
    members: dict[int, list[tuple[int, int]]] = {}
    for r in range(nr):
        for c in range(nc):
            members.setdefault(root(r * nc + c), []).append((r, c))
    cells = []
    for slots in members.values():
        r0, r1 = min(r for r, _ in slots), max(r for r, _ in slots)
        c0, c1 = min(c for _, c in slots), max(c for _, c in slots)
        if len(slots) != (r1 - r0 + 1) * (c1 - c0 + 1):
            return None  # not a rectangle: not a table's cell
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1))
    cells.sort(key=lambda c: (c.row, c.col))
    return Grid(xs, ys, cells)


def _reaches(rules: list[Rule], at: float, lo: float, hi: float, tol: float, end: float) -> bool:
    """Rules lying at ``at`` reach both ends of [lo, hi] (within ``end``): a row rule joins the
    column rules; a word stretched by kashida across its cell stops short of one side."""
    near = [r for r in rules if abs(r.at - at) <= tol and r.hi >= lo - tol and r.lo <= hi + tol]
    return bool(near) and min(r.lo for r in near) <= lo + end and max(r.hi for r in near) >= hi - end


def _runs_of_spans(v_drawn: list[list[bool]], h_drawn: list[list[bool]], vert: list[Rule], horiz: list[Rule],
                   xs: list[float], ys: list[float], tol: float, end: float) -> None:
    """A column rule between two cells that both span the same rows is judged over their whole
    height, not slot by slot (and a row rule under cells spanning the same columns over their
    width): a faint scan's rule broken in places is drawn when it covers DRAWN of the span,
    though one slot's share of it falls short (Sfax's two date columns beside the general
    conditions, each one cell over four rows)."""
    nr, nc = len(ys) - 1, len(xs) - 1
    for k in range(1, nc):
        r = 0
        while r < nr:
            r1 = r
            while r1 + 1 < nr and not h_drawn[r1 + 1][k - 1] and not h_drawn[r1 + 1][k]:
                r1 += 1
            if r1 > r:
                drawn = _covered(vert, xs[k], ys[r], ys[r1 + 1], tol) >= DRAWN
                for q in range(r, r1 + 1):
                    v_drawn[q][k] = drawn
            r = r1 + 1
    for k in range(1, nr):
        c = 0
        while c < nc:
            c1 = c
            while c1 + 1 < nc and not v_drawn[k - 1][c1 + 1] and not v_drawn[k][c1 + 1]:
                c1 += 1
            if c1 > c:
                drawn = _covered(horiz, ys[k], xs[c], xs[c1 + 1], tol) >= DRAWN and _reaches(horiz, ys[k], xs[c], xs[c1 + 1], tol, end)
                for q in range(c, c1 + 1):
                    h_drawn[k][q] = drawn
            c = c1 + 1


def pale_mask(image: Image.Image) -> np.ndarray | None:
    """The page's ink down to grey just darker than its paper, pooled as :func:`ink_of` does
    (None when that is no paler than Otsu's threshold). A light scan's rules (a JPEG at 110 ppi
    enlarged for OCR) are grey runs broken every few pixels at Otsu's threshold, whole here."""
    grey = image.convert("L")
    hist = np.asarray(grey.histogram()[:256])
    paper = int(np.searchsorted(np.cumsum(hist), hist.sum() / 2))  # the median grey: the paper
    thr = paper - PALE_MARGIN
    if thr <= otsu(grey):
        return None
    pale = grey.point([255 if v <= thr else 0 for v in range(256)])
    small = pale.reduce(SCALE) if min(pale.size) >= SCALE else pale
    return np.asarray(small) > 0


def bridged(mask: np.ndarray, gap: int) -> np.ndarray:
    """The mask with gaps of at most ``gap`` pixels along each row closed (a pixel is ink when
    ink lies within ``gap`` on both sides of it): a dashed rule becomes whole, a row of letters
    stays broken at the spaces between its words."""
    if gap < 1 or mask.shape[1] <= 2 * gap:
        return mask
    c = np.zeros((mask.shape[0], mask.shape[1] + 1), dtype=np.int32)
    np.cumsum(mask, axis=1, out=c[:, 1:])
    w = mask.shape[1]
    x = np.arange(w)
    lo, hi = np.maximum(0, x - gap), np.minimum(w, x + gap + 1)
    left = (c[:, x + 1] - c[:, lo]) > 0  # ink in [x - gap, x]
    right = (c[:, hi] - c[:, x]) > 0  # ink in [x, x + gap]
    return mask | (left & right)


def find_grids(image: Image.Image, dpi: float, ink: Ink | None = None, pale: bool = False,
               dashed: bool = False) -> list[Grid]:
    """The ruled grids of a page image (``ink``: its ink, when already made), top to bottom,
    in the image's pixels. ``pale``: when the ink shows no grid, look again for rules in pale
    grey (:func:`pale_mask`); the grids must be as whole (framed all round) as at Otsu's.
    ``dashed``: also look for grids whose rules are dashed or dotted (gaps up to DASH_GAP_IN
    bridged, :func:`bridged`) where no grid was found at Otsu's; such a grid must be as whole."""
    if ink is None:
        ink = ink_of(image)
    grids = _grids_of(ink.mask, dpi, ink.scale)
    if not grids and pale and (mask := pale_mask(image)) is not None:
        grids = _grids_of(mask, dpi, ink.scale)
    if dashed:
        gap = max(1, round(DASH_GAP_IN * dpi / ink.scale))
        more = _grids_of(ink.mask, dpi, ink.scale, gap)
        grids += [g for g in more if not any(_overlap(g, h) for h in grids)]
        grids.sort(key=lambda g: g.ys[0])
    return grids


def _overlap(a: Grid, b: Grid) -> bool:
    return min(a.xs[-1], b.xs[-1]) > max(a.xs[0], b.xs[0]) and min(a.ys[-1], b.ys[-1]) > max(a.ys[0], b.ys[0])


def _grids_of(mask: np.ndarray, dpi: float, scale: int, gap: int = 0) -> list[Grid]:
    small_dpi = dpi / scale
    horiz, vert = find_rules(mask, small_dpi, gap)
    if len(horiz) < 2 or len(vert) < 3:
        return []
    tol = max(2.0, TOUCH_IN * small_dpi)
    from .tables_open import open_sides

    grids = []
    for group in _groups(horiz, vert, tol):
        rules = _with_inner(group, horiz, vert, tol)
        if (g := _grid(*rules, small_dpi)) is not None:
            grids.append(open_sides(g, *rules, horiz, small_dpi))  # a side with no column rule (tables_open.py)
    for g in grids:
        g.xs = [(x + 0.5) * scale for x in g.xs]
        g.ys = [(y + 0.5) * scale for y in g.ys]
        g.panels = [((a + 0.5) * scale, (b + 0.5) * scale) for a, b in g.panels]
    return sorted(grids, key=lambda g: g.ys[0])
