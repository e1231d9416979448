"""Trust on the real-document corpus: how many reading errors reach a reader with no doubt on them.

    .venv/bin/python bench/doubt.py [--doc ID ...] [--ocr auto|always|never] [--held-out-from FID.json]
                                    [--tess-cache DIR] [--keep DIR] [--classes N] [--json]
                                    [--blind-from FID.json] [--layout]

Reads every document of tests/realdocs/corpus.toml that has truth pages as ``bench/fidelity.py`` does,
lays the scorer's alignment over the doubts the reader put on blocks and cells
(``transform.evaluation.doubt``) and prints, per document and in total: errors in doubt / all errors
(doubt recall), right words in doubt / all right words (false-alarm share), missed numbers and dates in
doubt / all missed ones, doubtful blocks or cells holding no error. Pages the reader refused whole
(method ``unreadable``, e.g. the coarse scans) are counted apart; with ``--held-out-from`` (an earlier
``bench/fidelity.py --json``), the pages it does not list are held-out pages, totalled apart from the
tuned ones; with ``--blind-from`` (a later report), the pages that one lacks too are the newest held-out
set, totalled apart again. ``--layout`` adds layout trust (``transform.evaluation.layout_trust``): every table
and heading the reader made on a truth page, right or wrong, and whether it was in doubt. ``--classes N`` lists the N commonest kinds of unflagged errors with examples.

``--tess-cache DIR`` replays tesseract's answers from a cache folder (``bench/dump_structure.py``);
``--keep DIR`` stores each document read as JSON there and reads it back on the next run (measuring
again after a change to the measure, not to the reader).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from transform.evaluation import load_corpus, load_truth_dir, read_document  # noqa: E402
from transform.evaluation.doubt import LEVELS, PageDoubt, check, doubt_levels, totals  # noqa: E402
from transform.evaluation.layout_trust import LayoutUnit, layout_totals, layout_units  # noqa: E402
from transform.model import Document  # noqa: E402

DEFAULT = ROOT / "tests" / "realdocs" / "corpus.toml"


def held_out_pages(report: Path) -> dict[str, set[int]] | None:
    data = json.loads(report.read_text(encoding="utf-8"))
    return {d["id"]: {p["page"] for p in d.get("pages", [])} for d in data.get("documents", [])}


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.1%})" if b else f"{a}/{b}"


def line(name: str, pages: list[PageDoubt]) -> str:
    t = totals(pages)
    return (f"| {name} | {t.pages} | {_pct(t.errors_doubt, t.errors)} | {t.errors_lost} | {_pct(t.right_doubt, t.right)} | "
            f"{_pct(t.missed_doubt, t.missed)} | {_pct(t.units_doubt_clean, t.units_doubt)} |")  # fmt: skip


HEAD = ("| pages | n | errors in doubt (recall) | lost whole | right words in doubt (false alarms) | missed numbers in doubt | "
        "doubtful units with no error |\n|---|---|---|---|---|---|---|")  # fmt: skip


def classes(pages: list[PageDoubt], n: int) -> list[str]:
    """The commonest unflagged errors, by (how the page was read, what went wrong, block or cell)."""
    groups: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    for p in pages:
        for e in p.errors + p.missed:
            if e.doubt:
                continue
            key = (p.method or "office", e.what + (" (lost block)" if e.unit < 0 else ""))
            groups[key] += 1
            ex = examples.setdefault(key, [])
            if len(ex) < 6:
                ex.append(f"{p.doc} p{p.page}{' HELD' if p.held_out else ''}: [{e.truth}]->[{e.read[:40]}]")
    return [f"{c:5d} {m} {w}\n        " + "\n        ".join(examples[(m, w)]) for (m, w), c in groups.most_common(n)]


def codes(pages: list[PageDoubt]) -> list[str]:
    """Per doubt code: the errors it catches and the right words it holds (what each doubt costs the reviewer)."""
    caught: Counter[str] = Counter(e.doubt for p in pages for e in p.errors if e.doubt)
    right: Counter[str] = Counter()
    for p in pages:
        right.update(p.right_codes)
    return [
        f"{c:<28} errors caught {caught[c]:>4}   right words {right[c]:>5}"
        for c in sorted(set(caught) | set(right), key=lambda c: -right[c])
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--doc", action="append", default=[], metavar="ID")
    ap.add_argument("--ocr", choices=["auto", "always", "never"], default="auto")
    ap.add_argument(
        "--held-out-from", type=Path, metavar="FID.json", help="an earlier fidelity --json: pages it lacks are held out"
    )
    ap.add_argument("--blind-from", type=Path, metavar="FID.json",
                    help="a later fidelity --json: held-out pages it lacks too are the newest held-out set, totalled apart")
    ap.add_argument("--layout", action="store_true", help="also layout trust: the tables and headings, right or wrong, in doubt or not")
    ap.add_argument("--tess-cache", type=Path, metavar="DIR")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="store the documents read there, and read them back")
    ap.add_argument("--classes", type=int, default=0, metavar="N")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--level", choices=LEVELS, action="append", default=[],
                    help="the unit of doubt to score (repeatable; default: block, sentence and word)")
    ap.add_argument("--blocks-only", action="store_true",
                    help="score as if the reader put no doubt on sentences (their doubts and the blocks they made doubtful dropped)")
    args = ap.parse_args()
    if args.tess_cache:
        from dump_structure import cache_tesseract

        cache_tesseract(args.tess_cache)
    tuned = held_out_pages(args.held_out_from) if args.held_out_from else None
    seen_later = held_out_pages(args.blind_from) if args.blind_from else None
    layout_all: list[LayoutUnit] = []
    levels = tuple(args.level) or LEVELS
    by_level: dict[str, list[PageDoubt]] = {}
    per_doc: dict[str, dict[str, list[PageDoubt]]] = {}
    problems: list[str] = []
    for cd in load_corpus(args.corpus):
        if (args.doc and cd.id not in args.doc) or not cd.truth:
            continue
        kept = args.keep / f"{cd.id}.json" if args.keep else None
        if kept is not None and kept.is_file():
            doc = Document.model_validate_json(kept.read_text(encoding="utf-8"))
        else:
            try:
                doc = read_document(cd.path, args.ocr)
            except Exception as exc:  # reported per document, as bench/fidelity.py does
                problems.append(f"{cd.id}: reading failed: {type(exc).__name__}: {exc}")
                continue
            if kept is not None:
                kept.parent.mkdir(parents=True, exist_ok=True)
                kept.write_text(doc.model_dump_json(), encoding="utf-8")
        truth = load_truth_dir(cd.truth_dir)
        held = None if tuned is None else {t.page for t in truth} - tuned.get(cd.id, set())
        blind = None if seen_later is None else {t.page for t in truth} - seen_later.get(cd.id, set())
        if args.blocks_only:
            blocks_only(doc)
        if args.layout:
            layout_all += layout_units(doc, truth, cd.id, held, blind)
        for lv, got in doubt_levels(doc, truth, cd.id, held, levels).items():
            for p in got:
                p.blind = p.page in (blind or set())
            per_doc.setdefault(lv, {})[cd.id] = got
            by_level.setdefault(lv, []).extend(got)
    for lv in levels:
        problems += check(by_level.get(lv, []))
    if args.json:
        extra = {"layout": layout_json(layout_all)} if args.layout else {}
        print(json.dumps({lv: report_json(by_level.get(lv, []), per_doc.get(lv, {}), tuned is not None) for lv in levels}
                         | extra | {"problems": problems}, ensure_ascii=False, indent=2))  # fmt: skip
        return 1 if problems else 0
    for lv in levels:
        if len(levels) > 1:
            print(f"\n## unit of doubt: {lv}\n")
        report(by_level.get(lv, []), per_doc.get(lv, {}), tuned is not None, args.classes)
    if args.layout:
        layout_report(layout_all, args.classes)
    for msg in problems:
        print(f"problem: {msg}", file=sys.stderr)
    return 1 if problems else 0


def blocks_only(doc: Document) -> None:
    """The document as the reader left it before sentences carried doubts: no sentence doubt, and no block doubt
    that only its sentences' weak words gave."""
    from transform.model.walk import block_sentences, iter_blocks
    from transform.ocr.line_doubt import WEAK

    for _sec, b in iter_blocks(doc):
        for s, *_ in block_sentences(b):
            s.doubt, s.unsure = None, []
        if b.doubt == WEAK:
            b.doubt = None


def groups_of(pages: list[PageDoubt], tuned: bool) -> dict[str, list[PageDoubt]]:
    read = [p for p in pages if not p.refused]
    groups = {"all pages read": read, "text-layer pages": [p for p in read if p.method in ("text", None)],
              "OCR'd pages": [p for p in read if p.method == "ocr"]}  # fmt: skip
    if tuned:
        groups["tuned pages"] = [p for p in read if not p.held_out]
        groups["held-out pages"] = [p for p in read if p.held_out]
        if any(p.blind for p in read):
            groups["held-out before the newest set"] = [p for p in read if p.held_out and not p.blind]
            groups["newest held-out set"] = [p for p in read if p.blind]
    groups["refused pages (apart)"] = [p for p in pages if p.refused]
    return groups


def report_json(pages: list[PageDoubt], per_doc: dict[str, list[PageDoubt]], tuned: bool) -> dict:
    return {"totals": {k: totals(v).as_dict() for k, v in groups_of(pages, tuned).items()},
            "documents": {d: totals([p for p in v if not p.refused]).as_dict() for d, v in per_doc.items()}}  # fmt: skip


def report(pages: list[PageDoubt], per_doc: dict[str, list[PageDoubt]], tuned: bool, n_classes: int) -> None:
    read = [p for p in pages if not p.refused]
    print(HEAD.replace("pages |", "document |", 1))
    for d, v in per_doc.items():
        print(line(d, [p for p in v if not p.refused]))
    print()
    print(HEAD)
    for name, v in groups_of(pages, tuned).items():
        print(line(name, v))
    if n_classes:
        print("\ndoubt codes (pages read):")
        print("\n".join(codes(read)))
        print("\nunflagged errors, commonest kinds (how the page was read, what):")
        print("\n".join(classes(read, n_classes)))


def _layout_groups(units: list[LayoutUnit]) -> dict[str, list[LayoutUnit]]:
    groups = {"all": units, "tables": [u for u in units if u.kind == "table"], "headings": [u for u in units if u.kind == "heading"],
              "text-layer pages": [u for u in units if u.method in ("text", None)], "OCR'd pages": [u for u in units if u.method == "ocr"]}  # fmt: skip
    if any(u.held_out for u in units):
        groups["tuned pages"] = [u for u in units if not u.held_out]
        groups["held-out before the newest set"] = [u for u in units if u.held_out and not u.blind]
    if any(u.blind for u in units):
        groups["newest held-out set"] = [u for u in units if u.blind]
    return groups


def layout_json(units: list[LayoutUnit]) -> dict:
    return {k: layout_totals(v).__dict__ for k, v in _layout_groups(units).items()}


def layout_report(units: list[LayoutUnit], n: int) -> None:
    print("\n## layout trust: tables and headings on truth pages\n")
    print("| units | n | wrong in doubt (recall) | wrong, a part in doubt | right in doubt (false alarms) | verdicts |")
    print("|---|---|---|---|---|---|")
    for name, v in _layout_groups(units).items():
        t = layout_totals(v)
        verdicts = ", ".join(f"{k} {c}" for k, c in sorted(t.by_verdict.items()))
        print(f"| {name} | {t.units} | {_pct(t.wrong_doubt, t.wrong)} | {t.wrong_partly} | {_pct(t.right_doubt, t.right)} | {verdicts} |")
    codes_ = Counter(u.doubt for u in units if u.doubt)
    caught = Counter(u.doubt for u in units if u.doubt and u.wrong)
    print("\nlayout doubt codes: " + ", ".join(f"{c} {caught[c]}/{k}" for c, k in codes_.most_common()))
    if n:
        print("\nwrong tables and headings with no doubt:")
        for u in units:
            if u.wrong and not u.doubt:
                tag = " BLIND" if u.blind else " HELD" if u.held_out else ""
                print(f"  {u.doc} p{u.page}{tag} {u.method or 'office'} {u.kind} {u.verdict}: {u.sample}")


if __name__ == "__main__":
    raise SystemExit(main())
