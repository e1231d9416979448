"""The stretches where a truth page and its aligned output differ, for the report's details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .stream import OutStream

if TYPE_CHECKING:
    from .fidelity import _Page


def word_diffs(w: _Page, stream: OutStream, limit: int = 20) -> list[tuple[str, str]]:
    """The stretches where truth and output words differ, as (truth words, output words)."""
    al, tw = w.al, w.tw
    diffs: list[tuple[str, str]] = []
    t_run: list[str] = []
    o_run: list[str] = []
    p = al.start

    def flush() -> None:
        if (t_run or o_run) and len(diffs) < limit:
            diffs.append((" ".join(t_run), " ".join(o_run)))
        t_run.clear()
        o_run.clear()

    for i, x in enumerate(tw.words):
        q = int(al.t2o[i])
        if q < 0:
            t_run.append("?" if tw.unsure[i] else x.key)
            continue
        o_run.extend(stream.keys[int(g)] for g in w.window[p:q])  # inserted words
        if al.exact[q] or tw.unsure[i]:
            flush()
        else:
            t_run.append(x.key)
            o_run.append(stream.keys[int(w.window[q])])
        p = q + 1
    o_run.extend(stream.keys[int(g)] for g in w.window[p : al.end])
    flush()
    return diffs
