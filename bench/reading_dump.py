"""Same reading before and after a speed change: dump what the PDF reader makes of every PDF, then diff.

    .venv/bin/python bench/reading_dump.py dump OUT_DIR [--ocr never|auto] [--only ID...] [--lines]
    .venv/bin/python bench/reading_dump.py diff DIR_A DIR_B

``dump`` reads every PDF of ``tests/realdocs/files/`` and ``samples/`` (``--only`` keeps the files whose
stem starts with one of the given prefixes) with ``ingest`` + ``build_structure`` and writes, per file,
``<stem>.json``: the structure JSON (``model_dump_json``), or the typed error a bad input gets.
``--lines`` also writes ``<stem>.lines``: every line of every page as ``page_lines`` gives it (text,
direction, extent, start, count, gaps, segments; floats with ``repr``), the level where the bidi
repair works. Timings the document carries are masked.

The code read is the tree this script is run from (``--root``: another tree, e.g. main's, read-only;
run it with that tree's interpreter and ``PYTHONDONTWRITEBYTECODE=1``). ``diff`` lists the files
missing on one side and the files that differ (first differing line), and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
TIMING = re.compile(r'"(seconds|elapsed_s|duration_s|ms)":\s*-?[0-9.e+-]+')


def _pdfs(root: Path, only: list[str]) -> list[Path]:
    files = sorted((root / "tests" / "realdocs" / "files").glob("*.pdf")) + sorted((root / "samples").glob("*.pdf"))
    return [p for p in files if not only or any(p.stem.startswith(o) for o in only)]


def _structure(path: Path, ocr: str) -> str:
    from transform.context import RunContext
    from transform.errors import TransformError
    from transform.ingest import ingest
    from transform.options import TransformOptions
    from transform.structure import build_structure

    with tempfile.TemporaryDirectory(prefix="reading-dump-") as tmp:
        ctx = RunContext(options=TransformOptions.model_validate({"ocr": ocr}), out_dir=Path(tmp), stem=path.stem, source=path)
        try:
            doc = build_structure(ingest(path, ctx))
        except TransformError as exc:
            return f"error {type(exc).__name__}: {exc}\n"
    return TIMING.sub(r'"\1": 0', doc.model_dump_json(indent=1)) + "\n"


def _lines(path: Path) -> str:
    import pypdfium2 as pdfium

    from transform.ingest.ligatures import LigatureProbe
    from transform.ingest.pdf_text import page_lines

    out: list[str] = []
    pdf = pdfium.PdfDocument(str(path))
    probe = LigatureProbe()
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            for ln in page_lines(page, tp, i + 1, probe):
                out.append(repr((ln.page, ln.text, ln.rtl, ln.x0, ln.top, ln.x1, ln.bottom, ln.size, ln.bold, ln.baseline,
                                 ln.start, ln.count, ln.gaps, ln.segments, ln.call, [p.text for p in ln.parts])))
            tp.close()
            page.close()
    finally:
        pdf.close()
    return "\n".join(out) + "\n"


def dump(out: Path, ocr: str, only: list[str], lines: bool, root: Path) -> int:
    sys.path.insert(0, str(root))
    out.mkdir(parents=True, exist_ok=True)
    for path in _pdfs(root, only):
        t0 = time.perf_counter()
        (out / f"{path.stem}.json").write_text(_structure(path, ocr), encoding="utf-8")
        if lines:
            try:
                (out / f"{path.stem}.lines").write_text(_lines(path), encoding="utf-8")
            except Exception as exc:  # a broken file: its error is the dump
                (out / f"{path.stem}.lines").write_text(f"error {type(exc).__name__}\n", encoding="utf-8")
        print(f"{path.stem}: {time.perf_counter() - t0:.1f} s", flush=True)
    return 0


def diff(a: Path, b: Path) -> int:
    names_a = {p.name for p in a.iterdir()}
    names_b = {p.name for p in b.iterdir()}
    bad = 0
    for name in sorted(names_a ^ names_b):
        print(f"only in {'first' if name in names_a else 'second'}: {name}")
        bad += 1
    same = 0
    for name in sorted(names_a & names_b):
        ta, tb = (a / name).read_text(encoding="utf-8"), (b / name).read_text(encoding="utf-8")
        if ta == tb:
            same += 1
            continue
        bad += 1
        la, lb = ta.splitlines(), tb.splitlines()
        k = next((i for i, (x, y) in enumerate(zip(la, lb, strict=False)) if x != y), min(len(la), len(lb)))
        print(f"DIFFERS {name} at line {k + 1}:\n  - {la[k][:200] if k < len(la) else '(end)'}\n  + {lb[k][:200] if k < len(lb) else '(end)'}")
    print(f"{same} of {len(names_a | names_b)} files byte for byte the same")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--ocr", default="never", choices=["never", "auto"])
    d.add_argument("--only", nargs="*", default=[])
    d.add_argument("--lines", action="store_true")
    d.add_argument("--root", type=Path, default=HERE)
    f = sub.add_parser("diff")
    f.add_argument("a", type=Path)
    f.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        return dump(args.out, args.ocr, args.only, args.lines, args.root.resolve())
    return diff(args.a, args.b)


if __name__ == "__main__":
    raise SystemExit(main())
