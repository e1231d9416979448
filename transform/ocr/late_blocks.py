"""A letterhead's block that tesseract lists late put back at the top of the page, in its place.

Tesseract lists a page block by block, in the order its layout analysis sorts them. On a scanned
decision a letterhead's block was sometimes listed after the body (the French block of a bilingual
letterhead, ``MINISTÈRE DE LA TRANSITION ENERGETIQUE ET DU``, at the very end of decision ma-mtedd
p. 1; ``ROYAUME DU MAROC`` / ``Ministère de la Santé`` / ``et de la Protection Sociale`` after the
minister's footer on decision ma-sante p. 1): its words then count as missed where they are
printed and invented where they are read. A block in the page's top band (its bottom within
:data:`TOP_BAND` of the image's height) listed after a block that stands under it is moved back
before the first such block: one in its own column (sharing :data:`COLUMN` of the narrower
width), or one well below it (at least :data:`WELL_BELOW` of its line heights: the title under a
letterhead). Blocks of the body, lower on the page, keep tesseract's order.

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
        x0, _y0, x1, y1 = boxes[n]
        if y1 > TOP_BAND * page_height:
            continue
        h = max(1.0, min(lines[k]["box"][3] - lines[k]["box"][1] for k in blocks[n]))
        pos = order.index(n)
        for at, m in enumerate(order[:pos]):
            cx0, cy0, cx1, _cy1 = boxes[m]
            if cy0 < y1:
                continue
            shared = min(x1, cx1) - max(x0, cx0)
            if shared >= COLUMN * min(x1 - x0, cx1 - cx0) or cy0 - y1 >= WELL_BELOW * h:
                order.insert(at, order.pop(pos))
                moved = True
                break
    if not moved:
        return lines
    out = {k: lines[k] for n in order for k in blocks[n]}
    out.update({k: info for k, info in lines.items() if k not in out})  # empty lines, at the end
    return out
