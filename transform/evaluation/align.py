"""Semi-global word alignment: where in the output's word stream a truth page's words are.

The truth page (all of it) is aligned against a stretch of the output (free to start and end
anywhere, unless the caller prices the words left outside: the page's own words are not free
to leave out): edit distance in words, substitutions, deletions and insertions costing 1.
A truth word marked unsure is a wildcard (matches any output word, may be missing for free).
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
    top = n + (0 if lead is None else int(lead.max()))
    dtype = np.int16 if top < 30000 else np.int32
    cols = np.arange(m + 1, dtype=np.int32)
    dele = (truth != WILDCARD).astype(np.int32)
    dp = np.empty((n + 1, m + 1), dtype=dtype)
    prev = np.zeros(m + 1, dtype=np.int32) if lead is None else lead.astype(np.int32)
    dp[0] = prev
    row = np.empty(m + 1, dtype=np.int32)
    zeros = np.zeros(m, dtype=np.int32)
    for i in range(1, n + 1):
        a = truth[i - 1]
        sub = zeros if a == WILDCARD else (out != a).view(np.int8)
        d = dele[i - 1]
        row[0] = prev[0] + d
        np.minimum(prev[:-1] + sub, prev[1:] + d, out=row[1:])
        # insertions: row[j] = min over k <= j of row[k] + (j - k)
        row -= cols
        np.minimum.accumulate(row, out=row)
        row += cols
        dp[i] = row
        prev, row = row, prev
    last = dp[n].astype(np.int32)
    total = last if trail is None else last + trail
    end = int(np.argmin(total))
    end_value = int(last[end])
    on_word = tail_free = False
    if trail_on_word is not None:
        # arriving at (n, j) by a match/substitution or a deletion, not by an insertion
        before = dp[n - 1].astype(np.int32)
        a = truth[n - 1]
        arrive = before + int(dele[n - 1])
        if a != WILDCARD:
            arrive[1:] = np.minimum(arrive[1:], before[:-1] + (out != a).view(np.int8))
        else:
            arrive[1:] = np.minimum(arrive[1:], before[:-1])
        k = int(np.argmin(arrive + trail_on_word))
        if arrive[k] + trail_on_word[k] < total[end]:
            end, end_value, on_word = k, int(arrive[k]), True
            tail_free = True
    i, j = n, end
    while i > 0:
        a = truth[i - 1]
        cur = end_value if on_word else int(dp[i, j])
        if j > 0:
            s = 0 if a == WILDCARD or out[j - 1] == a else 1
            if cur == int(dp[i - 1, j - 1]) + s:
                t2o[i - 1] = j - 1
                o2t[j - 1] = i - 1
                exact[j - 1] = a != WILDCARD and s == 0
                i, j, on_word = i - 1, j - 1, False
                continue
        if cur == int(dp[i - 1, j]) + int(dele[i - 1]):
            i, on_word = i - 1, False
            continue
        j -= 1
    edits = end_value - (0 if lead is None else int(lead[j]))
    return Alignment(edits, j, end, t2o, o2t, exact, tail_free)
