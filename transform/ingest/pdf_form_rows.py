"""A bilingual form's row: a label in one script, a dotted blank, the same label in the other script.

A bilingual model (BO 7262 p. 20's buyer's card) prints its fields as rows without rules: the French
label on the left, a dotted blank in the middle, the Arabic label on the right
(``Type ......... نوعه``). pdfium gives such a line as one, and its direction was taken from the
letters' count: Arabic letters as many as the Latin ones made it right to left
(``نوعه ......... Type``), the French label read last.

Two facts tell the row from an Arabic line with a Latin run inside:

* **the parts' columns**: the Latin letters all stand left of a dotted blank and the Arabic letters all
  right of it (or the other way round), each label a run of one script, the blank between them a run of
  dots or ellipses wider than a few type sizes;
* **the page's direction**: a page whose Latin letters outnumber its Arabic ones is read left to right,
  so its row opens with its left label; an Arabic page's row opens with its right one (its own direction).

:func:`read_row` reads such a row (each label in its script's direction, the row in the page's), None for
any other line; :func:`is_form_row` tells a row from its logical text (the paragraph grouping ends a paragraph at
each row: a form's rows are its fields, one paragraph each).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .bidi_chars import ARABIC_LETTER, LATIN_LETTER

if TYPE_CHECKING:
    from .base import TextLine
    from .pdf_block_group import _Group

Box = Callable[[int], tuple[float, float]]

# a dotted blank: five dots or more (spaces between them allowed), or two ellipses or more
_BLANK = re.compile(r"[.…][.…\s]*[.…]")
_ARABIC_CHAR = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_WORD = re.compile("[A-Za-zÀ-ÿ]{3,}")  # a French label holds a word of three letters or more
MIN_BLANK = 3.0  # type sizes: the blank's least width
SIDE_WORDS = 4  # words of a label printed beside a row, before it
NEAR = 2  # groups: how near a heading's rows stand for it to be a field's label


def is_form_row(text: str) -> bool:
    """Is the line's (logical) text a bilingual row: a one-script label, a dotted blank, a label in the other script?"""
    if ("." not in text and "…" not in text) or _ARABIC_CHAR.search(text) is None:
        return False  # most lines: no dot, or no Arabic (a French page's lines)
    blanks = [m for m in _BLANK.finditer(text) if m.group(0).count(".") >= 5 or m.group(0).count("…") >= 2]
    if len(blanks) != 1:
        return False
    left, right = text[: blanks[0].start()], text[blanks[0].end() :]
    if "." in left or "…" in left or "." in right or "…" in right:
        return False
    return _one_script(left, right) or _one_script(right, left)


def _one_script(latin: str, arabic: str) -> bool:
    """Is ``latin`` a Latin label (Latin letters, no Arabic) and ``arabic`` an Arabic one (no Latin letter)?"""
    return (LATIN_LETTER.search(latin) is not None and _ARABIC_CHAR.search(latin) is None
            and _ARABIC_CHAR.search(arabic) is not None and LATIN_LETTER.search(arabic) is None)


def _blank_span(text: str, box: Box, size: float) -> tuple[float, float] | None:
    """The x extent of the line's one dotted blank, None when it has none or several, or one narrower than
    :data:`MIN_BLANK` type sizes."""
    blanks = [m for m in _BLANK.finditer(text) if m.group(0).count(".") >= 5 or m.group(0).count("…") >= 2]
    if len(blanks) != 1:
        return None
    b = blanks[0]
    xs = [box(k) for k in range(b.start(), b.end()) if not text[k].isspace()]
    b0, b1 = min(x[0] for x in xs), max(x[1] for x in xs)
    return (b0, b1) if b1 - b0 >= MIN_BLANK * size else None


def _sides(text: str, box: Box, blank: tuple[float, float]) -> bool:
    """Do the line's Latin letters all stand on one side of its dotted blank and its Arabic letters on the other?"""
    mid = (blank[0] + blank[1]) / 2
    latin = [sum(box(m.start())) / 2 < mid for m in LATIN_LETTER.finditer(text)]
    arabic = [sum(box(m.start())) / 2 < mid for m in ARABIC_LETTER.finditer(text)]
    if not latin or not arabic:
        return False
    return (all(latin) and not any(arabic)) or (all(arabic) and not any(latin))


def page_ltr(page_text: str) -> bool:
    """Is the page read left to right: its Latin letters outnumber its Arabic ones?"""
    return len(LATIN_LETTER.findall(page_text)) > len(ARABIC_LETTER.findall(page_text))


def read_row(text: str, box: Box, size: float, ltr_page: Callable[[], bool]) -> tuple[str, bool] | None:
    """(logical text, right to left) of a bilingual form row, None when the line is no such row.

    Each label is read in its own script's direction (the Arabic one right to left, brackets and numbers
    in it as an Arabic line's), the blank kept between them, and the row opens with the label on the
    page's side: the left one when ``ltr_page()`` (asked only for a row) says the page reads left to right."""
    from .pdf_visual_order import visual_to_logical

    if _LATIN_WORD.search(text) is None:
        return None  # a Roman numeral or a letter in an Arabic line (``«X»``) is no French label
    blank = _blank_span(text, box, size)
    if blank is None or not _sides(text, box, blank):
        return None
    mid = (blank[0] + blank[1]) / 2
    parts: tuple[list[int], list[int], list[int]] = ([], [], [])
    side = -1
    for k, ch in enumerate(text):
        if ch.isspace():  # a space goes with the character before it
            if side >= 0:
                parts[side].append(k)
            continue
        x0, x1 = box(k)
        c = (x0 + x1) / 2
        side = 1 if blank[0] <= c <= blank[1] and ch in ".…" else 0 if c < mid else 2
        parts[side].append(k)
    read: list[str] = []
    for idx in parts:
        if not idx:
            continue
        while idx and text[idx[-1]].isspace():
            idx.pop()
        sub = "".join(text[k] for k in idx)
        rtl = ARABIC_LETTER.search(sub) is not None
        read.append(visual_to_logical(sub, lambda j, idx=idx: box(idx[j]), rtl=rtl, size=size).strip())
    ltr = ltr_page()
    return " ".join(read if ltr else reversed(read)), not ltr


def _with_text(line: TextLine, text: str) -> TextLine:
    from .pdf_block_group import _with_text as with_text

    return with_text(line, text)


def _page(g: _Group) -> int:
    return g.lines[0].page if g.lines else -1


def _side_label(row: TextLine, other: _Group) -> bool:
    """Is ``other`` a one-line label printed on the row's band, before its first label (left of it on a row that
    opens with its Latin label, right of it on one that opens with its Arabic label)?"""
    if len(other.lines) != 1 or other.kind not in ("paragraph", "heading") or other.lines[0].page != row.page:
        return False
    ln = other.lines[0]
    overlap = min(ln.bottom, row.bottom) - max(ln.top, row.top)
    if overlap < 0.5 * min(ln.bottom - ln.top, row.bottom - row.top) or len(ln.text.split()) > SIDE_WORDS:
        return False
    latin_first = LATIN_LETTER.match(row.text.lstrip()) is not None
    return ln.x1 < row.x0 if latin_first else ln.x0 > row.x1


def _join_side_labels(out: list[_Group], rows: list[bool]) -> tuple[list[_Group], list[bool]]:
    """A row's label printed on its band before the row (``Justificatif (1)`` left of ``Référence ......
    السند (1) مرجعه``, the heading of three rows printed on the middle one) opens that row."""
    drop: set[int] = set()
    for i, is_row in enumerate(rows):
        if not is_row:
            continue
        row = out[i].lines[0]
        for j in (i - 1, i + 1):
            if 0 <= j < len(out) and j not in drop and not rows[j] and _side_label(row, out[j]):
                row = _with_text(row, out[j].lines[0].text.strip() + " " + row.text)
                row.x0, row.x1 = min(row.x0, out[j].lines[0].x0), max(row.x1, out[j].lines[0].x1)
                out[i] = replace(out[i], lines=[row])
                drop.add(j)
                break
    if not drop:
        return out, rows
    return [g for k, g in enumerate(out) if k not in drop], [r for k, r in enumerate(rows) if k not in drop]


def split_form_rows(groups: list[_Group]) -> list[_Group]:
    """Each bilingual form row a paragraph of its own: a group holding one is cut before and after it, a row read
    as a heading (a field's bold label) is a paragraph (a blank to fill in titles nothing), and so is a heading
    set between two rows (a field's label printed on a line of its own: ``Justificatif (1)``), the nearest row
    before it and after it each at most :data:`NEAR` groups away on its page."""
    if not any(g.kind in ("paragraph", "heading") and any(is_form_row(ln.text) for ln in g.lines) for g in groups):
        return groups
    out: list[_Group] = []
    rows: list[bool] = []
    for g in groups:
        if g.kind not in ("paragraph", "heading") or not any(is_form_row(ln.text) for ln in g.lines):
            out.append(g)
            rows.append(False)
            continue
        run: list = []
        for ln in g.lines:
            if is_form_row(ln.text):
                if run:
                    out.append(replace(g, lines=run))
                    rows.append(False)
                out.append(replace(g, kind="paragraph", lines=[ln], level=0, legal=None))
                rows.append(True)
                run = []
            else:
                run.append(ln)
        if run:
            out.append(replace(g, lines=run))
            rows.append(False)
    out, rows = _join_side_labels(out, rows)
    for i, g in enumerate(out):
        if g.kind != "heading" or g.legal is not None:
            continue
        page = _page(g)
        before = any(rows[j] and _page(out[j]) == page for j in range(max(0, i - NEAR), i))
        after = any(rows[j] and _page(out[j]) == page for j in range(i + 1, min(len(out), i + 1 + NEAR)))
        if before and after:
            g.kind, g.level = "paragraph", 0
    return out
