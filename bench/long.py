"""Long documents: wall and CPU time per stage and peak memory of the whole conversion.

Usage: .venv/bin/python bench/long.py [--sections 50 200] [--langs fr ar] [--outputs text,braille,audio,...]

Builds a bilingual Markdown document of ``--sections`` top-level sections from the
prose of the samples (``samples/src``, the texts ``scripts/make_samples.py`` turns
into the sample files): each section has a French heading and paragraph and an
Arabic heading and paragraph (``--langs fr`` keeps only the French). Then runs
``transform.convert`` in a child process and, from outside, samples every 50 ms
the resident memory of the child and all its descendants (espeak-ng workers,
ffmpeg, chromium...) from ``/proc``. Reported per size: wall and CPU time (the
child and its finished descendants), the time of every stage from the result,
the peak of the summed resident memory of the process tree, the peak of the
largest single process and of each program's largest process (what grows with
the document), and the narration length.

The default outputs are every output but ``video`` (the video's speed has its own
bench, ``bench/video.py``); ``--outputs all`` adds it.
"""

from __future__ import annotations

import argparse
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

SRC = ROOT / "samples" / "src"
DEFAULT_OUTPUTS = "json,text,braille,audio,captions,html,epub,docx"


def paragraphs() -> tuple[list[str], list[str]]:
    """French and Arabic prose paragraphs of the sample texts (no headings, tables or lists)."""
    fr: list[str] = []
    ar: list[str] = []
    for path in sorted(SRC.glob("*.md")):
        in_ar = False
        for line in path.read_text(encoding="utf-8").splitlines():
            s = line.strip()
            if s.startswith(":::"):
                in_ar = "lang=ar" in s
                continue
            if not s or s[0] in "#|-*>![<" or re.match(r"^\d+[.)] ", s) or len(s) < 80:
                continue
            (ar if in_ar or re.search("[\u0600-\u06ff]{3}", s[:40]) else fr).append(s)
    return fr, ar


def build_markdown(sections: int, langs: list[str]) -> str:
    fr, ar = paragraphs()
    out = []
    for k in range(1, sections + 1):
        if "fr" in langs:
            out += [f"# Section {k} : programme régional", "", fr[k % len(fr)], ""]
        if "ar" in langs:
            out += ["::: {lang=ar dir=rtl}", f"# القسم {k}: البرنامج الجهوي", "", ar[k % len(ar)], ":::", ""]
    return "\n".join(out)


def child(src: str, out: str, outputs: str) -> int:
    """Run the conversion (in the measured process) and print its timings as JSON."""
    from transform import convert
    from transform.options import TransformOptions

    t0 = time.perf_counter()
    res = convert(Path(src), TransformOptions(outputs=outputs.split(",")), Path(out))
    wall = time.perf_counter() - t0
    durations = {}
    for p in Path(res.output_dir or out).glob("*.timeline.json"):
        durations[p.name] = json.loads(p.read_text(encoding="utf-8"))["duration_ms"] / 1000
    timings = res.model_dump(mode="json").get("timings", {})
    print(json.dumps({"status": str(res.status.value), "wall": wall, "timings": timings, "narration_s": durations,
                      "errors": [e.message for e in res.errors][:5]}))  # fmt: skip
    return 0


def _tree_rss(root: int) -> tuple[int, int, list[tuple[str, int]], int]:
    """(sum, largest, (name, rss) of each, sum without copies) resident set of ``root`` and its
    descendants, in bytes, from /proc. A copy is a child with its parent's name and at least 90 % of
    its resident set: a process just forked or vforked and not yet running its program, whose pages
    are the parent's (shared, or the same memory for vfork), so the plain sum counts them twice."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    names: dict[int, str] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                raw = f.read()
                stat = raw.rsplit(b")", 1)[1].split()
                names[int(d)] = raw.split(b"(", 1)[1].rsplit(b")", 1)[0].decode("utf-8", "replace")
            with open(f"/proc/{d}/statm", "rb") as f:
                rss[int(d)] = int(f.read().split()[1]) * page
            parents[int(d)] = int(stat[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, todo = set(), [root]
    while todo:
        p = todo.pop()
        tree.add(p)
        todo += [c for c, pp in parents.items() if pp == p and c not in tree]
    sizes = [rss.get(p, 0) for p in tree]
    copies = {
        p for p in tree
        if p != root and names.get(p) == names.get(parents.get(p, -1)) and rss.get(p, 0) >= 0.9 * rss.get(parents[p], 1 << 62)
    }  # fmt: skip
    own = sum(rss.get(p, 0) for p in tree - copies)
    each = sorted(((names.get(p, "?"), rss.get(p, 0)) for p in tree), key=lambda x: -x[1])
    return sum(sizes), max(sizes, default=0), each, own


def measure(src: Path, out: Path, outputs: str) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", str(src), str(out), outputs], stdout=subprocess.PIPE, cwd=ROOT, text=True
    )
    peak_sum = peak_one = peak_own = 0
    at_peak: list[tuple[str, int]] = []
    by_program: dict[str, int] = {}  # the largest single process of each program over the run
    while proc.poll() is None:
        s, one, each, own = _tree_rss(proc.pid)
        if s > peak_sum:
            peak_sum, at_peak = s, each
        peak_own = max(peak_own, own)
        peak_one = max(peak_one, one)
        for name, rss in each:
            by_program[name] = max(by_program.get(name, 0), rss)
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    text = proc.stdout.read() if proc.stdout else ""
    data = json.loads(text.strip().splitlines()[-1]) if text.strip() else {"status": f"exit {proc.returncode}"}
    data.update(wall_total=wall, cpu=cpu, peak_tree_mb=peak_sum / 2**20, peak_one_mb=peak_one / 2**20,
                peak_own_mb=peak_own / 2**20,
                maxrss_mb=after.ru_maxrss / 1024, at_peak=[(n, round(r / 2**20)) for n, r in at_peak],
                by_program={n: round(r / 2**20) for n, r in sorted(by_program.items(), key=lambda x: -x[1])})  # fmt: skip
    return data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sections", type=int, nargs="+", default=[50, 200])
    ap.add_argument("--langs", nargs="+", default=["fr", "ar"], choices=["fr", "ar"])
    ap.add_argument("--outputs", default=DEFAULT_OUTPUTS)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(*args.child)
    outputs = "json,text,braille,audio,captions,video,html,epub,docx" if args.outputs == "all" else args.outputs
    print(f"outputs: {outputs}; langs: {' '.join(args.langs)}; cpus={os.cpu_count()}; load {os.getloadavg()[0]:.1f}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="taysir-bench-long-") as tmp:
        for n in args.sections:
            src = Path(tmp) / f"long-{n}.md"
            src.write_text(build_markdown(n, args.langs), encoding="utf-8")
            r = measure(src, Path(tmp) / f"out-{n}", outputs)
            rows.append((n, r))
            narr = ", ".join(f"{k.split('.')[-3]} {v / 60:.1f} min" for k, v in sorted(r.get("narration_s", {}).items()))
            print(f"\n{n} sections ({src.stat().st_size // 1024} KB of Markdown): status {r['status']}, narration {narr}")
            print(f"  wall {r['wall_total']:.1f} s, cpu {r['cpu']:.1f} s (child + descendants)")
            print(f"  peak memory: tree {r['peak_tree_mb']:.0f} MB (sum of all processes), largest process {r['peak_one_mb']:.0f} MB, "
                  f"ru_maxrss {r['maxrss_mb']:.0f} MB; tree without copies not yet running their program "
                  f"{r['peak_own_mb']:.0f} MB")  # fmt: skip
            print("  at the peak: " + ", ".join(f"{n} {mb} MB" for n, mb in r.get("at_peak", [])))
            print("  largest process of each program: " + ", ".join(f"{n} {mb} MB" for n, mb in r.get("by_program", {}).items()))
            stages = r.get("timings", {})
            if stages:
                print("  stages: " + ", ".join(f"{k} {v:.1f}s" for k, v in stages.items() if isinstance(v, (int, float))))
            for e in r.get("errors", []):
                print(f"  error: {e}")
    if len(rows) >= 2:
        (a, ra), (b, rb) = rows[0], rows[-1]
        print(f"\npeak tree memory {a} -> {b} sections: {ra['peak_tree_mb']:.0f} -> {rb['peak_tree_mb']:.0f} MB "
              f"({(rb['peak_tree_mb'] / ra['peak_tree_mb'] - 1) * 100:+.0f} %; goal <= +10 %, <= 600 MB)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
