"""The C grouping loop (``_group.group_pages``) checked against the Python loop (``pdf_blocks._group_pages``) on
every call a reading makes: both run on the same prepared pages and their groups are compared field by field."""

from __future__ import annotations

import copy
from typing import Any

from transform.ingest import pdf_block_runs, pdf_block_sizes, pdf_blocks


def same_groups(a: list[Any], b: list[Any]) -> str | None:
    """None when the two lists of groups are the same (type, fields in order, lines' types and fields), else what differs."""
    if len(a) != len(b):
        return f"{len(a)} groups against {len(b)}"
    for k, (x, y) in enumerate(zip(a, b, strict=True)):
        if type(x) is not type(y) or list(vars(x)) != list(vars(y)):
            return f"group {k}: fields {list(vars(x))} against {list(vars(y))}"
        for name, vx in vars(x).items():
            vy = getattr(y, name)
            if name == "lines":
                if len(vx) != len(vy) or any(type(p) is not type(q) or vars(p) != vars(q) for p, q in zip(vx, vy, strict=False)):
                    return f"group {k}: lines {[p.text for p in vx]} against {[q.text for q in vy]}"
            elif name == "table":
                if vx is not vy:
                    return f"group {k}: another table"
            elif type(vx) is not type(vy) or vx != vy:
                return f"group {k}: {name} {vx!r} against {vy!r}"
    return None


class Checked:
    """Stands for the extension: runs it and the Python loop on copies of the same pages, keeps what differs."""

    def __init__(self, native: Any) -> None:
        self.native = native
        self.calls = 0
        self.faults: list[str] = []

    def group_pages(self, prepared: list[tuple[Any, ...]], groups: list[Any], pitch: dict[Any, float], hooks: tuple[Any, ...]) -> None:
        again = [(*p[:5], list(p[5]), *p[6:]) for p in prepared]  # the Python loop pops the table slots
        reference: list[Any] = []
        pdf_blocks._group_pages(again, reference, copy.copy(pitch))
        self.native.group_pages(prepared, groups, pitch, hooks)
        self.calls += 1
        fault = same_groups(groups, reference)
        if fault:
            self.faults.append(fault)
        # the two other native steps on the same pages: entry_runs' first test and the document's pitches
        for k, page in enumerate(prepared):
            lines = page[0]
            python = bytes(pdf_block_runs._few(lines)).find(b"\x01" * pdf_block_runs.ENTRY_RUN) >= 0
            if self.native.short_run(lines, pdf_block_runs.ENTRY_CHARS, pdf_block_runs.ENTRY_WORDS, pdf_block_runs.ENTRY_RUN) != python:
                self.faults.append(f"page {k}: short_run is not {python}")
        feats = [page[2] for page in prepared]
        got, want = list(self.native.pitches(feats).items()), list(pdf_block_sizes._pitches_py(feats).items())
        if got != want or [type(v) for _, v in got] != [type(v) for _, v in want]:
            self.faults.append(f"pitches {got} against {want}")
