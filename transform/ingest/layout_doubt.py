"""Doubt on layout decisions made on weak evidence: a table or a heading a reviewer should look at as such.

A word read wrong carries a doubt where the reader was unsure of its letters; a layout decision (this is a table,
this line is a heading) carried none, so a blind reader met a table made of prose or a form's line announced as a
heading with nothing to tell anyone to check it (``evaluation/layout_trust.py`` measures it). This pass reads the
blocks as the layout passes left them and puts a doubt on those whose shape says the decision was weak. It only
adds doubt; it never changes a block, and a block already in doubt keeps its own code.

* ``layout_table_thin``: a table of one column, or of one row under its header (a list, a line of labels or a
  caption boxed by rules: a table only in name, read cell by cell);
* ``layout_table_span``: a table most of whose body rows hold a filled cell over two columns (a grid with a column
  the body does not have: values paired with the wrong headers; ``doubt_table_span.py``);
* ``layout_table_prose``: a table on an OCR'd page most of whose filled cells are long prose (a page's columns of
  text, or a cover's boxes, cut into cells);
* ``layout_heading_line``: a heading that reads as a line of a form or a statement, not a title: it holds a date
  written in digits (``18/02/2025``) among several words (titles write their dates in words: ``du 26 juillet
  2021``, ``(22 مارس 2010)``), or it ends with an amount (``TOTAL DES SUBVENTIONS : 8020``: a total's row or a
  form's value; a year, an article's or an act's number, a reference ``2019/8219/11890`` are not amounts);
* ``layout_heading_run``: a page where headings hold most of the words (a form or a table read as headings, its
  labels each a heading): each of its headings. A law's page of article headings and titles, or a cover, holds
  far more words in its paragraphs.

A heading ending in a full stop was tried and left out: the Bulletin officiel's long act titles (``Décret n° ...
portant ... .``) are headings that end so (64 of the rule's 70 firings over the corpus were such titles).

After them, the cells of OCR'd tables read under 0.77 take a doubt of their own (``ocr/doubt_cells.py``).

Each rule was counted over every page of the corpus's PDFs, not only the truth pages (docs/ocr.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Heading, Table
from .doubt_table_span import spanning_body

TABLE_THIN = "layout_table_thin"
TABLE_PROSE = "layout_table_prose"
TABLE_SPAN = "layout_table_span"
HEADING_LINE = "layout_heading_line"
HEADING_RUN = "layout_heading_run"
CODES = (TABLE_THIN, TABLE_PROSE, TABLE_SPAN, HEADING_LINE, HEADING_RUN)

PROSE_WORDS = 12  # a cell of this many words or more is prose
PROSE_SHARE = 0.5  # ... and a table whose filled cells are more than this share of prose is a page cut into cells
DATE_HEADING_WORDS = 6  # a heading holding a date in digits among this many words or more is a form's line
RUN_HEADINGS = 12  # a page with this many headings or more (a form has dozens of labels; a form model of a decree,
# with its numbered parts as headings, has under a dozen)...
RUN_SHARE = 0.5  # ... holding more than this share of its words is a form read as headings

_AMOUNT = re.compile(r"(?<![/\d\w-])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d{1,2})?|\d+,\d{2}|\d{4,})\s*(?:€|DH|MAD|درهم)?\.?$")
_NUMBERED = re.compile(r"(?:\bn[°o]?|\bN[°o]?|رقم)\s*$")  # an act's or a file's number: ``n° 2414``
_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{2,4}(?![\d/])")


def _text(sentences: Iterable[Any]) -> str:
    return " ".join(s.text for s in sentences).strip()


def _cells(table: Table) -> list[str]:
    return [t for row in table.rows for c in row if (t := _text(c.sentences))]


def table_doubt(table: Table, ocr: bool) -> str | None:
    """The layout doubt of a table (module docstring), or None. Only a thin table's rows, and only an OCR'd table's
    cells, are read for their words; other tables' cells only for their spans and being empty."""
    cols = max((sum(c.colspan for c in r) for r in table.rows), default=0)
    if cols <= 1 or len(table.rows) - table.repeats_head <= 2:
        rows = [r for r in table.rows[table.repeats_head :] if any(_text(c.sentences) for c in r)]
        if rows and (cols <= 1 or (len(rows) <= 1 and not any(c.header for c in rows[0]) and len(table.rows) <= 2)):
            return TABLE_THIN
    if spanning_body(table):
        return TABLE_SPAN
    if ocr:
        cells = _cells(table)
        prose = sum(1 for t in cells if len(t.split()) >= PROSE_WORDS)
        if cells and prose > PROSE_SHARE * len(cells):
            return TABLE_PROSE
    return None


def heading_doubt(heading: Heading) -> str | None:
    """The layout doubt of a heading read alone (module docstring), or None. Its words are counted only where a
    date or an amount ends it (the text-layer path reads every heading)."""
    sents = heading.sentences
    text = sents[0].text if len(sents) == 1 else _text(sents)
    if _DATE.search(text) and len(text.split()) >= DATE_HEADING_WORDS:
        return HEADING_LINE
    m = _AMOUNT.search(text)
    if m and len(text.split()) >= 3 and not _year(m.group(1)) and not _NUMBERED.search(text[: m.start()]):
        return HEADING_LINE
    return None


def _year(digits: str) -> bool:
    """A year of the Gregorian or the Hijri calendar, as titles print them (``2024``, ``1445``)."""
    return len(digits) == 4 and digits.isdigit() and (1300 <= int(digits) <= 1500 or 1900 <= int(digits) <= 2100)


def _words(b: Any) -> int:
    if isinstance(b, Table):
        return sum(len(t.split()) for t in _cells(b))
    return sum(len(s.text.split()) for s in getattr(b, "sentences", []))


def _run(page: int, hs: list[Heading], blocks: Sequence[Any]) -> bool:
    """Do the page's headings hold more than RUN_SHARE of its words?"""
    return sum(_words(h) for h in hs) > RUN_SHARE * sum(_words(b) for b in blocks if b.page == page)


def mark_layout(blocks: Sequence[Any], ocr_pages: Iterable[int] = ()) -> Counter[str]:
    """Put the layout doubts on ``blocks`` (a document's, in reading order); how many of each code were put."""
    ocr = set(ocr_pages)
    put: Counter[str] = Counter()
    heads: dict[int | None, list[Heading]] = {}
    tables: list[Table] = []
    for b in blocks:
        if isinstance(b, Heading):
            heads.setdefault(b.page, []).append(b)
        elif isinstance(b, Table):
            tables.append(b)
    for t in tables:
        if not t.doubt and (code := table_doubt(t, t.page in ocr)):
            t.doubt = code
            put[code] += 1
    ocr_tables = [t for t in tables if t.page in ocr]
    if ocr_tables:  # an OCR'd cell read under 0.77 in doubt on its own (ocr/doubt_cells.py; text layers rate no cell)
        from ..ocr.doubt_cells import mark_weak_cells

        if n := mark_weak_cells(ocr_tables):
            put["ocr_low_confidence"] += n
    for page, hs in heads.items():
        run = page is not None and len(hs) >= RUN_HEADINGS and _run(page, hs, blocks)
        for h in hs:
            if h.doubt:
                continue
            code = heading_doubt(h) or (HEADING_RUN if run else None)
            if code:
                h.doubt = code
                put[code] += 1
    return put
