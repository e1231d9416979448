"""Figures of the rule engine on the real-sentence reference set (issue 18 "before" figures), and calibration.

Usage (from the worktree root):  .venv/bin/python tests/darija_refset/measure.py [--json]

For every file of real sentences it prints, next to each other:

* engine:     the rule engine's output (``transform.simplify.evaluate.evaluate``, the same call as bench/darija.py);
* copy:       the source itself used as the output (the "do nothing" baseline);
* reference:  the hand-written reference scored as if it were an output (what a good output looks like);
* bad_outputs.tsv kinds (MSA development sentences only): swap, placeholder, placeholder_facts.

Columns: copy rate (share of the source's content words found verbatim in the output; MSA sources only),
chrF against the references (sacrebleu chrF2, corpus level, as M9), and the engine's own M5/M6/M7 values.
This is a plain measuring script (not a test, not a gate); bench/darija.py stays the benchmark of record.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from transform.simplify.data import resources  # noqa: E402
from transform.simplify.evaluate import evaluate, load_refset  # noqa: E402
from transform.simplify.metrics import chrf, doc_metrics  # noqa: E402
from transform.simplify.speak import speakable  # noqa: E402
from transform.simplify.text import key, normalize, words  # noqa: E402

HERE = Path(__file__).resolve().parent
FILES = (("msa_real.tsv", "ar"), ("msa_real_heldout.tsv", "ar"), ("french_real.tsv", "fr"), ("french_real_heldout.tsv", "fr"))
# short function words that are not "content" (on top of the MSA / Darija marker lists of markers.json)
_FUNCTION = {key(w) for w in (
    "في من إلى الى على عن مع أو او و ف ب ل ثم أن إن لا ما لم لن قد كل بين عند حول حسب وفق دون غير بعد قبل رقم عدد ص "
    "هو هي هم هما كان كانت يكون تكون منه منها فيه فيها عليه عليها به بها له لها إليه إليها أي التالية التالي أعلاه أدناه"
).split()}


def _stop() -> set[str]:
    r = resources()
    markers = getattr(r, "markers", None)
    out = set(_FUNCTION)
    if isinstance(markers, dict):
        for k in ("msa", "darija"):
            out |= {key(w) for w in markers.get(k, [])}
    else:
        data = json.loads((ROOT / "transform" / "simplify" / "data" / "markers.json").read_text(encoding="utf-8"))
        out |= {key(w) for w in data["msa"] + data["darija"]}
    return out


STOP = _stop()


def content_words(text: str) -> list[str]:
    """Arabic-letter tokens of three letters or more that are not function words (keys: hamza, ى/ي, ة/ه unified)."""
    out = []
    for w in words(normalize(text)):
        if not regex.search(r"\p{Arabic}", w):
            continue
        k = key(w)
        if len(k) >= 3 and k not in STOP:
            out.append(k)
    return out


def copy_rate(sources: list[str], outputs: list[str]) -> float:
    """Share of the sources' content-word tokens found verbatim (same key, whole token) in the matching output."""
    kept = total = 0
    for s, o in zip(sources, outputs, strict=True):
        have = set(content_words(o))
        cw = content_words(s)
        total += len(cw)
        kept += sum(1 for w in cw if w in have)
    return kept / total if total else 0.0


def current_measures(sources: list[str], outputs: list[str]) -> dict[str, object]:
    """Today's measures (M3, M5-M8) of ``transform.simplify.metrics`` on any output, e.g. a reference or a copy."""
    m = doc_metrics([(s, o, speakable(o)) for s, o in zip(sources, outputs, strict=True)]).as_dict()
    return {k: m[k] for k in ("M3_numbers_kept", "M5_msa_rate", "M6_darija_rate", "M7_dialectness", "M8_vocab_coverage")}


def row_table(name: str, lang: str) -> dict[str, object]:
    rows = load_refset(HERE / name)
    srcs = [r.source for r in rows]
    refs = [r.reference for r in rows]
    res = evaluate(rows, lang=lang)
    outs = [o["output"] for o in res["outputs"]]
    m = res["metrics"]
    table: dict[str, object] = {
        "rows": len(rows),
        "engine_handled": res["handled"],
        "engine_needs_human": res["needs_human"],
        "engine_chrf_all_rows": chrf(outs, refs),
        "engine_M9_chrf_handled_rows": m.get("M9_chrf_vs_reference"),
        "copy_baseline_chrf": chrf(srcs, refs),
        "engine_M5_msa_rate": m.get("M5_msa_rate"),
        "engine_M6_darija_rate": m.get("M6_darija_rate"),
        "engine_M7_dialectness": m.get("M7_dialectness"),
        "engine_M3_numbers_kept": m.get("M3_numbers_kept"),
    }
    table["reference_current_measures"] = current_measures(srcs, refs)
    if lang == "ar":
        table["copy_current_measures"] = current_measures(srcs, srcs)
        table["engine_copy_rate"] = copy_rate(srcs, outs)
        table["copy_baseline_copy_rate"] = 1.0
        table["reference_copy_rate"] = copy_rate(srcs, refs)
    return table


def bad_table() -> dict[str, dict[str, float]]:
    dev = {r.id: r for r in load_refset(HERE / "msa_real.tsv")}
    by_kind: dict[str, list[tuple[str, str, str]]] = {}
    for line in (HERE / "bad_outputs.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        rid, kind, out = line.split("\t")
        by_kind.setdefault(kind, []).append((dev[rid].source, out, dev[rid].reference))
    res = {}
    for kind, trip in by_kind.items():
        s, o, r = (list(x) for x in zip(*trip, strict=True))
        res[kind] = {"rows": len(trip), "copy_rate": copy_rate(s, o), "chrf_vs_reference": chrf(o, r), **current_measures(s, o)}
    ids = sorted({rid for rid in dev} & {ln.split("\t")[0] for ln in (HERE / "bad_outputs.tsv").read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")})
    rows = [dev[i] for i in ids]
    srcs, refs = [r.source for r in rows], [r.reference for r in rows]
    res["reference (same rows)"] = {"rows": len(rows), "copy_rate": copy_rate(srcs, refs), "chrf_vs_reference": 100.0,
                                    **current_measures(srcs, refs)}
    outs = [o["output"] for o in evaluate(rows)["outputs"]]
    res["engine (same rows)"] = {"rows": len(rows), "copy_rate": copy_rate(srcs, outs), "chrf_vs_reference": chrf(outs, refs),
                                 **current_measures(srcs, outs)}
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    out = {name: row_table(name, lang) for name, lang in FILES}
    out["bad_outputs.tsv"] = bad_table()
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for name, t in out.items():
        print(f"\n{name}")
        for k, v in t.items():
            if isinstance(v, dict):
                v = ", ".join(f"{a}={round(b, 3) if isinstance(b, float) else b}" for a, b in v.items())
            print(f"  {k:<32} {round(v, 3) if isinstance(v, float) else v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
