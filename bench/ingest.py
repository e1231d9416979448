"""PDF ingest speed against bare pypdfium2 text extraction, measured in the same run.

    .venv/bin/python bench/ingest.py [PDF] [--repeat 7]

Without PDF it uses bench/data/bilingual-long.pdf (built on demand by
``scripts/make_samples.py --bench-only``: 46 pages, Arabic and French, a few table pages).

* bare: ``PdfDocument`` + ``get_textpage().get_text_range()`` for every page;
* ours: ``transform.ingest.ingest`` (text, bidi repair, OCR hook, blocks, table detection
  and pdfplumber's table finder on candidate pages) + ``build_structure`` (sections,
  sentences, languages, ids).

Both run on the whole document and on a copy that keeps only the pages without tables
(pages with tables are found by our own ingester). Best of ``--repeat`` runs each.
Goals: ratio >= 0.5 on pages without tables, >= 0.15 on the whole document.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT / "bench" / "data" / "bilingual-long.pdf"

import pypdfium2 as pdfium  # noqa: E402

from transform.context import RunContext  # noqa: E402
from transform.ingest import ingest  # noqa: E402
from transform.ingest.pdf import PdfIngester  # noqa: E402
from transform.options import TransformOptions  # noqa: E402
from transform.structure import build_structure  # noqa: E402


def bare(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    chars = 0
    for i in range(len(pdf)):
        page = pdf[i]
        tp = page.get_textpage()
        chars += len(tp.get_text_range())
        tp.close()
        page.close()
    pdf.close()
    return chars


def ours(path: Path) -> int:
    ctx = RunContext(options=TransformOptions(), out_dir=path.parent, stem=path.stem, source=path)
    doc = build_structure(ingest(path, ctx))
    return len(doc.sections)


def best(fn, path: Path, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - t0)
    return min(times)


def table_pages(path: Path) -> list[int]:
    """0-based indexes of the pages where our ingester finds a table."""
    pdf = pdfium.PdfDocument(str(path))
    found = []
    ing = PdfIngester()
    for i in range(len(pdf)):
        _, tables, _, _ = ing._read_page(pdf, i, path.name)
        if tables:
            found.append(i)
    pdf.close()
    return found


def subset(path: Path, keep: list[int], out: Path) -> Path:
    src = pdfium.PdfDocument(str(path))
    dst = pdfium.PdfDocument.new()
    dst.import_pages(src, keep)
    dst.save(str(out))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    if not args.pdf.exists():
        if args.pdf != DEFAULT:
            sys.exit(f"{args.pdf} not found")
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_samples.py"), "--bench-only"], check=True, timeout=600)
    n = len(pdfium.PdfDocument(str(args.pdf)))
    ours(args.pdf)  # warm-up: imports (pdfplumber, regex tables), font caches
    bare(args.pdf)
    tpages = table_pages(args.pdf)
    with tempfile.TemporaryDirectory() as tmp:
        plain = subset(args.pdf, [i for i in range(n) if i not in tpages], Path(tmp) / "no-tables.pdf")
        m = n - len(tpages)
        rows = []
        for label, path, pages in (("pages without tables", plain, m), ("whole document", args.pdf, n)):
            tb = best(bare, path, args.repeat)
            to = best(ours, path, args.repeat)
            rows.append((label, pages, pages / tb, pages / to, tb / to))
    print(f"{args.pdf.name}: {n} pages, {len(tpages)} with tables (pages {', '.join(str(i + 1) for i in tpages)}); best of {args.repeat}")
    print(f"{'':<22} {'pages':>5} {'bare pypdfium2 p/s':>19} {'ours p/s':>9} {'ratio':>6}  goal")
    goals = {"pages without tables": 0.5, "whole document": 0.15}
    ok = True
    for label, pages, pb, po, ratio in rows:
        goal = goals[label]
        ok &= ratio >= goal
        print(f"{label:<22} {pages:>5} {pb:>19.0f} {po:>9.0f} {ratio:>6.2f}  >= {goal} {'ok' if ratio >= goal else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
