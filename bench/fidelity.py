"""Reading fidelity on the real-document corpus (tests/realdocs/) against hand-checked truth pages.

    .venv/bin/python bench/fidelity.py [--fast] [--doc ID ...] [--ocr auto|always|never]
                                       [--details] [--json] [--markdown] [--corpus PATH]

Reads tests/realdocs/corpus.toml, reads every document that has truth pages
(``transform.ingest.ingest`` + ``build_structure``, as the pipeline does) and scores it with
``transform.evaluation`` (the figures are explained in docs/ingest.md, "Measuring on real
documents"). Documents without truth are skipped; a missing file, a bad truth page or a
reading failure is reported for that document and the others go on.

Prints per document and in total, against the issue's targets (✗ = missed): word accuracy on
text-layer pages (>= 0.98) and on OCR'd pages (>= 0.93), paragraph boundary F1 (>= 0.9),
numbers and dates identical and in order (100 %), heading F1 (>= 0.9) with level agreement,
table precision/recall (no invented table), furniture lines left in the body (0), and the
time taken. ``--details`` lists what went wrong (mismatched numbers, missed and extra
headings, invented tables, furniture in the body). Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transform.evaluation import DocScore, Targets, corpus_totals, load_corpus, markdown_table, score_corpus_doc  # noqa: E402
from transform.evaluation.corpus import CorpusError  # noqa: E402
from transform.evaluation.report import TARGET_NAMES, floor_of, target_values  # noqa: E402

DEFAULT = ROOT / "tests" / "realdocs" / "corpus.toml"
FLOORS = ROOT / "tests" / "realdocs" / "floors.toml"


def _fmt(v: float | None) -> str:
    return "  –  " if v is None else f"{v:.3f}"


def print_text(docs: list[DocScore], targets: Targets, details: bool) -> None:
    head = f"{'document':<34} {'pages':>6} {'w.text':>6} {'w.ocr':>6} {'para':>6} {'num/dates':>10} {'head':>6} {'lvl':>5} {'tables':>11} {'furn':>5} {'time':>6}"
    print(head)
    print("-" * len(head))
    for d in docs:
        if d.error:
            print(f"{d.id:<34} not scored: {d.error}")
            continue
        t = d.totals
        bad = targets.failures(t)
        tables = f"{t.tables.precision:.2f}/{t.tables.recall:.2f}" + (f"+{t.tables_invented}i" if t.tables_invented else "")
        print(f"{d.id:<34} {t.pages_text:>3}+{t.pages_ocr:<2} {_fmt(t.word_accuracy_text):>6} {_fmt(t.word_accuracy_ocr):>6} "
              f"{t.paragraphs.f1:>6.3f} {t.numbers_ok + t.dates_ok:>4}/{t.tokens_total:<5} {t.headings.f1:>6.3f} "
              f"{t.heading_level_agreement:>5.2f} {tables:>11} {t.furniture_leaked:>2}/{t.furniture_total:<2} "
              f"{d.ingest_seconds + d.score_seconds:>5.1f}s")  # fmt: skip
        for msg in bad.values():
            print(f"    ✗ {msg}")
        if details:
            print_details(d)
    scored = [d for d in docs if not d.error]
    t = corpus_totals(scored)
    print("-" * len(head))
    if not scored:
        print(f"total: no document scored ({len(docs)} not scored)")
        return
    print(f"total: {len(scored)} documents scored, {t.pages_text} text-layer + {t.pages_ocr} OCR pages, "
          f"{t.words_text + t.words_ocr} truth words; {len(docs) - len(scored)} not scored")  # fmt: skip
    print(f"  word accuracy, text-layer pages  {_fmt(t.word_accuracy_text)}   (target >= {targets.word_accuracy_text})")
    print(f"  word accuracy, OCR'd pages       {_fmt(t.word_accuracy_ocr)}   (target >= {targets.word_accuracy_ocr})")
    print(
        f"  paragraph boundaries F1          {t.paragraphs.f1:.3f}   P {t.paragraphs.precision:.3f} R {t.paragraphs.recall:.3f} (target >= {targets.paragraph_f1})"
    )
    print(f"  numbers and dates in order       {t.numbers_ok + t.dates_ok}/{t.tokens_total} ({t.tokens_share:.1%}; "
          f"numbers {t.numbers_ok}/{t.numbers_total}, dates {t.dates_ok}/{t.dates_total}) (target 100 %)")  # fmt: skip
    print(f"  headings F1                      {t.headings.f1:.3f}   P {t.headings.precision:.3f} R {t.headings.recall:.3f}, "
          f"same level {t.heading_level_agreement:.2f} (target >= {targets.heading_f1})")  # fmt: skip
    print(f"  tables                           P {t.tables.precision:.3f} R {t.tables.recall:.3f}, {t.tables_invented} invented, "
          f"{t.tables_split} split; header cells F1 {t.table_headers.f1:.3f} (target: none invented)")  # fmt: skip
    print(f"  furniture left in the body       {t.furniture_leaked}/{t.furniture_total} (target 0)")
    print(f"  pages read otherwise than the truth says (text/ocr): {t.read_mismatch}; "
          f"tatweel characters left: {t.tatweel}; presentation forms left: {t.presentation_forms}")  # fmt: skip


def print_details(d: DocScore) -> None:
    for p in d.pages:
        lines = []
        if p.method is not None and p.method != p.read:
            lines.append(f"read by {p.method}, the truth says {p.read}")
        if p.word_accuracy < 1:
            lines.append(f"words: {p.edits} edits + {p.extra_words} extra words over {p.words} -> {p.word_accuracy:.3f}")
            lines += [f"    {t or '∅'!r} -> {o or '∅'!r}" for t, o in p.word_diffs[:8]]
        c = p.paragraphs
        if c.fp or c.fn:
            lines.append(f"paragraph starts: {c.tp} right, {c.fp} extra, {c.fn} missed")
        for f in p.token_failures:
            lines.append(f"{f.kind} {f.truth!r} not found in order; output has {f.output}")
            lines.append(f"    truth:  {f.truth_context[:160]}")
            lines.append(f"    output: {f.output_context[:160]}")
        for i in p.issues:
            lines.append(f"{i.what}: " + " -> ".join(x for x in (i.truth, i.output) if x)[:200])
        if lines:
            print(f"    p{p.page}:")
            for ln in lines:
                print(f"      {ln}")


def floors_toml(docs: list[DocScore]) -> str:
    """The figures of the fast subset that miss their target, as floors (see tests/realdocs/README.md)."""
    out = ["# Known shortfalls of the fast subset of the real-document corpus: for each document, the targets",
           "# of issue 17 it still misses and the figure it reached (rounded against us). The test holds every",
           "# other target to the issue's goal and these to their floor; a figure that reaches its goal makes",
           "# the test ask for its line to go. Written by: .venv/bin/python bench/fidelity.py --fast --write-floors", ""]
    targets = Targets()
    for d in sorted(docs, key=lambda d: d.id):
        if d.error:
            continue
        missed = targets.failures(d.totals)
        values = target_values(d.totals)
        rows = [f"{name} = {floor_of(name, values[name])}" for name in TARGET_NAMES if name in missed and name in values]
        if rows:
            out += [f'["{d.id}"]', *rows, ""]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT, help="corpus.toml (default: tests/realdocs/corpus.toml)")
    ap.add_argument("--fast", action="store_true", help="only the documents marked fast = true")
    ap.add_argument("--doc", action="append", default=[], metavar="ID", help="only this document (repeatable)")
    ap.add_argument("--ocr", choices=["auto", "always", "never"], default="auto")
    ap.add_argument("--details", action="store_true", help="list mismatched numbers, heading and table findings, furniture")
    ap.add_argument("--json", action="store_true", help="print the whole report as JSON")
    ap.add_argument("--markdown", action="store_true", help="print the table for docs/ingest.md")
    ap.add_argument("--write-floors", action="store_true",
                    help="with --fast: record the figures that miss their target in tests/realdocs/floors.toml "
                         "(the floors tests/realdocs/test_realdocs_fidelity.py holds them to)")
    args = ap.parse_args()
    try:
        corpus = load_corpus(args.corpus)
    except CorpusError as exc:
        print(f"fidelity: {exc}", file=sys.stderr)
        return 2
    chosen = [c for c in corpus if (not args.fast or c.fast) and (not args.doc or c.id in args.doc)]
    unknown = set(args.doc) - {c.id for c in corpus}
    if unknown:
        print(f"fidelity: no document {', '.join(sorted(unknown))} in {args.corpus}", file=sys.stderr)
        return 2
    skipped = [c.id for c in chosen if not c.truth_files() and not c.truth]
    started = time.perf_counter()
    docs = [score_corpus_doc(c, args.ocr) for c in chosen if c.id not in skipped]
    elapsed = time.perf_counter() - started
    targets = Targets()
    total = corpus_totals([d for d in docs if not d.error])
    missed = targets.failures(total)
    if args.write_floors:
        if not args.fast or args.doc:
            print("fidelity: --write-floors records the whole fast subset: use it with --fast and without --doc", file=sys.stderr)
            return 2
        FLOORS.write_text(floors_toml(docs), encoding="utf-8")
        print(f"written: {FLOORS.relative_to(ROOT)}")
    if args.json:
        print(json.dumps({"corpus": str(args.corpus), "ocr": args.ocr, "seconds": round(elapsed, 2), "skipped_without_truth": skipped,
                          "documents": [d.as_dict() for d in docs], "totals": total.as_dict(), "failed_targets": missed},
                         ensure_ascii=False, indent=2))  # fmt: skip
    elif args.markdown:
        print(markdown_table(docs, targets))
    else:
        print_text(docs, targets, args.details)
        if skipped:
            print(f"skipped (no truth pages yet): {', '.join(skipped)}")
        reading = sum(d.ingest_seconds for d in docs)
        print(f"time: {elapsed:.1f} s ({reading:.1f} s reading, {sum(d.score_seconds for d in docs):.2f} s scoring)")
    return 1 if missed or any(d.error for d in docs) else 0


if __name__ == "__main__":
    raise SystemExit(main())
