"""Pages left open after reading, for the digit cross-check, and what the OCR hook asks of pages with little text.

The cross-check (:mod:`transform.ocr.digits`) opens a few pages again, those whose digit
lines show every style of digit in the document, the pages with most digit lines first.
Loading a page and its text page costs about as much as reading it, so the ingester keeps
the text pages of some pages open (at most ``limit``) and the cross-check takes them from
here; a page it wants that was not kept is loaded as before. When a page must go, the pages
the cross-check's own choice (``digits.sample_pages``, made again here on the kept pages and
the new one) would open stay, and the one with fewest digit lines among the others goes: the
pages the cross-check opens are mostly already open (which pages are kept changes no output).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from .base import TextLine

_ANY_DIGIT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
_ARABIC = re.compile("[\u0621-\u064a]")  # digits._ARABIC: a digit line's style says whether it holds Arabic
SAMPLED = 4  # digits.MAX_PAGES: the pages the cross-check opens at most
Style = tuple[float, bool, bool]


def _styles(lines: list[TextLine]) -> dict[Style, int]:
    """How many digit lines of each style (size to half a point, bold, Arabic or not) the page holds, as the
    cross-check counts them (``digits.sample_pages``)."""
    styles: dict[Style, int] = {}
    search, arabic = _ANY_DIGIT.search, _ARABIC.search
    for ln in lines:
        if search(ln.text):
            key = (round(ln.size * 2) / 2, ln.bold, arabic(ln.text) is not None)
            styles[key] = styles.get(key, 0) + 1
    return styles


def cover_pages(styles: dict[int, dict[Style, int]], most: int = SAMPLED) -> list[int]:
    """The fewest pages (at most ``most``, in the order picked) whose digit lines show every style seen
    (page index -> its digit lines' styles and counts): the page adding most new styles first, then the one
    with most digit lines. The cross-check's choice (``digits.sample_pages``) and the keeper's."""
    if len(styles) <= most:
        return list(styles)
    picked: list[int] = []
    covered: set[Style] = set()
    while len(picked) < most:
        best = max((i for i in styles if i not in picked),
                   key=lambda i: (len(set(styles[i]) - covered), sum(styles[i].values())), default=None)
        if best is None or (picked and not set(styles[best]) - covered):
            break
        picked.append(best)
        covered |= set(styles[best])
    return picked


class KeptPages:
    """At most ``limit`` open (page, text page) pairs: those the cross-check may open (see the module docstring)."""

    def __init__(self, limit: int = 6) -> None:
        self.limit = limit
        self._kept: dict[int, tuple[int, pdfium.PdfPage, pdfium.PdfTextPage]] = {}
        self._styles: dict[int, dict[Style, int]] = {}  # the kept pages' digit lines by style (see cover_pages)
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
        """Keep this page open if the cross-check may open it (see the module docstring); True when kept
        (the keeper closes it), False when the caller must close it."""
        if self.limit <= 0:
            return False
        styles = _styles(lines)
        weight = sum(styles.values())  # the page's digit lines (lines holding a digit)
        if weight == 0:
            return False
        if len(self._kept) >= self.limit:
            seen = {**self._styles, index: styles}  # page order, as the cross-check walks the pages
            wanted = set(cover_pages(dict(sorted(seen.items()))))
            others = [k for k in self._kept if k not in wanted]  # the kept pages the cross-check would not open
            if index in wanted and others:
                self._drop(min(others, key=lambda k: self._kept[k][0]))
            else:  # the new page is not wanted (a page no more wanted may give way), or every kept page is: most digit lines stay
                pool = list(self._kept) if index in wanted else others
                if not pool:
                    return False
                lightest = min(pool, key=lambda k: self._kept[k][0])
                if self._kept[lightest][0] >= weight:
                    return False
                self._drop(lightest)
        self._kept[index] = (weight, page, textpage)
        self._styles[index] = styles
        return True

    def textpage(self, index: int) -> pdfium.PdfTextPage | None:
        entry = self._kept.get(index)
        return entry[2] if entry is not None else None

    def close(self) -> None:
        for index in list(self._kept):
            self._drop(index)

    def _drop(self, index: int) -> None:
        _, page, textpage = self._kept.pop(index)
        self._styles.pop(index, None)
        textpage.close()
        page.close()
