"""A date stamp's month read from its band, written only when both models name it (issue 17).

A ministry's blue date stamp prints ``2023 <month> 10``: the figures in a condensed face (:mod:`stamp_digits`), the
month between them on the stamp's band in a hand-like ruq'a face. Tesseract's models were trained on print faces and
one reading of the band names a month at random: ``ara`` reads a stamped ``مارس`` as ``ماي`` (another month) on
three of the corpus's five stamped months. Here the band (the ink between the stamp's two numbers: :func:`band`) is
read many times: set upright by three slants (ruq'a leans), as cut and thickened by a pixel, at four heights (24
renderings), each by ``ara`` and ``Arabic`` at ``--psm 7`` and ``8`` (two tesseract calls for the page's bands,
two more for the bands ``Arabic`` names a month for).
Each reading is mapped to the month it names in a closed vocabulary (:mod:`month_names`), and a month is written only
when **each model** names it in at least :data:`MIN_VOTES` readings and at least :data:`RATIO` times as often as all
the other months it names together (the two models' rule of :mod:`stamp_digits`: neither alone is trusted). The
line keeps its doubt either way (:func:`stamps.place`): a stamped date always goes to the reviewer. Measured with
``bench/stamp_months.py`` (docs/ocr.md).

A band the two models do not agree on keeps the months either of them named firmly (``Stamp.named``): the document
may print the same date elsewhere (a decision's date in its title and under its signature), which
:mod:`stamp_dates` looks for once every page is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from .month_names import MONTHS, likeness, normal, votes

if TYPE_CHECKING:
    from .stamps import Stamp

SLANTS = (-0.1, 0.0, 0.1)  # the band sheared by these (a row y pixels up moves k*y to the right)
HEIGHTS = (32, 48, 64, 96)  # and scaled to these heights (pixels)
READS = (("ara", 7), ("ara", 8), ("Arabic", 7), ("Arabic", 8))  # model and page segmentation of each reading
MODELS = ("ara", "Arabic")
FIRST = "Arabic"  # read first: it names nothing for MTEDD's ابريل and too little for Santé's مارس (no second read)
MIN_VOTES = 5  # readings of each model that name the month, at least
RATIO = 2.0  # and at least this many times the readings of that model naming any other month
TALLS = (0.8, 0.85, 0.9)  # digit columns at least this share of the stamp's tallest, tried in turn
PAD = 8  # paper around the band (pixels, before scaling)


def month_span(ink: np.ndarray) -> tuple[int, int] | None:
    """The columns (x0, x1) of the ink between a date stamp's two runs of digit columns, or None. A bold band may
    stand 0.8 of the figures (Santé's: :func:`stamp_digits.number_boxes` sees one run), so stricter heights are tried
    when the first finds no two runs."""
    from .stamp_digits import _columns

    cols = _columns(ink)
    if not cols:
        return None
    tallest = max(b - t for _a, _b, t, b in cols)
    for tall in TALLS:
        runs: list[list[tuple[int, int, int, int]]] = [[]]
        for c in cols:
            if c[3] - c[2] >= tall * tallest:
                runs[-1].append(c)
            elif runs[-1]:
                runs.append([])
        runs = [r for r in runs if r]
        inside = [c for c in cols if len(runs) == 2 and runs[0][-1][1] <= c[0] and c[1] <= runs[1][0][0]]
        if inside:
            return inside[0][0], inside[-1][1]
    return None


def band(ink: np.ndarray) -> np.ndarray | None:
    """A date stamp's month ink, trimmed to its box, or None."""
    span = month_span(ink)
    if span is None:
        return None
    sub = ink[:, span[0]:span[1]]
    rows = np.flatnonzero(sub.any(axis=1))
    return sub[rows[0]:rows[-1] + 1]


def _grow(m: np.ndarray) -> np.ndarray:
    g = m.copy()
    g[1:] |= m[:-1]
    g[:-1] |= m[1:]
    g[:, 1:] |= m[:, :-1]
    g[:, :-1] |= m[:, 1:]
    return g


def shear(img: Image.Image, k: float) -> Image.Image:
    """``img`` (white paper) sheared: a row ``y`` pixels above the bottom moves ``k * y`` to the right."""
    w, h = img.size
    ext = int(abs(k) * h) + 1
    off = -ext if k < 0 else 0
    return img.transform((w + ext, h), Image.Transform.AFFINE, (1, -k, k * (h - 1) + off, 0, 1, 0),
                         resample=Image.Resampling.NEAREST, fillcolor=255)


def renderings(mask: np.ndarray, slants: tuple[float, ...] = SLANTS) -> list[Image.Image]:
    """The band's mask, sheared by each slant, as cut and thickened by a pixel, black on white, at each height."""
    out = []
    for k in slants:
        for m in (mask, _grow(mask)):
            img = Image.fromarray(np.pad(np.where(m, 0, 255).astype(np.uint8), PAD, constant_values=255))
            if k:
                img = shear(img, k)
            for px in HEIGHTS:
                s = px / mask.shape[0]
                out.append(img.resize((max(1, round(img.width * s)), max(1, round(img.height * s))),
                                      Image.Resampling.LANCZOS))
    return out


def read_bands(masks: list[np.ndarray], timeout: float, slants: tuple[float, ...] = SLANTS,
               reads: tuple[tuple[str, int], ...] = READS) -> list[dict[str, list[str]]]:
    """Every reading of each band by read (``ara7``, ``ara8``, ``Arabic7``, ``Arabic8``): one call per read."""
    from .crop_reads import read_crops

    per = len(slants) * 2 * len(HEIGHTS)
    images = [im for m in masks for im in renderings(m, slants)]
    out: list[dict[str, list[str]]] = [{} for _ in masks]
    if not images:
        return out
    for lang, psm in reads:
        got = read_crops(images, lang=lang, psm=psm, allowed="", timeout=timeout, stem="mo")
        for k in range(len(masks)):
            out[k][f"{lang}{psm}"] = [" ".join(w for w, _c in r) for r in got[k * per:(k + 1) * per]]
    return out


def _lead(v: dict[int, int]) -> int | None:
    """The month one model names firmly: MIN_VOTES readings or more, RATIO times all its other months."""
    if not v:
        return None
    month, n = max(v.items(), key=lambda kv: kv[1])
    rest = sum(v.values()) - n
    return month if n >= MIN_VOTES and n >= RATIO * rest else None


def _led(readings: dict[str, list[str]], model: str) -> int | None:
    """The month ``model``'s readings name firmly, or None."""
    return _lead(votes([r for key, rs in readings.items() if key.startswith(model) and key[len(model):].isdigit()
                        for r in rs]))


def settle(readings: dict[str, list[str]]) -> str | None:
    """The month's name when each model names it firmly (:func:`_lead`), else None. Its spelling: the one the
    readings are likest to (the first listed on a tie)."""
    leads = {_led(readings, m) for m in MODELS}
    if len(leads) != 1 or None in leads:
        return None
    month = leads.pop()
    said = [normal(r) for rs in readings.values() for r in rs]
    return max(MONTHS[month], key=lambda s: sum(likeness(r, normal(s)) for r in said if r))


def dated(st: Stamp) -> bool:
    """A figure stamp read as a date, year and day (figures left to right, one year and one day)."""
    from .ink import is_day, is_year

    f = st.figures
    return (st.kept and not st.faint and len(f) == 2 and sum(map(is_year, f)) == 1 and sum(map(is_day, f)) == 1)


def read_months(stamps: list[Stamp], timeout: float, models: set[str] | None) -> int:
    """The month of each date stamp read as a year and a day whose band lies between them (``Stamp.month``, else
    left None). Returns the tesseract calls made (none when no stamp qualifies or a model is missing)."""
    from ..errors import ToolError

    if models is not None and not all(m in models for m in MODELS):
        return 0
    todo = [(st, b) for st in stamps if dated(st) and (b := band(st.ink)) is not None]
    if not todo:
        return 0
    first, second = ([rd for rd in READS if rd[0] == m] for m in (FIRST, next(m for m in MODELS if m != FIRST)))
    calls = 0
    try:  # the model that more often names nothing first: the other is read only for the bands it names
        reads = read_bands([b for _st, b in todo], timeout, reads=tuple(first))
        calls += len(first)
        named = [k for k, r in enumerate(reads) if _led(r, FIRST) is not None]
        if named:
            for k, r in zip(named, read_bands([todo[k][1] for k in named], timeout, reads=tuple(second)), strict=True):
                reads[k].update(r)
            calls += len(second)
    except ToolError:
        return calls
    for (st, _b), r in zip(todo, reads, strict=True):
        st.month = settle(r)
        if st.month is None:
            st.named = tuple(sorted({m for m in (_led(r, model) for model in MODELS) if m is not None}))
    return calls
