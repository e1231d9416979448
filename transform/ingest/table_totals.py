"""Where a table's totals are, and the lines each may sum, added up fast (issue 17, for :mod:`table_sums`).

The table is placed on a grid (colspans and rowspans counted); a line (row or column) is a total when its label
says so (:data:`_TOTAL`), a line of amounts when it holds two amounts or more and no rate, share, year or code
(:func:`_summable`); side-by-side tables are told apart (:func:`_parts`). :class:`_Ranges` lists the lines a
total may sum, in the order they are tried (since the previous total, the account its label names, the
sub-totals since the previous grand total, the last totals, what no total before it summed, everything since
the previous grand total), each with four counts (lines, amounts, lines of words or percentages, their sum):
:class:`_Column` gives them from prefix sums over the column, so that a long trial balance's ~200 sub-totals
are each tried in constant time rather than by adding the lines above them again (the Cabestany CFU report's
565 rows), and lists the lines only of the range a total is found to sum or to disagree with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .amount_forms import Amount

_DIGIT = re.compile(r"\d")
_Value = Amount | str | None  # a cell: an amount, "blank", "percent", or None (anything else)
_Range = list[int] | tuple[int, int, str]  # lines, or (first, last + 1, which of them: see _Column.lines)
_Counts = tuple[int, int, int, int]  # lines, amounts, lines of words or percentages, the amounts' sum (in units)

_SHORT = 24  # a run of lines this long or shorter is listed once for its total (shared by the columns); longer: prefix sums
MAX_LAST = 8  # a total may add the last two to this many totals before it (``TOTAL (II) = (1)+(2)+(3)+(4)``)
_TOTAL = re.compile(r"^(?:(?:sous|sub)[- ]?)?tota(?:l|ux)\b|\btotal\s+(?:g[ée]n[ée]ral|general)\b|^grand total\b|"
                    r"^(?:ال)?مجموع|^(?:ال)?إجمالي|^(?:ال)?اجمالي|\bالمجموع\b|^ensemble\b", re.IGNORECASE)
_SUB = re.compile(r"^(?:sous|sub)[- ]?total|مجموع\s+(?:فرعي|جزئي)|المجموع\s+(?:الفرعي|الجزئي)", re.IGNORECASE)
_DETAIL = re.compile(r"^(?:dont|dont\s*:|منها|من بينها)\b", re.IGNORECASE)
_NOT_SUMMED = re.compile(r"taux|%|moyen|average|rate\b|ratio|part\b|نسبة|معدل|متوسط|النسبة|année|year|\bcode\b|n°|\brang\b|السنة|رمز|رقم",
                         re.IGNORECASE)
# what each of those finds holds (its words without anchors, lower case): a table whose text has none of them is not
# searched. Each match of a pattern holds one of its words inside one cell, so the test only saves time; it is made on
# the text in lower case, which regex's case folding matches letter for letter except for İ, ı and ſ (then: searched)
_HINT = {_TOTAL: ("tota", "مجموع", "إجمالي", "اجمالي", "ensemble"), _DETAIL: ("dont", "من"),
         _NOT_SUMMED: ("taux", "%", "moyen", "average", "rate", "ratio", "part", "نسبة", "معدل", "متوسط", "النسبة", "année", "year",
                       "code", "n°", "rang", "السنة", "رمز", "رقم")}
_FOLDS = re.compile("[\u0130\u0131\u017f]")


def _hints(words: str) -> set[re.Pattern[str]]:
    """The patterns of :data:`_HINT` whose words ``words`` may hold."""
    if _FOLDS.search(words):
        return set(_HINT)
    low = words.lower()
    return {rx for rx, hint in _HINT.items() if any(w in low for w in hint)}


_CODE = re.compile(r"\d{2,}")
_CODE_IN = re.compile(r"\b(\d{2,})\b")


@dataclass
class _Grid:
    texts: list[list[str]]  # the table's rows, cell texts
    spans: list[list[int]]
    header: list[bool]  # a row of header cells
    at: list[list[tuple[int, int] | None]] = field(default_factory=list)  # grid row, column -> (row, index) of its origin
    ncols: int = 0
    may: set[re.Pattern[str]] = field(default_factory=set)  # the patterns whose words the table's text holds (_HINT)

    def finds(self, rx: re.Pattern[str], text: str) -> bool:
        return rx in self.may and rx.search(text) is not None


def _place(g: _Grid, rowspans: Sequence[Sequence[int]] | None) -> None:
    """Place each cell on the grid, colspans and rowspans counted (HTML's rule: a covered slot is skipped);
    a covered slot holds None."""
    if all(s in (0, 1) for row in g.spans for s in row) and all(d <= 1 for row in rowspans or [] for d in row):
        g.ncols = max((len(row) for row in g.spans), default=0)  # no span: each cell at its index
        g.at = [[(r, c) if c < len(row) else None for c in range(g.ncols)] for r, row in enumerate(g.spans)]
        return
    taken: dict[tuple[int, int], tuple[int, int] | None] = {}
    for r, _row in enumerate(g.texts):
        col = 0
        for i, span in enumerate(g.spans[r]):
            while (r, col) in taken:
                col += 1
            down = (rowspans[r][i] if rowspans and r < len(rowspans) and i < len(rowspans[r]) else 1) or 1
            span = span or 1
            taken[(r, col)] = (r, i)
            if down > 1 or span > 1:
                for dr in range(down):
                    for k in range(span):
                        if dr or k:
                            taken[(r + dr, col + k)] = None
            col += span
    g.ncols = 1 + max((c for _r, c in taken), default=-1)
    g.at = [[taken.get((r, c)) for c in range(g.ncols)] for r in range(len(g.texts))]


def _text(g: _Grid, r: int, c: int) -> str:
    pos = g.at[r][c]
    return g.texts[pos[0]][pos[1]] if pos else ""


def _worth(g: _Grid) -> bool:
    """A table that may hold a total: a line labelled so, or a last row or column of numbers (two or more)."""
    texts = g.texts
    if any(g.finds(_TOTAL, t.strip()) for row in texts for t in row if t):
        return True
    return sum(1 for t in texts[-1] if _DIGIT.search(t)) >= 2 or sum(1 for row in texts if row and _DIGIT.search(row[-1])) >= 2


def _parts(g: _Grid, vals: list[list[_Value]]) -> list[list[int]]:
    """Tables printed side by side in one grid (expenses left, receipts right): a column of labels after a
    column of amounts starts another table, checked on its own."""
    parts: list[list[int]] = [[]]
    seen_amounts = False
    for c in range(g.ncols):
        body = [vals[r][c] for r in range(len(vals)) if not g.header[r]]
        labels = sum(1 for v in body if v is None)
        amounts = sum(1 for v in body if isinstance(v, Amount))
        if seen_amounts and labels >= 2 and labels > amounts:
            parts.append([])
            seen_amounts = False
        seen_amounts = seen_amounts or amounts >= 2
        parts[-1].append(c)
    return parts


def _heading_row(vals: Sequence[_Value]) -> bool:
    """A row of labels: no amount in it other than years printed alone (``2023 | 2024``)."""
    return not any(isinstance(v, Amount) and not _year(v) for v in vals)


def _year(v: Amount) -> bool:
    return v.decimals == 0 and 1900 <= v.value <= 2100


def _code(first: str, name: str, total: bool) -> str:
    """A line's account code: its first cell when that is digits alone, else the number in the label of a
    total (``Sous Total compte 1022``: ``total``); '' when there is none."""
    first = first.strip()
    if _CODE.fullmatch(first):
        return first
    m = _CODE_IN.search(name) if total else None
    return m.group(1) if m else ""


def _summable(vals: Sequence[_Value], label: str, g: _Grid) -> bool:
    """A line of amounts: two amounts or more, no percentage, not only years printed alone, and a label that
    names no rate, share, average, year or code."""
    if "percent" in vals or g.finds(_NOT_SUMMED, label):
        return False
    amounts = [v for v in vals if isinstance(v, Amount)]
    return len(amounts) >= 2 and not all(_year(v) for v in amounts)


class _Column:
    """One line across (a column, for total rows) as the totals see it: its amounts in units of its finest
    precision, and prefix sums over the lines that may be summed (lines, amounts, lines of words or percentages,
    the amounts' sum) so that a run of lines is added in constant time, the same without the totals; and the
    lines the totals before were found to sum, with the same four counts over them."""

    __slots__ = ("units", "line", "keep", "is_total", "pre", "pre_nt", "covers", "summed", "got", "upto", "read")

    def __init__(self, units: list[int | None], line: list[_Value], keep: list[bool], is_total: set[int]) -> None:
        self.units, self.line, self.keep, self.is_total = units, line, keep, is_total  # line: its cells' values
        self.pre: tuple[list[int], ...] | None = None  # prefix sums, made when first asked for
        self.pre_nt: tuple[list[int], ...] | None = None  # the same without the totals
        self.covers: list[tuple[int, list[int]]] = []  # (total, the lines it was found to sum), in the totals' order
        self.summed: set[int] = set()  # the lines the covers read so far sum
        self.got = [0, 0, 0, 0]  # the four counts over those of them that may be summed
        self.upto, self.read = -1, 0

    def span(self, a: int, b: int, totals: bool = True) -> _Counts:
        """The four counts over the lines ``a`` to ``b - 1`` that may be summed (``totals``: totals included),
        from the prefix sums (made when first asked for)."""
        pre = self.pre if totals else self.pre_nt
        if pre is None:
            pre = _prefix(self.units, self.line, self.keep, set() if totals else self.is_total)
            if totals:
                self.pre = pre
            else:
                self.pre_nt = pre
        n, am, w, s = pre
        return n[b] - n[a], am[b] - am[a], w[b] - w[a], s[b] - s[a]

    def counts(self, lines: _Range) -> _Counts:
        """The four counts over a range of lines (see :meth:`lines`)."""
        return self.count(lines) if isinstance(lines, list) else self.span(lines[0], lines[1], lines[2] == "all")

    def count(self, lines: list[int]) -> _Counts:
        """The four counts over ``lines``."""
        units, line = self.units, self.line
        am = w = s = 0
        for i in lines:
            u = units[i]
            if u is None:
                w += (v := line[i]) is None or v == "percent"
            else:
                am += 1
                s += u
        return len(lines), am, w, s

    def lines(self, spec: _Range) -> list[int]:
        """The lines a range names: a list as it is; ``(a, b, what)``: the lines ``a`` to ``b - 1`` that may be
        summed, ``what`` = ``"all"``, ``"no totals"`` or ``"unsummed"`` (none the totals before were found to sum)."""
        if isinstance(spec, list):
            return spec
        a, b, what = spec
        keep = self.keep
        skip = self.is_total if what == "no totals" else self.summed if what == "unsummed" else ()
        return [i for i in range(a, b) if keep[i] and i not in skip]

    def inner(self, t: int) -> set[int]:
        """The lines the totals before ``t`` were found to sum (totals come in order: the set grows), their
        counts in ``got``."""
        if t < self.upto:  # not in order: from the start
            self.read, self.summed, self.got = 0, set(), [0, 0, 0, 0]
        covers, summed, got, keep, units, line = self.covers, self.summed, self.got, self.keep, self.units, self.line
        while self.read < len(covers) and covers[self.read][0] < t:
            for i in covers[self.read][1]:
                if i not in summed:
                    summed.add(i)
                    if keep[i]:
                        got[0] += 1
                        u = units[i]
                        if u is None:
                            got[2] += (v := line[i]) is None or v == "percent"
                        else:
                            got[1] += 1
                            got[3] += u
            self.read += 1
        self.upto = t
        return summed


def _prefix(units: list[int | None], line: list[_Value], keep: list[bool], skip: set[int]) -> tuple[list[int], ...]:
    """Prefix sums over the lines kept and not in ``skip``: lines, amounts, lines of words or percentages, sum."""
    n, am, w, s = [0], [0], [0], [0]
    cn = ca = cw = cs = 0
    for i, u in enumerate(units):
        if keep[i] and i not in skip:
            cn += 1
            if u is None:
                cw += (v := line[i]) is None or v == "percent"
            else:
                ca += 1
                cs += u
        n.append(cn)
        am.append(ca)
        w.append(cw)
        s.append(cs)
    return n, am, w, s


class _Ranges:
    """The lines a total may sum (see :meth:`of`); what depends on the total alone is worked out once for it.
    ``totals`` in order, first to last."""

    def __init__(self, totals: list[int], names: list[str], kin: list[str], excluded: set[int], n: int) -> None:
        self.totals, self.names, self.kin, self.excluded = totals, names, kin, excluded
        self.is_total = set(totals)
        self.sub = {i: bool(_SUB.search(names[i])) for i in totals}
        self.kinds = len(set(kin))
        self.keep = [i not in excluded for i in range(n)]
        self.cols: dict[int, _Column] = {}
        self._of: dict[int, tuple[int, _Range, _Range, list[int], list[list[int]]]] = {}
        # each total: (its place among the totals, the first line after the previous grand total, the sub-totals since)
        self._at: dict[int, tuple[int, int, list[int]]] = {}
        since, subs = 0, list[int]()
        for k, t in enumerate(totals):
            self._at[t] = (k, since, subs)
            if self.sub[t]:
                subs = [*subs, t]
            else:
                since, subs = t + 1, []

    def column(self, j: int, units: list[int | None], line: list[_Value]) -> _Column:
        """The line across ``j`` (``units``: its amounts in units; ``line``: its cells' values)."""
        if j not in self.cols:
            self.cols[j] = _Column(units, line, self.keep, self.is_total)
        return self.cols[j]

    def _fixed(self, t: int) -> tuple[int, _Range, _Range, list[int], list[list[int]]]:
        """(how many totals come before it, the lines since the previous total, every other line since the
        previous grand total, the run of lines of its account, the other lists of lines that do not depend on
        what other totals sum); a run of lines is listed when short, else named (:meth:`_Column.lines`)."""
        if t not in self._of:
            k, since, subs = self._at[t]
            start = (self.totals[k - 1] + 1) if k else 0
            fixed = []
            run: list[int] = []
            code = self.kin[t]
            if code and code.isdigit():  # "Sous-total compte 102": the lines above of accounts 102...
                for i in range(t - 1, -1, -1):
                    if i in self.excluded:
                        continue
                    if not self.kin[i].startswith(code):
                        break
                    run.append(i)
                run.reverse()
            elif code and self.kinds > 2:  # a total column under "Débit" adds the columns under "Débit"
                fixed.append([i for i in range(t) if i not in self.excluded and i not in self.is_total and self.kin[i] == code])
            if subs and not self.sub[t]:
                fixed.append(subs)
            first = [i for i in range(start, t) if i not in self.excluded] if t - start <= _SHORT else (start, t, "all")
            rest = ([i for i in range(since, t) if i not in self.excluded and i not in self.is_total] if t - since <= _SHORT
                    else (since, t, "no totals"))
            self._of[t] = (k, first, rest, run, fixed)
        return self._of[t]

    def of(self, t: int, col: _Column) -> Iterator[tuple[_Counts, _Range, bool | str]]:
        """The lines a total at ``t`` may sum in ``col``: the lines since the previous total; the lines of the
        accounts its label names; the sub-totals since the previous grand total; the last two, three... totals
        before it; the lines no total before it was found to sum (totals included: ``TOTAL GÉNÉRAL = (I) +
        (II)``); every other line since the previous grand total. Header and detail lines (``dont``) are left
        out. Each as its four counts (:class:`_Column`), the lines (or what names them: :meth:`_Column.lines`),
        and whether a total that agrees with none is said to disagree with it (the last totals are only a way
        to agree; ``"subs"``: even when the total has no lines of its own)."""
        k, first, rest, run, fixed = self._fixed(t)
        yield col.counts(first), first, True
        summed = col.inner(t) if run or k else set()
        if run:
            lines = [i for i in run if i not in summed]
            yield col.count(lines), lines, True
        for lines in fixed:
            yield col.count(lines), lines, ("subs" if lines and lines[0] in self.is_total else True)
        n = am = w = s = 0  # the last totals, counted one more at a time
        units, line = col.units, col.line
        for m in range(1, min(k, MAX_LAST) + 1):
            u = units[i := self.totals[k - m]]
            n += 1
            if u is None:
                w += (v := line[i]) is None or v == "percent"
            else:
                am += 1
                s += u
            if m >= 2:
                yield (n, am, w, s), self.totals[k - m:k], False
        if k:
            if t <= _SHORT:
                lines = [i for i in range(t) if self.keep[i] and i not in summed]
                yield col.count(lines), lines, True
            else:
                n, am, w, s = col.span(0, t)
                got = col.got
                yield (n - got[0], am - got[1], w - got[2], s - got[3]), (0, t, "unsummed"), True
            yield col.counts(rest), rest, True

    def cover(self, t: int, j: int, lines: list[int]) -> None:
        self.cols[j].covers.append((t, lines))
