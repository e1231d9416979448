"""The layer decision audited on every page of every corpus PDF.

    PYTHONPATH=$PWD .venv/bin/python bench/layer_audit.py [--tess-cache /tmp/lead_tess] [--json OUT]
        [--no-sample] [--near 0.08] [--compare OLD.json] [--doc STEM ...]

For each page of ``tests/realdocs/files/*.pdf`` and ``samples/*.pdf``: the judge's verdict
(``quality.assess`` on the lines the PDF ingester hands the OCR hook), its score and margin to the
nearest threshold (GOOD, BAD), the path ``decide._decide`` would take before any OCR (keep, sample of a
borderline layer, sample of a sound layer under the doubt line, earlier-OCR sample, overlay check, OCR,
blank), its outcome (keep or OCR, a sampled page by its sample's answer) and the signals behind the
verdict (scripts, bad-code share, known and impossible word shares, Roman numerals set aside).

The second opinion is tesseract's: the OCR sample of borderline pages (``decide._sample_agrees``: up to
8 layer lines cut from a 200 dpi render, each read alone and compared with its text; aligned words the
word lists know only in the OCR reading are *fixes*, the reverse *breaks*), run whatever the verdict on
the pages :func:`worth_sampling` picks (``--sample-all``: every page with a layer). It disagrees with a verdict when a layer kept unsampled is contradicted
(agreement under 0.80, or 3+ fixes outnumbering the breaks) or a rejected layer is confirmed (agreement
0.90+ with fewer than 3 fixes). Where a truth file says how the page must be read (``read: text|ocr``)
or the manifest says what the document's layer is, that is printed beside it.

``--tess-cache`` replays tesseract's answers from the shared cache (``bench/dump_structure.py``);
``--compare`` lists the pages whose verdict or path differs from an earlier ``--json`` output.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pypdfium2 as pdfium  # noqa: E402

from transform.ingest.ligatures import LigatureProbe  # noqa: E402
from transform.ingest.pdf import PdfIngester  # noqa: E402
from transform.ingest.pdf_kept import KeptPages  # noqa: E402
from transform.ocr import confidence, decide  # noqa: E402
from transform.ocr.quality import BAD, GOOD, assess  # noqa: E402
from transform.ocr.scans import covers_ink, sparse  # noqa: E402

SIGNALS = ("words", "ar_words", "fr_words", "ar_hit", "fr_hit", "ar_impossible", "fr_impossible", "ar_reversed_hit",
           "bad_share", "presentation_share", "alnum_share", "romans", "numbers")


def _manifest(corpus: Path) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    """The manifest's layer per document and each truth page's ``read:``."""
    layers = {}
    for doc in tomllib.loads((corpus / "corpus.toml").read_text(encoding="utf-8")).get("doc", []):
        layers[doc["id"]] = doc.get("layer", "")
    reads = {}
    for md in (corpus / "truth").glob("*/p*.md"):
        for line in md.read_text(encoding="utf-8").splitlines()[:6]:
            if line.startswith("read:"):
                reads[(md.parent.name, int(md.stem[1:]))] = line.split()[1]
    return layers, reads


def path_of(pdf: pdfium.PdfDocument, i: int, lines: list, q, cover: float | None, invisible: bool) -> str:
    """The way ``decide._decide`` goes for a page in ``auto`` mode, short of running OCR."""
    if q.verdict == "empty":
        return "ocr:no-layer" if (cover or 0) > 0 or lines == [] else "blank?"
    if q.verdict in ("good", "borderline") and sparse(lines, q):
        from transform.ocr.render import image_cover

        if (image_cover(pdf[i]) if cover is None else cover) >= decide.SCAN_COVER:
            covered = covers_ink(pdf, i, lines)
            if covered is not None and covered < 0.5:
                return "ocr:overlay"
    if q.verdict == "good" and invisible:
        return "sample:earlier-ocr"
    if q.verdict == "good":
        return "sample:doubt" if q.score < confidence.DOUBT_BELOW else "keep"
    if q.verdict == "borderline":
        return "sample"
    return "ocr:clean-layer" if decide.clean_layer(q) else "ocr"


def second_opinion(pdf: pdfium.PdfDocument, i: int, lines: list, q) -> dict:
    t0 = time.perf_counter()
    try:
        agree, fixed, broken = decide._sample_agrees(pdf, i, lines, decide.ocr_langs(q), 300)
    except ValueError as exc:  # main's sample crashed on lines set off the page (decide._on_image since)
        return {"error": str(exc), "agree": 0.0, "fixes": 0, "breaks": 0, "sample_s": 0.0}
    return {"agree": round(agree, 3), "fixes": fixed, "breaks": broken, "sample_s": round(time.perf_counter() - t0, 2)}


def worth_sampling(row: dict) -> bool:
    """Which pages get the OCR second opinion without ``--sample-all`` (a live sample costs 2-8 s): every
    page not kept unsampled, every kept page scoring under 0.90, every truth page, and one kept page in
    five of the rest."""
    return row["path"] != "keep" or row["score"] < 0.90 or bool(row["truth_read"]) or row["page"] % 5 == 1


def outcome(row: dict) -> str:
    """``keep`` or ``ocr``: where the page ends (a sampled page by its sample's answer, as ``decide._by_sample``
    gives it; an earlier OCR's page over a ruled grid goes to OCR even when the sample agrees: not told here)."""
    if row["path"] == "keep":
        return "keep"
    op = row.get("opinion")
    if row["path"].startswith("sample") and op:
        if op["fixes"] >= decide.MIN_FIXES and op["fixes"] > op["breaks"]:
            return "ocr"
        return "keep" if op["agree"] >= decide.AGREE or row["path"] == "sample:doubt" else "ocr"
    return "ocr" if row["path"].startswith(("ocr", "sample")) else row["path"]


def disagrees(row: dict) -> str:
    """Why the second opinion contradicts the page's path ('' when it does not)."""
    op = row.get("opinion")
    if not op or not row["lines"]:
        return ""
    wrong = op["fixes"] >= decide.MIN_FIXES and op["fixes"] > op["breaks"]
    if row["path"] == "keep" and (op["agree"] < 0.80 or wrong):
        return f"kept unsampled, OCR agrees {op['agree']:.2f} with {op['fixes']} fixes / {op['breaks']} breaks"
    if row["path"].startswith("ocr") and row["path"] != "ocr:overlay" and op["agree"] >= decide.AGREE and not wrong:
        return f"rejected, OCR agrees {op['agree']:.2f} ({op['fixes']} fixes / {op['breaks']} breaks)"
    return ""


def audit(files: list[Path], sample: bool, reads: dict, layers: dict, sample_all: bool = False) -> list[dict]:
    ingester = PdfIngester()
    rows = []
    for path in files:
        pdf = pdfium.PdfDocument(str(path))
        kept = KeptPages()
        probe = LigatureProbe()
        try:
            for i in range(len(pdf)):
                lines = ingester._read_page(pdf, i, path.name, probe, [], kept, pictures=True)[0]
                t0 = time.perf_counter()
                q = assess("\n".join(ln.text for ln in lines))
                judge_s = time.perf_counter() - t0
                invisible = kept.invisible(i)
                row = {"doc": path.stem, "page": i + 1, "verdict": q.verdict, "score": q.score,
                       "margin": round(min(abs(q.score - GOOD), abs(q.score - BAD)), 3), "langs": q.langs,
                       "reason": q.reason, "signals": {k: q.signals[k] for k in SIGNALS if k in q.signals},
                       "invisible": invisible, "lines": len(lines), "judge_ms": round(1000 * judge_s, 2),
                       "path": path_of(pdf, i, lines, q, kept.cover(i), invisible),
                       "truth_read": reads.get((path.stem, i + 1), ""), "doc_layer": layers.get(path.stem, "")}
                if sample and lines and q.verdict != "empty" and (sample_all or worth_sampling(row)):
                    row["opinion"] = second_opinion(pdf, i, lines, q)
                row["disagree"] = disagrees(row)
                row["outcome"] = outcome(row)
                rows.append(row)
                print(_line(row), flush=True)
        finally:
            kept.close()
            pdf.close()
    return rows


def _line(r: dict) -> str:
    op = r.get("opinion")
    ops = f" | OCR {op['agree']:.2f} f{op['fixes']}/b{op['breaks']}" if op else ""
    ops += f" | sample failed: {op['error']}" if op and "error" in op else ""
    truth = f" | truth read:{r['truth_read']}" if r["truth_read"] else ""
    flag = f"  <-- {r['disagree']}" if r["disagree"] else ""
    return (f"{r['doc']} p{r['page']}: {r['verdict']} {r['score']:.3f} (margin {r['margin']:.3f}) -> {r['path']} => {r['outcome']}{ops}{truth}"
            f" [{r['doc_layer']}]{flag}")


def report(rows: list[dict], near: float) -> None:
    counts: dict[str, int] = {}
    paths: dict[str, int] = {}
    for r in rows:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
        paths[r["path"]] = paths.get(r["path"], 0) + 1
    print(f"\n{len(rows)} pages; verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print("paths: " + ", ".join(f"{k} {v}" for k, v in sorted(paths.items())))
    ends: dict[str, int] = {}
    for r in rows:
        ends[r["outcome"]] = ends.get(r["outcome"], 0) + 1
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(ends.items())))
    close = sorted((r for r in rows if r["verdict"] not in ("empty",) and r["margin"] <= near), key=lambda r: r["margin"])
    print(f"\n{len(close)} pages within {near} of a threshold (GOOD {GOOD}, BAD {BAD}):")
    for r in close:
        print("  " + _line(r) + f"\n      {r['reason']}; {r['signals']}")
    odd = [r for r in rows if r["disagree"]]
    print(f"\n{len(odd)} pages where the OCR sample disagrees with the path:")
    for r in odd:
        print("  " + _line(r) + f"\n      {r['reason']}; {r['signals']}")
    clash = [r for r in rows if r["truth_read"] and (r["truth_read"] == "text") != (r["outcome"] == "keep")]
    print(f"\n{len(clash)} truth pages whose outcome is not what their truth's read: says (a kept earlier OCR's layer is 'ocr' in truth):")
    for r in clash:
        print("  " + _line(r))
    ms = sorted(r["judge_ms"] for r in rows)
    print(f"\njudge time: {sum(ms):.0f} ms over {len(ms)} pages (median {ms[len(ms) // 2]:.2f} ms)")


def compare(rows: list[dict], old_path: Path) -> None:
    old = {(r["doc"], r["page"]): r for r in json.loads(old_path.read_text(encoding="utf-8"))}
    moved = [(old.get((r["doc"], r["page"])), r) for r in rows]
    moved = [(o, r) for o, r in moved if o is None or o["verdict"] != r["verdict"] or o["path"] != r["path"]
             or o.get("outcome", outcome(o)) != r["outcome"] or _fixes(o) != _fixes(r)]
    scored = sum(1 for r in rows if (o := old.get((r["doc"], r["page"]))) and o["score"] != r["score"])
    print(f"\n{len(moved)} pages changed verdict or path against {old_path} ({scored} changed score):")
    for o, r in moved:
        before = f"{o['verdict']} {o['score']:.3f} {o['path']} => {o.get('outcome', outcome(o))} {_fixes(o)}" if o else "(new)"
        print(f"  {r['doc']} p{r['page']}: {before} -> {r['verdict']} {r['score']:.3f} {r['path']} => {r['outcome']} {_fixes(r)}")


def _fixes(row: dict) -> str:
    op = row.get("opinion")
    return f"(sample {op['agree']:.2f} f{op['fixes']}/b{op['breaks']})" if op else ""


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "realdocs")
    ap.add_argument("--tess-cache", type=Path)
    ap.add_argument("--json", type=Path, help="write every page's row here")
    ap.add_argument("--no-sample", action="store_true", help="the judge only, no OCR second opinion")
    ap.add_argument("--sample-all", action="store_true", help="the OCR second opinion on every page (slow live)")
    ap.add_argument("--near", type=float, default=0.08, help="margin to a threshold that counts as borderline")
    ap.add_argument("--compare", type=Path, help="an earlier --json output: list the verdicts that changed")
    ap.add_argument("--doc", action="append", help="only these file stems")
    args = ap.parse_args()
    if args.tess_cache:
        from dump_structure import cache_tesseract

        cache_tesseract(args.tess_cache)
    layers, reads = _manifest(args.corpus)
    files = sorted((args.corpus / "files").glob("*.pdf")) + sorted((ROOT / "samples").glob("*.pdf"))
    if args.doc:
        files = [f for f in files if f.stem in args.doc]
    rows = audit(files, not args.no_sample, reads, layers, args.sample_all)
    report(rows, args.near)
    if args.compare:
        compare(rows, args.compare)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
