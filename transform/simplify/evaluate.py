"""Evaluate the engine on a reference set (TSV: id, source, reference): metrics of DARIJA_GUIDE §4."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .french import french_segment
from .metrics import doc_metrics
from .msa import DocState, glossary_hits, simplify_sentence
from .speak import speakable


@dataclass
class RefRow:
    id: str
    source: str
    reference: str


def load_refset(path: str | Path) -> list[RefRow]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        rows.append(RefRow(cols[0], cols[1], cols[2]))
    return rows


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
            outputs.append(res.text)
            full.append(res.text)
            statuses.append(res.status)
        else:
            d = simplify_sentence(r.source, st, "paragraph")
            found |= set(glossary_hits(r.source))
            outputs.append(" ".join(d.pieces))
            full.append(" ".join(d.pieces + d.explanations))
            statuses.append("ok")
    seconds = time.perf_counter() - t0
    pairs = [(r.source, f, speakable(f)) for r, f in zip(rows, full, strict=True)]
    keep = [s != "needs_human" for s in statuses]
    m = doc_metrics(pairs, include_in_style=keep)
    from .metrics import chrf

    done = [i for i, k in enumerate(keep) if k]
    metrics = m.as_dict()
    metrics["M9_chrf_vs_reference"] = chrf([outputs[i] for i in done], [rows[i].reference for i in done])
    metrics["M10_chrf_vs_source"] = chrf([outputs[i] for i in done], [rows[i].source for i in done])
    return {
        "rows": len(rows),
        "handled": len(done),
        "needs_human": len(rows) - len(done),
        "metrics": metrics,
        "seconds": seconds,
        "sentences_per_second": len(rows) / seconds if seconds else float("inf"),
        "outputs": [{"id": r.id, "source": r.source, "output": f, "reference": r.reference, "status": s}
                    for r, f, s in zip(rows, full, statuses, strict=True)],
    }
