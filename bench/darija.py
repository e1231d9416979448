"""Simplified Darija: quality metrics on the development reference set and throughput.

Usage: .venv/bin/python bench/darija.py [--repeat 20] [--json]

Prints, for tests/darija_refset/msa.tsv, msa_heldout.tsv and french.tsv, the metrics of DARIJA_GUIDE §4 (M1-M12,
chrF via sacrebleu) next to the targets of issue 6, plus the "do nothing" baseline (the source
itself scored against the references, the same run). Throughput is measured in sentences per
second for the rule engine on the refset sentences (``--repeat`` passes, best pass kept), and for
the whole document stage (simplify + quality report) on the samples/*.docx documents.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transform.context import RunContext  # noqa: E402
from transform.ingest import ingest  # noqa: E402
from transform.model import iter_sentences  # noqa: E402
from transform.options import TransformOptions  # noqa: E402
from transform.simplify.engine import simplify_document  # noqa: E402
from transform.simplify.evaluate import evaluate, load_refset  # noqa: E402
from transform.simplify.metrics import TARGETS, chrf, target_met  # noqa: E402
from transform.simplify.msa import DocState, simplify_sentence  # noqa: E402
from transform.simplify.report import build_report  # noqa: E402
from transform.structure import build_structure  # noqa: E402

REFSET = ROOT / "tests" / "darija_refset"


def refset_table(name: str, lang: str) -> dict[str, object]:
    rows = load_refset(REFSET / name)
    res = evaluate(rows, lang=lang)
    res["baseline_chrf_source_vs_reference"] = chrf([r.source for r in rows], [r.reference for r in rows])
    return res


def engine_throughput(repeat: int) -> tuple[float, int]:
    rows = load_refset(REFSET / "msa.tsv")
    best = float("inf")
    for _ in range(repeat):
        st = DocState()
        t0 = time.perf_counter()
        for r in rows:
            simplify_sentence(r.source, st)
        best = min(best, time.perf_counter() - t0)
    return len(rows) / best, len(rows)


def document_throughput() -> list[tuple[str, int, float]]:
    out = []
    for path in sorted((ROOT / "samples").glob("*.docx")):
        ctx = RunContext(options=TransformOptions(), out_dir=Path("/tmp"), stem=path.stem, source=path)
        doc = build_structure(ingest(path, ctx))
        n = sum(1 for _ in iter_sentences(doc))
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            res = simplify_document(doc)
            build_report(res, engine="rules")
            best = min(best, time.perf_counter() - t0)
        out.append((path.name, n, n / best))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = ap.parse_args()
    msa = refset_table("msa.tsv", "ar")
    fr = refset_table("french.tsv", "fr")
    held = refset_table("msa_heldout.tsv", "ar")
    sps, n = engine_throughput(args.repeat)
    docs = document_throughput()
    if args.json:
        print(json.dumps({"msa": {k: v for k, v in msa.items() if k != "outputs"}, "french": {k: v for k, v in fr.items() if k != "outputs"},
                          "msa_heldout": {k: v for k, v in held.items() if k != "outputs"},
                          "engine_sentences_per_second": sps, "documents": docs}, ensure_ascii=False, indent=1))
        return 0
    for title, res in (("MSA refset (development)", msa), ("MSA held-out", held), ("French refset", fr)):
        m = res["metrics"]
        print(f"\n{title}: {res['rows']} sentences, handled {res['handled']}, needs_human {res['needs_human']}")
        print(f"{'metric':<24} {'value':>10}  target      met")
        for k, v in m.items():
            t = TARGETS.get(k)
            goal = f"{t[0]} {t[1]}" if t else ""
            met = target_met(k, v)
            print(f"{k:<24} {('—' if v is None else round(v, 4)) !s:>10}  {goal:<10}  {'' if met is None else 'yes' if met else 'NO'}")
        print(f"{'baseline chrF (source)':<24} {res['baseline_chrf_source_vs_reference']!s:>10}  (doing nothing, same references)")
    print(f"\nrule engine: {sps:,.0f} sentences/s (MSA refset, {n} sentences, best of {args.repeat})")
    for name, count, rate in docs:
        print(f"document stage (simplify + report): {name}: {count} sentences, {rate:,.0f} sentences/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
