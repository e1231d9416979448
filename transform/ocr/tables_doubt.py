"""Whether an OCR'd ruled table is worth reading again cell by cell (:mod:`transform.ocr.tables_cells`).

Reading each cell on its own costs one more tesseract call per table (about a third of a page's
OCR time on a table page). It helps where the page's layout ran lines across the column rules:
words of the wrong script, words no list knows, stray letters of a rule. A table whose every cell
the page read as known words of its script, numbers and marks has none of that, and its cells'
own reading would not be taken anyway (a cell takes it only where it scores better by the same
word lists), so it is not read again. Cells the page left empty do not count as doubt: most
tables have blank cells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tables_cells import _AR, _LAT, _NUMBER, _ONE_LETTER_WORDS, _PUNCT, _WORD, _score

if TYPE_CHECKING:
    from .tables_fill import _Filler

UNKNOWN_SHARE = 0.2  # a table whose words of its own script are unknown to the lists more than this share is doubtful


def needs_cells(filler: _Filler, rtl: bool) -> bool:
    """True when the page's reading of the table is in doubt: a cell holds a word of the other
    script or a stray letter (a line run across a rule, a rule's stroke read as a letter), or more
    than UNKNOWN_SHARE of its words are unknown to the lists (names and abbreviations are, a few)."""
    known = unknown = 0
    for slot in filler.slots.values():
        text = " ".join(p.text for p in slot.pieces)
        if not text.strip():
            continue
        k, score = _score(text, rtl)
        bad = k - score  # 2 per unknown, foreign or stray word (scored -2, a known word +1 on both sides)
        if bad and _foreign_or_stray(text, rtl):
            return True
        known, unknown = known + k, unknown + bad // 2
    return unknown > UNKNOWN_SHARE * (known + unknown)


def _foreign_or_stray(text: str, rtl: bool) -> bool:
    for w in text.split():
        w = w.strip(_PUNCT)
        if not _WORD.search(w) or _NUMBER.fullmatch(w):
            continue
        if len(w) == 1 and w not in _ONE_LETTER_WORDS or (_LAT.search(w) if rtl else _AR.search(w)):
            return True
    return False
