"""The whole PDF reading (ingest + structure, as ``bench/ingest.py`` runs it) counted in instructions, or the
stages after the grouping timed on their own.

    valgrind --tool=callgrind --instr-atstart=no --collect-atstart=no --toggle-collect=_operator_call \\
        .venv/bin/python bench/order_speed.py PDF... --callgrind [--number 2] [--bare]
    .venv/bin/python bench/order_speed.py PDF... [--number 20]

With ``--callgrind`` (under valgrind as above): two warm-up readings of every PDF (the text-layer judging and
structure caches warm, as after ``bench/ingest.py``'s warm-up), then callgrind's instrumentation is turned on
for this process (``callgrind_control -i on``) and ``--number`` readings of every PDF run inside
``operator.call``, so that only they are counted (callgrind's ``summary`` line; the same within about 0.1 % from
run to run whatever the machine's load). ``--only MODULE:FUNCTION`` (repeatable) counts only the calls of those
functions: each is wrapped in ``operator.call`` instead of the whole reading (functions that do not call each
other). ``--bare`` counts bare pypdfium2's text extraction of the same PDFs
instead (``bench/ingest.py``'s reference): the ratio in instructions is bare / ours.

Without ``--callgrind``: the CPU time of one reading of every PDF and of the stages this branch made cheaper
(reading order, the passes over the blocks, the running lines, the table test's rows, the digit groups, the
structure stage), each summed over the readings, best of ``--repeat`` rounds of ``--number`` readings.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import operator
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import bare, run_ingest  # noqa: E402

STAGES = (
    ("transform.ingest.pdf_layout", "reading_order"),
    ("transform.ingest.pdf_headings", "refine_headings"),
    ("transform.ingest.pdf_furniture", "split_running_lines"),
    ("transform.ingest.pdf_table_rows", "visual_rows"),
    ("transform.ingest.pdf_digit_groups", "space_digit_groups"),
    ("transform.structure", "build_structure"),
)


def _timers(spent: dict[str, float]) -> None:
    """Wrap each stage's function, in every module of ``transform`` that holds it, with a CPU timer."""
    for module, name in STAGES:
        real = getattr(importlib.import_module(module), name)

        def timed(*a: Any, _real: Any = real, _name: str = name, **k: Any) -> Any:
            t = time.process_time()
            try:
                return _real(*a, **k)
            finally:
                spent[_name] = spent.get(_name, 0.0) + time.process_time() - t

        for mod in list(sys.modules.values()):
            if getattr(mod, "__name__", "").startswith(("transform", "ingest")) and getattr(mod, name, None) is real:
                setattr(mod, name, timed)


def _counted(targets: list[str]) -> None:
    """Each ``module:function`` called through ``operator.call`` (callgrind counts inside it), wherever held."""
    for target in targets:
        module, name = target.split(":")
        real = getattr(importlib.import_module(module), name)

        def counted(*a: Any, _real: Any = real, **k: Any) -> Any:
            return operator.call(_real, *a, **k)

        for mod in list(sys.modules.values()):
            if getattr(mod, "__name__", "").startswith(("transform", "ingest")) and getattr(mod, name, None) is real:
                setattr(mod, name, counted)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("pdfs", nargs="+", type=Path)
    ap.add_argument("--number", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--callgrind", action="store_true", help="count under valgrind (see above)")
    ap.add_argument("--bare", action="store_true", help="bare pypdfium2 instead of our reading")
    ap.add_argument("--only", action="append", default=[], metavar="MODULE:FUNCTION", help="count only these functions' calls")
    args = ap.parse_args()
    read: Callable[[Path], object] = bare if args.bare else (lambda p: run_ingest(p, True, True))

    def readings(n: int) -> None:
        for _ in range(n):
            for path in args.pdfs:
                read(path)

    readings(2)
    if args.callgrind:
        gc.collect()
        subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True, timeout=60, check=False)
        if args.only:
            _counted(args.only)
            readings(args.number)
        else:
            operator.call(readings, args.number)
        return
    spent: dict[str, float] = {}
    _timers(spent)
    best: tuple[float, dict[str, float]] | None = None
    for _ in range(args.repeat):
        spent.clear()
        t = time.process_time()
        readings(args.number)
        total = time.process_time() - t
        if best is None or total < best[0]:
            best = (total, dict(spent))
    assert best is not None
    n = args.number
    print(f"one reading of {len(args.pdfs)} PDF(s): {best[0] / n * 1000:.2f} ms CPU (best of {args.repeat} x {n})")
    for name, t in sorted(best[1].items(), key=lambda kv: -kv[1]):
        print(f"  {name:22s} {t / n * 1000:7.3f} ms")


if __name__ == "__main__":
    main()
