"""Office-format ingest (DOCX, ODT, flat ODT, HTML, Markdown) against a bare pandoc run, in the same run.

    .venv/bin/python bench/office.py [--repeat 7]

For each file: **bare** = ``pandoc --sandbox -f <reader> -t json FILE`` (what any pandoc-based
reader pays); **ingest** = ``transform.ingest.ingest`` (detection, encoding, cleaning, the
package checks, pandoc, notes/tables/headings to the model, surrogate repair). The ratio is
bare time / ingest time (1.0 = no overhead over pandoc itself). Wall-clock time, best of
``--repeat``, runs interleaved. The files are the budget-note sample in its office forms and
the notes fixture as LibreOffice writes it (ODT and flat ODT: the flat one is repackaged as an
ODT before pandoc, so its bare run is pandoc on the ODT).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transform._exec.pandoc import binary as pandoc_binary  # noqa: E402
from transform.context import RunContext  # noqa: E402
from transform.ingest import ingest  # noqa: E402
from transform.options import TransformOptions  # noqa: E402

SAMPLES = ROOT / "samples"
OFFICE = ROOT / "tests" / "ingest" / "office"
FILES: list[tuple[str, Path, str, Path]] = [  # label, file, pandoc reader for the bare run, file for the bare run
    ("DOCX (budget note)", SAMPLES / "note-budget-2027.docx", "docx", SAMPLES / "note-budget-2027.docx"),
    ("HTML export (LibreOffice)", SAMPLES / "note-budget-2027.html", "html", SAMPLES / "note-budget-2027.html"),
    ("Markdown source", SAMPLES / "src" / "note-budget-2027.md", "markdown", SAMPLES / "src" / "note-budget-2027.md"),
    ("Markdown export (Word-style)", SAMPLES / "note-budget-2027.export.md", "markdown", SAMPLES / "note-budget-2027.export.md"),
    ("ODT (LibreOffice)", OFFICE / "notes.odt", "odt", OFFICE / "notes.odt"),
    ("flat ODT (LibreOffice)", OFFICE / "notes.fodt", "odt", OFFICE / "notes.odt"),
]


def bare(reader: str, path: Path) -> None:
    subprocess.run([pandoc_binary(), "--sandbox", "-f", reader, "-t", "json", str(path)], check=True, capture_output=True, timeout=120)


def ours(path: Path) -> None:
    ctx = RunContext(options=TransformOptions(), out_dir=path.parent, stem=path.stem, source=path)
    ingest(path, ctx)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    print(f"{'file':32} {'bare ms':>8} {'ingest ms':>10} {'ratio':>6}")
    for label, path, reader, bare_path in FILES:
        best_bare = best_ours = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            bare(reader, bare_path)
            best_bare = min(best_bare, time.perf_counter() - t0)
            t0 = time.perf_counter()
            ours(path)
            best_ours = min(best_ours, time.perf_counter() - t0)
        print(f"{label:32} {best_bare * 1000:8.0f} {best_ours * 1000:10.0f} {best_bare / best_ours:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
