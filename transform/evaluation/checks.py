"""Matching helpers of the scorer: token order, headings, tables, furniture lines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

HEADING_SIMILARITY = 85.0  # rapidfuzz ratio (0..100) of normalised texts
CELL_SIMILARITY = 85.0
TABLE_OVERLAP = 0.5  # share of a table's cells found in the other one
TABLE_REACH = 3  # pages back a table read as one over several pages may start
FURNITURE_SIMILARITY = 85.0


def lcs_pairs(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence of ``a`` and ``b`` (short lists: plain DP)."""
    n, m = len(a), len(b)
    if not n or not m:
        return []
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, nxt = dp[i], dp[i + 1]
        for j in range(m - 1, -1, -1):
            row[j] = nxt[j + 1] + 1 if a[i] == b[j] else max(nxt[j], row[j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def match_pairs(left: list[str], right: list[str], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs of similar texts (rapidfuzz ratio >= threshold), best pairs first."""
    if not left or not right:
        return []
    scores = process.cdist(left, right, scorer=fuzz.ratio)
    cands = sorted(((float(scores[i][j]), i, j) for i in range(len(left)) for j in range(len(right)) if scores[i][j] >= threshold),
                   key=lambda x: (-x[0], x[1], x[2]))  # fmt: skip
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def overlap(a: list[str], b: list[str], threshold: float = CELL_SIMILARITY) -> int:
    """How many texts of ``a`` have a partner in ``b`` (exact first, then similar; one-to-one)."""
    ca, cb = Counter(a), Counter(b)
    common = ca & cb
    n = sum(common.values())
    rest_a = list((ca - common).elements())
    rest_b = list((cb - common).elements())
    if rest_a and rest_b and len(rest_a) * len(rest_b) <= 250_000:
        n += len(match_pairs(rest_a, rest_b, threshold))
    return n


@dataclass
class TableRecord:
    """A table reduced to what is compared: its cell texts and header cell texts."""

    page: int
    cells: list[str]
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # non-empty cell texts per row
    n_rows: int = 0
    n_cols: int = 0
    continuation: bool = False  # begins the page and goes on from the previous one
    continues: bool = False  # ends the page and goes on to the next one
    gap: bool = False  # truth parts joined over pages without truth: the output holds rows the truth does not
    last_page: int = 0  # truth: the page of its last part (the table may go on over several pages)
    owner_pages: tuple[int | None, ...] = ()  # output tables: pages they may belong to

    def __post_init__(self) -> None:
        self.last_page = self.last_page or self.page

    def sample(self) -> str:
        return f"{self.n_rows}x{self.n_cols}: " + " | ".join(self.cells[:4])[:120]


def match_tables(truth: list[TableRecord], out: list[TableRecord], neighbours: list[list[int]]) -> dict[int, int]:
    """truth index -> output index. ``neighbours[k]``: candidate output indexes for truth table k.
    A pair needs half of the truth cells found in the output table and, unless the table
    crosses a page break (or its truth parts were joined over pages without truth), half of the
    output table's cells found in the truth."""
    cands = []
    for k, t in enumerate(truth):
        for o in neighbours[k]:
            if not t.cells:
                continue
            common = overlap(t.cells, out[o].cells)
            recall = common / len(t.cells)
            precision = common / len(out[o].cells) if out[o].cells else 0.0
            if recall >= TABLE_OVERLAP and (precision >= TABLE_OVERLAP or t.continuation or t.continues or t.gap):
                cands.append((recall + precision, k, o))
    cands.sort(key=lambda x: (-x[0], x[1], x[2]))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, k, o in cands:
        if k not in pairs and o not in used:
            pairs[k] = o
            used.add(o)
    return pairs


def rows_found(truth_rows: list[list[str]], out_rows: list[list[str]]) -> tuple[int, int]:
    """(truth rows that come back as one output row with the same cells in the same order, output
    rows left over). Catches a table whose row labels were split from their numbers (the cells are
    all there, the rows are not) and a row whose cells come in another order (an Arabic table read
    left to right: the words are there, the reading order of the row is not)."""
    t_rows = [r for r in truth_rows if r]
    free = [r for r in out_rows if r]
    by_key: dict[tuple[str, ...], int] = Counter(tuple(r) for r in free)
    left: list[list[str]] = []
    found = 0
    for r in t_rows:
        key = tuple(r)
        if by_key.get(key, 0) > 0:
            by_key[key] -= 1
            found += 1
        else:
            left.append(r)
    rest = [list(k) for k, n in by_key.items() for _ in range(n)]
    if left and len(left) * len(rest) <= 40_000:
        used: set[int] = set()
        for r in left:
            for j, o in enumerate(rest):
                if j not in used and _same_cells_in_order(r, o):
                    used.add(j)
                    found += 1
                    break
        return found, len(rest) - len(used)
    return found, len(rest)


def _same_cells_in_order(a: list[str], b: list[str]) -> bool:
    """Two rows hold the same cells, one by one in the same order (a cell may differ by a few letters)."""
    return len(a) == len(b) and all(x == y or fuzz.ratio(x, y) >= CELL_SIMILARITY for x, y in zip(a, b, strict=True))


def find_run(
    keys: list[str], runs: list[list[int]], target: list[str], where: Callable[[int, int], bool] | None = None
) -> int | None:
    """First position of ``runs`` (lists of consecutive stream positions) whose words read as
    ``target`` (a furniture line): exact for a single short word, similar otherwise. ``where``
    (first position, one past the last) says whether a stretch may hold the line at all."""
    want = " ".join(target)
    k = len(target)
    short = k == 1 and len(want) <= 6
    for run in runs:
        for size in (k, k - 1, k + 1) if not short else (1,):
            if size < 1 or size > len(run):
                continue
            for s in range(len(run) - size + 1):
                if where is not None and not where(run[s], run[s + size - 1] + 1):
                    continue
                got = " ".join(keys[g] for g in run[s : s + size])
                if got == want or (not short and fuzz.ratio(got, want) >= FURNITURE_SIMILARITY):
                    return run[s]
    return None
