"""The interpreter's cue sheet PDF: made in-process (fpdf2 + HarfBuzz) against Chromium printing the HTML.

Usage: .venv/bin/python bench/cuesheet.py [--cues 300 1000] [--lang ar] [--repeat 2]

Builds a timeline of ``--cues`` sentences from the samples' prose (``samples/src``, as
``bench/long.py`` does; a heading every 12 rows, 3.7 s per sentence), writes its HTML sheet, then
makes the PDF both ways, each in a fresh child Python process, interleaved, ``--repeat`` times:
**ours** (``cuepdf.cue_sheet_pdf``) and **chromium** (``cuesheet.html_to_pdf``: headless Chromium,
a throw-away profile). Reported, best of the repeats: wall and CPU time of the child and its
descendants (the larger of the reaped children's rusage and the per-process CPU sampled from
/proc, which sees Chromium's renderer processes; a lower bound), and the peak of the summed resident memory of the child's process tree (sampled every
20 ms from /proc; both children carry the same Python and ``transform`` imports, about 100 MB),
and the PDF's pages.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_spec = importlib.util.spec_from_file_location("bench_long", Path(__file__).with_name("long.py"))
assert _spec is not None and _spec.loader is not None
long = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(long)

CHILD = """
import sys, json
from pathlib import Path
sys.path.insert(0, {root!r})
from transform.model import Timeline
from transform.video import cuepdf
from transform.video.cuesheet import html_to_pdf
tl = Timeline.model_validate_json(Path({tl!r}).read_text(encoding="utf-8"))
if {how!r} == "ours":
    cuepdf.cue_sheet_pdf(tl, Path({pdf!r}))
else:
    html_to_pdf(Path({html!r}), Path({pdf!r}), timeout=600)
"""


def timeline_json(n: int, lang: str) -> str:
    from transform.model import Cue, Timeline

    fr, ar = long.paragraphs()
    prose = ar if lang.startswith("ar") else fr
    sentences = [s.strip() for p in prose for s in re.split(r"(?<=[.!؟?])\s+", p) if len(s.strip()) > 20]
    heading = "القسم" if lang.startswith("ar") else "Section"
    cues, t = [], 0
    for i in range(n):
        is_head = i % 12 == 0
        text = f"{heading} {i // 12 + 1}" if is_head else sentences[i % len(sentences)]
        cues.append(Cue(sentence_id=f"s{i}", text=text, lang=lang, begin_ms=t, end_ms=t + 3700, kind="heading" if is_head else "sentence"))
        t += 3700
    return Timeline(lang=lang, duration_ms=t, cues=cues).model_dump_json()


def _tree_cpu(root: int, seen: dict[int, float]) -> None:
    """Record the CPU seconds (user + system) of ``root`` and every descendant alive now, per pid."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    stats: dict[int, list[bytes]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            parents[int(d)], stats[int(d)] = int(fields[1]), fields
    todo = [root]
    while todo:
        p = todo.pop()
        if p in stats:
            seen[p] = max(seen.get(p, 0.0), (int(stats[p][11]) + int(stats[p][12])) / tick)
        todo += [c for c, pp in parents.items() if pp == p]


def run_child(code: str) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    peak = 0
    seen: dict[int, float] = {}
    while proc.poll() is None:
        peak = max(peak, long._tree_rss(proc.pid)[0])
        _tree_cpu(proc.pid, seen)
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise SystemExit(f"child failed ({proc.returncode})")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # Chromium's renderer and GPU processes are not all reaped into the child's rusage: the CPU
    # seen in /proc (every process of the tree, sampled) is the larger figure there.
    return {"wall": wall, "cpu": max(cpu, sum(seen.values())), "peak_mb": peak / 2**20}


def pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cues", type=int, nargs="+", default=[300, 1000])
    ap.add_argument("--lang", default="ar")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--no-chromium", action="store_true")
    args = ap.parse_args()
    from transform.video.cuesheet import cue_sheet_html

    print(f"lang {args.lang}; cpus={os.cpu_count()}; load {os.getloadavg()[0]:.1f}")
    hows = ["ours"] + ([] if args.no_chromium else ["chromium"])
    results = []
    with tempfile.TemporaryDirectory(prefix="taysir-bench-cue-") as tmp:
        for n in args.cues:
            tl = Path(tmp) / f"tl{n}.json"
            tl.write_text(timeline_json(n, args.lang), encoding="utf-8")
            from transform.model import Timeline

            html = Path(tmp) / f"s{n}.html"
            html.write_text(cue_sheet_html(Timeline.model_validate_json(tl.read_text(encoding="utf-8"))), encoding="utf-8")
            best: dict[str, dict[str, float]] = {}
            for _ in range(args.repeat):
                for how in hows:
                    pdf = Path(tmp) / f"{how}{n}.pdf"
                    r = run_child(CHILD.format(root=str(ROOT), tl=str(tl), how=how, pdf=str(pdf), html=str(html)))
                    r["pages"] = pages(pdf)
                    old = best.get(how)
                    best[how] = r if old is None else {k: min(old[k], r[k]) for k in r}
            for how in hows:
                r = best[how]
                print(f"{n} cues, {how:8s}: wall {r['wall']:.2f} s, cpu {r['cpu']:.2f} s, peak tree {r['peak_mb']:.0f} MB, {r['pages']:.0f} pages")
                results.append({"cues": n, "how": how, **r})
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
