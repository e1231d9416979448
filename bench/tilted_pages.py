"""Word accuracy of real scanned pages made tilted, as a phone scan comes (docs/ocr.md, "Upright scans tilted").

    PYTHONPATH=$PWD .venv/bin/python bench/tilted_pages.py [--page ID:N ...] [--angles 0,6,-6,...]
                                                           [--tess-cache DIR] [--markdown]

Each page is rendered as the OCR path renders it (``render_page``, or ``render_scan`` for a coarse scan),
turned by each angle (degrees, counter-clockwise, bicubic, white fill, the image grown to hold the whole
sheet, as a photo of it holds it: cut to its first size, the corners' words would be lost to the test), written
as a one-page PDF holding that image at the render's resolution (pdfium renders it back pixel for
pixel), read as the pipeline reads a document (``ingest`` + ``build_structure``) and scored against the
page's truth with the corpus scorer (``score_document``: the page's word accuracy, as ``bench/fidelity.py``
reports it for OCR'd pages). Angle 0 is the same page read through the same one-page PDF: the baseline.

``--tess-cache DIR`` replays tesseract's answers from a folder (``dump_structure.cache_tesseract``);
an answer missing is run and stored. Run it on two checkouts to compare them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# Scanned truth pages of OCR'd documents, Arabic and French: a decree's scanned annex, a joint order's
# scan, a prefecture's order, a municipal session's minutes (a vector page with a broken layer, read
# here as the scan of it a phone would make)
PAGES = ["adala-ar-decree-2-17-355:3", "adala-ar-joint-order-1096-26:3", "hautesaone-arrete-eau-2023:1",
         "tanger-ar-session-2020-10:1"]
ANGLES = [0.0, 6.0, -6.0, 8.0, -8.0, 10.0, -10.0, 12.0, -12.0]


def _page_image(path: Path, number: int):  # noqa: ANN202 - a PageImage
    """The page as the OCR path renders it (pages._run_ocr: a coarse scan at its own resolution, enlarged)."""
    import pypdfium2 as pdfium

    from transform.ocr.render import ENLARGE_BELOW, render_page, render_scan, scan_resolution

    pdf = pdfium.PdfDocument(str(path))
    try:
        res = scan_resolution(pdf[number - 1])
        if res is not None and res[0] < ENLARGE_BELOW:
            return render_scan(pdf, number - 1, res[1])
        return render_page(pdf, number - 1)
    finally:
        pdf.close()


def _one_page_pdf(img, dpi: float, out: Path) -> None:  # noqa: ANN001 - a PIL image
    """A PDF of one page holding ``img`` alone, sized so that it renders at ``dpi`` pixel for pixel."""
    import pypdfium2 as pdfium

    w, h = img.width * 72.0 / dpi, img.height * 72.0 / dpi
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(w, h)
    obj = pdfium.PdfImage.new(pdf)
    obj.set_bitmap(pdfium.PdfBitmap.from_pil(img))
    obj.set_matrix(pdfium.PdfMatrix().scale(w, h))
    page.insert_obj(obj)
    page.gen_content()
    pdf.save(str(out))
    pdf.close()


def tilted_accuracy(doc_id: str, number: int, angles: list[float]) -> list[tuple[float, float, str]]:
    """(angle, word accuracy, method) of the page read at each angle."""
    from PIL import Image

    from transform.errors import InputError
    from transform.evaluation import load_corpus
    from transform.evaluation.corpus import read_document
    from transform.evaluation.fidelity import score_document
    from transform.evaluation.truth import load_truth_dir

    corpus = {c.id: c for c in load_corpus(ROOT / "tests" / "realdocs" / "corpus.toml")}
    cd = corpus[doc_id]
    truth = next(t for t in load_truth_dir(cd.truth_dir) if t.page == number)
    truth = replace(truth, page=1, table_from=None)
    pimg = _page_image(cd.path, number)
    out = []
    with tempfile.TemporaryDirectory(prefix="taysir-tilted-") as tmp:
        for angle in angles:
            img = pimg.image if not angle else pimg.image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
            path = Path(tmp) / f"{doc_id}-p{number}-{angle:+.0f}.pdf"
            _one_page_pdf(img, pimg.dpi, path)
            try:
                doc = read_document(path)
            except InputError:  # nothing read: the page refused (its words all lost)
                out.append((angle, 0.0, "refused"))
                continue
            page = score_document(doc, [truth], doc_id).pages[0]
            out.append((angle, page.word_accuracy, page.method or "?"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--page", action="append", default=[], metavar="ID:N", help="a truth page (repeatable)")
    ap.add_argument("--angles", default=",".join(f"{a:g}" for a in ANGLES), help="degrees, counter-clockwise, comma-separated")
    ap.add_argument("--tess-cache", type=Path, help="replay tesseract's answers from this folder")
    ap.add_argument("--markdown", action="store_true", help="print a markdown table")
    args = ap.parse_args()
    if args.tess_cache:
        from dump_structure import cache_tesseract

        counts = cache_tesseract(args.tess_cache)
    angles = [float(a) for a in args.angles.split(",")]
    rows = []
    for spec in args.page or PAGES:
        doc_id, _, number = spec.rpartition(":")
        t0 = time.perf_counter()
        got = tilted_accuracy(doc_id, int(number), angles)
        rows.append((spec, got))
        print(f"# {spec}: {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        if not args.markdown:
            print(spec, " ".join(f"{a:+g}:{acc:.3f}{'' if m == 'ocr' else '(' + m + ')'}" for a, acc, m in got), flush=True)
    if args.markdown:
        print("| page | " + " | ".join(f"{a:+g}°" if a else "upright" for a in angles) + " |")
        print("|---|" + "---:|" * len(angles))
        for spec, got in rows:
            cells = [f"{acc:.3f}" + ("" if m == "ocr" else f" ({m})") for _a, acc, m in got]
            print(f"| {spec} | " + " | ".join(cells) + " |")
    if args.tess_cache:
        print(f"# tesseract cache: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
