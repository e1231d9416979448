"""Word spaces of an Arabic table cell whose letters a producer's /ActualText span swapped.

A cell is read from its characters (:meth:`pdf_table_glyphs.Glyphs.text`), without the line
repair; :func:`pdf_respace.cell_spaces` puts back what the line reading repaired when one of the
cell's Arabic runs is missing from the line as read. A run cut short by a swapped letter is
still *inside* one of the line's words: the Bulletin officiel's header ``المقادير (بالدراهم)``
is written ``المقادي ر)بالدراهم(`` (the span's final ``ر`` and the space after it swapped), and
``المقادي`` is a piece of the line's ``المقادير``; the cell read ``المقادي ر(بالدراهم)``.

Here a run counts as the line's only when it is one of the line's *words* (no Arabic letter
glued on either side). When one is not, the letters are put back in order as the line reading
does (:func:`pdf_letter_order.reorder`) and that reading is kept if every Arabic run of it is
then a word of the line; otherwise the cell goes to :func:`pdf_respace.cell_spaces` as before.
"""

from __future__ import annotations

import re

from .bidi_chars import ARABIC_WORD
from .pdf_letter_order import LETTER, Box, reorder
from .pdf_respace import cell_spaces

_KASHIDA = "\u0640"


def cell_words(text: str, box: Box, size: float, line_text: str) -> tuple[str, Box]:
    """The cell line ``text`` with its swapped letters and word spaces put back (see the module docstring)."""
    line = line_text.replace(_KASHIDA, "")
    if not all(_word_of(m.group(0), line) for m in ARABIC_WORD.finditer(text)):
        found = reorder(text, box, size)
        if found is not None and all(_word_of(m.group(0), line) for m in ARABIC_WORD.finditer(found[0])):
            text, box = found
    return cell_spaces(text, box, size, line_text)


def _word_of(run: str, line: str) -> bool:
    """Is ``run`` (kashida aside) one of the words of ``line``: found with no Arabic letter glued to either side?"""
    word = re.escape(run.replace(_KASHIDA, ""))
    return re.search(f"(?<![{LETTER}]){word}(?![{LETTER}])", line) is not None
