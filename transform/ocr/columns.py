"""Tesseract lines that run across two blocks printed side by side, split and read block by block.

On a scanned page tesseract sometimes takes two blocks printed side by side for one: two
ministers' signatures in two columns came back as lines holding the end of one minister's title
and the start of the other's, then both signatures on one line (joint order 1096.26 p. 6). Such
a line has one horizontal gap far wider than its word gaps, and its neighbours keep to the same
gutter: they are split there, or stand whole on one side of it. The lines split are well read
(not a letterhead's garbage), their two sides in one type size (not a logo beside an address) and
made of words (not a label beside its amount in an unruled table's row),
and the run stays in one of tesseract's blocks and clear of vertical rules (a table's columns are
read row by row). The run of lines around the
gutter is then read side by side, block by block: the right block first on a right-to-left
page, the left one first otherwise, each side top to bottom.

A bilingual letterhead is the same case in two scripts: the French block on the left, the Arabic
one on the right, a logo between them, and tesseract reads each printed row across both
(``Ministère du Transport et de la Logistique وزارة النقل واللوجستيك``, decision ma-narsa p. 1).
There the two sides' word heights differ more (an Arabic word's box, with its dots and tails,
stands taller than a Latin word of the same type size: up to :data:`SCRIPTS_SIZE`), the run may
go on across tesseract's blocks as long as each split line keeps one script on each side, and
the page's own direction (most of its lines) says which block comes first. A line with words on
both sides of a run's gutter (a title's first word under the logo, a stamped number at the
margin) is across it and ends the run.

Works on :func:`transform.ocr.tesseract.parse_tsv`'s line records (a dict per tesseract line with
its words, boxes in pixels, centres, heights and confidences), before they become TextLines.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image

WIDE = 4.0  # a gutter: at least this many line heights wide...
OVER_GAPS = 3.0  # ...and this many times the line's other word gaps (their median)
SURE = 80.0  # a split line's median word confidence: at least this (not the garbage of a scanned letterhead)
SAME_SIZE = 1.5  # the two sides' word heights within this ratio (not a logo beside an address)
SCRIPTS_SIZE = 2.5  # ...within this one when one side is Arabic and the other Latin (a bilingual letterhead)
MIN_SPLIT = 2  # at least this many lines split at the same gutter: two blocks, not a stretched line
KEEP = 2.0  # the gutter common to the run stays at least this many line heights wide
INK = 128  # a darker pixel is ink
RULE = 0.6  # a pixel column of the gutter inked over this share of the run's height: a rule...
RULE_PX = 12  # ...when such columns side by side make a band at most this many pixels wide (not an emblem)...
PAPER = 0.15  # ...with paper either side (the columns within RULE_PX of it inked under this share on average)
NEAR = 1.5  # lines of a run follow each other within this many line heights (the smaller)

Info = dict[str, Any]
Key = tuple[int, float, float]


def _height(info: Info) -> float:
    return float(median(info["heights"])) if info["heights"] else 0.0


def _gutter(info: Info) -> tuple[float, float] | None:
    """The (left, right) pixel edges of the line's one gap far wider than its word gaps, or None."""
    boxes = sorted(info["boxes"])
    if len(boxes) < 2:
        return None
    gaps = [(boxes[i + 1][0] - boxes[i][2], boxes[i][2], boxes[i + 1][0]) for i in range(len(boxes) - 1)]
    widest = max(gaps)
    h = _height(info)
    rest = sorted(g for g, _, _ in gaps)[:-1] or [0.0]
    if widest[0] < WIDE * h or widest[0] < OVER_GAPS * max(1.0, median(rest)):
        return None
    if median(info["confs"]) < SURE:
        return None
    left, right = _split(info, (widest[1] + widest[2]) / 2)
    if not (_wordy(left) and _wordy(right)):
        return None  # a label and its amount (an unruled budget table's row): read as one row
    hl, hr = _height(left), _height(right)
    if max(hl, hr) > (SCRIPTS_SIZE if _script(left) != _script(right) else SAME_SIZE) * min(hl, hr):
        return None
    return float(widest[1]), float(widest[2])


def _script(info: Info) -> str:
    """"ar" or "lat": the script of most of the letters of these words."""
    from .tesseract import _AR, _LAT  # the parser imports this module

    text = "".join(info["words"])
    return "ar" if len(_AR.findall(text)) > len(_LAT.findall(text)) else "lat"


def _bilingual(info: Info, gutter: tuple[float, float] | None) -> tuple[str, str] | None:
    """The scripts (left, right) of a line split at ``gutter`` when they differ (a bilingual letterhead's row), else None."""
    if gutter is None:
        return None
    left, right = _split(info, (gutter[0] + gutter[1]) / 2)
    sides = (_script(left), _script(right))
    return sides if sides[0] != sides[1] else None


def _wordy(info: Info) -> bool:
    """Is a side of a line made of words (most of its signs letters), not a column of amounts, codes or dates?"""
    signs = "".join(info["words"]).replace(" ", "")
    return sum(c.isalpha() for c in signs) >= 0.6 * max(1, len(signs))


def _near(above: Info, below: Info) -> bool:
    """Does ``below`` follow ``above`` at a block's line spacing (within NEAR of the smaller line height)?"""
    return below["box"][1] - above["box"][3] <= NEAR * min(_height(above), _height(below))


def _side(info: Info, lo: float, hi: float) -> int | None:
    """0: the whole line left of the gutter, 1: right of it, None: across it (or words on both sides of its middle)."""
    x0, _, x1, _ = info["box"]
    cut = (lo + hi) / 2
    words = info["boxes"]
    if x1 <= hi and x0 < lo and all(b[2] <= cut for b in words):
        return 0
    if x0 >= lo and x1 > hi and all(b[0] >= cut for b in words):
        return 1
    return None


def _split(info: Info, cut: float) -> tuple[Info, Info]:
    """The line's words left and right of pixel ``cut``, each in tesseract's order."""
    parts: list[Info] = [{"words": [], "heights": [], "confs": [], "xs": [], "boxes": []} for _ in range(2)]
    for n, box in enumerate(info["boxes"]):
        part = parts[0 if box[2] <= cut else 1]
        for name in ("words", "heights", "confs", "xs", "boxes"):
            part[name].append(info[name][n])
    for part in parts:
        bs = part["boxes"]
        part["box"] = (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))
    return parts[0], parts[1]


def _right_to_left(infos: list[Info], is_rtl: Any) -> bool:
    return sum(1 for info in infos if is_rtl(info["words"])) * 2 > len(infos)


def ruled(image: Image.Image, lo: float, hi: float, top: float, bottom: float) -> bool:
    """Does a vertical rule cross the gutter (pixel box): a table's column rule, not blank paper?"""
    import numpy as np  # loaded only where a page is OCR'd

    x0, x1 = int(lo) + 1, int(hi)
    if x1 <= x0 or bottom <= top:
        return False
    ink = np.asarray(image.crop((x0, int(top), x1, int(bottom)))) < INK
    share = ink.mean(axis=0)
    dark = np.flatnonzero(share >= RULE)
    if not len(dark):
        return False
    # bands of dark pixel columns: a rule is a thin one with paper either side, not the ink of an emblem
    # printed between a letterhead's two blocks (wide, or thin strokes inside it)
    breaks = np.flatnonzero(np.diff(dark) > 1)
    for s, e in zip(np.r_[dark[0], dark[breaks + 1]], np.r_[dark[breaks], dark[-1]], strict=True):
        if e - s + 1 > RULE_PX:
            continue
        beside = np.r_[share[max(0, s - RULE_PX):s], share[e + 1:e + 1 + RULE_PX]]
        if not len(beside) or float(beside.mean()) < PAPER:
            return True
    return False


def split_columns(lines: dict[Key, Info], is_rtl: Any, image: Image.Image | None = None) -> dict[Key, Info]:
    """:func:`_split_columns`, then a letterhead's block listed late put back at the top (late_blocks.py) and its
    side blocks read one after the other (letterhead.py)."""
    from .late_blocks import letterhead_first
    from .letterhead import lone_side_rows, sides_in_order

    lines = _split_columns(lines, is_rtl, image)
    if image is None:
        return lines
    return lone_side_rows(sides_in_order(letterhead_first(lines, image.height), is_rtl, image.height), is_rtl)


def _split_columns(lines: dict[Key, Info], is_rtl: Any, image: Image.Image | None = None) -> dict[Key, Info]:
    """``lines`` (tesseract's order) with each run of lines across a gutter read block by block
    (see the module's docstring); ``lines`` itself when there is none. ``is_rtl(words)``: is a line
    of these words right to left. A split line's parts get keys of their own
    (its paragraph number plus 0.25 on the left, 0.5 on the right: each side sized on its own words), in the same block. ``image``: the page
    image the boxes are on; a gutter crossed by a vertical rule there is a table's, left whole."""
    keys = [k for k, info in lines.items() if info["words"]]
    cuts = {k: _gutter(lines[k]) for k in keys}
    scripts = {k: _bilingual(lines[k], cuts[k]) for k in keys}
    runs: list[tuple[int, int, float, float]] = []  # first, last index in keys, gutter
    n = 0
    while n < len(keys):
        g = cuts[keys[n]]
        if g is None:
            n += 1
            continue
        lo, hi = g
        h = _height(lines[keys[n]])
        m, split = n, 1
        two = scripts[keys[n]]  # a bilingual letterhead's row: the run may cross tesseract's blocks
        while m + 1 < len(keys):
            nxt = lines[keys[m + 1]]
            crosses = keys[m + 1][0] != keys[n][0] and not (two is not None and scripts[keys[m + 1]] == two)
            if crosses or not _near(lines[keys[m]], nxt):
                break
            g2 = cuts[keys[m + 1]]
            if g2 is not None and min(hi, g2[1]) - max(lo, g2[0]) >= KEEP * h:
                lo, hi, split = max(lo, g2[0]), min(hi, g2[1]), split + 1
            elif _side(nxt, lo, hi) is None:
                break
            m += 1
        top, bottom = lines[keys[n]]["box"][1], lines[keys[m]]["box"][3]
        if split >= MIN_SPLIT and (image is None or not ruled(image, lo, hi, top, bottom)):
            while (n > 0 and keys[n - 1][0] == keys[n][0] and _side(lines[keys[n - 1]], lo, hi) is not None
                   and _near(lines[keys[n - 1]], lines[keys[n]])):
                n -= 1
            runs.append((n, m, lo, hi))
        n = m + 1
    if not runs:
        return lines
    out: dict[Key, Info] = {}
    done = 0
    for first, last, lo, hi in runs:
        for k in keys[done:first]:
            out[k] = lines[k]
        sides: list[list[tuple[Key, Info]]] = [[], []]
        for k in keys[first:last + 1]:
            info = lines[k]
            side = _side(info, lo, hi)
            b, p, ln = k
            if side is None:
                left, right = _split(info, (lo + hi) / 2)
                sides[0].append(((b, p + 0.25, ln), left))
                sides[1].append(((b, p + 0.5, ln), right))
            else:
                sides[side].append((k, info))
        run = keys[first:last + 1]
        by = [lines[k] for k in keys] if all(scripts[k] for k in run if cuts[k]) else [lines[k] for k in run]
        first_side = 1 if _right_to_left(by, is_rtl) else 0  # a bilingual run: the page's direction
        for k, info in sides[first_side] + sides[1 - first_side]:
            out[k] = info
        done = last + 1
    for k in keys[done:]:
        out[k] = lines[k]
    return out
