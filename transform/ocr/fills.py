"""Lines a dot leader follows: a form's fields (fifteenth session).

:mod:`leaders` paints a form's fill-in blanks out before tesseract reads the page, so the lines lose what tells a
field (``Nom et prénom : ..........``) from the label over a group of fields (``Personnes physiques :``), printed in
the same type. :func:`mark_fills` sets ``fill`` on each line that a leader follows on its row: the leader's middle
between the line's top and a little under its bottom, its near end at most FILL_GAP line heights past the line's end
(right of a French line, left of an Arabic one), or the leader under the line's last words (its first end inside it).
:func:`transform.ingest.pdf_scan_heads` takes a label ending with a colon, with no leader after it, over fields, as
their heading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..ingest.base import TextLine

FILL_GAP = 3.0  # line heights between a line's end and the leader that follows it
BELOW = 0.3  # line heights under a line's bottom where a leader's middle may still stand (dots sit on the baseline)


def mark_fills(lines: list[TextLine], boxes: list[tuple[int, int, int, int]], dpi: float) -> int:
    """Mark the lines a leader follows (``boxes``: each leader's x0, top, x1, bottom in pixels at ``dpi``); returns
    how many."""
    if not boxes or not dpi:
        return 0
    k = 72.0 / dpi
    leaders = [(x0 * k, (top + bottom) / 2 * k, x1 * k) for x0, top, x1, bottom in boxes]
    marked = 0
    for ln in lines:
        h = max(ln.bottom - ln.top, 1.0)
        rtl = any("\u0600" <= c <= "\u06ff" for c in ln.text)
        for x0, mid, x1 in leaders:
            if not ln.top <= mid <= ln.bottom + BELOW * h:
                continue
            after = (ln.x0 - FILL_GAP * h <= x1 <= ln.x0 + h) if rtl else (ln.x1 - h <= x0 <= ln.x1 + FILL_GAP * h)
            if after:
                ln.fill = True
                marked += 1
                break
    return marked
