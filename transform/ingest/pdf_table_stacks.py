"""Rows drawn without rules inside one ruled grid row: cut at the printed lines.

A budget statement rules its groups only (a section, its lines, a sub-total): inside one grid
row the label cell lists several labels and the amount cells list their amounts, one printed
line each. Three ways to cut such a row, tried in this order:

* **lines that line up**: every cell of several lines lines up with the lines of the longest
  list of amounts (amounts under "6 mois", "1 an"): one row per amount line; a cell whose lines
  do not line up (a paragraph beside them) spans them;
* **a column of labels**: one cell of words lists more lines than the amounts (a section title,
  a fund's name over its lines, a line without an amount, a label wrapped over two lines):
  the printed lines of the row are grouped, a line closer to the one above it than 3/4 of the
  amounts' line pitch going on the row above (a wrapped label) unless the label lines are all set
  at one pitch, 1.5 sizes apart at least, and the line above left room for its first word (a statement's rows without amounts,
  set at the pitch of the rows with them:
  `Produits des participations et des prêts` over `Produits des valeurs mobilières ... 18,36`),
  every other line of the label cell opening a row; each amount goes to the row whose lines hold its baseline. Only when the
  row has a single such column of labels, every row opens on a label and no two amounts of one
  cell fall in one row: a paragraph beside the amounts, or amounts without labels, leave the
  row whole.

* **a column of entries**: the label cell with the most item marks lists entries, each opening on an item mark
  (``1) -``, ``أ) -``, ``- - -``: a tariff's products and their sub-items), three at least, the
  first line opening one; an amount beside them, the other cells' lines (a unit, ``كذلك``) each
  in one entry, no two amounts of one cell in one, and some cell beside them set over two entries
  at least: one row per entry. Only when the two ways above found nothing.

* **labels broken on purpose**: every filled cell of the row lists the same number of lines on
  the same baselines, no amount among them, and no line but the last is a wrap: the next line's
  first word would have fitted after it within the column's widest line (a balance sheet's
  `Comptes de régularisation (III)` over `Écarts de conversion actif (IV)`, beside the liabilities'
  pair, in one ruled box): one row per line. Only when the ways above found nothing.

* **a label cell broken on purpose beside single amounts**: one cell lists several label lines at
  one pitch (1.5 sizes apart at least), no amount among them, each line but the last leaving room for the next one's first
  word; every other filled cell holds one amount on one of those lines (a statement's
  `Charges d'intérêts  150 869,90` over three lines without amounts): one row per label line. Only
  when no other cell of the row lists several lines.

A word standing where an amount would, in a column of amounts (``للتذكرة``, "for the record", the
budget's word for an account with no sum this year; ``néant``), counts as an amount in the ways
above: the column lists amounts in two rows at least, none of its lines but one-word ones and
amounts (a header of several words at most), and the word stands on two lines of it at least (a
set term, not a label wrapped one word a line: ``Sucre`` over ``granulé``).

A note printed in small type under a row, inside the frame (``(*) chiffres de 2023.`` under
the last town of a rates table, in its label cell), is a row of its own: its lines open on a
note mark, are set at most 0.7 x the row's size, and no other cell of the row goes down to them.
"""

from __future__ import annotations

import re

from .pdf_table_cells import Glyphs, GridCell, table_direction
from .pdf_table_spans import SAME_LINE, is_amount, lines_of

WRAPPED = 0.75  # x the amounts' line pitch: a label line closer than this to the line above wraps it

SMALL = 0.7  # x the row's size: a note's type
PITCH_SPREAD = 1.2  # label lines at one pitch: their widest step over their narrowest at most
ROW_PITCH = 1.5  # x the size: label lines at least this far apart are rows with room between them, not a wrapped label
# an entry's item mark, in text-page order (right to left, pdfium gives `1(` and `أ(` for `1)` and
# `أ)`): a number or one letter and a bracket or a full stop, or a dash
ENTRY = re.compile(r"^\s*(?:\(?(?:\d{1,2}\s*[().]|[A-Za-z\u0621-\u064A]\s*[()])|[-–—•]\s)")
MIN_ENTRIES = 3  # entries in the row
# a group's outline number opening a line (``3.5-``; pdfium gives ``-3.5`` right to left)
OUTLINE = re.compile(r"^\s*(?:-\s*\d{1,2}(?:\.\d{1,2})+\s*(?=[^\W\d_])|\d{1,2}(?:\.\d{1,2})+\s*-)")
NOTE_MARK = re.compile(r"^\s*(?:\(\*{1,3}\)|\*{1,3}|\(\d{1,2}\)|\d{1,2}\))")

Lines = list[tuple[float, list[int]]]
VALUE_WORD = re.compile(r"^[^\W\d_]{2,}\.?$")  # one word of letters: a value in a column of amounts


def _amounts(ls: Lines, glyphs: Glyphs, words: frozenset[int] = frozenset()) -> bool:
    """Every line an amount (or a word standing for one: ``words``, first members of such lines)."""
    return all(m[0] in words or is_amount(glyphs.plain(m)) for _, m in ls)


def _value_words(cells: list[GridCell], glyphs: Glyphs) -> frozenset[int]:
    """The first members of the one-word lines standing in a column of amounts (module note)."""
    columns: dict[int, list[list[int]]] = {}
    for c in cells:
        if c.colspan == 1 and c.members:
            columns.setdefault(c.col, []).extend(m for _, m in lines_of(c, glyphs))
    words: set[int] = set()
    for lines in columns.values():
        amounts, other = 0, 0
        found: dict[str, list[int]] = {}
        for m in lines:
            text = glyphs.plain(m).strip()
            if is_amount(text):
                amounts += 1
            elif VALUE_WORD.match(text):
                found.setdefault(text, []).append(m[0])
            elif text:
                other += 1
        if amounts >= 2 and other <= 1:
            words.update(j for same in found.values() if len(same) >= 2 for j in same)
    return frozenset(words)


def _aligned_rows(multi: list[tuple[GridCell, Lines]], glyphs: Glyphs,
                  words: frozenset[int] = frozenset()) -> tuple[list[float], float, bool] | None:
    """The amount lines a row is cut at, their tolerance, and whether every cell of several
    lines lines up with them, one line to a row (else those that do not span the new rows)."""
    numbers = [ls for _, ls in multi if _amounts(ls, glyphs, words)]
    bases = [b for b, _ in max(numbers, key=len)]  # the lines of the longest list of numbers
    tol = 0.4 * min(b - a for a, b in zip(bases, bases[1:], strict=False))
    aligned = [ls for _, ls in multi if all(any(abs(b - x) <= tol for x in bases) for b, _ in ls)]
    if len(aligned) < 2:
        return None
    one_each = all(len({min(range(len(bases)), key=lambda i, b=b: abs(bases[i] - b)) for b, _ in ls}) == len(ls) for ls in aligned)
    return bases, tol, len(aligned) == len(multi) and one_each


def _label_rows(stacks: list[tuple[GridCell, Lines]], cells: list[GridCell], glyphs: Glyphs,
                words: frozenset[int] = frozenset()) -> list[float] | None:
    """The first baselines of the rows a column of labels makes (see the module note), or None."""
    amount_lists = [ls for _, ls in stacks if len(ls) >= 2 and _amounts(ls, glyphs, words)]
    labels = [(c, ls) for c, ls in stacks if len(ls) >= 2 and not _amounts(ls, glyphs, words)]
    if not amount_lists or len(labels) != 1:
        return None
    pitch = min(b - a for ls in amount_lists for (a, _), (b, _) in zip(ls, ls[1:], strict=False))
    label_cell, label_lines = labels[0]
    label_bases = [b for b, _ in label_lines]
    if len(label_bases) <= max(len(ls) for ls in amount_lists):
        return None
    marks = sorted({b for _, ls in stacks for b, _ in ls})
    starts: list[float] = []
    prev = None
    # wraps and rows mixed show two pitches: then the pitch alone tells; at one pitch, so does the room left
    edge = _column_edge(label_cell, cells, glyphs) if _one_pitch(label_lines, glyphs) else None
    for b in marks:
        if prev is not None and b - prev < WRAPPED * pitch and (edge is None or not _broken(label_lines, prev, b, edge, glyphs)) \
                and not _opens_row(stacks, label_cell, label_lines, b, glyphs):
            prev = b
            continue  # the label above wrapped onto this line
        if not any(abs(b - x) <= SAME_LINE for x in label_bases):
            return None  # a row would open without its label
        starts.append(b)
        prev = b
    for _, ls in stacks:
        if _amounts(ls, glyphs, words):
            rows = [_row_at(starts, b) for b, _ in ls]
            if len(set(rows)) != len(rows):
                return None  # two amounts of one cell in one row: the grouping is wrong
    return starts if len(starts) >= 2 else None


def _opens_row(stacks: list[tuple[GridCell, Lines]], label_cell: GridCell, label: Lines, b: float, glyphs: Glyphs) -> bool:
    """Does the label line at ``b`` open a row though it is close to the line above? Yes when it
    opens on a group's outline number (``3.5-``: a title, never a label's wrapped end), or when the
    label line above it is such a title standing alone (no other cell's line beside it: a group's
    title holds no wrapped label, the line under it is the group's first account)."""
    def title(x: float) -> bool:
        line = [m for y, m in label if abs(y - x) <= SAME_LINE]
        return bool(line) and OUTLINE.match(glyphs.plain(line[0])) is not None

    if title(b):
        return True
    above = [y for y, _ in label if y < b - SAME_LINE]
    if not above or not title(above[-1]):
        return False
    return not any(abs(x - above[-1]) <= SAME_LINE for c, ls in stacks if c is not label_cell for x, _ in ls)


def _one_pitch(ls: Lines, glyphs: Glyphs) -> bool:
    """Lines set at one pitch, as rows with room between them: their widest step at most
    :data:`PITCH_SPREAD` x their narrowest, which is at least :data:`ROW_PITCH` x their size (the
    lines of a wrapped label are set closer)."""
    steps = [b - a for (a, _), (b, _) in zip(ls, ls[1:], strict=False)]
    size = max(_size(ls, i, glyphs) for i in range(len(ls))) if ls else 0.0
    return bool(steps) and size > 0 and max(steps) <= PITCH_SPREAD * min(steps) and min(steps) >= ROW_PITCH * size


def _broken(label: Lines, above: float, b: float, edge: tuple[float, bool], glyphs: Glyphs) -> bool:
    """The label line at ``above`` left room for the first word of the label line at ``b``: broken on
    purpose, not wrapped (a statement's rows without amounts set at the pitch of the rows with them)."""
    first = [m for x, m in label if abs(x - above) <= SAME_LINE]
    second = [m for x, m in label if abs(x - b) <= SAME_LINE]
    return bool(first and second) and bool(_room_after(first[0], second[0], edge[0], edge[1], glyphs))


def _entry_rows(stacks: list[tuple[GridCell, Lines]], glyphs: Glyphs) -> list[float] | None:
    """The first baselines of the entries a column of labels lists, each opening on an item mark
    (see the module note), or None."""
    labels = [ls for _, ls in stacks if len(ls) >= 2 and not _amounts(ls, glyphs)]
    if not labels:
        return None
    marks = [[bool(ENTRY.match(glyphs.plain(m))) for _, m in ls] for ls in labels]
    k = max(range(len(labels)), key=lambda i: (sum(marks[i]), len(labels[i])))
    ls, opens = labels[k], marks[k]  # the cell with the most item marks
    if not opens[0] or sum(opens) < MIN_ENTRIES:
        return None
    starts = [b for (b, _), o in zip(ls, opens, strict=True) if o]
    end = ls[-1][0] + SAME_LINE
    for _, other in stacks:
        if other is ls:
            continue
        if any(b < starts[0] - SAME_LINE or b > end for b, _ in other):
            return None  # a line of another cell beside no entry
        rows = [_row_at(starts, b) for b, m in other if is_amount(glyphs.plain(m))]
        if len(set(rows)) != len(rows):
            return None  # two amounts of one cell in one entry: the entries are not the rows
    if not any(is_amount(glyphs.plain(m)) for _, other in stacks if other is not ls for _, m in other):
        return None  # no amount beside the entries (dot leaders are none)
    if not any(len({_row_at(starts, b) for b, _ in other}) >= 2 for _, other in stacks if other is not ls):
        return None  # nothing beside the entries is set entry by entry
    return starts


def _short_rows(stacks: list[tuple[GridCell, Lines]], cells: list[GridCell], glyphs: Glyphs) -> list[float] | None:
    """The lines of a row of labels broken on purpose (module note), or None: every filled cell
    holds the same number of lines (two or more), on the same baselines, no amount among them, and
    every line but the last leaves room at its end for the next line's first word: within the
    column's widest line, so a wrap would have taken it."""
    filled = [(c, ls) for c, ls in stacks if ls]
    if len(filled) < 2 or any(len(ls) != len(filled[0][1]) or len(ls) < 2 for _, ls in filled):
        return None
    bases = [b for b, _ in filled[0][1]]
    for c, ls in filled:
        if any(abs(b - x) > SAME_LINE for (b, _), x in zip(ls, bases, strict=True)) or any(
                is_amount(glyphs.plain(m)) for _, m in ls):
            return None
        edge, rtl = _column_edge(c, cells, glyphs)
        for (_, m), (_, nxt) in zip(ls, ls[1:], strict=False):
            room = _room_after(m, nxt, edge, rtl, glyphs)
            if room is None or not room:
                return None
    return bases


def _column_edge(c: GridCell, cells: list[GridCell], glyphs: Glyphs) -> tuple[float, bool]:
    """Where the widest line of the cell's column ends (starts, right to left), and the direction."""
    column = [j for d in cells if d.col == c.col and d.colspan == c.colspan for j in d.members if not glyphs.ch[j].isspace()]
    rtl = table_direction(glyphs, c.members)
    return (min(glyphs.x0[j] for j in column) if rtl else max(glyphs.x1[j] for j in column)), rtl


def _room_after(m: list[int], nxt: list[int], edge: float, rtl: bool, glyphs: Glyphs) -> bool | None:
    """Whether line ``m`` leaves room before the column's ``edge`` for the first word of line ``nxt``
    and a space (a wrap would have taken it: the line was broken on purpose); None when either line
    is empty."""
    ink = [j for j in m if not glyphs.ch[j].isspace()]
    text = glyphs.plain(nxt).split()
    if not ink or not text:
        return None
    lo, hi = min(glyphs.x0[j] for j in ink), max(glyphs.x1[j] for j in ink)
    per_char = (hi - lo) / max(1, len(glyphs.plain(m)))
    need = (len(text[0]) + 1) * per_char  # the next line's first word and a space
    return (lo - edge if rtl else edge - hi) >= need


def _broken_labels(stacks: list[tuple[GridCell, Lines]], labels: tuple[GridCell, Lines], cells: list[GridCell],
                   glyphs: Glyphs) -> list[float] | None:
    """The lines of a label cell broken on purpose beside amounts of one line each (module note), or
    None: no amount among the labels, every other filled cell one amount on a label's line, the label
    lines at one pitch, each but the last leaving room for the next one's first word."""
    cell, label = labels
    others = [ls for c, ls in stacks if c is not cell and ls]
    if not others or any(is_amount(glyphs.plain(m)) for _, m in label) or not all(_amounts(ls, glyphs) for ls in others):
        return None
    bases = [b for b, _ in label]
    if any(not any(abs(b - x) <= SAME_LINE for x in bases) for ls in others for b, _ in ls):
        return None  # an amount beside no label line
    if not _one_pitch(label, glyphs):
        return None  # lines at several pitches: wraps and rows mixed
    edge, rtl = _column_edge(cell, cells, glyphs)
    if not all(_room_after(m, nxt, edge, rtl, glyphs) for (_, m), (_, nxt) in zip(label, label[1:], strict=False)):
        return None
    return bases


def _opened_rows(stacks: list[tuple[GridCell, Lines]], labels: tuple[GridCell, Lines], glyphs: Glyphs) -> list[float] | None:
    """The lines of the one cell of several lines in a row when each but the first opens a row
    (:func:`_opens_row`: a group's title over its first account, the account's code and amount on
    the account's line), every other cell's lines on its lines, some below the first; else None."""
    cell, label = labels
    bases = [b for b, _ in label]
    others = [b for c, ls in stacks if c is not cell for b, _ in ls]
    if not others or any(not any(abs(b - x) <= SAME_LINE for x in bases) for b in others):
        return None
    if not any(b > bases[0] + SAME_LINE for b in others):
        return None
    if not all(_opens_row(stacks, cell, label, b, glyphs) for b in bases[1:]):
        return None
    return bases


def _size(ls: Lines, i: int, glyphs: Glyphs) -> float:
    return glyphs.lines[glyphs.line[ls[i][1][0]]].size or 0.0


def _note_row(stacks: list[tuple[GridCell, Lines]], glyphs: Glyphs) -> list[float] | None:
    """The row's first baseline and its note's, when a note in small type closes the row (module
    note), or None."""
    multi = [ls for _, ls in stacks if len(ls) >= 2]
    if len(multi) != 1 or len(stacks) < 2:
        return None
    ls = multi[0]
    size, first = _size(ls, 0, glyphs), ls[0][0]
    if size <= 0 or not NOTE_MARK.match(glyphs.plain(ls[1][1])) \
            or any(_size(ls, i, glyphs) > SMALL * size for i in range(1, len(ls))):
        return None
    if any(b > first + SAME_LINE for _, other in stacks if other is not ls for b, _ in other):
        return None
    return [first, ls[1][0]]


def _row_at(starts: list[float], b: float) -> int:
    """The row (index into ``starts``) whose lines hold baseline ``b``."""
    k = 0
    for i, s in enumerate(starts):
        if s <= b + SAME_LINE:
            k = i
    return k


def stacked_rows(cells: list[GridCell], nrows: int, glyphs: Glyphs) -> tuple[list[GridCell], int]:
    """Grid rows cut at their printed lines where they hold lists of amounts or close on a
    note (module note)."""
    plans: dict[int, tuple[list[float], float | None]] = {}  # row -> (row lines, tolerance or None for groups)
    words = _value_words(cells, glyphs) if any(len(lines_of(c, glyphs)) >= 2 for c in cells if c.members) else frozenset()
    for r in range(nrows):
        stacks = [(c, lines_of(c, glyphs)) for c in cells if c.row == r and c.rowspan == 1 and c.members]
        multi = [(c, ls) for c, ls in stacks if len(ls) >= 2]
        note = _note_row(stacks, glyphs)
        if note is not None:
            plans[r] = (note, None)
            continue
        if len(multi) < 2 or not any(_amounts(ls, glyphs, words) for _, ls in multi):
            starts = _entry_rows(stacks, glyphs) if multi else None
            if starts is None and len(multi) >= 2:
                starts = _short_rows(stacks, cells, glyphs)
            elif starts is None and len(multi) == 1:
                starts = _broken_labels(stacks, multi[0], cells, glyphs) or _opened_rows(stacks, multi[0], glyphs)
            if starts is not None:
                plans[r] = (starts, None)
            continue
        found = _aligned_rows(multi, glyphs, words)
        if found is not None and found[2]:
            plans[r] = (found[0], found[1])
            continue
        starts = _label_rows(stacks, cells, glyphs, words)
        if starts is not None:
            plans[r] = (starts, None)
        elif found is not None:
            plans[r] = (found[0], found[1])
        else:
            starts = _entry_rows(stacks, glyphs)
            if starts is not None:
                plans[r] = (starts, None)
    if not plans:
        return cells, nrows
    offset, k = [], 0
    for r in range(nrows):
        offset.append(k)
        k += len(plans[r][0]) if r in plans else 1
    out: list[GridCell] = []
    for c in cells:
        plan = plans.get(c.row)
        if plan is None or c.rowspan != 1:
            span = sum(len(plans[x][0]) if x in plans else 1 for x in range(c.row, c.row + c.rowspan))
            out.append(GridCell(offset[c.row], c.col, c.members, colspan=c.colspan, rowspan=span))
            continue
        bases, tol = plan
        ls = lines_of(c, glyphs)
        if tol is None:
            near = [_row_at(bases, b) for b, _ in ls]
            fits = bool(ls)
        else:
            near = [min(range(len(bases)), key=lambda i, b=b: abs(bases[i] - b)) for b, _ in ls]
            fits = bool(ls) and all(abs(bases[i] - b) <= tol for i, (b, _) in zip(near, ls, strict=True)) \
                and len(set(near)) == len(near)
        if fits or not c.members:  # an empty cell: one per row, so that the columns stay in place
            for i in range(len(bases)):  # one cell per row, empty where the column has no line
                members = [j for n, (_, m) in zip(near, ls, strict=True) if n == i for j in m]
                out.append(GridCell(offset[c.row] + i, c.col, members, colspan=c.colspan))
        else:  # a paragraph beside the stacked lines
            out.append(GridCell(offset[c.row], c.col, c.members, colspan=c.colspan, rowspan=len(bases)))
    return out, k
