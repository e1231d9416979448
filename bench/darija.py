"""Simplified Darija: the measures of issue 18 on the reference set, real pages, and throughput.

Usage: .venv/bin/python bench/darija.py [--repeat 20] [--json]

For every reference file of tests/darija_refset/ (MSA development, MSA held-out, French; files whose name
says "heldout" are the held-out part, files named "*bad*" are skipped), prints the measures next to the
targets of issue 18: copy rate (<= 0.5), core Darija markers per 100 tokens (>= 6), MSA forms left per 100
tokens, chrF against the references and against the copy baseline (the source itself, same run: >= +8),
numbers and names kept (100 %), and for French the share of sentences that get a gated Darija sentence
(>= 60 %). Then the same measures on real formal pages (tests/realdocs truth pages, no references) and the
throughput of the rule engine (sentences per second, best of ``--repeat`` passes) and of the whole document
stage (simplify + quality report) on samples/*.docx.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transform.context import RunContext  # noqa: E402
from transform.ingest import ingest  # noqa: E402
from transform.model import iter_sentences  # noqa: E402
from transform.options import TransformOptions  # noqa: E402
from transform.simplify.engine import simplify_document  # noqa: E402
from transform.simplify.evaluate import evaluate, load_refset, refset_files  # noqa: E402
from transform.simplify.measures import Measures, measure  # noqa: E402
from transform.simplify.msa import DocState, simplify_sentence  # noqa: E402
from transform.simplify.report import build_report  # noqa: E402
from transform.structure import build_structure  # noqa: E402

REFSET = ROOT / "tests" / "darija_refset"
TRUTH = ROOT / "tests" / "realdocs" / "truth"
REAL_PAGES = [("cese-ar-avis-biodiversite-2025", p) for p in ("p005.md", "p009.md", "p019.md", "p023.md")] + [
    ("adala-ar-decree-2-26-530", "p002.md"), ("adala-ar-decree-2-14-343", "p002.md"), ("adala-ar-law-19-12", "p003.md"),
    ("tanger-ar-session-2020-10", "p001.md")]
SHOW = ("copy_rate", "darija_markers_per_100", "msa_left_per_100", "M9_chrf_vs_reference", "M3_numbers_kept", "M4_entities_kept",
        "M12_tts_ready", "M1_mean_words", "M2_long_share", "M2_max_words", "placeholders")
GOALS = {"copy_rate": ("<=", 0.5), "darija_markers_per_100": (">=", 6), "M3_numbers_kept": (">=", 1.0), "M4_entities_kept": (">=", 1.0)}


def refsets(folder: Path = REFSET) -> list[tuple[str, str, list]]:
    """One entry per reference file (MSA first, then French; held-out files say so in their title)."""
    out = []
    for lang in ("ar", "fr"):
        for f in refset_files(folder, lang):
            kind = "held-out" if "heldout" in f.name else "development"
            out.append((f"{'MSA' if lang == 'ar' else 'French'} {kind} ({f.name})", lang, load_refset(f)))
    return out


def real_pages() -> list[tuple[str, Measures]]:
    out = []
    for doc, page in REAL_PAGES:
        path = TRUTH / doc / page
        if not path.exists():
            continue
        body = regex.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8").split("---", 2)[2], flags=regex.S)
        st, m = DocState(), Measures()
        for s in regex.split(r"(?<=[.:؛])\s+|\n+", body):
            s = s.strip().lstrip("#-* ")
            if regex.search(r"\p{Arabic}", s):
                m.add(measure(s, " ".join(simplify_sentence(s, st).pieces)))
        out.append((f"{doc}/{page}", m))
    return out


def engine_throughput(repeat: int) -> tuple[float, int]:
    rows = [r for f in refset_files(REFSET, "ar") for r in load_refset(f)]
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


def _fmt(v: object) -> str:
    return "—" if v is None else f"{v:.4g}" if isinstance(v, float) else str(v)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    ap.add_argument("--refset", default=str(REFSET), help="folder of reference files (default tests/darija_refset)")
    args = ap.parse_args()
    results = []
    for title, lang, rows in refsets(Path(args.refset)):
        res = evaluate(rows, lang=lang)
        results.append((title, lang, res))
    pages = real_pages()
    sps, n = engine_throughput(args.repeat)
    docs = document_throughput()
    if args.json:
        print(json.dumps({"refsets": [{"title": t, "lang": lang, **{k: v for k, v in r.items() if k != "outputs"}} for t, lang, r in results],
                          "real_pages": {name: m.as_dict() for name, m in pages},
                          "engine_sentences_per_second": sps, "documents": docs}, ensure_ascii=False, indent=1))
        return 0
    for title, lang, res in results:
        m, base = res["metrics"], res["baseline"]
        print(f"\n{title}: {res['rows']} sentences, gated Darija {res['handled']} ({100 * res['handled'] / res['rows']:.0f} %), "
              f"needs_human {res['needs_human']}")
        for k in SHOW:
            goal = GOALS.get(k)
            met = "" if goal is None or m.get(k) is None else ("yes" if (m[k] <= goal[1] if goal[0] == "<=" else m[k] >= goal[1]) else "NO")
            print(f"  {k:<24} {_fmt(m.get(k)):>8}  {'' if goal is None else goal[0] + ' ' + str(goal[1]):<8} {met}")
        chrf, b = m.get("M9_chrf_vs_reference"), base["chrf"]
        if chrf is not None and b is not None:
            print(f"  {'chrF - copy baseline':<24} {chrf - b:>8.4g}  >= 8     {'yes' if chrf - b >= 8 else 'NO'}   (baseline chrF {b})")
        if lang == "fr":
            print(f"  {'gated French sentences':<24} {res['handled'] / res['rows']:>8.3g}  >= 0.6    {'yes' if res['handled'] / res['rows'] >= 0.6 else 'NO'}")
        else:
            print(f"  copy baseline (source as draft): copy {base['copy_rate']}, markers {base['darija_markers_per_100']}, "
                  f"MSA left {base['msa_left_per_100']}, gates {'pass' if base['gates_ok'] else 'FAIL'}")
    print("\nReal formal pages (truth text, no references): copy rate / Darija markers per 100 / MSA left per 100")
    for name, m in pages:
        print(f"  {name:<48} {m.copy_rate:.3f} / {m.markers_per_100:5.1f} / {m.msa_per_100:4.1f}  ({m.content_words} content words)")
    print(f"\nrule engine: {sps:,.0f} sentences/s ({n} refset sentences, best of {args.repeat})")
    for name, count, rate in docs:
        print(f"document stage (simplify + report): {name}: {count} sentences, {rate:,.0f} sentences/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
