"""Word spaces a producer left out of an Arabic line, put back from the glyphs' positions
(and letters an /ActualText span swapped put back first, see :mod:`pdf_letter_order`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .bidi_chars import ARABIC_WORD, NATIVE, VOWEL_MARKS
from .pdf_letter_order import Box, digit_spaces, reorder, spaces_at

if TYPE_CHECKING:
    from .pdf_bidi import WordOrderProbe


# Word spaces some producers leave out (a Bulletin officiel set in Sakkal Majalla: `الماليةرقم`,
# `المعطياتالعامةللتوازن`): the words are drawn apart but no space character is written, and pdfium
# makes none. Measured on the loose character boxes (the font's advance), the letters of one word
# touch (gaps under 0.01 of the type size, 0.06 at most over the corpus's Arabic PDFs), while the
# unwritten spaces are 0.08-0.17 of it (0.15 mostly) and written ones 0.06-0.3.
GLUE_GAP = 0.1  # a gap between two letters wider than this share of the type size is a word space
GLUE_RUN = re.compile("[\u0620-\u064A\u0671-\u06D3]{9,}")  # a run this long may hide two words
AFTER_WORD = frozenset("\u060C\u061B\u061F")  # Arabic comma, semicolon, question mark
GLUE_BUDGET = 4  # long runs checked per page before the page is taken as spaced right
ORDER_BUDGET = 3  # Arabic lines checked per page for swapped span letters (pdf_letter_order) before it is taken as right
_NATIVE = NATIVE  # the C loop (bidi_chars.NATIVE), None for the Python one


def _letter_gaps(text: str, box: Box, start: int, end: int) -> list[tuple[int, float]]:
    """(index, gap) for each Arabic letter of ``text[start:end]`` that follows another letter drawn
    to its right: the gap between the two glyphs (vowel marks skipped); in C when ``_bidi`` is built."""
    if _NATIVE is not None:
        return _NATIVE.letter_gaps(text, box, start, end)  # type: ignore[no-any-return]
    return _letter_gaps_py(text, box, start, end)


def _letter_gaps_py(text: str, box: Box, start: int, end: int) -> list[tuple[int, float]]:
    out: list[tuple[int, float]] = []
    prev_x0: float | None = None
    for i in range(start, end):
        ch = text[i]
        if ch in VOWEL_MARKS or ch == "\u0640":  # a mark or a kashida (which stretches its word): the gap
            if prev_x0 is not None:             # is measured from its left edge (a font may draw a mark
                prev_x0 = min(prev_x0, box(i)[0])  # code as a letter)
            continue
        if not ("\u0620" <= ch <= "\u064A" or "\u0671" <= ch <= "\u06D3"):
            # an Arabic comma, semicolon or question mark ends a word: a letter drawn a word space
            # left of it starts the next one (`والموظفين،وكذا`); any other character breaks the run
            prev_x0 = box(i)[0] if ch in AFTER_WORD else None
            continue
        x0, x1 = box(i)
        if prev_x0 is not None and x1 <= prev_x0 + 0.01:
            out.append((i, prev_x0 - x1))
        prev_x0 = x0
    return out


def glue_suspect(text: str, box: Box, size: float, probe: WordOrderProbe) -> bool:
    """Check the long Arabic runs of a line for a gap as wide as a word space (a page probe:
    a few lines, then every line once one showed it)."""
    limit = GLUE_GAP * size
    if _NATIVE is not None:
        wide = _NATIVE.long_run_gap(text, box, limit)  # the same test in one scan (None: no long run)
        if wide is None:
            return False
        probe.glue_budget -= 1
        if wide:
            probe.glued = True
        return probe.glued
    runs = list(GLUE_RUN.finditer(text))
    if not runs:
        return False
    probe.glue_budget -= 1
    if any(gap > limit for m in runs for _i, gap in _letter_gaps(text, box, m.start(), m.end())):
        probe.glued = True
    return probe.glued


def order_suspect(text: str, box: Box, size: float, probe: WordOrderProbe) -> bool:
    """Does the line hold letters an /ActualText span swapped (see :mod:`pdf_letter_order`)?
    A page probe: a few Arabic lines, then every line once one did."""
    if not ARABIC_WORD.search(text):
        return False
    probe.order_budget -= 1
    if reorder(text, box, size) is not None:
        probe.glued = True
    return probe.glued


def respace(text: str, box: Box, size: float) -> tuple[str, Box]:
    """The line with a space wherever two letters are drawn a word space apart and none was
    written, and the box function of the new text (an inserted space spans its gap); letters
    swapped by /ActualText spans are put back first, and a number written against a word
    gets its space too (:mod:`pdf_letter_order`)."""
    text, box = reorder(text, box, size) or (text, box)
    text, box = _gap_spaces(text, box, size)
    text, box = digit_spaces(text, box, size)
    return text, written_spaces(text, box)


def _letter(ch: str) -> bool:
    return "\u0620" <= ch <= "\u064A" or "\u0671" <= ch <= "\u06D3"


def written_spaces(text: str, box: Box) -> Box:
    """The box function with each written space between two Arabic letters spanning the gap between
    them. Such a producer (the one that leaves spaces out) also writes some spaces with an empty box
    inside the next letter's glyph (`الداخلية على`: the space drawn inside the ع); a reading that
    orders the line by its glyphs' positions then puts that space inside the word, or drops it
    (`الداخليةعلى`). Right to left, the letter before the space is drawn right of it."""
    fixes: dict[int, tuple[float, float]] = {}
    for i in range(1, len(text) - 1):
        if text[i] != " " or not (_letter(text[i - 1]) and _letter(text[i + 1])):
            continue
        right, left = box(i - 1)[0], box(i + 1)[1]
        if left > right:
            continue  # no gap between the letters (or a left-to-right stretch): leave the space as written
        x0, x1 = box(i)
        if left - 0.01 <= x0 and x1 <= right + 0.01:
            continue  # already in its gap
        fixes[i] = (left, right)
    if not fixes:
        return box

    def fixed(k: int) -> tuple[float, float]:
        return fixes.get(k) or box(k)

    return fixed


def cell_spaces(text: str, box: Box, size: float, line_text: str) -> tuple[str, Box]:
    """A table cell's line (its characters in text-page order) with the word spaces the line
    reading put back into the printed line ``line_text``: only when one of the cell's Arabic
    runs is not in the line as read, and only where each word the gap rule makes is a word of
    that line (a cell is read from its characters, without the line repair)."""
    if all(m.group(0) in line_text for m in ARABIC_WORD.finditer(text)):
        return text, box
    old = set(text.split())
    found = reorder(text, box, size)  # letters (or a space) an /ActualText span swapped, as the line reading did
    if found is not None and all(_in_line(m.group(0), line_text) for m in ARABIC_WORD.finditer(found[0])):
        text, box = found
        old = set(text.split())
    spaced, spaced_box = _gap_spaces(text, box, size)
    if spaced == text:
        return text, box
    if any(w not in old and w not in line_text for w in spaced.split()):
        return text, box
    return spaced, spaced_box


def _in_line(word: str, line_text: str) -> bool:
    """A cell's Arabic word is in the line as read, justification kashida aside (the line reading drops it)."""
    return word.replace("\u0640", "") in line_text.replace("\u0640", "")


def _gap_spaces(text: str, box: Box, size: float) -> tuple[str, Box]:
    """A space where two letters are drawn a word space apart and none was written; the space
    spans the gap (from the letter left of it to the one right of it)."""
    cuts = {i: (box(i)[1], box(i - 1)[0]) for i, gap in _letter_gaps(text, box, 0, len(text))
            if gap > GLUE_GAP * size and text[i - 1] != " "}
    return spaces_at(text, box, cuts)
