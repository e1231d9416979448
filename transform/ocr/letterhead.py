"""A letterhead's side blocks read one after the other, the page's own side first.

A Moroccan ministry's letter or decision opens on a letterhead in two blocks beside an emblem:
the Arabic block on the right (``المملكة المغربية`` / ``وزارة ...``), the French one on the left
(``ROYAUME DU MAROC`` / ``Ministère ...``), sometimes a third block centred above the emblem. Tesseract
lists such blocks in whatever order its layout analysis sorts them: the French block first on an
Arabic page (decision ma-sante p. 4, the annexed list), or one printed row of both blocks as one line
in a block of its own (``et de la Protection Sociale`` beside the Arabic block's Tifinagh line).
Read so, the letterhead's paragraphs come out of order and one of them glued to the other block's.

Here the top of the page is read as a person reads it: two groups of lines (tesseract's paragraphs)
standing side by side in the page's top band, with a wide gutter between them (the emblem), over a
line that crosses the gutter (the title: the body is in one column under the letterhead). The lines
above that title fall on the right of the gutter, on its left, or inside it (a centred block, the
emblem read as letters); a line with words on both sides of the gutter and none inside it is split
there. They are then listed: the centred lines standing above both sides first (the kingdom's name
over the emblem, decision ma-mtedd p. 1), then the page's own side (the right one when most of the
page's lines are Arabic, the left one otherwise), then the other side, each top to bottom, then the
rest of the centred lines, less those that are the emblem read as letters (unsure, or almost no letters: dropped). A page in two columns has no line crossing the gutter under
its top lines, and its blocks go on below the top band: it is left alone.

A letterhead printed lower, under a heading, with one line alone on the other side of its first row (decree
2.19.720's model letters: ``(المدينة) في ......`` at the left of ``المملكة المغربية``) had that row read as one line;
:func:`lone_side_rows` splits it when the lines listed right under it stand wholly on the page's own side (the
block going on), and lists the other side's part after that block.

Works on :func:`transform.ocr.tesseract.parse_tsv`'s line records keyed (block, paragraph, line), after
:func:`transform.ocr.columns.split_columns` has split the rows it could (their parts keyed with the
paragraph number plus 0.25 on the left and 0.5 on the right, as done here).
"""

from __future__ import annotations

from typing import Any

TOP_BAND = 0.2  # a letterhead's lines stand within this share of the page's height from its top
WIDE = 4.0  # the gutter between the side groups: at least this many line heights wide
MIN_SIDE = 2  # at least this many lines on each side of the gutter: two blocks, not a label beside a date
INNER = 0.25  # a word reaching into the gutter's middle (past this share of its width from either edge) crosses it

Info = dict[str, Any]
Key = tuple[int, float, float]
Box = tuple[float, float, float, float]


def _box(infos: list[Info]) -> Box:
    return (min(i["box"][0] for i in infos), min(i["box"][1] for i in infos),
            max(i["box"][2] for i in infos), max(i["box"][3] for i in infos))


def _height(info: Info) -> float:
    hs = sorted(info["heights"])
    return float(hs[len(hs) // 2]) if hs else 0.0


def _gutter(groups: dict[tuple[int, float], list[Key]], lines: dict[Key, Info], band: float) -> tuple[float, float] | None:
    """The gutter (left, right pixel edges) between the groups of lines wholly in the top band on its two sides:
    found as the widest gap between two groups standing side by side (their heights overlap), then narrowed to
    the nearest edges of all the groups on either side of its middle; at least WIDE line heights wide, or None."""
    boxes = [(_box([lines[k] for k in ks]), ks) for ks in groups.values()]
    boxes = [(b, ks) for b, ks in boxes if b[3] <= band]
    best: tuple[float, float, float] | None = None
    for a, ka in boxes:
        for b, kb in boxes:
            if a[2] >= b[0] or min(a[3], b[3]) <= max(a[1], b[1]):
                continue  # not a left group beside a right one
            h = max(_height(lines[k]) for k in ka + kb)
            if b[0] - a[2] >= WIDE * h and (best is None or b[0] - a[2] > best[1] - best[0]):
                best = (a[2], b[0], h)
    if best is None:
        return None
    lo, hi, h = best
    # the gutter's edges: the nearest edges of all the groups on either side (a block's longer line)
    mid = (lo + hi) / 2
    lo2 = max(b[2] for b, _ in boxes if b[0] < lo and b[2] < mid)
    hi2 = min(b[0] for b, _ in boxes if b[2] > hi and b[0] > mid)
    return (lo2, hi2) if hi2 - lo2 >= WIDE * h else None


def _place(info: Info, lo: float, hi: float) -> str:
    """"left", "right", "middle" (wholly inside the gutter), "split" (words on both sides, none in the gutter's
    middle) or "across" (a word in the gutter's middle with the line reaching past both edges: a title)."""
    x0, _, x1, _ = info["box"]
    if x1 <= hi and x0 < lo and x1 <= lo + INNER * (hi - lo):
        return "left"
    if x0 >= lo and x1 > hi and x0 >= hi - INNER * (hi - lo):
        return "right"
    if x0 >= lo and x1 <= hi:
        return "middle"
    inner = (lo + INNER * (hi - lo), hi - INNER * (hi - lo))
    if x0 < lo and x1 > hi and all(b[2] <= inner[0] or b[0] >= inner[1] for b in info["boxes"]):
        return "split"
    return "across"


def _part(info: Info, keep: Any) -> Info:
    """The words of a line for which ``keep(box)`` holds, with their box."""
    out: Info = {"words": [], "heights": [], "confs": [], "xs": [], "boxes": []}
    for n, box in enumerate(info["boxes"]):
        if keep(box):
            for name in ("words", "heights", "confs", "xs", "boxes"):
                out[name].append(info[name][n])
    bs = out["boxes"]
    out["box"] = (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))
    return out


EMBLEM_CONF = 62.0  # a line in the gutter beside the blocks read under this mean word confidence is the emblem
EMBLEM_CHARS = 3  # ...and so is one with fewer letters and digits than this (a crown's ``<١``)


def _emblem(info: Info) -> bool:
    """Is a line standing in the gutter beside the side blocks (not above them) the emblem read as letters? Unsure
    (under EMBLEM_CONF) or with almost no letters: ``لتو وك لح`` at 27 %, ``<١``, ``<< 1`` (ma-sante pp. 1 and 4, the
    coat of arms' motto ribbon and crown; 2026-12-06, fourteenth session)."""
    confs = info["confs"]
    if confs and sum(confs) / len(confs) < EMBLEM_CONF:
        return True
    return sum(ch.isalnum() for w in info["words"] for ch in w) < EMBLEM_CHARS


def sides_in_order(lines: dict[Key, Info], is_rtl: Any, page_height: float) -> dict[Key, Info]:
    """``lines`` with a letterhead's side blocks read one after the other (see the module's docstring);
    ``lines`` itself when the page's top holds none."""
    keys = [k for k, info in lines.items() if info["words"]]
    band = TOP_BAND * page_height
    groups: dict[tuple[int, float], list[Key]] = {}
    for k in keys:
        groups.setdefault((k[0], k[1]), []).append(k)
    gutter = _gutter(groups, lines, band)
    if gutter is None:
        return lines
    lo, hi = gutter
    places = {k: _place(lines[k], lo, hi) for k in keys}
    across = [lines[k]["box"][1] for k in keys if places[k] == "across"]
    tops = [lines[k]["box"][1] for k in keys if places[k] in ("left", "right", "split") and lines[k]["box"][3] <= band]
    if not tops:
        return lines
    sides_top = min(tops)
    under = [t for t in across if t > sides_top]
    if not under or len(under) < len(across):
        return lines  # no title under the top lines (a page in columns), or a line across the gutter above them
    end = min(under)
    zone = [k for k in keys if lines[k]["box"][1] < end and lines[k]["box"][3] <= band]
    if any(lines[k]["box"][3] > end or lines[k]["box"][3] > band for g in {(k[0], k[1]) for k in zone}
           for k in groups[g] if places[k] != "across"):
        return lines  # a group going on under the title or the top band: a column, not a letterhead's block
    cut = (lo + hi) / 2
    sides: dict[str, list[tuple[Key, Info]]] = {"left": [], "right": [], "middle": []}
    for k in zone:
        info = lines[k]
        if places[k] == "split":
            b, p, ln = k
            sides["left"].append(((b, p + 0.25, ln), _part(info, lambda box: box[2] <= cut)))
            sides["right"].append(((b, p + 0.5, ln), _part(info, lambda box: box[0] >= cut)))
        else:
            sides[places[k]].append((k, info))
    if len(sides["left"]) < MIN_SIDE or len(sides["right"]) < MIN_SIDE:
        return lines
    rtl = sum(1 for k in keys if is_rtl(lines[k]["words"])) * 2 > len(keys)
    first, second = ("right", "left") if rtl else ("left", "right")
    start = min(info["box"][1] for _, info in sides["left"] + sides["right"])

    def by_top(items: list[tuple[Key, Info]]) -> list[tuple[Key, Info]]:
        return sorted(items, key=lambda item: item[1]["box"][1])

    above = [item for item in sides["middle"] if item[1]["box"][3] <= start]
    rest = [item for item in sides["middle"] if item[1]["box"][3] > start]
    emblem = [item for item in rest if _emblem(item[1])]
    rest = [item for item in rest if not _emblem(item[1])]
    ordered = by_top(above) + by_top(sides[first]) + by_top(sides[second]) + by_top(rest)
    if not emblem and [k for k, _ in ordered] == zone:
        return lines
    taken = set(zone)
    out: dict[Key, Info] = {}
    placed = False
    for k, info in lines.items():
        if k in taken:
            if not placed:
                out.update(ordered)
                placed = True
            continue
        out[k] = info
    return out


ROW_GAP = 1 / 3  # a letterhead's row beside a lone line: the gap at least this share of the line's width...
STACK = 2  # ...and at least this many lines under its own side's part, wholly on that side


def _widest_gap(info: Info) -> tuple[float, float] | None:
    """The (left, right) edges of the line's widest gap between two words, when it is at least WIDE word heights
    and ROW_GAP of the line's width wide with at least 2 words on each side; else None."""
    boxes = sorted(info["boxes"])
    if len(boxes) < 4:
        return None
    n = max(range(len(boxes) - 1), key=lambda i: boxes[i + 1][0] - boxes[i][2])
    lo, hi = boxes[n][2], boxes[n + 1][0]
    width = boxes[-1][2] - boxes[0][0]
    if n < 1 or n > len(boxes) - 3 or hi - lo < WIDE * _height(info) or hi - lo < ROW_GAP * width:
        return None
    return float(lo), float(hi)


def lone_side_rows(lines: dict[Key, Info], is_rtl: Any) -> dict[Key, Info]:
    """A letterhead's first row read across it to a lone line on the other side (``المملكة المغربية`` at the right,
    ``(المدينة) في ......`` at the left, decree 2.19.720's model letters): split at its gap when the lines listed
    right under it stand wholly on the page's own side (at least STACK of them: the letterhead block going on);
    the own side's part goes first, then that block, then the other side's part. ``lines`` itself when none is."""
    keys = [k for k, info in lines.items() if info["words"]]
    if not keys:
        return lines
    rtl = sum(1 for k in keys if is_rtl(lines[k]["words"])) * 2 > len(keys)
    moves: list[tuple[int, int, Info, Info]] = []  # index of the row, end of its block, own part, other part
    n = 0
    while n < len(keys):
        gap = _widest_gap(lines[keys[n]])
        if gap is None:
            n += 1
            continue
        lo, hi = gap
        m = n + 1
        while m < len(keys):
            x0, _, x1, _ = lines[keys[m]]["box"]
            if not (x0 >= hi - INNER * (hi - lo) if rtl else x1 <= lo + INNER * (hi - lo)):
                break
            m += 1
        if m - n - 1 >= STACK:
            cut = (lo + hi) / 2
            left = _part(lines[keys[n]], lambda box, c=cut: box[2] <= c)
            right = _part(lines[keys[n]], lambda box, c=cut: box[0] >= c)
            moves.append((n, m, right if rtl else left, left if rtl else right))
        n = m
    if not moves:
        return lines
    out: dict[Key, Info] = {}
    at = {row: (end, own, other) for row, end, own, other in moves}
    later: dict[int, tuple[Key, Info]] = {}
    own_off, other_off = (0.5, 0.25) if rtl else (0.25, 0.5)
    for i, k in enumerate(keys):
        if i in at:
            end, own, other = at[i]
            b, p, ln = k
            out[(b, p + own_off, ln)] = own
            later[end - 1] = ((b, p + other_off, ln), other)
        else:
            out[k] = lines[k]
        if i in later:
            key, info = later.pop(i)
            out[key] = info
    out.update({k: info for k, info in lines.items() if k not in out and not info["words"]})
    return out
