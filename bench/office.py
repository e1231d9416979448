"""Office-format ingest (DOCX, ODT, flat ODT, HTML, Markdown) against a bare pandoc run, in the same run.

    .venv/bin/python bench/office.py [--repeat 7]

For each file: **bare** = ``pandoc --sandbox -f <reader> -t json FILE`` (what any pandoc-based
reader pays); **ingest** = ``transform.ingest.ingest`` (detection, encoding, cleaning, the
package checks, pandoc, notes/tables/headings to the model, surrogate repair). The ratio is
bare time / ingest time (1.0 = no overhead over pandoc itself). Wall-clock time, best of
``--repeat``, runs interleaved. The files are the budget-note sample in its office forms and
the notes fixture as LibreOffice writes it (ODT and flat ODT: the flat one is repackaged as an
ODT before pandoc, so its bare run is pandoc on the ODT).

``--long-kb N`` (default 500, 0 to skip) adds a long Markdown file made of the samples'
Markdown sources repeated (note labels made unique) and compares, in the same run: bare
``pandoc -f markdown``, bare ``pandoc -f`` with the faster CommonMark reader, our ingest as it
is (the scan picks the reader) and our ingest held to the ``markdown`` reader (what it did
before). Wall-clock and CPU time (this process and its children, i.e. pandoc) are printed.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transform._exec.pandoc import binary as pandoc_binary  # noqa: E402
from transform.context import RunContext  # noqa: E402
from transform.ingest import ingest  # noqa: E402
from transform.ingest import pandoc as pandoc_ingest  # noqa: E402
from transform.ingest.markup import FAST_MARKDOWN  # noqa: E402
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


def long_markdown(kb: int, out: Path) -> Path:
    """The samples' Markdown sources repeated to ``kb`` KiB, each copy's note labels its own."""
    sources = [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "src").glob("*.md"))]
    parts: list[str] = []
    size, k = 0, 0
    while size < kb * 1024:
        text = re.sub(r"\[\^(\w+)\]", lambda m, k=k: f"[^{m.group(1)}c{k}]", sources[k % len(sources)])
        parts.append(text)
        size += len(text.encode("utf-8"))
        k += 1
    out.write_text("\n\n".join(parts), encoding="utf-8")
    return out


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def bench_long(kb: int, repeat: int) -> None:
    path = long_markdown(kb, Path(tempfile.gettempdir()) / f"taysir-bench-long-{kb}kb.md")
    real_pick = pandoc_ingest.markdown_reader

    def held() -> None:
        pandoc_ingest.markdown_reader = lambda text: "markdown"  # type: ignore[assignment]
        try:
            ours(path)
        finally:
            pandoc_ingest.markdown_reader = real_pick  # type: ignore[assignment]

    runs = {
        "bare pandoc -f markdown": lambda: bare("markdown", path),
        "bare pandoc, CommonMark reader": lambda: bare(FAST_MARKDOWN, path),
        "ingest (reader picked by the scan)": lambda: ours(path),
        "ingest held to markdown (before)": held,
    }
    wall = {k: float("inf") for k in runs}
    cpu = {k: float("inf") for k in runs}
    for _ in range(repeat):
        for name, fn in runs.items():
            t0, c0 = time.perf_counter(), _cpu()
            fn()
            wall[name] = min(wall[name], time.perf_counter() - t0)
            cpu[name] = min(cpu[name], _cpu() - c0)
    print(f"\nlong Markdown ({path.stat().st_size // 1024} KiB, picked reader: {real_pick(path.read_text(encoding='utf-8'))})")
    print(f"{'':36} {'wall ms':>8} {'CPU ms':>8} {'CPU ratio to bare markdown':>27}")
    base = cpu["bare pandoc -f markdown"]
    for name in runs:
        print(f"{name:36} {wall[name] * 1000:8.0f} {cpu[name] * 1000:8.0f} {base / cpu[name]:27.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--long-kb", type=int, default=500, help="size of the long Markdown file (0: skip it)")
    ap.add_argument("--long-only", action="store_true", help="only the long Markdown file")
    args = ap.parse_args()
    if args.long_only:
        bench_long(args.long_kb, args.repeat)
        return 0
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
    if args.long_kb:
        bench_long(args.long_kb, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
