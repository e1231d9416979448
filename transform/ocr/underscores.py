"""An underline's stretch read as an underscore glued to an Arabic word (issue 17).

A heading underlined from end to end (``المادة 4: مدة العمل الأسبوعية`` on decree 2.17.355's scanned
contract, p. 4) shows the rule alone under the space between two words; tesseract reads that stretch
as ``_`` and glues it to its neighbours: ``4:_مدة``, one word where the page prints two. So in an
OCR'd line, an underscore run between a word's character and an Arabic letter (or at an Arabic
word's edge) is a space: ``4:_مدة`` -> ``4: مدة``, ``_مدة`` -> ``مدة``. A run of ``BLANK`` underscores
or more is a form's blank to fill in and stays, as does any underscore with no Arabic letter beside
it (``DOSSIER_LE``, ``doc_spabio``: Latin names and addresses). No tesseract call. Run last of a page's passes:
the line's ``rtl_words`` listing is left as tesseract read it (the passes that use it see the line's text
differ from it and leave the line alone).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..ingest.base import TextLine

BLANK = 3  # underscores in a row that are a blank to fill in
_AR = "\u0621-\u064a"
# a short underscore run with an Arabic letter on one side and a character or the word's edge on the other
_GLUED = re.compile(rf"(?<=[{_AR}])_{{1,{BLANK - 1}}}(?!_)|(?<!_)_{{1,{BLANK - 1}}}(?=[{_AR}])")


def unglued(word: str) -> str:
    """``word`` with its underline underscores made spaces (none at its edges); as it was when none."""
    if "_" not in word:
        return word
    out = _GLUED.sub(" ", word)
    return " ".join(out.split()) if out != word else word


def underscores(lines: list[TextLine]) -> int:
    """Take the underline underscores off the words of OCR'd lines (see the module's docstring); how many words changed."""
    changed = 0
    for ln in lines:
        if "_" not in ln.text:
            continue
        words = ln.text.split()
        new = [unglued(w) for w in words]
        done = sum(a != b for a, b in zip(words, new, strict=True))
        if not done:
            continue
        ln.text = " ".join(w for w in new if w)
        changed += done
    return changed
