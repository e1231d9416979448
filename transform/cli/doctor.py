"""`taysir doctor`: check the external tools and engines this installation needs."""

from __future__ import annotations

import argparse
import json

from ..doctor import registries, report


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("doctor", help="check external tools (liblouis, espeak-ng, ffmpeg, pandoc, tesseract) and engines")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rep = report()
    regs = registries()
    if args.json:
        print(json.dumps({"tools": rep, "engines": regs}, ensure_ascii=False, indent=1))
    else:
        for name, info in rep.items():
            mark = "-- " if info.get("required") is False and not info.get("version") else "ok " if info.get("ok") else "NO "
            ext = info.get("extensions") or {}
            extra = f" (compiled braille steps: {ext['compiled_steps']}; quiet logger: {ext['quiet_logger']})" if ext else ""
            print(f"{mark} {name:<10} {info.get('version') or ''}{extra} {info.get('detail') or ''}".rstrip())
        for reg, names in regs.items():
            print(f"{reg}: " + ", ".join(f"{n}{'' if ok else ' (unavailable)'}" for n, ok in names.items()))
    return 0 if all(i.get("ok") for i in rep.values()) else 3
