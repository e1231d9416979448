"""Table cells carry their own doubt (``Cell.doubt``; issue 17), and their table with them.

A wrong number in a cell reaches braille, speech and Darija as if sound unless the cell says so. Three
sources, none of which changes any text:

* :func:`mark_amounts`: an OCR'd table's amount left in a shape no amount has (below);
* :func:`from_lines`: an OCR'd table's cells cut from a line the page's reading left in doubt
  (``digits_disagree``, ``ocr_low_confidence``), whose doubt was lost with the line;
* :func:`layer_cells`: a text-layer table on a page whose digits the cross-check corrected (it
  corrects lines, not the cells made before it).

:func:`rate_cells` gives an OCR'd cell its lines' word confidence (``Cell.confidence``). A total that does
not add up is a fourth source, on every path (:mod:`transform.ingest.table_sums`).

:func:`table_doubt` gives a table its cells' doubt; :func:`doubtful_cells` and :func:`cells_note` name
the cells (row, column, text) for the CLI, the quality report and the review page.

In a ruled table of French amounts (``21 928,38€``: groups of three digits after the first, a decimal
comma and two digits), every amount cell the page's reading and its repairs (:mod:`amount_cells`,
:mod:`latin_numbers`, :mod:`table_percent`) left in a shape no amount has is a misreading the reader
could not settle: Putanges' sewerage budget prints ``21 928,38€`` under a pen stroke, read
``27 928/382``. Nothing writes such a cell (its text is left as read); it is marked
``amount_malformed``, and the table holding it is doubtful too (:func:`table_doubt`), so the review
page, the quality report and the Darija gates send it to a person with the cell named. (Its cell's crops are
then read again, :mod:`amount_retry`, and a reading its column's total adds up with to the cent is taken once
the document is read, :mod:`transform.ingest.amount_vouch`: Putanges' cell now reads ``21 928,38€``.)

A cell counts only in a table with at least MIN_AMOUNTS well-formed amounts, when it holds nothing
but digits, spaces and the marks of an amount (``, . / €``), at least MIN_DIGITS digits, a mark or
space (a bare run of digits is a code or a year), and is written as no number is: neither digits
grouped by three (``1 669``, ``26 292 000``) nor plain (``1550,00``), with or without a decimal part,
nor a date, a range of years or a dotted code (``1.2.1.1.0.01.000``). Every cell of the hand-checked
truth of the corpus passes (none is marked).
No tesseract call: the text and the table's other cells decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from .confidence import DIGITS, rate

if TYPE_CHECKING:
    from ..ingest.base import TextLine

MALFORMED = "amount_malformed"
MIN_AMOUNTS = 3  # well-formed amounts that make a table one of amounts
MIN_DIGITS = 4  # digits a cell holds at least to be read as an amount (``0,00`` and ``20,00`` are well formed anyway)
_WELL = re.compile(r"-?\d{1,3}(?: \d{3})*,\d\d ?€?")  # a French amount of a table of amounts
# any number written as numbers are: grouped by three (space or point) or not, a decimal part or not
_NUMBER = re.compile(r"-?(?:\d{1,3}(?:[ .]\d{3})+|\d+)(?:[.,]\d+)? ?€?")
_AMOUNT_LIKE = re.compile(r"[\d .,/€]*\d[\d .,/€]*")
_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4} ?/ ?\d{2,4}|\d{1,2}/\d{4}")
_MARKS = " |¦[]"  # a rule's strokes read as characters (tables_read._clean)
_RUN = re.compile(r"\d+")
DIGITS_READ = "digits read from the printed glyphs"  # what digits.py adds to a page report it touched
_CODE = re.compile(r"\d+(?:\.\d+){2,}")  # a budget line's code, 1.2.1.1.0.01.000


class _Cell(Protocol):
    text: str
    doubt: str | None


def malformed_amount(text: str) -> bool:
    """``text`` looks like an amount (only digits, spaces and ``, . / €``; MIN_DIGITS digits or more; a
    mark or a space) and is written as no number is (``27 928/382``, ``100 00,00€``), nor a date or a code."""
    text = text.strip()
    if not _AMOUNT_LIKE.fullmatch(text) or any(p.fullmatch(text) for p in (_NUMBER, _DATE, _CODE)):
        return False
    return sum(ch.isdigit() for ch in text) >= MIN_DIGITS and not text.isdigit()


def mark_amounts(cells: Sequence[_Cell]) -> int:
    """Mark ``amount_malformed`` the cells of a table of amounts that are amounts no one writes
    (see the module's docstring); the text is left as it is. Returns how many cells were marked."""
    if sum(1 for c in cells if _WELL.fullmatch(c.text.strip())) < MIN_AMOUNTS:
        return 0
    marked = 0
    for c in cells:
        if c.doubt is None and malformed_amount(c.text):
            c.doubt = MALFORMED
            marked += 1
    return marked


def from_lines(cells: Sequence[_Cell], lines: Sequence[TextLine], cross: float) -> int:
    """Give the cells read from a doubtful line that line's doubt: the page's reading left a line
    ``digits_disagree`` (its number re-readings disagree, :mod:`numbers`, :mod:`number_crops`) or
    ``ocr_low_confidence`` (tesseract's mean word confidence under the threshold), then cut it into the
    table's cells; without this the doubt was lost with the line. A cell takes it when its text is still
    that line's words (every word of it is one of the line's: a cell that took its own reading, read alone
    inside its rules by :mod:`tables_cells`, has left the line's reading behind), it holds a digit for
    ``digits_disagree``, and its box meets the line's over more than ``cross`` points across and half the
    line's height down. ``cells``: with a ``box`` (x0, top, x1, bottom, points)."""
    marked = 0
    for c in cells:
        box = getattr(c, "box", None)
        if c.doubt is not None or box is None or not c.text.strip():
            continue
        for ln in lines:
            if ln.doubt == DIGITS and not any(ch.isdigit() for ch in c.text):
                continue
            if _meets(box, ln, cross) and _words_of(c.text) <= _words_of(ln.text):
                c.doubt = ln.doubt
                marked += 1
                break
    return marked


def _meets(box: Sequence[float], ln: TextLine, cross: float) -> bool:
    """The cell's box meets the line over more than ``cross`` points across and half its height down."""
    tall = ln.bottom - ln.top
    return min(ln.x1, box[2]) - max(ln.x0, box[0]) > cross and min(ln.bottom, box[3]) - max(ln.top, box[1]) > 0.5 * tall


def rate_cells(cells: Sequence[_Cell], lines: Sequence[TextLine], cross: float) -> int:
    """Give each OCR'd cell the word confidence of the lines its text was read from (``Cell.confidence``, 0..1):
    the weakest of the lines whose box it meets as :func:`from_lines` asks and whose words hold every word of
    the cell. A cell that took its own reading (:mod:`tables_cells`; an empty cell's ink read alone,
    :mod:`tables_read`) and whose words no line holds is rated by that reading (``read_conf``: its weakest own
    line) and, under the one threshold (:data:`confidence.DOUBT_BELOW`), put in doubt ``ocr_low_confidence`` as
    a page line is: left unrated it reached the review page as sound whatever tesseract made of it (Sfax's
    notice: 34 word errors in such cells, none in doubt). A cell with neither is left unrated (None: not
    measured), never given a line's figure it did not come from. Returns the cells rated."""
    rated = 0
    for c in cells:
        box = getattr(c, "box", None)
        if box is None or not c.text.strip():
            continue
        words = _words_of(c.text)
        confs = [ln.confidence for ln in lines
                 if ln.confidence is not None and _meets(box, ln, cross) and words <= _words_of(ln.text)]
        if confs:
            c.confidence = round(min(confs), 3)  # type: ignore[attr-defined]
            rated += 1
        elif (own := getattr(c, "read_conf", None)) is not None:  # read on its own: its own reading's confidence
            c.confidence, doubt = rate(own, ocr=True)  # type: ignore[attr-defined]
            c.doubt = c.doubt or doubt
            rated += 1
    return rated


def layer_cells(rows: Sequence[Sequence[object]], took: Sequence[TextLine], reason: str) -> int:
    """A text-layer table on a page whose digits the cross-check (:mod:`digits`) corrected or left in doubt:
    its cells were made from the layer's characters before the check, which puts right the page's lines
    only. A cell holding a digit run that no line the table took holds after the check (the line's run was
    corrected, the cell's was not), or a run of a line left ``digits_disagree``, gets ``digits_disagree``.
    Pages the check did not touch (no DIGITS_READ in their report's ``reason``) cost nothing."""
    if DIGITS_READ not in reason:
        return 0
    runs = {m for ln in took for m in _RUN.findall(ln.text)}
    unsure = {m for ln in took if ln.doubt == DIGITS for m in _RUN.findall(ln.text)}
    marked = 0
    for row in rows:
        for cell in row:
            found = _RUN.findall(" ".join(x.text for x in getattr(cell, "sentences", [])))
            if getattr(cell, "doubt", None) is None and any(m not in runs or m in unsure for m in found):
                cell.doubt = DIGITS  # type: ignore[attr-defined]
                marked += 1
    return marked


def _words_of(text: str) -> set[str]:
    return {w.strip(_MARKS) for w in text.split()} - {""}


def table_doubt(rows: Iterable[Iterable[object]]) -> str | None:
    """The doubt a table takes from its cells: the first doubtful cell's code, None when all are sound."""
    for row in rows:
        for cell in row:
            if doubt := getattr(cell, "doubt", None):
                return str(doubt)
    return None


def doubtful_cells(rows: Sequence[Sequence[object]]) -> list[tuple[int, int, str, str]]:
    """(row, column, text, doubt) of every doubtful cell of a table's rows, 1-based; the column counts
    the grid columns the cells before it span (a merged header cell is one cell but several columns)."""
    out = []
    for r, row in enumerate(rows, 1):
        col = 1
        for cell in row:
            if doubt := getattr(cell, "doubt", None):
                text = " ".join(s.text for s in getattr(cell, "sentences", []))
                out.append((r, col, text, str(doubt)))
            col += int(getattr(cell, "colspan", 1) or 1)
    return out


def cells_note(rows: Sequence[Sequence[object]]) -> str:
    """The doubtful cells in words for logs, the CLI and the quality report:
    ``row 4, column 2: 27 928/382``, with the cell's note and second reading when it has them
    (``row 9, column 2: 2 800,00 (the column does not add up: ...)``, ``... (read also: 21 928,38€)``);
    '' when there are none."""
    said = {(r, c): (getattr(cell, "note", None), getattr(cell, "suggestion", None)) for r, c, cell in _cells(rows)}
    groups: dict[str | None, list[str]] = {}  # cells sharing a note (a total and the cells it sums) said together
    for r, c, text, _d in doubtful_cells(rows):
        note, other = said.get((r, c), (None, None))
        groups.setdefault(note, []).append(f"row {r}, column {c}: {text}" + (f" (read also: {other})" if other else ""))
    return "; ".join("; ".join(cells) + (f" ({note})" if note else "") for note, cells in groups.items())


def _cells(rows: Sequence[Sequence[object]]) -> Iterable[tuple[int, int, object]]:
    """(row, column, cell) of every cell, 1-based, columns counted as :func:`doubtful_cells` counts them."""
    for r, row in enumerate(rows, 1):
        col = 1
        for cell in row:
            yield r, col, cell
            col += int(getattr(cell, "colspan", 1) or 1)
