"""Logical order for text lines read from a PDF text layer.

pdfium gives a pure Arabic line in logical order, but its own bidi pass breaks lines
that mix Arabic with numbers, Latin words or brackets: numbers with spaces between
digit groups come out group-reversed (``000 000 250 1``), dates scrambled
(``/ / 2026 03 ،15``), brackets moved to the end of the line and left with the code of
their mirrored glyph (``)2027-2022(``).

The repair re-reads such a line from the geometry. The line is cut into tokens (an
Arabic word or a run of digits/Latin letters, which pdfium keeps intact and in order,
or any other single character), each token gets its x extent from the character boxes,
the tokens are sorted left to right (the visual order the renderer produced), and that
visual order is turned back into logical order: in a right-to-left line the
left-to-right runs (numbers with their separators, Latin words) keep their inner order
while the runs, the Arabic words and the neutral characters between them are reversed;
brackets outside left-to-right runs are mirrored back. Lines pdfium orders correctly
(pure Arabic, or a lone number between Arabic words) skip all of this: no per-character
query.

Everything here runs on every line, so it uses the standard ``re`` module with explicit
ranges (faster than script properties).
"""

from __future__ import annotations

import re
from typing import Any

from .bidi_chars import AR as _AR
from .bidi_chars import ARABIC_LETTER, ARABIC_WORD, LATIN_LETTER, NATIVE
from .bidi_chars import BULLETS as _BULLETS
from .bidi_chars import LTR as _LTR
from .bidi_chars import PUNCT as _PUNCT
from .pdf_clean import clean_text, hyphen_join  # noqa: F401  (read by pdf_text, pdf_blocks, pdf_table_cells)
from .pdf_form_rows import page_ltr, read_row
from .pdf_respace import GLUE_BUDGET, ORDER_BUDGET, glue_suspect, order_suspect, respace  # noqa: F401
from .pdf_visual_order import (  # noqa: F401  (fix_brackets, MIRROR... read by pdf_text, pdf_table_cells, ocr.tesseract, tests)
    BRACKET_CHARS,
    BRACKETS,
    MIRROR,
    Box,
    Token,
    digit_groups,
    fix_brackets,
    visual_to_logical,
)

# A right-to-left line needs the full geometric repair when pdfium is known to misplace something
# in it: a symbol or bracket, Latin words with spaces or punctuation between them ("Office INDH"),
# or punctuation at the edge of a number ("2026.", "،15"; not inside one: "111.14", "2,8").
NEEDS_REPAIR = re.compile(
    f"[^{_AR}{_LTR}{_PUNCT}{_BULLETS}\\s]"
    f"|[{_LTR}][{_PUNCT}](?![0-9])|(?<![0-9])[{_PUNCT}][{_LTR}]"
    f"|[A-Za-z][\\s{_PUNCT}]+[{_LTR}]|[{_LTR}][\\s{_PUNCT}]+[A-Za-z]"
)
# Numbers written with spaces between digit groups: pdfium reverses the groups ("000 000 250 1");
# only those characters need a position query.
# The last group may carry decimals (``25 500,00``): the amount is re-ordered whole.
SPACED_NUMBER = re.compile(r"[0-9]+(?: [0-9]+)+|(?<![0-9.,])[0-9]+(?:[.,][0-9]+)?(?: [0-9]+(?:[.,][0-9]+)?)+(?![.,]?[0-9])")
# Characters of a right-to-left line pdfium always orders right: Arabic, sentence punctuation,
# bullets, spaces. A line with nothing else cannot match NEEDS_REPAIR (every other branch
# needs a digit or a Latin letter) nor hold a Latin letter, so one scan settles both.
MAYBE_ARABIC = re.compile("[\u0620-\u08ff\ufb50-\ufefc]")  # two ranges holding every ARABIC_LETTER range
PLAIN_RTL = re.compile(f"[^{_AR}{_PUNCT}{_BULLETS}\\s]")

# two numbers joined by a hyphen: a line that opens on such a pair may go on the line before's sentence
HYPHEN_PAIR = re.compile("[0-9][-\u2010\u2011\u2013][0-9]")
_NATIVE = NATIVE  # _reversed_words in C (bidi_chars.NATIVE), None for the Python loop
BULLET_SET = frozenset("\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf02d")


def is_rtl_line(text: str) -> bool:
    """A line is laid out right to left when Arabic letters outnumber Latin ones."""
    if not ARABIC_LETTER.search(text):
        return False
    if not LATIN_LETTER.search(text):
        return True
    return len(ARABIC_LETTER.findall(text)) >= len(LATIN_LETTER.findall(text))


def has_strong(text: str) -> bool:
    """Does the text hold a letter that fixes a direction (Arabic or Latin)?"""
    return bool(ARABIC_LETTER.search(text) or LATIN_LETTER.search(text))


def needs_repair(text: str, rtl: bool) -> bool:
    """Does the line need the full repair (see :data:`NEEDS_REPAIR`)?"""
    if not rtl:
        return bool(ARABIC_LETTER.search(text))
    return _NATIVE.needs_repair(text) if _NATIVE is not None else bool(NEEDS_REPAIR.search(text))  # type: ignore[no-any-return]


class WordOrderProbe:
    """Per page: are Arabic words emitted in visual order (first letter leftmost)?

    The longest word of a right-to-left line is checked (two position queries) until
    :attr:`budget` lines said "in order"; a page where one line says "reversed" is checked
    on every line. Pages from producers that never do this cost three probes.
    """

    def __init__(self, budget: int = 3) -> None:
        self.budget = budget
        self.reversed_seen = False
        self.glue_budget = GLUE_BUDGET  # lines with a long Arabic run still to check for word gaps without a space
        self.glued = False  # a gap wide as a word space without a space seen on this page: every line is re-spaced
        self.order_budget = ORDER_BUDGET  # Arabic lines still to check for letters an /ActualText span swapped
        self.before: Any = None  # the line read before this one (a PdfLine: text, rtl, x0, x1), set by the page's reader
        self.right = 0.0  # the right edge of the line being read
        self.page_text = ""  # the page's text (set by the page's reader): its direction orders a bilingual form row
        self._ltr: bool | None = None

    def ltr_page(self) -> bool:
        """Is the page read left to right (:func:`pdf_form_rows.page_ltr`, counted once per page)?"""
        if self._ltr is None:
            self._ltr = page_ltr(self.page_text)
        return self._ltr

    def goes_on(self, size: float) -> bool:
        """Does the line being read go on a sentence the line before left open? That line is a wide
        right-to-left line (a paragraph's, not a cell's: 20 type sizes or more) that starts near where
        this one does and ends on an Arabic letter (no stop, colon or semicolon)."""
        prev = self.before
        if prev is None or not prev.rtl or prev.x1 - prev.x0 < 20 * size or not self.right - 3 * size <= prev.x1 <= self.right + size:
            return False
        end = prev.text.rstrip()[-1:]
        return bool(end) and ARABIC_LETTER.match(end) is not None

    def check(self, text: str, box: Box) -> bool:
        if not self.reversed_seen and self.budget <= 0:
            return False
        found = _reversed_words(text, box)
        if found:
            self.reversed_seen = True
        elif not self.reversed_seen and ARABIC_WORD.search(text):
            self.budget -= 1
        return found


def _bullet_first(text: str, box: Box) -> str:
    """pdfium puts the bullet of an Arabic list item at the end of the line; drawn rightmost, it comes first."""
    end = len(text.rstrip()) - 1
    bx0, bx1 = box(end)
    first = len(text) - len(text.lstrip())
    if bx0 >= box(first)[1] - 0.5:  # the bullet lies right of the line's first letter: it is the line's start
        return text[end] + " " + text[:end].strip()
    return text


def logical_line(
    text: str, box: Box | None, size: float, context_rtl: bool = False, rtl: bool | None = None, probe: WordOrderProbe | None = None
) -> str:
    """The logical text of one line; ``box`` is only called for lines pdfium cannot order.

    ``rtl`` is the line's direction when the caller knows it; a line without letters
    (numbers only) takes the direction of its context (``context_rtl``: the previous
    line, or the table it sits in). ``probe`` carries the word-order check across the
    lines of one page (a fresh one per call when not given).
    """
    if rtl is None:
        rtl = is_rtl_line(text) if has_strong(text) else context_rtl
    if box is None:
        return text
    if context_rtl and not rtl and len(text) > 2 and LATIN_LETTER.search(text) and not ARABIC_LETTER.search(text) and _drawn_backwards(text, box):
        # a Latin line in a right-to-left context (an Arabic table's cell) pdfium gives right to left, read apart
        # from its printed line (`Technologies PGPR -`)
        return fix_brackets(visual_to_logical(text, box, rtl=False, size=size))  # (a bracket's code is its mirrored glyph's)
    if needs_repair(text, rtl) or (rtl and (probe or WordOrderProbe()).check(text, box)):
        goes_on = rtl and probe is not None and HYPHEN_PAIR.search(text) is not None and probe.goes_on(size)
        return visual_to_logical(text, box, rtl=rtl, size=size, goes_on=goes_on)
    if rtl and " " in text and SPACED_NUMBER.search(text):
        return SPACED_NUMBER.sub(lambda m: _number_groups(m.group(0), m.start(), box, size), text)
    return text


def _drawn_backwards(text: str, box: Box) -> bool:
    """Does pdfium give this line's characters right to left (its first character drawn right of its last)?"""
    a = len(text) - len(text.lstrip())
    b = len(text.rstrip()) - 1
    return b > a and box(a)[0] > box(b)[1]


def _latin_outside_brackets(text: str) -> int:
    """Latin letters before the line's first bracket and after its last one (pdfium may give a
    mixed line's brackets swapped, so the first and the last bracket of any kind bound the rest)."""
    found = BRACKET_CHARS.search(text)
    if found is None:
        return len(LATIN_LETTER.findall(text))
    last = max(text.rfind(c) for c in "()[]{}")
    return len(LATIN_LETTER.findall(text[: found.start()])) + len(LATIN_LETTER.findall(text[last + 1 :]))


def read_line(text: str, box: Box, size: float, context_rtl: bool, probe: WordOrderProbe) -> tuple[str, bool]:
    """(logical text, right to left) of one line of a page, in as few scans of the line as possible.

    The same result as :func:`logical_line` with ``rtl=is_rtl_line(text) if has_strong(text)
    else context_rtl``, except a line of both scripts after a right-to-left line whose Latin letters
    are mostly in brackets (right to left here): a pure Arabic line (the most common kind) is
    settled by one scan, a pure French line by two.
    """
    if not text.isascii() and MAYBE_ARABIC.search(text) and ARABIC_LETTER.search(text):  # cheap tests first for French lines
        if probe.glued or (probe.glue_budget > 0 and glue_suspect(text, box, size, probe)) or (
                probe.order_budget > 0 and order_suspect(text, box, size, probe)):
            text, box = respace(text, box, size)
        if not PLAIN_RTL.search(text):  # Arabic, punctuation and spaces only: right to left, ordered by pdfium
            if probe.check(text, box):
                return visual_to_logical(text, box, rtl=True, size=size), True
            last = text.rstrip()[-1:]
            if last and last in BULLET_SET and text.lstrip()[:1] not in BULLET_SET:
                return _bullet_first(text, box), True
            return text, True
        # a line of both scripts: right to left when Arabic letters are as many as Latin ones, or (after a
        # right-to-left line) as the Latin ones outside brackets: an Arabic sentence carrying French terms
        # in brackets (`مجال التوتر المنخفض جدا (Domaine très basse tension (T.B.T))`) is an Arabic line
        if LATIN_LETTER.search(text):
            arabic, latin = len(ARABIC_LETTER.findall(text)), len(LATIN_LETTER.findall(text))
            rtl = arabic >= latin or (context_rtl and arabic >= _latin_outside_brackets(text))
            if probe.page_text and ("." in text or "\u2026" in text) and (row := read_row(text, box, size, probe.ltr_page)) is not None:
                return row  # a bilingual form's row: each label in its script's direction, the row in the page's (pdf_form_rows)
        else:
            rtl = True
        return logical_line(text, box, size, rtl=rtl, probe=probe), rtl
    if LATIN_LETTER.search(text):
        return text, False  # a left-to-right line without Arabic is already in logical order
    return logical_line(text, box, size, rtl=context_rtl, probe=probe), context_rtl


LAM_ALEF = re.compile("\u0644[\u0627\u0623\u0625\u0622]")


def _reversed_words(text: str, box: Box) -> bool:
    """Probe the longest Arabic word: some producers (Skia/Chromium) make pdfium emit words in
    visual order, first letter leftmost. Two position queries per right-to-left line."""
    if _NATIVE is not None:
        return _NATIVE.reversed_words(text, box)  # type: ignore[no-any-return]
    return _reversed_words_py(text, box)


def _reversed_words_py(text: str, box: Box) -> bool:
    best = None
    for m in ARABIC_WORD.finditer(text):
        lam_alef = LAM_ALEF.search(m.group(0))
        if lam_alef and lam_alef.end() < len(m.group(0)):  # a lam-alef ligature inside: in order either way
            continue
        if best is None or m.end() - m.start() > best.end() - best.start():
            best = m
    if best is None:
        return False
    f0, f1 = box(best.start())
    return f0 < f1 < box(best.end() - 1)[0]


def _number_groups(stretch: str, offset: int, box: Box, size: float) -> str:
    """Digit groups of one stretch of a right-to-left line put back in order from their x positions.

    Groups closer than a column gap form one number (read left to right); the numbers
    themselves follow the line, right to left.
    """
    groups: list[tuple[float, float, str]] = []
    pos = 0
    for g in stretch.split(" "):
        x0 = box(offset + pos)[0]
        x1 = box(offset + pos + len(g) - 1)[1]
        groups.append((x0, x1, g))
        pos += len(g) + 1
    groups.sort()
    numbers: list[list[str]] = [[groups[0][2]]]
    for prev, cur in zip(groups, groups[1:], strict=False):
        if cur[0] - prev[1] > 1.2 * size:
            numbers.append([])
        numbers[-1].append(cur[2])
    return " ".join(" ".join(digit_groups(n)) for n in reversed(numbers))
