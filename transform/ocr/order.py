"""Which language leads tesseract's reading of an OCR'd page: the first language sets its
reading direction, which orders blocks side by side (columns, table cells)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tesseract import _AR, _LAT, DOMINANT

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .tesseract import OcrResult


def _other_order(result: OcrResult, used: list[str]) -> list[str] | None:
    """The languages in the other order when the page read is clearly in the other script
    (at least DOMINANT of its letters) and its layout has columns or a table (lines side by
    side): the first language sets tesseract's reading direction, which orders blocks side by
    side, not lines one under the other (prose reads the same either way)."""
    if len(used) < 2 or not _side_by_side(result.lines):
        return None
    ar = sum(len(_AR.findall(ln.text)) for ln in result.lines)
    la = sum(len(_LAT.findall(ln.text)) for ln in result.lines)
    if ar + la < 40:
        return None
    major = "ar" if ar >= DOMINANT * (ar + la) else "fr" if la >= DOMINANT * (ar + la) else None
    if major is None or used[0] == major:
        return None
    return [major, *[lang for lang in used if lang != major]]


def _side_by_side(lines: list[TextLine], pairs: int = 3) -> bool:
    """Do at least ``pairs`` pairs of lines stand side by side (within a line height of each
    other, apart horizontally): columns, table cells?"""
    found = 0
    ordered = sorted(lines, key=lambda ln: ln.top)
    for n, a in enumerate(ordered):
        reach = a.bottom + (a.bottom - a.top)
        for b in ordered[n + 1:]:
            if b.top > reach:
                break
            if a.x1 < b.x0 or b.x1 < a.x0:
                found += 1
                if found >= pairs:
                    return True
    return False
