"""Borderline text layers on the real-document corpus: what the OCR sample decides, what it
costs, and what OCR would change.

    .venv/bin/python bench/ocr_borderline.py [--corpus tests/realdocs]

For every PDF page of the corpus whose text layer the judge finds borderline
(``transform.ocr.quality.assess``, lines as the PDF ingester reads them): the sample's
agreement, fixes and breaks and its decision (keep the layer or OCR the page) with its time;
then the page's full OCR (always run here, to measure) with its time and the share of the
layer's words it changes (order-sensitive, words as ``bench/fidelity.py`` compares them).
Where the page has a truth file, the word accuracy of the layer and of OCR against it.
"""

from __future__ import annotations

import argparse
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

import transform.ocr.decide as decide  # noqa: E402
import transform.ocr.pages as pages  # noqa: E402
from transform.evaluation.normalize import words  # noqa: E402
from transform.evaluation.truth import TruthPage, load_truth_page  # noqa: E402
from transform.ingest.pdf import PdfIngester  # noqa: E402
from transform.ocr.quality import assess  # noqa: E402
from transform.ocr.render import render_page  # noqa: E402


def keys(text: str) -> list[str]:
    return [w.key for w in words(text)]


def found(reference: list[str], text: str) -> float:
    """Share of the reference words found, in order, in the text."""
    out = keys(text)
    matched = sum(b.size for b in SequenceMatcher(None, reference, out, autojunk=False).get_matching_blocks())
    return matched / max(len(reference), 1)


def truth_keys(tp: TruthPage) -> list[str]:
    out: list[str] = []
    for b in tp.blocks:
        texts = [c.text for row in b.rows for c in row] if b.kind == "table" else [b.text]
        for t in texts:
            out += keys(t)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "realdocs")
    args = ap.parse_args()
    ingester = PdfIngester()
    totals = {"pages": 0, "kept": 0, "ocr": 0, "sample_s": 0.0, "ocr_s_avoided": 0.0}
    for path in sorted((args.corpus / "files").glob("*.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        try:
            for i in range(len(pdf)):
                lines = ingester._read_page(pdf, i, path.name)[0]
                q = assess("\n".join(ln.text for ln in lines))
                if q.verdict != "borderline":
                    continue
                t0 = time.perf_counter()
                agree, fixed, broken = decide._sample_agrees(pdf, i, lines, decide.ocr_langs(q), 300)
                t_sample = time.perf_counter() - t0
                keep = agree >= decide.AGREE and not (fixed >= decide.MIN_FIXES and fixed > broken)
                t0 = time.perf_counter()
                ocr_lines, _ = pages.ocr_page(render_page(pdf, i), decide.ocr_langs(q), timeout=300, scanned=False, why="bench")
                t_ocr = time.perf_counter() - t0
                layer = "\n".join(ln.text for ln in lines)
                ocr = "\n".join(ln.text for ln in ocr_lines)
                change = 1 - found(keys(layer), ocr)
                truth = args.corpus / "truth" / path.stem / f"p{i + 1:03d}.md"
                vs = ""
                if truth.exists():
                    tk = truth_keys(load_truth_page(truth))
                    vs = f"; against the truth: layer {found(tk, layer):.3f}, OCR {found(tk, ocr):.3f}"
                totals["pages"] += 1
                totals["kept" if keep else "ocr"] += 1
                totals["sample_s"] += t_sample
                totals["ocr_s_avoided"] += t_ocr if keep else 0.0
                print(f"{path.stem} p{i + 1}: score {q.score:.2f}, sample {agree:.2f}, fixes {fixed}/{broken} -> "
                      f"{'keep' if keep else 'OCR'} ({t_sample:.1f} s); OCR {t_ocr:.1f} s would change {change:.0%} of the words{vs}",
                      flush=True)
        finally:
            pdf.close()
    print(f"\n{totals['pages']} borderline pages: {totals['kept']} kept, {totals['ocr']} OCR'd; samples {totals['sample_s']:.1f} s, "
          f"OCR avoided {totals['ocr_s_avoided']:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
