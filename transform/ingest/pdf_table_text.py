"""Tables without ruling lines (or with horizontal rules only): columns from the characters
of a run of rows.

1. **Phrases**: per visual row, its characters sorted by x and cut where the gap is wider
   than :data:`PHRASE_GAP` x the font size (a word space stays inside a phrase, a column
   gap does not; the digit groups of ``1 250 000`` stay together).
2. **Columns**: x ranges that (almost) no row covers are gutters, the columns lie between
   them. Each column is described by where its text sits (median left edge, right edge,
   centre of the phrases that lie inside it).
3. **Placing phrases**: per row, phrases go to columns left to right, each to its own
   column, the assignment that lines them up best (a header left-aligned over right-aligned
   amounts still lands on its column); a phrase that has to cover two columns is cut at
   the word gap that lines both pieces up, or spans them (``colspan``).

Rows are then bound together by :mod:`pdf_table_bind`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pdf_table_bind import PRow, bind
from .pdf_table_cells import Glyphs, GridCell
from .pdf_table_rows import Row, line_size
from .pdf_text import PdfLine

PHRASE_GAP = 0.8  # x font size: wider gaps end a phrase
GUTTER_MIN = 0.6  # x font size: narrowest gap between two columns
CROSS_TOLERANCE = 0.15  # share of rows that may cross a gutter (a title or a total spanning columns)
SPAN_PENALTY = 1.0  # x font size: a spanning cell costs this much more than cells lined up
Extent = tuple[float, float]


class _Col:
    """Where the text of one column sits: median left edge, right edge and centre."""

    def __init__(self, spots: list[Extent]) -> None:
        self.left = _median([a for a, _ in spots])
        self.right = _median([b for _, b in spots])
        self.centre = _median([(a + b) / 2 for a, b in spots])
        self.lo = min(a for a, _ in spots)
        self.hi = max(b for _, b in spots)

    def cost(self, x0: float, x1: float) -> float:
        """How badly a piece of text lines up with the column (0: same left edge, right edge or centre)."""
        return min(abs(x0 - self.left), abs(x1 - self.right), abs((x0 + x1) / 2 - self.centre))


def _median(values: list[float]) -> float:
    v = sorted(values)
    return v[len(v) // 2]


def _extent(glyphs: Glyphs, piece: list[int]) -> Extent:
    return min(glyphs.x0[j] for j in piece), max(glyphs.x1[j] for j in piece)


def _phrases(glyphs: Glyphs, members: list[int], size: float) -> list[list[int]]:
    inked = sorted((j for j in members if glyphs.ink(j)), key=lambda j: glyphs.x0[j])
    out: list[list[int]] = []
    right = -1e9
    for j in inked:
        if out and glyphs.x0[j] - right <= PHRASE_GAP * size:
            out[-1].append(j)
            right = max(right, glyphs.x1[j])
        else:
            out.append([j])
            right = glyphs.x1[j]
    return out


def _boundaries(extents: list[list[Extent]], size: float) -> list[float]:
    """Column boundaries: inside each gutter (covered by at most CROSS_TOLERANCE of the rows),
    the middle of its widest stretch covered by the fewest rows."""
    n = len(extents)
    tol = max(1, int(CROSS_TOLERANCE * n)) if n >= 4 else 0  # one row (a header over tight columns) may cross
    events: list[tuple[float, int]] = sorted((x, d) for row in extents for a, b in row for x, d in ((a, 1), (b, -1)))
    lo, hi = events[0][0], events[-1][0]
    # coverage as steps: (x from, x to, depth)
    steps: list[tuple[float, float, int]] = []
    depth = 0
    for (x, d), (nx, _) in zip(events, events[1:], strict=False):
        depth += d
        if nx > x:
            steps.append((x, nx, depth))
    out: list[float] = []
    k = 0
    while k < len(steps):
        if steps[k][2] > tol:
            k += 1
            continue
        m = k
        while m < len(steps) and steps[m][2] <= tol:
            m += 1
        start, end = steps[k][0], steps[m - 1][1]
        if lo < start and end < hi and end - start >= GUTTER_MIN * size:
            low = min(s[2] for s in steps[k:m])
            a, b = max(((s[0], s[1]) for s in steps[k:m] if s[2] == low), key=lambda ab: ab[1] - ab[0])
            out.append((a + b) / 2)
        k = m
    return out


@dataclass
class _Line:
    """A physical row: lines on one baseline that do not overlap (cells side by side)."""

    lines: list[PdfLine]
    base: float
    size: float

    @property
    def top(self) -> float:
        return min(ln.top for ln in self.lines)

    @property
    def bottom(self) -> float:
        return max(ln.bottom for ln in self.lines)


def _physical_rows(rows: list[Row]) -> list[_Line]:
    """The run's lines on shared baselines. A visual row may hold lines stacked in one cell
    (its lines overlap in height): those are separate rows here, bound again later."""
    out: list[_Line] = []
    for ln in sorted((ln for r in rows for ln in r.lines), key=lambda ln: ln.baseline or ln.bottom):
        size, base = line_size(ln), ln.baseline or ln.bottom
        cur = out[-1] if out else None
        if cur is not None and abs(base - cur.base) <= 0.35 * max(size, cur.size) \
                and all(ln.x1 <= other.x0 or ln.x0 >= other.x1 for other in cur.lines):
            cur.lines.append(ln)
            cur.size = max(cur.size, size)
        else:
            out.append(_Line([ln], base, size))
    return out


def _spots(extents: list[list[Extent]], bounds: list[float]) -> list[list[Extent]]:
    """The phrases that lie inside one column, per column."""
    spots: list[list[Extent]] = [[] for _ in range(len(bounds) + 1)]
    for ext in extents:
        for a, b in ext:
            k = sum(1 for x in bounds if x <= a)
            if k == sum(1 for x in bounds if x < b):
                spots[k].append((a, b))
    return spots


def build(rows: list[Row], glyphs: Glyphs, h_rules: list[float]) -> tuple[list[GridCell], int, int, int | None] | None:
    """Cells (visual column order), row and column counts and the number of header rows
    (None: let the content decide) of the table in ``rows``; None when no two columns show."""
    lines = _physical_rows(rows)
    size = _median([r.size for r in lines])
    row_of = {id(ln): k for k, row in enumerate(lines) for ln in row.lines}
    members: list[list[int]] = [[] for _ in lines]
    for j in range(len(glyphs.idx)):
        members[row_of[id(glyphs.lines[glyphs.line[j]])]].append(j)
    phrases = [_phrases(glyphs, m, r.size) for m, r in zip(members, lines, strict=True)]
    extents = [[_extent(glyphs, p) for p in ps] for ps in phrases]
    if sum(1 for e in extents if e) < 2:
        return None
    bounds = _boundaries([e for e in extents if e], size)
    spots = _spots(extents, bounds)
    while bounds and any(not sp for sp in spots):  # a column no phrase fits in: two gutters around one crossing
        k = next(i for i, sp in enumerate(spots) if not sp)
        del bounds[max(k - 1, 0) if k < len(bounds) else len(bounds) - 1]
        spots = _spots(extents, bounds)
    if not bounds or sum(1 for sp in spots if len(sp) >= 2) < 2:
        return None
    ncols = len(bounds) + 1
    cols = [_Col(sp) if sp else None for sp in spots]
    prows: list[PRow] = []
    for row, ps in zip(lines, phrases, strict=True):
        if not ps:
            continue
        pr = PRow(row.top, row.bottom, row.size)
        _assign(pr, ps, glyphs, cols, row.size)
        prows.append(pr)
    return bind(prows, glyphs, ncols, h_rules)


def _assign(pr: PRow, phrases: list[list[int]], glyphs: Glyphs, cols: list[_Col | None], size: float) -> None:
    """Phrases to columns, left to right, each on its own column range, lined up best
    (dynamic programming: phrases x the last column used)."""
    phrases = list(phrases)
    n = len(cols)
    while len(phrases) > n:  # more phrases than columns: join the two closest
        k = min(range(len(phrases) - 1), key=lambda k: glyphs.x0[phrases[k + 1][0]] - max(glyphs.x1[j] for j in phrases[k]))
        phrases[k:k + 2] = [phrases[k] + phrases[k + 1]]
    m = len(phrases)
    inf = float("inf")
    fits: dict[tuple[int, int, int], tuple[float, list[list[int]]]] = {}
    # best[i][j]: cost of placing phrases[:i] with column j - 1 the last one used
    best = [[0.0] * (n + 1)] + [[inf] * (n + 1) for _ in range(m)]
    back: list[list[tuple[int, int, int] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    for i in range(m):
        for j in range(n + 1):
            if best[i][j] == inf:
                continue
            for a in range(j, n):
                for b in range(a, n):
                    if (i, a, b) not in fits:
                        fits[(i, a, b)] = _fit(phrases[i], a, b, glyphs, cols, size)
                    cost = best[i][j] + fits[(i, a, b)][0]
                    if cost < best[i + 1][b + 1]:
                        best[i + 1][b + 1], back[i + 1][b + 1] = cost, (j, a, b)
    j = min(range(n + 1), key=lambda k: best[m][k])
    for i in range(m, 0, -1):
        step = back[i][j]
        if step is None:  # cannot happen (m <= n): keep the phrase in the first column
            pr.cells.setdefault(0, []).extend(phrases[i - 1])
            continue
        j, a, b = step
        pieces = fits[(i - 1, a, b)][1]
        if len(pieces) == 1:
            pr.cells.setdefault(a, []).extend(pieces[0])
            if b > a:
                pr.spans[a] = max(pr.spans.get(a, 1), b - a + 1)
        else:
            for k, piece in enumerate(pieces):
                pr.cells.setdefault(a + k, []).extend(piece)


def _fit(p: list[int], a: int, b: int, glyphs: Glyphs, cols: list[_Col | None], size: float) -> tuple[float, list[list[int]]]:
    """Cost of putting phrase ``p`` on columns a..b: one column; cut into one piece per column
    at word gaps; or one cell spanning them."""
    x0, x1 = _extent(glyphs, p)
    if a == b:
        col = cols[a]
        return (col.cost(x0, x1) if col else 2.0 * size), [p]
    if any(c is None for c in cols[a:b + 1]):
        return float("inf"), [p]
    spanned = (x0 + x1) / 2 - (cols[a].lo + cols[b].hi) / 2  # type: ignore[union-attr]
    best: tuple[float, list[list[int]]] = (abs(spanned) + SPAN_PENALTY * size, [p])
    gaps = [i for i in range(1, len(p)) if glyphs.x0[p[i]] - glyphs.x1[p[i - 1]] >= 0.15 * size]
    if b - a == 1:  # the usual case: one cut between two columns
        for i in gaps:
            left, right = p[:i], p[i:]
            cost = cols[a].cost(*_extent(glyphs, left)) + cols[b].cost(*_extent(glyphs, right))  # type: ignore[union-attr]
            if cost < best[0]:
                best = (cost, [left, right])
    return best
