"""Instructions of one whole reading (a variant of ``bench/ingest.py``: ingest + structure by default), counted by callgrind.

    valgrind --tool=callgrind --instr-atstart=no --collect-atstart=no --toggle-collect=_operator_call \\
        .venv/bin/python bench/ingest_count.py PDF [--variant "ingest+structure"] [--number 2]

Two warm-up runs first (the caches a reading fills, the imports), then the script turns callgrind's
instrumentation on for its own process (``callgrind_control -i on``) and makes ``--number`` runs inside
``operator.call``, so that only they are counted: callgrind's ``Collected`` line divided by ``--number`` is the
count per run, the same within about 0.1 % from run to run whatever the machine's load (a cyclic collection of the
heap may fall in the window or not: ``callgrind_annotate --inclusive=yes OUT | grep gc_collect_main`` gives its share).
Run it from the tree to measure; ``"bare pypdfium2"`` counts the reference the same way. Outside valgrind the
``callgrind_control`` call fails quietly and the runs are only made.
"""

from __future__ import annotations

import argparse
import gc
import operator
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import ingest as bench_ingest  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("pdf", type=Path)
    ap.add_argument("--variant", default="ingest+structure", choices=sorted(bench_ingest.VARIANTS))
    ap.add_argument("--number", type=int, default=2)
    args = ap.parse_args()
    run = bench_ingest.VARIANTS[args.variant]
    run(args.pdf)
    run(args.pdf)
    gc.collect()
    subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True, timeout=60, check=False)

    def runs(n: int) -> None:
        for _ in range(n):
            run(args.pdf)

    operator.call(runs, args.number)


if __name__ == "__main__":
    main()
