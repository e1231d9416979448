"""An annex's Roman number read as ones, left in doubt (issue 17: numbers are checked, not trusted).

Moroccan texts number their annexes in Roman capitals inside Arabic and French sentences alike:
``الملحق رقم III``, ``Annexe II``. Set in a serif face, ``I`` is a vertical with a foot and a head, the
shape the Latin and Arabic models read as the digit ``1``: the joint order 1096.26 prints ``الملحق رقم III``
and the page reads ``الملحق رقم 111``. No model reads the crops surely (the Latin ones give ``I``, ``HI``,
``IL`` at 0-60 %, and a real ``11`` beside them reads ``11``), so nothing is rewritten; but a number of two or
more ones right after an annex's word (``الملحق``, ``Annexe``, optionally ``رقم`` / ``n°`` between) is the
Roman reading's mark: the line is left ``digits_disagree`` and the reviewer checks it against the source.
A lone ``1`` there is as often printed ``1`` as ``I`` (the corpus has both), and no cue tells them from the
reading alone: it is left as read. The rule reads words only; it changes no text.

Checked against every truth page of ``tests/realdocs/truth``: no printed annex number is ``11`` or ``111``,
so no line read right is flagged.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .confidence import DIGITS

if TYPE_CHECKING:
    from ..ingest.base import TextLine

# an annex's word, with the clitics a sentence gives it (بالملحق, وللملحق), Arabic or French
_ANNEX = re.compile(r"^(?:[وفبل]{0,2}(?:ال)?ملحق|(?:[lLdD]['’])?(?:[Aa]nnexes?|ANNEXES?))$")
_NUMBER_WORD = re.compile(r"^(?:رقم|عدد|n°|N°|nº|Nº|no|No|n)$")
_ONES = re.compile(r"^[(\[]?1{2,3}[)\].,،:;-]?$")  # II or III read as digits
_LIGHT = "()[].,،:;-"


def roman_as_ones(words: list[str]) -> bool:
    """Do ``words`` (one line, logical order) hold an annex's word followed by ``11`` or ``111``
    (``رقم`` or ``n°`` allowed between)?"""
    for i, w in enumerate(words):
        if not _ANNEX.match(w.strip(_LIGHT)):
            continue
        j = i + 1
        if j < len(words) and _NUMBER_WORD.match(words[j].strip(_LIGHT.replace("°", ""))):
            j += 1
        if j < len(words) and _ONES.match(words[j]):
            return True
    return False


def flag_roman_refs(lines: list[TextLine]) -> int:
    """Leave in doubt the lines holding an annex's Roman number read as ones; how many were flagged."""
    flagged = 0
    for ln in lines:
        if ln.doubt != DIGITS and roman_as_ones(ln.text.split()):
            ln.doubt = DIGITS
            flagged += 1
    return flagged
