"""Make OCR'd font sizes consistent so that layout grouping can compare them.

Sizes estimated from line boxes vary by a point or so between lines of the same style
(ascenders, descenders, dots). Layout code compares sizes to the half point, so the sizes
of all OCR'd lines of a document are clustered (neighbours within ``TOLERANCE``) and each
line gets its cluster's typical size, rounded to half a point.
"""

from __future__ import annotations

from ..ingest.base import TextLine

TOLERANCE = 0.20  # sizes within 20 % of a cluster's smallest size belong to it (measured best on the samples)


def snap_sizes(lines: list[TextLine]) -> None:
    """Replace each line's size by its cluster's text-weighted median (in place)."""
    sized = sorted((ln for ln in lines if ln.size > 0), key=lambda ln: ln.size)
    cluster: list[TextLine] = []

    def close() -> None:
        if not cluster:
            return
        weights = sorted(cluster, key=lambda ln: ln.size)
        total = sum(max(len(ln.text), 1) for ln in weights)
        acc, typical = 0, weights[-1].size
        for ln in weights:
            acc += max(len(ln.text), 1)
            if acc * 2 >= total:
                typical = ln.size
                break
        value = round(typical * 2) / 2
        for ln in cluster:
            ln.size = value
        cluster.clear()

    for ln in sized:
        if cluster and ln.size > cluster[0].size * (1 + TOLERANCE):
            close()
        cluster.append(ln)
    close()
