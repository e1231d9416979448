"""What plain tesseract reads on the corpus's two coarse scans, scored against their truth pages.

    .venv/bin/python bench/coarse_scans.py [--page table|form] [VARIANT ...]

The reader refuses two OCR'd truth pages as unreadable: decree 2.77.756 p. 4 (a 1977 table
scanned at 52 x 44 dpi, dot leaders between its columns) and order 137.19 p. 3 (a bilingual
form at 93 x 77 dpi). Issue 17 asks for a scan to come out through OCR whenever a plain
``tesseract`` run on a good rendering of the page reads it; this script measures whether one
does. A VARIANT is ``source:dpi:filter:post:langs:psm`` with

* source ``reader`` (the page as the reader renders a coarse scan, ``render_scan``; dpi and
  filter are then ignored) or ``scan`` (the embedded scan's own pixels, each axis resampled
  to ``dpi`` so that the pixels come out square);
* filter ``lanczos`` or ``bicubic``; post ``none``, ``unsharp``, ``otsu``, ``leaders`` (dot
  leaders and dotted fill-in lines whitened on the scan's own pixels before resampling) or
  ``leaders+unsharp``;
* langs as for tesseract's ``-l`` (``ara+fra``, ``Arabic+fra``...), psm its page mode.

Each reading is scored with the corpus scorer's normalisation (``transform.evaluation``):
word accuracy (1 - word edit distance / truth words: wrong, missing and extra words all
count, as in bench/fidelity.py), words in order (longest common subsequence / truth words:
reading order forgiven only for what is out of order), words found anywhere (bag of words)
and the page's number and date tokens found in order. See docs/ocr.md, "Coarse scans".
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transform.evaluation.fidelity import _truth_words  # noqa: E402
from transform.evaluation.normalize import normalize, number_tokens, words  # noqa: E402
from transform.evaluation.truth import load_truth_page  # noqa: E402
from transform.ocr.render import binarise, render_scan, scan_resolution  # noqa: E402

REAL = ROOT / "tests" / "realdocs"
PAGES = {  # name: (corpus document, 1-based page)
    "table": ("adala-ar-decree-2-77-756", 4),
    "form": ("adala-arfr-order-137-19", 3),
}
DEFAULT = ["reader:250:lanczos:none:ara+fra:3", "scan:300:lanczos:none:ara+fra:4", "scan:300:lanczos:unsharp:ara+fra:6",
           "scan:300:lanczos:leaders:ara+fra:6", "scan:300:lanczos:none:Arabic+fra:4"]


@dataclass
class Measure:
    accuracy: float  # 1 - word edit distance / truth words
    in_order: float  # longest common subsequence of words / truth words
    found: float  # words found anywhere (multiset intersection) / truth words
    numbers: int  # number and date tokens of the truth found in the same order
    numbers_total: int
    words_out: int
    words_truth: int

    def line(self) -> str:
        return (f"words {self.accuracy:.3f}, in order {self.in_order:.3f}, found {self.found:.3f}, "
                f"numbers {self.numbers}/{self.numbers_total}, {self.words_out} words for {self.words_truth}")


def _lcs(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b):
            cur[j + 1] = prev[j] + 1 if x == y else max(prev[j + 1], cur[j])
        prev = cur
    return prev[-1]


def truth_of(doc: str, page: int) -> tuple[list[str], list[str]]:
    """The truth page's words (comparison keys) and its number and date tokens, in reading order."""
    tw = _truth_words(load_truth_page(REAL / "truth" / doc / f"p{page:03d}.md"))
    text = " ".join(w.raw for w in tw.words)
    return [w.key for w in tw.words], [t.text for t in number_tokens(normalize(text))]


def measure(text: str, truth_words: list[str], truth_numbers: list[str]) -> Measure:
    """Score a plain reading against a truth page (see the module's docstring)."""
    from rapidfuzz.distance import Levenshtein

    out = [w.key for w in words(text)]
    nums = [t.text for t in number_tokens(normalize(text))]
    n = max(1, len(truth_words))
    common = Counter(truth_words) & Counter(out)
    return Measure(max(0.0, 1.0 - Levenshtein.distance(truth_words, out) / n), _lcs(truth_words, out) / n,
                   sum(common.values()) / n, _lcs(truth_numbers, nums), len(truth_numbers), len(out), len(truth_words))


def _box_sum(a: np.ndarray, r: int) -> np.ndarray:
    """Sum of ``a`` over the (2r+1)-pixel square around each pixel (zero outside)."""
    p = np.pad(a, r + 1).cumsum(0).cumsum(1)
    n, (h, w) = 2 * r + 1, a.shape
    return p[n:n + h, n:n + w] - p[:h, n:n + w] - p[n:n + h, :w] + p[:h, :w]


def drop_leaders(a: np.ndarray, ink_below: int = 160, min_dots: int = 6, max_gap: int = 7) -> np.ndarray:
    """Whiten dot leaders on a coarse scan's own pixels: lone ink pixels (at most 4 in their
    5 x 5 square) lined up by six or more on one row, each within ``max_gap`` of the next.
    Arabic letters' dots sit next to their letter and do not line up that far."""
    ink = (a < ink_below).astype(np.int32)
    lone = (ink == 1) & (_box_sum(ink, 2) <= 4)
    out = a.copy()
    ys, xs = np.nonzero(lone)
    for y in range(1, a.shape[0] - 1):
        cols = np.unique(xs[(ys >= y - 1) & (ys <= y + 1)])
        if len(cols) < min_dots:
            continue
        cuts = np.flatnonzero(np.diff(cols) > max_gap) + 1
        for seg in np.split(cols, cuts):
            if 1 + int(np.sum(np.diff(seg) > 1)) < min_dots:
                continue
            for dy, dx in zip(*np.nonzero(lone[y - 1:y + 2, seg[0]:seg[-1] + 1]), strict=True):
                y0, x0 = y - 1 + dy, seg[0] + dx
                out[max(0, y0 - 1):y0 + 2, max(0, x0 - 1):x0 + 2] = 255
    return out


def scan_image(pdf_path: Path, page: int) -> tuple[Image.Image, float, float]:
    """The page's coarsest large image (the scan) in its own pixels, with its x and y resolution."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    pg = pdf[page - 1]
    area = pg.get_width() * pg.get_height()
    best = None
    for obj in pg.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=8):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) < 0.25 * area:
            continue
        w, h = obj.get_px_size()
        dx, dy = w / ((right - left) / 72), h / ((top - bottom) / 72)
        if best is None or min(dx, dy) < min(best[1], best[2]):
            best = (obj.get_bitmap(render=False).to_pil().convert("L"), dx, dy)
    if best is None:
        raise SystemExit(f"{pdf_path.name} p. {page}: no scan found")
    return best


def variant_image(pdf_path: Path, page: int, spec: str) -> tuple[Image.Image, int]:
    source, dpi, flt, post = spec.split(":")[:4]
    if source == "reader":
        pdf = pdfium.PdfDocument(str(pdf_path))
        res = scan_resolution(pdf[page - 1])
        pimg = render_scan(pdf, page - 1, res[1] if res else 250)
        return pimg.image, round(pimg.dpi)
    img, dx, dy = scan_image(pdf_path, page)
    if post.startswith("leaders"):
        img = Image.fromarray(drop_leaders(np.asarray(img)))
    target = int(dpi)
    method = Image.Resampling.LANCZOS if flt == "lanczos" else Image.Resampling.BICUBIC
    img = img.resize((round(img.width * target / dx), round(img.height * target / dy)), method)
    if post.endswith("unsharp"):
        img = img.filter(ImageFilter.UnsharpMask(radius=2, percent=120, threshold=2))
    elif post == "otsu":
        img = binarise(img)
    return img, target


def tesseract(img: Image.Image, dpi: int, langs: str, psm: str) -> str:
    fd, name = tempfile.mkstemp(suffix=".png", prefix="coarse-")
    os.close(fd)
    try:
        img.save(name, dpi=(dpi, dpi))
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        run = subprocess.run(["tesseract", name, "-", "-l", langs, "--psm", psm, "--dpi", str(dpi)],
                             capture_output=True, text=True, timeout=600, env=env, check=False)
        return run.stdout
    finally:
        os.unlink(name)


def read_variant(name: str, spec: str) -> str:
    doc, page = PAGES[name]
    img, dpi = variant_image(REAL / "files" / f"{doc}.pdf", page, spec)
    langs, psm = spec.split(":")[4:6]
    return tesseract(img, dpi, langs, psm)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--page", choices=sorted(PAGES), action="append", help="table, form (default both)")
    ap.add_argument("variants", nargs="*", default=DEFAULT, help="source:dpi:filter:post:langs:psm")
    args = ap.parse_args()
    for name in args.page or ["table", "form"]:
        tw, tn = truth_of(*PAGES[name])
        for spec in args.variants:
            m = measure(read_variant(name, spec), tw, tn)
            print(f"{name:5s} {spec:38s} {m.line()}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
