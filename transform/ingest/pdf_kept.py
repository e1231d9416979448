"""Pages left open after reading, for the digit cross-check, and what the OCR hook asks of pages with little text.

The cross-check (:mod:`transform.ocr.digits`) opens a few pages again, those whose digit
lines show every style of digit in the document, the pages with most digit lines first.
Loading a page and its text page costs about as much as reading it, so the ingester keeps
the text pages of the pages with most digit lines open (at most ``limit``) and the
cross-check takes them from here; a page it wants that was not kept is loaded as before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from .base import TextLine

_ANY_DIGIT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
_DIGIT_LINE = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9][^\n]*")  # one match per line holding a digit (lines joined by newlines)


def _digit_lines(lines: list[TextLine]) -> int:
    """How many lines hold a digit: one scan of the page's text instead of one search per line
    (a line's text never holds a newline; one that does is counted line by line)."""
    texts = [ln.text for ln in lines]
    joined = "\n".join(texts)
    if joined.count("\n") != max(len(texts) - 1, 0):
        return sum(1 for t in texts if _ANY_DIGIT.search(t))
    return len(_DIGIT_LINE.findall(joined))


class KeptPages:
    """At most ``limit`` open (page, text page) pairs, those with most digit lines seen so far."""

    def __init__(self, limit: int = 6) -> None:
        self.limit = limit
        self._kept: dict[int, tuple[int, pdfium.PdfPage, pdfium.PdfTextPage]] = {}
        self._covers: dict[int, float] = {}  # image cover of the pages with little text (see note_cover)
        self._invisible: set[int] = set()  # pages whose text is invisible (see note_invisible)

    def note_cover(self, index: int, cover: float) -> None:
        """The share of the page covered by images, measured while the page was open: the OCR hook
        asks it of every page with little text (a banner over a scan?) and would load it again."""
        self._covers[index] = cover

    def cover(self, index: int) -> float | None:
        return self._covers.get(index)

    def note_invisible(self, index: int) -> None:
        """The page's text is drawn invisibly (an earlier OCR laid it over a scan: the OCR hook
        checks such a layer by a sample, see ``pdf_hidden``)."""
        self._invisible.add(index)

    def invisible(self, index: int) -> bool:
        return index in self._invisible

    def offer(self, index: int, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, lines: list[TextLine]) -> bool:
        """Keep this page open if it is among the pages with most digit lines; True when kept
        (the keeper closes it), False when the caller must close it."""
        weight = _digit_lines(lines)
        if weight == 0 or self.limit <= 0:
            return False
        if len(self._kept) >= self.limit:
            lightest = min(self._kept, key=lambda k: self._kept[k][0])
            if self._kept[lightest][0] >= weight:
                return False
            self._drop(lightest)
        self._kept[index] = (weight, page, textpage)
        return True

    def textpage(self, index: int) -> pdfium.PdfTextPage | None:
        entry = self._kept.get(index)
        return entry[2] if entry is not None else None

    def close(self) -> None:
        for index in list(self._kept):
            self._drop(index)

    def _drop(self, index: int) -> None:
        _, page, textpage = self._kept.pop(index)
        textpage.close()
        page.close()
