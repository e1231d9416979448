"""A letterhead's block that tesseract lists late put back at the top of the page, in its place.

Tesseract lists a page block by block, in the order its layout analysis sorts them. On a scanned
decision a letterhead's block was sometimes listed after the body (the French block of a bilingual
letterhead, ``MINISTÈRE DE LA TRANSITION ENERGETIQUE ET DU``, at the very end of decision ma-mtedd
p. 1; ``ROYAUME DU MAROC`` / ``Ministère de la Santé`` / ``et de la Protection Sociale`` after the
minister's footer on decision ma-sante p. 1): its words then count as missed where they are
printed and invented where they are read. A block in the page's top band (its bottom within
:data:`TOP_BAND` of the image's height) listed after a block of its own column (sharing
:data:`COLUMN` of the narrower width) that stands under it is moved back before the first block
listed that stands under it: in its column, or well below it (at least :data:`WELL_BELOW` of its
line heights: the title under a letterhead). The top of a page's second column, listed after the
first column but before the blocks of its own, stays. Blocks of the body, lower on the page, keep
tesseract's order.

Works on :func:`transform.ocr.tesseract.parse_tsv`'s line records keyed (block, paragraph, line).
"""

from __future__ import annotations

from typing import Any

TOP_BAND = 0.2  # a block whose bottom lies within this share of the page's height from its top: a letterhead's
COLUMN = 0.3  # two blocks share a column when they overlap horizontally by this share of the narrower one
WELL_BELOW = 3.0  # ...or the later block stands at least this many of its line heights under the top band's block

Info = dict[str, Any]


def _box(infos: list[Info]) -> tuple[float, float, float, float]:
    return (min(i["box"][0] for i in infos), min(i["box"][1] for i in infos),
            max(i["box"][2] for i in infos), max(i["box"][3] for i in infos))


def _column(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Do two boxes share a column (overlap horizontally by COLUMN of the narrower one)?"""
    return min(a[2], b[2]) - max(a[0], b[0]) >= COLUMN * min(a[2] - a[0], b[2] - b[0])


def letterhead_first(lines: dict[Any, Info], page_height: float) -> dict[Any, Info]:
    """``lines`` with each late letterhead block moved back (see the module's docstring); ``lines`` itself when none is."""
    blocks: list[list[Any]] = []
    for k, info in lines.items():
        if not info["words"]:
            continue
        if blocks and blocks[-1][0][0] == k[0]:
            blocks[-1].append(k)
        else:
            blocks.append([k])
    boxes = [_box([lines[k] for k in b]) for b in blocks]
    order = list(range(len(blocks)))
    moved = False
    for n in range(len(blocks)):
        y1 = boxes[n][3]
        if y1 > TOP_BAND * page_height:
            continue
        h = max(1.0, min(lines[k]["box"][3] - lines[k]["box"][1] for k in blocks[n]))
        pos = order.index(n)
        if not any(boxes[m][1] >= y1 and _column(boxes[n], boxes[m]) for m in order[:pos]):
            continue  # nothing of its own column listed before it stands under it: a column of its own (a page in two)
        for at, m in enumerate(order[:pos]):
            if boxes[m][1] < y1:
                continue
            if _column(boxes[n], boxes[m]) or boxes[m][1] - y1 >= WELL_BELOW * h:
                order.insert(at, order.pop(pos))
                moved = True
                break
    if not moved:
        return lines
    out = {k: lines[k] for n in order for k in blocks[n]}
    out.update({k: info for k, info in lines.items() if k not in out})  # empty lines, at the end
    return out
