"""The quality report of a simplified document: JSON (machines, CI) and a readable HTML page (staff)."""

from __future__ import annotations

import html
import time
from collections import Counter
from collections.abc import Sequence

from .base import Simplification
from .data import resources
from .engine import glossary_explained_in
from .metrics import TARGETS, doc_metrics, target_met
from .msa import glossary_hits

GATES = ("M3_numbers_kept", "M4_entities_kept", "M11_glossary_coverage", "M12_tts_ready")


def build_report(res: Simplification, *, engine: str, target: str = "ary", references: Sequence[str] | None = None,
                 provenance: dict[str, str] | None = None) -> dict[str, object]:
    segs = res.segments
    pairs = [(s.source, s.text, s.speakable) for s in segs]
    with_expl = {e.id for e in resources().glossary if e.explanation}
    found: set[str] = set()
    if res.source_lang != "fr":
        for s in segs:
            found |= {g for g in glossary_hits(s.source) if g in with_expl}
    explained = glossary_explained_in(res.document) & found
    m = doc_metrics(pairs, references=references, glossary_found=len(found), glossary_explained=len(explained),
                    include_in_style=[s.status != "needs_human" and s.role not in ("cell", "heading") for s in segs])
    metrics = m.as_dict()
    counts = Counter(s.status for s in segs)
    gates = {g: metrics[g] == 1.0 for g in GATES}
    return {
        "document": res.document.meta.source_name or res.document.meta.title or "",
        "target": target,
        "engine": engine,
        "source_lang": res.source_lang,
        "mode": res.mode,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "review_state": res.document.meta.review_state,
        "label": "machine-generated draft: to be reviewed and approved by a person before publication",
        "provenance": provenance or {},
        "segments_total": len(segs),
        "status_counts": {k: counts.get(k, 0) for k in ("ok", "needs_review", "needs_human")},
        "metrics": metrics,
        "targets": {k: {"op": op, "value": v, "met": target_met(k, metrics.get(k))} for k, (op, v) in TARGETS.items()},
        "gates": gates,
        "gates_ok": all(gates.values()),
        "glossary": {"found": sorted(found), "explained": sorted(explained)},
        "warnings": res.warnings,
        "segments": [s.as_dict() for s in segs],
    }


def _fmt(v: object) -> str:
    if v is None:
        return "not measured"
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


def report_html(rep: dict[str, object]) -> str:
    """A plain, accessible page: summary, metric table with targets, then every segment side by side."""
    e = html.escape
    metrics: dict[str, object] = rep["metrics"]  # type: ignore[assignment]
    targets: dict[str, dict[str, object]] = rep["targets"]  # type: ignore[assignment]
    rows = []
    for k, v in metrics.items():
        t = targets.get(k)
        met = "" if not t else ("yes" if t["met"] else "no" if t["met"] is False else "—")
        goal = "" if not t else f"{'gate' if t['op'] == 'gate' else t['op']} {t['value']}"
        rows.append(f"<tr><th scope=\"row\">{e(k)}</th><td>{e(_fmt(v))}</td><td>{e(goal)}</td><td>{met}</td></tr>")
    segs = []
    for s in rep["segments"]:  # type: ignore[union-attr]
        reasons = "<br>".join(e(r) for r in s["reasons"]) or "—"
        src_dir = "rtl" if s["source_lang"] in ("ar", "ary") else "ltr"
        segs.append(
            f"<tr class=\"{e(s['status'])}\"><td>{e(s['id'])}</td>"
            f"<td lang=\"{e(s['source_lang'])}\" dir=\"{src_dir}\">{e(s['source'])}</td>"
            f"<td lang=\"ary\" dir=\"rtl\">{e(s['text'])}</td><td>{e(s['status'])}</td><td>{reasons}</td></tr>"
        )
    counts = rep["status_counts"]
    warn = "".join(f"<li>{e(w)}</li>" for w in rep["warnings"])  # type: ignore[union-attr]
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><title>Quality report: {e(str(rep['document']))} ({e(str(rep['target']))})</title>
<style>body{{font-family:sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;line-height:1.5}}
table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #555;padding:.3rem;vertical-align:top;text-align:start}}
tr.needs_review{{background:#fff4d6}}tr.needs_human{{background:#fde2e2}}[dir=rtl]{{font-size:1.15em}}</style></head>
<body><main>
<h1>Quality report: {e(str(rep['document']))}</h1>
<p><strong>{e(str(rep['label']))}</strong></p>
<p>Target: {e(str(rep['target']))}. Engine: {e(str(rep['engine']))}. Source language: {e(str(rep['source_lang']))} ({e(str(rep['mode']))}).
Review state: {e(str(rep['review_state']))}. Gates: {'all passed' if rep['gates_ok'] else 'FAILED'}.</p>
<p>Segments: {rep['segments_total']} (ok {counts['ok']}, needs review {counts['needs_review']}, needs human translation {counts['needs_human']}).</p>
{f'<h2>Warnings</h2><ul>{warn}</ul>' if warn else ''}
<h2>Metrics</h2>
<table><thead><tr><th scope="col">metric</th><th scope="col">value</th><th scope="col">target</th><th scope="col">met</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>
<h2>Segments</h2>
<table><thead><tr><th scope="col">id</th><th scope="col">source</th><th scope="col">simplified</th><th scope="col">status</th><th scope="col">reasons</th></tr></thead>
<tbody>{''.join(segs)}</tbody></table>
</main></body></html>
"""
