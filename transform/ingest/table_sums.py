"""A table's totals checked against the amounts they sum (issue 17): a well-formed wrong amount is caught.

A cell read ``7 250,00`` for ``1 250,00`` is written like every amount of its column, so no shape test
(:mod:`transform.ocr.cell_doubt`) sees it; the total printed under the column does. This check runs on every
table of every path (text layer, OCR, office formats: it is called from :func:`transform.ingest.ingest`) and
changes no text: where a total disagrees with the cells it sums, the total and those cells get the doubt
``sums_disagree`` and a note in words (``Cell.note``: "the column does not add up: total printed X, cells
add up to Y"), which the CLI, the quality report and the review page show.

A **total row** is one whose label says so (``Total``, ``TOTAL GÉNÉRAL``, ``Sous-total``, ``المجموع``,
``مجموع``, ``الإجمالي``...; :data:`table_totals._TOTAL`). In each column of amounts its amount is compared with the rows
it may sum: the rows since the previous total, the sub-totals since the previous grand total, or every row
since it (one of them must agree). Rows that detail the row above (``dont``, ``منها``) are left out. A
**total column** is one whose header says so, checked row by row against the columns before it the same
way. Without a label, the last row (column) is taken as a total only when it equals the sum of the others
in at least two columns (rows) and more than half of them.

Before a disagreement is believed, the table must show the rule holds: a total row is only doubted in a
column when the same row agrees in another column or, holding a single column of amounts, when another
check of the table agrees; a total column the same way across rows. Columns of percentages, rates,
averages, years or codes are not summed (a ``%`` in a cell, a header such as ``Taux``, ``نسبة``, a year
printed alone, a total cell left blank). Amounts: French ``1 234,56`` and ``1.234,56``, English
``1,234.56``, Arabic-Indic digits and separators, a currency sign, negatives in brackets or with a minus,
blank cells and dashes as zero; totals are allowed the rounding of the printed precision (one unit of its
last digit per two cells summed).

Where the totals are and which lines each may sum (the ranges, added from prefix sums) is
:mod:`transform.ingest.table_totals`; this module checks them and marks the cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from .amount_forms import Amount, decimal_mark, parse_amount, show
from .table_totals import (
    _DETAIL,
    _TOTAL,
    _code,
    _Grid,
    _heading_row,
    _hints,
    _parts,
    _place,
    _Ranges,
    _summable,
    _text,
    _Value,
    _worth,
)

if TYPE_CHECKING:
    from ..model import Document, Table

SUMS = "sums_disagree"
@dataclass
class Finding:
    """One total that disagrees: its cell and the cells it sums, as (row, index in row) of the table's rows."""
    total: tuple[int, int]
    summed: list[tuple[int, int]]
    printed: str
    found: str
    across: bool  # a total column (the row does not add up), not a total row
    lone: bool = False  # the total sums one column (row): kept only when another total of the table agrees

    @property
    def note(self) -> str:
        what = "row" if self.across else "column"
        return f"the {what} does not add up: total printed {self.printed}, cells add up to {self.found}"


class Agreement(NamedTuple):
    """A total that agrees: its cell, the cells it sums ((row, index in row) of the table's rows), and whether
    to the cent (not only within the rounding allowed)."""
    total: tuple[int, int]
    summed: list[tuple[int, int]]
    exact: bool


def check_rows(texts: Sequence[Sequence[str]], spans: Sequence[Sequence[int]] | None = None,
               rowspans: Sequence[Sequence[int]] | None = None, header: Sequence[bool] | None = None,
               tally: dict[str, int] | None = None, agreed_at: list[Agreement] | None = None) -> list[Finding]:
    """The totals of a table that disagree with what they sum (see the module's docstring). ``texts``: the
    rows' cell texts in logical order; ``spans``: their colspans; ``rowspans``: cells covering the rows below
    (those rows' cells start after them); ``header``: which rows are header rows. ``tally`` (for the bench)
    counts the tables' totals found (``tables``: per kind and side-by-side part), checked (``checked``), agreeing
    (``agree``) and said to disagree (``flagged``); ``agreed_at`` gets the totals that agree (:class:`Agreement`)."""
    g = _Grid([list(r) for r in texts], [list(s) for s in spans] if spans else [[1] * len(r) for r in texts],
              list(header) if header else [False] * len(texts))
    if len(g.texts) < 3:
        return []
    words = "\n".join(t for row in g.texts for t in row)
    g.may = _hints(words)
    if not _worth(g):
        return []
    _place(g, rowspans)
    if g.ncols < 2:
        return []
    dec = decimal_mark(t for row in g.texts for t in row)
    vals = [[parse_amount(_text(g, r, c), dec) if g.at[r][c] else "blank" for c in range(g.ncols)] for r in range(len(g.texts))]
    found: list[Finding] = []
    agreed, count = [0, 0], [0, 0]  # totals agreeing and checked: total rows, total columns
    for cols in _parts(g, vals):
        got, agree, n = _check_part(g, vals, cols, tally, agreed_at)
        found += got
        agreed, count = [a + b for a, b in zip(agreed, agree, strict=True)], [a + b for a, b in zip(count, n, strict=True)]
    # more totals of a kind disagree than agree: the rule is not this table's (a header misread, a column subtracted)
    found = [f for f in found if 2 * agreed[f.across] >= count[f.across] and (not f.lone or agreed != [0, 0])]
    if tally is not None:
        tally["flagged"] = tally.get("flagged", 0) + len(found)
    return found


def _check_part(g: _Grid, vals: list[list[_Value]], cols: list[int],
                tally: dict[str, int] | None, agreed_at: list[Agreement] | None = None) -> tuple[list[Finding], list[int], list[int]]:
    """The totals of the columns ``cols`` (one table of a grid printed side by side): total rows checked
    column by column, then total columns row by row; with how many totals of each kind agree and were checked."""
    nrows = len(g.texts)
    first = next((r for r in range(nrows) if not _heading_row(vals[r])), nrows)
    heads = {r for r in range(nrows) if g.header[r] or r < first}  # the rows above the table's first amount: the header
    col_name = {c: " ".join(_text(g, r, c) for r in sorted(heads)) for c in cols}
    row_name = [" ".join(t for c in cols if vals[r][c] is None and (t := _text(g, r, c).strip())) for r in range(nrows)]
    amount_cols = [c for c in cols if _summable([vals[r][c] for r in range(nrows) if r not in heads], col_name[c], g)]
    found: list[Finding] = []
    agreed, count = [0, 0], [0, 0]
    if amount_cols:  # total rows, checked column by column
        named = [g.finds(_TOTAL, row_name[r]) for r in range(nrows)]
        totals = [r for r in range(nrows) if r not in heads and named[r]]
        codes = [_code(_text(g, r, cols[0]), row_name[r], named[r]) for r in range(nrows)]
        got, agree, n = _totals(vals, row_name, codes, heads, amount_cols, totals, lambda i, j: (i, j), g, False, tally, agreed_at)
        found, agreed[0], count[0] = found + got, agree, n
    sums_rows = [r for r in range(nrows) if r not in heads and _summable([vals[r][c] for c in cols], row_name[r], g)]
    if sums_rows:  # total columns, checked row by row
        flipped = [[vals[r][c] for r in range(nrows)] for c in range(g.ncols)]
        names = [col_name.get(c, "") for c in range(g.ncols)]
        others = set(range(g.ncols)) - set(amount_cols)
        totals = [c for c in amount_cols if g.finds(_TOTAL, col_name[c])]
        last = max(heads) if heads else -1  # the header's last row names the columns a total adds (Débit, Crédit)
        kinds = [k if last >= 0 and c in col_name and not (k := _text(g, last, c).strip()).isdigit() else ""
                 for c in range(g.ncols)]
        got, agree, n = _totals(flipped, names, kinds, others, sums_rows, totals, lambda i, j: (j, i), g, True, tally, agreed_at)
        found, agreed[1], count[1] = found + got, agree, n
    return found, agreed, count


def _totals(vals: list[list[_Value]], names: list[str], kin: list[str], excluded: set[int], cross: list[int], totals: list[int],
            rc: Callable[[int, int], tuple[int, int]], g: _Grid, across: bool,
            tally: dict[str, int] | None, agreed_at: list[Agreement] | None = None) -> tuple[list[Finding], int, int]:
    """Totals along the first axis of ``vals`` (lines), each checked at every line across it in ``cross``:
    the ``totals`` labelled, else the last line when it sums (see the module's docstring). ``kin``: what
    groups lines a total may add (an account's code; a column's sub-header); ``excluded``:
    lines never summed (headers; columns that are not of amounts); ``rc``: (line, across) -> grid (row, column).
    Returns the totals that disagree, how many totals agree and how many were checked."""
    n = len(vals)
    labelled = bool(totals)
    if not totals:
        last = max((i for i in range(n) if i not in excluded), default=-1)
        if last < 0:
            return [], 0, 0
        totals = [last]
    detail = {i for i in range(n) if g.finds(_DETAIL, names[i])}
    checks: dict[int, list[tuple[int, bool, list[int], Decimal]]] = {}
    ranges = _Ranges(totals, names, kin, excluded | detail, n)
    seen: dict[tuple[int, int], set[int]] = {}
    scaled: dict[int, tuple[list[int | None], Decimal]] = {}  # across -> its amounts in units of its finest precision
    for t in totals:
        for j in cross:
            total = vals[t][j]
            if not isinstance(total, Amount):
                continue
            if j not in scaled:
                line = [row[j] for row in vals]
                scaled[j] = _scaled(line)
                ranges.column(j, scaled[j][0], line)
            units, unit = scaled[j]
            col = ranges.cols[j]
            want = units[t]
            assert want is not None
            best: tuple[bool, list[int], Decimal] | None = None
            own = True  # the total has lines of its own since the previous one (else it may be a line itself)
            for n_range, ((_lines, amounts, words, s), spec, may_fail) in enumerate(ranges.of(t, col)):
                if n_range == 0:
                    own = amounts >= 2
                    if amounts == 1 and s == want:
                        ranges.cover(t, j, col.lines(spec))  # a total of one line: it stands for that line
                elif not own and may_fail != "subs":
                    may_fail = False
                if amounts < 2 or words:  # a word or a percentage among the lines: no sum through them
                    continue
                if abs(s - want) <= max(1, amounts // 2):  # the rounding of the printed precision
                    best = (True, col.lines(spec), s * unit)
                    break
                if best is None and may_fail:
                    best = (False, col.lines(spec), s * unit)
            if best is None:
                continue
            if best[0]:
                ranges.cover(t, j, best[1])
            if not best[0] or total.value != 0:
                checks.setdefault(t, []).append((j, best[0], best[1], best[2]))
    if not labelled and sum(ok for row in checks.values() for _j, ok, _l, _s in row) < 2:
        return [], 0, 0  # the last line is not a total (below: two agreements at least)
    for t, row in checks.items():  # a difference that is a line of the table: lines nested or subtracted, not a misreading
        if len(row) == 1 or any(ok for _j, ok, _l, _s in row):  # only where a disagreement may be said (below)
            checks[t] = [(j, ok, lines, sm) for j, ok, lines, sm in row if ok or not _structure(
                vals[t][j].value - sm, [vals[i][j] for i in lines], _units(vals, j, vals[t][j].decimals, seen),  # type: ignore[union-attr]
                Decimal(1).scaleb(-vals[t][j].decimals))]  # type: ignore[union-attr]
    agreed = sum(ok for row in checks.values() for _j, ok, _l, _s in row)
    count = sum(len(row) for row in checks.values())
    if not labelled and (len(checks.get(totals[0], [])) < 2 or 2 * agreed <= count):
        return [], 0, 0  # the last line is not a total
    if tally is not None:
        for key, add in (("tables", 1), ("checked", count), ("agree", agreed)):
            tally[key] = tally.get(key, 0) + add
    out = []
    for t, row in checks.items():
        lone = len(row) == 1  # a total of one amount: only another total of the table shows the rule holds
        if not lone and not any(ok for _j, ok, _l, _s in row):
            continue  # the rule is not shown to hold for this total
        for j, ok, lines, sm in row:
            total = vals[t][j]
            pos = g.at[rc(t, j)[0]][rc(t, j)[1]]
            if pos is None or not isinstance(total, Amount):
                continue
            if ok:
                if agreed_at is not None:
                    agreed_at.append(Agreement(pos, [p for i in lines if isinstance(vals[i][j], Amount)
                                                     and (p := g.at[rc(i, j)[0]][rc(i, j)[1]])], sm == total.value))
                continue
            added = [(i, v) for i in lines if isinstance(v := vals[i][j], Amount)]
            places = max([total.decimals] + [v.decimals for _i, v in added])
            summed = [p for i, _v in added if (p := g.at[rc(i, j)[0]][rc(i, j)[1]])]
            printed = g.texts[pos[0]][pos[1]].strip()
            out.append(Finding(pos, summed, printed, show(sm, places, printed), across, lone))
    return out, agreed, count


def _scaled(line: list[_Value]) -> tuple[list[int | None], Decimal]:
    """A line's amounts as whole numbers of its finest printed precision (None where there is no amount), and
    that precision's unit: sums of integers, and one unit of tolerance per two amounts added."""
    places = max((v.decimals for v in line if isinstance(v, Amount)), default=0)
    unit = Decimal(1).scaleb(-places)
    return [int(v.value.scaleb(places)) if isinstance(v, Amount) else None for v in line], unit


def _units(vals: list[list[_Value]], j: int, places: int, seen: dict[tuple[int, int], set[int]]) -> set[int]:
    """The amounts at ``j`` across every line, in units of ``places`` decimals, made positive (kept in ``seen``)."""
    if (j, places) not in seen:
        unit = Decimal(1).scaleb(-places)
        seen[(j, places)] = {abs(int((v.value / unit).to_integral_value())) for row in vals
                             if isinstance(v := row[j], Amount) and v.value}
    return seen[(j, places)]


def _structure(diff: Decimal, summed: Sequence[_Value], line: set[int], unit: Decimal) -> bool:
    """``diff`` (total printed minus the cells' sum) is the sum of a run of the summed cells (lines nested under
    another one), twice one of them (a line subtracted), or an amount of the total's own line (a column
    subtracted): the table's build, not a misreading. Within two units of the total's last digit; the runs are
    found through the sums from the first cell (a run is the difference of two of them), in linear time.
    ``line``: the amounts of the total's line, in units, made positive."""
    units = [int((v.value / unit).to_integral_value()) for v in summed if isinstance(v, Amount)]
    want = abs(int((diff / unit).to_integral_value()))
    near = range(-2, 3)
    if any(abs(want - 2 * abs(x)) <= 2 for x in units):
        return True
    if any(want + d in line for d in near):
        return True
    first: dict[int, list[int]] = {0: [0]}  # a sum from the first cell -> the cells it stops before
    total = 0
    for b, x in enumerate(units):
        total += x
        for sign in (1, -1):
            for d in near:
                for a in first.get(total - sign * want + d, []):
                    if not (a == 0 and b == len(units) - 1):  # not the whole range
                        return True
        first.setdefault(total, []).append(b + 1)
    return False


def check_table(table: Table) -> list[Finding]:
    """:func:`check_rows` for a model ``Table``."""
    rows = table.rows
    texts = [[ss[0].text if len(ss := cell.sentences) == 1 else " ".join(s.text for s in ss) for cell in row] for row in rows]
    return check_rows(texts, [[cell.colspan or 1 for cell in row] for row in rows],
                      [[cell.rowspan or 1 for cell in row] for row in rows], [bool(row) and all(c.header for c in row) for row in rows])


def mark_table(table: Table) -> int:
    """Put the findings of :func:`check_table` on the table's cells (a cell's own doubt stays) and on the
    table when it has none; returns how many cells were marked."""
    found = check_table(table)
    rows = table.rows
    marked = 0
    for f in found:
        for r, i in [f.total, *f.summed]:
            cell = rows[r][i]
            if cell.doubt is None:
                cell.doubt = SUMS
                marked += 1
            if cell.note is None:
                cell.note = f.note
    if found and table.doubt is None:
        table.doubt = SUMS
    return marked


def mark_document(doc: Document) -> int:
    """Check every table of ``doc`` (see the module's docstring); returns how many cells were marked."""
    from .._gc import gc_paused
    from ..model import Table
    from ..model.walk import iter_blocks

    tables = [b for _s, b in iter_blocks(doc) if isinstance(b, Table)]
    if not tables:
        return 0
    with gc_paused():  # short-lived numbers and lists only: a collection would walk the whole document for nothing
        return sum(mark_table(b) for b in tables)
