"""OCR speed: our scanned-page path vs the bare ``tesseract`` command on the same page images.

    .venv/bin/python bench/ocr.py [--pages 8] [--repeat 2]

Input: image-only PDFs made here from the sample PDFs (each page rendered at 300 dpi and
rebuilt with Pillow, like a scanner would). Our path is ``transform.ocr.read_pages`` with
``ocr=auto`` on those scans: quality check, render at the OCR resolution, deskew (scans keep
their grey levels), tesseract with both languages in the page's order (TSV) on two worker
threads, recovery of skipped lines, re-reading of lines read with the wrong model, a second
reading of table pages found to be in the other script, geometry back to PDF points. The reference is what a person would run on the very same page images (the
ones our path renders, written as PNG with their 250 dpi, as a scanner writes them):
``tesseract page.png out -l ara+fra tsv``, two processes at a time with ``OMP_THREAD_LIMIT=1``
(both cores busy, as in our path). Also shown: the same command on PNGs without a dpi field
(tesseract then guesses the resolution: faster, but less accurate on Arabic).
Prints seconds per page for both and their ratio (goal: at most 1.3). Best of ``--repeat``
runs, because the machine is shared. Also the CPU time of each path (the process and the
tesseract processes it waited for, ``os.times``) and its ratio: on a loaded machine the wall
ratio swings with the load, the CPU ratio much less.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transform.context import RunContext  # noqa: E402
from transform.ocr import read_pages  # noqa: E402
from transform.ocr.pages import workers  # noqa: E402
from transform.ocr.render import OCR_DPI, render_page  # noqa: E402
from transform.options import TransformOptions  # noqa: E402


def make_scan(out: Path, max_pages: int, sample: str = "") -> Path:
    images: list[Image.Image] = []
    for src in sorted((ROOT / "samples").glob(f"{sample}*.pdf")):
        pdf = pdfium.PdfDocument(str(src))
        for i in range(len(pdf)):
            if len(images) < max_pages:
                images.append(pdf[i].render(scale=300 / 72, grayscale=True).to_pil().convert("L"))
        pdf.close()
    if not images:
        sys.exit("no samples/*.pdf: run scripts/make_samples.py first")
    images[0].save(out, "PDF", resolution=300, save_all=True, append_images=images[1:])
    return out


def _cpu() -> float:
    """CPU seconds of this process and of the children it has waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def ours(scan: Path, n: int, tmp: Path) -> tuple[float, float]:
    ctx = RunContext(options=TransformOptions(ocr="auto"), out_dir=tmp, stem="bench")
    t, c = time.perf_counter(), _cpu()
    _, reports = read_pages(scan, [[] for _ in range(n)], ctx)
    dt, dc = time.perf_counter() - t, _cpu() - c
    bad = [r for r in reports if r.method != "ocr"]
    if bad:
        sys.exit(f"pages not OCR'd: {bad}")
    return dt, dc


def bare(pngs: list[Path], tmp: Path) -> tuple[float, float]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(png: Path) -> None:
        subprocess.run(["tesseract", str(png), str(tmp / png.stem), "-l", "ara+fra", "tsv"],
                       check=True, capture_output=True, env=env, timeout=600)

    t, c = time.perf_counter(), _cpu()
    with ThreadPoolExecutor(max_workers=workers()) as pool:
        list(pool.map(one, pngs))
    return time.perf_counter() - t, _cpu() - c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--sample", default="", help="only the samples whose name starts with this (one language)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        scan = make_scan(tmp / "scan.pdf", args.pages, args.sample)
        pdf = pdfium.PdfDocument(str(scan))
        n = len(pdf)
        pngs: list[Path] = []
        nodpi: list[Path] = []
        for i in range(n):  # the exact images our path gives tesseract before preprocessing
            p = tmp / f"page{i + 1:03d}.png"
            render_page(pdf, i, OCR_DPI).image.save(p, dpi=(OCR_DPI, OCR_DPI))  # a scan file carries its dpi
            pngs.append(p)
            q = tmp / f"nodpi{i + 1:03d}.png"
            render_page(pdf, i, OCR_DPI).image.save(q)
            nodpi.append(q)
        pdf.close()
        runs_ours, runs_bare, runs_nodpi = [], [], []
        for _ in range(args.repeat):  # alternate, so that load changes hit all alike
            runs_ours.append(ours(scan, n, tmp))
            runs_bare.append(bare(pngs, tmp))
            runs_nodpi.append(bare(nodpi, tmp))
        (t_ours, c_ours), (t_bare, c_bare), (t_nodpi, _) = min(runs_ours), min(runs_bare), min(runs_nodpi)
    print(f"pages: {n} (samples scanned at 300 dpi), OCR at {OCR_DPI} dpi, ara+fra, {workers()} workers, cores: {os.cpu_count()}")
    print(f"ours : {t_ours:7.2f} s  {t_ours / n:5.2f} s/page")
    print(f"bare : {t_bare:7.2f} s  {t_bare / n:5.2f} s/page  (tesseract page.png out -l ara+fra tsv, 2 at a time)")
    print(f"bare*: {t_nodpi:7.2f} s  {t_nodpi / n:5.2f} s/page  (same, PNG without dpi: tesseract guesses it; "
          "faster, less accurate on Arabic)")
    print(f"ratio ours/bare: {t_ours / t_bare:.2f}  (goal <= 1.3); ours/bare*: {t_ours / t_nodpi:.2f}")
    print(f"CPU  : ours {c_ours / n:5.2f} s/page, bare {c_bare / n:5.2f} s/page, ratio {c_ours / c_bare:.2f} "
          f"(each the fastest run's)")


if __name__ == "__main__":
    main()
