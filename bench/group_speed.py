"""The grouping and blocks stage alone (``pdf_blocks.group_lines`` + ``groups_to_blocks``) on real PDFs, timed or counted.

    .venv/bin/python bench/group_speed.py PDF... [--repeat 5] [--number 20]
    valgrind --tool=callgrind --instr-atstart=no --collect-atstart=no --toggle-collect=_operator_call \\
        .venv/bin/python bench/group_speed.py PDF... --callgrind [--number 2]

Each PDF is read once (``ocr=never``) with ``group_lines``'s arguments kept (the pages' lines after the running
lines are taken off, the tables placed, the page sizes); then the grouping and the blocks are made again and again
from them, the collector paused as the reader pauses it. Without ``--callgrind``: the CPU time of one pass over
all the PDFs, best of ``--repeat`` rounds of ``--number`` passes. With ``--callgrind``, under valgrind as above:
after three warm-up passes the script turns callgrind's instrumentation on for its own process
(``callgrind_control -i on``: the reading before it runs at valgrind's uninstrumented speed) and makes
``--number`` passes inside ``operator.call``, so that only they are counted; the instruction count is callgrind's
``summary`` line, the same from run to run within about 0.1 %, whatever the machine's load (the wall and CPU
times of a loaded two-core machine swing by more than the changes measured).
"""

from __future__ import annotations

import argparse
import gc
import operator
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import transform.ingest.pdf as pdf_ingester  # noqa: E402
from transform.context import RunContext  # noqa: E402
from transform.ingest import ingest  # noqa: E402
from transform.options import TransformOptions  # noqa: E402


def captured(paths: list[Path]) -> list[tuple[Any, ...]]:
    """``group_lines``'s arguments for each PDF, as the reader gives them."""
    real = pdf_ingester.group_lines
    kept: list[tuple[Any, ...]] = []

    def keep(*args: Any) -> Any:
        kept.append(args)
        return real(*args)

    pdf_ingester.group_lines = keep  # type: ignore[assignment]
    try:
        for path in paths:
            ctx = RunContext(options=TransformOptions(ocr="never"), out_dir=path.parent, stem=path.stem, source=path)
            ingest(path, ctx)
    finally:
        pdf_ingester.group_lines = real  # type: ignore[assignment]
    return kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pdfs", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--number", type=int, default=20)
    ap.add_argument("--callgrind", action="store_true", help="count under valgrind (see above)")
    args = ap.parse_args()
    inputs = captured(args.pdfs)
    group_lines, groups_to_blocks = pdf_ingester.group_lines, pdf_ingester.groups_to_blocks

    def passes(n: int) -> None:
        for _ in range(n):
            for a in inputs:
                groups_to_blocks(group_lines(*a))

    passes(3)
    gc.collect()
    gc.disable()
    if args.callgrind:
        subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True, timeout=60, check=False)
        operator.call(passes, args.number)
        return
    best = min(_timed(passes, args.number) for _ in range(args.repeat))
    print(f"grouping + blocks: {best * 1000:.3f} ms CPU per pass over {len(inputs)} PDF(s) (best of {args.repeat} x {args.number})")


def _timed(fn: Any, n: int) -> float:
    t = time.process_time()
    fn(n)
    return (time.process_time() - t) / n


if __name__ == "__main__":
    main()
