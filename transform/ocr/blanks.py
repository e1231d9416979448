"""Short fill-in blanks of a blurred scan whose dots ran together, for the leader finder (leaders.py).

A model letter's letterhead prints short blanks after its labels (`المديرية الجهوية ل ........ب ........`,
`ملف رقم: ........../..........`). On a ~100 dpi scan rendered at 250 dpi, the blur runs three,
four or five of their dots together into one thin blob, so what the leader finder sees is a few
single dots and a few such blobs: never the eight single dots in a row a leader needs, nor the
sixteen a long blurred chain may hold. Tesseract read them as letters (`1 20`, `نين`, `سيب مسب`).

Such a blank is found from its shape: on one row, at least MIN_PIECES thin pieces of ink (no
higher than a dot, with no other ink over or under them: the leader finder's own `bad` mask),
each close to the last, together at least MIN_SPAN_IN long and at most MAX_SPAN_IN (longer ones
are the long chains' work), one of them at least as wide as three dots and each wide piece
still dotted: its ink thins between the dots it holds (a printed dash or a table's rule is
even all along).
"""

from __future__ import annotations

import numpy as np

MIN_PIECES = 1  # a short blank: at least this many pieces of ink on its row...
MIN_SPAN_IN = 0.15  # ...together at least this long (inches)...
MAX_SPAN_IN = 1.5  # ...and no longer (a longer blank is a long chain of dots: leaders.py)
WIDE_DOTS = 2  # one piece at least this many dots wide, less a pixel: dots run together (single dots are leaders.py's)
TALLER = 3  # its ink at most this many pixels taller than a dot (blur spreads run-together dots up and down)
GAP_DOTS = 1.0  # pieces of one blank at most this many dots apart (edge to edge)
DIP = 0.75  # between two run-together dots the band's ink falls to this share of its peaks or less
MIN_DOTS = 8  # a blank holds at least this many dots (as leaders.py's)...
PITCH_DOTS = 1.6  # ...at most this many dots' width apart (centre to centre)...
PITCH_SPREAD = 0.35  # ...most of them this share of the pitch from it...
REGULAR = 0.7  # ...this share of them (a dip missed here and there)


def _dips(profile: np.ndarray) -> list[int]:
    """Where a wide piece's ink (summed down each column) falls between two peaks to DIP of the
    lower one: the gaps between the dots it holds."""
    n, k = len(profile), 0
    out: list[int] = []
    peak_left = 0.0
    while k < n:
        peak_left = max(peak_left, float(profile[k]))
        j = k  # the lowest point before the profile rises again
        while j + 1 < n and profile[j + 1] <= profile[j]:
            j += 1
        m = j
        while m + 1 < n and profile[m + 1] >= profile[m]:
            m += 1
        peak_right = float(profile[m])
        if j > k and m > j and float(profile[j]) <= DIP * min(peak_left, peak_right):
            out.append(j)
            peak_left = peak_right
        k = max(m, k + 1)
    return out


def _dotted(grey: np.ndarray, paper: float, dot: int) -> bool:
    """The band of a blank (rows of its dots, its columns) is dots at one pitch: its ink (summed down
    each column) dips at least MIN_DOTS - 1 times, most of the stretches between dips alike and no
    longer than PITCH_DOTS dots (a word's strokes on a light scan dip at no such pitch)."""
    profile = np.clip(paper - grey.astype(np.float32), 0, None).sum(axis=0)
    if len(profile) < 3:
        return False
    smooth = np.convolve(profile, np.ones(2, dtype=np.float32) / 2, mode="same")  # a pixel of noise is no dip
    dips = _dips(smooth)
    steps = np.diff(np.asarray(dips, dtype=float))
    if DEBUG:
        print('    band', len(profile), 'dips', dips, steps.tolist())
    if len(steps) < MIN_DOTS // 2:
        return False
    pitch = float(np.median(steps))
    if pitch > PITCH_DOTS * dot:
        return False
    # a dip the blur filled leaves a stretch of two dots: a whole number of pitches is still regular
    times = np.clip(np.round(steps / pitch), 1, 2)
    regular = (np.abs(steps - times * pitch) <= PITCH_SPREAD * pitch) & (steps < 2.5 * pitch)
    return float(np.mean(regular)) >= REGULAR and int(times[regular].sum()) >= MIN_DOTS - 2


DEBUG = False


def short_blanks(a: np.ndarray, ink: np.ndarray, bad: np.ndarray, runs: tuple[np.ndarray, np.ndarray, np.ndarray],
                 dot: int, paper: float, dpi: float) -> list[tuple[int, int, int, int]]:
    """Short blanks (y0, y1, x0, x1) on the page: see the module's note. ``runs``: the row, start and
    end of each run of ink within a dot's height of a row (in row order); ``bad``: such ink with
    other ink over or under it (leaders.py)."""
    sy, sx, ex = runs
    keep = ex - sx >= 2
    sy, sx, ex = sy[keep], sx[keep], ex[keep]
    if len(sy) < MIN_PIECES:
        return []
    w = bad.shape[1]
    bounds = np.empty(2 * len(sy), dtype=np.intp)  # each run's start and end in the flattened page
    bounds[0::2], bounds[1::2] = sy * w + sx, sy * w + ex
    flat = np.append(bad.reshape(-1), False)  # an end at the page's last pixel stays in range
    clean = ~np.logical_or.reduceat(flat, bounds)[0::2]
    sy, sx, ex = sy[clean], sx[clean], ex[clean]
    if len(sy) < MIN_PIECES:
        return []
    link = np.zeros(len(sy), dtype=bool)
    link[1:] = (sy[1:] == sy[:-1]) & (sx[1:] - ex[:-1] <= GAP_DOTS * dot)
    seg = np.cumsum(~link)
    sizes = np.bincount(seg)
    starts = np.flatnonzero(~link)
    wide = WIDE_DOTS * dot - 1
    out: list[tuple[int, int, int, int]] = []
    for k in np.flatnonzero(sizes >= MIN_PIECES):
        i = int(starts[k - 1])
        j = i + int(sizes[k])
        span = int(ex[j - 1] - sx[i])
        if not MIN_SPAN_IN * dpi <= span <= MAX_SPAN_IN * dpi or not (ex[i:j] - sx[i:j] >= wide).any():
            continue
        y = int(sy[i])
        y0, y1 = max(0, y - dot), min(ink.shape[0], y + dot + 1)
        rows = np.flatnonzero(ink[y0:y1, int(sx[i]):int(ex[j - 1])].any(axis=1))
        if not len(rows) or rows[-1] - rows[0] > dot + TALLER:
            continue  # not thin: a stroke, a letter
        top, bot = y0 + int(rows[0]), y0 + int(rows[-1])
        if not _dotted(a[top:bot + 1, int(sx[i]):int(ex[j - 1])], paper, dot):
            continue
        out.append((top, bot, int(sx[i]), int(ex[j - 1])))
    return out
