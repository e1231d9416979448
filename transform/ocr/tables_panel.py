"""A side panel beside a ruled grid, read apart from it.

A box's frame may run on past the table it holds to close a panel beside it (a journal cover's
rate box: the subscription address, telephone numbers and account, right of the rates, under
the same top and bottom rules but crossed by none of the table's row rules: see
:mod:`tables_open`, which finds such panels). Tesseract's page layout often reads a table's
row and the panel's line beside it as one line, and the table took the whole line into its
cells: the panel's words became a table cell's (an invented column, a cell mixing rows).

Here, before the lines are put in cells:

- a line centred in the grid that runs more than ``cross`` into the panel keeps its words on the
  grid's side of the edge (tesseract's word boxes), or, without word boxes, is cut at the edge and
  read again there;
- the lines centred in the panel are dropped, and the panel is read again as one block of text
  (``--psm 6``, inside its rules), its lines put in the page's lines, in order: text beside the
  table, not in it.

All crops of a page are read in two tesseract calls at most.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .recover import insert_in_order

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage
    from .tables_grid import Grid

log = logging.getLogger("transform.ocr")
PAD_IN = 0.04  # a crop stays this far (inches) inside the panel's rules

Words = dict[int, list[tuple[str, float, float, float, float]]]


def _centred(ln: TextLine, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def cut_panels(pimg: PageImage, grids: list[Grid], lines: list[TextLine], words: Words, langs: str, timeout: float,
               cross: float) -> int:
    """Cut the grids' lines at their panels' edges and read the panels apart (the module's
    docstring); ``lines`` and ``words`` are changed in place. The number of panels read."""
    from .tesseract import read_rows

    k = 72.0 / pimg.dpi
    pad = max(2, int(PAD_IN * pimg.dpi))
    panels: list[tuple[tuple[int, int, int, int], int]] = []  # pixel box, index of the grid's last line
    clipped: list[tuple[TextLine, tuple[int, int, int, int]]] = []
    for g in grids:
        grid_box = (g.xs[0] * k, g.ys[0] * k, g.xs[-1] * k, g.ys[-1] * k)
        for near, far in g.panels:
            right = far > near
            edge = near * k
            box = (min(near, far) * k, grid_box[1], max(near, far) * k, grid_box[3])
            inside = [ln for ln in lines if _centred(ln, grid_box)]
            across = [ln for ln in inside if (ln.x1 - edge if right else edge - ln.x0) > cross]
            if not across:
                continue
            for ln in across:
                boxes = words.get(id(ln))
                if boxes and [b[0] for b in boxes] == ln.text.split():
                    kept = [b for b in boxes if ((b[1] + b[3]) / 2 < edge) == right]
                    if not kept:
                        lines.remove(ln)
                        continue
                    ln.text = " ".join(b[0] for b in kept)
                    ln.x0, ln.x1 = min(b[1] for b in kept), max(b[3] for b in kept)
                    words[id(ln)] = kept
                else:
                    x0, x1 = (ln.x0, edge) if right else (edge, ln.x1)
                    clipped.append((ln, (int(x0 / k), int(ln.top / k) - pad, int(x1 / k) - pad if right else int(x1 / k),
                                         int(ln.bottom / k) + pad)))
                    if not right:
                        clipped[-1] = (ln, (int(x0 / k) + pad, *clipped[-1][1][1:]))
            for ln in [ln for ln in lines if _centred(ln, box) and not _centred(ln, grid_box)]:
                lines.remove(ln)
            # inside the rules on the grid's side; the far side has no rule: the crop reaches past it
            x0, x1 = (near + pad, far + pad) if right else (far - pad, near - pad)
            after = max((n for n, ln in enumerate(lines) if _centred(ln, grid_box)), default=-1)
            panels.append(((int(x0), int(box[1] / k) + pad, int(x1), int(box[3] / k) - pad), after))
    if not panels:
        return 0
    w, h = pimg.image.size
    fit = [_fit(b, w, h) for b, _after in panels]
    lasts = [lines[n] if n >= 0 else None for _b, n in panels]
    try:
        if clipped:
            for (ln, _box), sub in zip(clipped, read_rows(pimg, [_fit(b, w, h) for _ln, b in clipped], langs, timeout), strict=True):
                text = " ".join(x.text for x in sub.lines).strip()
                if text:
                    ln.text = text
                    ln.x0, ln.x1 = min(x.x0 for x in sub.lines), max(x.x1 for x in sub.lines)
                elif ln in lines:
                    lines.remove(ln)
        for last, sub in zip(lasts, read_rows(pimg, fit, langs, timeout, psm=6), strict=True):
            words.update(sub.word_boxes)
            read = [ln for ln in sub.lines if ln.text.strip()]
            if last is not None and any(x is last for x in lines):  # read after the table's lines
                at = next(n for n, x in enumerate(lines) if x is last) + 1
                lines[at:at] = read
            else:
                for ln in read:
                    insert_in_order(lines, ln)
    except (OSError, RuntimeError, ValueError) as exc:
        log.warning("page %d: a table's side panel not read again (%s)", pimg.page, exc)
    return len(panels)


def _fit(box: tuple[int, int, int, int], w: int, h: int) -> tuple[int, int, int, int]:
    a, b, c, d = box
    return (max(0, a), max(0, b), min(w, max(c, a + 1)), min(h, max(d, b + 1)))
