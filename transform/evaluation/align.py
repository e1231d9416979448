"""Semi-global word alignment: where in the output's word stream a truth page's words are.

The truth page (all of it) is aligned against a stretch of the output (free to start and end
anywhere, unless the caller prices the words left outside: the page's own words are not free
to leave out): edit distance in words, substitutions, deletions and insertions costing 1.
A truth word marked unsure is a wildcard (matches any output word, may be missing for free).
Among alignments of as many edits, the one with the most exact matches is taken: each cell
holds ``edits * scale - matches`` (``scale`` above any count of matches), so a word read one
letter off beside a stray output word is aligned on its own truth word, not shifted one place
onto its neighbour's (three substitutions cost as much as an insertion, a substitution, a
match and a deletion); the paragraph starts and numbers read through the alignment follow it.
One numpy row per truth word; the insertion run of a row is a running minimum, so a page of
500 words against three pages of output takes a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WILDCARD = -1


@dataclass
class Alignment:
    edits: int  # word edit distance of the truth against out[start:end]
    start: int  # first output position of the aligned stretch
    end: int  # one past its last position
    t2o: np.ndarray  # truth index -> output position (match or substitution), -1 when deleted
    o2t: np.ndarray  # output position -> truth index, -1 for an insertion or outside the stretch
    exact: np.ndarray  # output position -> True when it equals its truth word
    tail_free: bool = False  # the stretch ended on a truth word and ``trail_on_word`` priced the end


def align(truth: np.ndarray, out: np.ndarray, lead: np.ndarray | None = None, trail: np.ndarray | None = None,
          trail_on_word: np.ndarray | None = None) -> Alignment:  # fmt: skip
    """Align word ids ``truth`` (``WILDCARD`` for unsure words) against word ids ``out``.

    ``lead[j]``: cost of starting the stretch at ``j`` (what is left out before it), ``trail[j]``:
    cost of ending it at ``j``, ``trail_on_word[j]``: the same when the stretch ends on a truth
    word (not on an inserted one), e.g. the rest of the paragraph of the page's last word is
    free; all of length ``len(out) + 1``, zero when not given. ``edits`` is the cost within
    the stretch only."""
    n, m = len(truth), len(out)
    t2o = np.full(n, -1, dtype=np.int64)
    o2t = np.full(m, -1, dtype=np.int64)
    exact = np.zeros(m, dtype=bool)
    if n == 0:
        return Alignment(0, 0, 0, t2o, o2t, exact)
    if m == 0:
        return Alignment(int(np.count_nonzero(truth != WILDCARD)), 0, 0, t2o, o2t, exact)
    k = n + 1  # one edit outweighs any number of matches
    most = max(int(lead.max()) if lead is not None else 0, int(trail.max()) if trail is not None else 0,
               int(trail_on_word.max()) if trail_on_word is not None else 0)  # fmt: skip
    top = k * (n + most + 1)  # no cell is dearer than leaving out all before it and deleting every truth word
    wide: type[np.signedinteger] = np.int32 if top < 2**31 - 1 else np.int64
    dtype = np.int16 if top < 30000 else wide
    cols: np.ndarray = np.arange(m + 1, dtype=wide) * k
    dele = (truth != WILDCARD).astype(wide) * k
    dp = np.empty((n + 1, m + 1), dtype=dtype)
    prev: np.ndarray = np.zeros(m + 1, dtype=wide) if lead is None else lead.astype(wide) * k
    dp[0] = prev
    row: np.ndarray = np.empty(m + 1, dtype=wide)
    zeros = np.zeros(m, dtype=wide)
    for i in range(1, n + 1):
        a = truth[i - 1]
        # a substitution costs one edit, an exact match takes one off the matches' tie-break
        sub: np.ndarray = zeros if a == WILDCARD else np.where(out != a, k, -1).astype(wide)
        d = dele[i - 1]
        row[0] = prev[0] + d
        np.minimum(prev[:-1] + sub, prev[1:] + d, out=row[1:])
        # insertions: row[j] = min over q <= j of row[q] + (j - q) * k
        row -= cols
        np.minimum.accumulate(row, out=row)
        row += cols
        dp[i] = row
        prev, row = row, prev
    last = dp[n].astype(wide)
    total = last if trail is None else last + trail.astype(wide) * k
    end = int(np.argmin(total))
    end_value = int(last[end])
    on_word = tail_free = False
    if trail_on_word is not None:
        # arriving at (n, j) by a match/substitution or a deletion, not by an insertion
        before = dp[n - 1].astype(wide)
        a = truth[n - 1]
        arrive = before + dele[n - 1]
        if a != WILDCARD:
            arrive[1:] = np.minimum(arrive[1:], before[:-1] + np.where(out != a, k, -1))
        else:
            arrive[1:] = np.minimum(arrive[1:], before[:-1])
        q = int(np.argmin(arrive + trail_on_word.astype(wide) * k))
        if arrive[q] + int(trail_on_word[q]) * k < total[end]:
            end, end_value, on_word = q, int(arrive[q]), True
            tail_free = True
    i, j = n, end
    while i > 0:
        a = truth[i - 1]
        cur = end_value if on_word else int(dp[i, j])
        if j > 0:
            s = 0 if a == WILDCARD else (-1 if out[j - 1] == a else k)
            if cur == int(dp[i - 1, j - 1]) + s:
                t2o[i - 1] = j - 1
                o2t[j - 1] = i - 1
                exact[j - 1] = a != WILDCARD and s < 0
                i, j, on_word = i - 1, j - 1, False
                continue
        if cur == int(dp[i - 1, j]) + int(dele[i - 1]):
            i, on_word = i - 1, False
            continue
        j -= 1
    value = end_value - (0 if lead is None else int(lead[j]) * k)
    edits = -(-value // k)  # value = edits * k - matches, 0 <= matches < k
    return Alignment(edits, j, end, t2o, o2t, exact, tail_free)
