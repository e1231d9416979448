"""Same reading before and after a speed change: the structure JSON of every PDF, dumped and compared.

    .venv/bin/python bench/dump_structure.py dump OUT_DIR [--ocr auto|never|both] [--tess-cache DIR] [--lines] [PDF...]
    .venv/bin/python bench/dump_structure.py diff BEFORE_DIR AFTER_DIR

``dump`` reads every PDF of ``tests/realdocs/files/`` and ``samples/`` (or the PDFs given) with
``transform.ingest.ingest`` then ``build_structure``, with OCR ``auto`` (OCR on: scans and broken
text layers are OCR'd), ``never`` or both, and writes ``OUT_DIR/<ocr>/<file name>.json``: the
structured document's JSON (``model_dump_json``), or the typed error's class and message when the
file is refused. Run it from the tree to measure (``.venv/bin/python`` of that worktree).

``--tess-cache DIR`` keeps tesseract's answers on disk, keyed by the command and the bytes of the
image(s) it reads: the second dump (the changed tree) replays them instead of running tesseract
again, which takes the OCR-on pass from most of an hour to minutes on a loaded machine. A replayed
answer is the answer tesseract gave to the same image with the same arguments; an image that a
change renders differently is a miss and runs tesseract (so a change in what is OCR'd still shows).

``--lines`` also writes ``OUT_DIR/lines/<file name>.lines``: every line of every page as
``pdf_text.page_lines`` gives it (text, direction, box, size, baseline, gaps, segments, note call;
floats with ``repr``), the level where the bidi and letter repairs work. Timings a document
carries are written as 0.

``diff`` lists the files present in one folder only and the files whose bytes differ, with the
first differing offset; exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TIMING = re.compile(r'"(seconds|elapsed_s|duration_s|ms)":\s*-?[0-9.e+-]+')


def default_pdfs() -> list[Path]:
    return sorted((ROOT / "tests" / "realdocs" / "files").glob("*.pdf")) + sorted((ROOT / "samples").glob("*.pdf"))


def _key(args: list[str]) -> str:
    """A tesseract command's key: its arguments with the input file replaced by the bytes it
    names (a list file: the bytes of every image it lists)."""
    h = hashlib.sha256()
    src = Path(args[3])
    for a in args[:3] + args[4:]:
        h.update(a.encode() + b"\0")
    if src.suffix == ".txt":
        for name in src.read_text(encoding="utf-8").split():
            h.update(hashlib.sha256(Path(name).read_bytes()).digest())
    else:
        h.update(hashlib.sha256(src.read_bytes()).digest())
    return h.hexdigest()


def cache_tesseract(folder: Path) -> dict[str, int]:
    """Make every tesseract run of ``transform._exec._run`` go through a disk cache."""
    from transform._exec import _run

    folder.mkdir(parents=True, exist_ok=True)
    counts = {"hit": 0, "miss": 0}
    real = subprocess.run

    def run(args: Any, *a: Any, **k: Any) -> Any:
        if not (isinstance(args, list) and len(args) > 4 and args[:3] == ["env", "OMP_THREAD_LIMIT=1", "tesseract"]
                and args[4] == "stdout" and not k.get("input")):
            return real(args, *a, **k)
        path = folder / _key(args)
        if path.exists():
            counts["hit"] += 1
            return subprocess.CompletedProcess(args, 0, path.read_bytes(), b"")
        proc = real(args, *a, **k)
        if proc.returncode == 0:
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(proc.stdout)
            tmp.replace(path)
        counts["miss"] += 1
        return proc

    class _Sub:  # the module's ``subprocess`` with ``run`` cached; everything else as is
        def __getattr__(self, name: str) -> Any:
            return run if name == "run" else getattr(subprocess, name)

    _run.subprocess = _Sub()  # type: ignore[attr-defined]
    return counts


def read_one(pdf: Path, ocr: str) -> str:
    from transform.context import RunContext
    from transform.errors import TransformError
    from transform.ingest import ingest
    from transform.options import TransformOptions
    from transform.structure import build_structure

    ctx = RunContext(options=TransformOptions(ocr=ocr), out_dir=pdf.parent, stem=pdf.stem, source=pdf)
    try:
        return TIMING.sub(r'"\1": 0', build_structure(ingest(pdf, ctx)).model_dump_json(indent=1))
    except TransformError as exc:
        return json.dumps({"error": type(exc).__name__, "message": str(exc)}, ensure_ascii=False)


def page_lines_text(pdf: Path) -> str:
    """Every line of every page as ``page_lines`` reads it, one ``repr`` per line."""
    import pypdfium2 as pdfium

    from transform.ingest.ligatures import LigatureProbe
    from transform.ingest.pdf_text import page_lines

    out: list[str] = []
    doc = pdfium.PdfDocument(str(pdf))
    probe = LigatureProbe()
    try:
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            for ln in page_lines(page, tp, i + 1, probe):
                out.append(repr((ln.page, ln.text, ln.rtl, ln.x0, ln.top, ln.x1, ln.bottom, ln.size, ln.bold, ln.baseline,
                                 ln.start, ln.count, ln.gaps, ln.segments, ln.call, [p.text for p in ln.parts])))
            tp.close()
            page.close()
    finally:
        doc.close()
    return "\n".join(out) + "\n"


def dump_lines(out: Path, pdfs: list[Path]) -> None:
    folder = out / "lines"
    folder.mkdir(parents=True, exist_ok=True)
    for pdf in pdfs:
        try:
            text = page_lines_text(pdf)
        except Exception as exc:  # a broken file: its error is the dump
            text = f"error {type(exc).__name__}\n"
        (folder / (pdf.name + ".lines")).write_text(text, encoding="utf-8")


def dump(out: Path, modes: list[str], pdfs: list[Path], tess_cache: Path | None) -> None:
    counts = cache_tesseract(tess_cache) if tess_cache else None
    for mode in modes:
        folder = out / mode
        folder.mkdir(parents=True, exist_ok=True)
        for pdf in pdfs:
            t0 = time.perf_counter()
            (folder / (pdf.name + ".json")).write_text(read_one(pdf, mode), encoding="utf-8")
            print(f"{mode:6} {pdf.name:60} {time.perf_counter() - t0:7.1f} s", flush=True)
    if counts is not None:
        print(f"tesseract cache: {counts['hit']} replayed, {counts['miss']} run")


def diff(before: Path, after: Path) -> int:
    a = {p.relative_to(before).as_posix() for p in before.rglob("*") if p.suffix in (".json", ".lines")}
    b = {p.relative_to(after).as_posix() for p in after.rglob("*") if p.suffix in (".json", ".lines")}
    bad = 0
    for name in sorted(a ^ b):
        print(f"only in {'before' if name in a else 'after'}: {name}")
        bad += 1
    same = 0
    for name in sorted(a & b):
        x, y = (before / name).read_bytes(), (after / name).read_bytes()
        if x == y:
            same += 1
            continue
        at = next((i for i, (c, d) in enumerate(zip(x, y, strict=False)) if c != d), min(len(x), len(y)))
        print(f"differs: {name} (first at byte {at}: {x[max(0, at - 60):at + 60]!r} / {y[max(0, at - 60):at + 60]!r})")
        bad += 1
    print(f"{same} of {len(a | b)} files byte for byte the same")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("pdfs", nargs="*", type=Path)
    d.add_argument("--ocr", choices=["auto", "never", "both"], default="both")
    d.add_argument("--tess-cache", type=Path)
    d.add_argument("--lines", action="store_true", help="also dump every page's lines as page_lines reads them")
    c = sub.add_parser("diff")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "diff":
        return diff(args.before, args.after)
    modes = ["never", "auto"] if args.ocr == "both" else [args.ocr]
    pdfs = [p.resolve() for p in args.pdfs] or default_pdfs()
    dump(args.out, modes, pdfs, args.tess_cache)
    if args.lines:
        dump_lines(args.out, pdfs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
