"""Loudness of the narration files Taysir wrote: EBU R128 integrated loudness (ffmpeg ``ebur128``) of every MP3.

    .venv/bin/python bench/loudness.py DIR                # every *.mp3 under DIR
    .venv/bin/python bench/loudness.py BEFORE_DIR AFTER_DIR  # the same files side by side, and the largest gap

Used to check that a change to the loudness normalisation keeps what a listener gets (the
target is ``audio.loudness_lufs``, -16 LUFS by default) within 0.5 LU.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transform._exec.ffmpeg import file_loudness  # noqa: E402


def measure(folder: Path) -> dict[str, float]:
    return {p.relative_to(folder).as_posix(): file_loudness(p) for p in sorted(folder.rglob("*.mp3"))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    args = ap.parse_args()
    runs = [measure(d) for d in args.dirs[:2]]
    if len(runs) == 1:
        for name, lufs in runs[0].items():
            print(f"{lufs:7.2f} LUFS  {name}")
        return 0
    before, after = runs
    gaps = []
    print(f"{'before':>8} {'after':>8} {'gap':>6}  file")
    for name in sorted(set(before) & set(after)):
        gap = after[name] - before[name]
        gaps.append(abs(gap))
        print(f"{before[name]:8.2f} {after[name]:8.2f} {gap:+6.2f}  {name}")
    print(f"{len(gaps)} files; largest gap {max(gaps, default=0):.2f} LU; "
          f"mean after {sum(after[n] for n in set(before) & set(after)) / max(len(gaps), 1):.2f} LUFS")
    return 0 if max(gaps, default=0) <= 0.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
