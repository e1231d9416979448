"""An upright scan's tilt, measured further than the usual deskew when the page says it is tilted.

People scan with phones, and a sheet photographed by hand comes tilted by 5-15 degrees. The deskew
(``render.estimate_skew``) searches the sharpest horizontal ink profile over ``render.SKEW_DEG`` (4°)
in steps of 1°, then refines by half and quarter degrees: it reaches 5.5° at most. A page tilted
more was read tilted, and tesseract's reading of tilted Arabic lines falls apart (words from two
lines mixed, lines cut): decree 2.17.355 p. 3 tilted 8° kept 0.75 of its words, tilted -8° to
-12° it was refused (bench/tilted_pages.py).

:func:`measure` runs the same narrow search, and then looks further only when that search says the
page may be tilted more: its best angle is at the edge of the narrow range (a page tilted 6° peaks
there), or its profile has no clear peak (the best under ``PROMINENT`` times the median of the
narrow angles; the corpus's upright scans peak at 5.7-50 times it, but two of Sfax's landscape notices
at 2.6 and 4.1; pages tilted 8-12° at 1.0-3.1). Then the angles out to ``WIDE_DEG`` are tried at 1°
(about 22 more profiles of a 500-pixel thumbnail, a quarter of a millisecond each), and an angle
beyond ``SKEW_DEG`` + 1° is taken only when its profile is a clear peak: ``CLEARLY`` times as sharp as
the narrow search's best and ``WIDE_PEAK`` times the median of all the angles tried. Measured on the
corpus's 43 scanned OCR pages turned by hand: tilted 8-14° they gave at least 5.5 and 8.0; upright,
their wide best is their narrow best; a page turned a quarter (its lines running down: the first
reading of a sideways scan, orientation.py) or tilted 20-25°, past the range, at most 3.2 and 5.4,
and is left as the narrow search finds it. The chosen angle is refined as before. A page tilted
within the narrow search's reach gets exactly the angle it got before.
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image

from .render import SKEW_DEG, binarise

WIDE_DEG = 15.0  # an upright page's tilt is measured up to this when the narrow search says it may be tilted more
PROMINENT = 5.0  # a narrow profile whose best is under this many times its median has no clear peak: look further
CLEARLY = 4.0  # an angle past the narrow search is taken when its profile is this much sharper than the narrow best...
WIDE_PEAK = 6.0  # ...and this much sharper than the median of all the angles tried (a clear peak, not a page turned)
THUMB = 500  # the profiles are measured on a thumbnail of at most this many pixels a side


def _sharpness(img: Image.Image) -> Callable[[float], float]:
    """The sharpness of the page's horizontal ink profile turned by an angle (the variance of its
    differences), on a binarised thumbnail; each angle is measured once."""
    import numpy as np  # on use: `import transform` stays light

    small = img.copy()
    small.thumbnail((THUMB, THUMB))
    ink = binarise(small).point(lambda v: 255 - v)
    seen: dict[float, float] = {}

    def sharp(angle: float) -> float:
        if angle not in seen:
            rot = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST), dtype=np.float64)
            seen[angle] = float(np.var(np.diff(rot.sum(axis=1))))
        return seen[angle]

    return sharp


def _coarse(sharp: Callable[[float], float], angles: list[float], best: float, best_s: float) -> tuple[float, float]:
    """The sharpest of ``angles`` when it beats ``best`` by more than a hair (the first of equals kept)."""
    for ang in angles:
        s = sharp(ang)
        if s > best_s * 1.0001:
            best, best_s = ang, s
    return best, best_s


def _refine(sharp: Callable[[float], float], best: float, best_s: float) -> float:
    """``best`` refined by half and quarter degrees, two steps either side."""
    for step in (0.5, 0.25):
        centre = best
        for ang in (centre - 2 * step, centre - step, centre + step, centre + 2 * step):
            s = sharp(ang)
            if s > best_s * 1.0001:
                best, best_s = ang, s
    return best


def _degrees(limit: float) -> list[float]:
    """-limit .. limit in whole degrees."""
    n = int(limit)
    return [float(a) for a in range(-n, n + 1)]


def tilted_more(values: list[float], best: float, limit: float = SKEW_DEG) -> bool:
    """Does the narrow search's profile say the page may be tilted past it? Its best angle at the
    range's edge, or no clear peak (the best under PROMINENT times the median of ``values``)."""
    values = sorted(values)
    median = values[len(values) // 2]
    return abs(best) >= limit or max(values) < PROMINENT * median


def measure(img: Image.Image, wide: float = WIDE_DEG) -> float:
    """The rotation (degrees, counter-clockwise as in PIL) that straightens the text lines of an upright
    scan: the narrow search of ``render.estimate_skew`` (same angle), then, when it says the page may be
    tilted more (:func:`tilted_more`), whole degrees out to ``wide``, an angle past SKEW_DEG + 1° kept only
    when a clear peak (CLEARLY times the narrow best, WIDE_PEAK times the median of every angle tried); the angle found is refined by half and quarter degrees."""
    sharp = _sharpness(img)
    narrow = _degrees(SKEW_DEG)
    best, best_s = _coarse(sharp, narrow, 0.0, sharp(0.0))
    if wide > SKEW_DEG and tilted_more([sharp(a) for a in narrow], best):
        every = _degrees(wide)
        far = [a for a in every if abs(a) > SKEW_DEG + 1]
        ang, s = _coarse(sharp, far, best, CLEARLY * best_s)
        values = sorted(sharp(a) for a in every)
        if ang != best and s >= WIDE_PEAK * values[len(values) // 2]:
            best, best_s = ang, s
    return _refine(sharp, best, best_s)


def follow(stamps: list, size: tuple[int, int], angle: float) -> None:
    """Move the boxes of the stamps read apart (stamps.py, found on the page as scanned) to where the page's
    straightening (``angle`` degrees counter-clockwise about the image's centre, PIL's ``rotate``) carries their
    centres, so that their numbers are placed on the lines tesseract read in the straightened image: turned 10°,
    a stamp 800 pixels from the centre moves by about 140, two lines. The boxes keep their size (their masks
    stay theirs), inside the image."""
    import math

    w, h = size
    cx, cy = w / 2, h / 2
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    for st in stamps:
        x, y = (st.x0 + st.x1) / 2 - cx, (st.top + st.bottom) / 2 - cy
        dx = round(cx + x * c + y * s - (st.x0 + st.x1) / 2)
        dy = round(cy - x * s + y * c - (st.top + st.bottom) / 2)
        dx = min(max(dx, -st.x0), w - st.x1)
        dy = min(max(dy, -st.top), h - st.bottom)
        st.x0, st.x1, st.top, st.bottom = st.x0 + dx, st.x1 + dx, st.top + dy, st.bottom + dy
