"""Evaluate the engine on a reference set (TSV: id, source, reference): metrics of DARIJA_GUIDE §4."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .french import french_segment
from .metrics import GATES, check_segment, doc_metrics, gate_ok
from .msa import DocState, glossary_hits, simplify_sentence
from .speak import speakable
from .text import script_of


@dataclass
class RefRow:
    id: str
    source: str
    reference: str


def load_refset(path: str | Path) -> list[RefRow]:
    """Rows of a reference file: id<TAB>source<TAB>reference[<TAB>more columns]; # comments and blank lines skipped.
    Rows whose reference is empty or a placeholder (bad-output lists) are skipped."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[2].strip():
            continue
        rows.append(RefRow(cols[0], cols[1], cols[2]))
    return rows


def refset_files(folder: str | Path, lang: str, *, heldout: bool | None = None) -> list[Path]:
    """The reference files of ``folder`` whose sources are in ``lang`` ("ar" or "fr"), held-out ones only
    (``heldout=True``), development ones only (False) or all (None). A file is held out when its name says so."""
    out = []
    for f in sorted(Path(folder).glob("*.tsv")):
        if "bad" in f.name:
            continue
        rows = load_refset(f)
        if not rows:
            continue
        arabic = sum(script_of(r.source) == "arabic" for r in rows) > len(rows) / 2
        if (lang == "ar") != arabic:
            continue
        if heldout is not None and ("heldout" in f.name or "held_out" in f.name) != heldout:
            continue
        out.append(f)
    return out


def evaluate(rows: list[RefRow], lang: str = "ar", agent: str = "الجهة") -> dict[str, object]:
    """Simplify each source sentence (one document: glossary terms explained once) and measure.

    chrF (M9) compares the translation pieces with the references; the glossary explanation sentences the
    engine adds are left out of M9 (the references translate, they do not explain) but are counted in every
    style metric (M1, M2, M5-M8), because readers get them.
    """
    st = DocState(agent=agent)
    outputs, full, statuses = [], [], []
    found: set[str] = set()
    t0 = time.perf_counter()
    for r in rows:
        if lang == "fr":
            res = french_segment(r.source, "paragraph", agent)
            chk = check_segment(r.source, res.text, speakable(res.text)) if res.text else None
            gated = res.status != "needs_human" and chk is not None and chk.gates_ok and not chk.numbers_new
            outputs.append(res.text)
            full.append(res.text)
            statuses.append(res.status if gated or res.status == "needs_human" else "needs_review")
        else:
            d = simplify_sentence(r.source, st, "paragraph")
            found |= set(glossary_hits(r.source))
            outputs.append(" ".join(d.pieces))
            full.append(" ".join(d.pieces + d.explanations))
            statuses.append("ok")
    seconds = time.perf_counter() - t0
    # a sentence without Darija text shows its source (numbers kept there); only Darija text is measured for style
    pairs = [(r.source, f if st_ == "ok" else r.source, speakable(f) if st_ == "ok" else "")
             for r, f, st_ in zip(rows, full, statuses, strict=True)]
    keep = [s == "ok" for s in statuses]
    m = doc_metrics(pairs, include_in_style=keep)
    from .metrics import chrf

    done = [i for i, k in enumerate(keep) if k]
    metrics = m.as_dict()
    metrics["M9_chrf_vs_reference"] = chrf([outputs[i] for i in done], [rows[i].reference for i in done])
    metrics["M10_chrf_vs_source"] = chrf([outputs[i] for i in done], [rows[i].source for i in done])
    copy = doc_metrics([(r.source, r.source, speakable(r.source)) for r in rows], include_in_style=[True] * len(rows)).as_dict()
    base_rows = [rows[i] for i in done] if lang == "fr" and done else rows  # the same sentences as the engine's chrF
    baseline = {"chrf": chrf([r.source for r in base_rows], [r.reference for r in base_rows]),
                "copy_rate": copy["copy_rate"], "darija_markers_per_100": copy["darija_markers_per_100"],
                "msa_left_per_100": copy["msa_left_per_100"],
                "gates_ok": all(gate_ok(k, copy.get(k)) is not False for k in GATES if k in copy)}
    return {
        "baseline": baseline,
        "rows": len(rows),
        "handled": len(done),
        "needs_human": len(rows) - len(done),
        "metrics": metrics,
        "seconds": seconds,
        "sentences_per_second": len(rows) / seconds if seconds else float("inf"),
        "outputs": [{"id": r.id, "source": r.source, "output": f, "reference": r.reference, "status": s}
                    for r, f, s in zip(rows, full, statuses, strict=True)],
    }
