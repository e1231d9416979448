"""Instructions of the PDF ingest of one file, counted by valgrind (steady under load, unlike CPU time).

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=_operator_call \\
        --callgrind-out-file=/tmp/cg.out .venv/bin/python bench/bidi_instructions.py [PDF] [--root TREE] [--runs 2]
    callgrind_annotate /tmp/cg.out | head -20      # "PROGRAM TOTALS": instructions of the measured runs

Only the runs inside ``operator.call`` are counted (imports and two warm-up runs are not); the same
``ingest`` as ``bench/ingest.py``'s "ingest" variant (OCR judging on, no structure). ``--bare`` counts
bare pypdfium2's text extraction of the same file instead. ``--root``: the tree whose code is read
(another tree, e.g. main's, read-only: run with that tree's interpreter and PYTHONDONTWRITEBYTECODE=1).
The bilingual bench's pages without tables, as a file of their own (what ``bench/ingest.py`` measures)::

    .venv/bin/python -c "import sys; sys.path.insert(0, 'bench'); import ingest as b; from pathlib import Path; \
        t = b.table_pages(b.DEFAULT); b.subset(b.DEFAULT, [i for i in range(46) if i not in t], Path('/tmp/no-tables.pdf'))"
"""

from __future__ import annotations

import argparse
import operator
import sys
from pathlib import Path

ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
ap.add_argument("pdf", type=Path)
ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
ap.add_argument("--runs", type=int, default=2)
ap.add_argument("--bare", action="store_true")
args = ap.parse_args()
sys.path.insert(0, str(args.root.resolve()))
sys.path.insert(0, str(args.root.resolve() / "bench"))

import ingest as bench  # noqa: E402  (bench/ingest.py of that tree)

run = (lambda: bench.bare(args.pdf)) if args.bare else (lambda: bench.run_ingest(args.pdf, False, True))
for _ in range(2):
    run()
operator.call(lambda: [run() for _ in range(args.runs)])
