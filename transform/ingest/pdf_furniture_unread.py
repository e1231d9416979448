"""Running lines of a few pages or that OCR cannot read (split from :mod:`pdf_furniture`).

* a running line OCR cannot read at all (a calligraphed letterhead: different garbage on every page),
  found by where it stands and how unsure OCR is of it (:func:`_unread_rows`);
* a short label printed word for word at the same height on two pages in a row (``Pages`` over the
  columns of a contents list: :func:`_repeated_on_next_page`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TypeVar

from ..structure.legal import legal_heading
from .base import TextLine
from .pdf_block_kinds import ANNEX

RUN_TOP, RUN_BOTTOM = 0.08, 0.92  # running headers and footers: the page's outer 8 % (a body starts lower)
UNREAD_CONF, UNREAD_GAP = 0.7, 0.15  # an OCR'd margin line read below 0.7, and 0.15 below the page's usual line, is unread
UNREAD_HEIGHT = 0.01  # ...and comes back within 1 % of the page height
SHARE = 0.4  # odd and even pages often carry different running lines: each is on about half of the pages
L = TypeVar("L", bound=TextLine)


def _ocr_doubt(line: TextLine) -> float:
    """How much less sure OCR is of ``line`` than of a sound line (0 for a text-layer line)."""
    if hasattr(line, "baseline") or line.confidence is None:
        return 0.0
    return max(0.0, UNREAD_CONF - line.confidence)


def _unread_rows(pages: list[list[L]], heights: list[float]) -> set[int]:
    """Running lines that OCR cannot read (a calligraphed letterhead beside an emblem): garbage
    that differs on every page, so no text matches. Such a row is the outermost one of an OCR'd
    page's top or bottom 8 % (wholly inside it), read with low confidence while the page's body is
    read well, and comes back at the same height on at least 40 % of the OCR'd pages (two at least);
    there, the row at that height goes on every OCR'd page where OCR is unsure of it (0.15 under the
    page's usual line, e.g. a row of stray digits read at 0.73). A row of which OCR could read no
    piece at all (every piece under 0.7 and 0.15 under the page's usual line) goes even on one page:
    publishing it would publish garbage. Every line of the row goes (OCR cuts a letterhead into
    pieces). Returns the ids of those lines."""
    rows: dict[str, list[tuple[float, list[L], bool, bool]]] = defaultdict(list)  # centre, row, doubtful, unsure
    n_ocr = 0
    drop: set[int] = set()
    for lines, height in zip(pages, heights, strict=False):
        if not lines or hasattr(lines[0], "baseline"):
            continue  # a text-layer page (a page's lines come from one reader)
        ocr = [ln for ln in lines if ln.confidence is not None]
        if not ocr:
            continue
        n_ocr += 1
        sure = sorted(ln.confidence or 0.0 for ln in ocr)[len(ocr) // 2]
        tall = 3.0 * sorted(ln.height for ln in ocr)[len(ocr) // 2]  # a box as tall as a page is OCR's noise, no line
        for kind in ("header", "footer"):
            # lines wholly inside the outer band (a table's first row reaching into it is body)
            band = [ln for ln in ocr if ln.height <= tall and (ln.bottom < RUN_TOP * height if kind == "header" else ln.top > RUN_BOTTOM * height)]
            if not band:
                continue
            edge = min(band, key=lambda ln: ln.top) if kind == "header" else max(band, key=lambda ln: ln.bottom)
            row = [ln for ln in band if min(ln.bottom, edge.bottom) - max(ln.top, edge.top) > 0.5 * min(ln.height, edge.height)]
            low = [(ln.confidence or 0.0) < sure - UNREAD_GAP for ln in row]
            doubtful = [lo and _ocr_doubt(ln) > 0 for lo, ln in zip(low, row, strict=True)]
            if len(row) >= 2 and all(doubtful):
                drop.update(id(ln) for ln in row)  # no piece of it read: garbage on this page alone
            rows[kind].append(((edge.top + edge.bottom) / 2 / height, row, any(doubtful), any(low)))
    need = max(2, round(SHARE * n_ocr + 0.49))
    for found in rows.values():
        centres = sorted(c for c, _, doubtful, _ in found if doubtful)
        if len(centres) < need:
            continue
        mid = centres[len(centres) // 2]
        if sum(1 for c in centres if abs(c - mid) <= UNREAD_HEIGHT) >= need:
            drop.update(id(ln) for c, row, _, unsure in found if unsure and abs(c - mid) <= UNREAD_HEIGHT for ln in row)
    return drop


def _repeated_on_next_page(pages: list[list[L]], heights: list[float], top: float, bottom: float) -> set[int]:
    """A short margin line (three words at most) printed word for word at the same height on two pages
    in a row (a column label over a contents list, ``Pages``): a running line of a few pages, too few
    for the share above.
    Digits count here (``الملحق رقم 1`` then ``الملحق رقم 2`` at the top of their pages are headings),
    and a legal heading never is one; nor is a label the document prints word for word in the body (outside the
    margins) of as many pages at least as it would be left out on (``Unité : DA`` over each table of a budget's
    statements: in the margin where a table starts the page, lower on the others): the text's own caption, while
    ``Pages`` over a contents list is printed once in the body, where the list starts, then atop each of its pages.
    Returns the ids of those lines."""
    drop: dict[int, tuple[str, int]] = {}  # id -> (label, page)
    before: dict[str, L] = {}
    for lines, height in zip(pages, heights, strict=False):
        here: dict[str, L] = {}
        high, low = top * height, bottom * height
        for ln in lines:
            if (ln.top < high or ln.bottom > low) and len(ln.text) <= 40:
                text = " ".join(ln.text.casefold().split())
                # a label, not a formula's sentence nor a signatory's name (``AZZEDDINE El MIDAOUI.``) that each order repeats
                if sum(c.isalpha() for c in text) >= 3 and len(text.split()) <= 3 and not text.endswith((".", ":", ";", "،", "؛")):
                    here[text] = ln
        for text, ln in here.items():
            prev = before.get(text)
            if prev is not None and abs(prev.top - ln.top) <= 3.0 and not legal_heading(ln.text) and not ANNEX.match(ln.text.strip()):
                drop[id(prev)], drop[id(ln)] = (text, prev.page), (text, ln.page)
        before = here
    if not drop:
        return set()  # most documents: no label to look for in the body
    margin: dict[str, set[int]] = defaultdict(set)
    for text, page in drop.values():
        margin[text].add(page)
    body = _body_labels(pages, heights, top, bottom, set(margin))
    return {i for i, (text, _) in drop.items() if len(body.get(text, ())) < len(margin[text])}


def _body_labels(pages: list[list[L]], heights: list[float], top: float, bottom: float, labels: set[str]) -> dict[str, set[int]]:
    """The pages (indexes) that print each of ``labels`` (case folded, spaces made single) in their body, outside the margins."""
    longest = max(len(t) for t in labels)
    found: dict[str, set[int]] = defaultdict(set)
    for p, (lines, height) in enumerate(zip(pages, heights, strict=False)):
        high, low = top * height, bottom * height
        for ln in lines:
            if high <= ln.top and ln.bottom <= low and len(ln.text) <= longest + 8:
                text = " ".join(ln.text.casefold().split())
                if text in labels:
                    found[text].add(p)
    return found
