"""Dot leaders found on the page image and taken out before tesseract reads it.

A form's fill-in blanks (`الاسم الشخصي والعائلي: ..........`) and a contents page's leaders are
rows of small dots. Tesseract reads them as letters and digits (`A sd ANS مد`, `2111001`,
`1 1 1 1 96-1111111`), and the words printed beside them often go with them. A leader is found
from its shape alone, whatever the script: at least MIN_DOTS blobs, each no larger than a full
stop and with paper all round it, in one row, at a regular pitch, with no other ink above or
below them within the height of a line (an Arabic letter's dots sit on or under its body). Its
dots are painted over with paper; the words beside it stay. The truth pages write such blanks as
dots, punctuation that carries no word: dropping them loses nothing that is read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from .blanks import short_blanks
from .render import PageImage

DOT_IN = 0.022  # a dot fits in a square this wide (inches): a full stop of body type
CLEAR_IN = 0.012  # ...with at least this much paper all round it
MIN_DOTS = 8  # a leader holds at least this many dots (an ellipsis, a light scan's letter dots hold fewer in a row)
MAX_PITCH_IN = 0.09  # dots of one leader at most this far apart (centre to centre)
PITCH_SPREAD = 0.45  # gaps between dots within this share of their median
CLEAR_ABOVE_IN = 0.09  # no other ink this far above the dots' row...
CLEAR_BELOW_IN = 0.03  # ...nor this far below it (descenders of the line above do not reach)
MAX_SLOPE = 0.05  # a long leader's dots may climb or fall this much per pixel along it (a page scanned up to ~3 degrees askew)
MERGED = 2  # in a long chain, a blob as wide as this many dots is still a leader's (neighbouring dots of a blurred scan run together)
LONG_DOTS = 2 * MIN_DOTS  # a chain this long may hold such blobs and climb or fall (letters' dots never make one)
MAX_MERGED_SHARE = 0.3  # ...so long as no more than this share of its blobs are run together
MAX_PAIRS = 2  # a shorter level chain may hold this many blobs of two dots run together (_pairs_only)
TALL = 2  # a long chain's dots may stand under this many dots high (TALL * dot - 1 pixels): a ~100 dpi scan rendered at 250 dpi stretches them


@dataclass
class Leaders:
    image: Image.Image
    count: int  # leaders removed
    dots: int  # dots painted over
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)  # each leader's x0, top, x1, bottom (pixels)


def _window(mask: np.ndarray, a: int, b: int) -> np.ndarray:
    """Whether ``mask`` holds a pixel in the column window [y + a, y + b] at each row y (a <= b;
    outside the image counts as empty). Boolean shifts, doubling the span: a few passes over a
    byte per pixel, where a running sum costs a 4-byte one per pixel and row."""
    h = mask.shape[0]
    length = b - a + 1
    run, span = mask.copy(), 1
    while span * 2 <= length:  # run[y]: any of mask[y .. y + span - 1]
        run[: h - span] |= run[span:]
        span *= 2
    if span < length:
        rest = length - span
        run[: h - rest] |= run[rest:].copy() if rest < span else run[rest:]
    out = np.zeros_like(mask)
    if a >= 0:
        out[: max(0, h - a)] = run[a:]
    else:
        out[-a:] = run[: h + a]
    return out


def _segments(cy: np.ndarray, cx0: np.ndarray, cx1: np.ndarray, pitch: float) -> list[tuple[int, int]]:
    """Index ranges [i, j) of dot runs chained along one row (each next run within ``pitch``),
    at least MIN_DOTS long and at a regular pitch."""
    if len(cy) < MIN_DOTS:
        return []
    link = np.zeros(len(cy), dtype=bool)
    link[1:] = (cy[1:] == cy[:-1]) & (cx0[1:] - cx0[:-1] <= pitch)
    seg = np.cumsum(~link)
    sizes = np.bincount(seg)
    starts = np.flatnonzero(~link)
    out = []
    for k in np.flatnonzero(sizes >= MIN_DOTS):
        i = int(starts[k - 1])
        j = i + int(sizes[k])
        gaps = np.diff(cx0[i:j])
        med = float(np.median(gaps))
        if med > 0 and np.mean(np.abs(gaps - med) <= PITCH_SPREAD * med) >= 0.8:
            out.append((i, j))
    return out


def _aligned(strip: np.ndarray, x0: np.ndarray, x1: np.ndarray, dot: int, sloped: bool = False,
             high: int | None = None) -> float | None:
    """The dots of a chain are alike and on one line: each at most ``dot`` + 2 high (as wide as a
    run may be, and a pixel of grey edge: the bold ellipses of a 12 pt form; ``high`` + 1 when
    given), and most of them with their top and bottom within a third of a dot of the others'
    (the dots of Arabic letters in a light scan sit at every height). With ``sloped``, that line
    may climb or fall (up to MAX_SLOPE). Returns how far the line climbs (pixels, + downwards)
    from the first dot to the last, or None when the chain is no leader."""
    high = dot + 1 if high is None else high
    tops, bots = [], []
    for a, b in zip(x0.tolist(), x1.tolist(), strict=True):
        rows = np.flatnonzero(strip[:, a:b].any(axis=1))
        if not len(rows) or rows[-1] - rows[0] > high:
            return None
        tops.append(rows[0])
        bots.append(rows[-1])
    near = max(1.0, dot / 3)
    top, bot = np.array(tops, dtype=float), np.array(bots, dtype=float)
    if _level(top, bot, near):
        return 0.0
    if not sloped:
        return None
    # a long leader on a page scanned a little askew climbs or falls along its length (decree
    # 2.19.720's model letters: a row every 50 pixels): its dots lie on one straight line, not one row
    xs = (x0 + x1) / 2.0
    if float(xs[-1] - xs[0]) <= 0:
        return None
    slope = float(np.polyfit(xs, (top + bot) / 2.0, 1)[0])
    if abs(slope) > MAX_SLOPE:
        return None
    drift = slope * (xs - xs[0])
    return float(drift[-1]) if _level(top - drift, bot - drift, near) else None


def _level(top: np.ndarray, bot: np.ndarray, near: float) -> bool:
    """Most dots with their top and bottom within ``near`` of the others'."""
    return bool(np.mean((np.abs(top - np.median(top)) <= near) & (np.abs(bot - np.median(bot)) <= near)) >= 0.8)


def _pairs_only(x0: np.ndarray, x1: np.ndarray, single: np.ndarray) -> bool:
    """A short chain (under LONG_DOTS blobs) whose run-together blobs are each two of its dots and no
    more: at most MAX_PAIRS of them, each no wider than two dots at the chain's own pitch, the other
    dots at one pitch. A letterhead's short blanks on a blurred scan (`المديرية الجهوية ل ........ب`)
    run a pair of dots together here and there; a word's letter dots (a three-dot `ش` beside them)
    stand at no such pitch."""
    merged = int((~single).sum())
    if not 0 < merged <= MAX_PAIRS or int(single.sum()) < MIN_DOTS - merged:
        return False
    width = x1 - x0
    w = float(np.median(width[single]))
    steps = np.diff(x0)[single[:-1] & single[1:]]
    if len(steps) < MIN_DOTS // 2:
        return False
    pitch = float(np.median(steps))
    if pitch <= w or np.mean(np.abs(steps - pitch) <= 1.5) < 0.8:
        return False
    return bool(np.all(np.abs(width[~single] - (pitch + w)) <= 2))


def _stray_ink(strip: np.ndarray, x0: np.ndarray, x1: np.ndarray) -> bool:
    """Ink between the chain's dots, over or under them, that is none of them: dots at other
    heights (letters' dots the row skipped), a stroke. A tenth of the dots' ink is let pass
    (a dot the chain missed, a speck)."""
    span = strip[:, int(x0[0]): int(x1[-1])]
    mine = np.zeros(span.shape[1], dtype=bool)
    for a, b in zip((x0 - x0[0]).tolist(), (x1 - x0[0]).tolist(), strict=True):
        mine[a:b] = True
    inside = int(span[:, mine].sum())
    return int(span[:, ~mine].sum()) > 0.1 * max(1, inside)


def _extend(lead: tuple[int, int, int, int], seen: np.ndarray, bad: np.ndarray, ink: np.ndarray, dot: int,
            pitch: float, high: int) -> tuple[int, int, int, int]:
    """A found leader (y0, y1, x0, x1) carried on along its rows over the thin ink beside its ends:
    runs of any length, with no other ink over or under them and no higher than its dots (``high``
    + 1 pixels), each within ``pitch`` of the last. Where a blurred scan runs four dots together
    (decree 2.19.720's model letters) the chain breaks, and the rest of the leader was read as letters."""
    y0, y1, x0, x1 = lead
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for y in range(max(0, y0), min(seen.shape[0], y1 + 1)):
        edges = np.diff(np.pad(seen[y], 1).view(np.int8))
        a, b = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        if not len(a):
            continue
        fouled = np.concatenate(([0], np.cumsum(bad[y], dtype=np.int32)))
        ok = (b - a >= 2) & (fouled[b] == fouled[a])
        found.append((a[ok], b[ok], np.full(int(ok.sum()), y)))
    if not found:
        return lead
    rx0, rx1, ry = (np.concatenate(parts) for parts in zip(*found, strict=True))
    thin: dict[int, bool] = {}  # looked at only for the runs within reach

    def is_thin(k: int) -> bool:
        if k not in thin:
            y, a, b = int(ry[k]), int(rx0[k]), int(rx1[k])
            rows = np.flatnonzero(ink[max(0, y - dot): y + dot + 1, a:b].any(axis=1))
            thin[k] = bool(len(rows)) and rows[-1] - rows[0] <= high
        return thin[k]

    by_start, by_end = np.argsort(rx0, kind="stable"), np.argsort(rx1, kind="stable")
    starts, ends = rx0[by_start], rx1[by_end]
    while True:
        lo, hi = np.searchsorted(starts, x1, "left"), np.searchsorted(starts, x1 + pitch, "right")
        right = [k for k in by_start[lo:hi].tolist() if rx1[k] > x1 and is_thin(k)]
        lo, hi = np.searchsorted(ends, x0 - pitch, "left"), np.searchsorted(ends, x0, "right")
        left = [k for k in by_end[lo:hi].tolist() if rx0[k] < x0 and is_thin(k)]
        if not right and not left:
            return y0, y1, x0, x1
        x1 = int(rx1[right].max()) if right else x1
        x0 = int(rx0[left].min()) if left else x0


def _covered(leaders: list[tuple[int, int, int, int]], y: int, x0: int, x1: int, dot: int) -> bool:
    """Would a level chain on row ``y`` from ``x0`` to ``x1`` be merged into a leader found
    already without changing it (the first leader it meets holds it whole)?"""
    for ly0, ly1, lx0, lx1 in leaders:
        if lx0 <= x1 and x0 <= lx1 and ly0 - 2 * dot <= y <= ly1 + 2 * dot:
            return ly0 <= y <= ly1 and lx0 <= x0 and x1 <= lx1
    return False


def _merged(leaders: list[tuple[int, int, int, int]], dot: int) -> list[tuple[int, int, int, int]]:
    """Leaders (y0, y1, x0, x1) that overlap once carried on made one."""
    out: list[tuple[int, int, int, int]] = []
    for y0, y1, x0, x1 in leaders:
        for k, (ly0, ly1, lx0, lx1) in enumerate(out):
            if lx0 <= x1 and x0 <= lx1 and ly0 - 2 * dot <= y1 and y0 <= ly1 + 2 * dot:
                out[k] = (min(ly0, y0), max(ly1, y1), min(lx0, x0), max(lx1, x1))
                break
        else:
            out.append((y0, y1, x0, x1))
    return out


def _near_other(ink: np.ndarray, y0: int, y1: int, x0: int, x1: int, tall: int, above: int, below: int) -> np.ndarray:
    """Over rows [y0, y1) and columns [x0, x1): ink that has other ink over or under it (a letter's
    stroke in a leader's box), for dots up to ``tall`` + 1 pixels high: the part of a leader that
    is not painted over. Measured with the tallest dot a leader may hold, so that a dot's own top
    is not taken for ink over its bottom."""
    ya, yb = max(0, y0 - tall - above), min(ink.shape[0], y1 + tall + below + 1)
    sub = ink[ya:yb, x0:x1]
    near = _window(sub, -tall, tall) & (_window(sub, -tall - above, -tall - 1) | _window(sub, tall + 1, tall + below))
    return near[y0 - ya: y1 - ya]


def _place(leaders: list[tuple[int, int, int, int]], y: int, drift: float, x0: int, x1: int, dot: int) -> bool:
    """A chain on row ``y`` from ``x0`` to ``x1``, climbing ``drift`` pixels, added to the leaders
    (y0, y1, x0, x1): merged into the first it overlaps, else a new one (True)."""
    ya, yb = y + min(0, math.floor(drift)), y + max(0, math.ceil(drift))
    for k, (ly0, ly1, lx0, lx1) in enumerate(leaders):
        if lx0 <= x1 and x0 <= lx1 and ly0 - 2 * dot <= yb and ya <= ly1 + 2 * dot:
            leaders[k] = (min(ly0, ya), max(ly1, yb), min(lx0, x0), max(lx1, x1))
            return False
    leaders.append((ya, yb, x0, x1))
    return True


def remove_leaders(img: Image.Image, dpi: float, threshold: int | None = None) -> Leaders:
    """The page image with its dot leaders painted over (the same object when there are none)."""
    a = np.asarray(img.convert("L"))
    paper = float(np.median(a))
    if threshold is None:
        threshold = int(min(paper - 40, 160))
    ink = a < threshold
    dot = max(2, round(DOT_IN * dpi))
    above, below = round(CLEAR_ABOVE_IN * dpi), round(CLEAR_BELOW_IN * dpi)
    # at row y, a column holds ink within a dot's height of y (seen) and nothing else from
    # `above` over it to `below` under it: a dot, a rule, a stroke's foot alone there
    seen = _window(ink, -dot, dot)
    bad = seen & (_window(ink, -dot - above, -dot - 1) | _window(ink, dot + 1, dot + below))
    edges = np.diff(np.pad(seen, ((0, 0), (1, 1))).view(np.int8), axis=1)
    sy, sx = np.nonzero(edges == 1)
    ey, ex = np.nonzero(edges == -1)
    blanks = short_blanks(a, ink, bad, (sy, sx, ex), dot, paper, dpi)  # a blurred scan's short blanks, dots run together
    width = ex - sx
    keep = (width <= MERGED * dot + 1) & (width >= 2)  # two dots run together by a blurred scan count as one blob
    sy, sx, ex = sy[keep], sx[keep], ex[keep]
    if len(sy) < MIN_DOTS and not blanks:
        return Leaders(img, 0, 0)
    cols = np.minimum(sx[:, None] + np.arange(MERGED * dot + 1), bad.shape[1] - 1)
    inside = np.arange(MERGED * dot + 1) < (ex - sx)[:, None]
    clean = ~(bad[sy[:, None], cols] & inside).any(axis=1)  # no column of the run holds other ink nearby
    sy, sx, ex = sy[clean], sx[clean], ex[clean]
    single = ex - sx <= dot + 1
    # first the strict chains (single dots on one row), then the long ones a blurred or skewed
    # scan makes: some dots run together in pairs, the row climbing or falling along the page
    chains = [(sy[single], sx[single], ex[single], i, j, False) for i, j in _segments(sy[single], sx[single], ex[single], MAX_PITCH_IN * dpi)]
    for i, j in _segments(sy, sx, ex, MAX_PITCH_IN * dpi):
        if j - i >= LONG_DOTS and np.mean(~single[i:j]) <= MAX_MERGED_SHARE:
            chains.append((sy, sx, ex, i, j, True))
        elif j - i < LONG_DOTS and _pairs_only(sx[i:j], ex[i:j], single[i:j]):
            chains.append((sy, sx, ex, i, j, False))  # a short blank of a blurred scan, level: see _pairs_only
    if not chains and not blanks:
        return Leaders(img, 0, 0)
    out = a.copy()
    leaders: list[tuple[int, int, int, int]] = []  # y0, y1, x0, x1 of each leader (rows merged)
    painted = 0
    too_tall = []  # long chains whose dots stand higher than a leader's: looked at again once the others are found
    for cy, cx0, cx1, i, j, sloped in chains:
        y = int(cy[i])
        if not sloped and _covered(leaders, y, int(cx0[i]), int(cx1[j - 1]), dot):
            continue  # the same leader seen from a neighbouring row: taking it again changes nothing
        drift = _aligned(ink[max(0, y - dot): y + dot + 1], cx0[i:j], cx1[i:j], dot, sloped)
        if drift is None:
            if j - i >= LONG_DOTS:
                too_tall.append((y, cx0[i:j], cx1[i:j]))
            continue
        if _stray_ink(ink[max(0, y - dot - above): y + dot + below + 1], cx0[i:j], cx1[i:j]):
            continue
        if _place(leaders, y, drift, int(cx0[i]), int(cx1[j - 1]), dot):
            painted += j - i
    leaders += blanks
    high = TALL * dot - 2  # their top and bottom rows at most this far apart: a row of strokes twice a dot high is no leader
    stretched: list[tuple[int, int, int, int]] = []  # leaders of tall dots, apart from the others
    for y, cx0, cx1 in too_tall:
        x0, x1 = int(cx0[0]), int(cx1[-1])
        if any(lx0 <= x1 and x0 <= lx1 and ly0 - 2 * dot <= y <= ly1 + 2 * dot for ly0, ly1, lx0, lx1 in leaders):
            continue  # a leader found already, its dots seen whole from another row
        drift = _aligned(ink[max(0, y - dot): y + dot + 1], cx0, cx1, dot, True, high)
        if drift is None or _stray_ink(ink[max(0, y - dot - above): y + dot + below + 1], cx0, cx1):
            continue
        if _place(stretched, y, drift, x0, x1, dot):
            painted += len(cx0)
    if not leaders and not stretched:
        return Leaders(img, 0, 0)
    pitch = MAX_PITCH_IN * dpi
    leaders = _merged([_extend(lead, seen, bad, ink, dot, pitch, dot + 1) for lead in leaders], dot)
    stretched = _merged([_extend(lead, seen, bad, ink, dot, pitch, high) for lead in stretched], dot)
    for (y0, y1, x0, x1), h in [(lead, dot + 1) for lead in leaders] + [(lead, high) for lead in stretched]:
        y0, y1 = max(0, y0 - dot), y1 + dot + 1  # every dot of the leader's span, also those its chains missed
        cut = out[y0:y1, x0:x1]
        cut[(cut < paper - 12) & ~_near_other(ink, y0, y1, x0, x1, h, above, below)] = 255  # the dots' grey edges too
    leaders += stretched
    boxes = [(x0, max(0, y0 - dot), x1, y1 + dot + 1) for y0, y1, x0, x1 in leaders]
    return Leaders(Image.fromarray(out) if img.mode == "L" else Image.fromarray(out).convert(img.mode), len(leaders), painted, boxes)


def without_leaders(pimg: PageImage) -> tuple[PageImage, int]:
    """The page image with its dot leaders taken out, and how many there were."""
    found = remove_leaders(pimg.image, pimg.dpi)
    if not found.count:
        return pimg, 0
    return PageImage(found.image, pimg.dpi, pimg.page, pimg.width_pt, pimg.height_pt, pimg.skew_deg, pimg.source_dpi,
                     pimg.cleaned), found.count


def leaders_and_boxes(pimg: PageImage) -> tuple[PageImage, int, list[tuple[int, int, int, int]]]:
    """:func:`without_leaders`, and each leader's box in pixels (x0, top, x1, bottom: ocr/fills.py marks the lines they
    follow)."""
    found = remove_leaders(pimg.image, pimg.dpi)
    if not found.count:
        return pimg, 0, []
    return PageImage(found.image, pimg.dpi, pimg.page, pimg.width_pt, pimg.height_pt, pimg.skew_deg, pimg.source_dpi,
                     pimg.cleaned), found.count, found.boxes
