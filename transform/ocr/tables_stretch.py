"""A table cell whose words are stretched by kashida, read again with the stretch cut short.

A header cell set with a long kashida (`المهـــــــام`, `العامـــة`) is read by tesseract as two
words or as letters the word lists do not know (`الهج حا`, `العاممّة`): the stretched stroke is
taken for teeth and bowls. Cells whose own reading holds a word the lists do not know, and whose
crop holds such a stretch (:func:`stretched.squeezed_cell`), are read again, all in one more
tesseract call, with each stretch cut to a short joining stroke; the new reading replaces the
cell's own reading when it scores better by the word lists and keeps its numbers of two digits
or more. Only then is the cell's reading weighed against the page's, as any other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from .stretched import squeezed_cell

if TYPE_CHECKING:
    import numpy as np

    from .tesseract import OcrResult

_DIGITS_MIN = 2  # numbers of this many digits or more must all be kept by the new reading


def _numbers(text: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for w in text.split():
        d = "".join(ch for ch in w if ch.isdigit())
        if len(d) >= _DIGITS_MIN:
            out[d] += 1
    return out


def _text(sub: OcrResult) -> str:
    return " ".join(ln.text for ln in sub.lines)


def squeeze_stretched(cuts: list[np.ndarray], subs: list[OcrResult],
                      read: Callable[[list[np.ndarray]], list[OcrResult] | None], rtl: bool,
                      score: Callable[[str, bool], tuple[int, int]]) -> int:
    """Replace in ``subs`` the readings of the stretched cells that read better squeezed;
    ``read`` reads a list of crops in one call, ``score`` is the cells' word-list score
    (known words, score). Returns how many cells changed."""
    picked: list[int] = []
    squeezed: list[np.ndarray] = []
    for i, (cut, sub) in enumerate(zip(cuts, subs, strict=True)):
        known, value = score(_text(sub), rtl)
        if value >= known:  # no unknown or stray word: nothing to put right
            continue
        sq = squeezed_cell(cut)
        if sq is not None:
            picked.append(i)
            squeezed.append(sq)
    if not picked:
        return 0
    again = read(squeezed)
    if again is None:
        return 0
    changed = 0
    for i, new in zip(picked, again, strict=True):
        old_text, new_text = _text(subs[i]), _text(new)
        if score(new_text, rtl)[1] > score(old_text, rtl)[1] and not (_numbers(old_text) - _numbers(new_text)):
            subs[i] = new
            changed += 1
    return changed
